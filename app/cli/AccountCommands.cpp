// The client side of the manual's first screens for scripts and IT: log in with password and OTP, then run
// the certificate setup into a local key store. Secrets come from the terminal (no echo) or, with the
// --*-stdin flags, one line each from stdin in the order password, OTP, PIN, PIN confirmation.
#include "AccountCommands.h"

#include "client/ApiClient.h"
#include "client/CertificateSetup.h"
#include "common/AtomicFile.h"
#include "common/SecureBuffer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTimeZone>

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

using namespace ikkatsu;
using namespace ikkatsu::client;

namespace {

struct Options
{
    QString command;
    QUrl server;
    QString userId;
    QString sessionFile;
    QString keyStore;
    QString keyAlgorithm = QStringLiteral("p256");
    bool passwordStdin = false;
    bool otpStdin = false;
    bool pinStdin = false;
    bool viewOnly = false;
    bool force = false;
};

void out(const QString& text)
{
    std::cout << text.toStdString() << std::endl;
}

void err(const QString& text)
{
    std::cerr << text.toStdString() << std::endl;
}

int fail(const Error& error)
{
    err(QStringLiteral("ikkatsu-cli: ") + error.codeText() + QLatin1Char(' ') + error.message()
        + (error.detail.isEmpty() || error.detail == error.message()
                ? QString()
                : QStringLiteral(" (") + error.detail + QLatin1Char(')')));
    return 1;
}

// One line from stdin, or from the terminal with echo off when `secret` and stdin is a terminal.
SecureBuffer readLine(const QString& prompt, bool fromStdin, bool secret)
{
    const bool terminal = !fromStdin && isatty(STDIN_FILENO);
    if (terminal)
        std::cerr << prompt.toStdString() << std::flush;
    termios saved {};
    const bool hideEcho = terminal && secret && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hideEcho) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (hideEcho) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << std::endl;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    SecureBuffer value {std::string_view(line)};
    std::fill(line.begin(), line.end(), '\0');
    return value;
}

QString defaultSessionFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("ikkatsu/session.json"));
}

Result<Options> parseOptions(const QStringList& args)
{
    Options options;
    options.command = args.value(0);
    options.sessionFile = defaultSessionFile();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        auto value = [&]() -> QString { return i + 1 < args.size() ? args.at(++i) : QString(); };
        if (arg == QLatin1String("--server"))
            options.server = QUrl(value());
        else if (arg == QLatin1String("--user"))
            options.userId = value();
        else if (arg == QLatin1String("--session-file"))
            options.sessionFile = value();
        else if (arg == QLatin1String("--key-store"))
            options.keyStore = value();
        else if (arg == QLatin1String("--key"))
            options.keyAlgorithm = value();
        else if (arg == QLatin1String("--password-stdin"))
            options.passwordStdin = true;
        else if (arg == QLatin1String("--otp-stdin"))
            options.otpStdin = true;
        else if (arg == QLatin1String("--pin-stdin"))
            options.pinStdin = true;
        else if (arg == QLatin1String("--view-only"))
            options.viewOnly = true;
        else if (arg == QLatin1String("--force"))
            options.force = true;
        else
            return makeError(ErrorCode::BadRequest, QStringLiteral("unknown option: ") + arg);
    }
    return options;
}

Status saveSession(const Options& options, const QString& token)
{
    QDir().mkpath(QFileInfo(options.sessionFile).absolutePath());
    const QJsonObject session {{QStringLiteral("server"), options.server.toString()}, {QStringLiteral("token"), token}};
    return writeFileAtomically(options.sessionFile, QJsonDocument(session).toJson(QJsonDocument::Compact), 0600);
}

// The saved token for this server, if any.
QString loadSession(const Options& options)
{
    QFile file(options.sessionFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject session = QJsonDocument::fromJson(file.readAll()).object();
    if (QUrl(session.value(QStringLiteral("server")).toString()) != options.server)
        return {};
    return session.value(QStringLiteral("token")).toString();
}

// Password → OTP → session (the login screen).
Status login(ApiClient& client, const Options& options)
{
    if (options.userId.isEmpty())
        return makeError(ErrorCode::BadRequest, QStringLiteral("--user is required to log in"));
    const SecureBuffer password = readLine(QStringLiteral("パスワード: "), options.passwordStdin, true);
    auto challenge = waitFor<api::LoginChallenge>(
        [&](ApiClient::Done<api::LoginChallenge> done) { client.login(options.userId, password, std::move(done)); });
    if (!challenge)
        return challenge.error();
    err(QStringLiteral("ワンタイムパスワードをメールでお送りしました。"));
    const SecureBuffer otp = readLine(QStringLiteral("ワンタイムパスワード: "), options.otpStdin, false);
    auto session = waitFor<api::Session>([&](ApiClient::Done<api::Session> done) {
        client.submitOtp(challenge->attemptId,
            QString::fromUtf8(otp.data(), static_cast<qsizetype>(otp.size())).trimmed(), std::move(done));
    });
    if (!session)
        return session.error();
    IKK_TRY(saveSession(options, session->token));
    out(QStringLiteral("ログインしました: %1 (%2)").arg(session->user.userId, session->user.userName));
    return {};
}

// A session: the saved one if the server still accepts it, otherwise a fresh login.
Status ensureSession(ApiClient& client, const Options& options)
{
    const QString saved = loadSession(options);
    if (!saved.isEmpty()) {
        client.setSessionToken(saved);
        auto me = waitFor<ApiClient::Me>([&](ApiClient::Done<ApiClient::Me> done) { client.me(std::move(done)); });
        if (me)
            return {};
        client.setSessionToken({});
    }
    return login(client, options);
}

void printCertificate(const ApiClient::Me& me, const api::CertificateInfo& info)
{
    const QString expiry
        = info.notAfter.toTimeZone(QTimeZone(9 * 3600)).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss"));
    out(QStringLiteral("ユーザ情報"));
    out(QStringLiteral("  ユーザ名\t\t") + me.user.userName);
    out(QStringLiteral("  会社名\t\t") + me.user.company);
    out(QStringLiteral("  ローマ字氏名\t\t") + me.user.nameRoman);
    out(QStringLiteral("  ローマ字会社名\t") + me.user.companyRoman);
    out(QStringLiteral("署名用証明書情報"));
    out(QStringLiteral("  証明書シリアルナンバー\t") + info.serialNumber);
    out(QStringLiteral("  CN:発行対象者\t\t") + info.subject.commonName);
    out(QStringLiteral("  OU:発行対象会社名\t") + info.subject.companyUnit);
    out(QStringLiteral("  OU:サービス名\t\t") + info.subject.serviceUnit);
    out(QStringLiteral("  O:サービス提供会社名\t") + info.subject.organization);
    out(QStringLiteral("  C:国名\t\t\t") + info.subject.country);
    out(QStringLiteral("  有効期限終了日時\t") + expiry);
}

int certificateSetup(ApiClient& client, const Options& options)
{
    if (!options.viewOnly && options.keyStore.isEmpty())
        return fail(makeError(ErrorCode::BadRequest, QStringLiteral("--key-store PATH is required")));
    KeyAlgorithm algorithm = KeyAlgorithm::EcdsaP256;
    if (!parseKeyAlgorithm(options.keyAlgorithm, &algorithm))
        return fail(makeError(ErrorCode::KeyAlgorithmUnsupported, options.keyAlgorithm));
    if (!options.viewOnly && !options.force && QFileInfo::exists(options.keyStore))
        return fail(makeError(ErrorCode::KeyStoreExists, options.keyStore));
    const Status session = ensureSession(client, options);
    if (!session)
        return fail(session.error());
    auto me = waitFor<ApiClient::Me>([&](ApiClient::Done<ApiClient::Me> done) { client.me(std::move(done)); });
    if (!me)
        return fail(me.error());

    CertificateSetup setup(client);
    if (options.viewOnly) {
        auto declined = waitFor<bool>([&](ApiClient::Done<bool> done) { setup.declineSigning(std::move(done)); });
        if (!declined)
            return fail(declined.error());
        out(QStringLiteral("電子署名を行わない設定で登録しました。"));
        return 0;
    }
    err(QStringLiteral("鍵ペアを生成し、署名用証明書を発行しています…"));
    auto issued = waitFor<api::CertificateInfo>(
        [&](ApiClient::Done<api::CertificateInfo> done) { setup.issue(algorithm, std::move(done)); });
    if (!issued)
        return fail(issued.error());
    printCertificate(*me, *issued);
    const SecureBuffer pin = readLine(QStringLiteral("新しい署名用暗証コード: "), options.pinStdin, true);
    const SecureBuffer confirmation
        = readLine(QStringLiteral("新しい署名用暗証コードの確認入力: "), options.pinStdin, true);
    const Status stored = setup.store(options.keyStore, pin, confirmation, options.force);
    if (!stored)
        return fail(stored.error());
    out(QStringLiteral("署名用暗証コードの登録 完了: ") + options.keyStore);
    return 0;
}

} // namespace

bool isAccountCommand(const QString& command)
{
    return command == QLatin1String("login") || command == QLatin1String("certificate-setup")
        || command == QLatin1String("logout");
}

QString accountCommandsUsage()
{
    return QStringLiteral(
        "  login --server URL --user ID [--password-stdin] [--otp-stdin] [--session-file FILE]\n"
        "  certificate-setup --server URL --key-store PATH [--key p256|rsa2048] [--view-only] [--force]\n"
        "                    [--user ID --password-stdin --otp-stdin] [--pin-stdin] [--session-file FILE]\n"
        "  logout --server URL [--session-file FILE]\n"
        "  Secrets are read from the terminal without echo, or with --*-stdin one line each from stdin in the\n"
        "  order password, one-time password, PIN, PIN confirmation.\n");
}

int runAccountCommand(const QStringList& args)
{
    auto options = parseOptions(args);
    if (!options)
        return fail(options.error());
    if (!options->server.isValid() || options->server.scheme().isEmpty())
        return fail(makeError(ErrorCode::BadRequest, QStringLiteral("--server URL is required")));
    ApiClient client(options->server);
    if (options->command == QLatin1String("login")) {
        const Status done = login(client, *options);
        return done ? 0 : fail(done.error());
    }
    if (options->command == QLatin1String("certificate-setup"))
        return certificateSetup(client, *options);
    if (options->command == QLatin1String("logout")) {
        client.setSessionToken(loadSession(*options));
        auto done = waitFor<bool>([&](ApiClient::Done<bool> finished) { client.logout(std::move(finished)); });
        QFile::remove(options->sessionFile);
        return done ? 0 : fail(done.error());
    }
    return fail(makeError(ErrorCode::BadRequest, QStringLiteral("unknown command: ") + options->command));
}
