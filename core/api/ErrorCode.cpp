// The error-code table's lookups; messages are translated in the "ErrorCode" context.
#include "api/ErrorCode.h"

#include "common/Result.h"

#include <QCoreApplication>

namespace ikkatsu {

namespace {

struct ErrorRow
{
    ErrorCode code;
    int http;
};

constexpr ErrorRow kErrorRows[] = {
#define IKKATSU_ERROR_ROW(name, number, http) {ErrorCode::name, http},
    IKKATSU_ERROR_CODES(IKKATSU_ERROR_ROW)
#undef IKKATSU_ERROR_ROW
};

// The English source text of each code's user message; translated in the "ErrorCode" context.
const char* sourceText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidCredentials:
        return QT_TRANSLATE_NOOP("ErrorCode", "The user ID or password is incorrect.");
    case ErrorCode::AccountLocked:
        return QT_TRANSLATE_NOOP("ErrorCode", "The account is locked. Please contact your administrator.");
    case ErrorCode::AccountExpired:
        return QT_TRANSLATE_NOOP("ErrorCode", "The login validity period of this account has expired.");
    case ErrorCode::AccountDisabled:
        return QT_TRANSLATE_NOOP("ErrorCode", "This account has been disabled.");
    case ErrorCode::OtpInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The one-time password is incorrect.");
    case ErrorCode::OtpExpired:
        return QT_TRANSLATE_NOOP("ErrorCode", "The one-time password has expired. Please log in again.");
    case ErrorCode::OtpTooManyAttempts:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The one-time password was entered wrongly too many times. Please log in again.");
    case ErrorCode::OtpResendTooSoon:
        return QT_TRANSLATE_NOOP("ErrorCode", "Please wait a moment before requesting another one-time password.");
    case ErrorCode::SessionMissing:
        return QT_TRANSLATE_NOOP("ErrorCode", "You are not logged in.");
    case ErrorCode::SessionInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "Your session is not valid. Please log in again.");
    case ErrorCode::SessionExpired:
        return QT_TRANSLATE_NOOP("ErrorCode", "Your session has expired. Please log in again.");
    case ErrorCode::PasswordPolicy:
        return QT_TRANSLATE_NOOP("ErrorCode", "The password does not meet the password rules (at least 8 characters).");
    case ErrorCode::PasswordWrongCurrent:
        return QT_TRANSLATE_NOOP("ErrorCode", "The current password is incorrect.");
    case ErrorCode::AdminOnly:
        return QT_TRANSLATE_NOOP("ErrorCode", "This operation is reserved for administrators.");
    case ErrorCode::PinPolicy:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing PIN must be 6 to 20 half-width alphanumeric characters.");
    case ErrorCode::PinMismatch:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing PIN and its confirmation do not match.");
    case ErrorCode::PinWrong:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing PIN is incorrect.");
    case ErrorCode::KeyStoreMissing:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing key store was not found. Please run the certificate setup.");
    case ErrorCode::KeyStoreCorrupt:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing key store is damaged or was modified.");
    case ErrorCode::KeyStoreWriteFailed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing key store could not be saved.");
    case ErrorCode::KeyStoreExists:
        return QT_TRANSLATE_NOOP("ErrorCode", "A signing key store already exists at this location.");
    case ErrorCode::KeyGenerationFailed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing key pair could not be generated.");
    case ErrorCode::CsrInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The certificate request is invalid.");
    case ErrorCode::CertificateMismatch:
        return QT_TRANSLATE_NOOP("ErrorCode", "The certificate does not belong to the signing key.");
    case ErrorCode::CertificateExpired:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing certificate has expired.");
    case ErrorCode::CertificateNotYetValid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing certificate is not yet valid.");
    case ErrorCode::CertificateRevoked:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signing certificate has been revoked.");
    case ErrorCode::CertificateInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The certificate is invalid.");
    case ErrorCode::CertificateSetupNotAllowed:
        return QT_TRANSLATE_NOOP("ErrorCode", "This user is not permitted to sign.");
    case ErrorCode::KeyAlgorithmUnsupported:
        return QT_TRANSLATE_NOOP("ErrorCode", "The key algorithm or key size is not supported.");
    case ErrorCode::OcspRequestInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The OCSP request is malformed.");
    case ErrorCode::OcspResponseInvalid:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The OCSP response could not be understood or does not answer the request.");
    case ErrorCode::OcspResponderUntrusted:
        return QT_TRANSLATE_NOOP("ErrorCode", "The OCSP response is not signed by a trusted responder.");
    case ErrorCode::OcspUnavailable:
        return QT_TRANSLATE_NOOP("ErrorCode", "The certificate status (OCSP) could not be obtained.");
    case ErrorCode::CrlUnavailable:
        return QT_TRANSLATE_NOOP("ErrorCode", "The certificate revocation list (CRL) could not be obtained.");
    case ErrorCode::CrlInvalid:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The certificate revocation list (CRL) is damaged, out of date or not from the issuer.");
    case ErrorCode::RevocationSourceMissing:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "A certificate names no OCSP responder or CRL, so its status cannot be kept for the future.");
    case ErrorCode::FolderNotFound:
        return QT_TRANSLATE_NOOP("ErrorCode", "The folder was not found.");
    case ErrorCode::FileNotFound:
        return QT_TRANSLATE_NOOP("ErrorCode", "The file was not found.");
    case ErrorCode::NoViewPermission:
        return QT_TRANSLATE_NOOP("ErrorCode", "You do not have permission to view this file.");
    case ErrorCode::NoSignPermission:
        return QT_TRANSLATE_NOOP("ErrorCode", "You do not have permission to sign this file.");
    case ErrorCode::FileNameInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The file name is not allowed.");
    case ErrorCode::FileTooLarge:
        return QT_TRANSLATE_NOOP("ErrorCode", "The file is too large.");
    case ErrorCode::NotAPdf:
        return QT_TRANSLATE_NOOP("ErrorCode", "The file is not a PDF document.");
    case ErrorCode::DuplicateFileName:
        return QT_TRANSLATE_NOOP("ErrorCode", "A file with this name already exists in the folder.");
    case ErrorCode::VersionConflict:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The file was changed by someone else. Please download it again and sign anew.");
    case ErrorCode::AlreadySigned:
        return QT_TRANSLATE_NOOP("ErrorCode", "You have already signed this file.");
    case ErrorCode::NotYourTurn:
        return QT_TRANSLATE_NOOP("ErrorCode", "It is not yet your turn to sign this file.");
    case ErrorCode::SignedSignerRemoved:
        return QT_TRANSLATE_NOOP("ErrorCode", "A signer who has already signed cannot be removed from the file.");
    case ErrorCode::SignedSignerMoved:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "A signer who has already signed cannot be placed after a signer who has not.");
    case ErrorCode::PermissionUserUnknown:
        return QT_TRANSLATE_NOOP("ErrorCode", "No user is registered with this user ID.");
    case ErrorCode::PermissionUserTwice:
        return QT_TRANSLATE_NOOP("ErrorCode", "The same user is named twice in the permissions.");
    case ErrorCode::SealPlacementInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "Unknown seal placement (page first or last; corner bottom-right, bottom-left, top-right or top-left).");
    case ErrorCode::SignatureBoxSignerNotAllowed:
        return QT_TRANSLATE_NOOP("ErrorCode", "A signature box is for a user who may not sign this file.");
    case ErrorCode::SignatureBoxSignerSigned:
        return QT_TRANSLATE_NOOP("ErrorCode", "A signature box is for a signer who has already signed this file.");
    case ErrorCode::SignatureBoxFileClosed:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "Every signer has signed this file; signature boxes can no longer be placed.");
    case ErrorCode::InputFileUnreadable:
        return QT_TRANSLATE_NOOP("ErrorCode", "The file could not be read.");
    case ErrorCode::OutputWriteFailed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signed file could not be written.");
    case ErrorCode::PdfMalformed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The PDF document is damaged or malformed.");
    case ErrorCode::PdfEncrypted:
        return QT_TRANSLATE_NOOP("ErrorCode", "The PDF document is encrypted and cannot be signed.");
    case ErrorCode::PdfXrefBroken:
        return QT_TRANSLATE_NOOP("ErrorCode", "The PDF document's cross-reference table is damaged.");
    case ErrorCode::PdfUnsupported:
        return QT_TRANSLATE_NOOP("ErrorCode", "The PDF document uses a feature that is not supported.");
    case ErrorCode::PdfLockedByDocMdp:
        return QT_TRANSLATE_NOOP("ErrorCode", "The PDF document is certified and allows no further signatures.");
    case ErrorCode::PdfNotPdf:
        return QT_TRANSLATE_NOOP("ErrorCode", "The file is not a PDF document.");
    case ErrorCode::PdfPasswordWrong:
        return QT_TRANSLATE_NOOP("ErrorCode", "The password of the PDF document is wrong.");
    case ErrorCode::PdfEncryptionUnsupported:
        return QT_TRANSLATE_NOOP("ErrorCode", "The PDF document uses an encryption method that is not supported.");
    case ErrorCode::PdfPermissionDenied:
        return QT_TRANSLATE_NOOP("ErrorCode", "The PDF document's permissions do not allow signing.");
    case ErrorCode::PdfLockedBySignature:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "An earlier signature locked the PDF document or the field to be signed.");
    case ErrorCode::SignatureTooLarge:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signature does not fit into the space reserved for it.");
    case ErrorCode::SigningFailed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signature could not be created.");
    case ErrorCode::SelfVerificationFailed:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The newly signed document did not pass verification; nothing was saved.");
    case ErrorCode::SignatureInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signature is invalid.");
    case ErrorCode::SignatureDigestMismatch:
        return QT_TRANSLATE_NOOP("ErrorCode", "The document was changed after it was signed.");
    case ErrorCode::ByteRangeInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signature does not cover the document correctly.");
    case ErrorCode::SignerUntrusted:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signer's certificate is not trusted.");
    case ErrorCode::NoSignature:
        return QT_TRANSLATE_NOOP("ErrorCode", "The document carries no signature.");
    case ErrorCode::UploadNotPrefix:
        return QT_TRANSLATE_NOOP("ErrorCode", "The uploaded file is not the stored version plus a signature.");
    case ErrorCode::UploadSignatureCount:
        return QT_TRANSLATE_NOOP("ErrorCode", "The uploaded file must add exactly one new signature.");
    case ErrorCode::UploadSignerMismatch:
        return QT_TRANSLATE_NOOP("ErrorCode", "The new signature was not made with your current certificate.");
    case ErrorCode::SignatureModified:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "The document was changed after it was signed in a way the signature "
            "does not allow.");
    case ErrorCode::UploadNotSignatureOnly:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "The uploaded file changes the document in more ways than adding your "
            "signature.");
    case ErrorCode::CertificationNotFirst:
        return QT_TRANSLATE_NOOP("ErrorCode", "Only the first signature of a document can certify it.");
    case ErrorCode::SealStyleUnknown:
        return QT_TRANSLATE_NOOP("ErrorCode", "Unknown seal style (round, date, square or text).");
    case ErrorCode::SealTextInvalid:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The seal text is empty, too long or has characters that cannot be drawn.");
    case ErrorCode::SealRectInvalid:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The seal rectangle is malformed, inverted, too small or outside the page.");
    case ErrorCode::SealPageOutOfRange:
        return QT_TRANSLATE_NOOP("ErrorCode", "The document has no such page for the seal.");
    case ErrorCode::SealFontMissing:
        return QT_TRANSLATE_NOOP("ErrorCode", "No installed Japanese font can draw the seal text.");
    case ErrorCode::SealFieldNotFound:
        return QT_TRANSLATE_NOOP("ErrorCode", "The document has no empty signature field of that name.");
    case ErrorCode::SignatureFieldWidgetCount:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "The signature field has no widget or several: only a field shown in exactly one place can be signed.");
    case ErrorCode::FieldNotSignatureField:
        return QT_TRANSLATE_NOOP("ErrorCode", "The field of that name is not a signature field.");
    case ErrorCode::TimestampFailed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The timestamp could not be obtained.");
    case ErrorCode::TimestampRequestInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The timestamp request is malformed.");
    case ErrorCode::TimestampResponseInvalid:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The timestamp authority's answer was refused or does not match the request.");
    case ErrorCode::TimestampTokenInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The timestamp is damaged or its signature is wrong.");
    case ErrorCode::TimestampImprintMismatch:
        return QT_TRANSLATE_NOOP("ErrorCode", "The timestamp does not belong to this signature.");
    case ErrorCode::TimestampUntrusted:
        return QT_TRANSLATE_NOOP("ErrorCode", "The timestamp authority is not trusted.");
    case ErrorCode::TimestampNotAllowed:
        return QT_TRANSLATE_NOOP("ErrorCode", "You may not use this timestamp authority.");
    case ErrorCode::SignatureLevelUnsupported:
        return QT_TRANSLATE_NOOP("ErrorCode", "This signature level is not supported.");
    case ErrorCode::UploadBelowSigningLevel:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "The signature does not reach the level this server requires (a timestamp or validation data is "
            "missing).");
    case ErrorCode::UploadTimestampInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "A timestamp in the uploaded file is not valid or does not come from this server's timestamp authority.");
    case ErrorCode::SignatureFieldExists:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "The document already has a field of that name; a placed signature box cannot be moved or placed again.");
    case ErrorCode::UploadOutsidePlacedField:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "A signature box is placed for you in this file; your signature must fill that box.");
    case ErrorCode::UploadInOthersField:
        return QT_TRANSLATE_NOOP("ErrorCode", "The signature fills a signature box placed for another signer.");
    case ErrorCode::DocumentTimestampInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The document timestamp is damaged or does not cover the document.");
    case ErrorCode::SignatureNotProvenAt:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "At the date asked for, nothing in the file proves that this signature or timestamp existed while its "
            "certificates were valid.");
    case ErrorCode::ArchiveRenewalNotExtending:
        return QT_TRANSLATE_NOOP("ErrorCode",
            "The timestamp authority's certificate does not outlast the document's newest archive timestamp, so a "
            "renewal would not extend it.");
    case ErrorCode::ServerUnreachable:
        return QT_TRANSLATE_NOOP("ErrorCode", "The server could not be reached.");
    case ErrorCode::ServerError:
        return QT_TRANSLATE_NOOP("ErrorCode", "The server reported an error.");
    case ErrorCode::DatabaseError:
        return QT_TRANSLATE_NOOP("ErrorCode", "A database error occurred on the server.");
    case ErrorCode::MailFailed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The mail could not be sent.");
    case ErrorCode::ServerBusy:
        return QT_TRANSLATE_NOOP("ErrorCode", "The server is busy. Please try again shortly.");
    case ErrorCode::NetworkTimeout:
        return QT_TRANSLATE_NOOP("ErrorCode", "The network request timed out.");
    case ErrorCode::BadRequest:
        return QT_TRANSLATE_NOOP("ErrorCode", "The request is malformed.");
    case ErrorCode::RouteNotFound:
        return QT_TRANSLATE_NOOP("ErrorCode", "The requested resource does not exist.");
    case ErrorCode::PayloadTooLarge:
        return QT_TRANSLATE_NOOP("ErrorCode", "The request is too large.");
    case ErrorCode::TlsError:
        return QT_TRANSLATE_NOOP("ErrorCode", "A secure connection to the server could not be established.");
    case ErrorCode::ProtocolMismatch:
        return QT_TRANSLATE_NOOP("ErrorCode", "The server's answer could not be understood.");
    case ErrorCode::MethodNotAllowed:
        return QT_TRANSLATE_NOOP("ErrorCode", "The request method is not allowed here.");
    case ErrorCode::ConfigInvalid:
        return QT_TRANSLATE_NOOP("ErrorCode", "The server configuration is invalid.");
    case ErrorCode::HeaderTooLarge:
        return QT_TRANSLATE_NOOP("ErrorCode", "The request headers are too large or too many.");
    case ErrorCode::TooManyConnections:
        return QT_TRANSLATE_NOOP("ErrorCode", "Too many connections from your address. Please try again shortly.");
    case ErrorCode::RequestTimeout:
        return QT_TRANSLATE_NOOP("ErrorCode", "The request arrived too slowly and was abandoned.");
    case ErrorCode::ServerDraining:
        return QT_TRANSLATE_NOOP("ErrorCode", "The server is shutting down. Please try again shortly.");
    case ErrorCode::RateLimited:
        return QT_TRANSLATE_NOOP("ErrorCode", "Too many attempts. Please wait before trying again.");
    case ErrorCode::ServerNotReady:
        return QT_TRANSLATE_NOOP("ErrorCode", "The server cannot reach its database.");
    case ErrorCode::StoredContentDamaged:
        return QT_TRANSLATE_NOOP("ErrorCode", "A stored file version is missing or does not match its SHA-256.");
    case ErrorCode::ServiceKeysMissing:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "A provisioned CA, TSA or OCSP key or certificate is missing or does not fit.");
    case ErrorCode::LengthRequired:
        return QT_TRANSLATE_NOOP(
            "ErrorCode", "The request must state its body length (Content-Length); Transfer-Encoding is not accepted.");
    case ErrorCode::Unexpected:
        return QT_TRANSLATE_NOOP("ErrorCode", "An unexpected error occurred.");
    case ErrorCode::Cancelled:
        return QT_TRANSLATE_NOOP("ErrorCode", "The operation was cancelled.");
    }
    return QT_TRANSLATE_NOOP("ErrorCode", "An unexpected error occurred.");
}

const ErrorRow* findRow(ErrorCode code)
{
    for (const auto& row : kErrorRows) {
        if (row.code == code)
            return &row;
    }
    return nullptr;
}

} // namespace

QString errorCodeText(ErrorCode code)
{
    return QStringLiteral("E%1").arg(static_cast<int>(code), 4, 10, QLatin1Char('0'));
}

int errorHttpStatus(ErrorCode code)
{
    const ErrorRow* row = findRow(code);
    return row ? row->http : 500;
}

QString errorMessage(ErrorCode code)
{
    return QCoreApplication::translate("ErrorCode", sourceText(code));
}

QString errorSourceMessage(ErrorCode code)
{
    return QString::fromUtf8(sourceText(code));
}

QList<ErrorCode> allErrorCodes()
{
    QList<ErrorCode> codes;
    for (const auto& row : kErrorRows)
        codes.append(row.code);
    return codes;
}

bool parseErrorCode(const QString& text, ErrorCode* code)
{
    if (text.size() != 5 || text.front() != QLatin1Char('E'))
        return false;
    bool ok = false;
    const int number = text.mid(1).toInt(&ok);
    if (!ok)
        return false;
    for (const auto& row : kErrorRows) {
        if (static_cast<int>(row.code) == number) {
            *code = row.code;
            return true;
        }
    }
    return false;
}

QString Error::message() const
{
    return errorMessage(code);
}

} // namespace ikkatsu
