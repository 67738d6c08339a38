// The PIN-protected PKCS#12 key store: written atomically with strong PBES2 and a SHA-256 MAC, opened defensively.
#include "crypto/KeyStore.h"

#include "common/AtomicFile.h"
#include "crypto/OpenSslHandles_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/err.h>

#include <climits>

namespace ikkatsu {

namespace {

// A key store holds one key and a short chain; anything larger is not ours.
constexpr qint64 kMaxFileSize = 1 << 20;
// A tampered MAC iteration count could keep open() busy for hours; PIN checking is never worth more than this.
constexpr long kMaxMacIterations = 10L * KeyStore::kIterations;
const char kFriendlyName[] = "Ikkatsu signing key";

int pinLength(const SecureBuffer& pin)
{
    return pin.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(pin.size());
}

Result<QByteArray> readStoreFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::KeyStoreMissing, QStringLiteral("%1 does not exist").arg(path));
    if (!info.isFile())
        return makeError(ErrorCode::KeyStoreCorrupt, QStringLiteral("%1 is not a regular file").arg(path));
    if (info.size() > kMaxFileSize)
        return makeError(ErrorCode::KeyStoreCorrupt, QStringLiteral("%1 is too large for a key store").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::KeyStoreMissing, QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    return file.readAll();
}

Result<ossl::Pkcs12Ptr> parsePkcs12(const QByteArray& der)
{
    ERR_clear_error();
    const auto* begin = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* cursor = begin;
    ossl::Pkcs12Ptr p12(der.isEmpty() ? nullptr : d2i_PKCS12(nullptr, &cursor, static_cast<long>(der.size())));
    if (!p12)
        return makeError(
            ErrorCode::KeyStoreCorrupt, QStringLiteral("not a PKCS#12 file: %1").arg(ossl::takeErrorText()));
    if (cursor != begin + der.size())
        return makeError(ErrorCode::KeyStoreCorrupt, QStringLiteral("bytes after the PKCS#12 structure"));
    return p12;
}

struct StoreContents
{
    ossl::EvpPkeyPtr key;
    int keyCount = 0;
    QList<Certificate> certificates; // in file order
    int signerIndex = -1; // the certificate bag that carries a localKeyID, if any
};

// Reads the bags; with `pin` null only the unencrypted ones (the certificates), with it the key as well.
Status unpackBags(const PKCS12* p12, const SecureBuffer* pin, StoreContents& contents)
{
    ossl::Pkcs7StackPtr safes(PKCS12_unpack_authsafes(p12));
    if (!safes)
        return makeError(
            ErrorCode::KeyStoreCorrupt, QStringLiteral("unreadable contents: %1").arg(ossl::takeErrorText()));
    for (int i = 0; i < sk_PKCS7_num(safes.get()); ++i) {
        PKCS7* safe = sk_PKCS7_value(safes.get(), i);
        ossl::SafeBagStackPtr bags;
        if (PKCS7_type_is_data(safe))
            bags.reset(PKCS12_unpack_p7data(safe));
        else if (PKCS7_type_is_encrypted(safe) && pin)
            bags.reset(PKCS12_unpack_p7encdata(safe, pin->c_str(), pinLength(*pin)));
        else
            continue;
        if (!bags)
            return makeError(
                ErrorCode::KeyStoreCorrupt, QStringLiteral("unreadable safe contents: %1").arg(ossl::takeErrorText()));
        for (int j = 0; j < sk_PKCS12_SAFEBAG_num(bags.get()); ++j) {
            const PKCS12_SAFEBAG* bag = sk_PKCS12_SAFEBAG_value(bags.get(), j);
            switch (PKCS12_SAFEBAG_get_nid(bag)) {
            case NID_pkcs8ShroudedKeyBag:
            case NID_keyBag: {
                if (!pin)
                    break;
                ++contents.keyCount;
                ossl::Pkcs8Ptr decrypted;
                const PKCS8_PRIV_KEY_INFO* info = nullptr;
                if (PKCS12_SAFEBAG_get_nid(bag) == NID_keyBag) {
                    info = PKCS12_SAFEBAG_get0_p8inf(bag);
                } else {
                    decrypted.reset(PKCS8_decrypt_ex(
                        PKCS12_SAFEBAG_get0_pkcs8(bag), pin->c_str(), pinLength(*pin), nullptr, nullptr));
                    info = decrypted.get();
                }
                ossl::EvpPkeyPtr key(info ? EVP_PKCS82PKEY_ex(info, nullptr, nullptr) : nullptr);
                if (!key)
                    return makeError(ErrorCode::KeyStoreCorrupt,
                        QStringLiteral("the key cannot be decrypted: %1").arg(ossl::takeErrorText()));
                contents.key = std::move(key);
                break;
            }
            case NID_certBag: {
                if (PKCS12_SAFEBAG_get_bag_nid(bag) != NID_x509Certificate)
                    break;
                ossl::X509Ptr x509(PKCS12_SAFEBAG_get1_cert(bag));
                if (!x509)
                    return makeError(ErrorCode::KeyStoreCorrupt,
                        QStringLiteral("unreadable certificate: %1").arg(ossl::takeErrorText()));
                if (contents.signerIndex < 0 && PKCS12_SAFEBAG_get0_attr(bag, NID_localKeyID))
                    contents.signerIndex = static_cast<int>(contents.certificates.size());
                contents.certificates.append(ossl::wrapCertificate(std::move(x509)));
                break;
            }
            default:
                break;
            }
        }
    }
    ERR_clear_error();
    return {};
}

// Signer first, then each issuer in turn; certificates that belong to no path stay at the end in file order.
QList<Certificate> orderChain(QList<Certificate> certificates, qsizetype signerIndex)
{
    QList<Certificate> chain;
    if (certificates.isEmpty())
        return chain;
    chain.append(certificates.takeAt(signerIndex));
    while (!certificates.isEmpty()) {
        X509* last = chain.back().impl()->x509.get();
        if (X509_check_issued(last, last) == X509_V_OK)
            break; // reached a self-issued root
        qsizetype issuer = -1;
        for (qsizetype i = 0; i < certificates.size() && issuer < 0; ++i) {
            if (X509_check_issued(certificates.at(i).impl()->x509.get(), last) == X509_V_OK)
                issuer = i;
        }
        if (issuer < 0)
            break;
        chain.append(certificates.takeAt(issuer));
    }
    ERR_clear_error();
    return chain + certificates;
}

Status ensureDirectory(const QString& path)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (QFileInfo::exists(directory))
        return {};
    // The key store's own directory is private to the user.
    if (!QDir().mkpath(directory)
        || !QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return makeError(ErrorCode::KeyStoreWriteFailed, QStringLiteral("cannot create %1").arg(directory));
    return {};
}

} // namespace

Status KeyStore::checkPinPolicy(const SecureBuffer& pin)
{
    if (pin.size() < 6 || pin.size() > 20)
        return makeError(ErrorCode::PinPolicy, QStringLiteral("the PIN has %1 bytes, not 6 to 20").arg(pin.size()));
    for (const char c : pin.view()) {
        const bool alphanumeric = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alphanumeric)
            return makeError(ErrorCode::PinPolicy, QStringLiteral("the PIN may hold only half-width A-Z, a-z and 0-9"));
    }
    return {};
}

Status KeyStore::create(const QString& path, const PrivateKey& key, const QList<Certificate>& chain,
    const SecureBuffer& pin, bool overwrite)
{
    IKK_TRY(checkPinPolicy(pin));
    if (key.isNull() || chain.isEmpty() || !chain.front().matchesKey(key))
        return makeError(ErrorCode::CertificateMismatch, QStringLiteral("the first certificate must be the key's"));
    KeyAlgorithm algorithm;
    if (!ossl::supportedKeyAlgorithm(key.impl()->key.get(), &algorithm))
        return makeError(ErrorCode::KeyAlgorithmUnsupported, QStringLiteral("only RSA-2048 and ECDSA P-256 keys"));
    if (!overwrite && QFileInfo::exists(path))
        return makeError(ErrorCode::KeyStoreExists, QStringLiteral("%1 already exists").arg(path));
    IKK_TRY(ensureDirectory(path));

    ERR_clear_error();
    ossl::X509StackPtr issuers = ossl::toX509Stack(chain.mid(1));
    if (!issuers)
        return makeError(ErrorCode::KeyStoreWriteFailed, ossl::takeErrorText());
    // Key bag: PBES2 with AES-256-CBC (PBKDF2-HMAC-SHA256); certificates unencrypted (nid_cert -1) so that
    // readCertificates needs no PIN; no MAC yet (mac_iter -1): the default would be SHA-1.
    ossl::Pkcs12Ptr p12(PKCS12_create_ex(pin.c_str(), kFriendlyName, key.impl()->key.get(),
        chain.front().impl()->x509.get(), issuers.get(), NID_aes_256_cbc, -1, kIterations, -1, 0, nullptr, nullptr));
    if (!p12 || PKCS12_set_mac(p12.get(), pin.c_str(), pinLength(pin), nullptr, 0, kIterations, EVP_sha256()) != 1)
        return makeError(ErrorCode::KeyStoreWriteFailed, ossl::takeErrorText());
    const int size = i2d_PKCS12(p12.get(), nullptr);
    QByteArray der(size > 0 ? size : 0, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    if (size <= 0 || i2d_PKCS12(p12.get(), &out) != size)
        return makeError(ErrorCode::KeyStoreWriteFailed, ossl::takeErrorText());

    const Status written = writeFileAtomically(path, der, 0600);
    if (!written.ok())
        return makeError(ErrorCode::KeyStoreWriteFailed, written.error().detail);
    return {};
}

Result<KeyStore> KeyStore::open(const QString& path, const SecureBuffer& pin)
{
    auto der = readStoreFile(path);
    IKK_TRY(der);
    auto p12 = parsePkcs12(*der);
    IKK_TRY(p12);

    if (!PKCS12_mac_present(p12->get()))
        return makeError(ErrorCode::KeyStoreCorrupt, QStringLiteral("the key store has no integrity check (MAC)"));
    const ASN1_INTEGER* macIterations = nullptr;
    PKCS12_get0_mac(nullptr, nullptr, nullptr, &macIterations, p12->get());
    const long iterations = macIterations ? ASN1_INTEGER_get(macIterations) : 1;
    if (iterations < 1 || iterations > kMaxMacIterations)
        return makeError(
            ErrorCode::KeyStoreCorrupt, QStringLiteral("implausible MAC iteration count %1").arg(iterations));

    // A wrong PIN and a modified file both fail the MAC; only the PIN holder could tell them apart. OpenSSL
    // leaves its error queue empty for a plain mismatch and fills it when the MAC cannot even be computed.
    ERR_clear_error();
    if (PKCS12_verify_mac(p12->get(), pin.c_str(), pinLength(pin)) != 1) {
        if (ERR_peek_error() == 0)
            return makeError(ErrorCode::PinWrong, QStringLiteral("the MAC does not match this PIN"));
        return makeError(
            ErrorCode::KeyStoreCorrupt, QStringLiteral("the MAC cannot be computed: %1").arg(ossl::takeErrorText()));
    }

    // From here on the PIN is right and the content authentic: every failure means a broken store.
    StoreContents contents;
    IKK_TRY(unpackBags(p12->get(), &pin, contents));
    if (contents.keyCount != 1 || !contents.key)
        return makeError(ErrorCode::KeyStoreCorrupt,
            QStringLiteral("the key store holds %1 keys instead of one").arg(contents.keyCount));
    KeyStore store;
    store.m_key = ossl::wrapPrivateKey(std::move(contents.key));
    qsizetype signer = -1;
    for (qsizetype i = 0; i < contents.certificates.size() && signer < 0; ++i) {
        if (contents.certificates.at(i).matchesKey(store.m_key))
            signer = i;
    }
    if (signer < 0)
        return makeError(ErrorCode::KeyStoreCorrupt, QStringLiteral("no certificate in the key store matches its key"));
    KeyAlgorithm algorithm;
    if (!ossl::supportedKeyAlgorithm(store.m_key.impl()->key.get(), &algorithm))
        return makeError(ErrorCode::KeyAlgorithmUnsupported, QStringLiteral("only RSA-2048 and ECDSA P-256 keys"));
    store.m_chain = orderChain(contents.certificates, signer);
    return store;
}

Result<QList<Certificate>> KeyStore::readCertificates(const QString& path)
{
    auto der = readStoreFile(path);
    IKK_TRY(der);
    auto p12 = parsePkcs12(*der);
    IKK_TRY(p12);
    StoreContents contents;
    IKK_TRY(unpackBags(p12->get(), nullptr, contents));
    if (contents.certificates.isEmpty())
        return makeError(ErrorCode::KeyStoreCorrupt, QStringLiteral("no readable certificate in the key store"));
    return orderChain(contents.certificates, std::max(contents.signerIndex, 0));
}

Status KeyStore::changePin(const QString& path, const SecureBuffer& oldPin, const SecureBuffer& newPin)
{
    IKK_TRY(checkPinPolicy(newPin));
    auto store = open(path, oldPin);
    IKK_TRY(store);
    // create() writes a complete new file beside the old one and renames it over: never a half-changed store.
    return create(path, store->key(), store->chain(), newPin, true);
}

} // namespace ikkatsu
