// OCSP over OpenSSL: a responder answering from a lookup, and the client's request and response verification.
#include "crypto/Ocsp.h"

#include "crypto/OpenSslHandles_p.h"
#include "crypto/VerdictCache_p.h"

#include <openssl/err.h>
#include <openssl/ocsp.h>

namespace ikkatsu {

namespace {

using OcspRequestPtr = ossl::Owned<OCSP_REQUEST, OCSP_REQUEST_free>;
using OcspResponsePtr = ossl::Owned<OCSP_RESPONSE, OCSP_RESPONSE_free>;
using OcspBasicPtr = ossl::Owned<OCSP_BASICRESP, OCSP_BASICRESP_free>;
using OcspCertIdPtr = ossl::Owned<OCSP_CERTID, OCSP_CERTID_free>;
using Asn1TimePtr = ossl::Owned<ASN1_TIME, ASN1_TIME_free>;

Asn1TimePtr asn1Time(const QDateTime& time)
{
    return Asn1TimePtr(ASN1_TIME_set(nullptr, static_cast<time_t>(time.toSecsSinceEpoch())));
}

QByteArray responseOf(int status, OCSP_BASICRESP* basic)
{
    OcspResponsePtr response(OCSP_response_create(status, basic));
    return response ? ossl::encodeDer([&](unsigned char** out) { return i2d_OCSP_RESPONSE(response.get(), out); })
                    : QByteArray();
}

} // namespace

struct OcspResponder::Impl
{
    PrivateKey key;
    Certificate responder;
    Certificate issuer;
};

OcspResponder::OcspResponder()
    : m_impl(std::make_unique<Impl>())
{ }
OcspResponder::~OcspResponder() = default;
OcspResponder::OcspResponder(OcspResponder&&) noexcept = default;
OcspResponder& OcspResponder::operator=(OcspResponder&&) noexcept = default;

Result<OcspResponder> OcspResponder::create(PrivateKey key, Certificate responder, Certificate issuer)
{
    if (key.isNull() || responder.isNull() || issuer.isNull() || !responder.matchesKey(key))
        return makeError(
            ErrorCode::CertificateMismatch, QStringLiteral("the OCSP responder certificate is not the key's"));
    OcspResponder result;
    result.m_impl->key = std::move(key);
    result.m_impl->responder = std::move(responder);
    result.m_impl->issuer = std::move(issuer);
    return result;
}

Result<QByteArray> OcspResponder::respond(const QByteArray& request, const Lookup& lookup, const QDateTime& now) const
{
    ERR_clear_error();
    const auto* cursor = reinterpret_cast<const unsigned char*>(request.constData());
    OcspRequestPtr parsed(
        request.isEmpty() ? nullptr : d2i_OCSP_REQUEST(nullptr, &cursor, static_cast<long>(request.size())));
    const int entries = parsed ? OCSP_request_onereq_count(parsed.get()) : 0;
    if (!parsed || cursor != reinterpret_cast<const unsigned char*>(request.constData()) + request.size()
        || entries <= 0 || entries > kMaxEntries) {
        ERR_clear_error();
        QByteArray malformed = responseOf(OCSP_RESPONSE_STATUS_MALFORMEDREQUEST, nullptr);
        if (malformed.isEmpty())
            return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
        return malformed;
    }
    const QDateTime thisUpdate = (now.isValid() ? now : QDateTime::currentDateTimeUtc());
    Asn1TimePtr thisTime = asn1Time(thisUpdate);
    Asn1TimePtr nextTime = asn1Time(thisUpdate.addSecs(kValiditySeconds));
    OcspBasicPtr basic(OCSP_BASICRESP_new());
    if (!thisTime || !nextTime || !basic)
        return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    X509* issuer = m_impl->issuer.impl()->x509.get();
    for (int i = 0; i < entries; ++i) {
        OCSP_CERTID* id = OCSP_onereq_get0_id(OCSP_request_onereq_get0(parsed.get(), i));
        ASN1_OBJECT* hashObject = nullptr;
        ASN1_INTEGER* serial = nullptr;
        OCSP_id_get0_info(nullptr, &hashObject, nullptr, &serial, id);
        // The CertID names its issuer by hashes of name and key in the client's algorithm: hash ours the same way.
        ossl::EvpMdPtr hash(hashObject ? EVP_MD_fetch(nullptr, OBJ_nid2sn(OBJ_obj2nid(hashObject)), nullptr) : nullptr);
        OcspCertIdPtr ours(hash ? OCSP_cert_to_id(hash.get(), nullptr, issuer) : nullptr);
        ERR_clear_error();
        OcspStatus status;
        if (ours && serial && OCSP_id_issuer_cmp(ours.get(), id) == 0) {
            auto found = lookup(ossl::integerHex(serial));
            IKK_TRY(found);
            status = *found;
        }
        int code = V_OCSP_CERTSTATUS_UNKNOWN;
        int reason = OCSP_REVOKED_STATUS_NOSTATUS;
        Asn1TimePtr revokedAt;
        if (status.status == OcspCertStatus::Good) {
            code = V_OCSP_CERTSTATUS_GOOD;
        } else if (status.status == OcspCertStatus::Revoked) {
            code = V_OCSP_CERTSTATUS_REVOKED;
            reason = status.reason > 0 ? status.reason : OCSP_REVOKED_STATUS_NOSTATUS;
            revokedAt = asn1Time(status.revokedAt);
            if (!revokedAt)
                return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
        }
        if (!OCSP_basic_add1_status(basic.get(), id, code, reason, revokedAt.get(), thisTime.get(), nextTime.get()))
            return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    }
    // 1: copied, 2: the request had none; both fine.
    if (OCSP_copy_nonce(basic.get(), parsed.get()) <= 0
        || OCSP_basic_sign(basic.get(), m_impl->responder.impl()->x509.get(), m_impl->key.impl()->key.get(),
               EVP_sha256(), nullptr, 0)
            != 1)
        return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    QByteArray der = responseOf(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get());
    if (der.isEmpty())
        return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    ERR_clear_error();
    return der;
}

Result<QByteArray> createOcspRequest(const Certificate& subject, const Certificate& issuer)
{
    if (subject.isNull() || issuer.isNull())
        return makeError(ErrorCode::OcspRequestInvalid, QStringLiteral("no certificate"));
    ERR_clear_error();
    OcspRequestPtr request(OCSP_REQUEST_new());
    OcspCertIdPtr id(OCSP_cert_to_id(EVP_sha1(), subject.impl()->x509.get(), issuer.impl()->x509.get()));
    if (!request || !id || !OCSP_request_add0_id(request.get(), id.get()))
        return makeError(ErrorCode::OcspRequestInvalid, ossl::takeErrorText());
    id.release(); // the request owns it now
    if (OCSP_request_add1_nonce(request.get(), nullptr, -1) != 1)
        return makeError(ErrorCode::OcspRequestInvalid, ossl::takeErrorText());
    QByteArray der = ossl::encodeDer([&](unsigned char** out) { return i2d_OCSP_REQUEST(request.get(), out); });
    if (der.isEmpty())
        return makeError(ErrorCode::OcspRequestInvalid, ossl::takeErrorText());
    return der;
}

namespace {

// `settled` (when given) says whether the verdict follows from the arguments alone: true for a success and for the
// failures of a check that ran to its end, false where an allocation or internal error may have decided it.
Result<OcspResult> checkOcspResponse(const QByteArray& response, const Certificate& subject, const Certificate& issuer,
    const QList<Certificate>& trustAnchors, const QByteArray& request, const QDateTime& at, bool stored,
    bool* settled = nullptr)
{
    if (settled)
        *settled = false;
    ERR_clear_error();
    const auto* cursor = reinterpret_cast<const unsigned char*>(response.constData());
    OcspResponsePtr parsed(
        response.isEmpty() ? nullptr : d2i_OCSP_RESPONSE(nullptr, &cursor, static_cast<long>(response.size())));
    if (!parsed)
        return makeError(ErrorCode::OcspResponseInvalid, QStringLiteral("not a DER OCSPResponse"));
    const int status = OCSP_response_status(parsed.get());
    if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return makeError(ErrorCode::OcspResponseInvalid,
            QStringLiteral("responder status %1").arg(QString::fromLatin1(OCSP_response_status_str(status))));
    OcspBasicPtr basic(OCSP_response_get1_basic(parsed.get()));
    if (!basic)
        return makeError(ErrorCode::OcspResponseInvalid, ossl::takeErrorText());
    if (!request.isEmpty()) {
        const auto* requestCursor = reinterpret_cast<const unsigned char*>(request.constData());
        OcspRequestPtr parsedRequest(d2i_OCSP_REQUEST(nullptr, &requestCursor, static_cast<long>(request.size())));
        if (!parsedRequest || OCSP_check_nonce(parsedRequest.get(), basic.get()) != 1)
            return makeError(ErrorCode::OcspResponseInvalid, QStringLiteral("the nonce does not match the request"));
    }
    QDateTime when = at.isValid() ? at : QDateTime::currentDateTimeUtc();
    if (stored) {
        when = ossl::asn1TimeToUtc(OCSP_resp_get0_produced_at(basic.get()));
        if (!when.isValid())
            return makeError(ErrorCode::OcspResponseInvalid, QStringLiteral("no producedAt"));
    }
    ossl::X509StorePtr store(X509_STORE_new());
    if (!store || trustAnchors.isEmpty())
        return makeError(ErrorCode::OcspResponderUntrusted, QStringLiteral("no trust anchors"));
    for (const Certificate& anchor : trustAnchors) {
        if (!anchor.isNull() && X509_STORE_add_cert(store.get(), anchor.impl()->x509.get()) != 1)
            return makeError(ErrorCode::Unexpected, ossl::takeErrorText());
    }
    X509_VERIFY_PARAM* parameters = X509_STORE_get0_param(store.get());
    X509_VERIFY_PARAM_set_flags(parameters, X509_V_FLAG_PARTIAL_CHAIN);
    X509_VERIFY_PARAM_set_time(parameters, static_cast<time_t>(when.toSecsSinceEpoch()));
    ossl::X509StackPtr untrusted = ossl::toX509Stack({issuer});
    // Checks the signature, the responder's chain and that the issuer authorised it (EKU OCSPSigning).
    if (!untrusted)
        return makeError(ErrorCode::OcspResponderUntrusted, ossl::takeErrorText());
    const int verified = OCSP_basic_verify(basic.get(), untrusted.get(), store.get(), 0);
    if (verified <= 0) {
        if (settled)
            *settled = verified == 0; // below zero: OpenSSL could not check (out of memory and the like)
        return makeError(ErrorCode::OcspResponderUntrusted, ossl::takeErrorText());
    }

    OcspCertIdPtr id(OCSP_cert_to_id(EVP_sha1(), subject.impl()->x509.get(), issuer.impl()->x509.get()));
    int certificateStatus = 0;
    int reason = 0;
    ASN1_GENERALIZEDTIME* revokedAt = nullptr;
    ASN1_GENERALIZEDTIME* thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME* nextUpdate = nullptr;
    if (!id
        || OCSP_resp_find_status(
               basic.get(), id.get(), &certificateStatus, &reason, &revokedAt, &thisUpdate, &nextUpdate)
            != 1) {
        if (settled)
            *settled = static_cast<bool>(id); // without one (out of memory?) the question was never asked
        return makeError(ErrorCode::OcspResponseInvalid, QStringLiteral("the response does not name the certificate"));
    }
    OcspResult result;
    result.thisUpdate = ossl::asn1TimeToUtc(thisUpdate);
    result.nextUpdate = ossl::asn1TimeToUtc(nextUpdate);
    result.producedAt = ossl::asn1TimeToUtc(OCSP_resp_get0_produced_at(basic.get()));
    // Five minutes of clock skew either way; a response without nextUpdate is current only when fresh.
    constexpr qint64 kSkew = 300;
    if (!result.thisUpdate.isValid()
        || (!stored
            && (result.thisUpdate > when.addSecs(kSkew)
                || (result.nextUpdate.isValid() && result.nextUpdate < when.addSecs(-kSkew))))) {
        if (settled)
            *settled = true;
        return makeError(ErrorCode::OcspResponseInvalid, QStringLiteral("the response is not current"));
    }
    switch (certificateStatus) {
    case V_OCSP_CERTSTATUS_GOOD:
        result.status.status = OcspCertStatus::Good;
        break;
    case V_OCSP_CERTSTATUS_REVOKED:
        result.status.status = OcspCertStatus::Revoked;
        result.status.revokedAt = ossl::asn1TimeToUtc(revokedAt);
        result.status.reason = reason > 0 ? reason : 0;
        break;
    default:
        result.status.status = OcspCertStatus::Unknown;
        break;
    }
    X509* signer = nullptr;
    if (OCSP_resp_get0_signer(basic.get(), &signer, untrusted.get()) == 1 && signer) {
        // Read now, so that the certificate stays read-only when a remembered verdict shares it between threads.
        ossl::cacheExtensions(signer);
        if (X509_up_ref(signer) == 1)
            result.responder = ossl::wrapCertificate(ossl::X509Ptr(signer));
    }
    ERR_clear_error();
    if (settled)
        *settled = true;
    return result;
}

// The verdicts of recent stored-response checks. A B-LTA upload's /DSS holds an answer for the signer's and for the
// TSA's certificate, each checked against every certificate of the document and again for every document timestamp
// that covers it; the same answers come with every upload of the same user. A few dozen users' documents, each a
// handful of certificate and answer pairs: 128 entries, at most 4 MiB of keys.
constexpr qsizetype kMaxStoredAnchors = 16;
using StoredVerdicts = ossl::VerdictCache<Result<OcspResult>>;

StoredVerdicts& storedVerdicts()
{
    // Never destroyed: the verdicts hold certificates, and freeing them during exit could run after OpenSSL's cleanup.
    static auto* verdicts = new StoredVerdicts(128, 32 * 1024);
    return *verdicts;
}

// Everything the verdict depends on. The time the check speaks for is the response's own producedAt, part of its
// bytes. Empty when the inputs are too large to remember or incomplete.
StoredVerdicts::Key keyOf(const QByteArray& response, const Certificate& subject, const Certificate& issuer,
    const QList<Certificate>& trustAnchors)
{
    StoredVerdicts::Key key = storedVerdicts().key();
    if (subject.isNull() || issuer.isNull() || trustAnchors.size() > kMaxStoredAnchors)
        return key;
    key.add(response).add(subject.toDer()).add(issuer.toDer());
    for (const Certificate& anchor : trustAnchors)
        key.add(anchor.toDer()); // empty for a null anchor, which the check skips: never a certificate's DER
    return key;
}

} // namespace

Result<OcspResult> verifyOcspResponse(const QByteArray& response, const Certificate& subject, const Certificate& issuer,
    const QList<Certificate>& trustAnchors, const QByteArray& request, const QDateTime& at)
{
    return checkOcspResponse(response, subject, issuer, trustAnchors, request, at, false);
}

Result<OcspResult> verifyStoredOcspResponse(const QByteArray& response, const Certificate& subject,
    const Certificate& issuer, const QList<Certificate>& trustAnchors, StoredOcspVerdict verdict)
{
    if (verdict == StoredOcspVerdict::Checked)
        return checkOcspResponse(response, subject, issuer, trustAnchors, {}, {}, true);
    return storedVerdicts().through(keyOf(response, subject, issuer, trustAnchors), [&](bool* settled) {
        return checkOcspResponse(response, subject, issuer, trustAnchors, {}, {}, true, settled);
    });
}

StoredOcspVerdictCounts storedOcspVerdictCounts()
{
    const StoredVerdicts::Counts counts = storedVerdicts().counts();
    return {counts.hits, counts.misses};
}

} // namespace ikkatsu
