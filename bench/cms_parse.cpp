// Micro-benchmark of CmsSignature::parse on a real two-certificate signature (user and CA, ECDSA P-256): the whole
// structure decoded by OpenSSL against the certificates taken from the process-wide cache. Usage: ikkatsu-cms-parse
// [ROUNDS] [--rsa]. Prints microseconds per parse (and per parse + verify) for both, single-threaded.
#include "crypto/Cades.h"
#include "crypto/Certificate.h"
#include "crypto/CertificateAuthority.h"

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
            std::fprintf(stderr, "cms_parse: a parse or verify failed\n");
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

    using Decoding = CmsSignature::CertificateDecoding;
    const auto parse = [&](Decoding decoding) { return CmsSignature::parse(*der, decoding).ok(); };
    const auto parseAndVerify = [&](Decoding decoding) {
        auto parsed = CmsSignature::parse(*der, decoding);
        return parsed.ok() && parsed->verify(sha256).ok();
    };
    // Warm both paths (and fill the cache) before measuring.
    microsecondsPer(50, [&] { return parse(Decoding::Whole) && parse(Decoding::Cached); });
    const double whole = microsecondsPer(rounds, [&] { return parse(Decoding::Whole); });
    const double cached = microsecondsPer(rounds, [&] { return parse(Decoding::Cached); });
    const double wholeVerify = microsecondsPer(rounds, [&] { return parseAndVerify(Decoding::Whole); });
    const double cachedVerify = microsecondsPer(rounds, [&] { return parseAndVerify(Decoding::Cached); });
    const auto counts = CmsSignature::certificateCacheCounts();
    std::printf("%s signature, %lld bytes, 2 certificates, %d rounds\n", rsa ? "RSA-2048" : "ECDSA P-256",
        static_cast<long long>(der->size()), rounds);
    std::printf("parse:          whole d2i %8.1f us   cached %8.1f us   (%.1fx)\n", whole, cached, whole / cached);
    std::printf("parse + verify: whole d2i %8.1f us   cached %8.1f us   (%.1fx)\n", wholeVerify, cachedVerify,
        wholeVerify / cachedVerify);
    std::printf("cache: %llu hits, %llu misses\n", static_cast<unsigned long long>(counts.hits),
        static_cast<unsigned long long>(counts.misses));
    return 0;
}
