// Start-up and the bootstrap subcommands; serving prints its URL on stdout so that scripts and tests can find it.
#include "ServerApp.h"

#include "Api.h"
#include "ServerContext.h"
#include "accounts/Accounts.h"
#include "accounts/Secrets.h"
#include "ca/TrustServices.h"
#include "files/ArchiveRenewalJob.h"
#include "files/FileMigration.h"
#include "files/Files.h"
#include "http/HttpServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

#include <sys/socket.h>
#include <unistd.h>

namespace ikkatsu::server {

namespace {

void printLine(const QString& text)
{
    std::cout << text.toStdString() << std::endl;
}

void printError(const QString& text)
{
    std::cerr << "ikkatsu-server: " << text.toStdString() << std::endl;
}

int reportError(const Error& error)
{
    printError(error.codeText() + QStringLiteral(" ") + error.message()
        + (error.detail.isEmpty() ? QString() : QStringLiteral(" (") + error.detail + QLatin1Char(')')));
    return 1;
}

// Takes "--name VALUE" out of `args`.
QString takeOption(QStringList& args, const QString& name, const QString& fallback = {})
{
    const qsizetype at = args.indexOf(name);
    if (at < 0 || at + 1 >= args.size())
        return fallback;
    const QString value = args.at(at + 1);
    args.remove(at, 2);
    return value;
}

bool takeSwitch(QStringList& args, const QString& name)
{
    return args.removeAll(name) > 0;
}

Result<std::optional<QSslConfiguration>> tlsConfiguration(const ServerConfig& config)
{
    if (config.tlsCert.isEmpty())
        return std::optional<QSslConfiguration>();
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(config.tlsCert, QSsl::Pem);
    QFile keyFile(config.tlsKey);
    if (chain.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::TlsError, QStringLiteral("cannot read --tls-cert or --tls-key"));
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return makeError(ErrorCode::TlsError, QStringLiteral("cannot parse the TLS key"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return std::optional<QSslConfiguration>(tls);
}

// SIGTERM and SIGINT start the drain. The handler only writes a byte to a socket pair (async-signal-safe); the
// event loop reads it and does the rest.
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    TerminationSignals()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
            return;
        m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char byte = 0;
            if (::read(s_fds[1], &byte, 1) == 1)
                emit received();
        });
        struct sigaction action
        {
        };
        action.sa_handler = [](int) {
            const char byte = 1;
            [[maybe_unused]] const auto written = ::write(s_fds[0], &byte, 1);
        };
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);
    }

    ~TerminationSignals() override
    {
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGINT, SIG_DFL);
    }

signals:
    void received();

private:
    static inline int s_fds[2] = {-1, -1};
    QSocketNotifier* m_notifier = nullptr;
};

// One run of the maintenance job; problems are logged, the server goes on.
void runMaintenance(ServerContext& context)
{
    auto rotated = TrustServices::rotateIfDue(context);
    if (!rotated)
        printError(QStringLiteral("certificate rotation failed: %1 %2")
                       .arg(rotated.error().codeText(), rotated.error().detail));
    auto renewed = ArchiveRenewalJob(context).run(context.config.archiveRenewMarginDays);
    if (!renewed)
        printError(
            QStringLiteral("archive renewal failed: %1 %2").arg(renewed.error().codeText(), renewed.error().detail));
}

int serve(const QStringList& args)
{
    auto config = parseServerConfig(args);
    if (!config)
        return reportError(config.error());
    if (config->tlsCert.isEmpty() && !config->listenAddress.isLoopback() && !config->allowPlainHttp) {
        reportError(makeError(ErrorCode::ConfigInvalid,
            QStringLiteral("refusing plain HTTP on a non-loopback address: give --tls-cert/--tls-key, "
                           "or --allow-plain-http behind a TLS proxy")));
        return 2;
    }
    auto tls = tlsConfiguration(*config);
    if (!tls)
        return reportError(tls.error());
    auto context = openServerContext(*config);
    if (!context)
        return reportError(context.error());

    HttpLimits limits;
    limits.workers = config->workerThreads;
    limits.queue = config->workerQueue;
    limits.maxRequestBytes = config->maxRequestBytes;
    limits.maxUploadBytes = config->uploadRequestBytes();
    limits.uploadPathPrefixes = uploadPathPrefixes();
    // Beside the file store (same file system): an uploaded body is linked into it, not copied.
    limits.bodyDirectory = QDir(config->filesDir()).filePath(QStringLiteral("incoming"));
    limits.headTimeoutMs = config->headTimeoutSeconds * 1000;
    limits.bodyMinRate = config->bodyMinRate;
    limits.bodyGraceMs = config->bodyGraceSeconds * 1000;
    limits.keepAliveMs = config->keepAliveSeconds * 1000;
    limits.maxHeaderBytes = config->maxHeaderBytes;
    limits.maxHeaderCount = config->maxHeaderCount;
    limits.maxConnectionsPerAddress = config->maxConnectionsPerAddress;
    limits.maxConnections = config->maxConnections;
    for (const QString& proxy : config->trustedProxies)
        limits.trustedProxies.append(QHostAddress(proxy));
    auto metrics = std::make_shared<HttpMetrics>();
    HttpServer server(buildApiRoutes(*context, metrics), limits, metrics);
    server.setBodyAdmission(buildBodyAdmission(*context));
    auto port = server.start(config->listenAddress, config->listenPort, *tls);
    if (!port)
        return reportError(port.error());
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &server, [&server, &config] {
        printError(QStringLiteral("SIGTERM: draining (at most %1 s)").arg(config->drainSeconds));
        server.drain(config->drainSeconds * 1000, [] { QCoreApplication::exit(0); });
    });
    // With port 0 the kernel chose; the mails' login URL must name the real one.
    (*context)->config.listenPort = *port;
    const QString scheme = tls->has_value() ? QStringLiteral("https") : QStringLiteral("http");
    QString host = config->listenAddress.toString();
    if (config->listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    printLine(QStringLiteral("ikkatsu-server listening on %1://%2:%3").arg(scheme, host).arg(*port));
    // The daily maintenance: rotate the TSA and OCSP certificates when due, then renew archive timestamps. On a pool
    // thread of its own (it hashes and writes documents), one run at a time; the first soon after the start, so that
    // a server restarted every night still runs it.
    QThreadPool maintenancePool;
    maintenancePool.setMaxThreadCount(1);
    auto maintenanceRunning = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<ServerContext> shared = *context;
    auto maintain = [&maintenancePool, maintenanceRunning, shared] {
        if (maintenanceRunning->exchange(true))
            return;
        maintenancePool.start([maintenanceRunning, shared] {
            runMaintenance(*shared);
            *maintenanceRunning = false;
        });
    };
    QTimer maintenance;
    maintenance.setInterval(std::chrono::seconds(config->archiveRenewIntervalSeconds));
    QObject::connect(&maintenance, &QTimer::timeout, maintain);
    maintenance.start();
    QTimer::singleShot(std::chrono::seconds(std::min(config->archiveRenewIntervalSeconds, 600)), maintain);
    const int code = QCoreApplication::exec();
    maintenance.stop();
    server.stop();
    maintenancePool.waitForDone();
    return code;
}

Result<SecureBuffer> passwordFromStdin()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return makeError(ErrorCode::PasswordPolicy, QStringLiteral("no password on stdin"));
    SecureBuffer password {std::string_view(line)};
    std::fill(line.begin(), line.end(), '\0');
    return password;
}

api::NewUser adminTemplate(const QString& name, const QString& email)
{
    api::NewUser admin;
    admin.userName = name;
    admin.company = QStringLiteral("Ikkatsu");
    admin.nameRoman = QStringLiteral("Administrator");
    admin.companyRoman = QStringLiteral("Ikkatsu");
    admin.email = email;
    admin.loginExpiresAt = QDateTime::currentDateTimeUtc().addYears(10);
    admin.role = api::Role::Admin;
    admin.maySign = true;
    return admin;
}

int init(QStringList args)
{
    const QString adminId = takeOption(args, QStringLiteral("--admin-id"));
    const QString email
        = takeOption(args, QStringLiteral("--admin-email"), QStringLiteral("admin@localhost.localdomain"));
    const QString name = takeOption(args, QStringLiteral("--admin-name"), QStringLiteral("管理者"));
    const bool fromStdin = takeSwitch(args, QStringLiteral("--password-stdin"));
    if (adminId.isEmpty() || adminId.size() > 64) {
        printError(QStringLiteral("init needs --admin-id ID"));
        return 2;
    }
    if (!isValidMailAddress(email)) {
        printError(QStringLiteral("--admin-email is not a mail address"));
        return 2;
    }
    auto config = parseServerConfig(args);
    if (!config)
        return reportError(config.error());
    auto context = openServerContext(*config);
    if (!context)
        return reportError(context.error());
    Accounts accounts(**context);
    auto existing = accounts.find(adminId);
    if (!existing)
        return reportError(existing.error());
    if (existing->has_value()) {
        printError(QStringLiteral("user %1 already exists").arg(adminId));
        return 3;
    }
    QString generated;
    SecureBuffer password;
    if (fromStdin) {
        auto read = passwordFromStdin();
        if (!read)
            return reportError(read.error());
        password = std::move(read).value();
    } else {
        generated = newInitialPassword();
        password = SecureBuffer::fromString(generated);
    }
    auto created = accounts.createDirect(adminId, adminTemplate(name, email), password);
    if (!created)
        return reportError(created.error());
    (*context)->audit(api::AuditEvent::BootstrapAdmin, QString(), adminId);
    printLine(QStringLiteral("administrator %1 created").arg(adminId));
    if (!generated.isEmpty()) {
        // Shown once, on the operator's terminal; it is stored only as an Argon2id hash.
        printLine(QStringLiteral("initial password: ") + generated);
        wipeString(generated);
    }
    return 0;
}

// A one-page PDF written by hand (the server has no Qt Gui for QPdfWriter): ASCII text on the page, the Japanese
// title in /Info as UTF-16BE with its byte order mark, and an exact cross-reference table.
QByteArray demoPdf(const QString& title, const QString& caption)
{
    QByteArray titleHex = "FEFF";
    for (const QChar c : title)
        titleHex += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    QByteArray text;
    for (const QChar c : caption)
        text += c.unicode() < 128 && c != QLatin1Char('(') && c != QLatin1Char(')') && c != QLatin1Char('\\')
            ? char(c.unicode())
            : '?';
    const QByteArray stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET\n";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "endstream",
        "<< /Title <" + titleHex + "> /Producer (ikkatsu-server demo-seed) >>",
    };
    QByteArray pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

// Demo folders and PDFs for demo-user: required signer everywhere (demo-admin as the second signer on the contracts,
// so that 署名中 shows), viewer only on one drawing. Files that exist already are left as they are.
Status seedDemoFiles(ServerContext& context, Accounts& accounts)
{
    auto found = accounts.find(QStringLiteral("demo-admin"));
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::BadRequest, QStringLiteral("demo-admin is missing"));
    const api::UserInfo admin = found->value().info;
    Files files(context);
    const ClientInfo client {QStringLiteral("ikkatsu-server demo-seed"), QStringLiteral("local")};
    auto existing = files.folders();
    if (!existing)
        return existing.error();
    struct DemoFolder
    {
        QString name;
        QString caption;
        QStringList titles;
        QStringList signers;
        QStringList viewers;
    };
    const QString user = QStringLiteral("demo-user");
    const QList<DemoFolder> demo = {
        {QStringLiteral("建築確認申請"), QStringLiteral("Building permit application"),
            {QStringLiteral("確認申請書 第一面"), QStringLiteral("確認申請書 第二面"), QStringLiteral("委任状"),
                QStringLiteral("設計者証明書")},
            {user}, {}},
        {QStringLiteral("工事請負契約"), QStringLiteral("Construction contract"),
            {QStringLiteral("工事請負契約書"), QStringLiteral("請負契約約款"), QStringLiteral("工事費内訳書")},
            {user, QStringLiteral("demo-admin")}, {}},
        {QStringLiteral("設計図面"), QStringLiteral("Design drawings"),
            {QStringLiteral("配置図"), QStringLiteral("平面図"), QStringLiteral("立面図")}, {user}, {}},
    };
    for (const DemoFolder& folder : demo) {
        QString folderId;
        for (const api::FolderInfo& info : *existing) {
            if (info.name == folder.name)
                folderId = info.folderId;
        }
        if (folderId.isEmpty()) {
            auto created = files.createFolder(admin, folder.name, client);
            if (!created)
                return created.error();
            folderId = created->folderId;
        }
        QList<api::NewFile> batch;
        for (const QString& title : folder.titles) {
            api::NewFile file;
            file.name = title + QStringLiteral(".pdf");
            file.content = demoPdf(title, folder.caption + QStringLiteral(" - Ikkatsu demo"));
            file.signers = folder.signers;
            file.viewers = folder.viewers;
            // The last drawing is for viewing only.
            if (title == QStringLiteral("立面図")) {
                file.signers.clear();
                file.viewers = {user};
            }
            batch.append(file);
        }
        auto outcomes = files.registerFiles(admin, folderId, batch, client);
        if (!outcomes)
            return outcomes.error();
        int added = 0;
        for (const api::NewFileOutcome& outcome : *outcomes) {
            if (outcome.file)
                ++added;
            else if (outcome.code != ErrorCode::DuplicateFileName)
                return makeError(outcome.code, outcome.name);
        }
        printLine(QStringLiteral("folder %1: %2 demo file(s) added").arg(folder.name).arg(added));
    }
    return {};
}

// ikkatsu-server renew-archive [--margin-days N]: the daily job once, from the command line (rotation at start-up
// included: openServerContext rotates what is due). Exit 1 when a document failed.
int renewArchive(QStringList args)
{
    const QString margin = takeOption(args, QStringLiteral("--margin-days"));
    auto config = parseServerConfig(args);
    if (!config)
        return reportError(config.error());
    int marginDays = config->archiveRenewMarginDays;
    if (!margin.isEmpty()) {
        bool ok = false;
        marginDays = margin.toInt(&ok);
        if (!ok || marginDays < 1 || marginDays > 3650) {
            printError(QStringLiteral("--margin-days takes 1 to 3650"));
            return 2;
        }
    }
    auto context = openServerContext(*config);
    if (!context)
        return reportError(context.error());
    auto summary = ArchiveRenewalJob(**context).run(marginDays, printLine);
    if (!summary)
        return reportError(summary.error());
    printLine(QStringLiteral("archive renewal: %1 signed document(s), %2 renewed, %3 failed (margin %4 days)")
                  .arg(summary->checked)
                  .arg(summary->renewed)
                  .arg(summary->failed)
                  .arg(marginDays));
    return summary->failed ? 1 : 0;
}

int demoSeed(const QStringList& args)
{
    auto config = parseServerConfig(args);
    if (!config)
        return reportError(config.error());
    auto context = openServerContext(*config);
    if (!context)
        return reportError(context.error());
    Accounts accounts(**context);
    struct Demo
    {
        QString id;
        QString password;
        api::NewUser user;
    };
    api::NewUser user;
    user.userName = QStringLiteral("受信者 太郎");
    user.company = QStringLiteral("AAA 株式会社");
    user.nameRoman = QStringLiteral("Taro Jushinsha");
    user.companyRoman = QStringLiteral("AAA Corporation");
    user.email = QStringLiteral("demo-user@demo.ikkatsu.example");
    user.loginExpiresAt = QDateTime::currentDateTimeUtc().addYears(1);
    api::NewUser admin
        = adminTemplate(QStringLiteral("管理者 一郎"), QStringLiteral("demo-admin@demo.ikkatsu.example"));
    admin.company = QStringLiteral("AAA 株式会社");
    admin.nameRoman = QStringLiteral("Ichiro Kanrisha");
    admin.companyRoman = QStringLiteral("AAA Corporation");
    const QList<Demo> demos = {{QStringLiteral("demo-admin"), QStringLiteral("demo-admin-password"), admin},
        {QStringLiteral("demo-user"), QStringLiteral("demo-user-password"), user}};
    for (const Demo& demo : demos) {
        auto existing = accounts.find(demo.id);
        if (!existing)
            return reportError(existing.error());
        if (existing->has_value()) {
            printLine(QStringLiteral("%1 exists already (password unchanged)").arg(demo.id));
            continue;
        }
        auto created = accounts.createDirect(demo.id, demo.user, SecureBuffer::fromString(demo.password));
        if (!created)
            return reportError(created.error());
        printLine(QStringLiteral("%1 (%2) password: %3").arg(demo.id, api::roleName(demo.user.role), demo.password));
    }
    const Status seeded = seedDemoFiles(**context, accounts);
    if (!seeded)
        return reportError(seeded.error());
    printLine(QStringLiteral("one-time passwords are written to %1 unless --smtp-url is set").arg(config->outboxDir()));
    return 0;
}

// Moves the file store between the data directory and the database; safe to repeat and to interrupt.
int migrateFiles(QStringList args)
{
    const bool toDatabase = takeSwitch(args, QStringLiteral("--to-database"));
    const bool toDirectory = takeSwitch(args, QStringLiteral("--to-directory"));
    const bool deleteSource = takeSwitch(args, QStringLiteral("--delete-source"));
    if (toDatabase == toDirectory) {
        printError(QStringLiteral("migrate-files needs exactly one of --to-database and --to-directory"));
        return 2;
    }
    auto config = parseServerConfig(args);
    if (!config)
        return reportError(config.error());
    auto context = openServerContext(*config);
    if (!context)
        return reportError(context.error());
    auto report = migrateFileStore(**context, toDatabase, deleteSource, printLine);
    if (!report)
        return reportError(report.error());
    printLine(QStringLiteral("%1 version(s): %2 copied, %3 already there, %4 failed, %5 source copies removed")
                  .arg(report->versions)
                  .arg(report->copied)
                  .arg(report->present)
                  .arg(report->failed.size())
                  .arg(report->removed));
    return report->failed.isEmpty() ? 0 : 1;
}

} // namespace

int runServerCommand(const QStringList& args)
{
    QStringList rest = args;
    QString command = QStringLiteral("serve");
    if (!rest.isEmpty() && !rest.first().startsWith(QLatin1Char('-')))
        command = rest.takeFirst();
    if (rest.contains(QStringLiteral("--help")) || rest.contains(QStringLiteral("-h"))
        || command == QLatin1String("help")) {
        printLine(serverUsage());
        return 0;
    }
    if (rest.contains(QStringLiteral("--version")) || command == QLatin1String("version")) {
        printLine(QStringLiteral("ikkatsu-server " IKKATSU_VERSION));
        return 0;
    }
    if (command == QLatin1String("serve"))
        return serve(rest);
    if (command == QLatin1String("init"))
        return init(rest);
    if (command == QLatin1String("demo-seed"))
        return demoSeed(rest);
    if (command == QLatin1String("renew-archive"))
        return renewArchive(rest);
    if (command == QLatin1String("migrate-files"))
        return migrateFiles(rest);
    printError(QStringLiteral("unknown command: ") + command);
    return 2;
}

} // namespace ikkatsu::server

#include "ServerApp.moc"
