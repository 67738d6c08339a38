// The one table of error codes shown to users and returned by the server (documented in the admin guide).
#pragma once

#include <QList>
#include <QString>

namespace ikkatsu {

// X(enumerator, number, HTTP status); the user message of each code is in ErrorCode.cpp (a switch, so the
// compiler reports a code without one, and lupdate sees every text).
// Ranges: E1xxx login/password/OTP/session/lockout · E2xxx certificate, key store, PIN ·
// E3xxx folders, files, permissions · E4xxx signing and verification (PDF problems included) ·
// E5xxx server, database, mail, network · E9xxx unexpected.
// Numbers are forever: never renumber or reuse one; add new codes at the end of their range.
#define IKKATSU_ERROR_CODES(X)                                                                                         \
    X(InvalidCredentials, 1001, 401)                                                                                   \
    X(AccountLocked, 1002, 403)                                                                                        \
    X(AccountExpired, 1003, 403)                                                                                       \
    X(AccountDisabled, 1004, 403)                                                                                      \
    X(OtpInvalid, 1101, 401)                                                                                           \
    X(OtpExpired, 1102, 401)                                                                                           \
    X(OtpTooManyAttempts, 1103, 401)                                                                                   \
    X(OtpResendTooSoon, 1104, 429)                                                                                     \
    X(SessionMissing, 1201, 401)                                                                                       \
    X(SessionInvalid, 1202, 401)                                                                                       \
    X(SessionExpired, 1203, 401)                                                                                       \
    X(PasswordPolicy, 1301, 400)                                                                                       \
    X(PasswordWrongCurrent, 1302, 403)                                                                                 \
    X(AdminOnly, 1401, 403)                                                                                            \
    X(PinPolicy, 2001, 400)                                                                                            \
    X(PinMismatch, 2002, 400)                                                                                          \
    X(PinWrong, 2003, 403)                                                                                             \
    X(KeyStoreMissing, 2101, 404)                                                                                      \
    X(KeyStoreCorrupt, 2102, 422)                                                                                      \
    X(KeyStoreWriteFailed, 2103, 500)                                                                                  \
    X(KeyStoreExists, 2104, 409)                                                                                       \
    X(KeyGenerationFailed, 2201, 500)                                                                                  \
    X(CsrInvalid, 2202, 400)                                                                                           \
    X(CertificateMismatch, 2203, 422)                                                                                  \
    X(CertificateExpired, 2204, 422)                                                                                   \
    X(CertificateNotYetValid, 2205, 422)                                                                               \
    X(CertificateRevoked, 2206, 422)                                                                                   \
    X(CertificateInvalid, 2207, 422)                                                                                   \
    X(CertificateSetupNotAllowed, 2208, 403)                                                                           \
    X(KeyAlgorithmUnsupported, 2209, 400)                                                                              \
    X(OcspRequestInvalid, 2210, 400)                                                                                   \
    X(OcspResponseInvalid, 2211, 502)                                                                                  \
    X(OcspResponderUntrusted, 2212, 422)                                                                               \
    X(OcspUnavailable, 2213, 502)                                                                                      \
    X(CrlUnavailable, 2214, 502)                                                                                       \
    X(CrlInvalid, 2215, 502)                                                                                           \
    X(RevocationSourceMissing, 2216, 422)                                                                              \
    X(FolderNotFound, 3001, 404)                                                                                       \
    X(FileNotFound, 3002, 404)                                                                                         \
    X(NoViewPermission, 3003, 403)                                                                                     \
    X(NoSignPermission, 3004, 403)                                                                                     \
    X(FileNameInvalid, 3005, 400)                                                                                      \
    X(FileTooLarge, 3006, 413)                                                                                         \
    X(NotAPdf, 3007, 415)                                                                                              \
    X(DuplicateFileName, 3008, 409)                                                                                    \
    X(VersionConflict, 3009, 409)                                                                                      \
    X(AlreadySigned, 3010, 409)                                                                                        \
    X(NotYourTurn, 3011, 409)                                                                                          \
    X(SignedSignerRemoved, 3012, 409)                                                                                  \
    X(SignedSignerMoved, 3013, 409)                                                                                    \
    X(PermissionUserUnknown, 3014, 400)                                                                                \
    X(PermissionUserTwice, 3015, 400)                                                                                  \
    X(SealPlacementInvalid, 3016, 400)                                                                                 \
    X(SignatureBoxSignerNotAllowed, 3017, 422)                                                                         \
    X(SignatureBoxSignerSigned, 3018, 409)                                                                             \
    X(SignatureBoxFileClosed, 3019, 409)                                                                               \
    X(InputFileUnreadable, 3101, 422)                                                                                  \
    X(OutputWriteFailed, 3102, 500)                                                                                    \
    X(PdfMalformed, 4001, 422)                                                                                         \
    X(PdfEncrypted, 4002, 422)                                                                                         \
    X(PdfXrefBroken, 4003, 422)                                                                                        \
    X(PdfUnsupported, 4004, 422)                                                                                       \
    X(PdfLockedByDocMdp, 4005, 422)                                                                                    \
    X(PdfNotPdf, 4007, 415)                                                                                            \
    X(PdfPasswordWrong, 4012, 422)                                                                                     \
    X(PdfEncryptionUnsupported, 4013, 422)                                                                             \
    X(PdfPermissionDenied, 4014, 422)                                                                                  \
    X(PdfLockedBySignature, 4015, 422)                                                                                 \
    X(SignatureTooLarge, 4101, 500)                                                                                    \
    X(SigningFailed, 4102, 500)                                                                                        \
    X(SelfVerificationFailed, 4103, 500)                                                                               \
    X(SignatureInvalid, 4201, 422)                                                                                     \
    X(SignatureDigestMismatch, 4202, 422)                                                                              \
    X(ByteRangeInvalid, 4203, 422)                                                                                     \
    X(SignerUntrusted, 4204, 422)                                                                                      \
    X(NoSignature, 4205, 422)                                                                                          \
    X(UploadNotPrefix, 4206, 422)                                                                                      \
    X(UploadSignatureCount, 4207, 422)                                                                                 \
    X(UploadSignerMismatch, 4208, 422)                                                                                 \
    X(SignatureModified, 4209, 422)                                                                                    \
    X(UploadNotSignatureOnly, 4210, 422)                                                                               \
    X(CertificationNotFirst, 4211, 422)                                                                                \
    X(SealStyleUnknown, 4220, 422)                                                                                     \
    X(SealTextInvalid, 4221, 422)                                                                                      \
    X(SealRectInvalid, 4222, 422)                                                                                      \
    X(SealPageOutOfRange, 4223, 422)                                                                                   \
    X(SealFontMissing, 4224, 422)                                                                                      \
    X(SealFieldNotFound, 4225, 422)                                                                                    \
    X(UploadBelowSigningLevel, 4226, 422)                                                                              \
    X(UploadTimestampInvalid, 4227, 422)                                                                               \
    X(SignatureFieldExists, 4228, 409)                                                                                 \
    X(UploadOutsidePlacedField, 4229, 422)                                                                             \
    X(UploadInOthersField, 4230, 422)                                                                                  \
    X(SignatureFieldWidgetCount, 4231, 422)                                                                            \
    X(FieldNotSignatureField, 4232, 422)                                                                               \
    X(TimestampFailed, 4301, 502)                                                                                      \
    X(TimestampRequestInvalid, 4302, 400)                                                                              \
    X(TimestampResponseInvalid, 4303, 502)                                                                             \
    X(TimestampTokenInvalid, 4304, 422)                                                                                \
    X(TimestampImprintMismatch, 4305, 422)                                                                             \
    X(TimestampUntrusted, 4306, 422)                                                                                   \
    X(TimestampNotAllowed, 4307, 403)                                                                                  \
    X(SignatureLevelUnsupported, 4308, 400)                                                                            \
    X(DocumentTimestampInvalid, 4309, 422)                                                                             \
    X(SignatureNotProvenAt, 4310, 422)                                                                                 \
    X(ArchiveRenewalNotExtending, 4311, 422)                                                                           \
    X(ServerUnreachable, 5001, 503)                                                                                    \
    X(ServerError, 5002, 500)                                                                                          \
    X(DatabaseError, 5003, 500)                                                                                        \
    X(MailFailed, 5004, 502)                                                                                           \
    X(ServerBusy, 5005, 503)                                                                                           \
    X(NetworkTimeout, 5006, 504)                                                                                       \
    X(BadRequest, 5007, 400)                                                                                           \
    X(RouteNotFound, 5008, 404)                                                                                        \
    X(PayloadTooLarge, 5009, 413)                                                                                      \
    X(TlsError, 5010, 502)                                                                                             \
    X(ProtocolMismatch, 5011, 502)                                                                                     \
    X(MethodNotAllowed, 5012, 405)                                                                                     \
    X(ConfigInvalid, 5013, 500)                                                                                        \
    X(HeaderTooLarge, 5014, 431)                                                                                       \
    X(TooManyConnections, 5015, 429)                                                                                   \
    X(RequestTimeout, 5016, 408)                                                                                       \
    X(ServerDraining, 5017, 503)                                                                                       \
    X(RateLimited, 5018, 429)                                                                                          \
    X(ServerNotReady, 5019, 503)                                                                                       \
    X(StoredContentDamaged, 5020, 500)                                                                                 \
    X(ServiceKeysMissing, 5021, 500)                                                                                   \
    X(LengthRequired, 5022, 411)                                                                                       \
    X(Unexpected, 9001, 500)                                                                                           \
    X(Cancelled, 9002, 499)

enum class ErrorCode : int {
#define IKKATSU_ERROR_ENUM(name, number, http) name = number,
    IKKATSU_ERROR_CODES(IKKATSU_ERROR_ENUM)
#undef IKKATSU_ERROR_ENUM
};

// "E4001"
QString errorCodeText(ErrorCode code);
// The HTTP status the server answers with for this code.
int errorHttpStatus(ErrorCode code);
// The translated user message (context "ErrorCode").
QString errorMessage(ErrorCode code);
// The English source text of the message, untranslated (for the bilingual admin guide).
QString errorSourceMessage(ErrorCode code);
// Every code of the table, in table order (for the admin guide and `ikkatsu-cli error-codes`).
QList<ErrorCode> allErrorCodes();
// Parses "E4001"; returns false for unknown codes.
bool parseErrorCode(const QString& text, ErrorCode* code);

} // namespace ikkatsu
