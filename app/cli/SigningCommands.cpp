// The CLI's signing commands: thin wrappers over KeyStore, FileBatchSigner and SignatureInspector.
#include "SigningCommands.h"

#include "Terminal.h"
#include "client/TimestampClient.h"
#include "config/Language.h"
#include "crypto/KeyStore.h"
#include "pdf/SignatureInspector.h"
#include "signing/FileBatchSigner.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

namespace ikkatsu::cli {

using pdf::parseSealStyle;
using pdf::SealAppearance;
using pdf::SealSpec;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

QString errorLine(const Error& error)
{
    QString line = error.codeText() + QLatin1Char(' ') + error.message();
    if (!error.detail.isEmpty())
        line += QStringLiteral(" (") + error.detail + QLatin1Char(')');
    return line;
}

int fail(const Error& error)
{
    printErr(errorLine(error));
    return kExitFailed;
}

// Parses `arguments` (no program name) with `parser`; prints the problem and returns false on error.
bool parseArguments(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList {QStringLiteral("ikkatsu-cli")} + arguments)) {
        printErr(parser.errorText());
        return false;
    }
    return true;
}

// The PIN from stdin (one line) or from a hidden terminal prompt.
Result<SecureBuffer> readPin(bool fromStdin, const QString& prompt)
{
    if (fromStdin) {
        bool ok = false;
        SecureBuffer pin = readStdinLine(&ok);
        if (!ok)
            return makeError(ErrorCode::PinPolicy, QStringLiteral("no PIN on standard input"));
        return pin;
    }
    SecureBuffer pin = readHiddenLine(prompt);
    if (pin.isEmpty())
        return makeError(ErrorCode::PinPolicy, QStringLiteral("no PIN entered (use --pin-stdin without a terminal)"));
    return pin;
}

// A new PIN: checked against the policy; asked twice on a terminal.
Result<SecureBuffer> readNewPin(bool fromStdin)
{
    auto pin = readPin(fromStdin, SigningCommands::tr("New signing PIN (6-20 letters and digits): "));
    IKK_TRY(pin);
    IKK_TRY(KeyStore::checkPinPolicy(*pin));
    if (!fromStdin) {
        auto again = readPin(false, SigningCommands::tr("Confirm the new signing PIN: "));
        IKK_TRY(again);
        if (again->view() != pin->view())
            return makeError(ErrorCode::PinMismatch);
    }
    return pin;
}

QJsonObject errorJson(const Error& error)
{
    return {{QStringLiteral("code"), error.codeText()}, {QStringLiteral("message"), error.message()},
        {QStringLiteral("detail"), error.detail}};
}

QJsonObject certificateJson(const Certificate& certificate)
{
    const SubjectName subject = certificate.subject();
    return {{QStringLiteral("subject"), certificate.subjectText()},
        {QStringLiteral("issuer"), certificate.issuerText()},
        {QStringLiteral("serialNumber"), certificate.serialNumberHex()},
        {QStringLiteral("commonName"), subject.commonName}, {QStringLiteral("company"), subject.companyUnit},
        {QStringLiteral("service"), subject.serviceUnit}, {QStringLiteral("organization"), subject.organization},
        {QStringLiteral("country"), subject.country},
        {QStringLiteral("notBefore"), certificate.notBefore().toString(Qt::ISODate)},
        {QStringLiteral("notAfter"), certificate.notAfter().toString(Qt::ISODate)},
        {QStringLiteral("selfSigned"), certificate.isSelfSigned()},
        {QStringLiteral("sha256"), QString::fromLatin1(certificate.sha256Fingerprint().toHex(':').toUpper())}};
}

int keystoreCreate(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption out(
        QStringLiteral("out"), SigningCommands::tr("Key store file to create."), QStringLiteral("FILE"));
    const QCommandLineOption selfSigned(
        QStringLiteral("self-signed"), SigningCommands::tr("Make a self-signed certificate for local use."));
    const QCommandLineOption name(
        QStringLiteral("name"), SigningCommands::tr("Romanized name (CN)."), QStringLiteral("NAME"));
    const QCommandLineOption company(
        QStringLiteral("company"), SigningCommands::tr("Romanized company (OU)."), QStringLiteral("COMPANY"));
    const QCommandLineOption algorithm(QStringLiteral("algorithm"), SigningCommands::tr("rsa2048 (default) or p256."),
        QStringLiteral("ALG"), QStringLiteral("rsa2048"));
    const QCommandLineOption pinStdin(QStringLiteral("pin-stdin"), SigningCommands::tr("Read the PIN from stdin."));
    const QCommandLineOption force(QStringLiteral("force"), SigningCommands::tr("Replace an existing key store."));
    parser.addOptions({out, selfSigned, name, company, algorithm, pinStdin, force});
    if (!parseArguments(parser, arguments))
        return kExitUsage;
    if (!parser.isSet(out)) {
        printErr(SigningCommands::tr("keystore create: --out FILE is required."));
        return kExitUsage;
    }
    if (!parser.isSet(selfSigned)) {
        printErr(SigningCommands::tr("keystore create: certificates come from the server's certificate setup "
                                     "(ikkatsu-cli certificate-setup); use --self-signed for a local test key store."));
        return kExitUsage;
    }
    if (parser.value(name).trimmed().isEmpty()) {
        printErr(SigningCommands::tr("keystore create: --name NAME is required with --self-signed."));
        return kExitUsage;
    }
    KeyAlgorithm keyAlgorithm {};
    if (!parseKeyAlgorithm(parser.value(algorithm), &keyAlgorithm)) {
        printErr(SigningCommands::tr("keystore create: unknown algorithm %1 (rsa2048 or p256).")
                     .arg(parser.value(algorithm)));
        return kExitUsage;
    }
    const QString path = parser.value(out);
    if (QFileInfo::exists(path) && !parser.isSet(force))
        return fail(makeError(ErrorCode::KeyStoreExists, path));

    auto pin = readNewPin(parser.isSet(pinStdin));
    if (!pin.ok())
        return fail(pin.error());

    auto key = PrivateKey::generate(keyAlgorithm);
    if (!key.ok())
        return fail(key.error());
    SubjectName subject;
    subject.commonName = parser.value(name).trimmed();
    subject.companyUnit = parser.value(company).trimmed();
    // The service OU follows the company OU (it could not be read back into its field otherwise).
    if (!subject.companyUnit.isEmpty())
        subject.serviceUnit = QStringLiteral("Ikkatsu");
    subject.organization = QStringLiteral("Ikkatsu");
    auto certificate = createSelfSignedCertificate(*key, subject, 730);
    if (!certificate.ok())
        return fail(certificate.error());
    const Status created = KeyStore::create(path, *key, {*certificate}, *pin, parser.isSet(force));
    if (!created.ok())
        return fail(created.error());
    printOut(SigningCommands::tr("Created %1 (%2, self-signed for local use only)")
                 .arg(path, keyAlgorithmName(keyAlgorithm)));
    printOut(SigningCommands::tr("Certificate: %1").arg(certificate->subjectText()));
    return kExitOk;
}

int keystoreInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), SigningCommands::tr("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), SigningCommands::tr("Key store file."));
    if (!parseArguments(parser, arguments))
        return kExitUsage;
    if (parser.positionalArguments().size() != 1) {
        printErr(SigningCommands::tr("keystore info: exactly one FILE is required."));
        return kExitUsage;
    }
    const QString path = parser.positionalArguments().front();
    auto chain = KeyStore::readCertificates(path);
    if (!chain.ok())
        return fail(chain.error());
    if (parser.isSet(json)) {
        QJsonArray certificates;
        for (const Certificate& certificate : *chain)
            certificates.append(certificateJson(certificate));
        const QJsonObject root {{QStringLiteral("file"), path}, {QStringLiteral("certificates"), certificates}};
        printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)).trimmed());
        return kExitOk;
    }
    printOut(SigningCommands::tr("Key store: %1").arg(path));
    for (int i = 0; i < chain->size(); ++i) {
        const Certificate& certificate = chain->at(i);
        const SubjectName subject = certificate.subject();
        printOut(i == 0 ? SigningCommands::tr("Signing certificate:") : SigningCommands::tr("Issuer certificate:"));
        printOut(SigningCommands::tr("  Serial number:  %1").arg(certificate.serialNumberHex()));
        printOut(SigningCommands::tr("  CN (signer):    %1").arg(subject.commonName));
        printOut(SigningCommands::tr("  OU (company):   %1").arg(subject.companyUnit));
        printOut(SigningCommands::tr("  OU (service):   %1").arg(subject.serviceUnit));
        printOut(SigningCommands::tr("  O (provider):   %1").arg(subject.organization));
        printOut(SigningCommands::tr("  C (country):    %1").arg(subject.country));
        printOut(SigningCommands::tr("  Issuer:         %1").arg(certificate.issuerText()));
        printOut(SigningCommands::tr("  Valid from:     %1").arg(certificate.notBefore().toString(Qt::ISODate)));
        printOut(SigningCommands::tr("  Valid until:    %1").arg(certificate.notAfter().toString(Qt::ISODate)));
        printOut(SigningCommands::tr("  SHA-256:        %1")
                     .arg(QString::fromLatin1(certificate.sha256Fingerprint().toHex(':').toUpper())));
        if (certificate.isSelfSigned())
            printOut(SigningCommands::tr("  Self-signed: for local use only, not issued by the Ikkatsu CA."));
    }
    return kExitOk;
}

int keystoreChangePin(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption pinStdin(
        QStringLiteral("pin-stdin"), SigningCommands::tr("Read the current and the new PIN from stdin, one per line."));
    parser.addOption(pinStdin);
    parser.addPositionalArgument(QStringLiteral("FILE"), SigningCommands::tr("Key store file."));
    if (!parseArguments(parser, arguments))
        return kExitUsage;
    if (parser.positionalArguments().size() != 1) {
        printErr(SigningCommands::tr("keystore change-pin: exactly one FILE is required."));
        return kExitUsage;
    }
    const bool fromStdin = parser.isSet(pinStdin);
    auto oldPin = readPin(fromStdin, SigningCommands::tr("Current signing PIN: "));
    if (!oldPin.ok())
        return fail(oldPin.error());
    auto newPin = readNewPin(fromStdin);
    if (!newPin.ok())
        return fail(newPin.error());
    const QString path = parser.positionalArguments().front();
    const Status changed = KeyStore::changePin(path, *oldPin, *newPin);
    if (!changed.ok())
        return fail(changed.error());
    printOut(SigningCommands::tr("The signing PIN of %1 was changed.").arg(path));
    return kExitOk;
}

} // namespace

int SigningCommands::keystore(const QStringList& arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("create"))
        return keystoreCreate(arguments.mid(1));
    if (sub == QLatin1String("info"))
        return keystoreInfo(arguments.mid(1));
    if (sub == QLatin1String("change-pin"))
        return keystoreChangePin(arguments.mid(1));
    printErr(tr("keystore: expected create, info or change-pin."));
    return kExitUsage;
}

int SigningCommands::sign(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption keystore(QStringLiteral("keystore"), tr("Key store file."), QStringLiteral("FILE"));
    const QCommandLineOption pinStdin(QStringLiteral("pin-stdin"), tr("Read the PIN from stdin."));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Reason (/Reason)."), QStringLiteral("TEXT"));
    const QCommandLineOption location(QStringLiteral("location"), tr("Location (/Location)."), QStringLiteral("TEXT"));
    const QCommandLineOption outDir(
        QStringLiteral("out-dir"), tr("Write signed files into DIR."), QStringLiteral("DIR"));
    const QCommandLineOption suffix(
        QStringLiteral("suffix"), tr("Write signed files beside the inputs, with SUFFIX."), QStringLiteral("SUFFIX"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), tr("Parallel signing threads (default: all cores)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption certify(QStringLiteral("certify"),
        tr("Make a certification signature allowing later: 1 nothing, 2 form filling and signing, 3 also "
           "annotations."),
        QStringLiteral("P"));
    // With both --pin-stdin and --password-stdin the PIN is the first line of stdin and the password the second.
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
        tr("Read the user password of encrypted PDFs from stdin (after the PIN line when --pin-stdin is given)."));
    const QCommandLineOption level(QStringLiteral("level"),
        tr("PAdES level: B-B; B-T with a timestamp from --tsa; B-LT adds OCSP/CRL validation data; B-LTA also a "
           "document timestamp (default B-B)."),
        QStringLiteral("LEVEL"), QStringLiteral("B-B"));
    const QCommandLineOption tsa(QStringLiteral("tsa"),
        tr("RFC 3161 timestamp authority URL (for B-T, B-LT and B-LTA)."), QStringLiteral("URL"));
    const QCommandLineOption seal(QStringLiteral("seal"),
        tr("Visible seal (印影): round (丸印), date (日付印), square (角印) or text."), QStringLiteral("STYLE"));
    const QCommandLineOption sealName(QStringLiteral("seal-name"),
        tr("Name on the seal (default: the certificate's name; round: 1-4 characters)."), QStringLiteral("TEXT"));
    const QCommandLineOption sealCompany(QStringLiteral("seal-company"),
        tr("Company on a date or square seal (default: the certificate's company)."), QStringLiteral("TEXT"));
    const QCommandLineOption page(
        QStringLiteral("page"), tr("Page of the seal: a number from 1, or last (default 1)."), QStringLiteral("N"));
    const QCommandLineOption rect(QStringLiteral("rect"),
        tr("Seal rectangle X1,Y1,X2,Y2 in PDF points (default: bottom right)."), QStringLiteral("X1,Y1,X2,Y2"));
    const QCommandLineOption field(QStringLiteral("field"),
        tr("Sign into this existing empty signature field (the seal fills its rectangle)."), QStringLiteral("NAME"));
    const QCommandLineOption corner(QStringLiteral("corner"),
        tr("Corner of the seal on the first or last page, as a user's default placement: bottom-right, bottom-left, "
           "top-right or top-left (an empty field named by --field is filled instead when a file has one)."),
        QStringLiteral("CORNER"));
    parser.addOptions({keystore, pinStdin, passwordStdin, reason, location, outDir, suffix, jobs, certify, level, tsa,
        seal, sealName, sealCompany, page, rect, field, corner});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("PDF files to sign."), QStringLiteral("FILE..."));
    if (!parseArguments(parser, arguments))
        return kExitUsage;
    const QStringList files = parser.positionalArguments();
    if (!parser.isSet(keystore) || files.isEmpty() || parser.isSet(outDir) == parser.isSet(suffix)) {
        printErr(tr("sign: --keystore FILE, exactly one of --out-dir DIR or --suffix SUFFIX, and at least one FILE "
                    "are required."));
        return kExitUsage;
    }
    if (parser.isSet(suffix) && parser.value(suffix).isEmpty()) {
        printErr(tr("sign: --suffix must not be empty (the input is never overwritten)."));
        return kExitUsage;
    }
    bool jobsOk = false;
    const int threads = parser.value(jobs).toInt(&jobsOk);
    if (!jobsOk || threads < 0) {
        printErr(tr("sign: --jobs takes a whole number."));
        return kExitUsage;
    }
    bool certifyOk = true;
    const int docMdp = parser.isSet(certify) ? parser.value(certify).toInt(&certifyOk) : 0;
    if (!certifyOk || docMdp < 0 || docMdp > 3 || (parser.isSet(certify) && docMdp == 0)) {
        printErr(tr("sign: --certify takes 1, 2 or 3."));
        return kExitUsage;
    }
    const QString levelName = parser.value(level);
    const std::optional<SigningLevel> signingLevel = parseSigningLevel(levelName);
    if (!signingLevel)
        return fail(makeError(ErrorCode::SignatureLevelUnsupported, levelName));
    const QUrl tsaUrl(parser.value(tsa), QUrl::StrictMode);
    if (*signingLevel != SigningLevel::BB
        && (!tsaUrl.isValid()
            || (tsaUrl.scheme() != QLatin1String("http") && tsaUrl.scheme() != QLatin1String("https")))) {
        printErr(tr("sign: --level %1 needs --tsa with an http(s) URL.").arg(levelName));
        return kExitUsage;
    }
    SignatureOptions options;
    SealSpec sealSpec;
    if (parser.isSet(seal)) {
        if (!parseSealStyle(parser.value(seal), &sealSpec.style))
            return fail(makeError(ErrorCode::SealStyleUnknown, parser.value(seal)));
        if (parser.isSet(page)) {
            bool pageOk = false;
            const QString value = parser.value(page);
            options.sealPage = value == QLatin1String("last") ? -1 : value.toInt(&pageOk);
            if (value != QLatin1String("last") && (!pageOk || options.sealPage < 1))
                return fail(makeError(ErrorCode::SealPageOutOfRange, value));
        }
        if (parser.isSet(rect)) {
            const QStringList parts = parser.value(rect).split(QLatin1Char(','));
            std::array<double, 4> corners {};
            bool rectOk = parts.size() == 4;
            for (int k = 0; rectOk && k < 4; ++k)
                corners[k] = parts[k].trimmed().toDouble(&rectOk);
            if (!rectOk)
                return fail(makeError(ErrorCode::SealRectInvalid, parser.value(rect)));
            options.sealRect = corners;
        }
        if (parser.isSet(field) && (parser.isSet(page) || parser.isSet(rect))) {
            printErr(tr("sign: --field places the seal in the field's own rectangle; --page and --rect do not apply."));
            return kExitUsage;
        }
    } else if (parser.isSet(sealName) || parser.isSet(sealCompany) || parser.isSet(page) || parser.isSet(rect)) {
        printErr(tr("sign: --seal-name, --seal-company, --page and --rect need --seal STYLE."));
        return kExitUsage;
    }
    if (parser.isSet(outDir) && !QDir().mkpath(parser.value(outDir)))
        return fail(makeError(ErrorCode::OutputWriteFailed, parser.value(outDir)));

    auto plan = FileBatchSigner::planOutputs(files, parser.value(outDir), parser.value(suffix));
    if (!plan.ok())
        return fail(plan.error());
    // A run killed before (SIGKILL, power loss) leaves hidden temporaries in the output folders: remove ours.
    QSet<QString> outputDirs;
    for (const BatchItem& item : std::as_const(*plan))
        outputDirs.insert(QFileInfo(item.outputPath).absolutePath());
    for (const QString& dir : std::as_const(outputDirs))
        AtomicFile::removeStaleTemporaries(dir);

    auto pin = readPin(parser.isSet(pinStdin), tr("Signing PIN: "));
    if (!pin.ok())
        return fail(pin.error());
    auto store = KeyStore::open(parser.value(keystore), *pin);
    pin->clear();
    if (!store.ok())
        return fail(store.error());
    QByteArray password;
    if (parser.isSet(passwordStdin)) {
        bool ok = false;
        SecureBuffer line = readStdinLine(&ok);
        if (!ok) {
            printErr(tr("sign: --password-stdin found no password line on stdin."));
            return kExitUsage;
        }
        password = QByteArray(line.data(), qsizetype(line.size()));
    }

    const Certificate& certificate = store->certificate();
    if (certificate.notAfter() < QDateTime::currentDateTimeUtc())
        return fail(makeError(ErrorCode::CertificateExpired, certificate.notAfter().toString(Qt::ISODate)));
    if (certificate.notBefore() > QDateTime::currentDateTimeUtc())
        return fail(makeError(ErrorCode::CertificateNotYetValid, certificate.notBefore().toString(Qt::ISODate)));

    options.reason = parser.value(reason);
    options.location = parser.value(location);
    options.certify = docMdp;
    options.password = password;
    options.fieldName = parser.value(field);
    if (parser.isSet(field) && options.fieldName.isEmpty())
        return fail(makeError(ErrorCode::SealFieldNotFound, QStringLiteral("empty field name")));
    if (parser.isSet(seal)) {
        // Drawn once for the whole batch; every file gets the same seal, dated in Japan time.
        const SubjectName subject = certificate.subject();
        sealSpec.name = parser.isSet(sealName) ? parser.value(sealName) : subject.commonName;
        sealSpec.company = parser.isSet(sealCompany) ? parser.value(sealCompany)
            : subject.companyUnit.isEmpty()          ? subject.organization
                                                     : subject.companyUnit;
        sealSpec.reason = options.reason;
        sealSpec.signingTime = options.signingTime;
        auto built = SealAppearance::build(sealSpec);
        if (!built.ok())
            return fail(built.error());
        options.seal = *built;
    }
    CadesSigner signer(store->key(), store->chain());
    TimestampClientOptions tsaOptions;
    tsaOptions.url = tsaUrl;
    longTermSigning(*signingLevel, tsaOptions).applyTo(signer, options);
    FileBatchSigner batch(signer, options, threads);
    if (parser.isSet(corner)) {
        // The batch's per-file placement, as the desktop uses it with the user's settings.
        SealDefaults defaults;
        if (!options.seal || parser.isSet(rect) || (options.sealPage != 1 && options.sealPage != -1)) {
            printErr(tr("sign: --corner needs --seal, no --rect, and --page 1 or last."));
            return kExitUsage;
        }
        if (!pdf::parseSealCorner(parser.value(corner), &defaults.corner))
            return fail(makeError(ErrorCode::SealPlacementInvalid, parser.value(corner)));
        defaults.lastPage = options.sealPage == -1;
        defaults.fieldName = options.fieldName;
        batch.setSealDefaults(defaults);
    }

    ProgressBar bar(stdoutIsTerminal());
    QElapsedTimer timer;
    timer.start();
    const auto results = batch.run(*plan, [&bar](const BatchItemResult& result, int done, int total) {
        bar.clear();
        if (result.ok)
            printOut(tr("OK    %1 -> %2").arg(result.item.inputPath, result.item.outputPath));
        else
            printOut(tr("FAIL  %1: %2").arg(result.item.inputPath, errorLine(result.error)));
        bar.update(done, total, result.item.inputPath);
    });
    bar.clear();

    int failed = 0;
    qint64 bytes = 0;
    for (const auto& result : results) {
        failed += result.ok ? 0 : 1;
        bytes += result.bytes;
    }
    const double seconds = std::max<qint64>(1, timer.elapsed()) / 1000.0;
    printOut(tr("Signed %1 of %2 files in %3 s (%4 files/s, %5 MB/s).")
                 .arg(results.size() - failed)
                 .arg(results.size())
                 .arg(seconds, 0, 'f', 2)
                 .arg(results.size() / seconds, 0, 'f', 1)
                 .arg(bytes / 1e6 / seconds, 0, 'f', 1));
    return failed ? kExitFailed : kExitOk;
}

int SigningCommands::verify(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption trust(
        QStringLiteral("trust"), tr("Trusted certificate (PEM or DER); repeatable."), QStringLiteral("CERT"));
    const QCommandLineOption at(QStringLiteral("at"),
        tr("Validate as of this date (00:00 UTC), past or future, with only what the file holds."),
        QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({json, trust, at});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("PDF files to verify."), QStringLiteral("FILE..."));
    if (!parseArguments(parser, arguments))
        return kExitUsage;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        printErr(tr("verify: at least one FILE is required."));
        return kExitUsage;
    }
    InspectionOptions inspection;
    if (parser.isSet(at)) {
        const QDate date = QDate::fromString(parser.value(at), Qt::ISODate);
        if (!date.isValid() || parser.value(at).size() != 10) {
            printErr(tr("verify: --at takes a date as YYYY-MM-DD."));
            return kExitUsage;
        }
        inspection.validationTime = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    }

    QList<Certificate> anchors;
    for (const QString& path : parser.values(trust)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(makeError(ErrorCode::InputFileUnreadable, path));
        const QByteArray bytes = file.readAll();
        auto certificates = bytes.contains("-----BEGIN") ? Certificate::listFromPem(bytes)
                                                         : Result<QList<Certificate>>(QList<Certificate> {});
        if (certificates.ok() && certificates->isEmpty()) {
            auto der = Certificate::fromDer(bytes);
            if (!der.ok())
                return fail(der.error());
            certificates = QList<Certificate> {*der};
        }
        if (!certificates.ok())
            return fail(certificates.error());
        anchors += *certificates;
    }
    const bool requireTrust = !anchors.isEmpty();

    bool allGood = true;
    QJsonArray jsonFiles;
    for (const QString& path : files) {
        const auto report = SignatureInspector::inspectFile(path, anchors, inspection);
        QJsonObject jsonFile {{QStringLiteral("file"), path}};
        if (!report.ok()) {
            allGood = false;
            jsonFile[QStringLiteral("error")] = errorJson(report.error());
            jsonFiles.append(jsonFile);
            if (!parser.isSet(json))
                printOut(tr("%1: %2").arg(path, errorLine(report.error())));
            continue;
        }
        if (report->signatures.isEmpty())
            allGood = false;
        jsonFile[QStringLiteral("revisions")] = report->revisions;
        if (report->validationTime.isValid())
            jsonFile[QStringLiteral("validationTime")] = report->validationTime.toString(Qt::ISODate);
        QJsonArray jsonSignatures;
        if (!parser.isSet(json)) {
            printOut(tr("%1: %n signature(s), %2 revision(s)", nullptr, static_cast<int>(report->signatures.size()))
                         .arg(path)
                         .arg(report->revisions));
            if (report->validationTime.isValid())
                printOut(tr("  Validated as of %1 with only what the file holds.")
                             .arg(report->validationTime.toString(Qt::ISODate)));
            if (report->signatures.isEmpty())
                printOut(QStringLiteral("  ") + errorLine(makeError(ErrorCode::NoSignature)));
        }
        for (const SignatureReport& signature : report->signatures) {
            const bool good = signature.verdict == SignatureVerdict::Valid
                || (signature.verdict == SignatureVerdict::ValidUntrusted && !requireTrust);
            allGood = allGood && good;
            QJsonObject jsonSignature {{QStringLiteral("field"), signature.fieldName},
                {QStringLiteral("signer"), signature.signerName}, {QStringLiteral("subject"), signature.signerSubject},
                {QStringLiteral("signingTime"), signature.claimedSigningTime.toString(Qt::ISODate)},
                {QStringLiteral("subFilter"), signature.subFilter}, {QStringLiteral("reason"), signature.reason},
                {QStringLiteral("location"), signature.location},
                {QStringLiteral("byteRange"),
                    QJsonArray {signature.byteRange[0], signature.byteRange[1], signature.byteRange[2],
                        signature.byteRange[3]}},
                {QStringLiteral("coversWholeDocument"), signature.coversWholeDocument},
                {QStringLiteral("laterRevisions"), signature.laterRevisions},
                {QStringLiteral("verdict"), signatureVerdictName(signature.verdict)},
                {QStringLiteral("indication"), indicationName(signature.indication)},
                {QStringLiteral("certification"), signature.certification},
                {QStringLiteral("docMdpPermission"), signature.docMdpPermission},
                {QStringLiteral("modificationLevel"), pdf::modificationLevelName(signature.modificationLevel)},
                {QStringLiteral("allowedLevel"), pdf::modificationLevelName(signature.allowedLevel)}};
            if (!signature.subIndication.isEmpty())
                jsonSignature[QStringLiteral("subIndication")] = signature.subIndication;
            QJsonArray jsonChanges;
            for (const pdf::ObjectChange& change : signature.changes.changes) {
                jsonChanges.append(QJsonObject {{QStringLiteral("object"), static_cast<qint64>(change.number)},
                    {QStringLiteral("what"), change.what}, {QStringLiteral("change"), change.change},
                    {QStringLiteral("level"), pdf::modificationLevelName(change.level)},
                    {QStringLiteral("allowed"), change.level <= signature.allowedLevel}});
            }
            jsonSignature[QStringLiteral("changes")] = jsonChanges;
            if (signature.verdict != SignatureVerdict::Valid)
                jsonSignature[QStringLiteral("problem")] = errorJson(signature.problem);
            if (!signature.level.isEmpty())
                jsonSignature[QStringLiteral("level")] = signature.level;
            if (signature.timestampTime.isValid()) {
                jsonSignature[QStringLiteral("timestampTime")] = signature.timestampTime.toString(Qt::ISODate);
                jsonSignature[QStringLiteral("timestampTrusted")] = signature.timestampTrusted;
            }
            if (signature.timestampProblem)
                jsonSignature[QStringLiteral("timestampProblem")] = errorJson(*signature.timestampProblem);
            jsonSignature[QStringLiteral("documentTimestamp")] = signature.documentTimestamp;
            if (signature.validUntil.isValid())
                jsonSignature[QStringLiteral("validUntil")] = signature.validUntil.toString(Qt::ISODate);
            jsonSignatures.append(jsonSignature);
            if (parser.isSet(json))
                continue;
            printOut(tr("  %1: %2").arg(signature.fieldName, signatureVerdictName(signature.verdict)));
            printOut(tr("    Indication:   %1%2")
                         .arg(indicationLabel(signature.indication),
                             signature.subIndication.isEmpty() ? QString()
                                                               : QStringLiteral(" / ") + signature.subIndication));
            if (signature.certification)
                printOut(tr("    Certifies the document (DocMDP P=%1).").arg(signature.docMdpPermission));
            if (signature.documentTimestamp) {
                printOut(tr("    Document timestamp by: %1").arg(signature.signerSubject));
            } else {
                printOut(tr("    Signer:       %1").arg(signature.signerSubject));
                printOut(tr("    Signing time: %1 (claimed by the signer)")
                             .arg(signature.claimedSigningTime.toString(Qt::ISODate)));
            }
            printOut(tr("    SubFilter:    %1").arg(signature.subFilter));
            if (!signature.level.isEmpty())
                printOut(tr("    Level:        %1").arg(signature.level));
            if (signature.timestampTime.isValid())
                printOut(tr("    Timestamp:    %1 (proven by the timestamp authority)")
                             .arg(signature.timestampTime.toString(Qt::ISODate)));
            if (signature.timestampProblem)
                printOut(tr("    Timestamp problem: %1").arg(errorLine(*signature.timestampProblem)));
            if (signature.validUntil.isValid())
                printOut(tr("    Valid until:  %1 (when the newest timestamp's certificate expires)")
                             .arg(signature.validUntil.toString(Qt::ISODate)));
            if (!signature.reason.isEmpty())
                printOut(tr("    Reason:       %1").arg(signature.reason));
            if (!signature.location.isEmpty())
                printOut(tr("    Location:     %1").arg(signature.location));
            printOut(signature.coversWholeDocument
                    ? tr("    Covers the whole document.")
                    : tr("    Covers revision ending at byte %1; %2 later revision(s) follow.")
                          .arg(signature.signedRevisionEnd)
                          .arg(signature.laterRevisions));
            if (!signature.coversWholeDocument)
                printOut(tr("    Later changes: %1 (allowed: %2)")
                             .arg(modificationLevelLabel(signature.modificationLevel),
                                 modificationLevelLabel(signature.allowedLevel)));
            for (const pdf::ObjectChange& change : signature.disallowedChanges)
                printOut(tr("    Not allowed:  object %1 (%2): %3").arg(change.number).arg(change.what, change.change));
            if (signature.verdict != SignatureVerdict::Valid)
                printOut(tr("    Problem:      %1").arg(errorLine(signature.problem)));
        }
        jsonFile[QStringLiteral("signatures")] = jsonSignatures;
        jsonFiles.append(jsonFile);
    }
    if (parser.isSet(json))
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("files"), jsonFiles}}).toJson(QJsonDocument::Indented))
                     .trimmed());
    return allGood ? kExitOk : kExitFailed;
}

int SigningCommands::errorCodes(const QStringList& arguments)
{
    const bool markdown = arguments == QStringList {QStringLiteral("--markdown")};
    if (!markdown && !arguments.isEmpty()) {
        printErr(tr("error-codes: the only option is --markdown."));
        return kExitUsage;
    }
    if (!markdown) {
        for (const ErrorCode code : allErrorCodes())
            printOut(QStringLiteral("%1  %2  %3")
                         .arg(errorCodeText(code))
                         .arg(errorHttpStatus(code))
                         .arg(errorMessage(code)));
        return kExitOk;
    }
    // The generated table is the same whatever the user's language: Japanese and English side by side.
    installTranslations(QStringLiteral("ja"));
    printOut(
        QStringLiteral("<!-- Generated by `ikkatsu-cli error-codes --markdown`; tst_cli checks it is current. -->"));
    printOut(QStringLiteral("| コード / Code | HTTP | 意味 | Meaning |"));
    printOut(QStringLiteral("|---|---|---|---|"));
    for (const ErrorCode code : allErrorCodes())
        printOut(QStringLiteral("| %1 | %2 | %3 | %4 |")
                     .arg(errorCodeText(code))
                     .arg(errorHttpStatus(code))
                     .arg(errorMessage(code), errorSourceMessage(code)));
    return kExitOk;
}

} // namespace ikkatsu::cli
