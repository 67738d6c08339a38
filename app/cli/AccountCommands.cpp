// The client side of the manual's first screens for scripts and IT: log in with password and OTP, then run
// the certificate setup into a local key store. Secrets come from the terminal (no echo) or, with the
// --*-stdin flags, one line each from stdin in the order password, OTP, PIN, PIN confirmation.
#include "AccountCommands.h"

#include "client/ApiClient.h"
#include "client/BatchSession.h"
#include "client/CertificateSetup.h"
#include "client/ServerBatchSource.h"
#include "client/TimestampClient.h"
#include "common/AtomicFile.h"
#include "common/SecureBuffer.h"
#include "crypto/KeyStore.h"
#include "platform/Console.h"
#include "signing/FileBatchSigner.h"
#include "signing/Preflight.h"
#include "signing/UserSeal.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <functional>
#include <iostream>
#include <optional>
#include <string>

using namespace ikkatsu;
using namespace ikkatsu::client;

namespace {

// The translation context of these commands' messages.
class AccountText
{
    Q_DECLARE_TR_FUNCTIONS(AccountCommands)
};

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
    int transfers = 6; // batch: downloads and uploads in flight
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
    const bool terminal = !fromStdin && platform::isTerminal(stdin);
    if (terminal)
        std::cerr << prompt.toStdString() << std::flush;
    std::string line;
    {
        std::optional<platform::EchoOff> hidden;
        if (terminal && secret)
            hidden.emplace(stdin);
        std::getline(std::cin, line);
        if (hidden && hidden->active())
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
        else if (arg == QLatin1String("--transfers")) {
            bool ok = false;
            options.transfers = value().toInt(&ok);
            if (!ok || options.transfers < 1 || options.transfers > 16)
                return makeError(ErrorCode::BadRequest, QStringLiteral("--transfers takes 1 to 16"));
        } else
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
        return makeError(ErrorCode::BadRequest, AccountText::tr("--user ID is required to log in."));
    const SecureBuffer password = readLine(AccountText::tr("Password: "), options.passwordStdin, true);
    auto challenge = waitFor(client.login(options.userId, password));
    if (!challenge)
        return challenge.error();
    err(AccountText::tr("A one-time password has been sent to you by mail."));
    const SecureBuffer otp = readLine(AccountText::tr("One-time password: "), options.otpStdin, false);
    auto session = waitFor(client.submitOtp(
        challenge->attemptId, QString::fromUtf8(otp.data(), static_cast<qsizetype>(otp.size())).trimmed()));
    if (!session)
        return session.error();
    IKK_TRY(saveSession(options, session->token));
    out(AccountText::tr("Logged in: %1 (%2)").arg(session->user.userId, session->user.userName));
    return {};
}

// A session: the saved one if the server still accepts it, otherwise a fresh login.
Status ensureSession(ApiClient& client, const Options& options)
{
    const QString saved = loadSession(options);
    if (!saved.isEmpty()) {
        client.setSessionToken(saved);
        auto me = waitFor(client.me());
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
    out(AccountText::tr("User information"));
    out(AccountText::tr("  User name\t\t") + me.user.userName);
    out(AccountText::tr("  Company\t\t") + me.user.company);
    out(AccountText::tr("  Romanized name\t\t") + me.user.nameRoman);
    out(AccountText::tr("  Romanized company\t") + me.user.companyRoman);
    out(AccountText::tr("Signing certificate"));
    out(AccountText::tr("  Serial number\t\t") + info.serialNumber);
    out(AccountText::tr("  CN (signer)\t\t") + info.subject.commonName);
    out(AccountText::tr("  OU (company)\t\t") + info.subject.companyUnit);
    out(AccountText::tr("  OU (service)\t\t") + info.subject.serviceUnit);
    out(AccountText::tr("  O (provider)\t\t") + info.subject.organization);
    out(AccountText::tr("  C (country)\t\t") + info.subject.country);
    out(AccountText::tr("  Valid until\t\t") + expiry);
}

int certificateSetup(ApiClient& client, const Options& options)
{
    if (!options.viewOnly && options.keyStore.isEmpty())
        return fail(makeError(ErrorCode::BadRequest, AccountText::tr("--key-store PATH is required.")));
    KeyAlgorithm algorithm = KeyAlgorithm::EcdsaP256;
    if (!parseKeyAlgorithm(options.keyAlgorithm, &algorithm))
        return fail(makeError(ErrorCode::KeyAlgorithmUnsupported, options.keyAlgorithm));
    if (!options.viewOnly && !options.force && QFileInfo::exists(options.keyStore))
        return fail(makeError(ErrorCode::KeyStoreExists, options.keyStore));
    const Status session = ensureSession(client, options);
    if (!session)
        return fail(session.error());
    auto me = waitFor(client.me());
    if (!me)
        return fail(me.error());

    CertificateSetup setup(client);
    if (options.viewOnly) {
        auto declined = waitFor<bool>([&](ApiClient::Done<bool> done) { setup.declineSigning(std::move(done)); });
        if (!declined)
            return fail(declined.error());
        out(AccountText::tr("Registered as a user who does not sign."));
        return 0;
    }
    err(AccountText::tr("Generating the key pair and issuing the signing certificate…"));
    auto issued = waitFor<api::CertificateInfo>(
        [&](ApiClient::Done<api::CertificateInfo> done) { setup.issue(algorithm, std::move(done)); });
    if (!issued)
        return fail(issued.error());
    printCertificate(*me, *issued);
    const SecureBuffer pin = readLine(AccountText::tr("New signing PIN: "), options.pinStdin, true);
    const SecureBuffer confirmation
        = readLine(AccountText::tr("Confirm the new signing PIN: "), options.pinStdin, true);
    const Status stored = setup.store(options.keyStore, pin, confirmation, options.force);
    if (!stored)
        return fail(stored.error());
    out(AccountText::tr("Signing PIN registered: ") + options.keyStore);
    return 0;
}

// Runs the event loop until `signal` of `session` fires.
template<typename Signal>
void waitForSession(BatchSession& session, Signal signal)
{
    QEventLoop loop;
    QObject::connect(&session, signal, &loop, &QEventLoop::quit);
    loop.exec();
}

// 一括電子署名 without a window, through the desktop's pipeline (core's BatchSession): every file the user still has
// to sign is downloaded and checked, the PIN is asked only when something can be signed, and each file is uploaded
// as soon as it is signed, based on the version downloaded; each file ends signed on the server or untouched
// (refusals carry their code). Prints one line per file and the throughput.
int batchSign(ApiClient& client, const Options& options)
{
    if (options.keyStore.isEmpty())
        return fail(makeError(ErrorCode::BadRequest, AccountText::tr("--key-store PATH is required.")));
    const Status session = ensureSession(client, options);
    if (!session)
        return fail(session.error());

    QElapsedTimer clock;
    clock.start();
    QList<BatchFile> pending;
    api::FileListFilter filter;
    filter.target = api::FileListFilter::Target::Sign;
    filter.myStatus = api::MyStatus::Unprocessed;
    filter.sort = api::FileListFilter::Sort::RegisteredAt;
    filter.descending = false;
    filter.limit = api::FileListFilter::kMaxLimit;
    for (;;) {
        auto page = waitFor(client.listFiles(filter));
        if (!page)
            return fail(page.error());
        for (const api::FileEntry& file : page->files) {
            if (!file.myTurn)
                continue;
            BatchFile entry;
            entry.fileId = file.fileId;
            entry.name = file.folderName + QLatin1Char('/') + file.name;
            entry.maySign = file.myPermission == api::Permission::Sign;
            entry.signedByMe = entry.maySign && file.myStatus == api::MyStatus::Processed;
            entry.myTurn = file.myTurn;
            pending.append(entry);
        }
        filter.offset += int(page->files.size());
        if (page->files.isEmpty() || filter.offset >= page->total)
            break;
    }
    if (pending.isEmpty()) {
        out(AccountText::tr("No file is waiting for your signature."));
        return 0;
    }

    ServerBatchSource source(&client);
    BatchSession::Options pipeline;
    pipeline.transfersInFlight = options.transfers;
    BatchSession batch(&source, pending, pipeline);
    // One line per file as it settles: refused by the pre-flight (code and full reason), failed, signed.
    QObject::connect(&batch, &BatchSession::fileChanged, [&batch](int index) {
        const BatchSession::File& file = batch.file(index);
        switch (file.stage) {
        case BatchSession::Stage::Skipped: {
            const PreflightFinding* reason = file.preflight.decisive();
            err(file.input.name + QStringLiteral(": ") + file.error.codeText() + QStringLiteral(" ")
                + (reason ? reason->text : file.error.message()));
            break;
        }
        case BatchSession::Stage::Failed:
        case BatchSession::Stage::Cancelled:
            err(file.input.name + QStringLiteral(": ") + file.error.codeText());
            break;
        case BatchSession::Stage::Done:
            out(file.input.name + QStringLiteral(": ") + api::signatureStatusName(file.after.value()));
            break;
        default:
            break;
        }
    });
    batch.check();
    if (batch.isChecking())
        waitForSession(batch, &BatchSession::checked);
    // Files that open only with a user password are the desktop's (it asks for each); here they are left out.
    for (const int index : batch.filesNeedingPassword())
        batch.supplyPassword(index, {});
    for (int i = 0; i < batch.count(); ++i) {
        const BatchSession::File& file = batch.file(i);
        if (file.stage != BatchSession::Stage::Waiting)
            continue;
        for (const PreflightFinding& finding : file.preflight.findings) {
            if (finding.severity == PreflightSeverity::Warning)
                out(file.input.name + QStringLiteral(": ") + Preflight::severityLabel(finding.severity)
                    + QStringLiteral(" ") + finding.text);
        }
    }
    if (batch.signableCount() == 0)
        return fail(makeError(ErrorCode::PdfUnsupported, AccountText::tr("None of the files can be signed.")));
    const qint64 checkedMs = clock.elapsed();

    // The user's 印影 from 本人情報, drawn once for the batch: into the field placed for them, else their corner.
    SignatureOptions signature;
    signature.reason = AccountText::tr("Batch e-signature");
    signature.signingTime = QDateTime::currentDateTimeUtc();
    auto me = waitFor(client.me());
    if (!me)
        return fail(me.error());
    auto sealSettings = waitFor(client.sealSettings());
    if (!sealSettings)
        return fail(sealSettings.error());
    auto seal = buildUserSeal(
        sealSettings->seal, me->user.userId, me->user.userName, me->user.company, signature.signingTime);
    if (!seal)
        return fail(seal.error());
    signature.seal = seal->appearance;
    std::optional<SealDefaults> placement;
    if (seal->appearance)
        placement = seal->placement;

    // The PIN only now, when something will be signed; the key store is unlocked for the signing alone. The time the
    // user takes to type it is not the batch's: the figures below leave it out.
    const qint64 typingStarted = clock.elapsed();
    SecureBuffer pin = readLine(AccountText::tr("Signing PIN: "), options.pinStdin, true);
    const qint64 typingMs = clock.elapsed() - typingStarted;
    std::optional<Error> unlockError;
    // The key store's unlock (PBKDF2, ~0.4 s) is once per batch, like the typing: reported, not counted in files/s.
    qint64 unlockMs = 0;
    const qint64 unlockStarted = clock.elapsed();
    QObject::connect(&batch, &BatchSession::signingStarted, &batch,
        [&clock, &unlockMs, unlockStarted] { unlockMs = clock.elapsed() - unlockStarted; });
    QEventLoop loop;
    QObject::connect(&batch, &BatchSession::unlockFailed, &loop, [&](const Error& error) {
        unlockError = error;
        loop.quit();
    });
    QObject::connect(&batch, &BatchSession::finished, &loop, &QEventLoop::quit);
    batch.sign(options.keyStore, std::move(pin), signature, placement);
    loop.exec();
    if (unlockError)
        return fail(*unlockError);

    const int done = batch.countIn(BatchSession::Stage::Done);
    const int failed = batch.count() - done;
    const qint64 batchMs = std::max<qint64>(1, clock.elapsed() - typingMs - unlockMs);
    const double seconds = batchMs / 1000.0;
    out(AccountText::tr("%1 signed, %2 failed in %3 s (%4 files/s; download and check %5 ms, sign and upload %6 ms; "
                        "key store unlock %7 ms, not counted)")
            .arg(done)
            .arg(failed)
            .arg(seconds, 0, 'f', 2)
            .arg(done / seconds, 0, 'f', 1)
            .arg(checkedMs)
            .arg(batchMs - checkedMs)
            .arg(unlockMs));
    return failed == 0 ? 0 : 1;
}

} // namespace

bool isAccountCommand(const QString& command)
{
    return command == QLatin1String("login") || command == QLatin1String("certificate-setup")
        || command == QLatin1String("logout") || command == QLatin1String("batch");
}

QString accountCommandsUsage()
{
    return AccountText::tr(
        "  login --server URL --user ID [--password-stdin] [--otp-stdin] [--session-file FILE]\n"
        "  certificate-setup --server URL --key-store PATH [--key p256|rsa2048] [--view-only] [--force]\n"
        "                    [--user ID --password-stdin --otp-stdin] [--pin-stdin] [--session-file FILE]\n"
        "  logout --server URL [--session-file FILE]\n"
        "  batch --server URL --key-store PATH [--pin-stdin] [--user ID --password-stdin --otp-stdin]\n"
        "        [--session-file FILE] [--transfers N]  (signs every file waiting for your signature;\n"
        "        N downloads and uploads in flight, 1 to 16, default 6)\n"
        "  Secrets are read from the terminal without echo, or with --*-stdin one line each from stdin in the\n"
        "  order password, one-time password, PIN, PIN confirmation.\n");
}

int runAccountCommand(const QStringList& args)
{
    auto options = parseOptions(args);
    if (!options)
        return fail(options.error());
    if (!options->server.isValid() || options->server.scheme().isEmpty())
        return fail(makeError(ErrorCode::BadRequest, AccountText::tr("--server URL is required.")));
    ApiClient client(options->server);
    if (options->command == QLatin1String("login")) {
        const Status done = login(client, *options);
        return done ? 0 : fail(done.error());
    }
    if (options->command == QLatin1String("certificate-setup"))
        return certificateSetup(client, *options);
    if (options->command == QLatin1String("batch"))
        return batchSign(client, *options);
    if (options->command == QLatin1String("logout")) {
        client.setSessionToken(loadSession(*options));
        auto done = waitFor(client.logout());
        QFile::remove(options->sessionFile);
        return done ? 0 : fail(done.error());
    }
    return fail(makeError(ErrorCode::BadRequest, QStringLiteral("unknown command: ") + options->command));
}
