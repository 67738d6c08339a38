// OpenSSL behind the symmetric primitives; RC4 comes from the legacy provider in a library context of its own.
#include "crypto/SymmetricCrypto.h"

#include "crypto/OpenSslHandles_p.h"

#include <openssl/err.h>
#include <openssl/provider.h>
#include <openssl/rand.h>

#include <utility>

namespace ikkatsu::symmetric {

namespace {

using CipherCtxPtr = ossl::Owned<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;

// OpenSSL 3 moved RC4 into the "legacy" provider, which is not loaded by default. Loading it into the default
// library context would switch off the automatic loading of the default provider for everything else, so it is
// loaded (with "default" beside it) into a private context that only RC4 uses. The context lives as long as the
// process. When the legacy module is missing (a stripped OpenSSL), rc4() falls back to the few lines below.
const EVP_CIPHER* legacyRc4()
{
    static const EVP_CIPHER* cipher = [] {
        OSSL_LIB_CTX* context = OSSL_LIB_CTX_new();
        if (context == nullptr)
            return static_cast<EVP_CIPHER*>(nullptr);
        OSSL_PROVIDER* legacy = OSSL_PROVIDER_load(context, "legacy");
        OSSL_PROVIDER* fallback = OSSL_PROVIDER_load(context, "default");
        EVP_CIPHER* found = legacy && fallback ? EVP_CIPHER_fetch(context, "RC4", nullptr) : nullptr;
        ERR_clear_error();
        return found;
    }();
    return cipher;
}

QByteArray rc4Plain(QByteArrayView key, QByteArrayView data)
{
    unsigned char s[256];
    for (int i = 0; i < 256; ++i)
        s[i] = static_cast<unsigned char>(i);
    for (int i = 0, j = 0; i < 256; ++i) {
        j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 0xff;
        std::swap(s[i], s[j]);
    }
    QByteArray out(data.size(), Qt::Uninitialized);
    for (qsizetype k = 0, i = 0, j = 0; k < data.size(); ++k) {
        i = (i + 1) & 0xff;
        j = (j + s[i]) & 0xff;
        std::swap(s[i], s[j]);
        out[k] = static_cast<char>(data[k] ^ s[(s[i] + s[j]) & 0xff]);
    }
    return out;
}

// Fetched once rather than implicitly on every init (OpenSSL 3): Algorithm 2.B runs about 70 AES and SHA-2
// rounds per password check, and strings are decrypted one by one.
const EVP_CIPHER* aesCipher(qsizetype keySize, bool cbc)
{
    static const EVP_CIPHER* const ciphers[4]
        = {EVP_CIPHER_fetch(nullptr, "AES-128-CBC", nullptr), EVP_CIPHER_fetch(nullptr, "AES-128-ECB", nullptr),
            EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr), EVP_CIPHER_fetch(nullptr, "AES-256-ECB", nullptr)};
    if (keySize != 16 && keySize != 32)
        return nullptr;
    return ciphers[(keySize == 32 ? 2 : 0) + (cbc ? 0 : 1)];
}

Result<QByteArray> runCipher(
    const EVP_CIPHER* cipher, QByteArrayView key, QByteArrayView iv, QByteArrayView data, bool padding, bool encrypt)
{
    if (cipher == nullptr)
        return makeError(ErrorCode::PdfMalformed, QStringLiteral("AES key of %1 bytes").arg(key.size()));
    if (!iv.isEmpty() && iv.size() != 16)
        return makeError(ErrorCode::PdfMalformed, QStringLiteral("AES IV of %1 bytes").arg(iv.size()));
    if (!padding && data.size() % 16 != 0)
        return makeError(ErrorCode::PdfMalformed, QStringLiteral("AES data is not whole blocks"));
    CipherCtxPtr context(EVP_CIPHER_CTX_new());
    QByteArray out(data.size() + 32, Qt::Uninitialized);
    int written = 0;
    int last = 0;
    const auto* keyBytes = reinterpret_cast<const unsigned char*>(key.data());
    const auto* ivBytes = iv.isEmpty() ? nullptr : reinterpret_cast<const unsigned char*>(iv.data());
    auto* outBytes = reinterpret_cast<unsigned char*>(out.data());
    const bool ok = context
        && EVP_CipherInit_ex(context.get(), cipher, nullptr, keyBytes, ivBytes, encrypt ? 1 : 0) == 1
        && EVP_CIPHER_CTX_set_padding(context.get(), padding ? 1 : 0) == 1
        && EVP_CipherUpdate(context.get(), outBytes, &written, reinterpret_cast<const unsigned char*>(data.data()),
               static_cast<int>(data.size()))
            == 1
        && EVP_CipherFinal_ex(context.get(), outBytes + written, &last) == 1;
    if (!ok) {
        return makeError(ErrorCode::PdfMalformed,
            QStringLiteral("AES %1 failed: %2")
                .arg(encrypt ? QLatin1String("encryption") : QLatin1String("decryption"), ossl::takeErrorText()));
    }
    out.truncate(written + last);
    return out;
}

} // namespace

QByteArray hash(Hash algorithm, QByteArrayView data)
{
    static const EVP_MD* const digests[4]
        = {EVP_MD_fetch(nullptr, "MD5", nullptr), EVP_MD_fetch(nullptr, "SHA256", nullptr),
            EVP_MD_fetch(nullptr, "SHA384", nullptr), EVP_MD_fetch(nullptr, "SHA512", nullptr)};
    const EVP_MD* md = digests[static_cast<int>(algorithm)];
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    if (md == nullptr
        || EVP_Digest(data.data(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(out.data()),
               &size, md, nullptr)
            != 1)
        return {};
    out.truncate(size);
    return out;
}

QByteArray rc4(QByteArrayView key, QByteArrayView data)
{
    if (key.isEmpty() || key.size() > 16)
        return {};
    const EVP_CIPHER* cipher = legacyRc4();
    if (cipher == nullptr)
        return rc4Plain(key, data);
    CipherCtxPtr context(EVP_CIPHER_CTX_new());
    QByteArray out(data.size(), Qt::Uninitialized);
    int written = 0;
    const bool ok = context && EVP_CipherInit_ex(context.get(), cipher, nullptr, nullptr, nullptr, 1) == 1
        && EVP_CIPHER_CTX_set_key_length(context.get(), static_cast<int>(key.size())) == 1
        && EVP_CipherInit_ex(
               context.get(), nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()), nullptr, 1)
            == 1
        && EVP_CipherUpdate(context.get(), reinterpret_cast<unsigned char*>(out.data()), &written,
               reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()))
            == 1;
    if (!ok || written != data.size()) {
        ERR_clear_error();
        return rc4Plain(key, data);
    }
    return out;
}

Result<QByteArray> aesCbcEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView data, bool padding)
{
    return runCipher(aesCipher(key.size(), true), key, iv, data, padding, true);
}

Result<QByteArray> aesCbcDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView data, bool padding)
{
    return runCipher(aesCipher(key.size(), true), key, iv, data, padding, false);
}

Result<QByteArray> aesEcbDecrypt(QByteArrayView key, QByteArrayView data)
{
    return runCipher(aesCipher(key.size(), false), key, {}, data, false, false);
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        return {};
    return out;
}

} // namespace ikkatsu::symmetric
