// Keys, CSRs, self-signed certificates and chain checks, each checked independently with the openssl CLI.
#include "crypto/Certificate.h"

#include "TestSupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

ToolRun openssl(const QStringList& arguments)
{
    return runTool(QStringLiteral("openssl"), arguments);
}

#define VERIFY_TOOL(run)                                                                                               \
    do {                                                                                                               \
        const ToolRun& toolRun_ = (run);                                                                               \
        QVERIFY2(toolRun_.started, "openssl did not start");                                                           \
        QVERIFY2(toolRun_.exitCode == 0, qPrintable(toolRun_.all()));                                                  \
    } while (false)

SubjectName japaneseSubject()
{
    SubjectName subject;
    subject.commonName = QStringLiteral("山田 太郎");
    subject.companyUnit = QStringLiteral("Ikkatsu Shoji");
    subject.serviceUnit = QStringLiteral("一括署名サービス");
    subject.organization = QStringLiteral("Ikkatsu Trust, Inc.");
    subject.country = QStringLiteral("JP");
    return subject;
}

} // namespace

Q_DECLARE_METATYPE(ikkatsu::KeyAlgorithm)

class TestCertificate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PrivateKey m_rsa;
    PrivateKey m_ec;
    // A small PKI made with the openssl CLI: root → intermediate → leaf (our key, from our CSR).
    Certificate m_root;
    Certificate m_intermediate;
    Certificate m_leaf;
    Certificate m_otherRoot;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    const PrivateKey& key(KeyAlgorithm algorithm) const { return algorithm == KeyAlgorithm::Rsa2048 ? m_rsa : m_ec; }

    Certificate loadPem(const QString& file)
    {
        auto certificate = Certificate::fromPem(readAll(path(file)));
        return certificate.ok() ? *certificate : Certificate();
    }

    bool makeCa(const QString& name, const QString& issuer)
    {
        const QString key = name + QStringLiteral(".key");
        const QString pem = name + QStringLiteral(".pem");
        if (issuer.isEmpty()) {
            return openssl(
                       {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                           QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                           QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(key), QStringLiteral("-out"),
                           path(pem), QStringLiteral("-subj"), QStringLiteral("/CN=") + name, QStringLiteral("-days"),
                           QStringLiteral("60"), QStringLiteral("-addext"),
                           QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                           QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")})
                       .exitCode
                == 0;
        }
        const QString request = name + QStringLiteral(".csr");
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                           QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                           QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(key), QStringLiteral("-out"),
                           path(request), QStringLiteral("-subj"), QStringLiteral("/CN=") + name})
                   .exitCode
            == 0
            && issue(request, QStringLiteral("PEM"), issuer, QStringLiteral("v3_ca"), 60, pem);
    }

    bool issue(const QString& request, const QString& format, const QString& issuer, const QString& section, int days,
        const QString& out)
    {
        const ToolRun run = openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-inform"), format,
            QStringLiteral("-in"), path(request), QStringLiteral("-CA"), path(issuer + QStringLiteral(".pem")),
            QStringLiteral("-CAkey"), path(issuer + QStringLiteral(".key")), QStringLiteral("-set_serial"),
            QString::number(QRandomGenerator::global()->bounded(1000, 1000000)), QStringLiteral("-days"),
            QString::number(days), QStringLiteral("-extfile"), path(QStringLiteral("ext.cnf")),
            QStringLiteral("-extensions"), section, QStringLiteral("-out"), path(out)});
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.all()));
        return run.exitCode == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto rsa = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        QVERIFY2(rsa.ok(), qPrintable(rsa.ok() ? QString() : rsa.error().detail));
        m_rsa = std::move(*rsa);
        auto ec = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
        QVERIFY(ec.ok());
        m_ec = std::move(*ec);

        QVERIFY(writeAll(path(QStringLiteral("ext.cnf")),
            "[v3_ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
            "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
            "[v3_leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n"
            "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"));
        QVERIFY(makeCa(QStringLiteral("root"), {}));
        QVERIFY(makeCa(QStringLiteral("inter"), QStringLiteral("root")));
        QVERIFY(makeCa(QStringLiteral("other"), {}));
        auto csr = createCertificateRequest(m_rsa, japaneseSubject());
        QVERIFY(csr.ok());
        QVERIFY(writeAll(path(QStringLiteral("leaf.csr.der")), *csr));
        // The CA side reads our DER request as it is: a real check that the CSR is usable.
        QVERIFY(issue(QStringLiteral("leaf.csr.der"), QStringLiteral("DER"), QStringLiteral("inter"),
            QStringLiteral("v3_leaf"), 365, QStringLiteral("leaf.pem")));
        m_root = loadPem(QStringLiteral("root.pem"));
        m_intermediate = loadPem(QStringLiteral("inter.pem"));
        m_leaf = loadPem(QStringLiteral("leaf.pem"));
        m_otherRoot = loadPem(QStringLiteral("other.pem"));
        QVERIFY(!m_root.isNull() && !m_intermediate.isNull() && !m_leaf.isNull() && !m_otherRoot.isNull());
    }

    void keyAlgorithmNames()
    {
        KeyAlgorithm algorithm = KeyAlgorithm::Rsa2048;
        QCOMPARE(keyAlgorithmName(KeyAlgorithm::Rsa2048), QStringLiteral("rsa2048"));
        QCOMPARE(keyAlgorithmName(KeyAlgorithm::EcdsaP256), QStringLiteral("p256"));
        QVERIFY(parseKeyAlgorithm(QStringLiteral("p256"), &algorithm));
        QCOMPARE(algorithm, KeyAlgorithm::EcdsaP256);
        QVERIFY(parseKeyAlgorithm(QStringLiteral("RSA2048"), &algorithm));
        QCOMPARE(algorithm, KeyAlgorithm::Rsa2048);
        QVERIFY(!parseKeyAlgorithm(QStringLiteral("rsa1024"), &algorithm));
        QVERIFY(!parseKeyAlgorithm(QString(), &algorithm));
    }

    void generatedKeySigns_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::addColumn<int>("maxSignature");
        QTest::addColumn<QString>("keyText");
        QTest::newRow("rsa2048") << KeyAlgorithm::Rsa2048 << 256 << QStringLiteral("Public-Key: (2048 bit)");
        QTest::newRow("p256") << KeyAlgorithm::EcdsaP256 << 72 << QStringLiteral("NIST CURVE: P-256");
    }

    void generatedKeySigns()
    {
        QFETCH(KeyAlgorithm, algorithm);
        QFETCH(int, maxSignature);
        QFETCH(QString, keyText);
        const PrivateKey& privateKey = key(algorithm);
        QVERIFY(!privateKey.isNull());
        QCOMPARE(privateKey.algorithm(), algorithm);
        QCOMPARE(privateKey.maxSignatureSize(), maxSignature);

        const QByteArray data = QByteArrayLiteral("一括署名 test data ") + QByteArray(1000, 'x');
        auto signature = privateKey.signSha256(data);
        QVERIFY(signature.ok());
        QVERIFY(signature->size() <= maxSignature);
        QVERIFY(writeAll(path(QStringLiteral("pub.der")), privateKey.publicKeyDer()));
        QVERIFY(writeAll(path(QStringLiteral("data.bin")), data));
        QVERIFY(writeAll(path(QStringLiteral("sig.bin")), *signature));
        const ToolRun text = openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"),
            QStringLiteral("DER"), QStringLiteral("-in"), path(QStringLiteral("pub.der")), QStringLiteral("-noout"),
            QStringLiteral("-text")});
        VERIFY_TOOL(text);
        QVERIFY2(text.all().contains(keyText), qPrintable(text.all()));
        const QStringList verify = {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-keyform"),
            QStringLiteral("DER"), QStringLiteral("-verify"), path(QStringLiteral("pub.der")),
            QStringLiteral("-signature"), path(QStringLiteral("sig.bin")), path(QStringLiteral("data.bin"))};
        VERIFY_TOOL(openssl(verify));
        // The same check must be able to fail.
        QVERIFY(writeAll(path(QStringLiteral("data.bin")), data + 'y'));
        QVERIFY(openssl(verify).exitCode != 0);

        QVERIFY(PrivateKey().isNull());
        QVERIFY(!PrivateKey().signSha256(data).ok());
        QCOMPARE(PrivateKey().signSha256(data).error().code, ErrorCode::SigningFailed);
    }

    void certificateRequest_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::addColumn<QString>("signatureAlgorithm");
        QTest::newRow("rsa2048") << KeyAlgorithm::Rsa2048 << QStringLiteral("sha256WithRSAEncryption");
        QTest::newRow("p256") << KeyAlgorithm::EcdsaP256 << QStringLiteral("ecdsa-with-SHA256");
    }

    void certificateRequest()
    {
        QFETCH(KeyAlgorithm, algorithm);
        QFETCH(QString, signatureAlgorithm);
        auto csr = createCertificateRequest(key(algorithm), japaneseSubject());
        QVERIFY(csr.ok());
        const QString file = path(QStringLiteral("request.der"));
        QVERIFY(writeAll(file, *csr));

        const ToolRun verify = openssl({QStringLiteral("req"), QStringLiteral("-verify"), QStringLiteral("-noout"),
            QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), file});
        VERIFY_TOOL(verify);
        QVERIFY2(verify.all().contains(QStringLiteral("verify OK")), qPrintable(verify.all()));

        const ToolRun text = openssl({QStringLiteral("req"), QStringLiteral("-noout"), QStringLiteral("-text"),
            QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), file, QStringLiteral("-nameopt"),
            QStringLiteral("RFC2253,-esc_msb")});
        VERIFY_TOOL(text);
        QVERIFY2(text.all().contains(signatureAlgorithm), qPrintable(text.all()));
        QVERIFY2(text.all().contains(QStringLiteral("CN=山田 太郎,OU=Ikkatsu Shoji,OU=一括署名サービス,"
                                                    "O=Ikkatsu Trust\\, Inc.,C=JP")),
            qPrintable(text.all()));
        QVERIFY(!text.all().contains(QStringLiteral("Self-signed")));

        // X.520 string types: UTF8String for the names, PrintableString for the country.
        const ToolRun asn1 = openssl({QStringLiteral("asn1parse"), QStringLiteral("-inform"), QStringLiteral("DER"),
            QStringLiteral("-in"), file});
        VERIFY_TOOL(asn1);
        QVERIFY(asn1.all().contains(QStringLiteral("PRINTABLESTRING   :JP")));
        QVERIFY(asn1.all().contains(QStringLiteral("UTF8STRING        :山田 太郎")));
        QVERIFY(asn1.all().contains(QStringLiteral("UTF8STRING        :Ikkatsu Shoji")));

        // Tampering with the request breaks its self-signature.
        QByteArray tampered = *csr;
        const qsizetype at = tampered.indexOf("Ikkatsu Shoji");
        QVERIFY(at > 0);
        tampered[at] = 'J';
        QVERIFY(writeAll(file, tampered));
        // openssl 3.0 exits with 0 even when the self-signature is wrong: read what it says.
        const ToolRun broken = openssl({QStringLiteral("req"), QStringLiteral("-verify"), QStringLiteral("-noout"),
            QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), file});
        QVERIFY2(broken.all().contains(QStringLiteral("verify failure")), qPrintable(broken.all()));
        QVERIFY(!broken.all().contains(QStringLiteral("verify OK")));
    }

    void certificateRequestRefusesBadSubjects_data()
    {
        QTest::addColumn<QString>("commonName");
        QTest::addColumn<QString>("serviceUnit");
        QTest::addColumn<QString>("country");
        QTest::newRow("no common name") << QString() << QStringLiteral("Svc") << QStringLiteral("JP");
        QTest::newRow("blank common name") << QStringLiteral("   ") << QStringLiteral("Svc") << QStringLiteral("JP");
        QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << QStringLiteral("Svc")
                                       << QStringLiteral("JP");
        QTest::newRow("3-letter country") << QStringLiteral("Taro") << QStringLiteral("Svc") << QStringLiteral("JPN");
        QTest::newRow("lower-case country") << QStringLiteral("Taro") << QStringLiteral("Svc") << QStringLiteral("jp");
        QTest::newRow("full-width country")
            << QStringLiteral("Taro") << QStringLiteral("Svc") << QStringLiteral("ＪＰ");
        QTest::newRow("service too long")
            << QStringLiteral("Taro") << QString(65, QChar(0x4e00)) << QStringLiteral("JP");
    }

    void certificateRequestRefusesBadSubjects()
    {
        QFETCH(QString, commonName);
        QFETCH(QString, serviceUnit);
        QFETCH(QString, country);
        SubjectName subject = japaneseSubject();
        subject.commonName = commonName;
        subject.serviceUnit = serviceUnit;
        subject.country = country;
        auto csr = createCertificateRequest(m_ec, subject);
        QVERIFY(!csr.ok());
        QCOMPARE(csr.error().code, ErrorCode::CsrInvalid);
        QVERIFY(!csr.error().detail.isEmpty());
        auto certificate = createSelfSignedCertificate(m_ec, subject, 30);
        QVERIFY(!certificate.ok());
        QCOMPARE(certificate.error().code, ErrorCode::CertificateInvalid);
    }

    void certificateRequestNeedsAKey()
    {
        auto csr = createCertificateRequest(PrivateKey(), japaneseSubject());
        QVERIFY(!csr.ok());
        QCOMPARE(csr.error().code, ErrorCode::CsrInvalid);
        QCOMPARE(createSelfSignedCertificate(PrivateKey(), japaneseSubject(), 30).error().code,
            ErrorCode::CertificateInvalid);
        QCOMPARE(createSelfSignedCertificate(m_ec, japaneseSubject(), 0).error().code, ErrorCode::CertificateInvalid);
    }

    void selfSignedCertificate_data()
    {
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::newRow("rsa2048") << KeyAlgorithm::Rsa2048;
        QTest::newRow("p256") << KeyAlgorithm::EcdsaP256;
    }

    void selfSignedCertificate()
    {
        QFETCH(KeyAlgorithm, algorithm);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        auto created = createSelfSignedCertificate(key(algorithm), japaneseSubject(), 30);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().detail));
        const Certificate certificate = *created;

        const SubjectName subject = certificate.subject();
        QCOMPARE(subject.commonName, QStringLiteral("山田 太郎"));
        QCOMPARE(subject.companyUnit, QStringLiteral("Ikkatsu Shoji"));
        QCOMPARE(subject.serviceUnit, QStringLiteral("一括署名サービス"));
        QCOMPARE(subject.organization, QStringLiteral("Ikkatsu Trust, Inc."));
        QCOMPARE(subject.country, QStringLiteral("JP"));
        QCOMPARE(certificate.subjectText(),
            QStringLiteral("CN=山田 太郎,OU=Self-signed (local use only),OU=Ikkatsu Shoji,OU=一括署名サービス,"
                           "O=Ikkatsu Trust\\, Inc.,C=JP"));
        QCOMPARE(certificate.issuerText(), certificate.subjectText());
        QVERIFY(certificate.isSelfSigned());
        QVERIFY(certificate.matchesKey(key(algorithm)));
        QVERIFY(!certificate.matchesKey(
            key(algorithm == KeyAlgorithm::Rsa2048 ? KeyAlgorithm::EcdsaP256 : KeyAlgorithm::Rsa2048)));
        QVERIFY(!certificate.matchesKey(PrivateKey()));
        QCOMPARE(certificate.publicKeyDer(), key(algorithm).publicKeyDer());

        QCOMPARE(certificate.notBefore().timeSpec(), Qt::UTC);
        QVERIFY(certificate.notBefore() >= before);
        QVERIFY(certificate.notBefore() <= QDateTime::currentDateTimeUtc());
        QCOMPARE(certificate.notBefore().secsTo(certificate.notAfter()), qint64(30) * 24 * 3600);

        // 128 random bits with the top bit clear: up to 32 hex digits, never negative.
        const QString serial = certificate.serialNumberHex();
        QVERIFY2(serial.size() >= 24 && serial.size() <= 32, qPrintable(serial));
        QVERIFY(!serial.startsWith(QLatin1Char('-')));
        QCOMPARE(serial, serial.toUpper());
        auto other = createSelfSignedCertificate(key(algorithm), japaneseSubject(), 30);
        QVERIFY(other.ok());
        QVERIFY(other->serialNumberHex() != serial);
        QVERIFY(!(*other == certificate));

        // Round trips.
        auto fromDer = Certificate::fromDer(certificate.toDer());
        QVERIFY(fromDer.ok());
        QVERIFY(*fromDer == certificate);
        auto fromPem = Certificate::fromPem(certificate.toPem());
        QVERIFY(fromPem.ok());
        QVERIFY(*fromPem == certificate);
        QVERIFY(certificate.toPem().startsWith("-----BEGIN CERTIFICATE-----\n"));

        // Independent view of the same certificate.
        const QString pem = path(QStringLiteral("self.pem"));
        QVERIFY(writeAll(pem, certificate.toPem()));
        VERIFY_TOOL(openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), pem, pem}));
        const ToolRun text = openssl(
            {QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-text"),
                QStringLiteral("-serial"), QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
        VERIFY_TOOL(text);
        const QString all = text.all();
        QVERIFY2(all.contains(QStringLiteral("X509v3 Key Usage: critical\n                Digital Signature, Non "
                                             "Repudiation\n")),
            qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("X509v3 Basic Constraints: critical\n                CA:FALSE\n")));
        QVERIFY(all.contains(QStringLiteral("X509v3 Subject Key Identifier")));
        QVERIFY(all.contains(QStringLiteral("Version: 3 (0x2)")));
        QVERIFY(all.contains(QStringLiteral("serial=") + serial));
        QString fingerprint = QString::fromLatin1(certificate.sha256Fingerprint().toHex(':').toUpper());
        QCOMPARE(certificate.sha256Fingerprint().size(), 32);
        QVERIFY2(all.contains(QStringLiteral("Fingerprint=") + fingerprint), qPrintable(all));
    }

    void certificateFromCaHasNoMarker()
    {
        const SubjectName subject = m_leaf.subject();
        QCOMPARE(subject.commonName, QStringLiteral("山田 太郎"));
        QCOMPARE(subject.companyUnit, QStringLiteral("Ikkatsu Shoji"));
        QCOMPARE(subject.serviceUnit, QStringLiteral("一括署名サービス"));
        QVERIFY(!m_leaf.isSelfSigned());
        QVERIFY(m_root.isSelfSigned());
        QCOMPARE(m_leaf.issuerText(), QStringLiteral("CN=inter"));
        QVERIFY(m_leaf.matchesKey(m_rsa));
    }

    void issuanceChecksAreRemembered()
    {
        // Each link is verified once; the same pair again comes from memory, with the same answer.
        QVERIFY(m_leaf.isIssuedBy(m_intermediate));
        QVERIFY(!m_leaf.isIssuedBy(m_root));
        QVERIFY(m_root.isSelfSigned());
        const IssuanceCheckCounts before = issuanceCheckCounts();
        QVERIFY(m_leaf.isIssuedBy(m_intermediate));
        QVERIFY(!m_leaf.isIssuedBy(m_root));
        QVERIFY(m_root.isSelfSigned());
        QVERIFY(!m_otherRoot.isIssuedBy(m_root));
        const IssuanceCheckCounts after = issuanceCheckCounts();
        QCOMPARE(after.hits, before.hits + 3);
        QCOMPARE(after.misses, before.misses + 1);

        // A copy with one byte of its signature changed is another certificate: checked on its own, and refused,
        // however often the original was accepted. The same for a root whose self-signature was changed.
        for (const Certificate& original : {m_leaf, m_root}) {
            QByteArray der = original.toDer();
            der[der.size() - 1] = char(der.at(der.size() - 1) ^ 0x01);
            auto forged = Certificate::fromDer(der);
            QVERIFY(forged.ok());
            const IssuanceCheckCounts beforeForged = issuanceCheckCounts();
            if (original == m_leaf)
                QVERIFY(!forged->isIssuedBy(m_intermediate));
            else
                QVERIFY(!forged->isSelfSigned());
            QCOMPARE(issuanceCheckCounts().misses, beforeForged.misses + 1);
        }
        QVERIFY(m_leaf.isIssuedBy(m_intermediate));
        QVERIFY(m_root.isSelfSigned());
    }

    void badInputsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("pem");
        const QByteArray der = m_root.toDer();
        const QByteArray pem = m_root.toPem();
        QTest::newRow("empty der") << QByteArray() << false;
        QTest::newRow("garbage der") << QByteArray("not a certificate at all") << false;
        QTest::newRow("truncated der") << der.left(der.size() - 1) << false;
        QTest::newRow("der with trailing byte") << der + '\0' << false;
        QTest::newRow("der header only") << der.left(4) << false;
        QTest::newRow("pem as der") << pem << false;
        QTest::newRow("empty pem") << QByteArray() << true;
        QTest::newRow("garbage pem") << QByteArray("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n")
                                     << true;
        QTest::newRow("der as pem") << der << true;
        QByteArray cut = pem;
        cut.remove(100, 40);
        QTest::newRow("pem with a hole") << cut << true;
        QTest::newRow("pem without end") << pem.left(pem.indexOf("-----END")) << true;
        QTest::newRow("a key, not a certificate") << readAll(path(QStringLiteral("root.key"))) << true;
    }

    void badInputsAreRefused()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, pem);
        auto certificate = pem ? Certificate::fromPem(input) : Certificate::fromDer(input);
        QVERIFY(!certificate.ok());
        QCOMPARE(certificate.error().code, ErrorCode::CertificateInvalid);
        if (pem) {
            auto list = Certificate::listFromPem(input);
            QVERIFY(!list.ok());
            QCOMPARE(list.error().code, ErrorCode::CertificateInvalid);
        }
    }

    void randomBytesNeverCrash()
    {
        QRandomGenerator random(20240611);
        const QByteArray der = m_leaf.toDer();
        for (int i = 0; i < 300; ++i) {
            QByteArray mutated = der;
            mutated[random.bounded(static_cast<int>(mutated.size()))] = static_cast<char>(random.bounded(256));
            auto certificate = Certificate::fromDer(mutated);
            if (certificate.ok()) {
                // A still-parseable mutation must at least answer every accessor without crashing.
                (void)certificate->subject();
                (void)certificate->subjectText();
                (void)certificate->isSelfSigned();
                (void)certificate->notAfter();
            }
            QByteArray noise(random.bounded(1, 200), Qt::Uninitialized);
            for (char& c : noise)
                c = static_cast<char>(random.bounded(256));
            QVERIFY(!Certificate::fromDer(noise).ok());
        }
    }

    void listFromPemKeepsOrder()
    {
        const QByteArray bundle = m_leaf.toPem() + "\n# comment between blocks\n" + m_intermediate.toPem()
            + readAll(path(QStringLiteral("root.key"))) + m_root.toPem();
        auto list = Certificate::listFromPem(bundle);
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().detail));
        QCOMPARE(list->size(), 3);
        QVERIFY(list->at(0) == m_leaf);
        QVERIFY(list->at(1) == m_intermediate);
        QVERIFY(list->at(2) == m_root);

        auto broken = Certificate::listFromPem(m_leaf.toPem() + "-----BEGIN CERTIFICATE-----\nAAAA\n");
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().code, ErrorCode::CertificateInvalid);
    }

    void nullCertificate()
    {
        const Certificate null;
        QVERIFY(null.isNull());
        QVERIFY(null.toDer().isEmpty());
        QVERIFY(null.subjectText().isEmpty());
        QVERIFY(!null.notAfter().isValid());
        QVERIFY(!null.isSelfSigned());
        QVERIFY(null == Certificate());
        QVERIFY(!(null == m_root));
        QCOMPARE(verifyCertificateChain(null, {}, {m_root}, {}).error().code, ErrorCode::CertificateInvalid);
    }

    void chainVerification_data()
    {
        QTest::addColumn<QString>("leaf");
        QTest::addColumn<bool>("withIntermediate");
        QTest::addColumn<QString>("anchors");
        QTest::addColumn<int>("atDays");
        QTest::addColumn<int>("expected");
        const int ok = 0;
        QTest::newRow("trusted") << QStringLiteral("leaf") << true << QStringLiteral("root") << 0 << ok;
        QTest::newRow("trusted in ten days") << QStringLiteral("leaf") << true << QStringLiteral("root") << 10 << ok;
        QTest::newRow("intermediate as anchor")
            << QStringLiteral("leaf") << false << QStringLiteral("inter") << 0 << ok;
        QTest::newRow("several anchors") << QStringLiteral("leaf") << true << QStringLiteral("other+root") << 0 << ok;
        QTest::newRow("intermediate missing")
            << QStringLiteral("leaf") << false << QStringLiteral("root") << 0 << int(ErrorCode::SignerUntrusted);
        QTest::newRow("other root") << QStringLiteral("leaf") << true << QStringLiteral("other") << 0
                                    << int(ErrorCode::SignerUntrusted);
        QTest::newRow("no anchors") << QStringLiteral("leaf") << true << QString() << 0
                                    << int(ErrorCode::SignerUntrusted);
        QTest::newRow("expired") << QStringLiteral("leaf") << true << QStringLiteral("root") << 400
                                 << int(ErrorCode::CertificateExpired);
        QTest::newRow("not yet valid") << QStringLiteral("leaf") << true << QStringLiteral("root") << -2
                                       << int(ErrorCode::CertificateNotYetValid);
        QTest::newRow("self-signed trusted") << QStringLiteral("self") << false << QStringLiteral("self") << 0 << ok;
        QTest::newRow("self-signed untrusted")
            << QStringLiteral("self") << false << QStringLiteral("root") << 0 << int(ErrorCode::SignerUntrusted);
        QTest::newRow("self-signed expired")
            << QStringLiteral("self") << false << QStringLiteral("self") << 31 << int(ErrorCode::CertificateExpired);
        QTest::newRow("bad signature") << QStringLiteral("tampered") << true << QStringLiteral("root") << 0
                                       << int(ErrorCode::CertificateInvalid);
    }

    void chainVerification()
    {
        QFETCH(QString, leaf);
        QFETCH(bool, withIntermediate);
        QFETCH(QString, anchors);
        QFETCH(int, atDays);
        QFETCH(int, expected);

        auto self = createSelfSignedCertificate(m_ec, japaneseSubject(), 30);
        QVERIFY(self.ok());
        Certificate signer = m_leaf;
        if (leaf == QLatin1String("self")) {
            signer = *self;
        } else if (leaf == QLatin1String("tampered")) {
            QByteArray der = m_leaf.toDer();
            der[der.size() - 3] = static_cast<char>(der.at(der.size() - 3) ^ 0x01); // inside the signature value
            auto tampered = Certificate::fromDer(der);
            QVERIFY(tampered.ok());
            signer = *tampered;
        }
        QList<Certificate> trustAnchors;
        for (const QString& anchor : anchors.split(QLatin1Char('+'), Qt::SkipEmptyParts)) {
            if (anchor == QLatin1String("root"))
                trustAnchors.append(m_root);
            else if (anchor == QLatin1String("inter"))
                trustAnchors.append(m_intermediate);
            else if (anchor == QLatin1String("other"))
                trustAnchors.append(m_otherRoot);
            else
                trustAnchors.append(*self);
        }
        const QList<Certificate> intermediates
            = withIntermediate ? QList<Certificate> {m_intermediate} : QList<Certificate> {};
        const Status status = verifyCertificateChain(
            signer, intermediates, trustAnchors, QDateTime::currentDateTimeUtc().addDays(atDays));
        if (expected == 0) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
        } else {
            QVERIFY(!status.ok());
            QCOMPARE(int(status.error().code), expected);
            QVERIFY(!status.error().detail.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCertificate)
#include "tst_certificate.moc"
