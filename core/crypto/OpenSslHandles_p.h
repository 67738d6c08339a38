// Private to core/crypto: RAII owners for OpenSSL handles and the insides of PrivateKey and Certificate.
#pragma once

#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ikkatsu::ossl {

template<auto FreeFunction>
struct FreeWith
{
    template<typename T>
    void operator()(T* handle) const
    {
        FreeFunction(handle);
    }
};

template<typename T, auto FreeFunction>
using Owned = std::unique_ptr<T, FreeWith<FreeFunction>>;

using EvpPkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using EvpPkeyCtxPtr = Owned<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using EvpMdCtxPtr = Owned<EVP_MD_CTX, EVP_MD_CTX_free>;
using EvpMdPtr = Owned<EVP_MD, EVP_MD_free>;
using X509Ptr = Owned<X509, X509_free>;
using X509ReqPtr = Owned<X509_REQ, X509_REQ_free>;
using X509NamePtr = Owned<X509_NAME, X509_NAME_free>;
using X509ExtensionPtr = Owned<X509_EXTENSION, X509_EXTENSION_free>;
using X509StorePtr = Owned<X509_STORE, X509_STORE_free>;
using X509StoreCtxPtr = Owned<X509_STORE_CTX, X509_STORE_CTX_free>;
using BioPtr = Owned<BIO, BIO_free_all>;
using BignumPtr = Owned<BIGNUM, BN_free>;
using Asn1IntegerPtr = Owned<ASN1_INTEGER, ASN1_INTEGER_free>;
using CmsPtr = Owned<CMS_ContentInfo, CMS_ContentInfo_free>;
using EssSigningCertPtr = Owned<ESS_SIGNING_CERT, ESS_SIGNING_CERT_free>;
using EssSigningCertV2Ptr = Owned<ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free>;
using Pkcs12Ptr = Owned<PKCS12, PKCS12_free>;
using Pkcs8Ptr = Owned<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>;
using Pkcs7Ptr = Owned<PKCS7, PKCS7_free>;

struct X509StackFree
{
    void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
// Owns the stack and the certificates in it.
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackFree>;

struct Pkcs7StackFree
{
    void operator()(STACK_OF(PKCS7) * stack) const { sk_PKCS7_pop_free(stack, PKCS7_free); }
};
using Pkcs7StackPtr = std::unique_ptr<STACK_OF(PKCS7), Pkcs7StackFree>;

struct SafeBagStackFree
{
    void operator()(STACK_OF(PKCS12_SAFEBAG) * stack) const { sk_PKCS12_SAFEBAG_pop_free(stack, PKCS12_SAFEBAG_free); }
};
using SafeBagStackPtr = std::unique_ptr<STACK_OF(PKCS12_SAFEBAG), SafeBagStackFree>;

// Empties this thread's OpenSSL error queue into one line for an Error's detail ("" when it was empty).
QString takeErrorText();

// An ASN.1 time as UTC seconds (invalid when absent or unreadable).
QDateTime asn1TimeToUtc(const ASN1_TIME* time);
// An ASN.1 INTEGER in upper-case hex without leading zeros, as Certificate::serialNumberHex prints serials.
QString integerHex(const ASN1_INTEGER* integer);

// The whole content of a memory BIO.
QByteArray bioContent(BIO* bio);

// A new stack holding a reference to each certificate (X509_up_ref); null on allocation failure.
X509StackPtr toX509Stack(const QList<Certificate>& certificates);

// Fills the certificate's extension cache now (X509_check_purpose) and drops what that reports: later checks then
// give the same errors whether or not someone asked before, as they must for certificates shared between signatures.
void cacheExtensions(X509* certificate);

// Wrap handles we own into the value types.
PrivateKey wrapPrivateKey(EvpPkeyPtr key);
Certificate wrapCertificate(X509Ptr certificate);

// The key types this product issues (RSA-2048, ECDSA P-256); false for anything else.
bool supportedKeyAlgorithm(const EVP_PKEY* key, KeyAlgorithm* algorithm);

// Runs an i2d-style function twice (size, then content) into a QByteArray; empty on failure.
template<typename Encode>
QByteArray encodeDer(Encode&& encode)
{
    const int size = encode(nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    if (encode(&out) != size)
        return {};
    return der;
}

} // namespace ikkatsu::ossl

namespace ikkatsu {

struct PrivateKey::Impl
{
    ossl::EvpPkeyPtr key;
};

struct Certificate::Impl
{
    ossl::X509Ptr x509;
};

} // namespace ikkatsu
