// OpenSSL 3 behind the issuing CA: X.509 v3 certificates from PKCS#10 requests and v2 CRLs, every handle RAII.
#include "crypto/CertificateAuthority.h"

#include "common/AtomicFile.h"
#include "crypto/OpenSslHandles_p.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

namespace ikkatsu {

namespace {

template<typename T, void (*Free)(T*)>
struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
template<typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using PkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using X509Ptr = Owned<X509, X509_free>;
using ReqPtr = Owned<X509_REQ, X509_REQ_free>;
using NamePtr = Owned<X509_NAME, X509_NAME_free>;
using ExtPtr = Owned<X509_EXTENSION, X509_EXTENSION_free>;
using CrlPtr = Owned<X509_CRL, X509_CRL_free>;
using RevokedPtr = Owned<X509_REVOKED, X509_REVOKED_free>;
using BnPtr = Owned<BIGNUM, BN_free>;
using IntPtr = Owned<ASN1_INTEGER, ASN1_INTEGER_free>;
using EnumPtr = Owned<ASN1_ENUMERATED, ASN1_ENUMERATED_free>;
using TimePtr = Owned<ASN1_TIME, ASN1_TIME_free>;
using BioPtr = Owned<BIO, BIO_free_all>;

QString opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

Error sslError(ErrorCode code, const QString& what)
{
    return makeError(code, what + QStringLiteral(": ") + opensslError());
}

bool addNameEntry(X509_NAME* name, const char* field, const QString& value)
{
    if (value.isEmpty())
        return true;
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
               reinterpret_cast<const unsigned char*>(utf8.constData()), static_cast<int>(utf8.size()), -1, 0)
        == 1;
}

bool addExtension(X509* certificate, X509* issuer, int nid, const char* value, X509_CRL* crl = nullptr)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, crl, 0);
    ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension)
        return false;
    if (crl)
        return X509_CRL_add_ext(crl, extension.get(), -1) == 1;
    return X509_add_ext(certificate, extension.get(), -1) == 1;
}

QString nameText(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, size);
}

// A positive, non-zero 159-bit serial: unpredictable (CA/B Forum asks for ≥ 64 random bits) and DER-short.
Result<IntPtr> randomSerial(QString* hex)
{
    unsigned char bytes[20];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return sslError(ErrorCode::Unexpected, QStringLiteral("RAND_bytes"));
    bytes[0] &= 0x7f;
    bytes[0] |= 0x40;
    BnPtr number(BN_bin2bn(bytes, sizeof bytes, nullptr));
    IntPtr serial(number ? BN_to_ASN1_INTEGER(number.get(), nullptr) : nullptr);
    if (!serial)
        return sslError(ErrorCode::Unexpected, QStringLiteral("serial"));
    char* text = BN_bn2hex(number.get());
    *hex = QString::fromLatin1(text).toUpper();
    OPENSSL_free(text);
    return serial;
}

Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::CertificateInvalid, QStringLiteral("cannot read ") + path);
    return file.readAll();
}

bool setTime(ASN1_TIME* target, const QDateTime& time)
{
    return ASN1_TIME_set(target, static_cast<time_t>(time.toSecsSinceEpoch())) != nullptr;
}

} // namespace

struct CertificateAuthority::Impl
{
    PkeyPtr key;
    X509Ptr certificate;
    std::function<QDateTime()> clock;

    // Seconds only: ASN.1 times carry no fractions, and callers compare with what the certificate says.
    QDateTime now() const
    {
        const QDateTime time = clock ? clock() : QDateTime::currentDateTimeUtc();
        return QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch(), Qt::UTC);
    }
};

CertificateAuthority::CertificateAuthority()
    : m_impl(std::make_unique<Impl>())
{ }
CertificateAuthority::~CertificateAuthority() = default;
CertificateAuthority::CertificateAuthority(CertificateAuthority&&) noexcept = default;
CertificateAuthority& CertificateAuthority::operator=(CertificateAuthority&&) noexcept = default;

Result<CertificateAuthority> CertificateAuthority::loadOrCreate(
    const QString& keyPath, const QString& certificatePath, const CaIdentity& identity)
{
    CertificateAuthority ca;
    ca.m_impl->clock = identity.clock;
    const bool haveKey = QFileInfo::exists(keyPath);
    const bool haveCertificate = QFileInfo::exists(certificatePath);
    if (haveKey != haveCertificate)
        return makeError(
            ErrorCode::CertificateInvalid, QStringLiteral("CA key and certificate must both exist or both be absent"));
    if (haveKey) {
        auto keyPem = readFile(keyPath);
        if (!keyPem)
            return keyPem.error();
        auto certificatePem = readFile(certificatePath);
        if (!certificatePem)
            return certificatePem.error();
        BioPtr keyBio(BIO_new_mem_buf(keyPem->constData(), static_cast<int>(keyPem->size())));
        ca.m_impl->key.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
        BioPtr certificateBio(BIO_new_mem_buf(certificatePem->constData(), static_cast<int>(certificatePem->size())));
        ca.m_impl->certificate.reset(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
        if (!ca.m_impl->key || !ca.m_impl->certificate)
            return sslError(ErrorCode::CertificateInvalid, QStringLiteral("cannot parse CA key or certificate"));
        if (X509_check_private_key(ca.m_impl->certificate.get(), ca.m_impl->key.get()) != 1)
            return sslError(ErrorCode::CertificateMismatch, QStringLiteral("CA key does not match CA certificate"));
        if (X509_check_ca(ca.m_impl->certificate.get()) == 0)
            return makeError(ErrorCode::CertificateInvalid, QStringLiteral("the CA certificate is not a CA"));
        return ca;
    }

    ca.m_impl->key.reset(EVP_EC_gen("P-256"));
    if (!ca.m_impl->key)
        return sslError(ErrorCode::KeyGenerationFailed, QStringLiteral("CA key"));
    X509Ptr certificate(X509_new());
    NamePtr name(X509_NAME_new());
    QString serialHex;
    auto serial = randomSerial(&serialHex);
    if (!serial)
        return serial.error();
    const QDateTime now = ca.m_impl->now();
    if (!certificate || !name || X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || X509_set_serialNumber(certificate.get(), serial->get()) != 1
        || !addNameEntry(name.get(), "C", identity.country) || !addNameEntry(name.get(), "O", identity.organization)
        || !addNameEntry(name.get(), "CN", identity.commonName)
        || X509_set_subject_name(certificate.get(), name.get()) != 1
        || X509_set_issuer_name(certificate.get(), name.get()) != 1
        || !setTime(X509_getm_notBefore(certificate.get()), now.addSecs(-300))
        || !setTime(X509_getm_notAfter(certificate.get()), now.addYears(identity.validityYears))
        || X509_set_pubkey(certificate.get(), ca.m_impl->key.get()) != 1
        || !addExtension(certificate.get(), certificate.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
        || !addExtension(certificate.get(), certificate.get(), NID_key_usage, "critical,keyCertSign,cRLSign")
        || !addExtension(certificate.get(), certificate.get(), NID_subject_key_identifier, "hash")
        || !addExtension(certificate.get(), certificate.get(), NID_authority_key_identifier, "keyid:always")
        || X509_sign(certificate.get(), ca.m_impl->key.get(), EVP_sha256()) <= 0)
        return sslError(ErrorCode::CertificateInvalid, QStringLiteral("cannot create the CA certificate"));
    ca.m_impl->certificate = std::move(certificate);

    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(keyBio.get(), ca.m_impl->key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return sslError(ErrorCode::KeyStoreWriteFailed, QStringLiteral("CA key PEM"));
    char* data = nullptr;
    const long size = BIO_get_mem_data(keyBio.get(), &data);
    QByteArray keyPem(data, size);
    QDir().mkpath(QFileInfo(keyPath).absolutePath());
    QFile::setPermissions(
        QFileInfo(keyPath).absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QDir().mkpath(QFileInfo(certificatePath).absolutePath());
    const Status keyWritten = writeFileAtomically(keyPath, keyPem, 0600);
    OPENSSL_cleanse(keyPem.data(), static_cast<size_t>(keyPem.size()));
    if (!keyWritten)
        return keyWritten.error();
    IKK_TRY(writeFileAtomically(certificatePath, ca.certificatePem(), 0644));
    return ca;
}

QByteArray CertificateAuthority::certificateDer() const
{
    unsigned char* der = nullptr;
    const int size = i2d_X509(m_impl->certificate.get(), &der);
    if (size <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return bytes;
}

QByteArray CertificateAuthority::certificatePem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), m_impl->certificate.get());
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

Result<IssuedCertificate> CertificateAuthority::issue(const QByteArray& csrDer, const SubjectName& subject,
    int validityDays, const QString& crlUrl, const QString& ocspUrl, const QString& caIssuersUrl) const
{
    const auto* input = reinterpret_cast<const unsigned char*>(csrDer.constData());
    ReqPtr request(d2i_X509_REQ(nullptr, &input, csrDer.size()));
    if (!request || input != reinterpret_cast<const unsigned char*>(csrDer.constData()) + csrDer.size())
        return sslError(ErrorCode::CsrInvalid, QStringLiteral("not a DER PKCS#10 request"));
    EVP_PKEY* publicKey = X509_REQ_get0_pubkey(request.get());
    if (!publicKey)
        return sslError(ErrorCode::CsrInvalid, QStringLiteral("request without a public key"));
    if (X509_REQ_verify(request.get(), publicKey) != 1)
        return sslError(ErrorCode::CsrInvalid, QStringLiteral("request signature does not verify"));

    const int type = EVP_PKEY_get_base_id(publicKey);
    if (type == EVP_PKEY_RSA) {
        const int bits = EVP_PKEY_get_bits(publicKey);
        if (bits < 2048 || bits > 4096)
            return makeError(ErrorCode::KeyAlgorithmUnsupported, QStringLiteral("RSA key of %1 bits").arg(bits));
    } else if (type == EVP_PKEY_EC) {
        char group[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(publicKey, group, sizeof group, &length) != 1)
            return makeError(ErrorCode::KeyAlgorithmUnsupported, QStringLiteral("EC key without a named curve"));
        const QByteArray curve(group);
        if (curve != "prime256v1" && curve != "secp384r1" && curve != "P-256" && curve != "P-384")
            return makeError(
                ErrorCode::KeyAlgorithmUnsupported, QStringLiteral("EC curve ") + QString::fromLatin1(curve));
    } else {
        return makeError(ErrorCode::KeyAlgorithmUnsupported, QStringLiteral("key type %1").arg(type));
    }
    if (subject.commonName.isEmpty() || validityDays <= 0)
        return makeError(ErrorCode::CsrInvalid, QStringLiteral("empty subject or validity"));

    X509Ptr certificate(X509_new());
    NamePtr name(X509_NAME_new());
    IssuedCertificate issued;
    auto serial = randomSerial(&issued.serialHex);
    if (!serial)
        return serial.error();
    const QDateTime now = m_impl->now();
    issued.notBefore = now.addSecs(-300); // tolerate clients whose clock runs a little behind
    issued.notAfter = now.addDays(validityDays);
    const QByteArray crlValue = QByteArrayLiteral("URI:") + crlUrl.toUtf8();
    QByteArrayList access;
    if (!ocspUrl.isEmpty())
        access.append(QByteArrayLiteral("OCSP;URI:") + ocspUrl.toUtf8());
    if (!caIssuersUrl.isEmpty())
        access.append(QByteArrayLiteral("caIssuers;URI:") + caIssuersUrl.toUtf8());
    const QByteArray accessValue = access.join(',');
    if (!certificate || !name || X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || X509_set_serialNumber(certificate.get(), serial->get()) != 1
        || !addNameEntry(name.get(), "C", subject.country) || !addNameEntry(name.get(), "O", subject.organization)
        || !addNameEntry(name.get(), "OU", subject.serviceUnit) || !addNameEntry(name.get(), "OU", subject.companyUnit)
        || !addNameEntry(name.get(), "CN", subject.commonName)
        || X509_set_subject_name(certificate.get(), name.get()) != 1
        || X509_set_issuer_name(certificate.get(), X509_get_subject_name(m_impl->certificate.get())) != 1
        || !setTime(X509_getm_notBefore(certificate.get()), issued.notBefore)
        || !setTime(X509_getm_notAfter(certificate.get()), issued.notAfter)
        || X509_set_pubkey(certificate.get(), publicKey) != 1
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(
            certificate.get(), m_impl->certificate.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation")
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_subject_key_identifier, "hash")
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_authority_key_identifier, "keyid:always")
        || (!crlUrl.isEmpty()
            && !addExtension(
                certificate.get(), m_impl->certificate.get(), NID_crl_distribution_points, crlValue.constData()))
        || (!accessValue.isEmpty()
            && !addExtension(certificate.get(), m_impl->certificate.get(), NID_info_access, accessValue.constData()))
        || X509_sign(certificate.get(), m_impl->key.get(), EVP_sha256()) <= 0)
        return sslError(ErrorCode::CertificateInvalid, QStringLiteral("cannot issue the certificate"));

    unsigned char* der = nullptr;
    const int size = i2d_X509(certificate.get(), &der);
    if (size <= 0)
        return sslError(ErrorCode::CertificateInvalid, QStringLiteral("i2d_X509"));
    issued.der = QByteArray(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    issued.subjectText = nameText(X509_get_subject_name(certificate.get()));
    return issued;
}

Result<QByteArray> CertificateAuthority::createCrl(const QList<RevokedCertificate>& revoked,
    const QDateTime& thisUpdate, const QDateTime& nextUpdate, qint64 crlNumber) const
{
    CrlPtr crl(X509_CRL_new());
    TimePtr last(ASN1_TIME_set(nullptr, static_cast<time_t>(thisUpdate.toSecsSinceEpoch())));
    TimePtr next(ASN1_TIME_set(nullptr, static_cast<time_t>(nextUpdate.toSecsSinceEpoch())));
    if (!crl || !last || !next || X509_CRL_set_version(crl.get(), X509_CRL_VERSION_2) != 1
        || X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(m_impl->certificate.get())) != 1
        || X509_CRL_set1_lastUpdate(crl.get(), last.get()) != 1 || X509_CRL_set1_nextUpdate(crl.get(), next.get()) != 1)
        return sslError(ErrorCode::Unexpected, QStringLiteral("CRL header"));
    for (const RevokedCertificate& entry : revoked) {
        BIGNUM* parsed = nullptr;
        const QByteArray hex = entry.serialHex.toLatin1();
        if (BN_hex2bn(&parsed, hex.constData()) == 0)
            return makeError(ErrorCode::Unexpected, QStringLiteral("bad serial in revocation list"));
        BnPtr number(parsed);
        IntPtr serial(BN_to_ASN1_INTEGER(number.get(), nullptr));
        TimePtr when(ASN1_TIME_set(nullptr, static_cast<time_t>(entry.revokedAt.toSecsSinceEpoch())));
        RevokedPtr item(X509_REVOKED_new());
        if (!serial || !when || !item || X509_REVOKED_set_serialNumber(item.get(), serial.get()) != 1
            || X509_REVOKED_set_revocationDate(item.get(), when.get()) != 1)
            return sslError(ErrorCode::Unexpected, QStringLiteral("CRL entry"));
        if (entry.reason > 0) {
            EnumPtr reason(ASN1_ENUMERATED_new());
            if (!reason || ASN1_ENUMERATED_set(reason.get(), entry.reason) != 1
                || X509_REVOKED_add1_ext_i2d(item.get(), NID_crl_reason, reason.get(), 0, 0) != 1)
                return sslError(ErrorCode::Unexpected, QStringLiteral("CRL reason"));
        }
        if (X509_CRL_add0_revoked(crl.get(), item.get()) != 1)
            return sslError(ErrorCode::Unexpected, QStringLiteral("CRL add"));
        item.release(); // owned by the CRL now
    }
    X509_CRL_sort(crl.get());
    IntPtr number(ASN1_INTEGER_new());
    if (!number || ASN1_INTEGER_set_int64(number.get(), crlNumber) != 1
        || X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, number.get(), 0, 0) != 1
        || !addExtension(nullptr, m_impl->certificate.get(), NID_authority_key_identifier, "keyid:always", crl.get())
        || X509_CRL_sign(crl.get(), m_impl->key.get(), EVP_sha256()) <= 0)
        return sslError(ErrorCode::Unexpected, QStringLiteral("CRL signature"));
    unsigned char* der = nullptr;
    const int size = i2d_X509_CRL(crl.get(), &der);
    if (size <= 0)
        return sslError(ErrorCode::Unexpected, QStringLiteral("i2d_X509_CRL"));
    QByteArray bytes(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return bytes;
}

Certificate CertificateAuthority::certificate() const
{
    if (X509_up_ref(m_impl->certificate.get()) != 1)
        return {};
    return ossl::wrapCertificate(ossl::X509Ptr(m_impl->certificate.get()));
}

Result<IssuedCertificate> CertificateAuthority::issueService(const QByteArray& publicKeyDer, const QString& commonName,
    ServicePurpose purpose, int validityDays, const QString& crlUrl) const
{
    const auto* input = reinterpret_cast<const unsigned char*>(publicKeyDer.constData());
    PkeyPtr publicKey(d2i_PUBKEY(nullptr, &input, static_cast<long>(publicKeyDer.size())));
    if (!publicKey || commonName.isEmpty() || validityDays <= 0)
        return sslError(ErrorCode::CertificateInvalid, QStringLiteral("service key or name"));
    X509Ptr certificate(X509_new());
    NamePtr name(X509_NAME_new());
    IssuedCertificate issued;
    auto serial = randomSerial(&issued.serialHex);
    if (!serial)
        return serial.error();
    const QDateTime now = m_impl->now();
    issued.notBefore = now.addSecs(-300);
    issued.notAfter = now.addDays(validityDays);
    const X509_NAME* caName = X509_get_subject_name(m_impl->certificate.get());
    const int organizationAt = X509_NAME_get_index_by_NID(caName, NID_organizationName, -1);
    const ASN1_STRING* organization
        = organizationAt >= 0 ? X509_NAME_ENTRY_get_data(X509_NAME_get_entry(caName, organizationAt)) : nullptr;
    const QString organizationText = organization
        ? QString::fromUtf8(
            reinterpret_cast<const char*>(ASN1_STRING_get0_data(organization)), ASN1_STRING_length(organization))
        : QString();
    const char* usage = purpose == ServicePurpose::TimeStamping ? "critical,timeStamping" : "critical,OCSPSigning";
    const QByteArray crlValue = QByteArrayLiteral("URI:") + crlUrl.toUtf8();
    if (!certificate || !name || X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || X509_set_serialNumber(certificate.get(), serial->get()) != 1
        || !addNameEntry(name.get(), "O", organizationText) || !addNameEntry(name.get(), "CN", commonName)
        || X509_set_subject_name(certificate.get(), name.get()) != 1
        || X509_set_issuer_name(certificate.get(), caName) != 1
        || !setTime(X509_getm_notBefore(certificate.get()), issued.notBefore)
        || !setTime(X509_getm_notAfter(certificate.get()), issued.notAfter)
        || X509_set_pubkey(certificate.get(), publicKey.get()) != 1
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_ext_key_usage, usage)
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_subject_key_identifier, "hash")
        || !addExtension(certificate.get(), m_impl->certificate.get(), NID_authority_key_identifier, "keyid:always")
        || (purpose == ServicePurpose::OcspSigning
            && !addExtension(certificate.get(), m_impl->certificate.get(), NID_id_pkix_OCSP_noCheck, "ignored"))
        || (purpose == ServicePurpose::TimeStamping && !crlUrl.isEmpty()
            && !addExtension(
                certificate.get(), m_impl->certificate.get(), NID_crl_distribution_points, crlValue.constData()))
        || X509_sign(certificate.get(), m_impl->key.get(), EVP_sha256()) <= 0)
        return sslError(ErrorCode::CertificateInvalid, QStringLiteral("cannot issue the service certificate"));
    unsigned char* der = nullptr;
    const int size = i2d_X509(certificate.get(), &der);
    if (size <= 0)
        return sslError(ErrorCode::CertificateInvalid, QStringLiteral("i2d_X509"));
    issued.der = QByteArray(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    issued.subjectText = nameText(X509_get_subject_name(certificate.get()));
    return issued;
}

Result<ServiceIdentity> CertificateAuthority::loadService(const QString& keyPath, const QString& certificatePath) const
{
    auto keyPem = readFile(keyPath);
    IKK_TRY(keyPem);
    auto certificatePem = readFile(certificatePath);
    IKK_TRY(certificatePem);
    BioPtr keyBio(BIO_new_mem_buf(keyPem->constData(), static_cast<int>(keyPem->size())));
    ossl::EvpPkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    OPENSSL_cleanse(keyPem->data(), static_cast<size_t>(keyPem->size()));
    auto certificate = Certificate::fromPem(*certificatePem);
    ERR_clear_error();
    if (!key || !certificate)
        return makeError(ErrorCode::CertificateInvalid,
            QStringLiteral("cannot parse ") + keyPath + QStringLiteral(" or ") + certificatePath);
    ServiceIdentity identity;
    identity.key = ossl::wrapPrivateKey(std::move(key));
    identity.certificate = *certificate;
    X509* x509 = certificate->impl()->x509.get();
    const bool fromThisCa
        = X509_check_issued(m_impl->certificate.get(), x509) == X509_V_OK && X509_verify(x509, m_impl->key.get()) == 1;
    ERR_clear_error();
    if (!fromThisCa || !certificate->matchesKey(identity.key))
        return makeError(ErrorCode::CertificateMismatch, certificatePath);
    if (certificate->notAfter() <= QDateTime::currentDateTimeUtc())
        return makeError(ErrorCode::CertificateExpired, certificatePath);
    return identity;
}

Result<ServiceIdentity> CertificateAuthority::loadOrIssueService(const QString& keyPath, const QString& certificatePath,
    const QString& commonName, ServicePurpose purpose, int validityDays, int renewDays, const QString& crlUrl) const
{
    ServiceIdentity identity;
    if (QFileInfo::exists(keyPath) && QFileInfo::exists(certificatePath)) {
        auto keyPem = readFile(keyPath);
        auto certificatePem = readFile(certificatePath);
        if (keyPem && certificatePem) {
            BioPtr keyBio(BIO_new_mem_buf(keyPem->constData(), static_cast<int>(keyPem->size())));
            ossl::EvpPkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
            auto certificate = Certificate::fromPem(*certificatePem);
            ERR_clear_error();
            if (key && certificate) {
                identity.key = ossl::wrapPrivateKey(std::move(key));
                identity.certificate = *certificate;
                X509* x509 = certificate->impl()->x509.get();
                const bool fromThisCa = X509_check_issued(m_impl->certificate.get(), x509) == X509_V_OK
                    && X509_verify(x509, m_impl->key.get()) == 1;
                ERR_clear_error();
                if (fromThisCa && certificate->matchesKey(identity.key)
                    && certificate->notAfter() > m_impl->now().addDays(renewDays))
                    return identity;
            }
        }
    }
    auto key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
    IKK_TRY(key);
    auto issued = issueService(key->publicKeyDer(), commonName, purpose, validityDays, crlUrl);
    IKK_TRY(issued);
    auto certificate = Certificate::fromDer(issued->der);
    IKK_TRY(certificate);
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(keyBio.get(), key->impl()->key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return sslError(ErrorCode::KeyStoreWriteFailed, QStringLiteral("service key PEM"));
    char* data = nullptr;
    const long size = BIO_get_mem_data(keyBio.get(), &data);
    QByteArray keyPem(data, size);
    QDir().mkpath(QFileInfo(keyPath).absolutePath());
    QDir().mkpath(QFileInfo(certificatePath).absolutePath());
    const Status keyWritten = writeFileAtomically(keyPath, keyPem, 0600);
    OPENSSL_cleanse(keyPem.data(), static_cast<size_t>(keyPem.size()));
    IKK_TRY(keyWritten);
    IKK_TRY(writeFileAtomically(certificatePath, certificate->toPem(), 0644));
    identity.key = std::move(key).value();
    identity.certificate = *certificate;
    return identity;
}

} // namespace ikkatsu
