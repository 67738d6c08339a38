// A CMS (or PKCS #7) SignedData decoded with its certificates from a process-wide cache: in a batch every signature
// carries the same user and CA certificates, every timestamp token the same TSA and CA certificates, and OpenSSL 3.0
// spends nearly all of a d2i_CMS_ContentInfo or d2i_PKCS7 on their public keys.
#include "crypto/CmsCertificates_p.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <vector>

namespace ikkatsu::ossl {

namespace {

constexpr quint8 kInteger = 0x02;
constexpr quint8 kObjectIdentifier = 0x06;
constexpr quint8 kSequence = 0x30;
constexpr quint8 kSet = 0x31;
constexpr quint8 kContextZero = 0xa0; // [0] constructed
constexpr quint8 kContextOne = 0xa1; // [1] constructed

// id-signedData (1.2.840.113549.1.7.2) with its tag and length.
constexpr char kSignedDataOid[] = "\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02";

// Our signatures carry one or two, openssl's a few; more go the ordinary way (and cannot flush the cache at once).
constexpr qsizetype kMaxCertificates = 16;
// The user's and the CA's certificates of a few dozen users signing at once, then the least recently used goes.
constexpr std::size_t kCacheEntries = 64;
// Larger certificates are decoded every time, so that the cache's memory stays bounded for hostile inputs.
constexpr qsizetype kMaxCachedCertificateSize = 16 * 1024;

// One DER element at the start of a buffer: its whole encoding and its contents, both inside that buffer.
struct Element
{
    quint8 tag = 0;
    QByteArrayView encoding;
    QByteArrayView contents;
};

// The element at the start of `bytes`: a low tag number and a definite length in its shortest form (X.690 §10.1),
// no more contents than `bytes` holds. Nothing otherwise.
std::optional<Element> readElement(QByteArrayView bytes)
{
    const auto* data = reinterpret_cast<const quint8*>(bytes.data());
    const qsizetype available = bytes.size();
    if (available < 2 || (data[0] & 0x1f) == 0x1f)
        return std::nullopt;
    qsizetype headerSize = 2;
    quint64 length = data[1];
    if (data[1] >= 0x80) {
        // 0 octets: indefinite (BER); more than 4: beyond anything a signature in a PDF holds.
        const int octets = data[1] & 0x7f;
        if (octets == 0 || octets > 4 || available - 2 < octets || data[2] == 0)
            return std::nullopt;
        length = 0;
        for (int i = 0; i < octets; ++i)
            length = (length << 8) | data[2 + i];
        if (length < 0x80)
            return std::nullopt; // the short form was due
        headerSize += octets;
    }
    if (length > quint64(available - headerSize))
        return std::nullopt;
    Element element;
    element.tag = data[0];
    element.encoding = bytes.first(headerSize + qsizetype(length));
    element.contents = element.encoding.sliced(headerSize);
    return element;
}

// The elements of one constructed element's contents, one after the other.
class ElementReader
{
public:
    explicit ElementReader(QByteArrayView contents)
        : m_rest(contents)
    { }

    bool atEnd() const { return m_rest.isEmpty(); }
    quint8 nextTag() const { return m_rest.isEmpty() ? 0 : quint8(m_rest.front()); }

    // The next element when it is one with `tag`; nothing (and the reader stays put) otherwise.
    std::optional<Element> next(quint8 tag)
    {
        auto element = readElement(m_rest);
        if (!element || element->tag != tag)
            return std::nullopt;
        m_rest = m_rest.sliced(element->encoding.size());
        return element;
    }

private:
    QByteArrayView m_rest;
};

QByteArray header(quint8 tag, qsizetype contentSize)
{
    QByteArray encoded(1, char(tag));
    if (contentSize < 0x80)
        return encoded + char(contentSize);
    QByteArray octets;
    for (auto rest = quint64(contentSize); rest; rest >>= 8)
        octets.prepend(char(rest & 0xff));
    return encoded + char(0x80 | octets.size()) + octets;
}

// Decoded certificates by their exact DER bytes. X509 objects are shared read-only between signatures and threads
// (each holder has its own reference); OpenSSL locks its own lazily filled caches inside them.
class DecodedCertificates
{
public:
    // A new reference for the caller; null when `der` is not exactly one certificate d2i_X509 accepts.
    X509Ptr take(QByteArrayView der)
    {
        {
            std::lock_guard lock(m_mutex);
            if (X509Ptr found = findLocked(der)) {
                m_hits.fetch_add(1, std::memory_order_relaxed);
                return found;
            }
        }
        m_misses.fetch_add(1, std::memory_order_relaxed);
        // Outside the lock: this is the expensive part, and other threads' hits need not wait for it.
        const auto* begin = reinterpret_cast<const unsigned char*>(der.data());
        const unsigned char* cursor = begin;
        X509Ptr x509(d2i_X509(nullptr, &cursor, long(der.size())));
        if (!x509 || cursor != begin + der.size())
            return {};
        // OpenSSL fills an X509's extension cache (flags, SHA-1, key ids) the first time it is asked: done here,
        // before any other thread can see the object, it stays read-only from then on.
        cacheExtensions(x509.get());
        if (der.size() > kMaxCachedCertificateSize)
            return x509;
        std::lock_guard lock(m_mutex);
        if (X509Ptr found = findLocked(der))
            return found; // another thread decoded the same bytes meanwhile: hand out one object
        if (!X509_up_ref(x509.get()))
            return {};
        X509Ptr cached(x509.get());
        if (m_entries.size() >= kCacheEntries) {
            auto oldest = std::min_element(m_entries.begin(), m_entries.end(),
                [](const Entry& a, const Entry& b) { return a.lastUse < b.lastUse; });
            m_entries.erase(oldest);
        }
        // A deep copy: `der` points into the caller's buffer.
        m_entries.push_back({QByteArray(der.data(), der.size()), std::move(cached), ++m_clock});
        return x509;
    }

    CmsSignature::CertificateCacheCounts counts() const
    {
        return {m_hits.load(std::memory_order_relaxed), m_misses.load(std::memory_order_relaxed)};
    }

private:
    struct Entry
    {
        QByteArray der;
        X509Ptr x509;
        quint64 lastUse = 0;
    };

    // The cached object for exactly these bytes (every byte compared), with a new reference.
    X509Ptr findLocked(QByteArrayView der)
    {
        for (Entry& entry : m_entries) {
            if (entry.der.size() == der.size()
                && std::memcmp(entry.der.constData(), der.data(), std::size_t(der.size())) == 0) {
                if (!X509_up_ref(entry.x509.get()))
                    return {};
                entry.lastUse = ++m_clock;
                return X509Ptr(entry.x509.get());
            }
        }
        return {};
    }

    std::mutex m_mutex;
    std::vector<Entry> m_entries;
    quint64 m_clock = 0;
    std::atomic<quint64> m_hits {0};
    std::atomic<quint64> m_misses {0};
};

DecodedCertificates& decodedCertificates()
{
    // Never destroyed: freeing X509 objects during exit could run after OpenSSL's own cleanup. Still reachable, so
    // no leak checker reports it.
    static auto* cache = new DecodedCertificates;
    return *cache;
}

} // namespace

std::optional<TimestampResponseParts> splitTimestampResponse(QByteArrayView der)
{
    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
    ElementReader input(der);
    auto response = input.next(kSequence);
    if (!response || !input.atEnd())
        return std::nullopt;
    ElementReader fields(response->contents);
    auto status = fields.next(kSequence);
    if (!status)
        return std::nullopt;
    TimestampResponseParts parts;
    parts.statusInfo = status->encoding;
    if (fields.atEnd())
        return parts;
    auto token = fields.next(kSequence);
    if (!token || !fields.atEnd())
        return std::nullopt;
    parts.token = token->encoding;
    return parts;
}

std::optional<SignedDataWithoutCertificates> splitCertificates(QByteArrayView der)
{
    // ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY DEFINED BY contentType }
    ElementReader input(der);
    auto contentInfo = input.next(kSequence);
    if (!contentInfo)
        return std::nullopt;
    const QByteArrayView padding = der.sliced(contentInfo->encoding.size());
    if (!std::all_of(padding.begin(), padding.end(), [](char c) { return c == 0; }))
        return std::nullopt;
    ElementReader contentInfoFields(contentInfo->contents);
    auto contentType = contentInfoFields.next(kObjectIdentifier);
    if (!contentType || contentType->encoding != QByteArrayView(kSignedDataOid, sizeof(kSignedDataOid) - 1))
        return std::nullopt;
    auto explicitContent = contentInfoFields.next(kContextZero);
    if (!explicitContent || !contentInfoFields.atEnd())
        return std::nullopt;
    ElementReader wrapped(explicitContent->contents);
    auto signedData = wrapped.next(kSequence);
    if (!signedData || !wrapped.atEnd())
        return std::nullopt;

    // SignedData ::= SEQUENCE { version INTEGER, digestAlgorithms SET, encapContentInfo SEQUENCE,
    //     certificates [0] IMPLICIT SET OF CertificateChoices OPTIONAL, crls [1] IMPLICIT OPTIONAL, signerInfos SET }
    // Every field is located, so that without the certificates nothing else can take their place.
    ElementReader fields(signedData->contents);
    if (!fields.next(kInteger) || !fields.next(kSet) || !fields.next(kSequence))
        return std::nullopt;
    auto certificates = fields.next(kContextZero);
    if (!certificates)
        return std::nullopt;
    if (fields.nextTag() == kContextOne && !fields.next(kContextOne))
        return std::nullopt;
    if (!fields.next(kSet) || !fields.atEnd())
        return std::nullopt;

    SignedDataWithoutCertificates split;
    ElementReader choices(certificates->contents);
    while (!choices.atEnd()) {
        // A plain Certificate is a SEQUENCE; the other CertificateChoices are [0]..[3] and go the ordinary way.
        auto certificate = choices.next(kSequence);
        if (!certificate || split.certificates.size() == kMaxCertificates)
            return std::nullopt;
        // CMS_add1_cert refuses (or, in later OpenSSL versions, skips) a certificate already present.
        if (split.certificates.contains(certificate->encoding))
            return std::nullopt;
        split.certificates.append(certificate->encoding);
    }
    if (split.certificates.isEmpty())
        return std::nullopt; // an empty SET decodes to an empty stack, not to none

    const qsizetype before = certificates->encoding.data() - signedData->contents.data();
    const QByteArrayView fieldsBefore = signedData->contents.first(before);
    const QByteArrayView fieldsAfter = signedData->contents.sliced(before + certificates->encoding.size());
    const qsizetype signedDataSize = fieldsBefore.size() + fieldsAfter.size();
    const QByteArray signedDataHeader = header(kSequence, signedDataSize);
    const QByteArray explicitHeader = header(kContextZero, signedDataHeader.size() + signedDataSize);
    const QByteArray contentInfoHeader = header(
        kSequence, contentType->encoding.size() + explicitHeader.size() + signedDataHeader.size() + signedDataSize);
    QByteArray& out = split.contentInfo;
    out.reserve(contentInfoHeader.size() + contentType->encoding.size() + explicitHeader.size()
        + signedDataHeader.size() + signedDataSize);
    out.append(contentInfoHeader);
    out.append(contentType->encoding);
    out.append(explicitHeader);
    out.append(signedDataHeader);
    out.append(fieldsBefore);
    out.append(fieldsAfter);
    split.objectSize = contentInfo->encoding.size();
    return split;
}

namespace {

// What decodeWith needs of an OpenSSL type that holds a SignedData.
struct CmsContentInfo
{
    using Ptr = CmsPtr;
    static CMS_ContentInfo* decode(const unsigned char** in, long size)
    {
        return d2i_CMS_ContentInfo(nullptr, in, size);
    }
    static bool isSignedData(CMS_ContentInfo* cms) { return OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_signed; }
    static bool add(CMS_ContentInfo* cms, X509* x509) { return CMS_add1_cert(cms, x509) == 1; }
    static STACK_OF(X509) * certificates(CMS_ContentInfo* cms) { return CMS_get1_certs(cms); }
};

// PKCS #7, CMS's ancestor with the same SignedData, as OpenSSL's TS module wants an RFC 3161 token.
struct Pkcs7ContentInfo
{
    using Ptr = Pkcs7Ptr;
    static PKCS7* decode(const unsigned char** in, long size) { return d2i_PKCS7(nullptr, in, size); }
    // PKCS #7's content is optional: a SignedData type without one has no d.sign.
    static bool isSignedData(PKCS7* pkcs7) { return PKCS7_type_is_signed(pkcs7) && pkcs7->d.sign; }
    static bool add(PKCS7* pkcs7, X509* x509) { return PKCS7_add_certificate(pkcs7, x509) == 1; }
    static STACK_OF(X509) * certificates(PKCS7* pkcs7)
    {
        return pkcs7->d.sign->cert ? X509_chain_up_ref(pkcs7->d.sign->cert) : nullptr;
    }
};

// The ContentInfo decoded without its certificates, which then come from the cache; null whenever the result could
// differ from ContentInfo::decode of the whole input (see decodeWithCachedCertificates).
template<typename ContentInfo>
typename ContentInfo::Ptr decodeWith(QByteArrayView der, qsizetype* objectSize)
{
    auto split = splitCertificates(der);
    if (!split)
        return {};
    const auto* begin = reinterpret_cast<const unsigned char*>(split->contentInfo.constData());
    const unsigned char* cursor = begin;
    typename ContentInfo::Ptr decoded(ContentInfo::decode(&cursor, long(split->contentInfo.size())));
    if (!decoded || cursor != begin + split->contentInfo.size() || !ContentInfo::isSignedData(decoded.get()))
        return {};
    std::vector<const X509*> added;
    added.reserve(std::size_t(split->certificates.size()));
    for (QByteArrayView certificate : std::as_const(split->certificates)) {
        // Our reference goes when `x509` does; the structure keeps its own (both adders up-ref on success).
        X509Ptr x509 = decodedCertificates().take(certificate);
        if (!x509 || !ContentInfo::add(decoded.get(), x509.get()))
            return {};
        added.push_back(x509.get());
    }
    // Exactly these, in this order, as a whole-structure decode lists them: OpenSSL versions differ on a certificate
    // equal to one present (X509_cmp looks at the signed part only), so this is checked rather than assumed.
    X509StackPtr listed(ContentInfo::certificates(decoded.get()));
    if (!listed || std::size_t(sk_X509_num(listed.get())) != added.size())
        return {};
    for (std::size_t i = 0; i < added.size(); ++i) {
        if (sk_X509_value(listed.get(), int(i)) != added[i])
            return {};
    }
    if (objectSize)
        *objectSize = split->objectSize;
    return decoded;
}

} // namespace

CmsPtr decodeWithCachedCertificates(QByteArrayView der, qsizetype* objectSize)
{
    return decodeWith<CmsContentInfo>(der, objectSize);
}

Pkcs7Ptr decodePkcs7WithCachedCertificates(QByteArrayView der, qsizetype* objectSize)
{
    return decodeWith<Pkcs7ContentInfo>(der, objectSize);
}

X509Ptr cachedCertificate(QByteArrayView der)
{
    return decodedCertificates().take(der);
}

CmsSignature::CertificateCacheCounts certificateCacheCounts()
{
    return decodedCertificates().counts();
}

} // namespace ikkatsu::ossl
