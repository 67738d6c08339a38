// The PKCS#12 key store: strength as openssl reports it, PIN rules, wrong PINs and damaged files, PIN changes.
#include "crypto/KeyStore.h"

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

const char kPin[] = "Ikkatsu2024";
const char kEcPin[] = "abc123";

SecureBuffer pin(std::string_view text)
{
    return SecureBuffer(text);
}

ToolRun openssl(const QStringList& arguments, const QByteArray& input = {})
{
    return runTool(QStringLiteral("openssl"), arguments, input);
}

int fileMode(const QString& path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

QByteArray fileHash(const QString& path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
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

Q_DECLARE_METATYPE(ikkatsu::ErrorCode)

class TestKeyStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PrivateKey m_rsa;
    PrivateKey m_ec;
    QList<Certificate> m_rsaChain; // leaf (issued by the CLI's intermediate), intermediate, root
    QList<Certificate> m_ecChain; // self-signed
    QString m_rsaStore;
    QString m_ecStore;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    bool run(const QStringList& arguments)
    {
        const ToolRun result = openssl(arguments);
        if (result.exitCode != 0)
            qWarning("openssl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(result.all()));
        return result.exitCode == 0;
    }

    Certificate loadPem(const QString& name)
    {
        auto certificate = Certificate::fromPem(readAll(path(name)));
        return certificate.ok() ? *certificate : Certificate();
    }

    // A copy of a store for tests that change or damage it.
    QString copyOf(const QString& store, const QString& name)
    {
        const QString copy = path(name);
        QFile::remove(copy);
        return QFile::copy(store, copy) ? copy : QString();
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

        // Root and intermediate from the openssl CLI; the RSA key's certificate is issued from our CSR.
        QVERIFY(writeAll(path(QStringLiteral("ext.cnf")),
            "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
            "[leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n"));
        const QStringList ecKey = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
        QVERIFY(run(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
            + QStringList {QStringLiteral("-keyout"), path(QStringLiteral("root.key")), QStringLiteral("-out"),
                path(QStringLiteral("root.pem")), QStringLiteral("-subj"), QStringLiteral("/CN=Test Root"),
                QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-addext"),
                QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign")}));
        QVERIFY(run(QStringList {QStringLiteral("req"), QStringLiteral("-new")} + ecKey
            + QStringList {QStringLiteral("-keyout"), path(QStringLiteral("inter.key")), QStringLiteral("-out"),
                path(QStringLiteral("inter.csr")), QStringLiteral("-subj"), QStringLiteral("/CN=Test Intermediate")}));
        QVERIFY(run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
            path(QStringLiteral("inter.csr")), QStringLiteral("-CA"), path(QStringLiteral("root.pem")),
            QStringLiteral("-CAkey"), path(QStringLiteral("root.key")), QStringLiteral("-set_serial"),
            QStringLiteral("2"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-extfile"),
            path(QStringLiteral("ext.cnf")), QStringLiteral("-extensions"), QStringLiteral("ca"),
            QStringLiteral("-out"), path(QStringLiteral("inter.pem"))}));
        auto csr = createCertificateRequest(m_rsa, subject(QStringLiteral("Yamada Taro")));
        QVERIFY(csr.ok());
        QVERIFY(writeAll(path(QStringLiteral("leaf.csr")), *csr));
        QVERIFY(run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-inform"), QStringLiteral("DER"),
            QStringLiteral("-in"), path(QStringLiteral("leaf.csr")), QStringLiteral("-CA"),
            path(QStringLiteral("inter.pem")), QStringLiteral("-CAkey"), path(QStringLiteral("inter.key")),
            QStringLiteral("-set_serial"), QStringLiteral("3"), QStringLiteral("-days"), QStringLiteral("30"),
            QStringLiteral("-extfile"), path(QStringLiteral("ext.cnf")), QStringLiteral("-extensions"),
            QStringLiteral("leaf"), QStringLiteral("-out"), path(QStringLiteral("leaf.pem"))}));
        m_rsaChain = {loadPem(QStringLiteral("leaf.pem")), loadPem(QStringLiteral("inter.pem")),
            loadPem(QStringLiteral("root.pem"))};
        for (const Certificate& certificate : std::as_const(m_rsaChain))
            QVERIFY(!certificate.isNull());
        auto self = createSelfSignedCertificate(m_ec, subject(QStringLiteral("Suzuki Hanako")), 30);
        QVERIFY(self.ok());
        m_ecChain = {*self};

        // A key and certificate of openssl's own, for stores made by openssl.
        QVERIFY(run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), path(QStringLiteral("ossl.key")), QStringLiteral("-out"),
            path(QStringLiteral("ossl.pem")), QStringLiteral("-subj"), QStringLiteral("/CN=openssl"),
            QStringLiteral("-days"), QStringLiteral("2")}));

        // The two stores every test reads; each create costs two 600,000-iteration derivations.
        m_rsaStore = path(QStringLiteral("private/rsa.p12"));
        m_ecStore = path(QStringLiteral("ec.p12"));
        QElapsedTimer timer;
        timer.start();
        const Status rsaCreated = KeyStore::create(m_rsaStore, m_rsa, m_rsaChain, pin(kPin));
        const qint64 createMs = timer.elapsed();
        QVERIFY2(rsaCreated.ok(), qPrintable(rsaCreated.ok() ? QString() : rsaCreated.error().detail));
        QVERIFY(KeyStore::create(m_ecStore, m_ec, m_ecChain, pin(kEcPin)).ok());
        timer.restart();
        auto opened = KeyStore::open(m_rsaStore, pin(kPin));
        const qint64 openMs = timer.elapsed();
        QVERIFY(opened.ok());
        qInfo("KeyStore::create %lld ms, KeyStore::open %lld ms (RSA-2048, chain of 3)", createMs, openMs);
    }

    void fileIsPrivate()
    {
        QCOMPARE(fileMode(m_rsaStore), 0600);
        QCOMPARE(fileMode(m_ecStore), 0600);
        // The directory that create() made for the store is private too.
        QCOMPARE(fileMode(path(QStringLiteral("private"))), 0700);
        // Nothing else is left beside it (AtomicFile's hidden temporary file is gone).
        QCOMPARE(QDir(path(QStringLiteral("private"))).entryList(QDir::Files | QDir::Hidden | QDir::System),
            QStringList {QStringLiteral("rsa.p12")});
    }

    void opensslReportsTheProtection_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<int>("certificates");
        QTest::newRow("rsa2048") << m_rsaStore << QString::fromLatin1(kPin) << 3;
        QTest::newRow("p256") << m_ecStore << QString::fromLatin1(kEcPin) << 1;
    }

    void opensslReportsTheProtection()
    {
        QFETCH(QString, store);
        QFETCH(QString, pin);
        QFETCH(int, certificates);
        const ToolRun info = openssl({QStringLiteral("pkcs12"), QStringLiteral("-info"), QStringLiteral("-noout"),
            QStringLiteral("-in"), store, QStringLiteral("-passin"), QStringLiteral("pass:") + pin});
        QVERIFY2(info.exitCode == 0, qPrintable(info.all()));
        const QString all = info.all();
        QVERIFY2(all.contains(QStringLiteral("MAC: sha256, Iteration 600000")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF "
                                             "hmacWithSHA256")),
            qPrintable(all));
        // Certificates in plain PKCS7 data, nothing encrypted with a legacy cipher.
        QCOMPARE(all.count(QStringLiteral("Certificate bag")), certificates);
        QVERIFY(!all.contains(QStringLiteral("PKCS7 Encrypted data")));
        QVERIFY(!all.contains(QStringLiteral("RC2")) && !all.contains(QStringLiteral("3DES")));

        // The key openssl decrypts is ours.
        const ToolRun key = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"), store, QStringLiteral("-passin"),
            QStringLiteral("pass:") + pin, QStringLiteral("-nocerts"), QStringLiteral("-noenc")});
        QVERIFY2(key.exitCode == 0, qPrintable(key.all()));
        const ToolRun publicKey = openssl(
            {QStringLiteral("pkey"), QStringLiteral("-pubout"), QStringLiteral("-outform"), QStringLiteral("DER")},
            key.out);
        QVERIFY(publicKey.exitCode == 0);
        const PrivateKey& expected = store == m_rsaStore ? m_rsa : m_ec;
        QCOMPARE(publicKey.out, expected.publicKeyDer());

        // And the same openssl refuses a wrong PIN.
        QVERIFY(openssl({QStringLiteral("pkcs12"), QStringLiteral("-info"), QStringLiteral("-noout"),
                            QStringLiteral("-in"), store, QStringLiteral("-passin"), QStringLiteral("pass:wrong1")})
                    .exitCode
            != 0);
    }

    void openWithTheRightPin()
    {
        auto store = KeyStore::open(m_rsaStore, pin(kPin));
        QVERIFY(store.ok());
        QCOMPARE(store->key().publicKeyDer(), m_rsa.publicKeyDer());
        QCOMPARE(store->key().algorithm(), KeyAlgorithm::Rsa2048);
        QCOMPARE(store->chain().size(), 3);
        QVERIFY(store->chain() == m_rsaChain); // signer first, then its issuers
        QVERIFY(store->certificate() == m_rsaChain.front());
        QVERIFY(store->certificate().matchesKey(store->key()));
        auto signature = store->key().signSha256("data");
        QVERIFY(signature.ok());
        QCOMPARE(*signature, *m_rsa.signSha256("data")); // PKCS#1 v1.5 is deterministic: the very same key

        auto ecStore = KeyStore::open(m_ecStore, pin(kEcPin));
        QVERIFY(ecStore.ok());
        QCOMPARE(ecStore->key().algorithm(), KeyAlgorithm::EcdsaP256);
        QVERIFY(ecStore->chain() == m_ecChain);
    }

    void certificatesNeedNoPin()
    {
        auto chain = KeyStore::readCertificates(m_rsaStore);
        QVERIFY(chain.ok());
        QVERIFY(*chain == m_rsaChain);
        auto ecChain = KeyStore::readCertificates(m_ecStore);
        QVERIFY(ecChain.ok());
        QVERIFY(*ecChain == m_ecChain);
        QCOMPARE(KeyStore::readCertificates(path(QStringLiteral("none.p12"))).error().code, ErrorCode::KeyStoreMissing);
    }

    void wrongPinIsRefused_data()
    {
        QTest::addColumn<QByteArray>("wrong");
        QTest::newRow("other pin") << QByteArrayLiteral("Ikkatsu2025");
        QTest::newRow("case differs") << QByteArrayLiteral("ikkatsu2024");
        QTest::newRow("prefix") << QByteArrayLiteral("Ikkatsu202");
        QTest::newRow("empty") << QByteArray();
    }

    void wrongPinIsRefused()
    {
        QFETCH(QByteArray, wrong);
        const QByteArray before = fileHash(m_rsaStore);
        auto store = KeyStore::open(m_rsaStore, SecureBuffer(std::string_view(wrong.constData(), wrong.size())));
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::PinWrong);
        QCOMPARE(fileHash(m_rsaStore), before);
    }

    void missingStore()
    {
        auto store = KeyStore::open(path(QStringLiteral("nowhere/none.p12")), pin(kPin));
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, ErrorCode::KeyStoreMissing);
        QCOMPARE(KeyStore::open(m_dir.path(), pin(kPin)).error().code, ErrorCode::KeyStoreCorrupt); // a directory
    }

    void damagedStore_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<ErrorCode>("expected");
        const ErrorCode corrupt = ErrorCode::KeyStoreCorrupt;
        // A changed byte under the MAC reads as a wrong PIN: without the PIN the two cannot be told apart.
        const ErrorCode macFails = ErrorCode::PinWrong;
        const QByteArray good = readAll(m_ecStore);
        QVERIFY(good.size() > 500);
        auto flipped = [&](qsizetype at, int mask) {
            QByteArray bytes = good;
            bytes[at] = static_cast<char>(bytes.at(at) ^ mask);
            return bytes;
        };
        QTest::newRow("empty") << QByteArray() << corrupt;
        QTest::newRow("text") << QByteArrayLiteral("this is not a key store\n") << corrupt;
        QTest::newRow("zeros") << QByteArray(2000, '\0') << corrupt;
        QTest::newRow("half") << good.left(good.size() / 2) << corrupt;
        QTest::newRow("one byte short") << good.left(good.size() - 1) << corrupt;
        QTest::newRow("one byte more") << good + 'x' << corrupt;
        QTest::newRow("outer tag") << flipped(0, 0x01) << corrupt;
        QTest::newRow("outer length") << flipped(2, 0x40) << corrupt;
        QTest::newRow("certificate bag") << flipped(good.indexOf("Suzuki Hanako"), 0x20) << macFails;
        QTest::newRow("key bag") << flipped(good.size() * 3 / 4, 0x01) << macFails;
        QTest::newRow("MAC value") << flipped(good.size() - 20, 0x01) << macFails;
        QTest::newRow("MAC iterations sign") << flipped(good.size() - 3, 0x80) << corrupt;
        QTest::newRow("MAC iterations") << flipped(good.size() - 1, 0x01) << macFails;
    }

    void damagedStore()
    {
        QFETCH(QByteArray, content);
        QFETCH(ErrorCode, expected);
        const QString file = path(QStringLiteral("damaged.p12"));
        QVERIFY(writeAll(file, content));
        auto store = KeyStore::open(file, pin(kEcPin));
        QVERIFY(!store.ok());
        QVERIFY2(store.error().code == expected,
            qPrintable(store.error().codeText() + QLatin1Char(' ') + store.error().detail));
        QCOMPARE(readAll(file), content);
    }

    void storesFromOtherTools()
    {
        const QStringList export12 = {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-passout"),
            QStringLiteral("pass:other1"), QStringLiteral("-iter"), QStringLiteral("2048")};
        // openssl's own PKCS#12 with the key and its certificate opens.
        QVERIFY(run(export12
            + QStringList {QStringLiteral("-inkey"), path(QStringLiteral("ossl.key")), QStringLiteral("-in"),
                path(QStringLiteral("ossl.pem")), QStringLiteral("-out"), path(QStringLiteral("ossl.p12"))}));
        auto store = KeyStore::open(path(QStringLiteral("ossl.p12")), pin("other1"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
        QCOMPARE(store->key().algorithm(), KeyAlgorithm::EcdsaP256);
        QCOMPARE(store->chain().size(), 1);

        // Without a MAC, without a key, without a certificate: not a usable store.
        QVERIFY(run(export12
            + QStringList {QStringLiteral("-nomac"), QStringLiteral("-inkey"), path(QStringLiteral("ossl.key")),
                QStringLiteral("-in"), path(QStringLiteral("ossl.pem")), QStringLiteral("-out"),
                path(QStringLiteral("nomac.p12"))}));
        QCOMPARE(
            KeyStore::open(path(QStringLiteral("nomac.p12")), pin("other1")).error().code, ErrorCode::KeyStoreCorrupt);
        QVERIFY(run(export12
            + QStringList {QStringLiteral("-nokeys"), QStringLiteral("-in"), path(QStringLiteral("ossl.pem")),
                QStringLiteral("-out"), path(QStringLiteral("nokey.p12"))}));
        QCOMPARE(
            KeyStore::open(path(QStringLiteral("nokey.p12")), pin("other1")).error().code, ErrorCode::KeyStoreCorrupt);
        QVERIFY(run(export12
            + QStringList {QStringLiteral("-nocerts"), QStringLiteral("-inkey"), path(QStringLiteral("ossl.key")),
                QStringLiteral("-out"), path(QStringLiteral("nocert.p12"))}));
        QCOMPARE(
            KeyStore::open(path(QStringLiteral("nocert.p12")), pin("other1")).error().code, ErrorCode::KeyStoreCorrupt);
        QCOMPARE(
            KeyStore::readCertificates(path(QStringLiteral("nocert.p12"))).error().code, ErrorCode::KeyStoreCorrupt);

        // A key type this product does not issue.
        QVERIFY(run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("ed25519"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            path(QStringLiteral("ed.key")), QStringLiteral("-out"), path(QStringLiteral("ed.pem")),
            QStringLiteral("-subj"), QStringLiteral("/CN=ed25519"), QStringLiteral("-days"), QStringLiteral("2")}));
        QVERIFY(run(export12
            + QStringList {QStringLiteral("-inkey"), path(QStringLiteral("ed.key")), QStringLiteral("-in"),
                path(QStringLiteral("ed.pem")), QStringLiteral("-out"), path(QStringLiteral("ed.p12"))}));
        QCOMPARE(KeyStore::open(path(QStringLiteral("ed.p12")), pin("other1")).error().code,
            ErrorCode::KeyAlgorithmUnsupported);
    }

    void authenticButUndecryptable()
    {
        // A MAC made with one password over bags encrypted with another: the MAC check passes, decryption
        // fails, and that is a broken store, not a wrong PIN. openssl only makes such a file with -twopass,
        // which reads both passwords from a terminal; a pseudo-terminal answers for us.
        const QString script
            = QStringLiteral("import os, pty, sys\n"
                             "mac, key, command = sys.argv[1].encode(), sys.argv[2].encode(), sys.argv[3:]\n"
                             "pid, fd = pty.fork()\n"
                             "if pid == 0:\n"
                             "    os.execvp(command[0], command)\n"
                             "seen = b''\n"
                             "while True:\n"
                             "    try:\n"
                             "        chunk = os.read(fd, 1024)\n"
                             "    except OSError:\n"
                             "        break\n"
                             "    if not chunk:\n"
                             "        break\n"
                             "    seen += chunk\n"
                             "    while b'Password:' in seen:\n"
                             "        prompt, _, seen = seen.partition(b'Password:')\n"
                             "        os.write(fd, (mac if b'MAC' in prompt.split(b'\\n')[-1] else key) + b'\\n')\n"
                             "sys.exit(os.waitpid(pid, 0)[1] >> 8)\n");
        const QString file = path(QStringLiteral("twopass.p12"));
        const ToolRun made = runTool(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), script, QStringLiteral("macpin1"), QStringLiteral("keypin1"),
                QStringLiteral("openssl"), QStringLiteral("pkcs12"), QStringLiteral("-export"),
                QStringLiteral("-twopass"), QStringLiteral("-inkey"), path(QStringLiteral("ossl.key")),
                QStringLiteral("-in"), path(QStringLiteral("ossl.pem")), QStringLiteral("-iter"),
                QStringLiteral("2048"), QStringLiteral("-out"), file},
            {}, 30000);
        QVERIFY2(made.started && made.exitCode == 0 && QFile::exists(file), qPrintable(made.all()));
        QCOMPARE(KeyStore::open(file, pin("macpin1")).error().code, ErrorCode::KeyStoreCorrupt);
        QCOMPARE(KeyStore::open(file, pin("keypin1")).error().code, ErrorCode::PinWrong);
    }

    void createRefusesBadRequests()
    {
        const QByteArray before = fileHash(m_ecStore);
        QCOMPARE(KeyStore::create(m_ecStore, m_ec, m_ecChain, pin(kEcPin)).error().code, ErrorCode::KeyStoreExists);
        QCOMPARE(fileHash(m_ecStore), before);

        const QString fresh = path(QStringLiteral("never.p12"));
        QCOMPARE(KeyStore::create(fresh, m_ec, m_rsaChain, pin(kEcPin)).error().code, ErrorCode::CertificateMismatch);
        QCOMPARE(KeyStore::create(fresh, m_ec, {}, pin(kEcPin)).error().code, ErrorCode::CertificateMismatch);
        QCOMPARE(
            KeyStore::create(fresh, PrivateKey(), m_ecChain, pin(kEcPin)).error().code, ErrorCode::CertificateMismatch);
        QCOMPARE(KeyStore::create(fresh, m_ec, m_ecChain, pin("short")).error().code, ErrorCode::PinPolicy);
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(KeyStore::create(QStringLiteral("/proc/ikkatsu/store.p12"), m_ec, m_ecChain, pin(kEcPin)).error().code,
            ErrorCode::KeyStoreWriteFailed);
    }

    void changePin()
    {
        const QString store = copyOf(m_ecStore, QStringLiteral("change.p12"));
        QVERIFY(!store.isEmpty());
        const QByteArray original = readAll(store);

        // Wrong old PIN or a new PIN against the rules: the file stays byte for byte as it was.
        QCOMPARE(KeyStore::changePin(store, pin("wrong99"), pin("newPin77")).error().code, ErrorCode::PinWrong);
        QCOMPARE(readAll(store), original);
        QCOMPARE(KeyStore::changePin(store, pin(kEcPin), pin("new pin!")).error().code, ErrorCode::PinPolicy);
        QCOMPARE(readAll(store), original);
        QCOMPARE(KeyStore::changePin(path(QStringLiteral("gone.p12")), pin(kEcPin), pin("newPin77")).error().code,
            ErrorCode::KeyStoreMissing);

        const Status changed = KeyStore::changePin(store, pin(kEcPin), pin("newPin77"));
        QVERIFY2(changed.ok(), qPrintable(changed.ok() ? QString() : changed.error().detail));
        QVERIFY(readAll(store) != original);
        QCOMPARE(fileMode(store), 0600);
        auto reopened = KeyStore::open(store, pin("newPin77"));
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->key().publicKeyDer(), m_ec.publicKeyDer());
        QVERIFY(reopened->chain() == m_ecChain);
        QCOMPARE(KeyStore::open(store, pin(kEcPin)).error().code, ErrorCode::PinWrong);
    }

    void pinPolicy_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("6 alphanumerics") << QStringLiteral("abc123") << true;
        QTest::newRow("20 alphanumerics") << QStringLiteral("ABCDEFGHIJ0123456789") << true;
        QTest::newRow("digits only") << QStringLiteral("000000") << true;
        QTest::newRow("5 characters") << QStringLiteral("abc12") << false;
        QTest::newRow("21 characters") << QStringLiteral("ABCDEFGHIJ0123456789a") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("symbol") << QStringLiteral("abc12!") << false;
        QTest::newRow("space") << QStringLiteral("abc 123") << false;
        QTest::newRow("underscore") << QStringLiteral("abc_123") << false;
        QTest::newRow("full-width digits") << QStringLiteral("１２３４５６") << false;
        QTest::newRow("full-width letters") << QStringLiteral("ａｂｃ１２３") << false;
        QTest::newRow("half-width katakana") << QStringLiteral("ｱｲｳｴｵｶ") << false;
        QTest::newRow("kanji") << QStringLiteral("署名署名署名") << false;
        QTest::newRow("accented") << QStringLiteral("abcdé1") << false;
        QTest::newRow("embedded NUL") << QStringLiteral("abc") + QChar(0) + QStringLiteral("123") << false;
    }

    void pinPolicy()
    {
        QFETCH(QString, candidate);
        QFETCH(bool, allowed);
        const Status status = KeyStore::checkPinPolicy(SecureBuffer::fromString(candidate));
        QCOMPARE(status.ok(), allowed);
        if (!allowed)
            QCOMPARE(status.error().code, ErrorCode::PinPolicy);
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
