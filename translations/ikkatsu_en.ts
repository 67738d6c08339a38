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
        <source>  login --server URL --user ID [--password-stdin] [--otp-stdin] [--session-file FILE]
  certificate-setup --server URL --key-store PATH [--key p256|rsa2048] [--view-only] [--force]
                    [--user ID --password-stdin --otp-stdin] [--pin-stdin] [--session-file FILE]
  logout --server URL [--session-file FILE]
  Secrets are read from the terminal without echo, or with --*-stdin one line each from stdin in the
  order password, one-time password, PIN, PIN confirmation.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server URL is required.</source>
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
  sign --keystore FILE [--pin-stdin] [--reason TEXT] [--location TEXT] [--jobs N]
       (--out-dir DIR | --suffix SUFFIX) FILE...
  verify [--json] [--trust CERT]... FILE...
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
</context>
</TS>
