// RFC 3161 over OpenSSL's TS module: request, response check, token verification and the issuing side.
#include "crypto/Timestamp.h"

#include "crypto/CmsCertificates_p.h"
#include "crypto/OpenSslHandles_p.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

namespace ikkatsu {

namespace {

using TsReqPtr = ossl::Owned<TS_REQ, TS_REQ_free>;
using TsRespPtr = ossl::Owned<TS_RESP, TS_RESP_free>;
using TsMsgImprintPtr = ossl::Owned<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>;
using TsTstInfoPtr = ossl::Owned<TS_TST_INFO, TS_TST_INFO_free>;
using TsVerifyCtxPtr = ossl::Owned<TS_VERIFY_CTX, TS_VERIFY_CTX_free>;
using TsRespCtxPtr = ossl::Owned<TS_RESP_CTX, TS_RESP_CTX_free>;
using X509AlgorPtr = ossl::Owned<X509_ALGOR, X509_ALGOR_free>;
using Asn1ObjectPtr = ossl::Owned<ASN1_OBJECT, ASN1_OBJECT_free>;
using EkuPtr = ossl::Owned<EXTENDED_KEY_USAGE, EXTENDED_KEY_USAGE_free>;

constexpr int kSha256Size = 32;

QByteArray octets(const ASN1_STRING* string)
{
    return string ? QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(string)), ASN1_STRING_length(string))
                  : QByteArray();
}

QString objectText(const ASN1_OBJECT* object)
{
    char buffer[128] = {};
    if (!object || OBJ_obj2txt(buffer, sizeof buffer, object, 1) <= 0)
        return {};
    return QString::fromLatin1(buffer);
}

QByteArray digestName(const X509_ALGOR* algorithm)
{
    const ASN1_OBJECT* object = nullptr;
    X509_ALGOR_get0(&object, nullptr, nullptr, algorithm);
    const int nid = object ? OBJ_obj2nid(object) : NID_undef;
    switch (nid) {
    case NID_sha256:
        return QByteArrayLiteral("SHA256");
    case NID_sha384:
        return QByteArrayLiteral("SHA384");
    case NID_sha512:
        return QByteArrayLiteral("SHA512");
    case NID_sha1:
        return QByteArrayLiteral("SHA1");
    default:
        return {};
    }
}

// A random positive integer of `bytes` bytes with its top bit clear and the next one set (a fixed DER length).
ossl::Asn1IntegerPtr randomInteger(int bytes, QByteArray* raw = nullptr)
{
    QByteArray data(bytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(data.data()), bytes) != 1)
        return {};
    data[0] = static_cast<char>((data[0] & 0x7f) | 0x40);
    ossl::BignumPtr number(BN_bin2bn(reinterpret_cast<const unsigned char*>(data.constData()), bytes, nullptr));
    if (raw)
        *raw = data;
    return ossl::Asn1IntegerPtr(number ? BN_to_ASN1_INTEGER(number.get(), nullptr) : nullptr);
}

Result<TsReqPtr> parseRequest(const QByteArray& der)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    TsReqPtr request(der.isEmpty() ? nullptr : d2i_TS_REQ(nullptr, &cursor, static_cast<long>(der.size())));
    if (!request || cursor != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
        return makeError(ErrorCode::TimestampRequestInvalid, QStringLiteral("not a DER TimeStampReq"));
    return request;
}

Result<TimestampInfo> readTstInfo(const TS_TST_INFO* tst)
{
    TimestampInfo info;
    info.genTime = ossl::asn1TimeToUtc(TS_TST_INFO_get_time(tst));
    info.serialHex = ossl::integerHex(TS_TST_INFO_get_serial(tst));
    info.policyOid = objectText(TS_TST_INFO_get_policy_id(const_cast<TS_TST_INFO*>(tst)));
    TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(const_cast<TS_TST_INFO*>(tst));
    if (!imprint || !info.genTime.isValid() || info.serialHex.isEmpty())
        return makeError(ErrorCode::TimestampTokenInvalid, QStringLiteral("TSTInfo without time, serial or imprint"));
    info.imprintAlgorithm = digestName(TS_MSG_IMPRINT_get_algo(imprint));
    info.imprint = octets(TS_MSG_IMPRINT_get_msg(imprint));
    return info;
}

struct ParsedToken
{
    ossl::Pkcs7Ptr pkcs7;
    TsTstInfoPtr tst;
    TimestampInfo info;
};

Result<ParsedToken> parseToken(const QByteArray& token, CertificateDecoding decoding)
{
    ERR_clear_error();
    ParsedToken parsed;
    // The server reads two tokens per B-LTA upload (the signature's and the document timestamp), each with the same
    // TSA and CA certificates: decoding their keys was most of d2i_PKCS7.
    if (decoding == CertificateDecoding::Cached) {
        parsed.pkcs7 = ossl::decodePkcs7WithCachedCertificates(token);
        if (!parsed.pkcs7)
            ERR_clear_error(); // the whole-structure decode below reports its own errors, exactly as before
    }
    const bool fromCache = static_cast<bool>(parsed.pkcs7);
    // Bytes after the token are ignored either way (the cached path takes zero padding only, and falls back here).
    const auto* cursor = reinterpret_cast<const unsigned char*>(token.constData());
    if (!parsed.pkcs7 && !token.isEmpty())
        parsed.pkcs7.reset(d2i_PKCS7(nullptr, &cursor, static_cast<long>(token.size())));
    if (!parsed.pkcs7 || !PKCS7_type_is_signed(parsed.pkcs7.get()))
        return makeError(
            ErrorCode::TimestampTokenInvalid, QStringLiteral("not a SignedData: %1").arg(ossl::takeErrorText()));
    ERR_clear_error(); // what a successful decode left queued differs between the two ways (keys decoded or not)
    parsed.tst.reset(PKCS7_to_TS_TST_INFO(parsed.pkcs7.get()));
    if (!parsed.tst)
        return makeError(ErrorCode::TimestampTokenInvalid, QStringLiteral("no TSTInfo: %1").arg(ossl::takeErrorText()));
    auto info = readTstInfo(parsed.tst.get());
    IKK_TRY(info);
    parsed.info = std::move(info).value();
    parsed.info.certificatesFromCache = fromCache;
    STACK_OF(PKCS7_SIGNER_INFO)* signerInfos = PKCS7_get_signer_info(parsed.pkcs7.get());
    if (!signerInfos || sk_PKCS7_SIGNER_INFO_num(signerInfos) != 1)
        return makeError(ErrorCode::TimestampTokenInvalid, QStringLiteral("a token has exactly one signer"));
    STACK_OF(X509)* certificates = parsed.pkcs7->d.sign->cert;
    for (int i = 0; certificates && i < sk_X509_num(certificates); ++i) {
        X509* x509 = sk_X509_value(certificates, i);
        // Either way of decoding gives certificates whose extensions were already read, so that the checks report
        // the same for both (a shared certificate from the cache may have been read by anyone before).
        ossl::cacheExtensions(x509);
        if (!X509_up_ref(x509))
            return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
        parsed.info.certificates.append(ossl::wrapCertificate(ossl::X509Ptr(x509)));
    }
    // The signer is found by issuer and serial among the included certificates (the TSA was asked to include it).
    STACK_OF(X509)* signers = PKCS7_get0_signers(parsed.pkcs7.get(), nullptr, 0);
    if (signers && sk_X509_num(signers) == 1) {
        for (const Certificate& certificate : std::as_const(parsed.info.certificates)) {
            if (X509_cmp(certificate.impl()->x509.get(), sk_X509_value(signers, 0)) == 0)
                parsed.info.tsaCertificate = certificate;
        }
    }
    sk_X509_free(signers); // the certificates belong to the token
    ERR_clear_error();
    return parsed;
}

// A granted TimeStampResp as d2i_TS_RESP gives it, with the token's certificates from the process-wide cache (the
// client reads two responses per B-LTA document, each carrying the same TSA and CA certificates: decoding those was
// most of d2i_TS_RESP). *token: the token's DER inside `response`. Null for anything else (a rejection, unusual
// DER): the caller decodes the whole response, on an error queue it clears first.
TsRespPtr decodeGrantedWithCachedCertificates(const QByteArray& response, QByteArrayView* token)
{
    const std::optional<ossl::TimestampResponseParts> parts = ossl::splitTimestampResponse(response);
    if (!parts || parts->token.isEmpty())
        return {};
    const auto* cursor = reinterpret_cast<const unsigned char*>(parts->statusInfo.data());
    using StatusInfoPtr = ossl::Owned<TS_STATUS_INFO, TS_STATUS_INFO_free>;
    StatusInfoPtr status(d2i_TS_STATUS_INFO(nullptr, &cursor, static_cast<long>(parts->statusInfo.size())));
    if (!status || cursor != reinterpret_cast<const unsigned char*>(parts->statusInfo.end()))
        return {};
    qsizetype tokenSize = 0;
    ossl::Pkcs7Ptr pkcs7 = ossl::decodePkcs7WithCachedCertificates(parts->token, &tokenSize);
    if (!pkcs7 || tokenSize != parts->token.size() || !PKCS7_type_is_signed(pkcs7.get()))
        return {};
    TsTstInfoPtr tst(PKCS7_to_TS_TST_INFO(pkcs7.get()));
    TsRespPtr assembled(TS_RESP_new());
    if (!tst || !assembled || TS_RESP_set_status_info(assembled.get(), status.get()) != 1)
        return {};
    TS_RESP_set_tst_info(assembled.get(), pkcs7.release(), tst.release()); // the response owns both now
    *token = parts->token;
    return assembled;
}

// RFC 3161 §2.3: the TSA's certificate has exactly one extended key usage, id-kp-timeStamping, marked critical.
Status checkTimestampingUsage(const Certificate& tsa)
{
    X509* x509 = tsa.impl()->x509.get();
    const int at = X509_get_ext_by_NID(x509, NID_ext_key_usage, -1);
    if (at < 0 || X509_EXTENSION_get_critical(X509_get_ext(x509, at)) != 1)
        return makeError(
            ErrorCode::TimestampUntrusted, QStringLiteral("the TSA certificate lacks a critical extendedKeyUsage"));
    EkuPtr usage(static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(x509, NID_ext_key_usage, nullptr, nullptr)));
    if (!usage || sk_ASN1_OBJECT_num(usage.get()) != 1
        || OBJ_obj2nid(sk_ASN1_OBJECT_value(usage.get(), 0)) != NID_time_stamp)
        return makeError(
            ErrorCode::TimestampUntrusted, QStringLiteral("the TSA certificate is not for timeStamping only"));
    return {};
}

} // namespace

Result<QByteArray> createTimestampRequest(const QByteArray& sha256, QByteArray* nonce)
{
    if (sha256.size() != kSha256Size)
        return makeError(ErrorCode::TimestampRequestInvalid, QStringLiteral("a SHA-256 imprint has 32 bytes"));
    ERR_clear_error();
    TsReqPtr request(TS_REQ_new());
    TsMsgImprintPtr imprint(TS_MSG_IMPRINT_new());
    X509AlgorPtr algorithm(X509_ALGOR_new());
    QByteArray rawNonce;
    ossl::Asn1IntegerPtr nonceValue = randomInteger(8, &rawNonce);
    if (!request || !imprint || !algorithm || !nonceValue
        || X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) != 1
        || TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1
        || TS_MSG_IMPRINT_set_msg(
               imprint.get(), reinterpret_cast<unsigned char*>(const_cast<char*>(sha256.constData())), kSha256Size)
            != 1
        || TS_REQ_set_version(request.get(), 1) != 1 || TS_REQ_set_msg_imprint(request.get(), imprint.get()) != 1
        || TS_REQ_set_nonce(request.get(), nonceValue.get()) != 1 || TS_REQ_set_cert_req(request.get(), 1) != 1)
        return makeError(ErrorCode::TimestampFailed, ossl::takeErrorText());
    QByteArray der = ossl::encodeDer([&](unsigned char** out) { return i2d_TS_REQ(request.get(), out); });
    if (der.isEmpty())
        return makeError(ErrorCode::TimestampFailed, ossl::takeErrorText());
    if (nonce)
        *nonce = rawNonce;
    return der;
}

Result<QByteArray> timestampTokenFromResponse(const QByteArray& response, const QByteArray& request)
{
    ERR_clear_error();
    auto parsedRequest = parseRequest(request);
    IKK_TRY(parsedRequest);
    QByteArrayView tokenBytes;
    TsRespPtr parsed = decodeGrantedWithCachedCertificates(response, &tokenBytes);
    if (!parsed) {
        ERR_clear_error();
        const auto* cursor = reinterpret_cast<const unsigned char*>(response.constData());
        parsed.reset(response.isEmpty() ? nullptr : d2i_TS_RESP(nullptr, &cursor, static_cast<long>(response.size())));
        if (!parsed || cursor != reinterpret_cast<const unsigned char*>(response.constData()) + response.size())
            return makeError(ErrorCode::TimestampResponseInvalid, QStringLiteral("not a DER TimeStampResp"));
    }
    // Status, version, imprint and nonce against the request; the signature is checked by verifyTimestampToken.
    TsVerifyCtxPtr context(TS_REQ_to_TS_VERIFY_CTX(parsedRequest->get(), nullptr));
    if (!context)
        return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    if (TS_RESP_verify_response(context.get(), parsed.get()) != 1)
        return makeError(ErrorCode::TimestampResponseInvalid, ossl::takeErrorText());
    if (!tokenBytes.isEmpty()) {
        ERR_clear_error();
        return tokenBytes.toByteArray(); // the TSA's own DER bytes, which the decode above took apart
    }
    PKCS7* token = TS_RESP_get_token(parsed.get());
    QByteArray der = ossl::encodeDer([&](unsigned char** out) { return i2d_PKCS7(token, out); });
    if (der.isEmpty())
        return makeError(ErrorCode::TimestampResponseInvalid, ossl::takeErrorText());
    ERR_clear_error();
    return der;
}

Result<TimestampInfo> parseTimestampToken(const QByteArray& token, CertificateDecoding decoding)
{
    auto parsed = parseToken(token, decoding);
    IKK_TRY(parsed);
    return parsed->info;
}

Result<TimestampInfo> verifyTimestampToken(const QByteArray& token, const QByteArray& dataDigest,
    const QList<Certificate>& trustAnchors, const QDateTime& at, const QByteArray& digestAlgorithm,
    CertificateDecoding decoding)
{
    auto parsed = parseToken(token, decoding);
    IKK_TRY(parsed);
    TimestampInfo& info = parsed->info;
    if (info.imprintAlgorithm != digestAlgorithm || info.imprint != dataDigest)
        return makeError(ErrorCode::TimestampImprintMismatch,
            QStringLiteral("the token's %1 imprint is not the digest of the data")
                .arg(QString::fromLatin1(info.imprintAlgorithm)));
    if (info.tsaCertificate.isNull())
        return makeError(ErrorCode::TimestampTokenInvalid, QStringLiteral("the TSA certificate is not included"));
    IKK_TRY(checkTimestampingUsage(info.tsaCertificate));

    // The signature and the ESS signing-certificate binding, by OpenSSL's own token check. Its chain step is
    // satisfied by trusting the TSA certificate itself here; whether that certificate is trusted comes next.
    ERR_clear_error();
    TsVerifyCtxPtr context(TS_VERIFY_CTX_new());
    ossl::X509StorePtr store(X509_STORE_new());
    if (!context || !store || X509_STORE_add_cert(store.get(), info.tsaCertificate.impl()->x509.get()) != 1)
        return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    X509_VERIFY_PARAM* parameters = X509_STORE_get0_param(store.get());
    X509_VERIFY_PARAM_set_flags(parameters, X509_V_FLAG_PARTIAL_CHAIN);
    X509_VERIFY_PARAM_set_time(parameters, static_cast<time_t>(info.genTime.toSecsSinceEpoch()));
    TS_VERIFY_CTX_set_flags(context.get(), TS_VFY_VERSION | TS_VFY_SIGNATURE);
    TS_VERIFY_CTX_set_store(context.get(), store.release()); // the context owns it now
    if (TS_RESP_verify_token(context.get(), parsed->pkcs7.get()) != 1)
        return makeError(ErrorCode::TimestampTokenInvalid,
            QStringLiteral("the TSA's signature does not verify: %1").arg(ossl::takeErrorText()));
    ERR_clear_error();

    if (!trustAnchors.isEmpty()) {
        const Status chained = verifyCertificateChain(
            info.tsaCertificate, info.certificates, trustAnchors, at.isValid() ? at : info.genTime);
        if (!chained)
            return makeError(ErrorCode::TimestampUntrusted, chained.error().detail);
        info.trusted = true;
    }
    return info;
}

// ---- TimestampAuthority ----

struct TimestampAuthority::Impl
{
    PrivateKey key;
    QList<Certificate> chain;
    TimestampAuthorityOptions options;
    Asn1ObjectPtr policy;
};

TimestampAuthority::TimestampAuthority()
    : m_impl(std::make_unique<Impl>())
{ }
TimestampAuthority::~TimestampAuthority() = default;
TimestampAuthority::TimestampAuthority(TimestampAuthority&&) noexcept = default;
TimestampAuthority& TimestampAuthority::operator=(TimestampAuthority&&) noexcept = default;

Result<TimestampAuthority> TimestampAuthority::create(
    PrivateKey key, QList<Certificate> chain, const TimestampAuthorityOptions& options)
{
    if (key.isNull() || chain.isEmpty() || !chain.front().matchesKey(key))
        return makeError(ErrorCode::CertificateMismatch, QStringLiteral("the TSA certificate is not the key's"));
    IKK_TRY(checkTimestampingUsage(chain.front()));
    TimestampAuthority authority;
    authority.m_impl->policy.reset(OBJ_txt2obj(options.policyOid.toLatin1().constData(), 1));
    if (!authority.m_impl->policy)
        return makeError(ErrorCode::ConfigInvalid, QStringLiteral("bad TSA policy OID ") + options.policyOid);
    ERR_clear_error();
    authority.m_impl->key = std::move(key);
    authority.m_impl->chain = std::move(chain);
    authority.m_impl->options = options;
    return authority;
}

const Certificate& TimestampAuthority::certificate() const
{
    return m_impl->chain.front();
}

namespace {

struct IssueState
{
    QString serialHex;
    QDateTime now;
};

ASN1_INTEGER* nextSerial(TS_RESP_CTX*, void* data)
{
    auto* state = static_cast<IssueState*>(data);
    ossl::Asn1IntegerPtr serial = randomInteger(16);
    if (!serial)
        return nullptr;
    state->serialHex = ossl::integerHex(serial.get());
    return serial.release();
}

int currentTime(TS_RESP_CTX*, void* data, long* seconds, long* microseconds)
{
    const auto* state = static_cast<const IssueState*>(data);
    *seconds = static_cast<long>(state->now.toSecsSinceEpoch());
    *microseconds = 0;
    return 1;
}

} // namespace

Result<TimestampAuthority::Answer> TimestampAuthority::respond(const QByteArray& request) const
{
    ERR_clear_error();
    IssueState state;
    state.now = m_impl->options.clock ? m_impl->options.clock() : QDateTime::currentDateTimeUtc();
    TsRespCtxPtr context(TS_RESP_CTX_new());
    ossl::X509StackPtr issuers = ossl::toX509Stack(m_impl->chain.mid(1));
    if (!context || !issuers
        || TS_RESP_CTX_set_signer_cert(context.get(), m_impl->chain.front().impl()->x509.get()) != 1
        || TS_RESP_CTX_set_signer_key(context.get(), m_impl->key.impl()->key.get()) != 1
        || TS_RESP_CTX_set_signer_digest(context.get(), EVP_sha256()) != 1
        || TS_RESP_CTX_set_ess_cert_id_digest(context.get(), EVP_sha256()) != 1
        || TS_RESP_CTX_set_def_policy(context.get(), m_impl->policy.get()) != 1
        || TS_RESP_CTX_set_certs(context.get(), issuers.get()) != 1
        || TS_RESP_CTX_add_md(context.get(), EVP_sha256()) != 1 || TS_RESP_CTX_add_md(context.get(), EVP_sha384()) != 1
        || TS_RESP_CTX_add_md(context.get(), EVP_sha512()) != 1
        || TS_RESP_CTX_set_accuracy(context.get(), m_impl->options.accuracySeconds, 0, 0) != 1)
        return makeError(ErrorCode::TimestampFailed, ossl::takeErrorText());
    TS_RESP_CTX_set_serial_cb(context.get(), nextSerial, &state);
    TS_RESP_CTX_set_time_cb(context.get(), currentTime, &state);
    ossl::BioPtr input(BIO_new_mem_buf(request.constData(), static_cast<int>(request.size())));
    TsRespPtr response(input ? TS_RESP_create_response(context.get(), input.get()) : nullptr);
    if (!response)
        return makeError(ErrorCode::TimestampFailed, ossl::takeErrorText());
    Answer answer;
    answer.response = ossl::encodeDer([&](unsigned char** out) { return i2d_TS_RESP(response.get(), out); });
    if (answer.response.isEmpty())
        return makeError(ErrorCode::TimestampFailed, ossl::takeErrorText());
    const ASN1_INTEGER* status = TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response.get()));
    const long statusValue = status ? ASN1_INTEGER_get(status) : -1;
    TS_TST_INFO* tst = TS_RESP_get_tst_info(response.get());
    answer.granted = (statusValue == 0 || statusValue == 1) && tst;
    if (answer.granted) {
        auto info = readTstInfo(tst);
        IKK_TRY(info);
        answer.serialHex = info->serialHex;
        answer.genTime = info->genTime;
        answer.imprint = info->imprint;
    }
    ERR_clear_error();
    return answer;
}

} // namespace ikkatsu
