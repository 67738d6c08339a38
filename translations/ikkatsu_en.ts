<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountCommands</name>
    <message>
        <source>--user ID is required to log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A one-time password has been sent to you by mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  User name		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Company		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Romanized name		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Romanized company	</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Serial number		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  CN (signer)		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  OU (company)		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  OU (service)		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  O (provider)		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  C (country)		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Valid until		</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--key-store PATH is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered as a user who does not sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the key pair and issuing the signing certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New signing PIN: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the new signing PIN: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing PIN registered: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server URL is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing PIN: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file is waiting for your signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch e-signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the files can be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  login --server URL --user ID [--password-stdin] [--otp-stdin] [--session-file FILE]
  certificate-setup --server URL --key-store PATH [--key p256|rsa2048] [--view-only] [--force]
                    [--user ID --password-stdin --otp-stdin] [--pin-stdin] [--session-file FILE]
  logout --server URL [--session-file FILE]
  batch --server URL --key-store PATH [--pin-stdin] [--user ID --password-stdin --otp-stdin]
        [--session-file FILE] [--transfers N]  (signs every file waiting for your signature;
        N downloads and uploads in flight, 1 to 16, default 6)
  Secrets are read from the terminal without echo, or with --*-stdin one line each from stdin in the
  order password, one-time password, PIN, PIN confirmation.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed, %2 failed in %3 s (%4 files/s; download and check %5 ms, sign and upload %6 ms; key store unlock %7 ms, not counted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchiveCommands</name>
    <message>
        <source>Add validation data and a new archive timestamp to each file whose newest one expires within the margin (or that has signatures but none), in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 3161 timestamp authority URL (default: the configured server&apos;s, http://127.0.0.1:8443 unless set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew when the newest archive timestamp expires within this many days (default 365).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed PDF files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp: --renew, a --margin-days from 0 to 36500 and at least one FILE are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp: --tsa needs an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL     %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RENEWED  %1: valid until %2 (was %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT DUE  %1: valid until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewed %1, not due %2, failed %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: ikkatsu-cli COMMAND [OPTIONS]

Commands:
  keystore create --out FILE [--self-signed --name NAME --company COMPANY]
                  [--algorithm rsa2048|p256] [--pin-stdin] [--force]
  keystore info FILE [--json]
  keystore change-pin FILE [--pin-stdin]
  sign --keystore FILE [--pin-stdin] [--password-stdin] [--reason TEXT] [--location TEXT]
       [--jobs N] [--certify 1|2|3] [--level B-B|B-T|B-LT|B-LTA --tsa URL]
       [--seal round|date|square|text] [--seal-name T] [--page N|last] [--rect X1,Y1,X2,Y2]
       [--seal-company T] [--field NAME] [--corner bottom-right|bottom-left|top-right|top-left]
       (--out-dir DIR | --suffix SUFFIX) FILE...
  verify [--json] [--trust CERT]... [--at YYYY-MM-DD] FILE...
  timestamp --renew [--tsa URL] [--margin-days N] FILE...
  error-codes [--markdown]
  version

Exit status: 0 success, 1 at least one file or signature failed, 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorCode</name>
    <message>
        <source>The user ID or password is incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is locked. Please contact your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login validity period of this account has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has been disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time password is incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time password has expired. Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time password was entered wrongly too many times. Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait a moment before requesting another one-time password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session is not valid. Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password does not meet the password rules (at least 8 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This operation is reserved for administrators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing PIN must be 6 to 20 half-width alphanumeric characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing PIN and its confirmation do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing PIN is incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key store was not found. Please run the certificate setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key store is damaged or was modified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key store could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signing key store already exists at this location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key pair could not be generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate request is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate does not belong to the signing key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing certificate has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing certificate is not yet valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing certificate has been revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user is not permitted to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key algorithm or key size is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to view this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to sign this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a PDF document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file with this name already exists in the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was changed by someone else. Please download it again and sign anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already signed this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not yet your turn to sign this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document is damaged or malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document is encrypted and cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document&apos;s cross-reference table is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document uses a feature that is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document is certified and allows no further signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not fit into the space reserved for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newly signed document did not pass verification; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document was changed after it was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not cover the document correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document carries no signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The uploaded file is not the stored version plus a signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The uploaded file must add exactly one new signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new signature was not made with your current certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp could not be obtained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database error occurred on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail could not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy. Please try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network request timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested resource does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request method is not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server configuration is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document was changed after it was signed in a way the signature does not allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The uploaded file changes the document in more ways than adding your signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first signature of a document can certify it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signer who has already signed cannot be removed from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signer who has already signed cannot be placed after a signer who has not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user is registered with this user ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same user is named twice in the permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers are too large or too many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many connections from your address. Please try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request arrived too slowly and was abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is shutting down. Please try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Please wait before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot reach its database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCSP request is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCSP response could not be understood or does not answer the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OCSP response is not signed by a trusted responder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate status (OCSP) could not be obtained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp request is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp authority&apos;s answer was refused or does not match the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp is damaged or its signature is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp does not belong to this signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp authority is not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not use this timestamp authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This signature level is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of the PDF document is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document uses an encryption method that is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document&apos;s permissions do not allow signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown seal style (round, date, square or text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seal text is empty, too long or has characters that cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seal rectangle is malformed, inverted, too small or outside the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no such page for the seal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No installed Japanese font can draw the seal text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no empty signature field of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate revocation list (CRL) could not be obtained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate revocation list (CRL) is damaged, out of date or not from the issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate names no OCSP responder or CRL, so its status cannot be kept for the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document timestamp is damaged or does not cover the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown seal placement (page first or last; corner bottom-right, bottom-left, top-right or top-left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier signature locked the PDF document or the field to be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not reach the level this server requires (a timestamp or validation data is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A timestamp in the uploaded file is not valid or does not come from this server&apos;s timestamp authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the date asked for, nothing in the file proves that this signature or timestamp existed while its certificates were valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp authority&apos;s certificate does not outlast the document&apos;s newest archive timestamp, so a renewal would not extend it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored file version is missing or does not match its SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A provisioned CA, TSA or OCSP key or certificate is missing or does not fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signature box is for a user who may not sign this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signature box is for a signer who has already signed this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every signer has signed this file; signature boxes can no longer be placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document already has a field of that name; a placed signature box cannot be moved or placed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signature box is placed for you in this file; your signature must fill that box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature fills a signature box placed for another signer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature field has no widget or several: only a field shown in exactly one place can be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field of that name is not a signature field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request must state its body length (Content-Length); Transfer-Encoding is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileSource</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>an unknown signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may view this file but you are not one of its signers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already signed this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not your turn yet: the signers before you in the signing order must sign this file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is protected by a password that is needed to open it. Enter the document&apos;s password to sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password entered for this document is wrong; the document was not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s encryption cannot be opened here, so it cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s security settings, chosen by its author, allow neither form filling nor signing. It cannot be signed unless the author sends a version that allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is encrypted but opens without a password (its author restricted, for example, printing or editing). Signing is allowed: the signature is encrypted with the document&apos;s own key and the restrictions stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document opens with the password you entered. The signature is encrypted with the document&apos;s own key; the password and the restrictions stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signatures already in the document cannot be read, so it cannot be signed safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature of %1 (%2) is NOT valid. Your signature does not repair it; ask the sender about the document before you sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature of %1 (%2) is intact, but its certificate is not from an authority trusted here. Your signature is added after it and leaves it intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature of %1 (%2) is intact: the document has not been changed since. Your signature is added after it and leaves it intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s form cannot be read, so it cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s certification cannot be read, so it cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is certified with “no changes allowed”: any signature added to it would invalidate the certification, so it cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is certified and allows form filling and signing: your signature keeps the certification valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is certified and allows form filling, signing and comments: your signature keeps the certification valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first signature of a document can certify it, and this document is already signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature in the field “%1” locked the whole document when it was signed: no further signature is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field “%1” you would sign was locked by the signature in the field “%2”: signing it would invalidate that signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every form field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every form field except %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature in the field “%1” locked %2. Your signature goes into a new field of its own and leaves the locked fields unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature in the field “%1” locked %2; the field you sign is not among them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document carries Adobe usage rights (extended features of Adobe Acrobat Reader, such as saving a filled-in form). Your signature adds a new signature field, a change these rights do not cover: after signing, Adobe Acrobat Reader will say that the document has been changed and that its extended features are no longer available. The signatures and the content are not affected, nor are Adobe Acrobat and other PDF software.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document carries Adobe usage rights (extended features of Adobe Acrobat Reader, such as saving a filled-in form). Signing an existing signature field is usually within these rights, but Adobe Acrobat Reader may still withdraw its extended features after a signature made by other software. The signatures and the content are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a PDF %1 document; the signature is added as an incremental update and the document stays PDF %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document claims %1 conformance (long-term archiving). The claim and the document&apos;s metadata are kept unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visible seal would break the %1 claim (its font lacks what PDF/A-1 requires). Sign without a visible seal to keep the document PDF/A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visible seal is drawn in RGB colours, but the document has no PDF/A output intent for them: the seal would break the %1 claim. Sign without a visible seal to keep the document PDF/A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visible seal is drawn in RGB colours, but the document&apos;s PDF/A output intent is %2: the seal would break the %1 claim. Sign without a visible seal to keep the document PDF/A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read as a PDF document, so it cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s catalog cannot be read, so it cannot be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be signed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureInspector</name>
    <message>
        <source>Valid (TOTAL-PASSED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indeterminate (INDETERMINATE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid (TOTAL-FAILED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation data and timestamps only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing and form filling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changes no rule allows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigningCommands</name>
    <message>
        <source>New signing PIN (6-20 letters and digits): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the new signing PIN: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key store file to create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a self-signed certificate for local use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Romanized name (CN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Romanized company (OU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsa2048 (default) or p256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the PIN from stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace an existing key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystore create: --out FILE is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystore create: certificates come from the server&apos;s certificate setup (ikkatsu-cli certificate-setup); use --self-signed for a local test key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystore create: --name NAME is required with --self-signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystore create: unknown algorithm %1 (rsa2048 or p256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 (%2, self-signed for local use only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key store file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystore info: exactly one FILE is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Serial number:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  CN (signer):    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  OU (company):   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  OU (service):   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  O (provider):   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  C (country):    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Issuer:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Valid from:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Valid until:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  SHA-256:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Self-signed: for local use only, not issued by the Ikkatsu CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the current and the new PIN from stdin, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystore change-pin: exactly one FILE is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current signing PIN: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing PIN of %1 was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystore: expected create, info or change-pin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (/Reason).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location (/Location).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write signed files into DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write signed files beside the inputs, with SUFFIX.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel signing threads (default: all cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --keystore FILE, exactly one of --out-dir DIR or --suffix SUFFIX, and at least one FILE are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --suffix must not be empty (the input is never overwritten).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --jobs takes a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing PIN: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK    %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL  %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed %1 of %2 files in %3 s (%4 files/s, %5 MB/s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificate (PEM or DER); repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files to verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify: at least one FILE is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n signature(s), %2 revision(s)</source>
        <translation>
            <numerusform>%1: %n signature, %2 revision(s)</numerusform>
            <numerusform>%1: %n signatures, %2 revision(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Signer:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Signing time: %1 (claimed by the signer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    SubFilter:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Reason:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Location:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Covers the whole document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Covers revision ending at byte %1; %2 later revision(s) follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Problem:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error-codes: the only option is --markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a certification signature allowing later: 1 nothing, 2 form filling and signing, 3 also annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --certify takes 1, 2 or 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Indication:   %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Certifies the document (DocMDP P=%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Later changes: %1 (allowed: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Not allowed:  object %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Level:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Timestamp:    %1 (proven by the timestamp authority)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Timestamp problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the user password of encrypted PDFs from stdin (after the PIN line when --pin-stdin is given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --password-stdin found no password line on stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible seal (印影): round (丸印), date (日付印), square (角印) or text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on the seal (default: the certificate&apos;s name; round: 1-4 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company on a date or square seal (default: the certificate&apos;s company).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page of the seal: a number from 1, or last (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal rectangle X1,Y1,X2,Y2 in PDF points (default: bottom right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign into this existing empty signature field (the seal fills its rectangle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --field places the seal in the field&apos;s own rectangle; --page and --rect do not apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --seal-name, --seal-company, --page and --rect need --seal STYLE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAdES level: B-B; B-T with a timestamp from --tsa; B-LT adds OCSP/CRL validation data; B-LTA also a document timestamp (default B-B).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 3161 timestamp authority URL (for B-T, B-LT and B-LTA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --level %1 needs --tsa with an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Document timestamp by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    Valid until:  %1 (when the newest timestamp&apos;s certificate expires)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corner of the seal on the first or last page, as a user&apos;s default placement: bottom-right, bottom-left, top-right or top-left (an empty field named by --field is filled instead when a file has one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign: --corner needs --seal, no --rect, and --page 1 or last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate as of this date (00:00 UTC), past or future, with only what the file holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify: --at takes a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Validated as of %1 with only what the file holds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::AllResultsPage</name>
    <message>
        <source>File registration</source>
        <translation>File registration</translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone&apos;s processing results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Export CSV...</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export processing results as CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::AuditTrailPage</name>
    <message>
        <source>User registration</source>
        <translation>User registration</translation>
    </message>
    <message>
        <source>User information change</source>
        <translation>User information change</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>Enable user</source>
        <translation>Enable user</translation>
    </message>
    <message>
        <source>Password reissue</source>
        <translation>Password reissue</translation>
    </message>
    <message>
        <source>Certificate revocation</source>
        <translation>Certificate revocation</translation>
    </message>
    <message>
        <source>Folder creation</source>
        <translation>Folder creation</translation>
    </message>
    <message>
        <source>File registration</source>
        <translation>File registration</translation>
    </message>
    <message>
        <source>Permission change</source>
        <translation>Permission change</translation>
    </message>
    <message>
        <source>Version download</source>
        <translation>Version download</translation>
    </message>
    <message>
        <source>Processing results CSV export</source>
        <translation>Processing results CSV export</translation>
    </message>
    <message>
        <source>Audit trail CSV export</source>
        <translation>Audit trail CSV export</translation>
    </message>
    <message>
        <source>Admin function refused</source>
        <translation>Admin function refused</translation>
    </message>
    <message>
        <source>Mail delivery failure</source>
        <translation>Mail delivery failure</translation>
    </message>
    <message>
        <source>Initial administrator creation</source>
        <translation>Initial administrator creation</translation>
    </message>
    <message>
        <source>Login failure (unknown user ID)</source>
        <translation>Login failure (unknown user ID)</translation>
    </message>
    <message>
        <source>Login failure (wrong password)</source>
        <translation>Login failure (wrong password)</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>Login refused</translation>
    </message>
    <message>
        <source>Password confirmed</source>
        <translation>Password confirmed</translation>
    </message>
    <message>
        <source>Wrong one-time password</source>
        <translation>Wrong one-time password</translation>
    </message>
    <message>
        <source>One-time password resent</source>
        <translation>One-time password resent</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Automatic lock</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>Logout</translation>
    </message>
    <message>
        <source>Password change</source>
        <translation>Password change</translation>
    </message>
    <message>
        <source>Password change failure</source>
        <translation>Password change failure</translation>
    </message>
    <message>
        <source>Certificate issue</source>
        <translation>Certificate issue</translation>
    </message>
    <message>
        <source>View-only chosen</source>
        <translation>View-only chosen</translation>
    </message>
    <message>
        <source>Certificate issue refused</source>
        <translation>Certificate issue refused</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Export CSV...</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Target user</source>
        <translation>Target user</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Connected from</source>
        <translation>Connected from</translation>
    </message>
    <message>
        <source>Export the audit trail as CSV</source>
        <translation>Export the audit trail as CSV</translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-signature permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key compromise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>affiliation changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cessation of operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n wrong password(s) in a row</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refused request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail not delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registration mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal settings change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive timestamp renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature box placement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::BatchSignDialog</name>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch e-signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files selected: %2 will be signed, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN is asked once for the whole batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signing %n file(s) on this computer…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Finished: %1 signed, %2 failed, %3 skipped, %4 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: files already under way are finished or left untouched…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (signed: every signature is in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (signing: other signers remain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking the %n file(s) before signing…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to report: the signature is added as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be signed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Enter the password that opens the document to sign it, or skip this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::CertificateSetupWizard</name>
    <message>
        <source>Signing certificate setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign electronically, a signing certificate and its PIN must be registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether you sign electronically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign electronically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not sign electronically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Confirm your user information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that your user information is correct and click [Next].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* If anything is wrong, ask your administrator to change your user information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing your signing certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait until the next screen appears. (Switching screens may take some time.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating your key pair on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the certificate signing request (your private key stays here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving your signing certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STEP2 Initial setting of the signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signing certificate has been issued with the content below. Check the &quot;Signing certificate information&quot;; if it is correct, enter the signing PIN and click the &quot;Register&quot; button. If anything is wrong, ask your administrator to change your user information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing PIN entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing PIN is a password that prevents a third party from signing electronically in your place. Enter something only you know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the new signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* Enter the signing PIN with 6 to 20 half-width letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* You cannot paste into the confirmation field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificate information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CN: Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OU: Subject company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OU: Service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O: Service provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C: Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important: the registered PIN is needed whenever you sign. Keep it safe and make sure no one else learns it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing PIN registration complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing certificate setup is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FileFilterPanel</name>
    <message>
        <source>My processing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files to process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File registration date (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>yyyy/MM/dd</source>
        <extracomment>Display format of the registration date fields (QDateTime format); the manual writes 2019年2月28日.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FileListModel</name>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FileViewer</name>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid (signer not trusted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View file - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying signatures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has no signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification signature (DocMDP P=%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes after signing: %1 (allowed: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: object %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate serial number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate validity: %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes after this signature: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Changes after this signature: %n revision(s) added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Document timestamp (keeps the signatures before it verifiable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp authority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time proven: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifiable until: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature level: PAdES %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp: %1 (proven by the timestamp authority)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document timestamp (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FilesPage</name>
    <message>
        <source>Folder and file management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User IDs, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID of a required signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in the order of this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files to register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop PDF files onto this page, or choose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File registration date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signers of the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n file(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Folder %1 was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose PDF files to register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Registering %n file(s)...</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were registered.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 file(s) were registered; %2 were refused (see the codes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-%2 of %3</source>
        <translation>%1-%2 of %3</translation>
    </message>
    <message>
        <source>Signed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View permission: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Register %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 was saved to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change viewers and signers...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The viewers and signers of %1 were changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place signature boxes...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature boxes of %1 were saved as a new version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::LoginPage</name>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user ID and password given to you by your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entering a wrong user ID or password a certain number of times locks the account. If an error screen appears, tell your administrator its error code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::MainWindow</name>
    <message>
        <source>Ikkatsu batch e-signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::MyPage</name>
    <message>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>■File information list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ No matching data exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the files on which you have view or sign permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch e-signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>%1 items, showing %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last batch e-signature did not finish: %n file(s) still to sign.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::NavigationBar</name>
    <message>
        <source>Ikkatsu batch e-signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (signed in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone&apos;s results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Admin menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::OtpPage</name>
    <message>
        <source>One-time password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mail with your one-time password has been sent. Enter the one-time password from the mail and click [Next].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>The one-time password has expired. Click [Resend] to receive a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1 (%2:%3 left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend (%1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new one-time password has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::PasswordChangePage</name>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your first login: replace the initial password from your administrator with a password only you know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the new password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::PermissionsDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change viewers and signers - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users by ID, name, company or mail address and add them. Signers who have already signed stay first, in the order they signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID, name, company or mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished">Search</translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add as viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add as signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signers (signing order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in the order of this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(view only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::PlacementCanvas</name>
    <message>
        <source>Choose the signer whose box you are placing first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a signature box on page %2. A placed box cannot be moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signature box needs at least %1 points (about 6 mm) on each side. Drag a larger box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::ProfilePage</name>
    <message>
        <source>My information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificate information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing certificate is set up on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CN: Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OU: Subject company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OU: Service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O: Service provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C: Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the new signing PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* Enter the signing PIN with 6 to 20 half-width letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your signing PIN has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificate setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (invisible signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round seal (family name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date seal (company, date, name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square seal (company name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text box (name, date and time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on the seal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company on the seal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* A round seal holds 1 to 4 characters. Empty fields use your user name and company name. When the sender placed a signature field for you, your seal goes there instead of the page and position chosen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save seal settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your signature is invisible on the page (it shows in the signature panel of PDF viewers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your seal settings have been saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::ResultsPage</name>
    <message>
        <source>Processing results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history of file views and electronic signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ No matching data exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File registration</source>
        <translation type="unfinished">File registration</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::SealPreview</name>
    <message>
        <source>Seal preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::ServiceTopPage</name>
    <message>
        <source>Service top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files waiting for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open My Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open My information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your signing certificate is set up on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing certificate is set up on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file list is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not processed yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::SignatureBoxDialog</name>
    <message>
        <source>Place signature boxes - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a signer, then drag a box on the page where their seal goes. Boxes drawn here can be moved or deleted until you save; a saved box cannot be moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every signer of this file has signed, or it has none. Add signers first with Change viewers and signers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: page %2, signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: page %2, placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: page %2, new (not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signature box yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::TrailTable</name>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>No matching data exists.</source>
        <translation>No matching data exists.</translation>
    </message>
    <message>
        <source>%1-%2 of %3</source>
        <translation>%1-%2 of %3</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished">Exported to %1.</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::UserFormDialog</name>
    <message>
        <source>New user registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit user information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user ID and initial password are generated by the server. The user receives the mail &quot;User registration notice&quot; without credentials; you receive the user ID and initial password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID %1. Only the changed fields are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name in roman letters (half-width alphanumerics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the company name in roman letters (half-width alphanumerics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid mail address, such as taro@example.jp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login expiry date must lie in the future.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::UsersPage</name>
    <message>
        <source>User management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>User ID, name, company or mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reissue password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic signature choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password change pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive wrong passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ No matching data exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 users (%2–%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected user: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs electronically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not sign electronically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate has been issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Resume use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 (%2) is registered. The mail &quot;User registration notice&quot; went to the user, and the user ID and initial password to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 is registered, but a mail could not be sent. Reissue the password to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The information of user %1 is updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock user %1 (%2)? The user is logged out and cannot log in until unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 may use the service again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 is suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend user %1 (%2)? The user is logged out and cannot log in until use is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a new initial password for user %1 (%2)? The current password stops working and the user is logged out. The new password is mailed to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new initial password for user %1 was mailed to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the signing certificate %1 of user %2? It cannot be used for signing any more and appears in the certificate revocation list. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate %1 is revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>UI language: ja or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline file list: a local directory with one subdirectory per folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window once it is shown, then quit (demo without a display).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory of the log file, ikkatsu.log (default: the app&apos;s data directory; also IKKATSU_LOG_DIR).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
