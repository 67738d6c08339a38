// CAdES detached signatures: openssl cms checks what we make, CmsSignature checks what we and openssl make.
#include "crypto/Cades.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <numeric>

using namespace ikkatsu;
using namespace ikkatsu::test;

Q_DECLARE_METATYPE(ikkatsu::KeyAlgorithm)

namespace {

ToolRun openssl(const QStringList& arguments)
{
    return runTool(QStringLiteral("openssl"), arguments);
}

QByteArray sha256(const QByteArray& data)
{
    Digest digest;
    digest.update(data.constData(), data.size());
    return digest.final();
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

SubjectName subject(const QString& name)
{
    SubjectName subject;
    subject.commonName = name;
    subject.companyUnit = QStringLiteral("Ikkatsu Shoji");
    subject.serviceUnit = QStringLiteral("一括署名サービス");
    subject.organization = QStringLiteral("Ikkatsu Trust");
    return subject;
}

} // namespace

class TestCades : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PrivateKey m_rsa;
    PrivateKey m_ec;
    Certificate m_rsaCertificate;
    Certificate m_ecCertificate;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    const PrivateKey& key(KeyAlgorithm algorithm) const { return algorithm == KeyAlgorithm::Rsa2048 ? m_rsa : m_ec; }
    const Certificate& certificate(KeyAlgorithm algorithm) const
    {
        return algorithm == KeyAlgorithm::Rsa2048 ? m_rsaCertificate : m_ecCertificate;
    }

    // openssl cms -verify over the detached content with `anchor` as the only trust anchor.
    ToolRun opensslVerify(const QByteArray& cms, const QByteArray& content, const Certificate& anchor)
    {
        writeAll(path(QStringLiteral("verify.cms")), cms);
        writeAll(path(QStringLiteral("verify.data")), content);
        writeAll(path(QStringLiteral("verify.anchor")), anchor.toPem());
        return openssl({QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
            QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), path(QStringLiteral("verify.cms")),
            QStringLiteral("-content"), path(QStringLiteral("verify.data")), QStringLiteral("-CAfile"),
            path(QStringLiteral("verify.anchor")), QStringLiteral("-purpose"), QStringLiteral("any"),
            QStringLiteral("-out"), QStringLiteral("/dev/null")});
    }

    QString opensslPrint(const QByteArray& cms)
    {
        writeAll(path(QStringLiteral("print.cms")), cms);
        return openssl({QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"),
                           QStringLiteral("-noout"), QStringLiteral("-inform"), QStringLiteral("DER"),
                           QStringLiteral("-in"), path(QStringLiteral("print.cms"))})
            .all();
    }

    // A CMS made by openssl itself (with its default attributes, signing-time included).
    QByteArray opensslSign(const QByteArray& content, const QStringList& extra)
    {
        writeAll(path(QStringLiteral("content.bin")), content);
        QStringList arguments = {QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-binary"),
            QStringLiteral("-md"), QStringLiteral("sha256"), QStringLiteral("-in"), path(QStringLiteral("content.bin")),
            QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
            path(QStringLiteral("openssl.cms"))};
        arguments += extra;
        const ToolRun run = openssl(arguments);
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.all()));
        return run.exitCode == 0 ? readAll(path(QStringLiteral("openssl.cms"))) : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto rsa = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        auto ec = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
        QVERIFY(rsa.ok() && ec.ok());
        m_rsa = std::move(*rsa);
        m_ec = std::move(*ec);
        auto rsaCertificate = createSelfSignedCertificate(m_rsa, subject(QStringLiteral("Yamada Taro")), 30);
        auto ecCertificate = createSelfSignedCertificate(m_ec, subject(QStringLiteral("Suzuki Hanako")), 30);
        QVERIFY(rsaCertificate.ok() && ecCertificate.ok());
        m_rsaCertificate = *rsaCertificate;
        m_ecCertificate = *ecCertificate;

        for (const QString& name : {QStringLiteral("ossl"), QStringLiteral("ossl2")}) {
            const ToolRun made = openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(name + QStringLiteral(".key")),
                QStringLiteral("-out"), path(name + QStringLiteral(".pem")), QStringLiteral("-subj"),
                QStringLiteral("/CN=openssl signer ") + name, QStringLiteral("-days"), QStringLiteral("2")});
            QVERIFY2(made.exitCode == 0, qPrintable(made.all()));
        }
    }

    void digestKnownAnswers()
    {
        QCOMPARE(sha256("abc").toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        Digest sha384(QByteArrayLiteral("SHA384"));
        QVERIFY(sha384.isValid());
        sha384.update("abc", 3);
        QCOMPARE(sha384.final().toHex(),
            QByteArray("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                       "8086072ba1e7cc2358baeca134c825a7"));
        // Streaming in pieces gives the one-shot value, and the object is reusable after final().
        const QByteArray data = randomBytes(100000);
        Digest streaming;
        for (qsizetype at = 0; at < data.size(); at += 777)
            streaming.update(data.constData() + at, std::min<qsizetype>(777, data.size() - at));
        QCOMPARE(streaming.final(), sha256(data));
        streaming.update("abc", 3);
        QCOMPARE(streaming.final(), sha256("abc"));

        Digest unknown(QByteArrayLiteral("NOPE256"));
        QVERIFY(!unknown.isValid());
        unknown.update("abc", 3);
        QVERIFY(unknown.final().isEmpty());
    }

    void signatureVerifiesWithOpenssl_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::newRow("rsa2048") << KeyAlgorithm::Rsa2048;
        QTest::newRow("p256") << KeyAlgorithm::EcdsaP256;
    }

    void signatureVerifiesWithOpenssl()
    {
        QFETCH(KeyAlgorithm, algorithm);
        const QByteArray content = randomBytes(50000);
        const CadesSigner signer(key(algorithm), {certificate(algorithm)});
        auto cms = signer.sign(sha256(content));
        QVERIFY2(cms.ok(), qPrintable(cms.ok() ? QString() : cms.error().detail));
        QVERIFY(cms->size() <= signer.maxSize());

        const ToolRun verified = opensslVerify(*cms, content, certificate(algorithm));
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.all()));
        QVERIFY(verified.all().contains(QStringLiteral("Verification successful")));
        // The same check fails for other content and for another trust anchor.
        QVERIFY(opensslVerify(*cms, content + 'x', certificate(algorithm)).exitCode != 0);
        const KeyAlgorithm other = algorithm == KeyAlgorithm::Rsa2048 ? KeyAlgorithm::EcdsaP256 : KeyAlgorithm::Rsa2048;
        QVERIFY(opensslVerify(*cms, content, certificate(other)).exitCode != 0);

        const QString printed = opensslPrint(*cms);
        QVERIFY2(printed.contains(QStringLiteral("signingCertificateV2")), qPrintable(printed));
        QVERIFY(printed.contains(QStringLiteral("contentType")));
        QVERIFY(printed.contains(QStringLiteral("messageDigest")));
        QVERIFY(!printed.contains(QStringLiteral("signingTime")));
        QVERIFY(!printed.contains(QStringLiteral("SMIME Capabilities"), Qt::CaseInsensitive));
        QVERIFY(!printed.contains(QStringLiteral("smimeCapabilities"), Qt::CaseInsensitive));
        const QString signerInfo = printed.mid(printed.indexOf(QStringLiteral("signerInfos:")));
        const qsizetype attributesAt = signerInfo.indexOf(QStringLiteral("signedAttrs:"));
        QVERIFY(attributesAt > 0);
        const QString attributes
            = signerInfo.mid(attributesAt, signerInfo.indexOf(QStringLiteral("signatureAlgorithm:")) - attributesAt);
        QVERIFY2(attributes.count(QStringLiteral("object: ")) == 3, qPrintable(attributes)); // exactly these three
        QCOMPARE(printed.count(QStringLiteral("signatureAlgorithm:")), 1); // exactly one SignerInfo
        QVERIFY2(printed.contains(QStringLiteral("eContent: <ABSENT>")), qPrintable(printed));
        QVERIFY(printed.contains(QStringLiteral("eContentType: pkcs7-data")));

        auto parsed = CmsSignature::parse(*cms);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->digestAlgorithm(), QByteArrayLiteral("SHA256"));
        QVERIFY(parsed->signerCertificate() == certificate(algorithm));
        QCOMPARE(parsed->certificates().size(), 1);
        QVERIFY(!parsed->hasSigningTimeAttribute());
        QVERIFY(parsed->hasSigningCertificateV2());
        const Status status = parsed->verify(sha256(content));
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
    }

    void chainIsIncluded()
    {
        // A real two-level PKI from the openssl CLI; our key's certificate is issued from our CSR.
        const QString cnf = path(QStringLiteral("ext.cnf"));
        QVERIFY(writeAll(cnf,
            "[leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n"
            "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                            QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                            QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                            QStringLiteral("-out"), path(QStringLiteral("ca.pem")), QStringLiteral("-subj"),
                            QStringLiteral("/CN=Test CA"), QStringLiteral("-days"), QStringLiteral("2")})
                    .exitCode
            == 0);
        auto csr = createCertificateRequest(m_ec, subject(QStringLiteral("Suzuki Hanako")));
        QVERIFY(csr.ok());
        QVERIFY(writeAll(path(QStringLiteral("leaf.csr")), *csr));
        const ToolRun issued = openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-inform"),
            QStringLiteral("DER"), QStringLiteral("-in"), path(QStringLiteral("leaf.csr")), QStringLiteral("-CA"),
            path(QStringLiteral("ca.pem")), QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
            QStringLiteral("-set_serial"), QStringLiteral("4242"), QStringLiteral("-days"), QStringLiteral("1"),
            QStringLiteral("-extfile"), cnf, QStringLiteral("-extensions"), QStringLiteral("leaf"),
            QStringLiteral("-out"), path(QStringLiteral("leaf.pem"))});
        QVERIFY2(issued.exitCode == 0, qPrintable(issued.all()));
        auto leaf = Certificate::fromPem(readAll(path(QStringLiteral("leaf.pem"))));
        auto ca = Certificate::fromPem(readAll(path(QStringLiteral("ca.pem"))));
        QVERIFY(leaf.ok() && ca.ok());

        const QByteArray content = randomBytes(1000);
        const CadesSigner signer(m_ec, {*leaf, *ca});
        auto cms = signer.sign(sha256(content));
        QVERIFY(cms.ok());
        QVERIFY(cms->size() <= signer.maxSize());
        const ToolRun verified = opensslVerify(*cms, content, *ca);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.all()));
        // The key's self-signed certificate is no anchor for a chain that leads to the CA.
        QVERIFY(opensslVerify(*cms, content, m_ecCertificate).exitCode != 0);

        auto parsed = CmsSignature::parse(*cms);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->certificates().size(), 2);
        QVERIFY(parsed->certificates().contains(*ca));
        QVERIFY(parsed->signerCertificate() == *leaf);
        QVERIFY(parsed->verify(sha256(content)).ok());
        QVERIFY(verifyCertificateChain(parsed->signerCertificate(), parsed->certificates(), {*ca}, {}).ok());

        // A repeated certificate in the chain is included once.
        auto twice = CadesSigner(m_ec, {*leaf, *ca, *ca}).sign(sha256(content));
        QVERIFY(twice.ok());
        QCOMPARE(CmsSignature::parse(*twice)->certificates().size(), 2);
    }

    void wrongDigestIsAMismatch()
    {
        const QByteArray content = randomBytes(3000);
        auto cms = CadesSigner(m_rsa, {m_rsaCertificate}).sign(sha256(content));
        QVERIFY(cms.ok());
        auto parsed = CmsSignature::parse(*cms);
        QVERIFY(parsed.ok());
        const Status status = parsed->verify(sha256(content + ' '));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::SignatureDigestMismatch);
        QCOMPARE(parsed->verify(QByteArray()).error().code, ErrorCode::SignatureDigestMismatch);
    }

    void tamperedSignatureIsInvalid_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::addColumn<QByteArray>("where");
        QTest::newRow("rsa signature value") << KeyAlgorithm::Rsa2048 << QByteArrayLiteral("last");
        QTest::newRow("p256 signature value") << KeyAlgorithm::EcdsaP256 << QByteArrayLiteral("last");
        QTest::newRow("rsa certificate hash") << KeyAlgorithm::Rsa2048 << QByteArrayLiteral("essHash");
        QTest::newRow("p256 certificate hash") << KeyAlgorithm::EcdsaP256 << QByteArrayLiteral("essHash");
    }

    void tamperedSignatureIsInvalid()
    {
        QFETCH(KeyAlgorithm, algorithm);
        QFETCH(QByteArray, where);
        const QByteArray content = randomBytes(3000);
        auto cms = CadesSigner(key(algorithm), {certificate(algorithm)}).sign(sha256(content));
        QVERIFY(cms.ok());
        QByteArray tampered = *cms;
        qsizetype at = tampered.size() - 1; // the SignerInfo ends with the signature value
        if (where == "essHash") {
            // signing-certificate-v2 carries the SHA-256 of the certificate (RFC 5035).
            at = tampered.indexOf(certificate(algorithm).sha256Fingerprint());
            QVERIFY(at > 0);
        }
        tampered[at] = static_cast<char>(tampered.at(at) ^ 0x04);
        auto parsed = CmsSignature::parse(tampered);
        QVERIFY(parsed.ok());
        const Status status = parsed->verify(sha256(content));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::SignatureInvalid);
        QVERIFY(!status.error().detail.isEmpty());
        QVERIFY(opensslVerify(tampered, content, certificate(algorithm)).exitCode != 0);
    }

    void garbageIsRefused_data()
    {
        QTest::addColumn<QByteArray>("der");
        const QByteArray good = *CadesSigner(m_ec, {m_ecCertificate}).sign(sha256("x"));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("zeros") << QByteArray(8192, '\0');
        QTest::newRow("text") << QByteArrayLiteral("this is not a signature");
        QTest::newRow("random") << randomBytes(4000);
        QTest::newRow("truncated") << good.left(good.size() - 10);
        QTest::newRow("header only") << good.left(6);
        QTest::newRow("trailing garbage") << good + QByteArrayLiteral("\0\0\x01");
        QTest::newRow("a certificate") << m_ecCertificate.toDer();
        QByteArray longLength = good;
        longLength[1] = '\x84'; // claims a 4-byte length
        QTest::newRow("wrong outer length") << longLength;
    }

    void garbageIsRefused()
    {
        QFETCH(QByteArray, der);
        auto parsed = CmsSignature::parse(der);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::SignatureInvalid);
    }

    void opensslStructuresThatAreNotOurs()
    {
        const QByteArray content = randomBytes(2000);
        // A CMS with two SignerInfos is refused.
        const QByteArray two = opensslSign(content,
            {QStringLiteral("-signer"), path(QStringLiteral("ossl.pem")), QStringLiteral("-inkey"),
                path(QStringLiteral("ossl.key")), QStringLiteral("-signer"), path(QStringLiteral("ossl2.pem")),
                QStringLiteral("-inkey"), path(QStringLiteral("ossl2.key"))});
        QVERIFY(!two.isEmpty());
        auto parsedTwo = CmsSignature::parse(two);
        QVERIFY(!parsedTwo.ok());
        QCOMPARE(parsedTwo.error().code, ErrorCode::SignatureInvalid);

        // A CMS that is not SignedData is refused.
        QVERIFY(writeAll(path(QStringLiteral("content.bin")), content));
        QVERIFY(openssl({QStringLiteral("cms"), QStringLiteral("-data_create"), QStringLiteral("-binary"),
                            QStringLiteral("-in"), path(QStringLiteral("content.bin")), QStringLiteral("-outform"),
                            QStringLiteral("DER"), QStringLiteral("-out"), path(QStringLiteral("data.cms"))})
                    .exitCode
            == 0);
        auto parsedData = CmsSignature::parse(readAll(path(QStringLiteral("data.cms"))));
        QVERIFY(!parsedData.ok());
        QCOMPARE(parsedData.error().code, ErrorCode::SignatureInvalid);

        // openssl's ordinary signature (signing-time, SMIMECapabilities) is read and verified, and so is its
        // CAdES form with signing-certificate-v2.
        for (const QStringList& extra : {QStringList {}, QStringList {QStringLiteral("-cades")}}) {
            const QByteArray one = opensslSign(content,
                QStringList {QStringLiteral("-signer"), path(QStringLiteral("ossl.pem")), QStringLiteral("-inkey"),
                    path(QStringLiteral("ossl.key"))}
                    + extra);
            QVERIFY(!one.isEmpty());
            auto parsed = CmsSignature::parse(one);
            QVERIFY(parsed.ok());
            QVERIFY(parsed->hasSigningTimeAttribute());
            QCOMPARE(parsed->hasSigningCertificateV2(), !extra.isEmpty());
            const Status status = parsed->verify(sha256(content));
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
            QCOMPARE(parsed->verify(sha256(content + 'x')).error().code, ErrorCode::SignatureDigestMismatch);
        }

        // BER with indefinite lengths (openssl -stream), zero-padded as in a PDF: the end of the outer
        // object is found by parsing, not by a DER length.
        const QByteArray ber = opensslSign(content,
            {QStringLiteral("-stream"), QStringLiteral("-signer"), path(QStringLiteral("ossl.pem")),
                QStringLiteral("-inkey"), path(QStringLiteral("ossl.key"))});
        QVERIFY(ber.startsWith("\x30\x80"));
        auto parsedBer = CmsSignature::parse(ber + QByteArray(3000, '\0'));
        QVERIFY(parsedBer.ok());
        QVERIFY(parsedBer->verify(sha256(content)).ok());

        // An embedded (not detached) signature made with SHA-384.
        const QByteArray sha384 = opensslSign(content,
            {QStringLiteral("-nodetach"), QStringLiteral("-md"), QStringLiteral("sha384"), QStringLiteral("-signer"),
                path(QStringLiteral("ossl.pem")), QStringLiteral("-inkey"), path(QStringLiteral("ossl.key"))});
        auto parsed384 = CmsSignature::parse(sha384);
        QVERIFY(parsed384.ok());
        QCOMPARE(parsed384->digestAlgorithm(), QByteArrayLiteral("SHA384"));
        Digest digest(parsed384->digestAlgorithm());
        digest.update(content.constData(), content.size());
        QVERIFY(parsed384->verify(digest.final()).ok());

        // Without signed attributes there is nothing to check a digest against.
        const QByteArray bare = opensslSign(content,
            {QStringLiteral("-noattr"), QStringLiteral("-signer"), path(QStringLiteral("ossl.pem")),
                QStringLiteral("-inkey"), path(QStringLiteral("ossl.key"))});
        auto parsedBare = CmsSignature::parse(bare);
        QVERIFY(parsedBare.ok());
        QCOMPARE(parsedBare->verify(sha256(content)).error().code, ErrorCode::SignatureInvalid);

        // Without the signer's certificate in the CMS there is no key to verify with.
        const QByteArray noCerts = opensslSign(content,
            {QStringLiteral("-nocerts"), QStringLiteral("-signer"), path(QStringLiteral("ossl.pem")),
                QStringLiteral("-inkey"), path(QStringLiteral("ossl.key"))});
        auto parsedNoCerts = CmsSignature::parse(noCerts);
        QVERIFY(parsedNoCerts.ok());
        QVERIFY(parsedNoCerts->signerCertificate().isNull());
        QCOMPARE(parsedNoCerts->verify(sha256(content)).error().code, ErrorCode::SignatureInvalid);
    }

    void zeroPaddingIsAccepted()
    {
        const QByteArray content = randomBytes(1234);
        const CadesSigner signer(m_rsa, {m_rsaCertificate});
        auto cms = signer.sign(sha256(content));
        QVERIFY(cms.ok());
        // What a PDF /Contents placeholder holds: the DER, then zeros up to the reserved size.
        const QByteArray padded = *cms + QByteArray(signer.maxSize() * 2 - cms->size(), '\0');
        auto parsed = CmsSignature::parse(padded);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->verify(sha256(content)).ok());
        QByteArray dirty = padded;
        dirty[dirty.size() - 1] = '\x01';
        QCOMPARE(CmsSignature::parse(dirty).error().code, ErrorCode::SignatureInvalid);
    }

    void maxSizeIsNeverExceeded_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::newRow("rsa2048") << KeyAlgorithm::Rsa2048;
        QTest::newRow("p256") << KeyAlgorithm::EcdsaP256;
    }

    void maxSizeIsNeverExceeded()
    {
        QFETCH(KeyAlgorithm, algorithm);
        const CadesSigner signer(key(algorithm), {certificate(algorithm)});
        const int maxSize = signer.maxSize();
        QVERIFY(maxSize > 0);
        int largest = 0;
        int smallest = maxSize;
        const int rounds = 300;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < rounds; ++i) {
            auto cms = signer.sign(sha256(QByteArray::number(i)));
            QVERIFY(cms.ok());
            largest = std::max(largest, int(cms->size()));
            smallest = std::min(smallest, int(cms->size()));
        }
        const double perSign = double(timer.nsecsElapsed()) / rounds / 1e6;
        qInfo("%s: sign %.3f ms per call, CMS %d..%d bytes, maxSize %d", QTest::currentDataTag(), perSign, smallest,
            largest, maxSize);
        QVERIFY(largest <= maxSize);
        // An honest bound is also a tight one: no more than the margin and the ECDSA length jitter.
        QVERIFY2(maxSize - largest <= 40, qPrintable(QString::number(maxSize - largest)));
    }

    void concurrentSigning_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::newRow("rsa2048") << KeyAlgorithm::Rsa2048;
        QTest::newRow("p256") << KeyAlgorithm::EcdsaP256;
    }

    void concurrentSigning()
    {
        QFETCH(KeyAlgorithm, algorithm);
        const CadesSigner signer(key(algorithm), {certificate(algorithm)});
        const QByteArray digest = sha256("the same document");
        QList<int> jobs(64);
        std::iota(jobs.begin(), jobs.end(), 0);
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        const QList<QByteArray> signatures = QtConcurrent::blockingMapped(&pool, jobs, [&](int) {
            auto cms = signer.sign(digest);
            return cms.ok() ? *cms : QByteArray();
        });
        QCOMPARE(signatures.size(), jobs.size());
        for (const QByteArray& cms : signatures) {
            QVERIFY(!cms.isEmpty());
            if (algorithm == KeyAlgorithm::Rsa2048)
                QCOMPARE(cms, signatures.front()); // PKCS#1 v1.5 and no signing-time: deterministic
            auto parsed = CmsSignature::parse(cms);
            QVERIFY(parsed.ok());
            QVERIFY(parsed->verify(digest).ok());
        }
    }

    void signerRefusesBadSetups()
    {
        const QByteArray digest = sha256("x");
        const CadesSigner noChain(m_rsa, {});
        QCOMPARE(noChain.maxSize(), 0);
        QCOMPARE(noChain.sign(digest).error().code, ErrorCode::SigningFailed);
        const CadesSigner wrongCertificate(m_rsa, {m_ecCertificate});
        QCOMPARE(wrongCertificate.sign(digest).error().code, ErrorCode::CertificateMismatch);
        const PrivateKey none;
        const CadesSigner noKey(none, {m_rsaCertificate});
        QCOMPARE(noKey.sign(digest).error().code, ErrorCode::SigningFailed);
        const CadesSigner good(m_rsa, {m_rsaCertificate});
        QCOMPARE(good.sign(digest.left(20)).error().code, ErrorCode::SigningFailed);
        QCOMPARE(good.sign(QByteArray()).error().code, ErrorCode::SigningFailed);
    }
};

QTEST_GUILESS_MAIN(TestCades)
#include "tst_cades.moc"
