// Keys, certificate requests, X.509 certificates and chain checks on top of OpenSSL 3.
#include "crypto/Certificate.h"

#include "crypto/CmsCertificates_p.h"
#include "crypto/OpenSslHandles_p.h"
#include "crypto/VerdictCache_p.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <ctime>

namespace ikkatsu {

namespace {

const char kSelfSignedUnit[] = "Self-signed (local use only)";
// Longer certificates than this are not "for local use" any more.
constexpr int kMaxSelfSignedDays = 3650;

// PEM input never carries encrypted certificates; refusing a passphrase keeps OpenSSL from prompting on a terminal.
int noPassphrase(char*, int, int, void*)
{
    return 0;
}

QString entryText(const ASN1_STRING* value)
{
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return {};
    QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QString nameText(const X509_NAME* name)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !name)
        return {};
    // RFC 2253 order and escaping, but UTF-8 kept as UTF-8 instead of \XX escapes.
    const unsigned long flags = XN_FLAG_RFC2253 & ~static_cast<unsigned long>(ASN1_STRFLGS_ESC_MSB);
    if (X509_NAME_print_ex(bio.get(), name, 0, flags) < 0)
        return {};
    return QString::fromUtf8(ossl::bioContent(bio.get()));
}

bool addNameEntry(X509_NAME* name, int nid, const QString& value)
{
    if (value.isEmpty())
        return true;
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8,
               reinterpret_cast<const unsigned char*>(utf8.constData()), static_cast<int>(utf8.size()), -1, 0)
        == 1;
}

// C, O, OU (company), OU (service), [OU self-signed marker], CN: the order certificates from the CA use too.
Result<ossl::X509NamePtr> buildName(const SubjectName& subject, bool selfSignedMarker, ErrorCode failure)
{
    if (subject.commonName.trimmed().isEmpty())
        return makeError(failure, QStringLiteral("the subject needs a common name"));
    if (!subject.country.isEmpty()
        && (subject.country.size() != 2 || !subject.country.at(0).isUpper() || !subject.country.at(1).isUpper()
            || subject.country.at(0).unicode() > 0x7f || subject.country.at(1).unicode() > 0x7f))
        return makeError(failure,
            QStringLiteral("the country must be two upper-case letters (ISO 3166), not \"%1\"").arg(subject.country));
    if (subject.companyUnit.isEmpty() && !subject.serviceUnit.isEmpty())
        return makeError(failure, QStringLiteral("a service unit needs a company unit before it"));

    ossl::X509NamePtr name(X509_NAME_new());
    if (!name)
        return makeError(failure, ossl::takeErrorText());
    struct Field
    {
        int nid;
        const QString& value;
        const char* label;
    };
    const QString marker = selfSignedMarker ? QString::fromLatin1(kSelfSignedUnit) : QString();
    const Field fields[] = {
        {NID_countryName, subject.country, "country"},
        {NID_organizationName, subject.organization, "organization"},
        // Encoded service first so that the RFC 2253 form reads as the manual lists the fields:
        // CN (発行対象者), OU (発行対象会社名), OU (サービス名), O, C — the issuing CA writes the same order.
        {NID_organizationalUnitName, subject.serviceUnit, "service unit"},
        {NID_organizationalUnitName, subject.companyUnit, "company unit"},
        {NID_organizationalUnitName, marker, "marker"},
        {NID_commonName, subject.commonName, "common name"},
    };
    for (const Field& field : fields) {
        if (!addNameEntry(name.get(), field.nid, field.value)) {
            // The usual cause is a value longer than X.520 allows (64 characters).
            return makeError(failure,
                QStringLiteral("the %1 \"%2\" cannot be encoded: %3")
                    .arg(QLatin1String(field.label), field.value, ossl::takeErrorText()));
        }
    }
    return name;
}

bool addExtension(X509* certificate, X509V3_CTX* context, int nid, const char* value)
{
    ossl::X509ExtensionPtr extension(X509V3_EXT_nconf_nid(nullptr, context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

ErrorCode verifyErrorCode(int error)
{
    switch (error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return ErrorCode::CertificateExpired;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return ErrorCode::CertificateNotYetValid;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
        return ErrorCode::SignerUntrusted;
    default:
        return ErrorCode::CertificateInvalid;
    }
}

} // namespace

namespace ossl {

QDateTime asn1TimeToUtc(const ASN1_TIME* time)
{
    std::tm tm {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(
        QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString integerHex(const ASN1_INTEGER* integer)
{
    BignumPtr number(integer ? ASN1_INTEGER_to_BN(integer, nullptr) : nullptr);
    char* hex = number ? BN_bn2hex(number.get()) : nullptr;
    if (!hex)
        return {};
    QString text = QString::fromLatin1(hex);
    OPENSSL_free(hex);
    return text;
}

QString takeErrorText()
{
    QStringList parts;
    while (const unsigned long error = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(error, buffer, sizeof buffer);
        if (parts.size() < 4) // the first few say enough; the queue can be long
            parts.append(QString::fromLatin1(buffer));
    }
    return parts.join(QStringLiteral("; "));
}

QByteArray bioContent(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, static_cast<qsizetype>(size)) : QByteArray();
}

X509StackPtr toX509Stack(const QList<Certificate>& certificates)
{
    X509StackPtr stack(sk_X509_new_null());
    if (!stack)
        return {};
    for (const Certificate& certificate : certificates) {
        if (certificate.isNull())
            continue;
        X509* x509 = certificate.impl()->x509.get();
        if (!X509_up_ref(x509))
            return {};
        if (!sk_X509_push(stack.get(), x509)) {
            X509_free(x509);
            return {};
        }
    }
    return stack;
}

PrivateKey wrapPrivateKey(EvpPkeyPtr key)
{
    PrivateKey wrapped;
    wrapped.impl()->key = std::move(key);
    return wrapped;
}

void cacheExtensions(X509* certificate)
{
    ERR_set_mark();
    (void)X509_check_purpose(certificate, -1, 0);
    ERR_pop_to_mark();
}

Certificate wrapCertificate(X509Ptr certificate)
{
    // A default-constructed Certificate owns a fresh Impl that nobody shares yet.
    Certificate wrapped;
    wrapped.impl()->x509 = std::move(certificate);
    return wrapped;
}

bool supportedKeyAlgorithm(const EVP_PKEY* key, KeyAlgorithm* algorithm)
{
    if (!key)
        return false;
    if (EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) == 2048) {
        *algorithm = KeyAlgorithm::Rsa2048;
        return true;
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        char group[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1
            && (std::strcmp(group, "prime256v1") == 0 || std::strcmp(group, "P-256") == 0)) {
            *algorithm = KeyAlgorithm::EcdsaP256;
            return true;
        }
    }
    return false;
}

} // namespace ossl

QString keyAlgorithmName(KeyAlgorithm algorithm)
{
    return algorithm == KeyAlgorithm::EcdsaP256 ? QStringLiteral("p256") : QStringLiteral("rsa2048");
}

bool parseKeyAlgorithm(const QString& name, KeyAlgorithm* algorithm)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("rsa2048") || lower == QLatin1String("rsa")) {
        *algorithm = KeyAlgorithm::Rsa2048;
        return true;
    }
    if (lower == QLatin1String("p256") || lower == QLatin1String("p-256") || lower == QLatin1String("ecdsa")) {
        *algorithm = KeyAlgorithm::EcdsaP256;
        return true;
    }
    return false;
}

// ---- PrivateKey ----

PrivateKey::PrivateKey()
    : m_impl(std::make_unique<Impl>())
{ }

PrivateKey::~PrivateKey() = default;
PrivateKey::PrivateKey(PrivateKey&&) noexcept = default;
PrivateKey& PrivateKey::operator=(PrivateKey&&) noexcept = default;

Result<PrivateKey> PrivateKey::generate(KeyAlgorithm algorithm)
{
    ERR_clear_error();
    ossl::EvpPkeyPtr key(algorithm == KeyAlgorithm::EcdsaP256
            ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
            : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
    if (!key)
        return makeError(ErrorCode::KeyGenerationFailed, ossl::takeErrorText());
    return ossl::wrapPrivateKey(std::move(key));
}

bool PrivateKey::isNull() const
{
    return !m_impl || !m_impl->key;
}

KeyAlgorithm PrivateKey::algorithm() const
{
    KeyAlgorithm algorithm = KeyAlgorithm::Rsa2048;
    if (!isNull())
        ossl::supportedKeyAlgorithm(m_impl->key.get(), &algorithm);
    return algorithm;
}

QByteArray PrivateKey::publicKeyDer() const
{
    if (isNull())
        return {};
    return ossl::encodeDer([this](unsigned char** out) { return i2d_PUBKEY(m_impl->key.get(), out); });
}

Result<QByteArray> PrivateKey::signSha256(const QByteArray& data) const
{
    if (isNull())
        return makeError(ErrorCode::SigningFailed, QStringLiteral("no private key"));
    // A context per call: one key signs from several threads at once in a batch.
    ossl::EvpMdCtxPtr context(EVP_MD_CTX_new());
    size_t length = 0;
    const auto* input = reinterpret_cast<const unsigned char*>(data.constData());
    if (!context
        || EVP_DigestSignInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, m_impl->key.get(), nullptr) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, input, static_cast<size_t>(data.size())) != 1)
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, input,
            static_cast<size_t>(data.size()))
        != 1)
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    signature.truncate(static_cast<qsizetype>(length)); // ECDSA signatures vary in length
    return signature;
}

int PrivateKey::maxSignatureSize() const
{
    return isNull() ? 0 : EVP_PKEY_get_size(m_impl->key.get());
}

// ---- Certificate ----

Certificate::Certificate()
    : m_impl(std::make_shared<Impl>())
{ }

Certificate::~Certificate() = default;
Certificate::Certificate(const Certificate&) = default;
Certificate& Certificate::operator=(const Certificate&) = default;
Certificate::Certificate(Certificate&&) noexcept = default;
Certificate& Certificate::operator=(Certificate&&) noexcept = default;

Result<Certificate> Certificate::fromDer(const QByteArray& der)
{
    // The same certificates come again and again (a document's validation data, every upload's chain): each is
    // decoded once per process (OpenSSL 3.0 spends 100–170 µs on an EC certificate's key).
    if (ossl::X509Ptr cached = ossl::cachedCertificate(der))
        return ossl::wrapCertificate(std::move(cached));
    ERR_clear_error();
    const auto* begin = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* cursor = begin;
    ossl::X509Ptr x509(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!x509)
        return makeError(
            ErrorCode::CertificateInvalid, QStringLiteral("not a DER certificate: %1").arg(ossl::takeErrorText()));
    if (cursor != begin + der.size())
        return makeError(ErrorCode::CertificateInvalid, QStringLiteral("trailing bytes after the DER certificate"));
    return ossl::wrapCertificate(std::move(x509));
}

Result<Certificate> Certificate::fromPem(const QByteArray& pem)
{
    ERR_clear_error();
    ossl::BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    ossl::X509Ptr x509(bio ? PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!x509)
        return makeError(
            ErrorCode::CertificateInvalid, QStringLiteral("no PEM certificate: %1").arg(ossl::takeErrorText()));
    return ossl::wrapCertificate(std::move(x509));
}

Result<QList<Certificate>> Certificate::listFromPem(const QByteArray& pem)
{
    ERR_clear_error();
    ossl::BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio)
        return makeError(ErrorCode::CertificateInvalid, ossl::takeErrorText());
    QList<Certificate> certificates;
    while (true) {
        ossl::X509Ptr x509(PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr));
        if (!x509)
            break;
        certificates.append(ossl::wrapCertificate(std::move(x509)));
    }
    // The loop ends with "no start line" at the end of the input; anything else is a broken block.
    const unsigned long last = ERR_peek_last_error();
    const bool cleanEnd = ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE;
    if (!cleanEnd || certificates.isEmpty()) {
        const QString detail = ossl::takeErrorText();
        return makeError(ErrorCode::CertificateInvalid,
            certificates.isEmpty() && cleanEnd
                ? QStringLiteral("no certificate in the PEM input")
                : QStringLiteral("broken PEM certificate after %1 good ones: %2").arg(certificates.size()).arg(detail));
    }
    ERR_clear_error();
    return certificates;
}

bool Certificate::isNull() const
{
    return !m_impl || !m_impl->x509;
}

QByteArray Certificate::toDer() const
{
    if (isNull())
        return {};
    return ossl::encodeDer([this](unsigned char** out) { return i2d_X509(m_impl->x509.get(), out); });
}

QByteArray Certificate::toPem() const
{
    if (isNull())
        return {};
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), m_impl->x509.get()) != 1)
        return {};
    return ossl::bioContent(bio.get());
}

QString Certificate::serialNumberHex() const
{
    if (isNull())
        return {};
    return ossl::integerHex(X509_get0_serialNumber(m_impl->x509.get()));
}

SubjectName Certificate::subject() const
{
    SubjectName subject;
    subject.country.clear();
    if (isNull())
        return subject;
    const X509_NAME* name = X509_get_subject_name(m_impl->x509.get());
    // OUs in encoding order: ..., service, company (the one next to CN). Counting from the CN end keeps a
    // certificate with only a company unit right.
    QStringList units;
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        const QString value = entryText(X509_NAME_ENTRY_get_data(entry));
        switch (OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry))) {
        case NID_commonName:
            subject.commonName = value;
            break;
        case NID_organizationName:
            subject.organization = value;
            break;
        case NID_countryName:
            subject.country = value;
            break;
        case NID_organizationalUnitName:
            if (value != QLatin1String(kSelfSignedUnit))
                units.append(value);
            break;
        default:
            break;
        }
    }
    if (!units.isEmpty())
        subject.companyUnit = units.takeLast();
    if (!units.isEmpty())
        subject.serviceUnit = units.takeLast();
    return subject;
}

QString Certificate::subjectText() const
{
    return isNull() ? QString() : nameText(X509_get_subject_name(m_impl->x509.get()));
}

QString Certificate::issuerText() const
{
    return isNull() ? QString() : nameText(X509_get_issuer_name(m_impl->x509.get()));
}

QDateTime Certificate::notBefore() const
{
    return isNull() ? QDateTime() : ossl::asn1TimeToUtc(X509_get0_notBefore(m_impl->x509.get()));
}

QDateTime Certificate::notAfter() const
{
    return isNull() ? QDateTime() : ossl::asn1TimeToUtc(X509_get0_notAfter(m_impl->x509.get()));
}

namespace {

// Chains are built again for every document of a batch (the client's validation data) and every upload (the
// server's inspection), from the same few certificates: each link's signature check is remembered. A few dozen
// users' certificates with their CA and TSA: 256 pairs, at most 8 MiB of keys.
using IssuanceVerdicts = ossl::VerdictCache<bool>;

IssuanceVerdicts& issuanceVerdicts()
{
    static auto* verdicts = new IssuanceVerdicts(256, 32 * 1024);
    return *verdicts;
}

} // namespace

bool Certificate::isSelfSigned() const
{
    if (isNull())
        return false;
    X509* x509 = m_impl->x509.get();
    // Same name and a signature its own key verifies; a matching name alone would be forgeable.
    if (X509_NAME_cmp(X509_get_subject_name(x509), X509_get_issuer_name(x509)) != 0)
        return false;
    const QByteArray der = toDer();
    return issuanceVerdicts().through(issuanceVerdicts().key().add(der).add(der), [x509](bool* settled) {
        const bool selfSigned = X509_verify(x509, X509_get0_pubkey(x509)) == 1;
        ERR_clear_error();
        *settled = true;
        return selfSigned;
    });
}

bool Certificate::isIssuedBy(const Certificate& issuer) const
{
    if (isNull() || issuer.isNull())
        return false;
    X509* x509 = m_impl->x509.get();
    X509* issuerX509 = issuer.m_impl->x509.get();
    return issuanceVerdicts().through(
        issuanceVerdicts().key().add(toDer()).add(issuer.toDer()), [x509, issuerX509](bool* settled) {
            const bool issued = X509_check_issued(issuerX509, x509) == X509_V_OK
                && X509_verify(x509, X509_get0_pubkey(issuerX509)) == 1;
            ERR_clear_error();
            *settled = true;
            return issued;
        });
}

IssuanceCheckCounts issuanceCheckCounts()
{
    const IssuanceVerdicts::Counts counts = issuanceVerdicts().counts();
    return {counts.hits, counts.misses};
}

QStringList Certificate::ocspUrls() const
{
    QStringList urls;
    if (isNull())
        return urls;
    STACK_OF(OPENSSL_STRING)* list = X509_get1_ocsp(m_impl->x509.get());
    for (int i = 0; i < sk_OPENSSL_STRING_num(list); ++i)
        urls.append(QString::fromUtf8(sk_OPENSSL_STRING_value(list, i)));
    X509_email_free(list); // frees the stack of strings X509_get1_ocsp returns
    return urls;
}

QStringList Certificate::crlUrls() const
{
    QStringList urls;
    if (isNull())
        return urls;
    auto* points = static_cast<STACK_OF(DIST_POINT)*>(
        X509_get_ext_d2i(m_impl->x509.get(), NID_crl_distribution_points, nullptr, nullptr));
    for (int i = 0; i < sk_DIST_POINT_num(points); ++i) {
        const DIST_POINT* point = sk_DIST_POINT_value(points, i);
        if (!point->distpoint || point->distpoint->type != 0)
            continue; // only full names
        const GENERAL_NAMES* names = point->distpoint->name.fullname;
        for (int k = 0; k < sk_GENERAL_NAME_num(names); ++k) {
            const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, k);
            if (name->type == GEN_URI)
                urls.append(QString::fromUtf8(
                    reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.uniformResourceIdentifier)),
                    ASN1_STRING_length(name->d.uniformResourceIdentifier)));
        }
    }
    sk_DIST_POINT_pop_free(points, DIST_POINT_free);
    ERR_clear_error();
    return urls;
}

QByteArray Certificate::sha256Fingerprint() const
{
    if (isNull())
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(m_impl->x509.get(), EVP_sha256(), digest, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length));
}

QByteArray Certificate::publicKeyDer() const
{
    if (isNull())
        return {};
    return ossl::encodeDer(
        [this](unsigned char** out) { return i2d_PUBKEY(X509_get0_pubkey(m_impl->x509.get()), out); });
}

bool Certificate::matchesKey(const PrivateKey& key) const
{
    if (isNull() || key.isNull())
        return false;
    return EVP_PKEY_eq(X509_get0_pubkey(m_impl->x509.get()), key.impl()->key.get()) == 1;
}

bool Certificate::operator==(const Certificate& other) const
{
    if (isNull() || other.isNull())
        return isNull() == other.isNull();
    return X509_cmp(m_impl->x509.get(), other.m_impl->x509.get()) == 0;
}

// ---- Requests, self-signed certificates, chains ----

Result<QByteArray> createCertificateRequest(const PrivateKey& key, const SubjectName& subject)
{
    if (key.isNull())
        return makeError(ErrorCode::CsrInvalid, QStringLiteral("no private key"));
    ERR_clear_error();
    auto name = buildName(subject, false, ErrorCode::CsrInvalid);
    IKK_TRY(name);
    EVP_PKEY* pkey = key.impl()->key.get();
    ossl::X509ReqPtr request(X509_REQ_new_ex(nullptr, nullptr));
    if (!request || X509_REQ_set_version(request.get(), X509_REQ_VERSION_1) != 1
        || X509_REQ_set_subject_name(request.get(), name->get()) != 1 || X509_REQ_set_pubkey(request.get(), pkey) != 1
        || X509_REQ_sign(request.get(), pkey, EVP_sha256()) <= 0)
        return makeError(ErrorCode::CsrInvalid, ossl::takeErrorText());
    QByteArray der = ossl::encodeDer([&](unsigned char** out) { return i2d_X509_REQ(request.get(), out); });
    if (der.isEmpty())
        return makeError(ErrorCode::CsrInvalid, ossl::takeErrorText());
    return der;
}

Result<Certificate> createSelfSignedCertificate(const PrivateKey& key, const SubjectName& subject, int validityDays)
{
    if (key.isNull())
        return makeError(ErrorCode::CertificateInvalid, QStringLiteral("no private key"));
    if (validityDays < 1 || validityDays > kMaxSelfSignedDays)
        return makeError(ErrorCode::CertificateInvalid,
            QStringLiteral("validity must be 1 to %1 days, not %2").arg(kMaxSelfSignedDays).arg(validityDays));
    ERR_clear_error();
    auto name = buildName(subject, true, ErrorCode::CertificateInvalid);
    IKK_TRY(name);
    EVP_PKEY* pkey = key.impl()->key.get();

    // 128 random bits with the top bit cleared: positive, and never zero in practice (RFC 5280 §4.1.2.2).
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return makeError(ErrorCode::CertificateInvalid, ossl::takeErrorText());
    serialBytes[0] &= 0x7f;
    if (serialBytes[0] == 0)
        serialBytes[0] = 0x01;
    ossl::BignumPtr serialNumber(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    ossl::Asn1IntegerPtr serial(serialNumber ? BN_to_ASN1_INTEGER(serialNumber.get(), nullptr) : nullptr);

    // One clock reading for both ends, so that the validity is exactly `validityDays` long.
    time_t now = std::time(nullptr);
    ossl::X509Ptr x509(X509_new_ex(nullptr, nullptr));
    if (!serial || !x509 || X509_set_version(x509.get(), X509_VERSION_3) != 1
        || X509_set_serialNumber(x509.get(), serial.get()) != 1
        || !X509_time_adj_ex(X509_getm_notBefore(x509.get()), 0, 0, &now)
        || !X509_time_adj_ex(X509_getm_notAfter(x509.get()), validityDays, 0, &now)
        || X509_set_subject_name(x509.get(), name->get()) != 1 || X509_set_issuer_name(x509.get(), name->get()) != 1
        || X509_set_pubkey(x509.get(), pkey) != 1)
        return makeError(ErrorCode::CertificateInvalid, ossl::takeErrorText());

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, x509.get(), x509.get(), nullptr, nullptr, 0);
    if (!addExtension(x509.get(), &context, NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(x509.get(), &context, NID_key_usage, "critical,digitalSignature,nonRepudiation")
        || !addExtension(x509.get(), &context, NID_subject_key_identifier, "hash")
        || X509_sign(x509.get(), pkey, EVP_sha256()) <= 0)
        return makeError(ErrorCode::CertificateInvalid, ossl::takeErrorText());
    return ossl::wrapCertificate(std::move(x509));
}

Status verifyCertificateChain(const Certificate& signer, const QList<Certificate>& intermediates,
    const QList<Certificate>& trustAnchors, const QDateTime& at)
{
    if (signer.isNull())
        return makeError(ErrorCode::CertificateInvalid, QStringLiteral("no certificate"));
    if (trustAnchors.isEmpty())
        return makeError(ErrorCode::SignerUntrusted, QStringLiteral("no trust anchors"));
    ERR_clear_error();
    ossl::X509StorePtr store(X509_STORE_new());
    if (!store)
        return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    for (const Certificate& anchor : trustAnchors) {
        if (!anchor.isNull() && X509_STORE_add_cert(store.get(), anchor.impl()->x509.get()) != 1)
            return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    }
    ossl::X509StackPtr untrusted = ossl::toX509Stack(intermediates);
    ossl::X509StoreCtxPtr context(X509_STORE_CTX_new());
    if (!untrusted || !context
        || X509_STORE_CTX_init(context.get(), store.get(), signer.impl()->x509.get(), untrusted.get()) != 1)
        return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    X509_VERIFY_PARAM* parameters = X509_STORE_CTX_get0_param(context.get());
    // The anchors are what the caller trusts, self-signed or not (the CA may hand out an intermediate as anchor).
    X509_VERIFY_PARAM_set_flags(parameters, X509_V_FLAG_PARTIAL_CHAIN);
    // set_time also raises X509_V_FLAG_USE_CHECK_TIME.
    X509_VERIFY_PARAM_set_time(
        parameters, static_cast<time_t>((at.isValid() ? at : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch()));
    const int verified = X509_verify_cert(context.get());
    if (verified == 1) {
        ERR_clear_error();
        return {};
    }
    const int error = X509_STORE_CTX_get_error(context.get());
    const QString detail = QString::fromUtf8(X509_verify_cert_error_string(error));
    ERR_clear_error();
    if (verified < 0 && error == X509_V_OK)
        return makeError(ErrorCode::CertificateInvalid, QStringLiteral("chain verification could not run"));
    return makeError(verifyErrorCode(error),
        QStringLiteral("%1 (depth %2)").arg(detail).arg(X509_STORE_CTX_get_error_depth(context.get())));
}

} // namespace ikkatsu
