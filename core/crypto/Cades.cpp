// Detached CAdES SignedData without signing-time (PAdES baseline), its parsing and verification, and digests.
#include "crypto/Cades.h"

#include "crypto/CmsCertificates_p.h"
#include "crypto/OpenSslHandles_p.h"

#include <openssl/err.h>

#include <algorithm>
#include <cstring>

namespace ikkatsu {

namespace {

constexpr int kSha256Size = 32;
// Headroom over the computed bound: covers nothing we know of, only what we might not.
constexpr int kMaxSizeMargin = 32;

QByteArray derLength(qsizetype length)
{
    QByteArray encoded;
    if (length < 0x80) {
        encoded.append(static_cast<char>(length));
        return encoded;
    }
    QByteArray bytes;
    for (auto rest = static_cast<quint64>(length); rest; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xff));
    encoded.append(static_cast<char>(0x80 | bytes.size()));
    return encoded + bytes;
}

// X.690 §11.6: SET OF elements in ascending order of their encodings, the shorter padded with zero octets.
bool derSetOrder(const QByteArray& a, const QByteArray& b)
{
    const qsizetype common = std::min(a.size(), b.size());
    const int compared = std::memcmp(a.constData(), b.constData(), static_cast<size_t>(common));
    if (compared != 0)
        return compared < 0;
    const QByteArray& longer = a.size() > b.size() ? a : b;
    const bool tailIsZero = std::all_of(longer.cbegin() + common, longer.cend(), [](char c) { return c == 0; });
    return tailIsZero ? false : a.size() < b.size();
}

// The DER that the signature covers: the signed attributes as an explicit SET OF (RFC 5652 §5.4), not [0].
QByteArray signedAttributesDer(const CMS_SignerInfo* signerInfo)
{
    QList<QByteArray> attributes;
    for (int i = 0; i < CMS_signed_get_attr_count(signerInfo); ++i) {
        const X509_ATTRIBUTE* attribute = CMS_signed_get_attr(signerInfo, i);
        QByteArray der = ossl::encodeDer([&](unsigned char** out) { return i2d_X509_ATTRIBUTE(attribute, out); });
        if (der.isEmpty())
            return {};
        attributes.append(der);
    }
    std::sort(attributes.begin(), attributes.end(), derSetOrder);
    QByteArray content;
    for (const QByteArray& attribute : std::as_const(attributes))
        content += attribute;
    return QByteArrayLiteral("\x31") + derLength(content.size()) + content;
}

// A SignedData ready but for its signature value; the signer info stays owned by `cms`.
struct SignedDataDraft
{
    ossl::CmsPtr cms;
    CMS_SignerInfo* signerInfo = nullptr;
};

Result<SignedDataDraft> draftSignedData(
    const PrivateKey& key, const QList<Certificate>& chain, const QByteArray& digest)
{
    if (key.isNull())
        return makeError(ErrorCode::SigningFailed, QStringLiteral("no private key"));
    if (chain.isEmpty() || chain.front().isNull())
        return makeError(ErrorCode::SigningFailed, QStringLiteral("no signing certificate"));
    if (!chain.front().matchesKey(key))
        return makeError(ErrorCode::CertificateMismatch, QStringLiteral("the first certificate is not the key's"));
    if (digest.size() != kSha256Size)
        return makeError(
            ErrorCode::SigningFailed, QStringLiteral("a SHA-256 digest has 32 bytes, not %1").arg(digest.size()));
    ERR_clear_error();
    SignedDataDraft draft;
    // PARTIAL: stop before OpenSSL signs, which would add signing-time; DETACHED: no eContent.
    draft.cms.reset(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
    if (!draft.cms)
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    // CADES adds signing-certificate-v2 (ESSCertIDv2 with SHA-256); NOSMIMECAP keeps SMIMECapabilities out.
    draft.signerInfo = CMS_add1_signer(draft.cms.get(), chain.front().impl()->x509.get(), key.impl()->key.get(),
        EVP_sha256(), CMS_PARTIAL | CMS_CADES | CMS_NOSMIMECAP | CMS_BINARY);
    if (!draft.signerInfo)
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    for (qsizetype i = 1; i < chain.size(); ++i) {
        const bool repeated = std::find(chain.cbegin(), chain.cbegin() + i, chain.at(i)) != chain.cbegin() + i;
        if (chain.at(i).isNull() || repeated)
            continue;
        if (CMS_add1_cert(draft.cms.get(), chain.at(i).impl()->x509.get()) != 1)
            return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    }
    if (CMS_signed_add1_attr_by_NID(
            draft.signerInfo, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1)
            != 1
        || CMS_signed_add1_attr_by_NID(draft.signerInfo, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING,
               digest.constData(), static_cast<int>(digest.size()))
            != 1)
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    return draft;
}

Result<QByteArray> finishSignedData(SignedDataDraft& draft, const QByteArray& signature)
{
    ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(draft.signerInfo);
    if (!value || ASN1_STRING_set(value, signature.constData(), static_cast<int>(signature.size())) != 1)
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    QByteArray der = ossl::encodeDer([&](unsigned char** out) { return i2d_CMS_ContentInfo(draft.cms.get(), out); });
    if (der.isEmpty())
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    return der;
}

QByteArray octets(const ASN1_STRING* string)
{
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(string)), ASN1_STRING_length(string));
}

} // namespace

// ---- Digest ----

struct Digest::Impl
{
    ossl::EvpMdPtr algorithm;
    ossl::EvpMdCtxPtr context;
    bool valid = false;

    void restart() { valid = context && algorithm && EVP_DigestInit_ex2(context.get(), algorithm.get(), nullptr) == 1; }
};

Digest::Digest(const QByteArray& algorithm)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->algorithm.reset(EVP_MD_fetch(nullptr, algorithm.constData(), nullptr));
    m_impl->context.reset(EVP_MD_CTX_new());
    m_impl->restart();
    ERR_clear_error();
}

Digest::~Digest() = default;

bool Digest::isValid() const
{
    return m_impl->valid;
}

void Digest::update(const char* data, qint64 size)
{
    if (m_impl->valid && size > 0)
        m_impl->valid = EVP_DigestUpdate(m_impl->context.get(), data, static_cast<size_t>(size)) == 1;
}

Status Digest::updateFromFile(const platform::NativeFile& file, qint64 offset, qint64 length)
{
    constexpr qint64 kBufferSize = 1 << 20;
    QByteArray buffer(std::min(length, kBufferSize), Qt::Uninitialized);
    while (length > 0) {
        int error = 0;
        const qint64 n = file.readAt(buffer.data(), std::min<qint64>(length, buffer.size()), offset, &error);
        if (n <= 0)
            return makeError(ErrorCode::InputFileUnreadable, QStringLiteral("read failed at offset %1").arg(offset));
        update(buffer.constData(), n);
        offset += n;
        length -= n;
    }
    return {};
}

QByteArray Digest::final()
{
    if (!m_impl->valid)
        return {};
    unsigned char value[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const bool done = EVP_DigestFinal_ex(m_impl->context.get(), value, &length) == 1;
    m_impl->restart(); // ready for the next message
    return done ? QByteArray(reinterpret_cast<const char*>(value), static_cast<qsizetype>(length)) : QByteArray();
}

// ---- CadesSigner ----

CadesSigner::CadesSigner(const PrivateKey& key, QList<Certificate> chain)
    : m_key(key)
    , m_chain(std::move(chain))
{ }

namespace {

// Token size variation between two tokens of one TSA (ECDSA signatures vary by a few bytes) and the attribute's
// own wrapping (SET OF attribute, OID, SET); a larger surprise costs one retry in PdfSigner.
constexpr int kTokenMargin = 96;

} // namespace

Result<int> CadesSigner::reserveSize() const
{
    if (m_fetcher && m_tokenSize.load() == 0) {
        auto token = m_fetcher(QByteArray(kSha256Size, '\0'));
        IKK_TRY(token);
        int seen = m_tokenSize.load();
        while (seen < token->size() && !m_tokenSize.compare_exchange_weak(seen, static_cast<int>(token->size()))) { }
    }
    const int size = maxSize();
    if (size <= 0)
        return makeError(ErrorCode::SigningFailed, QStringLiteral("the signer reports no signature size"));
    return size;
}

int CadesSigner::maxSize() const
{
    // The same structure sign() builds, with the longest signature the key can produce: everything else
    // in it has a fixed size, so this bound is exact up to the margin.
    int draftSize = m_draftSize.load();
    if (draftSize == 0) {
        auto draft = draftSignedData(m_key, m_chain, QByteArray(kSha256Size, '\0'));
        if (!draft.ok())
            return 0; // sign() reports why
        auto der = finishSignedData(*draft, QByteArray(m_key.maxSignatureSize(), '\xff'));
        ERR_clear_error();
        if (!der.ok())
            return 0;
        draftSize = static_cast<int>(der->size());
        m_draftSize.store(draftSize);
    }
    const int token = m_fetcher ? m_tokenSize.load() : 0;
    return draftSize + kMaxSizeMargin + (token > 0 ? token + kTokenMargin : 0);
}

Result<QByteArray> CadesSigner::sign(const QByteArray& sha256) const
{
    auto draft = draftSignedData(m_key, m_chain, sha256);
    IKK_TRY(draft);
    const QByteArray attributes = signedAttributesDer(draft->signerInfo);
    if (attributes.isEmpty())
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    auto signature = m_key.signSha256(attributes);
    IKK_TRY(signature);
    if (!m_fetcher)
        return finishSignedData(*draft, *signature);
    // B-T: the token's imprint is the digest of the signature value octets (RFC 3161 Appendix A).
    Digest digest;
    digest.update(signature->constData(), signature->size());
    const QByteArray imprint = digest.final();
    auto token = m_fetcher(imprint);
    IKK_TRY(token);
    // A TSA answering with the wrong imprint or a broken signature must not produce a file that fails later.
    auto checked = verifyTimestampToken(*token, imprint, {});
    if (!checked)
        return makeError(ErrorCode::TimestampResponseInvalid, checked.error().detail);
    int seen = m_tokenSize.load();
    while (seen < token->size() && !m_tokenSize.compare_exchange_weak(seen, static_cast<int>(token->size()))) { }
    if (CMS_unsigned_add1_attr_by_NID(draft->signerInfo, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
            token->constData(), static_cast<int>(token->size()))
        != 1)
        return makeError(ErrorCode::SigningFailed, ossl::takeErrorText());
    return finishSignedData(*draft, *signature);
}

// ---- CmsSignature ----

struct CmsSignature::Impl
{
    ossl::CmsPtr cms;
    CMS_SignerInfo* signerInfo = nullptr;
    Certificate signer;
    QList<Certificate> certificates;
    bool certificatesFromCache = false;
};

CmsSignature::CmsSignature()
    : m_impl(std::make_unique<Impl>())
{ }

CmsSignature::~CmsSignature() = default;
CmsSignature::CmsSignature(CmsSignature&&) noexcept = default;
CmsSignature& CmsSignature::operator=(CmsSignature&&) noexcept = default;

Result<CmsSignature> CmsSignature::parse(const QByteArray& der, CertificateDecoding decoding)
{
    ERR_clear_error();
    const auto* begin = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* cursor = begin;
    ossl::CmsPtr cms;
    if (decoding == CertificateDecoding::Cached) {
        qsizetype objectSize = 0;
        cms = ossl::decodeWithCachedCertificates(der, &objectSize);
        if (cms)
            cursor = begin + objectSize;
        else
            ERR_clear_error(); // the whole-structure decode below reports its own errors, exactly as before
    }
    const bool fromCache = static_cast<bool>(cms);
    if (!cms && !der.isEmpty())
        cms.reset(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())));
    if (!cms)
        return makeError(
            ErrorCode::SignatureInvalid, QStringLiteral("not a CMS structure: %1").arg(ossl::takeErrorText()));
    // d2i stops at the end of the outer object; a PDF /Contents placeholder pads the rest with zeros.
    const char* end = der.constData() + der.size();
    if (!std::all_of(reinterpret_cast<const char*>(cursor), end, [](char c) { return c == 0; }))
        return makeError(ErrorCode::SignatureInvalid, QStringLiteral("non-zero bytes after the CMS structure"));
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return makeError(ErrorCode::SignatureInvalid, QStringLiteral("the CMS structure is not SignedData"));
    STACK_OF(CMS_SignerInfo)* signerInfos = CMS_get0_SignerInfos(cms.get());
    const int signerCount = signerInfos ? sk_CMS_SignerInfo_num(signerInfos) : 0;
    if (signerCount != 1)
        return makeError(ErrorCode::SignatureInvalid,
            QStringLiteral("SignedData with %1 signer infos; exactly one is allowed").arg(signerCount));

    CmsSignature signature;
    signature.m_impl->certificatesFromCache = fromCache;
    signature.m_impl->signerInfo = sk_CMS_SignerInfo_value(signerInfos, 0);
    ossl::X509StackPtr certificates(CMS_get1_certs(cms.get()));
    for (int i = 0; certificates && i < sk_X509_num(certificates.get()); ++i) {
        X509* x509 = sk_X509_value(certificates.get(), i);
        // Either way of decoding gives certificates whose extensions were already read, so that verify() reports
        // the same for both (a shared certificate from the cache may have been read by anyone before).
        ossl::cacheExtensions(x509);
        if (!X509_up_ref(x509))
            return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
        Certificate certificate = ossl::wrapCertificate(ossl::X509Ptr(x509));
        if (signature.m_impl->signer.isNull() && CMS_SignerInfo_cert_cmp(signature.m_impl->signerInfo, x509) == 0)
            signature.m_impl->signer = certificate;
        signature.m_impl->certificates.append(certificate);
    }
    signature.m_impl->cms = std::move(cms);
    ERR_clear_error();
    return signature;
}

bool CmsSignature::certificatesFromCache() const
{
    return m_impl->certificatesFromCache;
}

CmsSignature::CertificateCacheCounts CmsSignature::certificateCacheCounts()
{
    return ossl::certificateCacheCounts();
}

QByteArray CmsSignature::digestAlgorithm() const
{
    X509_ALGOR* digest = nullptr;
    CMS_SignerInfo_get0_algs(m_impl->signerInfo, nullptr, nullptr, &digest, nullptr);
    const ASN1_OBJECT* object = nullptr;
    X509_ALGOR_get0(&object, nullptr, nullptr, digest);
    const char* name = object ? OBJ_nid2sn(OBJ_obj2nid(object)) : nullptr;
    return name && OBJ_obj2nid(object) != NID_undef ? QByteArray(name) : QByteArray();
}

Certificate CmsSignature::signerCertificate() const
{
    return m_impl->signer;
}

QList<Certificate> CmsSignature::certificates() const
{
    return m_impl->certificates;
}

bool CmsSignature::hasSigningTimeAttribute() const
{
    return CMS_signed_get_attr_by_NID(m_impl->signerInfo, NID_pkcs9_signingTime, -1) >= 0;
}

bool CmsSignature::hasSigningCertificateV2() const
{
    return CMS_signed_get_attr_by_NID(m_impl->signerInfo, NID_id_smime_aa_signingCertificateV2, -1) >= 0;
}

Status CmsSignature::verify(const QByteArray& contentDigest) const
{
    CMS_SignerInfo* signerInfo = m_impl->signerInfo;
    ERR_clear_error();
    if (CMS_signed_get_attr_count(signerInfo) <= 0)
        return makeError(ErrorCode::SignatureInvalid, QStringLiteral("no signed attributes"));

    // -3: the attribute must occur once with exactly one value.
    const auto* messageDigest = static_cast<const ASN1_OCTET_STRING*>(
        CMS_signed_get0_data_by_OBJ(signerInfo, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
    if (!messageDigest)
        return makeError(ErrorCode::SignatureInvalid, QStringLiteral("message-digest attribute missing or repeated"));
    if (octets(messageDigest) != contentDigest)
        return makeError(ErrorCode::SignatureDigestMismatch,
            QStringLiteral("the message-digest attribute does not match the content"));

    const auto* contentType = static_cast<const ASN1_OBJECT*>(
        CMS_signed_get0_data_by_OBJ(signerInfo, OBJ_nid2obj(NID_pkcs9_contentType), -3, V_ASN1_OBJECT));
    if (!contentType || OBJ_obj2nid(contentType) != NID_pkcs7_data
        || OBJ_obj2nid(CMS_get0_eContentType(m_impl->cms.get())) != NID_pkcs7_data)
        return makeError(ErrorCode::SignatureInvalid, QStringLiteral("content-type attribute missing or not id-data"));

    if (m_impl->signer.isNull())
        return makeError(ErrorCode::SignatureInvalid, QStringLiteral("the signer's certificate is not included"));
    X509* signer = m_impl->signer.impl()->x509.get();
    CMS_SignerInfo_set1_signer_cert(signerInfo, signer);
    if (CMS_SignerInfo_verify(signerInfo) != 1)
        return makeError(ErrorCode::SignatureInvalid,
            QStringLiteral("the signature over the signed attributes is wrong: %1").arg(ossl::takeErrorText()));

    // signing-certificate(-v2) binds the signature to one certificate (RFC 5035); if present it must name the signer.
    ossl::EssSigningCertPtr signingCertificate;
    ossl::EssSigningCertV2Ptr signingCertificateV2;
    const struct
    {
        int nid;
        bool v2;
    } bindings[] = {{NID_id_smime_aa_signingCertificate, false}, {NID_id_smime_aa_signingCertificateV2, true}};
    for (const auto& binding : bindings) {
        if (CMS_signed_get_attr_by_NID(signerInfo, binding.nid, -1) < 0)
            continue;
        const auto* value = static_cast<const ASN1_STRING*>(
            CMS_signed_get0_data_by_OBJ(signerInfo, OBJ_nid2obj(binding.nid), -3, V_ASN1_SEQUENCE));
        const unsigned char* cursor = value ? ASN1_STRING_get0_data(value) : nullptr;
        const long length = value ? ASN1_STRING_length(value) : 0;
        if (binding.v2)
            signingCertificateV2.reset(cursor ? d2i_ESS_SIGNING_CERT_V2(nullptr, &cursor, length) : nullptr);
        else
            signingCertificate.reset(cursor ? d2i_ESS_SIGNING_CERT(nullptr, &cursor, length) : nullptr);
        if (binding.v2 ? !signingCertificateV2 : !signingCertificate)
            return makeError(ErrorCode::SignatureInvalid,
                QStringLiteral("malformed signing-certificate attribute: %1").arg(ossl::takeErrorText()));
    }
    if (signingCertificate || signingCertificateV2) {
        QList<Certificate> chain {m_impl->signer};
        for (const Certificate& certificate : std::as_const(m_impl->certificates)) {
            if (!(certificate == m_impl->signer))
                chain.append(certificate);
        }
        ossl::X509StackPtr stack = ossl::toX509Stack(chain);
        if (!stack
            || OSSL_ESS_check_signing_certs(signingCertificate.get(), signingCertificateV2.get(), stack.get(), 0) != 1)
            return makeError(ErrorCode::SignatureInvalid,
                QStringLiteral("signing-certificate attribute does not name the signer: %1")
                    .arg(ossl::takeErrorText()));
    }
    ERR_clear_error();
    return {};
}

QByteArray CmsSignature::signatureValue() const
{
    return octets(CMS_SignerInfo_get0_signature(m_impl->signerInfo));
}

QByteArray CmsSignature::timestampToken() const
{
    // -3: once, with one value; a repeated attribute counts as none (and so as B-B).
    const auto* value = static_cast<const ASN1_STRING*>(CMS_unsigned_get0_data_by_OBJ(
        m_impl->signerInfo, OBJ_nid2obj(NID_id_smime_aa_timeStampToken), -3, V_ASN1_SEQUENCE));
    ERR_clear_error();
    return value ? octets(value) : QByteArray();
}

Result<TimestampInfo> CmsSignature::verifyTimestamp(const QList<Certificate>& trustAnchors, const QDateTime& at) const
{
    const QByteArray token = timestampToken();
    if (token.isEmpty())
        return makeError(ErrorCode::TimestampTokenInvalid, QStringLiteral("no signature-time-stamp token"));
    auto parsed = parseTimestampToken(token);
    IKK_TRY(parsed);
    // The imprint uses the token's own algorithm; SHA-1 is refused (its collisions are practical).
    const QByteArray algorithm = parsed->imprintAlgorithm;
    if (algorithm.isEmpty() || algorithm == "SHA1")
        return makeError(ErrorCode::TimestampTokenInvalid, QStringLiteral("unsupported imprint algorithm"));
    Digest digest(algorithm);
    const QByteArray value = signatureValue();
    digest.update(value.constData(), value.size());
    return verifyTimestampToken(token, digest.final(), trustAnchors, at, algorithm);
}

} // namespace ikkatsu
