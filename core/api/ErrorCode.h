// The one table of error codes shown to users and returned by the server (documented in the admin guide).
#pragma once

#include <QString>

namespace ikkatsu {

// X(enumerator, number, HTTP status, English source text of the user message)
// Ranges: E1xxx login/password/OTP/session/lockout · E2xxx certificate, key store, PIN ·
// E3xxx folders, files, permissions · E4xxx signing and verification (PDF problems included) ·
// E5xxx server, database, mail, network · E9xxx unexpected.
// Numbers are forever: never renumber or reuse one; add new codes at the end of their range.
#define IKKATSU_ERROR_CODES(X)                                                                                         \
    X(InvalidCredentials, 1001, 401, "The user ID or password is incorrect.")                                          \
    X(AccountLocked, 1002, 403, "The account is locked. Please contact your administrator.")                           \
    X(AccountExpired, 1003, 403, "The login validity period of this account has expired.")                             \
    X(AccountDisabled, 1004, 403, "This account has been disabled.")                                                   \
    X(OtpInvalid, 1101, 401, "The one-time password is incorrect.")                                                    \
    X(OtpExpired, 1102, 401, "The one-time password has expired. Please log in again.")                                \
    X(OtpTooManyAttempts, 1103, 401, "The one-time password was entered wrongly too many times. Please log in again.") \
    X(OtpResendTooSoon, 1104, 429, "Please wait a moment before requesting another one-time password.")                \
    X(SessionMissing, 1201, 401, "You are not logged in.")                                                             \
    X(SessionInvalid, 1202, 401, "Your session is not valid. Please log in again.")                                    \
    X(SessionExpired, 1203, 401, "Your session has expired. Please log in again.")                                     \
    X(PasswordPolicy, 1301, 400, "The password does not meet the password rules (at least 8 characters).")             \
    X(PasswordWrongCurrent, 1302, 403, "The current password is incorrect.")                                           \
    X(AdminOnly, 1401, 403, "This operation is reserved for administrators.")                                          \
    X(PinPolicy, 2001, 400, "The signing PIN must be 6 to 20 half-width alphanumeric characters.")                     \
    X(PinMismatch, 2002, 400, "The signing PIN and its confirmation do not match.")                                    \
    X(PinWrong, 2003, 403, "The signing PIN is incorrect.")                                                            \
    X(KeyStoreMissing, 2101, 404, "The signing key store was not found. Please run the certificate setup.")            \
    X(KeyStoreCorrupt, 2102, 422, "The signing key store is damaged or was modified.")                                 \
    X(KeyStoreWriteFailed, 2103, 500, "The signing key store could not be saved.")                                     \
    X(KeyStoreExists, 2104, 409, "A signing key store already exists at this location.")                               \
    X(KeyGenerationFailed, 2201, 500, "The signing key pair could not be generated.")                                  \
    X(CsrInvalid, 2202, 400, "The certificate request is invalid.")                                                    \
    X(CertificateMismatch, 2203, 422, "The certificate does not belong to the signing key.")                           \
    X(CertificateExpired, 2204, 422, "The signing certificate has expired.")                                           \
    X(CertificateNotYetValid, 2205, 422, "The signing certificate is not yet valid.")                                  \
    X(CertificateRevoked, 2206, 422, "The signing certificate has been revoked.")                                      \
    X(CertificateInvalid, 2207, 422, "The certificate is invalid.")                                                    \
    X(CertificateSetupNotAllowed, 2208, 403, "This user is not permitted to sign.")                                    \
    X(KeyAlgorithmUnsupported, 2209, 400, "The key algorithm or key size is not supported.")                           \
    X(FolderNotFound, 3001, 404, "The folder was not found.")                                                          \
    X(FileNotFound, 3002, 404, "The file was not found.")                                                              \
    X(NoViewPermission, 3003, 403, "You do not have permission to view this file.")                                    \
    X(NoSignPermission, 3004, 403, "You do not have permission to sign this file.")                                    \
    X(FileNameInvalid, 3005, 400, "The file name is not allowed.")                                                     \
    X(FileTooLarge, 3006, 413, "The file is too large.")                                                               \
    X(NotAPdf, 3007, 415, "The file is not a PDF document.")                                                           \
    X(DuplicateFileName, 3008, 409, "A file with this name already exists in the folder.")                             \
    X(VersionConflict, 3009, 409, "The file was changed by someone else. Please download it again and sign anew.")     \
    X(AlreadySigned, 3010, 409, "You have already signed this file.")                                                  \
    X(NotYourTurn, 3011, 409, "It is not yet your turn to sign this file.")                                            \
    X(InputFileUnreadable, 3101, 422, "The file could not be read.")                                                   \
    X(OutputWriteFailed, 3102, 500, "The signed file could not be written.")                                           \
    X(PdfMalformed, 4001, 422, "The PDF document is damaged or malformed.")                                            \
    X(PdfEncrypted, 4002, 422, "The PDF document is encrypted and cannot be signed.")                                  \
    X(PdfXrefBroken, 4003, 422, "The PDF document's cross-reference table is damaged.")                                \
    X(PdfUnsupported, 4004, 422, "The PDF document uses a feature that is not supported.")                             \
    X(PdfLockedByDocMdp, 4005, 422, "The PDF document is certified and allows no further signatures.")                 \
    X(PdfNotPdf, 4007, 415, "The file is not a PDF document.")                                                         \
    X(SignatureTooLarge, 4101, 500, "The signature does not fit into the space reserved for it.")                      \
    X(SigningFailed, 4102, 500, "The signature could not be created.")                                                 \
    X(SelfVerificationFailed, 4103, 500, "The newly signed document did not pass verification; nothing was saved.")    \
    X(SignatureInvalid, 4201, 422, "The signature is invalid.")                                                        \
    X(SignatureDigestMismatch, 4202, 422, "The document was changed after it was signed.")                             \
    X(ByteRangeInvalid, 4203, 422, "The signature does not cover the document correctly.")                             \
    X(SignerUntrusted, 4204, 422, "The signer's certificate is not trusted.")                                          \
    X(NoSignature, 4205, 422, "The document carries no signature.")                                                    \
    X(UploadNotPrefix, 4206, 422, "The uploaded file is not the stored version plus a signature.")                     \
    X(UploadSignatureCount, 4207, 422, "The uploaded file must add exactly one new signature.")                        \
    X(UploadSignerMismatch, 4208, 422, "The new signature was not made with your current certificate.")                \
    X(TimestampFailed, 4301, 502, "The timestamp could not be obtained.")                                              \
    X(ServerUnreachable, 5001, 503, "The server could not be reached.")                                                \
    X(ServerError, 5002, 500, "The server reported an error.")                                                         \
    X(DatabaseError, 5003, 500, "A database error occurred on the server.")                                            \
    X(MailFailed, 5004, 502, "The mail could not be sent.")                                                            \
    X(ServerBusy, 5005, 503, "The server is busy. Please try again shortly.")                                          \
    X(NetworkTimeout, 5006, 504, "The network request timed out.")                                                     \
    X(BadRequest, 5007, 400, "The request is malformed.")                                                              \
    X(RouteNotFound, 5008, 404, "The requested resource does not exist.")                                              \
    X(PayloadTooLarge, 5009, 413, "The request is too large.")                                                         \
    X(TlsError, 5010, 502, "A secure connection to the server could not be established.")                              \
    X(ProtocolMismatch, 5011, 502, "The server's answer could not be understood.")                                     \
    X(MethodNotAllowed, 5012, 405, "The request method is not allowed here.")                                          \
    X(Unexpected, 9001, 500, "An unexpected error occurred.")                                                          \
    X(Cancelled, 9002, 499, "The operation was cancelled.")

enum class ErrorCode : int {
#define IKKATSU_ERROR_ENUM(name, number, http, text) name = number,
    IKKATSU_ERROR_CODES(IKKATSU_ERROR_ENUM)
#undef IKKATSU_ERROR_ENUM
};

// "E4001"
QString errorCodeText(ErrorCode code);
// The HTTP status the server answers with for this code.
int errorHttpStatus(ErrorCode code);
// The translated user message (context "ErrorCode").
QString errorMessage(ErrorCode code);
// Parses "E4001"; returns false for unknown codes.
bool parseErrorCode(const QString& text, ErrorCode* code);

} // namespace ikkatsu
