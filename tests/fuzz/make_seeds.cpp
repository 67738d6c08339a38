// Writes the seed corpora of tests/fuzz/corpus from the test fixtures: PDF shapes, signed PDFs, CMS blobs, requests.
// Usage: ikkatsu-fuzz-seeds CORPUS_DIR [EXTRA_PDF...]  (scripts/fuzz --seeds runs it; the output is committed).
#include "PdfFixtures.h"
#include "TestPki.h"
#include "TestSupport.h"

#include "crypto/Cades.h"
#include "crypto/Certificate.h"
#include "pdf/PdfSigner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

QDir g_out;
QTemporaryDir g_scratch;
int g_failures = 0;

void fail(const QString& what)
{
    std::fprintf(stderr, "make_seeds: %s\n", qPrintable(what));
    ++g_failures;
}

void put(const QString& harness, const QString& name, const QByteArray& bytes)
{
    g_out.mkpath(harness);
    if (bytes.isEmpty() || !writeAll(g_out.filePath(harness + QLatin1Char('/') + name), bytes))
        fail(QStringLiteral("cannot write %1/%2").arg(harness, name));
}

QString scratch(const QString& name)
{
    return g_scratch.filePath(name);
}

QByteArray sign(const QByteArray& pdf, const CadesSigner& signer, const QString& name, int certify = 0)
{
    const QString in = scratch(name + QStringLiteral("-in.pdf"));
    const QString out = scratch(name + QStringLiteral("-out.pdf"));
    writeAll(in, pdf);
    SignatureOptions options;
    options.reason = QStringLiteral("承認");
    options.location = QStringLiteral("Tokyo");
    options.signingTime = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    options.certify = certify;
    auto signedFile = PdfSigner::signFile(in, out, signer, options);
    if (!signedFile) {
        fail(QStringLiteral("cannot sign %1: %2").arg(name, signedFile.error().detail));
        return {};
    }
    return readAll(out);
}

QByteArray qpdf(const QByteArray& pdf, const QStringList& arguments, const QString& name)
{
    const QString in = scratch(name + QStringLiteral("-qin.pdf"));
    const QString out = scratch(name + QStringLiteral("-qout.pdf"));
    writeAll(in, pdf);
    const QString problem = runQpdf(in, out, arguments);
    if (!problem.isEmpty()) {
        fail(QStringLiteral("qpdf %1: %2").arg(name, problem));
        return {};
    }
    return readAll(out);
}

void pdfSeeds(const CadesSigner& rsa, const CadesSigner& ec, const QStringList& extra)
{
    using Form = PdfFixtureOptions::Form;
    QList<QPair<QString, QByteArray>> plain;
    plain.append({QStringLiteral("minimal.pdf"), minimalPdf()});
    PdfFixtureOptions options;
    options.pages = 3;
    options.form = Form::IndirectAcroForm;
    plain.append({QStringLiteral("form-indirect.pdf"), minimalPdf(options)});
    options = {};
    options.form = Form::DirectAcroForm;
    options.indirectAnnots = true;
    plain.append({QStringLiteral("form-direct-annots.pdf"), minimalPdf(options)});
    options = {};
    options.form = Form::IndirectFieldsArray;
    options.docMdpPermission = 2;
    plain.append({QStringLiteral("fields-array-docmdp2.pdf"), minimalPdf(options)});
    options = {};
    options.docMdpPermission = 1;
    plain.append({QStringLiteral("docmdp1.pdf"), minimalPdf(options)});
    options = {};
    options.version = "1.4";
    options.info = false;
    options.id = false;
    plain.append({QStringLiteral("v14-no-info-no-id.pdf"), minimalPdf(options)});
    const QByteArray update1 = appendInfoUpdate(minimalPdf(), 1);
    plain.append({QStringLiteral("incremental-1.pdf"), update1});
    plain.append({QStringLiteral("incremental-2.pdf"), appendInfoUpdate(update1, 2)});
    plain.append({QStringLiteral("incremental-prev-loop.pdf"), appendInfoUpdate(minimalPdf(), 1, true)});
    plain.append({QStringLiteral("hybrid.pdf"), hybridPdf()});
    plain.append({QStringLiteral("object-stream.pdf"), objectStreamPdf(1500)});
    plain.append({QStringLiteral("xref-stream-bomb-small.pdf"), objectStreamPdf(3000, true)});
    plain.append({QStringLiteral("update-replaces-content.pdf"),
        appendUpdate(minimalPdf(),
            {{4, QByteArrayLiteral("<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 700 Td (FORGED) Tj ET\n\nendstream")}})});
    plain.append({QStringLiteral("qpdf-object-streams.pdf"),
        qpdf(minimalPdf(options), {QStringLiteral("--object-streams=generate")}, QStringLiteral("objstm"))});
    plain.append({QStringLiteral("qpdf-linearized.pdf"),
        qpdf(minimalPdf(), {QStringLiteral("--linearize")}, QStringLiteral("linear"))});
    for (const QString& path : extra)
        plain.append({QStringLiteral("extra-") + QFileInfo(path).fileName(), readAll(path)});
    for (const auto& [name, bytes] : std::as_const(plain))
        put(QStringLiteral("pdf_reader"), name, bytes);

    // Signed shapes: the verifier's material. The reader sees them too (scripts/fuzz hands it both folders).
    const QByteArray once = sign(minimalPdf(), rsa, QStringLiteral("once"));
    const QByteArray twice = sign(once, ec, QStringLiteral("twice"));
    QList<QPair<QString, QByteArray>> signedFiles;
    signedFiles.append({QStringLiteral("signed-rsa.pdf"), once});
    signedFiles.append({QStringLiteral("signed-twice.pdf"), twice});
    signedFiles.append({QStringLiteral("signed-three-times.pdf"), sign(twice, rsa, QStringLiteral("thrice"))});
    signedFiles.append({QStringLiteral("signed-then-info-update.pdf"), appendInfoUpdate(once, 7)});
    signedFiles.append({QStringLiteral("signed-then-content-update.pdf"),
        appendUpdate(once, {{4, QByteArrayLiteral("<< /Length 10 >>\nstream\nBT ET q Q\nendstream")}})});
    signedFiles.append({QStringLiteral("signed-hybrid.pdf"), sign(hybridPdf(), ec, QStringLiteral("hybrid"))});
    signedFiles.append(
        {QStringLiteral("signed-object-stream.pdf"), sign(objectStreamPdf(1500), ec, QStringLiteral("objstm"))});
    options = {};
    options.form = Form::IndirectAcroForm;
    options.pages = 2;
    signedFiles.append({QStringLiteral("signed-form.pdf"), sign(minimalPdf(options), rsa, QStringLiteral("form"))});
    options = {};
    options.docMdpPermission = 2;
    options.form = Form::DirectAcroForm;
    signedFiles.append(
        {QStringLiteral("signed-certified-p2.pdf"), sign(minimalPdf(options), ec, QStringLiteral("certified"))});
    signedFiles.append({QStringLiteral("signed-qpdf-xref-stream.pdf"),
        sign(qpdf(minimalPdf(), {QStringLiteral("--object-streams=generate")}, QStringLiteral("objstm2")), rsa,
            QStringLiteral("qpdfsigned"))});
    const QByteArray certifiedP2 = sign(minimalPdf(), rsa, QStringLiteral("certify2"), 2);
    signedFiles.append(
        {QStringLiteral("certified-p2-then-signed.pdf"), sign(certifiedP2, ec, QStringLiteral("after2"))});
    signedFiles.append({QStringLiteral("certified-p1.pdf"), sign(minimalPdf(), ec, QStringLiteral("certify1"), 1)});
    signedFiles.append({QStringLiteral("certified-p1-then-info-update.pdf"),
        appendInfoUpdate(sign(minimalPdf(), rsa, QStringLiteral("certify1b"), 1), 3)});
    // Attacks as raw material: the signed revision with its /Contents emptied, and one with content in the gap.
    QByteArray emptied = once;
    const qsizetype contents = emptied.lastIndexOf("/Contents <");
    if (contents > 0) {
        const qsizetype end = emptied.indexOf('>', contents);
        for (qsizetype i = contents + 11; i < end; ++i)
            emptied[i] = '0';
    }
    signedFiles.append({QStringLiteral("signed-contents-zeroed.pdf"), emptied});
    for (const auto& [name, bytes] : std::as_const(signedFiles))
        put(QStringLiteral("signature_inspector"), name, bytes);
}

void cmsSeeds(const CadesSigner& rsa, const CadesSigner& ec, const Certificate& rsaCertificate,
    const Certificate& ecCertificate, const PrivateKey& ecKey)
{
    const QByteArray content = QByteArrayLiteral("ikkatsu fuzz seed content");
    const QByteArray digest = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    auto rsaCms = rsa.sign(digest);
    auto ecCms = ec.sign(digest);
    auto chainCms = CadesSigner(ecKey, {ecCertificate, rsaCertificate}).sign(digest);
    if (!rsaCms || !ecCms || !chainCms) {
        fail(QStringLiteral("cannot make CMS"));
        return;
    }
    put(QStringLiteral("cms"), QStringLiteral("cades-rsa.der"), *rsaCms);
    put(QStringLiteral("cms"), QStringLiteral("cades-ec.der"), *ecCms);
    put(QStringLiteral("cms"), QStringLiteral("cades-ec-two-certificates.der"), *chainCms);
    put(QStringLiteral("cms"), QStringLiteral("cades-ec-zero-padded.der"), *ecCms + QByteArray(64, '\0'));
    put(QStringLiteral("cms"), QStringLiteral("certificate-rsa.der"), rsaCertificate.toDer());
    // RFC 3161 tokens (fuzz_cms reads every input as one too): over the seed digest, padded, and inside a B-T
    // signature.
    TestPki pki;
    if (!pki.open(QStringLiteral("Fuzz Seed"))) {
        fail(QStringLiteral("cannot make the TSA"));
        return;
    }
    auto token = pki.token(digest);
    CadesSigner timestamped(ecKey, {ecCertificate});
    timestamped.setTimestampFetcher([&pki](const QByteArray& imprint) { return pki.token(imprint); });
    auto timestampedCms = timestamped.sign(digest);
    if (!token || !timestampedCms) {
        fail(QStringLiteral("cannot make timestamp tokens"));
        return;
    }
    put(QStringLiteral("cms"), QStringLiteral("timestamp-token.der"), *token);
    put(QStringLiteral("cms"), QStringLiteral("timestamp-token-zero-padded.der"), *token + QByteArray(64, '\0'));
    put(QStringLiteral("cms"), QStringLiteral("cades-ec-b-t.der"), *timestampedCms);
    // OpenSSL's own shapes: signing-time and S/MIME attributes, no attributes, attached content.
    const QString contentPath = scratch(QStringLiteral("content.bin"));
    const QString certPath = scratch(QStringLiteral("cert.pem"));
    const QString keyPath = scratch(QStringLiteral("key.pem"));
    writeAll(contentPath, content);
    const ToolRun genkey = runTool(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
            QStringLiteral("-subj"), QStringLiteral("/CN=fuzz seed"), QStringLiteral("-days"), QStringLiteral("30"),
            QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
    if (genkey.exitCode != 0) {
        fail(QStringLiteral("openssl req: ") + genkey.all());
        return;
    }
    const QList<QPair<QString, QStringList>> variants {
        {QStringLiteral("openssl-detached.der"), {}},
        {QStringLiteral("openssl-noattr.der"), {QStringLiteral("-noattr")}},
        {QStringLiteral("openssl-attached.der"), {QStringLiteral("-nodetach")}},
        {QStringLiteral("openssl-nocerts-sha512.der"),
            {QStringLiteral("-nocerts"), QStringLiteral("-md"), QStringLiteral("sha512")}},
    };
    for (const auto& [name, extraArguments] : variants) {
        QStringList arguments {QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-binary"),
            QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-in"), contentPath,
            QStringLiteral("-signer"), certPath, QStringLiteral("-inkey"), keyPath};
        arguments += extraArguments;
        const ToolRun run = runTool(QStringLiteral("openssl"), arguments);
        if (run.exitCode != 0)
            fail(QStringLiteral("openssl cms %1: %2").arg(name, run.all()));
        else
            put(QStringLiteral("cms"), name, run.out);
    }
}

QByteArray request(const QByteArray& head, const QByteArray& body = {})
{
    QByteArray out = head;
    out.replace("\n", "\r\n");
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

void httpSeeds(const QByteArray& pdfBase64)
{
    const QByteArray auth = "Authorization: Bearer 3q2-7wAbCdEf0123456789abcdef0123456789abcd\n";
    const QList<QPair<QString, QByteArray>> requests {
        {QStringLiteral("health.http"), request("GET /api/v1/health HTTP/1.1\nHost: localhost:8443\n")},
        {QStringLiteral("login.http"),
            request("POST /api/v1/auth/login HTTP/1.1\nHost: ikkatsu.example\nUser-Agent: ikkatsu/0.1\n",
                R"({"userId":"yamada","password":"correct horse battery"})")},
        {QStringLiteral("otp.http"),
            request("POST /api/v1/auth/otp HTTP/1.1\nHost: ikkatsu.example\n",
                R"({"attemptId":"a1b2c3d4e5f6","otp":"123456"})")},
        {QStringLiteral("logout.http"), request("POST /api/v1/auth/logout HTTP/1.1\n" + auth)},
        {QStringLiteral("certificate-setup.http"),
            request(
                "POST /api/v1/certificate-setup HTTP/1.1\n" + auth, R"({"sign":true,"csr":"MIIBIjANBgkqhkiG9w0B"})")},
        {QStringLiteral("admin-users-query.http"),
            request("GET /api/v1/admin/users?q=%E5%B1%B1%E7%94%B0&offset=0&limit=50 HTTP/1.1\n" + auth)},
        {QStringLiteral("admin-create-user.http"),
            request("POST /api/v1/admin/users HTTP/1.1\n" + auth,
                R"({"userId":"suzuki","userName":"鈴木 一郎","company":"一括建設","email":"suzuki@example.jp",)"
                R"("role":"user","maySign":true,"locked":false,"loginExpiresAt":"2027-03-31T14:59:59Z"})")},
        {QStringLiteral("files-list.http"),
            request("GET /api/v1/files?folderId=f01&status=pending&q=%E5%A5%91%E7%B4%84&offset=0&limit=20 "
                    "HTTP/1.1\n"
                + auth)},
        {QStringLiteral("file-download.http"), request("GET /api/v1/files/F0123456789/content HTTP/1.1\n" + auth)},
        {QStringLiteral("file-head.http"), request("HEAD /api/v1/files/F0123456789/content HTTP/1.1\n" + auth)},
        {QStringLiteral("file-upload.http"),
            request("PUT /api/v1/files/F0123456789/content HTTP/1.1\n" + auth
                + "If-Match: \"3\"\nContent-Type: application/pdf\nContent-Length: 16\n")
                + "%PDF-1.7\n%%EOF\n"},
        // The fuzz_http_server harness's body admission reads the token's first character: 'r', 'f' and 'b'
        // refuse (401, 403, 503), 's' admits after a pause. A refused upload with a request pipelined behind it, one
        // waiting for 100-continue, and a slow admission with the next upload already sent.
        {QStringLiteral("upload-refused-pipelined.http"),
            request(
                "PUT /api/v1/files/F0123456789/content HTTP/1.1\nHost: localhost\nAuthorization: Bearer r-no-session\n"
                "If-Match: \"3\"\nContent-Length: 16\n")
                + "%PDF-1.7\n%%EOF\n" + request("GET /api/v1/health HTTP/1.1\nHost: localhost\n")},
        {QStringLiteral("upload-forbidden-continue.http"),
            request(
                "PUT /api/v1/files/F0123456789/content HTTP/1.1\nHost: localhost\nAuthorization: Bearer f-not-admin\n"
                "Expect: 100-continue\nContent-Length: 16\n")
                + "%PDF-1.7\n%%EOF\n"},
        {QStringLiteral("upload-busy.http"),
            request("PUT /api/v1/files/F0123456789/content HTTP/1.1\nHost: localhost\nAuthorization: Bearer b-busy\n"
                    "Content-Length: 16\n")
                + "%PDF-1.7\n%%EOF\n"},
        {QStringLiteral("upload-slow-admission-pipelined.http"),
            request("PUT /api/v1/files/F0123456789/content HTTP/1.1\nHost: localhost\nAuthorization: Bearer s-slow\n"
                    "If-Match: \"3\"\nContent-Length: 16\n")
                + "%PDF-1.7\n%%EOF\n"
                + request(
                    "PUT /api/v1/files/F0123456789/content HTTP/1.1\nHost: localhost\n" + auth + "Content-Length: 16\n")
                + "%PDF-1.7\n%%EOF\n"},
        {QStringLiteral("file-reject.http"),
            request("POST /api/v1/files/F0123456789/reject HTTP/1.1\n" + auth, R"({"reason":"金額が違います"})")},
        {QStringLiteral("results-query.http"),
            request(
                "GET /api/v1/results?from=2026-01-01&to=2026-12-31&kind=sign&offset=0&limit=100 HTTP/1.1\n" + auth)},
        {QStringLiteral("results-csv.http"), request("GET /api/v1/results/csv?userId=yamada HTTP/1.1\n" + auth)},
        {QStringLiteral("audit-query.http"),
            request("GET /api/v1/admin/audit?from=2026-04-01&action=login&actor=admin&offset=10 HTTP/1.1\n" + auth)},
        {QStringLiteral("admin-folder.http"),
            request("POST /api/v1/admin/folders HTTP/1.1\n" + auth, R"({"name":"令和8年度 契約"})")},
        {QStringLiteral("admin-files-post.http"),
            request("POST /api/v1/admin/files HTTP/1.1\n" + auth,
                R"({"folderId":"f01","files":[{"name":"契約書.pdf","content":")" + pdfBase64
                    + R"(","viewers":["sato"],"signers":["yamada","suzuki"],"signOrdered":true}]})")},
        {QStringLiteral("admin-folder-files.http"),
            request("GET /api/v1/admin/files?folderId=f01&offset=0&limit=500 HTTP/1.1\n" + auth)},
        {QStringLiteral("page-json.http"),
            request("POST /api/v1/x HTTP/1.1\n",
                R"({"files":[{"fileId":"F1","name":"a.pdf","version":2,"signers":[{"userId":"u","signedAt":)"
                R"("2026-01-02T03:04:05Z"}]}],"users":[{"userId":"u","role":"admin"}],"total":1,"offset":0,)"
                R"("limit":20,"code":"E5007","message":"bad","createdAt":"2026-01-02T03:04:05Z"})")},
        {QStringLiteral("percent-path.http"),
            request("DELETE /api/v1/admin/users/%E5%B1%B1%2F..%2F%00x?%ZZ=1&&=&q HTTP/1.1\nHost: [::1]:99999\n"
                    "authorization: bearer \nIf-Match: W/\"-1\"\n")},
    };
    for (const auto& [name, bytes] : requests)
        put(QStringLiteral("http_request"), name, bytes);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty() || !g_scratch.isValid()) {
        std::fprintf(stderr, "usage: ikkatsu-fuzz-seeds CORPUS_DIR [EXTRA_PDF...]\n");
        return 2;
    }
    g_out = QDir(arguments.first());
    auto rsaKey = PrivateKey::generate(KeyAlgorithm::Rsa2048);
    auto ecKey = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
    if (!rsaKey || !ecKey)
        return 1;
    SubjectName subject;
    subject.commonName = QStringLiteral("Fuzz Seed");
    subject.organization = QStringLiteral("Ikkatsu");
    auto rsaCertificate = createSelfSignedCertificate(*rsaKey, subject, 3650);
    auto ecCertificate = createSelfSignedCertificate(*ecKey, subject, 3650);
    if (!rsaCertificate || !ecCertificate)
        return 1;
    const CadesSigner rsa(*rsaKey, {*rsaCertificate});
    const CadesSigner ec(*ecKey, {*ecCertificate});
    pdfSeeds(rsa, ec, arguments.mid(1));
    cmsSeeds(rsa, ec, *rsaCertificate, *ecCertificate, *ecKey);
    httpSeeds(minimalPdf().toBase64());
    std::printf("make_seeds: wrote %s (%d problems)\n", qPrintable(g_out.absolutePath()), g_failures);
    return g_failures == 0 ? 0 : 1;
}
