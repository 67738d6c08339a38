// Micro-benchmark of what the server repeats for every signed upload, each the reference way against the cached one,
// single-threaded: CmsSignature::parse on a real two-certificate signature (user and CA, ECDSA P-256), an RFC 3161
// token of the same CA's TSA (TSA and CA certificates inside; parse, and parse + verify with the CA as anchor), and
// a stored OCSP response about the user checked against the CA. Usage: ikkatsu-cms-parse [ROUNDS] [--rsa].
// Prints microseconds per operation for both.
#include "crypto/Cades.h"
#include "crypto/Certificate.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/Ocsp.h"
#include "crypto/Timestamp.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace ikkatsu;

namespace {

double microsecondsPer(int rounds, const std::function<bool()>& work)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i) {
        if (!work()) {
            std::fprintf(stderr, "cms_parse: a parse or check failed\n");
            std::exit(1);
        }
    }
    return double(timer.nsecsElapsed()) / rounds / 1000.0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool rsa = arguments.contains(QStringLiteral("--rsa"));
    int rounds = 2000;
    for (const QString& argument : arguments) {
        if (argument.toInt() > 0)
            rounds = argument.toInt();
    }

    QTemporaryDir dir;
    CaIdentity identity;
    identity.commonName = QStringLiteral("Bench CA");
    identity.organization = QStringLiteral("Ikkatsu");
    auto ca = CertificateAuthority::loadOrCreate(
        dir.filePath(QStringLiteral("ca-key.pem")), dir.filePath(QStringLiteral("ca-cert.pem")), identity);
    auto key = PrivateKey::generate(rsa ? KeyAlgorithm::Rsa2048 : KeyAlgorithm::EcdsaP256);
    if (!ca || !key) {
        std::fprintf(stderr, "cms_parse: cannot create the CA or the key\n");
        return 1;
    }
    SubjectName subject;
    subject.commonName = QStringLiteral("Yamada Taro");
    subject.companyUnit = QStringLiteral("Ikkatsu Shoji");
    auto csr = createCertificateRequest(*key, subject);
    auto issued = csr ? ca->issue(*csr, subject, 30, QStringLiteral("http://127.0.0.1/crl"),
                      QStringLiteral("http://127.0.0.1/ocsp"), QStringLiteral("http://127.0.0.1/ca"))
                      : Result<IssuedCertificate>(csr.error());
    auto certificate = issued ? Certificate::fromDer(issued->der) : Result<Certificate>(issued.error());
    if (!certificate) {
        std::fprintf(stderr, "cms_parse: cannot issue the signer's certificate\n");
        return 1;
    }
    Digest digest;
    digest.update("bench", 5);
    const QByteArray sha256 = digest.final();
    auto der = CadesSigner(*key, {*certificate, ca->certificate()}).sign(sha256);
    if (!der) {
        std::fprintf(stderr, "cms_parse: cannot sign\n");
        return 1;
    }

    // The TSA and the OCSP responder of the same CA, as the server runs them.
    auto tsaIdentity = ca->loadOrIssueService(dir.filePath(QStringLiteral("tsa-key.pem")),
        dir.filePath(QStringLiteral("tsa-cert.pem")), QStringLiteral("Bench TSA"), ServicePurpose::TimeStamping, 365,
        30, QStringLiteral("http://127.0.0.1/crl"));
    auto ocspIdentity = ca->loadOrIssueService(dir.filePath(QStringLiteral("ocsp-key.pem")),
        dir.filePath(QStringLiteral("ocsp-cert.pem")), QStringLiteral("Bench OCSP"), ServicePurpose::OcspSigning, 365,
        30, QString());
    if (!tsaIdentity || !ocspIdentity) {
        std::fprintf(stderr, "cms_parse: cannot issue the TSA's or the responder's certificate\n");
        return 1;
    }
    TimestampAuthorityOptions tsaOptions;
    tsaOptions.policyOid = QStringLiteral("1.2.3.4.5");
    auto tsa = TimestampAuthority::create(
        std::move(tsaIdentity->key), {tsaIdentity->certificate, ca->certificate()}, tsaOptions);
    auto tokenRequest = createTimestampRequest(sha256);
    auto tokenAnswer
        = tsa && tokenRequest ? tsa->respond(*tokenRequest) : Result<TimestampAuthority::Answer>(tsa.error());
    auto token = tokenAnswer ? timestampTokenFromResponse(tokenAnswer->response, *tokenRequest)
                             : Result<QByteArray>(tokenAnswer.error());
    auto responder = OcspResponder::create(std::move(ocspIdentity->key), ocspIdentity->certificate, ca->certificate());
    auto ocspRequest = createOcspRequest(*certificate, ca->certificate());
    auto ocspResponse = responder && ocspRequest ? responder->respond(*ocspRequest,
                            [](const QString&) -> Result<OcspStatus> {
                                return OcspStatus {OcspCertStatus::Good, {}, 0};
                            })
                                                 : Result<QByteArray>(makeError(ErrorCode::Unexpected));
    if (!token || !ocspResponse) {
        std::fprintf(stderr, "cms_parse: cannot make the token or the OCSP response\n");
        return 1;
    }
    const QList<Certificate> anchors {ca->certificate()};

    using Decoding = CertificateDecoding;
    const auto parse = [&](Decoding decoding) { return CmsSignature::parse(*der, decoding).ok(); };
    const auto parseAndVerify = [&](Decoding decoding) {
        auto parsed = CmsSignature::parse(*der, decoding);
        return parsed.ok() && parsed->verify(sha256).ok();
    };
    const auto parseToken = [&](Decoding decoding) { return parseTimestampToken(*token, decoding).ok(); };
    const auto verifyToken = [&](Decoding decoding) {
        auto verified = verifyTimestampToken(*token, sha256, anchors, {}, QByteArrayLiteral("SHA256"), decoding);
        return verified.ok() && verified->trusted;
    };
    const auto checkStored = [&](StoredOcspVerdict verdict) {
        auto checked = verifyStoredOcspResponse(*ocspResponse, *certificate, ca->certificate(), anchors, verdict);
        return checked.ok() && checked->status.status == OcspCertStatus::Good;
    };
    // Warm every path (and fill the caches) before measuring.
    microsecondsPer(50, [&] {
        return parse(Decoding::Whole) && parse(Decoding::Cached) && verifyToken(Decoding::Whole)
            && verifyToken(Decoding::Cached) && checkStored(StoredOcspVerdict::Checked)
            && checkStored(StoredOcspVerdict::Remembered);
    });
    const double whole = microsecondsPer(rounds, [&] { return parse(Decoding::Whole); });
    const double cached = microsecondsPer(rounds, [&] { return parse(Decoding::Cached); });
    const double wholeVerify = microsecondsPer(rounds, [&] { return parseAndVerify(Decoding::Whole); });
    const double cachedVerify = microsecondsPer(rounds, [&] { return parseAndVerify(Decoding::Cached); });
    const double tokenWhole = microsecondsPer(rounds, [&] { return parseToken(Decoding::Whole); });
    const double tokenCached = microsecondsPer(rounds, [&] { return parseToken(Decoding::Cached); });
    const double tokenWholeVerify = microsecondsPer(rounds, [&] { return verifyToken(Decoding::Whole); });
    const double tokenCachedVerify = microsecondsPer(rounds, [&] { return verifyToken(Decoding::Cached); });
    const double ocspChecked = microsecondsPer(rounds, [&] { return checkStored(StoredOcspVerdict::Checked); });
    const double ocspRemembered = microsecondsPer(rounds, [&] { return checkStored(StoredOcspVerdict::Remembered); });
    const auto counts = CmsSignature::certificateCacheCounts();
    const auto verdicts = storedOcspVerdictCounts();
    const char* algorithm = rsa ? "RSA-2048" : "ECDSA P-256";
    std::printf("%s signature, %lld bytes, 2 certificates; token %lld bytes, 2 certificates; OCSP response %lld "
                "bytes; %d rounds\n",
        algorithm, static_cast<long long>(der->size()), static_cast<long long>(token->size()),
        static_cast<long long>(ocspResponse->size()), rounds);
    std::printf(
        "CMS parse:            whole d2i %8.1f us   cached %8.1f us   (%.1fx)\n", whole, cached, whole / cached);
    std::printf("CMS parse + verify:   whole d2i %8.1f us   cached %8.1f us   (%.1fx)\n", wholeVerify, cachedVerify,
        wholeVerify / cachedVerify);
    std::printf("token parse:          whole d2i %8.1f us   cached %8.1f us   (%.1fx)\n", tokenWhole, tokenCached,
        tokenWhole / tokenCached);
    std::printf("token parse + verify: whole d2i %8.1f us   cached %8.1f us   (%.1fx)\n", tokenWholeVerify,
        tokenCachedVerify, tokenWholeVerify / tokenCachedVerify);
    std::printf("stored OCSP check:    checked   %8.1f us   remembered %6.1f us (%.1fx)\n", ocspChecked, ocspRemembered,
        ocspChecked / ocspRemembered);
    std::printf("certificate cache: %llu hits, %llu misses; OCSP verdicts: %llu hits, %llu misses\n",
        static_cast<unsigned long long>(counts.hits), static_cast<unsigned long long>(counts.misses),
        static_cast<unsigned long long>(verdicts.hits), static_cast<unsigned long long>(verdicts.misses));
    return 0;
}
