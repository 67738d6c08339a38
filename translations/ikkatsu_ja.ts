<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountCommands</name>
    <message>
        <source>--user ID is required to log in.</source>
        <translation>ログインには --user ユーザID が必要です。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>パスワード: </translation>
    </message>
    <message>
        <source>A one-time password has been sent to you by mail.</source>
        <translation>ワンタイムパスワードをメールでお送りしました。</translation>
    </message>
    <message>
        <source>One-time password: </source>
        <translation>ワンタイムパスワード: </translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>ログインしました: %1 (%2)</translation>
    </message>
    <message>
        <source>User information</source>
        <translation>ユーザ情報</translation>
    </message>
    <message>
        <source>  User name		</source>
        <translation>  ユーザ名		</translation>
    </message>
    <message>
        <source>  Company		</source>
        <translation>  会社名		</translation>
    </message>
    <message>
        <source>  Romanized name		</source>
        <translation>  ローマ字氏名		</translation>
    </message>
    <message>
        <source>  Romanized company	</source>
        <translation>  ローマ字会社名	</translation>
    </message>
    <message>
        <source>Signing certificate</source>
        <translation>署名用証明書情報</translation>
    </message>
    <message>
        <source>  Serial number		</source>
        <translation>  証明書シリアルナンバー	</translation>
    </message>
    <message>
        <source>  CN (signer)		</source>
        <translation>  CN:発行対象者		</translation>
    </message>
    <message>
        <source>  OU (company)		</source>
        <translation>  OU:発行対象会社名	</translation>
    </message>
    <message>
        <source>  OU (service)		</source>
        <translation>  OU:サービス名		</translation>
    </message>
    <message>
        <source>  O (provider)		</source>
        <translation>  O:サービス提供会社名	</translation>
    </message>
    <message>
        <source>  C (country)		</source>
        <translation>  C:国名			</translation>
    </message>
    <message>
        <source>  Valid until		</source>
        <translation>  有効期限終了日時	</translation>
    </message>
    <message>
        <source>--key-store PATH is required.</source>
        <translation>--key-store パス を指定してください。</translation>
    </message>
    <message>
        <source>Registered as a user who does not sign.</source>
        <translation>電子署名を行わない設定で登録しました。</translation>
    </message>
    <message>
        <source>Generating the key pair and issuing the signing certificate…</source>
        <translation>鍵ペアを生成し、署名用証明書を発行しています…</translation>
    </message>
    <message>
        <source>New signing PIN: </source>
        <translation>新しい署名用暗証コード: </translation>
    </message>
    <message>
        <source>Confirm the new signing PIN: </source>
        <translation>新しい署名用暗証コードの確認入力: </translation>
    </message>
    <message>
        <source>Signing PIN registered: </source>
        <translation>署名用暗証コードの登録 完了: </translation>
    </message>
    <message>
        <source>--server URL is required.</source>
        <translation>--server URL を指定してください。</translation>
    </message>
    <message>
        <source>Signing PIN: </source>
        <translation>署名用暗証コード: </translation>
    </message>
    <message>
        <source>No file is waiting for your signature.</source>
        <translation>電子署名待ちのファイルはありません。</translation>
    </message>
    <message>
        <source>Batch e-signature</source>
        <translation>一括電子署名</translation>
    </message>
    <message>
        <source>None of the files can be signed.</source>
        <translation>署名できるファイルがありません。</translation>
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
        <translation>  login --server URL --user ユーザID [--password-stdin] [--otp-stdin] [--session-file ファイル]
  certificate-setup --server URL --key-store パス [--key p256|rsa2048] [--view-only] [--force]
                    [--user ユーザID --password-stdin --otp-stdin] [--pin-stdin] [--session-file ファイル]
  logout --server URL [--session-file ファイル]
  batch --server URL --key-store パス [--pin-stdin] [--user ユーザID --password-stdin --otp-stdin]
        [--session-file ファイル] [--transfers N]  (電子署名待ちのファイルをすべて一括電子署名します。
        N はダウンロードとアップロードの同時実行数、1〜16、既定 6)
  パスワード等は端末からエコーなしで読み込みます。--*-stdin を指定すると、標準入力から1行ずつ
  パスワード、ワンタイムパスワード、暗証コード、暗証コードの確認入力の順に読み込みます。
</translation>
    </message>
    <message>
        <source>%1 signed, %2 failed in %3 s (%4 files/s; download and check %5 ms, sign and upload %6 ms; key store unlock %7 ms, not counted)</source>
        <translation>署名 %1 件、失敗 %2 件、%3 秒 (%4 件/秒。ダウンロードと確認 %5 ms、署名とアップロード %6 ms。鍵ストアの解錠 %7 ms は含みません)</translation>
    </message>
</context>
<context>
    <name>ArchiveCommands</name>
    <message>
        <source>Add validation data and a new archive timestamp to each file whose newest one expires within the margin (or that has signatures but none), in place.</source>
        <translation>最新のアーカイブタイムスタンプが猶予日数以内に期限を迎えるファイル（署名はあるがアーカイブタイムスタンプのないファイルも）に、検証情報と新しいアーカイブタイムスタンプをその場で追加します。</translation>
    </message>
    <message>
        <source>RFC 3161 timestamp authority URL (default: the configured server&apos;s, http://127.0.0.1:8443 unless set).</source>
        <translation>RFC 3161 タイムスタンプ局の URL（既定: 設定されたサーバー。未設定なら http://127.0.0.1:8443）。</translation>
    </message>
    <message>
        <source>Renew when the newest archive timestamp expires within this many days (default 365).</source>
        <translation>最新のアーカイブタイムスタンプの期限までがこの日数以内なら更新します（既定 365）。</translation>
    </message>
    <message>
        <source>Signed PDF files.</source>
        <translation>署名済みの PDF ファイル。</translation>
    </message>
    <message>
        <source>timestamp: --renew, a --margin-days from 0 to 36500 and at least one FILE are required.</source>
        <translation>timestamp: --renew、0〜36500 の --margin-days、1 つ以上の FILE が必要です。</translation>
    </message>
    <message>
        <source>timestamp: --tsa needs an http(s) URL.</source>
        <translation>timestamp: --tsa には http(s) の URL を指定してください。</translation>
    </message>
    <message>
        <source>FAIL     %1: %2</source>
        <translation>FAIL     %1: %2</translation>
    </message>
    <message>
        <source>RENEWED  %1: valid until %2 (was %3)</source>
        <translation>RENEWED  %1: 有効期限 %2（更新前 %3）</translation>
    </message>
    <message>
        <source>NOT DUE  %1: valid until %2</source>
        <translation>NOT DUE  %1: 有効期限 %2</translation>
    </message>
    <message>
        <source>Renewed %1, not due %2, failed %3.</source>
        <translation>更新 %1 件、更新不要 %2 件、失敗 %3 件。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Unknown command: %1</source>
        <translation>不明なコマンドです: %1</translation>
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
        <translation>使い方: ikkatsu-cli コマンド [オプション]

コマンド:
  keystore create --out ファイル [--self-signed --name 氏名 --company 会社名]
                  [--algorithm rsa2048|p256] [--pin-stdin] [--force]
  keystore info ファイル [--json]
  keystore change-pin ファイル [--pin-stdin]
  sign --keystore ファイル [--pin-stdin] [--password-stdin] [--reason 理由] [--location 場所]
       [--jobs 数] [--certify 1|2|3] [--level B-B|B-T|B-LT|B-LTA --tsa URL]
       [--seal round|date|square|text] [--seal-name 文字] [--page 番号|last] [--rect X1,Y1,X2,Y2]
       [--seal-company 文字] [--field 署名欄名] [--corner bottom-right|bottom-left|top-right|top-left]
       (--out-dir ディレクトリ | --suffix 接尾辞) ファイル...
  verify [--json] [--trust 証明書]... [--at YYYY-MM-DD] ファイル...
  timestamp --renew [--tsa URL] [--margin-days 日数] ファイル...
  error-codes [--markdown]
  version

終了コード: 0 成功、1 いずれかのファイルまたは署名が失敗、2 使い方の誤り。</translation>
    </message>
</context>
<context>
    <name>ErrorCode</name>
    <message>
        <source>The user ID or password is incorrect.</source>
        <translation>ユーザIDまたはパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>The account is locked. Please contact your administrator.</source>
        <translation>アカウントがロックされています。管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>The login validity period of this account has expired.</source>
        <translation>このアカウントのログイン有効期限が切れています。</translation>
    </message>
    <message>
        <source>This account has been disabled.</source>
        <translation>このアカウントは無効化されています。</translation>
    </message>
    <message>
        <source>The one-time password is incorrect.</source>
        <translation>ワンタイムパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>The one-time password has expired. Please log in again.</source>
        <translation>ワンタイムパスワードの有効期限が切れました。再度ログインしてください。</translation>
    </message>
    <message>
        <source>The one-time password was entered wrongly too many times. Please log in again.</source>
        <translation>ワンタイムパスワードの入力誤りが規定回数を超えました。再度ログインしてください。</translation>
    </message>
    <message>
        <source>Please wait a moment before requesting another one-time password.</source>
        <translation>ワンタイムパスワードの再送信は、しばらく待ってから行ってください。</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>ログインしていません。</translation>
    </message>
    <message>
        <source>Your session is not valid. Please log in again.</source>
        <translation>セッションが無効です。再度ログインしてください。</translation>
    </message>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>セッションの有効期限が切れました。再度ログインしてください。</translation>
    </message>
    <message>
        <source>The password does not meet the password rules (at least 8 characters).</source>
        <translation>パスワードが規則を満たしていません（8文字以上）。</translation>
    </message>
    <message>
        <source>The current password is incorrect.</source>
        <translation>現在のパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>This operation is reserved for administrators.</source>
        <translation>この操作は管理者のみ実行できます。</translation>
    </message>
    <message>
        <source>The signing PIN must be 6 to 20 half-width alphanumeric characters.</source>
        <translation>署名用暗証コードは半角英数字6文字以上20文字以下で入力してください。</translation>
    </message>
    <message>
        <source>The signing PIN and its confirmation do not match.</source>
        <translation>署名用暗証コードと確認入力が一致しません。</translation>
    </message>
    <message>
        <source>The signing PIN is incorrect.</source>
        <translation>署名用暗証コードが正しくありません。</translation>
    </message>
    <message>
        <source>The signing key store was not found. Please run the certificate setup.</source>
        <translation>署名用証明書が見つかりません。署名用証明書セットアップを実行してください。</translation>
    </message>
    <message>
        <source>The signing key store is damaged or was modified.</source>
        <translation>署名用証明書ファイルが破損しているか、改ざんされています。</translation>
    </message>
    <message>
        <source>The signing key store could not be saved.</source>
        <translation>署名用証明書ファイルを保存できませんでした。</translation>
    </message>
    <message>
        <source>A signing key store already exists at this location.</source>
        <translation>この場所には既に署名用証明書ファイルがあります。</translation>
    </message>
    <message>
        <source>The signing key pair could not be generated.</source>
        <translation>署名用の鍵ペアを生成できませんでした。</translation>
    </message>
    <message>
        <source>The certificate request is invalid.</source>
        <translation>証明書発行要求が不正です。</translation>
    </message>
    <message>
        <source>The certificate does not belong to the signing key.</source>
        <translation>証明書が署名用の鍵と対応していません。</translation>
    </message>
    <message>
        <source>The signing certificate has expired.</source>
        <translation>署名用証明書の有効期限が切れています。</translation>
    </message>
    <message>
        <source>The signing certificate is not yet valid.</source>
        <translation>署名用証明書はまだ有効期間になっていません。</translation>
    </message>
    <message>
        <source>The signing certificate has been revoked.</source>
        <translation>署名用証明書は失効しています。</translation>
    </message>
    <message>
        <source>The certificate is invalid.</source>
        <translation>証明書が不正です。</translation>
    </message>
    <message>
        <source>This user is not permitted to sign.</source>
        <translation>このユーザには電子署名の権限がありません。</translation>
    </message>
    <message>
        <source>The key algorithm or key size is not supported.</source>
        <translation>鍵のアルゴリズムまたは鍵長はサポートされていません。</translation>
    </message>
    <message>
        <source>The folder was not found.</source>
        <translation>フォルダが見つかりません。</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>ファイルが見つかりません。</translation>
    </message>
    <message>
        <source>You do not have permission to view this file.</source>
        <translation>このファイルの参照権限がありません。</translation>
    </message>
    <message>
        <source>You do not have permission to sign this file.</source>
        <translation>このファイルの署名権限がありません。</translation>
    </message>
    <message>
        <source>The file name is not allowed.</source>
        <translation>このファイル名は使用できません。</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>ファイルサイズが大きすぎます。</translation>
    </message>
    <message>
        <source>The file is not a PDF document.</source>
        <translation>ファイルがPDF文書ではありません。</translation>
    </message>
    <message>
        <source>A file with this name already exists in the folder.</source>
        <translation>このフォルダには同じ名前のファイルが既にあります。</translation>
    </message>
    <message>
        <source>The file was changed by someone else. Please download it again and sign anew.</source>
        <translation>ファイルが他の利用者によって更新されました。再度ダウンロードして署名してください。</translation>
    </message>
    <message>
        <source>You have already signed this file.</source>
        <translation>このファイルには既に署名済みです。</translation>
    </message>
    <message>
        <source>It is not yet your turn to sign this file.</source>
        <translation>このファイルはまだ署名の順番になっていません。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>ファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <source>The signed file could not be written.</source>
        <translation>署名済みファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>The PDF document is damaged or malformed.</source>
        <translation>PDF文書が破損しているか、形式が不正です。</translation>
    </message>
    <message>
        <source>The PDF document is encrypted and cannot be signed.</source>
        <translation>PDF文書が暗号化されているため署名できません。</translation>
    </message>
    <message>
        <source>The PDF document&apos;s cross-reference table is damaged.</source>
        <translation>PDF文書の相互参照テーブルが破損しています。</translation>
    </message>
    <message>
        <source>The PDF document uses a feature that is not supported.</source>
        <translation>PDF文書にサポートされていない機能が使われています。</translation>
    </message>
    <message>
        <source>The PDF document is certified and allows no further signatures.</source>
        <translation>PDF文書は作成者証明（DocMDP）により、これ以上の署名が禁止されています。</translation>
    </message>
    <message>
        <source>The signature does not fit into the space reserved for it.</source>
        <translation>署名が確保された領域に収まりません。</translation>
    </message>
    <message>
        <source>The signature could not be created.</source>
        <translation>署名を作成できませんでした。</translation>
    </message>
    <message>
        <source>The newly signed document did not pass verification; nothing was saved.</source>
        <translation>署名した文書の検証に失敗したため、保存しませんでした。</translation>
    </message>
    <message>
        <source>The signature is invalid.</source>
        <translation>署名が無効です。</translation>
    </message>
    <message>
        <source>The document was changed after it was signed.</source>
        <translation>署名後に文書が改変されています。</translation>
    </message>
    <message>
        <source>The signature does not cover the document correctly.</source>
        <translation>署名の対象範囲が文書を正しく覆っていません。</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not trusted.</source>
        <translation>署名者の証明書は信頼されていません。</translation>
    </message>
    <message>
        <source>The document carries no signature.</source>
        <translation>文書に署名がありません。</translation>
    </message>
    <message>
        <source>The uploaded file is not the stored version plus a signature.</source>
        <translation>アップロードされたファイルは、登録済みの版に署名を追加したものではありません。</translation>
    </message>
    <message>
        <source>The uploaded file must add exactly one new signature.</source>
        <translation>アップロードされたファイルには、新しい署名がちょうど1つ追加されている必要があります。</translation>
    </message>
    <message>
        <source>The new signature was not made with your current certificate.</source>
        <translation>新しい署名は現在の署名用証明書で作成されたものではありません。</translation>
    </message>
    <message>
        <source>The timestamp could not be obtained.</source>
        <translation>タイムスタンプを取得できませんでした。</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>サーバに接続できませんでした。</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>サーバでエラーが発生しました。</translation>
    </message>
    <message>
        <source>A database error occurred on the server.</source>
        <translation>サーバでデータベースエラーが発生しました。</translation>
    </message>
    <message>
        <source>The mail could not be sent.</source>
        <translation>メールを送信できませんでした。</translation>
    </message>
    <message>
        <source>The server is busy. Please try again shortly.</source>
        <translation>サーバが混み合っています。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>The network request timed out.</source>
        <translation>通信がタイムアウトしました。</translation>
    </message>
    <message>
        <source>The request is malformed.</source>
        <translation>要求の形式が不正です。</translation>
    </message>
    <message>
        <source>The requested resource does not exist.</source>
        <translation>要求されたリソースは存在しません。</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>要求のサイズが大きすぎます。</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established.</source>
        <translation>サーバとの安全な接続を確立できませんでした。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood.</source>
        <translation>サーバの応答を解釈できませんでした。</translation>
    </message>
    <message>
        <source>The request method is not allowed here.</source>
        <translation>この要求メソッドは許可されていません。</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>予期しないエラーが発生しました。</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>処理は中止されました。</translation>
    </message>
    <message>
        <source>The server configuration is invalid.</source>
        <translation>サーバの設定が不正です。</translation>
    </message>
    <message>
        <source>The document was changed after it was signed in a way the signature does not allow.</source>
        <translation>署名後に、署名が許可していない変更が文書に加えられています。</translation>
    </message>
    <message>
        <source>The uploaded file changes the document in more ways than adding your signature.</source>
        <translation>アップロードされたファイルには、あなたの署名の追加以外の変更が含まれています。</translation>
    </message>
    <message>
        <source>Only the first signature of a document can certify it.</source>
        <translation>文書を証明（DocMDP）できるのは最初の署名だけです。</translation>
    </message>
    <message>
        <source>A signer who has already signed cannot be removed from the file.</source>
        <translation>署名済みの署名者は外せません。</translation>
    </message>
    <message>
        <source>A signer who has already signed cannot be placed after a signer who has not.</source>
        <translation>署名済みの署名者を未署名の署名者の後ろに移すことはできません。</translation>
    </message>
    <message>
        <source>No user is registered with this user ID.</source>
        <translation>このユーザIDのユーザは登録されていません。</translation>
    </message>
    <message>
        <source>The same user is named twice in the permissions.</source>
        <translation>同じユーザが権限に二重に指定されています。</translation>
    </message>
    <message>
        <source>The request headers are too large or too many.</source>
        <translation>要求ヘッダが大きすぎるか、多すぎます。</translation>
    </message>
    <message>
        <source>Too many connections from your address. Please try again shortly.</source>
        <translation>お使いのアドレスからの接続が多すぎます。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>The request arrived too slowly and was abandoned.</source>
        <translation>要求の到着が遅すぎるため、打ち切りました。</translation>
    </message>
    <message>
        <source>The server is shutting down. Please try again shortly.</source>
        <translation>サーバは停止処理中です。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait before trying again.</source>
        <translation>試行回数が多すぎます。しばらく待ってから再度お試しください。</translation>
    </message>
    <message>
        <source>The server cannot reach its database.</source>
        <translation>サーバがデータベースに接続できません。</translation>
    </message>
    <message>
        <source>The OCSP request is malformed.</source>
        <translation>OCSP 要求の形式が正しくありません。</translation>
    </message>
    <message>
        <source>The OCSP response could not be understood or does not answer the request.</source>
        <translation>OCSP 応答を解釈できないか、要求に対応していません。</translation>
    </message>
    <message>
        <source>The OCSP response is not signed by a trusted responder.</source>
        <translation>OCSP 応答が信頼できるレスポンダーによって署名されていません。</translation>
    </message>
    <message>
        <source>The certificate status (OCSP) could not be obtained.</source>
        <translation>証明書の状態（OCSP）を取得できませんでした。</translation>
    </message>
    <message>
        <source>The timestamp request is malformed.</source>
        <translation>タイムスタンプ要求の形式が正しくありません。</translation>
    </message>
    <message>
        <source>The timestamp authority&apos;s answer was refused or does not match the request.</source>
        <translation>タイムスタンプ局の応答が拒否されたか、要求と一致しません。</translation>
    </message>
    <message>
        <source>The timestamp is damaged or its signature is wrong.</source>
        <translation>タイムスタンプが壊れているか、その署名が正しくありません。</translation>
    </message>
    <message>
        <source>The timestamp does not belong to this signature.</source>
        <translation>タイムスタンプがこの署名に対応していません。</translation>
    </message>
    <message>
        <source>The timestamp authority is not trusted.</source>
        <translation>タイムスタンプ局が信頼されていません。</translation>
    </message>
    <message>
        <source>You may not use this timestamp authority.</source>
        <translation>このタイムスタンプ局を利用する権限がありません。</translation>
    </message>
    <message>
        <source>This signature level is not supported.</source>
        <translation>この署名レベルには対応していません。</translation>
    </message>
    <message>
        <source>The password of the PDF document is wrong.</source>
        <translation>PDF 文書のパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>The PDF document uses an encryption method that is not supported.</source>
        <translation>PDF 文書は対応していない暗号化方式を使用しています。</translation>
    </message>
    <message>
        <source>The PDF document&apos;s permissions do not allow signing.</source>
        <translation>PDF 文書の権限設定により署名できません。</translation>
    </message>
    <message>
        <source>Unknown seal style (round, date, square or text).</source>
        <translation>印影の種類が不明です（round、date、square、text のいずれかです）。</translation>
    </message>
    <message>
        <source>The seal text is empty, too long or has characters that cannot be drawn.</source>
        <translation>印影の文字が空か長すぎるか、描けない文字を含んでいます。</translation>
    </message>
    <message>
        <source>The seal rectangle is malformed, inverted, too small or outside the page.</source>
        <translation>印影の矩形が不正か、逆向きか、小さすぎるか、ページの外です。</translation>
    </message>
    <message>
        <source>The document has no such page for the seal.</source>
        <translation>印影を置くページが文書にありません。</translation>
    </message>
    <message>
        <source>No installed Japanese font can draw the seal text.</source>
        <translation>印影の文字をすべて描ける日本語フォントがインストールされていません。</translation>
    </message>
    <message>
        <source>The document has no empty signature field of that name.</source>
        <translation>その名前の空の署名欄が文書にありません。</translation>
    </message>
    <message>
        <source>The certificate revocation list (CRL) could not be obtained.</source>
        <translation>証明書失効リスト（CRL）を取得できませんでした。</translation>
    </message>
    <message>
        <source>The certificate revocation list (CRL) is damaged, out of date or not from the issuer.</source>
        <translation>証明書失効リスト（CRL）が壊れているか、期限切れか、発行者のものではありません。</translation>
    </message>
    <message>
        <source>A certificate names no OCSP responder or CRL, so its status cannot be kept for the future.</source>
        <translation>証明書に OCSP レスポンダも CRL も記載されていないため、失効状態を長期保存できません。</translation>
    </message>
    <message>
        <source>The document timestamp is damaged or does not cover the document.</source>
        <translation>ドキュメントタイムスタンプが壊れているか、文書と一致しません。</translation>
    </message>
    <message>
        <source>Unknown seal placement (page first or last; corner bottom-right, bottom-left, top-right or top-left).</source>
        <translation>印影の押印位置が正しくありません（ページは先頭または最終、位置は右下・左下・右上・左上）。</translation>
    </message>
    <message>
        <source>An earlier signature locked the PDF document or the field to be signed.</source>
        <translation>以前の署名により、PDF 文書または署名するフィールドがロックされています。</translation>
    </message>
    <message>
        <source>The signature does not reach the level this server requires (a timestamp or validation data is missing).</source>
        <translation>署名がこのサーバーの求める署名レベルに達していません（タイムスタンプまたは検証情報がありません）。</translation>
    </message>
    <message>
        <source>A timestamp in the uploaded file is not valid or does not come from this server&apos;s timestamp authority.</source>
        <translation>アップロードされたファイルのタイムスタンプが無効か、このサーバーのタイムスタンプ局が発行したものではありません。</translation>
    </message>
    <message>
        <source>At the date asked for, nothing in the file proves that this signature or timestamp existed while its certificates were valid.</source>
        <translation>指定された日付の時点で、この署名またはタイムスタンプが証明書の有効期間内に存在したことをファイル内の情報から証明できません。</translation>
    </message>
    <message>
        <source>The timestamp authority&apos;s certificate does not outlast the document&apos;s newest archive timestamp, so a renewal would not extend it.</source>
        <translation>タイムスタンプ局の証明書の期限が文書の最新のアーカイブタイムスタンプより後ではないため、更新しても有効期限が延びません。</translation>
    </message>
    <message>
        <source>A stored file version is missing or does not match its SHA-256.</source>
        <translation>保存されているファイルの版が見つからないか、SHA-256 と一致しません。</translation>
    </message>
    <message>
        <source>A provisioned CA, TSA or OCSP key or certificate is missing or does not fit.</source>
        <translation>配布された認証局・TSA・OCSP の鍵または証明書が見つからないか、対応していません。</translation>
    </message>
    <message>
        <source>A signature box is for a user who may not sign this file.</source>
        <translation>署名欄の署名者に、このファイルの署名権限がありません。</translation>
    </message>
    <message>
        <source>A signature box is for a signer who has already signed this file.</source>
        <translation>署名欄の署名者は、このファイルにすでに署名しています。</translation>
    </message>
    <message>
        <source>Every signer has signed this file; signature boxes can no longer be placed.</source>
        <translation>全員が署名済みのため、署名欄を配置できません。</translation>
    </message>
    <message>
        <source>The document already has a field of that name; a placed signature box cannot be moved or placed again.</source>
        <translation>同じ名前のフィールドが文書にすでにあります。配置済みの署名欄は移動・再配置できません。</translation>
    </message>
    <message>
        <source>A signature box is placed for you in this file; your signature must fill that box.</source>
        <translation>このファイルにはあなたの署名欄が配置されています。その署名欄に署名してください。</translation>
    </message>
    <message>
        <source>The signature fills a signature box placed for another signer.</source>
        <translation>他の署名者のために配置された署名欄に署名しています。</translation>
    </message>
    <message>
        <source>The signature field has no widget or several: only a field shown in exactly one place can be signed.</source>
        <translation>署名欄にウィジェットがないか、複数あります。ちょうど1か所に表示される署名欄だけに署名できます。</translation>
    </message>
    <message>
        <source>The field of that name is not a signature field.</source>
        <translation>その名前のフィールドは署名欄ではありません。</translation>
    </message>
    <message>
        <source>The request must state its body length (Content-Length); Transfer-Encoding is not accepted.</source>
        <translation>要求には本文の長さ（Content-Length）が必要です。Transfer-Encoding は受け付けません。</translation>
    </message>
</context>
<context>
    <name>FileSource</name>
    <message>
        <source>Pending</source>
        <translation>未処理</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>処理済</translation>
    </message>
    <message>
        <source>All data</source>
        <translation>全データ</translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>Signing in progress</source>
        <translation>署名中</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>署名済</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>an unknown signer</source>
        <translation>不明な署名者</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>日時不明</translation>
    </message>
    <message>
        <source>You may view this file but you are not one of its signers.</source>
        <translation>このファイルは閲覧のみ可能で、あなたは署名者ではありません。</translation>
    </message>
    <message>
        <source>You have already signed this file.</source>
        <translation>このファイルには署名済みです。</translation>
    </message>
    <message>
        <source>It is not your turn yet: the signers before you in the signing order must sign this file first.</source>
        <translation>まだあなたの順番ではありません。署名順で前の署名者が先に署名する必要があります。</translation>
    </message>
    <message>
        <source>The document is protected by a password that is needed to open it. Enter the document&apos;s password to sign it.</source>
        <translation>この文書は開くためのパスワードで保護されています。署名するには文書のパスワードを入力してください。</translation>
    </message>
    <message>
        <source>The password entered for this document is wrong; the document was not signed.</source>
        <translation>入力された文書のパスワードが正しくないため、署名しませんでした。</translation>
    </message>
    <message>
        <source>The document&apos;s encryption cannot be opened here, so it cannot be signed.</source>
        <translation>この文書の暗号化はここでは開けないため、署名できません。</translation>
    </message>
    <message>
        <source>The document&apos;s security settings, chosen by its author, allow neither form filling nor signing. It cannot be signed unless the author sends a version that allows it.</source>
        <translation>作成者が設定したセキュリティにより、フォーム入力も署名も許可されていません。許可された版を作成者から受け取らない限り署名できません。</translation>
    </message>
    <message>
        <source>The document is encrypted but opens without a password (its author restricted, for example, printing or editing). Signing is allowed: the signature is encrypted with the document&apos;s own key and the restrictions stay as they are.</source>
        <translation>この文書は暗号化されていますが、パスワードなしで開けます（作成者が印刷や編集などを制限しています）。署名は可能です。署名は文書自身の鍵で暗号化され、制限はそのまま残ります。</translation>
    </message>
    <message>
        <source>The document opens with the password you entered. The signature is encrypted with the document&apos;s own key; the password and the restrictions stay as they are.</source>
        <translation>入力したパスワードで文書を開けました。署名は文書自身の鍵で暗号化され、パスワードと制限はそのまま残ります。</translation>
    </message>
    <message>
        <source>The signatures already in the document cannot be read, so it cannot be signed safely.</source>
        <translation>文書内の既存の署名を読み取れないため、安全に署名できません。</translation>
    </message>
    <message>
        <source>The signature of %1 (%2) is NOT valid. Your signature does not repair it; ask the sender about the document before you sign it.</source>
        <translation>%1 の署名（%2）は有効ではありません。あなたが署名しても修復されません。署名する前に送付元に確認してください。</translation>
    </message>
    <message>
        <source>The signature of %1 (%2) is intact, but its certificate is not from an authority trusted here. Your signature is added after it and leaves it intact.</source>
        <translation>%1 の署名（%2）は改ざんされていませんが、その証明書はここで信頼されている認証局のものではありません。あなたの署名はその後に追加され、既存の署名はそのまま保たれます。</translation>
    </message>
    <message>
        <source>The signature of %1 (%2) is intact: the document has not been changed since. Your signature is added after it and leaves it intact.</source>
        <translation>%1 の署名（%2）は有効で、署名後に文書は変更されていません。あなたの署名はその後に追加され、既存の署名はそのまま保たれます。</translation>
    </message>
    <message>
        <source>The document&apos;s form cannot be read, so it cannot be signed.</source>
        <translation>文書のフォームを読み取れないため、署名できません。</translation>
    </message>
    <message>
        <source>The document&apos;s certification cannot be read, so it cannot be signed.</source>
        <translation>文書の証明を読み取れないため、署名できません。</translation>
    </message>
    <message>
        <source>The document is certified with “no changes allowed”: any signature added to it would invalidate the certification, so it cannot be signed.</source>
        <translation>この文書は「変更を許可しない」設定で証明されています。署名を追加すると証明が無効になるため、署名できません。</translation>
    </message>
    <message>
        <source>The document is certified and allows form filling and signing: your signature keeps the certification valid.</source>
        <translation>この文書は証明されており、フォーム入力と署名が許可されています。あなたの署名後も証明は有効です。</translation>
    </message>
    <message>
        <source>The document is certified and allows form filling, signing and comments: your signature keeps the certification valid.</source>
        <translation>この文書は証明されており、フォーム入力・署名・注釈が許可されています。あなたの署名後も証明は有効です。</translation>
    </message>
    <message>
        <source>Only the first signature of a document can certify it, and this document is already signed.</source>
        <translation>文書を証明できるのは最初の署名だけですが、この文書はすでに署名されています。</translation>
    </message>
    <message>
        <source>The signature in the field “%1” locked the whole document when it was signed: no further signature is allowed.</source>
        <translation>フィールド「%1」の署名は署名時に文書全体をロックしました。これ以上署名できません。</translation>
    </message>
    <message>
        <source>The field “%1” you would sign was locked by the signature in the field “%2”: signing it would invalidate that signature.</source>
        <translation>署名しようとしているフィールド「%1」はフィールド「%2」の署名によってロックされています。署名するとその署名が無効になります。</translation>
    </message>
    <message>
        <source>every form field</source>
        <translation>すべてのフォームフィールド</translation>
    </message>
    <message>
        <source>every form field except %1</source>
        <translation>%1 以外のすべてのフォームフィールド</translation>
    </message>
    <message>
        <source>The signature in the field “%1” locked %2. Your signature goes into a new field of its own and leaves the locked fields unchanged.</source>
        <translation>フィールド「%1」の署名は %2 をロックしています。あなたの署名は新しい専用のフィールドに入り、ロックされたフィールドは変更しません。</translation>
    </message>
    <message>
        <source>The signature in the field “%1” locked %2; the field you sign is not among them.</source>
        <translation>フィールド「%1」の署名は %2 をロックしていますが、あなたが署名するフィールドは含まれていません。</translation>
    </message>
    <message>
        <source>The document carries Adobe usage rights (extended features of Adobe Acrobat Reader, such as saving a filled-in form). Your signature adds a new signature field, a change these rights do not cover: after signing, Adobe Acrobat Reader will say that the document has been changed and that its extended features are no longer available. The signatures and the content are not affected, nor are Adobe Acrobat and other PDF software.</source>
        <translation>この文書には Adobe の使用権限（入力したフォームの保存など Adobe Acrobat Reader の拡張機能）が付いています。あなたの署名は新しい署名フィールドを追加しますが、これは使用権限の範囲外の変更です。署名後、Adobe Acrobat Reader は文書が変更されたため拡張機能は使用できないと表示します。署名と内容には影響せず、Adobe Acrobat やその他の PDF ソフトにも影響しません。</translation>
    </message>
    <message>
        <source>The document carries Adobe usage rights (extended features of Adobe Acrobat Reader, such as saving a filled-in form). Signing an existing signature field is usually within these rights, but Adobe Acrobat Reader may still withdraw its extended features after a signature made by other software. The signatures and the content are not affected.</source>
        <translation>この文書には Adobe の使用権限（入力したフォームの保存など Adobe Acrobat Reader の拡張機能）が付いています。既存の署名フィールドへの署名は通常この権限の範囲内ですが、他のソフトで署名した後に Adobe Acrobat Reader が拡張機能を無効にすることがあります。署名と内容には影響しません。</translation>
    </message>
    <message>
        <source>This is a PDF %1 document; the signature is added as an incremental update and the document stays PDF %1.</source>
        <translation>この文書は PDF %1 です。署名は増分更新として追加され、文書は PDF %1 のままです。</translation>
    </message>
    <message>
        <source>The document claims %1 conformance (long-term archiving). The claim and the document&apos;s metadata are kept unchanged.</source>
        <translation>この文書は %1（長期保存形式）への準拠を表明しています。表明と文書のメタデータは変更されません。</translation>
    </message>
    <message>
        <source>A visible seal would break the %1 claim (its font lacks what PDF/A-1 requires). Sign without a visible seal to keep the document PDF/A.</source>
        <translation>印影を付けると %1 への準拠が失われます（印影のフォントが PDF/A-1 の要件を満たしません）。PDF/A を保つには印影なしで署名してください。</translation>
    </message>
    <message>
        <source>The visible seal is drawn in RGB colours, but the document has no PDF/A output intent for them: the seal would break the %1 claim. Sign without a visible seal to keep the document PDF/A.</source>
        <translation>印影は RGB で描画されますが、この文書には対応する PDF/A 出力インテントがないため、印影を付けると %1 への準拠が失われます。PDF/A を保つには印影なしで署名してください。</translation>
    </message>
    <message>
        <source>The visible seal is drawn in RGB colours, but the document&apos;s PDF/A output intent is %2: the seal would break the %1 claim. Sign without a visible seal to keep the document PDF/A.</source>
        <translation>印影は RGB で描画されますが、この文書の PDF/A 出力インテントは %2 のため、印影を付けると %1 への準拠が失われます。PDF/A を保つには印影なしで署名してください。</translation>
    </message>
    <message>
        <source>The file cannot be read as a PDF document, so it cannot be signed.</source>
        <translation>このファイルは PDF 文書として読み取れないため、署名できません。</translation>
    </message>
    <message>
        <source>The document&apos;s catalog cannot be read, so it cannot be signed.</source>
        <translation>文書のカタログを読み取れないため、署名できません。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>パスワードが必要</translation>
    </message>
    <message>
        <source>Cannot be signed</source>
        <translation>署名できません</translation>
    </message>
</context>
<context>
    <name>SignatureInspector</name>
    <message>
        <source>Valid (TOTAL-PASSED)</source>
        <translation>有効（TOTAL-PASSED）</translation>
    </message>
    <message>
        <source>Indeterminate (INDETERMINATE)</source>
        <translation>判定不能（INDETERMINATE）</translation>
    </message>
    <message>
        <source>Invalid (TOTAL-FAILED)</source>
        <translation>無効（TOTAL-FAILED）</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>validation data and timestamps only</source>
        <translation>検証情報とタイムスタンプのみ</translation>
    </message>
    <message>
        <source>signing and form filling</source>
        <translation>署名とフォーム入力</translation>
    </message>
    <message>
        <source>annotations</source>
        <translation>注釈</translation>
    </message>
    <message>
        <source>changes no rule allows</source>
        <translation>許可されていない変更</translation>
    </message>
</context>
<context>
    <name>SigningCommands</name>
    <message>
        <source>New signing PIN (6-20 letters and digits): </source>
        <translation>新しい署名用暗証コード（半角英数字6～20文字）: </translation>
    </message>
    <message>
        <source>Confirm the new signing PIN: </source>
        <translation>新しい署名用暗証コードの確認入力: </translation>
    </message>
    <message>
        <source>Key store file to create.</source>
        <translation>作成する署名用証明書ファイル。</translation>
    </message>
    <message>
        <source>Make a self-signed certificate for local use.</source>
        <translation>ローカル利用のための自己署名証明書を作成します。</translation>
    </message>
    <message>
        <source>Romanized name (CN).</source>
        <translation>ローマ字氏名（CN）。</translation>
    </message>
    <message>
        <source>Romanized company (OU).</source>
        <translation>ローマ字会社名（OU）。</translation>
    </message>
    <message>
        <source>rsa2048 (default) or p256.</source>
        <translation>rsa2048（既定）または p256。</translation>
    </message>
    <message>
        <source>Read the PIN from stdin.</source>
        <translation>署名用暗証コードを標準入力から読み込みます。</translation>
    </message>
    <message>
        <source>Replace an existing key store.</source>
        <translation>既存の署名用証明書ファイルを置き換えます。</translation>
    </message>
    <message>
        <source>keystore create: --out FILE is required.</source>
        <translation>keystore create: --out ファイル を指定してください。</translation>
    </message>
    <message>
        <source>keystore create: certificates come from the server&apos;s certificate setup (ikkatsu-cli certificate-setup); use --self-signed for a local test key store.</source>
        <translation>keystore create: 証明書はサーバの署名用証明書セットアップ（ikkatsu-cli certificate-setup）で発行されます。ローカルの試験用には --self-signed を指定してください。</translation>
    </message>
    <message>
        <source>keystore create: --name NAME is required with --self-signed.</source>
        <translation>keystore create: --self-signed には --name 氏名 が必要です。</translation>
    </message>
    <message>
        <source>keystore create: unknown algorithm %1 (rsa2048 or p256).</source>
        <translation>keystore create: 不明なアルゴリズム %1 です（rsa2048 または p256）。</translation>
    </message>
    <message>
        <source>Created %1 (%2, self-signed for local use only)</source>
        <translation>%1 を作成しました（%2、ローカル利用専用の自己署名）</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>証明書: %1</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON で出力します。</translation>
    </message>
    <message>
        <source>Key store file.</source>
        <translation>署名用証明書ファイル。</translation>
    </message>
    <message>
        <source>keystore info: exactly one FILE is required.</source>
        <translation>keystore info: ファイルを1つだけ指定してください。</translation>
    </message>
    <message>
        <source>Key store: %1</source>
        <translation>署名用証明書ファイル: %1</translation>
    </message>
    <message>
        <source>Signing certificate:</source>
        <translation>署名用証明書:</translation>
    </message>
    <message>
        <source>Issuer certificate:</source>
        <translation>発行者の証明書:</translation>
    </message>
    <message>
        <source>  Serial number:  %1</source>
        <translation>  証明書シリアルナンバー: %1</translation>
    </message>
    <message>
        <source>  CN (signer):    %1</source>
        <translation>  CN:発行対象者:          %1</translation>
    </message>
    <message>
        <source>  OU (company):   %1</source>
        <translation>  OU:発行対象会社名:      %1</translation>
    </message>
    <message>
        <source>  OU (service):   %1</source>
        <translation>  OU:サービス名:          %1</translation>
    </message>
    <message>
        <source>  O (provider):   %1</source>
        <translation>  O:サービス提供会社名:   %1</translation>
    </message>
    <message>
        <source>  C (country):    %1</source>
        <translation>  C:国名:                 %1</translation>
    </message>
    <message>
        <source>  Issuer:         %1</source>
        <translation>  発行者:                 %1</translation>
    </message>
    <message>
        <source>  Valid from:     %1</source>
        <translation>  有効期限開始日時:       %1</translation>
    </message>
    <message>
        <source>  Valid until:    %1</source>
        <translation>  有効期限終了日時:       %1</translation>
    </message>
    <message>
        <source>  SHA-256:        %1</source>
        <translation>  SHA-256:                %1</translation>
    </message>
    <message>
        <source>  Self-signed: for local use only, not issued by the Ikkatsu CA.</source>
        <translation>  自己署名: ローカル利用専用です。Ikkatsu の認証局が発行したものではありません。</translation>
    </message>
    <message>
        <source>Read the current and the new PIN from stdin, one per line.</source>
        <translation>現在と新しい署名用暗証コードを標準入力から1行ずつ読み込みます。</translation>
    </message>
    <message>
        <source>keystore change-pin: exactly one FILE is required.</source>
        <translation>keystore change-pin: ファイルを1つだけ指定してください。</translation>
    </message>
    <message>
        <source>Current signing PIN: </source>
        <translation>現在の署名用暗証コード: </translation>
    </message>
    <message>
        <source>The signing PIN of %1 was changed.</source>
        <translation>%1 の署名用暗証コードを変更しました。</translation>
    </message>
    <message>
        <source>keystore: expected create, info or change-pin.</source>
        <translation>keystore: create、info、change-pin のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Reason (/Reason).</source>
        <translation>署名の理由（/Reason）。</translation>
    </message>
    <message>
        <source>Location (/Location).</source>
        <translation>署名の場所（/Location）。</translation>
    </message>
    <message>
        <source>Write signed files into DIR.</source>
        <translation>署名済みファイルをディレクトリに書き出します。</translation>
    </message>
    <message>
        <source>Write signed files beside the inputs, with SUFFIX.</source>
        <translation>署名済みファイルを入力と同じ場所に、接尾辞を付けて書き出します。</translation>
    </message>
    <message>
        <source>Parallel signing threads (default: all cores).</source>
        <translation>並列に署名するスレッド数（既定: 全コア）。</translation>
    </message>
    <message>
        <source>PDF files to sign.</source>
        <translation>署名する PDF ファイル。</translation>
    </message>
    <message>
        <source>sign: --keystore FILE, exactly one of --out-dir DIR or --suffix SUFFIX, and at least one FILE are required.</source>
        <translation>sign: --keystore ファイル、--out-dir または --suffix のどちらか一方、および1つ以上のファイルを指定してください。</translation>
    </message>
    <message>
        <source>sign: --suffix must not be empty (the input is never overwritten).</source>
        <translation>sign: --suffix は空にできません（入力ファイルは上書きしません）。</translation>
    </message>
    <message>
        <source>sign: --jobs takes a whole number.</source>
        <translation>sign: --jobs には整数を指定してください。</translation>
    </message>
    <message>
        <source>Signing PIN: </source>
        <translation>署名用暗証コード: </translation>
    </message>
    <message>
        <source>OK    %1 -&gt; %2</source>
        <translation>OK    %1 -&gt; %2</translation>
    </message>
    <message>
        <source>FAIL  %1: %2</source>
        <translation>FAIL  %1: %2</translation>
    </message>
    <message>
        <source>Signed %1 of %2 files in %3 s (%4 files/s, %5 MB/s).</source>
        <translation>%2 件中 %1 件に署名しました（%3 秒、%4 件/秒、%5 MB/秒）。</translation>
    </message>
    <message>
        <source>Trusted certificate (PEM or DER); repeatable.</source>
        <translation>信頼する証明書（PEM または DER）。複数指定できます。</translation>
    </message>
    <message>
        <source>PDF files to verify.</source>
        <translation>検証する PDF ファイル。</translation>
    </message>
    <message>
        <source>verify: at least one FILE is required.</source>
        <translation>verify: 1つ以上のファイルを指定してください。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n signature(s), %2 revision(s)</source>
        <translation>
            <numerusform>%1: 署名 %n 件、版 %2 件</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>    Signer:       %1</source>
        <translation>    署名者:       %1</translation>
    </message>
    <message>
        <source>    Signing time: %1 (claimed by the signer)</source>
        <translation>    署名日時:     %1（署名者の申告）</translation>
    </message>
    <message>
        <source>    SubFilter:    %1</source>
        <translation>    SubFilter:    %1</translation>
    </message>
    <message>
        <source>    Reason:       %1</source>
        <translation>    理由:         %1</translation>
    </message>
    <message>
        <source>    Location:     %1</source>
        <translation>    場所:         %1</translation>
    </message>
    <message>
        <source>    Covers the whole document.</source>
        <translation>    文書全体に署名されています。</translation>
    </message>
    <message>
        <source>    Covers revision ending at byte %1; %2 later revision(s) follow.</source>
        <translation>    %1 バイト目で終わる版に署名されています。その後に %2 件の版が追加されています。</translation>
    </message>
    <message>
        <source>    Problem:      %1</source>
        <translation>    問題:         %1</translation>
    </message>
    <message>
        <source>error-codes: the only option is --markdown.</source>
        <translation>error-codes: 指定できるオプションは --markdown のみです。</translation>
    </message>
    <message>
        <source>Make a certification signature allowing later: 1 nothing, 2 form filling and signing, 3 also annotations.</source>
        <translation>証明署名（DocMDP）を作成します。後から許可する変更：1 なし、2 フォーム入力と署名、3 注釈も。</translation>
    </message>
    <message>
        <source>sign: --certify takes 1, 2 or 3.</source>
        <translation>sign: --certify には 1、2、3 のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>    Indication:   %1%2</source>
        <translation>    判定:         %1%2</translation>
    </message>
    <message>
        <source>    Certifies the document (DocMDP P=%1).</source>
        <translation>    文書を証明しています（DocMDP P=%1）。</translation>
    </message>
    <message>
        <source>    Later changes: %1 (allowed: %2)</source>
        <translation>    署名後の変更: %1（許可: %2）</translation>
    </message>
    <message>
        <source>    Not allowed:  object %1 (%2): %3</source>
        <translation>    許可されない変更: オブジェクト %1（%2）: %3</translation>
    </message>
    <message>
        <source>    Level:        %1</source>
        <translation>    レベル:       %1</translation>
    </message>
    <message>
        <source>    Timestamp:    %1 (proven by the timestamp authority)</source>
        <translation>    タイムスタンプ: %1（タイムスタンプ局が証明）</translation>
    </message>
    <message>
        <source>    Timestamp problem: %1</source>
        <translation>    タイムスタンプの問題: %1</translation>
    </message>
    <message>
        <source>Read the user password of encrypted PDFs from stdin (after the PIN line when --pin-stdin is given).</source>
        <translation>暗号化された PDF のパスワードを標準入力から読み取ります（--pin-stdin を指定した場合は PIN の行の次）。</translation>
    </message>
    <message>
        <source>sign: --password-stdin found no password line on stdin.</source>
        <translation>sign: --password-stdin を指定しましたが、標準入力にパスワードの行がありません。</translation>
    </message>
    <message>
        <source>Visible seal (印影): round (丸印), date (日付印), square (角印) or text.</source>
        <translation>見える印影: round（丸印）、date（日付印）、square（角印）または text。</translation>
    </message>
    <message>
        <source>Name on the seal (default: the certificate&apos;s name; round: 1-4 characters).</source>
        <translation>印影の氏名（既定: 証明書の名前。丸印は1〜4文字）。</translation>
    </message>
    <message>
        <source>Company on a date or square seal (default: the certificate&apos;s company).</source>
        <translation>日付印・角印の会社名（既定: 証明書の会社名）。</translation>
    </message>
    <message>
        <source>Page of the seal: a number from 1, or last (default 1).</source>
        <translation>印影を置くページ: 1から始まる番号、または last（既定 1）。</translation>
    </message>
    <message>
        <source>Seal rectangle X1,Y1,X2,Y2 in PDF points (default: bottom right).</source>
        <translation>印影の矩形 X1,Y1,X2,Y2（PDFポイント。既定: 右下）。</translation>
    </message>
    <message>
        <source>Sign into this existing empty signature field (the seal fills its rectangle).</source>
        <translation>既存の空の署名欄に署名します（印影はその矩形に収まります）。</translation>
    </message>
    <message>
        <source>sign: --field places the seal in the field&apos;s own rectangle; --page and --rect do not apply.</source>
        <translation>sign: --field では印影は署名欄の矩形に置かれます。--page と --rect は使えません。</translation>
    </message>
    <message>
        <source>sign: --seal-name, --seal-company, --page and --rect need --seal STYLE.</source>
        <translation>sign: --seal-name、--seal-company、--page、--rect には --seal STYLE が必要です。</translation>
    </message>
    <message>
        <source>PAdES level: B-B; B-T with a timestamp from --tsa; B-LT adds OCSP/CRL validation data; B-LTA also a document timestamp (default B-B).</source>
        <translation>PAdES レベル: B-B、B-T（--tsa のタイムスタンプ付き）、B-LT（OCSP/CRL の検証情報を追加）、B-LTA（さらにドキュメントタイムスタンプを追加）（既定 B-B）。</translation>
    </message>
    <message>
        <source>RFC 3161 timestamp authority URL (for B-T, B-LT and B-LTA).</source>
        <translation>RFC 3161 タイムスタンプ局の URL（B-T、B-LT、B-LTA 用）。</translation>
    </message>
    <message>
        <source>sign: --level %1 needs --tsa with an http(s) URL.</source>
        <translation>sign: --level %1 には http(s) の URL を指定した --tsa が必要です。</translation>
    </message>
    <message>
        <source>    Document timestamp by: %1</source>
        <translation>    ドキュメントタイムスタンプ発行者: %1</translation>
    </message>
    <message>
        <source>    Valid until:  %1 (when the newest timestamp&apos;s certificate expires)</source>
        <translation>    検証可能期限: %1（最新のタイムスタンプの証明書の有効期限）</translation>
    </message>
    <message>
        <source>Corner of the seal on the first or last page, as a user&apos;s default placement: bottom-right, bottom-left, top-right or top-left (an empty field named by --field is filled instead when a file has one).</source>
        <translation>印影を押す先頭または最終ページの隅（利用者の既定の押印位置）：bottom-right、bottom-left、top-right、top-left（--field で指定した空の署名欄があるファイルはその欄に押印）。</translation>
    </message>
    <message>
        <source>sign: --corner needs --seal, no --rect, and --page 1 or last.</source>
        <translation>sign: --corner には --seal が必要で、--rect は指定できず、--page は 1 または last です。</translation>
    </message>
    <message>
        <source>Validate as of this date (00:00 UTC), past or future, with only what the file holds.</source>
        <translation>この日付（UTC 0時）時点で、ファイルの内容だけで検証します（過去・未来とも指定できます）。</translation>
    </message>
    <message>
        <source>verify: --at takes a date as YYYY-MM-DD.</source>
        <translation>verify: --at には日付を YYYY-MM-DD 形式で指定してください。</translation>
    </message>
    <message>
        <source>  Validated as of %1 with only what the file holds.</source>
        <translation>  %1 時点で、ファイルの内容だけで検証しました。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::AllResultsPage</name>
    <message>
        <source>File registration</source>
        <translation>ファイル登録</translation>
    </message>
    <message>
        <source>View</source>
        <translation>閲覧</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <source>Everyone&apos;s processing results</source>
        <translation>全員の処理結果</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV出力...</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ユーザID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザ名</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>フォルダ名</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>エラーコード</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <source>Export processing results as CSV</source>
        <translation>処理結果をCSVで出力</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::AuditTrailPage</name>
    <message>
        <source>User registration</source>
        <translation>ユーザ登録</translation>
    </message>
    <message>
        <source>User information change</source>
        <translation>ユーザ情報変更</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>ユーザ無効化</translation>
    </message>
    <message>
        <source>Enable user</source>
        <translation>ユーザ有効化</translation>
    </message>
    <message>
        <source>Password reissue</source>
        <translation>パスワード再発行</translation>
    </message>
    <message>
        <source>Certificate revocation</source>
        <translation>証明書失効</translation>
    </message>
    <message>
        <source>Folder creation</source>
        <translation>フォルダ作成</translation>
    </message>
    <message>
        <source>File registration</source>
        <translation>ファイル登録</translation>
    </message>
    <message>
        <source>Permission change</source>
        <translation>権限変更</translation>
    </message>
    <message>
        <source>Version download</source>
        <translation>版のダウンロード</translation>
    </message>
    <message>
        <source>Processing results CSV export</source>
        <translation>処理結果CSV出力</translation>
    </message>
    <message>
        <source>Audit trail CSV export</source>
        <translation>操作履歴CSV出力</translation>
    </message>
    <message>
        <source>Admin function refused</source>
        <translation>管理機能の拒否</translation>
    </message>
    <message>
        <source>Mail delivery failure</source>
        <translation>メール送信失敗</translation>
    </message>
    <message>
        <source>Initial administrator creation</source>
        <translation>初期管理者作成</translation>
    </message>
    <message>
        <source>Login failure (unknown user ID)</source>
        <translation>ログイン失敗（ユーザID不明）</translation>
    </message>
    <message>
        <source>Login failure (wrong password)</source>
        <translation>ログイン失敗（パスワード誤り）</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>ログイン拒否</translation>
    </message>
    <message>
        <source>Password confirmed</source>
        <translation>パスワード確認</translation>
    </message>
    <message>
        <source>Wrong one-time password</source>
        <translation>ワンタイムパスワード誤り</translation>
    </message>
    <message>
        <source>One-time password resent</source>
        <translation>ワンタイムパスワード再送信</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Automatic lock</source>
        <translation>自動ロック</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>Password change</source>
        <translation>パスワード変更</translation>
    </message>
    <message>
        <source>Password change failure</source>
        <translation>パスワード変更失敗</translation>
    </message>
    <message>
        <source>Certificate issue</source>
        <translation>証明書発行</translation>
    </message>
    <message>
        <source>View-only chosen</source>
        <translation>閲覧のみを選択</translation>
    </message>
    <message>
        <source>Certificate issue refused</source>
        <translation>証明書発行拒否</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>操作履歴</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV出力...</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Target user</source>
        <translation>対象ユーザ</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Connected from</source>
        <translation>接続元</translation>
    </message>
    <message>
        <source>Export the audit trail as CSV</source>
        <translation>操作履歴をCSVで出力</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>ユーザ名</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>name in roman letters</source>
        <translation>ローマ字氏名</translation>
    </message>
    <message>
        <source>company name in roman letters</source>
        <translation>ローマ字会社名</translation>
    </message>
    <message>
        <source>mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>login expiry</source>
        <translation>ログイン有効期限</translation>
    </message>
    <message>
        <source>role</source>
        <translation>権限</translation>
    </message>
    <message>
        <source>e-signature permission</source>
        <translation>電子署名の可否</translation>
    </message>
    <message>
        <source>key compromise</source>
        <translation>鍵の危殆化</translation>
    </message>
    <message>
        <source>affiliation changed</source>
        <translation>所属の変更</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>証明書の更新</translation>
    </message>
    <message>
        <source>cessation of operation</source>
        <translation>利用の終了</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>理由の指定なし</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>user</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>可</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>不可</translation>
    </message>
    <message>
        <source>File ID</source>
        <translation>ファイルID</translation>
    </message>
    <message>
        <source>Folder ID</source>
        <translation>フォルダID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>閲覧者</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>署名者</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>証明書シリアルナンバー</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>権限</translation>
    </message>
    <message>
        <source>E-signature</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>変更した項目: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong password(s) in a row</source>
        <translation>
            <numerusform>パスワードを %n 回続けて誤入力</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused request: %1</source>
        <translation>拒否された要求: %1</translation>
    </message>
    <message>
        <source>Mail not delivered: %1</source>
        <translation>メール送信失敗: %1</translation>
    </message>
    <message>
        <source>registration mails</source>
        <translation>ユーザ登録のご連絡メール</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n person(s)</source>
        <translation>
            <numerusform>%1: %n 名</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Seal settings change</source>
        <translation>印影設定の変更</translation>
    </message>
    <message>
        <source>Archive timestamp renewal</source>
        <translation>アーカイブタイムスタンプ更新</translation>
    </message>
    <message>
        <source>Signature box placement</source>
        <translation>署名欄の配置</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::BatchSignDialog</name>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>ダウンロード中</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>署名中</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>アップロード中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Batch e-signature</source>
        <translation>一括電子署名</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>フォルダ名</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>%1 files selected: %2 will be signed, %3 skipped.</source>
        <translation>選択されたファイル %1 件: %2 件に署名し、%3 件はスキップします。</translation>
    </message>
    <message>
        <source>Signing PIN</source>
        <translation>署名用暗証コード</translation>
    </message>
    <message>
        <source>The PIN is asked once for the whole batch.</source>
        <translation>暗証コードの入力は一括処理全体で1回だけです。</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>電子署名を実行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message numerus="yes">
        <source>Signing %n file(s) on this computer…</source>
        <translation>
            <numerusform>この端末で %n 件のファイルに署名しています…</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished: %1 signed, %2 failed, %3 skipped, %4 cancelled.</source>
        <translation>終了しました: 署名 %1 件、失敗 %2 件、スキップ %3 件、キャンセル %4 件。</translation>
    </message>
    <message>
        <source>Cancelling: files already under way are finished or left untouched…</source>
        <translation>キャンセルしています: 処理中のファイルは完了するか、元のまま残ります…</translation>
    </message>
    <message>
        <source>Completed (signed: every signature is in)</source>
        <translation>完了（署名済：全員の署名がそろいました）</translation>
    </message>
    <message>
        <source>Completed (signing: other signers remain)</source>
        <translation>完了（署名中：他の署名者の署名待ち）</translation>
    </message>
    <message>
        <source>Before signing</source>
        <translation>署名前の確認</translation>
    </message>
    <message numerus="yes">
        <source>Checking the %n file(s) before signing…</source>
        <translation>
            <numerusform>署名前に %n 件のファイルを確認しています…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to report: the signature is added as it is.</source>
        <translation>特記事項はありません。そのまま署名を追加します。</translation>
    </message>
    <message>
        <source>Cannot be signed (%1): %2</source>
        <translation>署名できません（%1）：%2</translation>
    </message>
    <message>
        <source>Document password</source>
        <translation>文書のパスワード</translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Enter the password that opens the document to sign it, or skip this file.</source>
        <translation>「%1」はパスワードで保護されています。署名するには文書を開くパスワードを入力するか、このファイルをスキップしてください。</translation>
    </message>
    <message>
        <source>Use this password</source>
        <translation>このパスワードを使用</translation>
    </message>
    <message>
        <source>Skip this file</source>
        <translation>このファイルをスキップ</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::CertificateSetupWizard</name>
    <message>
        <source>Signing certificate setup</source>
        <translation>署名用証明書セットアップ</translation>
    </message>
    <message>
        <source>To sign electronically, a signing certificate and its PIN must be registered.</source>
        <translation>電子署名を行うには、署名用証明書の暗証コード登録が必要となります。</translation>
    </message>
    <message>
        <source>Whether you sign electronically</source>
        <translation>電子署名の実施要否</translation>
    </message>
    <message>
        <source>Sign electronically</source>
        <translation>電子署名を行う</translation>
    </message>
    <message>
        <source>Do not sign electronically</source>
        <translation>電子署名を行わない</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Confirm your user information</source>
        <translation>ユーザ情報の確認</translation>
    </message>
    <message>
        <source>Check that your user information is correct and click [Next].</source>
        <translation>ユーザ情報が正しいことを確認し、[次へ]をクリックしてください。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザ名</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation>ローマ字氏名</translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation>ローマ字会社名</translation>
    </message>
    <message>
        <source>* If anything is wrong, ask your administrator to change your user information.</source>
        <translation>※誤りがある場合は管理者にユーザ情報の変更を依頼してください。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Issuing your signing certificate</source>
        <translation>署名用証明書の発行</translation>
    </message>
    <message>
        <source>Please wait until the next screen appears. (Switching screens may take some time.)</source>
        <translation>次の画面が表示されるまでお待ちください。(画面が切り替わるまで、時間がかかる場合があります)</translation>
    </message>
    <message>
        <source>Generating your key pair on this computer</source>
        <translation>この端末で鍵ペアを生成しています</translation>
    </message>
    <message>
        <source>Sending the certificate signing request (your private key stays here)</source>
        <translation>証明書発行要求(CSR)を送信しています(秘密鍵はこの端末から出ません)</translation>
    </message>
    <message>
        <source>Receiving your signing certificate</source>
        <translation>署名用証明書を受け取っています</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>STEP2 Initial setting of the signing PIN</source>
        <translation>STEP2 署名用暗証コードの初期設定</translation>
    </message>
    <message>
        <source>A signing certificate has been issued with the content below. Check the &quot;Signing certificate information&quot;; if it is correct, enter the signing PIN and click the &quot;Register&quot; button. If anything is wrong, ask your administrator to change your user information.</source>
        <translation>以下の内容で、署名用証明書が発行されています。「署名用証明書情報」欄の内容を確認し、誤りがなければ署名用暗証コードの入力後、「登録」ボタンをクリックしてください。誤りがある場合は、管理者にユーザ情報の変更を依頼してください。</translation>
    </message>
    <message>
        <source>User information</source>
        <translation>ユーザ情報</translation>
    </message>
    <message>
        <source>Signing PIN entry</source>
        <translation>署名用暗証コード入力欄</translation>
    </message>
    <message>
        <source>The signing PIN is a password that prevents a third party from signing electronically in your place. Enter something only you know.</source>
        <translation>署名用暗証コードは、第3者がご利用者様になりすまして電子署名を行うのを防ぐためのパスワードです。本人しか知りえない情報を入力してください。</translation>
    </message>
    <message>
        <source>New signing PIN</source>
        <translation>新しい署名用暗証コード</translation>
    </message>
    <message>
        <source>Confirm the new signing PIN</source>
        <translation>新しい署名用暗証コードの確認入力</translation>
    </message>
    <message>
        <source>* Enter the signing PIN with 6 to 20 half-width letters and digits.</source>
        <translation>※署名用暗証コードは半角英数6文字以上20文字以下で入力してください。</translation>
    </message>
    <message>
        <source>* You cannot paste into the confirmation field.</source>
        <translation>※確認入力欄へは、コピー入力できません。</translation>
    </message>
    <message>
        <source>Signing certificate information</source>
        <translation>署名用証明書情報</translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation>証明書シリアルナンバー</translation>
    </message>
    <message>
        <source>CN: Subject</source>
        <translation>CN:発行対象者</translation>
    </message>
    <message>
        <source>OU: Subject company</source>
        <translation>OU:発行対象会社名</translation>
    </message>
    <message>
        <source>OU: Service name</source>
        <translation>OU:サービス名</translation>
    </message>
    <message>
        <source>O: Service provider</source>
        <translation>O:サービス提供会社名</translation>
    </message>
    <message>
        <source>C: Country</source>
        <translation>C:国名</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限終了日時</translation>
    </message>
    <message>
        <source>Important: the registered PIN is needed whenever you sign. Keep it safe and make sure no one else learns it.</source>
        <translation>重要: 登録された暗証コードは、電子契約(署名)を行う際に必要となりますので、大切に保管してください。他人に知られることが無いようご注意ください。</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>Signing PIN registration complete</source>
        <translation>署名用暗証コードの登録 完了</translation>
    </message>
    <message>
        <source>The signing certificate setup is complete.</source>
        <translation>署名用証明書のセットアップが完了しました。</translation>
    </message>
    <message>
        <source>Go to the next step</source>
        <translation>次の処理へ</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FileFilterPanel</name>
    <message>
        <source>My processing status</source>
        <translation>本人処理状況</translation>
    </message>
    <message>
        <source>Search target</source>
        <translation>検索対象</translation>
    </message>
    <message>
        <source>All files to process</source>
        <translation>全処理対象</translation>
    </message>
    <message>
        <source>Files to view</source>
        <translation>ファイル閲覧対象</translation>
    </message>
    <message>
        <source>Files to sign</source>
        <translation>電子署名対象</translation>
    </message>
    <message>
        <source>Signature status</source>
        <translation>電子署名実施状況</translation>
    </message>
    <message>
        <source>File registration date (*)</source>
        <translation>ファイル登録日(*)</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>フォルダ名</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>yyyy/MM/dd</source>
        <extracomment>Display format of the registration date fields (QDateTime format); the manual writes 2019年2月28日.</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FileListModel</name>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>フォルダ名</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>ファイル登録日</translation>
    </message>
    <message>
        <source>Signature status</source>
        <translation>電子署名実施状況</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>本人処理状況</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FileViewer</name>
    <message>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Valid (signer not trusted)</source>
        <translation>有効(署名者は信頼されていません)</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>View file</source>
        <translation>ファイル閲覧</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>ページ全体</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>署名者</translation>
    </message>
    <message>
        <source>Signing time</source>
        <translation>署名日時</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>検証結果</translation>
    </message>
    <message>
        <source>View file - %1</source>
        <translation>ファイル閲覧 - %1</translation>
    </message>
    <message>
        <source>Verifying signatures…</source>
        <translation>電子署名を検証しています…</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由: %1</translation>
    </message>
    <message>
        <source>This file has no signature.</source>
        <translation>このファイルには電子署名がありません。</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>判定：%1</translation>
    </message>
    <message>
        <source>Certification signature (DocMDP P=%1)</source>
        <translation>証明署名（DocMDP P=%1）</translation>
    </message>
    <message>
        <source>Changes after signing: %1 (allowed: %2)</source>
        <translation>署名後の変更：%1（許可：%2）</translation>
    </message>
    <message>
        <source>Not allowed: object %1 (%2): %3</source>
        <translation>許可されない変更：オブジェクト %1（%2）：%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Signer: %1</source>
        <translation>署名者: %1</translation>
    </message>
    <message>
        <source>Certificate issuer: %1</source>
        <translation>証明書の発行者: %1</translation>
    </message>
    <message>
        <source>Certificate serial number: %1</source>
        <translation>証明書シリアルナンバー: %1</translation>
    </message>
    <message>
        <source>Certificate validity: %1 to %2</source>
        <translation>証明書の有効期間: %1 〜 %2</translation>
    </message>
    <message>
        <source>Signing time: %1</source>
        <translation>署名日時: %1</translation>
    </message>
    <message>
        <source>Changes after this signature: none</source>
        <translation>署名後の変更: なし</translation>
    </message>
    <message numerus="yes">
        <source>Changes after this signature: %n revision(s) added</source>
        <translation>
            <numerusform>署名後の変更: %n 回の追記</numerusform>
        </translation>
    </message>
    <message>
        <source>Document timestamp (keeps the signatures before it verifiable)</source>
        <translation>ドキュメントタイムスタンプ（それ以前の署名を検証可能に保ちます）</translation>
    </message>
    <message>
        <source>Timestamp authority: %1</source>
        <translation>タイムスタンプ局: %1</translation>
    </message>
    <message>
        <source>Time proven: %1</source>
        <translation>証明された時刻: %1</translation>
    </message>
    <message>
        <source>Verifiable until: %1</source>
        <translation>検証可能期限: %1</translation>
    </message>
    <message>
        <source>Signature level: PAdES %1</source>
        <translation>署名レベル: PAdES %1</translation>
    </message>
    <message>
        <source>Timestamp: %1 (proven by the timestamp authority)</source>
        <translation>タイムスタンプ: %1（タイムスタンプ局が証明した時刻）</translation>
    </message>
    <message>
        <source>Document timestamp (%1)</source>
        <translation>ドキュメントタイムスタンプ（%1）</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::FilesPage</name>
    <message>
        <source>Folder and file management</source>
        <translation>フォルダ・ファイル管理</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <source>New folder name</source>
        <translation>新しいフォルダ名</translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation>フォルダ作成</translation>
    </message>
    <message>
        <source>View permission</source>
        <translation>参照権限</translation>
    </message>
    <message>
        <source>User IDs, separated by commas</source>
        <translation>ユーザID（カンマ区切り）</translation>
    </message>
    <message>
        <source>Sign permission</source>
        <translation>署名権限</translation>
    </message>
    <message>
        <source>User ID of a required signer</source>
        <translation>署名者のユーザID</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Sign in the order of this list</source>
        <translation>この順番で署名する</translation>
    </message>
    <message>
        <source>PDF files to register</source>
        <translation>登録するPDFファイル</translation>
    </message>
    <message>
        <source>Drop PDF files onto this page, or choose them.</source>
        <translation>PDFファイルをこの画面にドロップするか、選択してください。</translation>
    </message>
    <message>
        <source>Choose files...</source>
        <translation>ファイル選択...</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>Registration result</source>
        <translation>登録結果</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Files of the folder</source>
        <translation>フォルダ内のファイル</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>フォルダ名</translation>
    </message>
    <message>
        <source>File registration date</source>
        <translation>ファイル登録日</translation>
    </message>
    <message>
        <source>Signature status</source>
        <translation>電子署名実施状況</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>署名済</translation>
    </message>
    <message>
        <source>Signing order</source>
        <translation>署名順</translation>
    </message>
    <message>
        <source>Signers of the selected file</source>
        <translation>選択したファイルの署名者</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>順番</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ユーザID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザ名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n file(s))</source>
        <translation>
            <numerusform>%1（%n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder %1 was created.</source>
        <translation>フォルダ「%1」を作成しました。</translation>
    </message>
    <message>
        <source>Choose PDF files to register</source>
        <translation>登録するPDFファイルを選択</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message numerus="yes">
        <source>Registering %n file(s)...</source>
        <translation>
            <numerusform>%n 件のファイルを登録しています...</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登録済</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were registered.</source>
        <translation>
            <numerusform>%n 件のファイルを登録しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 file(s) were registered; %2 were refused (see the codes).</source>
        <translation>%1 件を登録しました。%2 件は登録できませんでした（エラーコードを確認してください）。</translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>署名中</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>順番指定あり</translation>
    </message>
    <message>
        <source>Any order</source>
        <translation>順不同</translation>
    </message>
    <message>
        <source>No files</source>
        <translation>ファイルはありません</translation>
    </message>
    <message>
        <source>%1-%2 of %3</source>
        <translation>%3 件中 %1〜%2 件</translation>
    </message>
    <message>
        <source>Signed (%1)</source>
        <translation>署名済（%1）</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>View permission: %1</source>
        <translation>参照権限: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message numerus="yes">
        <source>Register %n file(s)</source>
        <translation>
            <numerusform>%n 件を登録</numerusform>
        </translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Download...</source>
        <translation>ダウンロード...</translation>
    </message>
    <message>
        <source>Save version %1 of %2</source>
        <translation>%2 の第 %1 版を保存</translation>
    </message>
    <message>
        <source>Version %1 was saved to %2.</source>
        <translation>第 %1 版を %2 に保存しました。</translation>
    </message>
    <message>
        <source>Change viewers and signers...</source>
        <translation>閲覧者・署名者の変更...</translation>
    </message>
    <message>
        <source>The viewers and signers of %1 were changed.</source>
        <translation>%1 の閲覧者・署名者を変更しました。</translation>
    </message>
    <message>
        <source>Place signature boxes...</source>
        <translation>署名欄の配置...</translation>
    </message>
    <message>
        <source>The signature boxes of %1 were saved as a new version.</source>
        <translation>%1 の署名欄を保存しました（新しい版）。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::LoginPage</name>
    <message>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Enter the user ID and password given to you by your administrator.</source>
        <translation>管理者から通知されたユーザIDとパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバ</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ユーザID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Entering a wrong user ID or password a certain number of times locks the account. If an error screen appears, tell your administrator its error code.</source>
        <translation>ユーザID・パスワードを一定回数間違えると、アカウントがロックされます。エラー画面が表示された場合はエラーコードとともに管理者へご連絡ください。</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>管理者により設定されています</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>ログイン中…</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::MainWindow</name>
    <message>
        <source>Ikkatsu batch e-signature</source>
        <translation>Ikkatsu 一括電子署名</translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation>ログアウトしました。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::MyPage</name>
    <message>
        <source>Target:</source>
        <translation>対象:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>条件:</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>■File information list</source>
        <translation>■ファイル情報リスト</translation>
    </message>
    <message>
        <source>⚠ No matching data exists.</source>
        <translation>⚠ 該当するデータが存在しません。</translation>
    </message>
    <message>
        <source>Shows the files on which you have view or sign permission.</source>
        <translation>ログインユーザが参照権限または署名権限を持つファイルを表示します。</translation>
    </message>
    <message>
        <source>View file</source>
        <translation>ファイル閲覧</translation>
    </message>
    <message>
        <source>Batch e-signature</source>
        <translation>一括電子署名</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>%1 items, showing %2–%3</source>
        <translation>全 %1 件中 %2〜%3 件</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message numerus="yes">
        <source>The last batch e-signature did not finish: %n file(s) still to sign.</source>
        <translation>
            <numerusform>前回の一括電子署名は完了していません。未署名のファイルが %n 件あります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) selected</source>
        <translation>
            <numerusform>%n 件選択中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::NavigationBar</name>
    <message>
        <source>Ikkatsu batch e-signature</source>
        <translation>Ikkatsu 一括電子署名</translation>
    </message>
    <message>
        <source>Service top</source>
        <translation>サービスTOP</translation>
    </message>
    <message>
        <source>My page</source>
        <translation>マイページ</translation>
    </message>
    <message>
        <source>My information</source>
        <translation>本人情報</translation>
    </message>
    <message>
        <source>Processing results</source>
        <translation>処理結果</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <source>%1 (signed in)</source>
        <translation>%1 様</translation>
    </message>
    <message>
        <source>User management</source>
        <translation>ユーザ管理</translation>
    </message>
    <message>
        <source>Folders and files</source>
        <translation>フォルダ・ファイル管理</translation>
    </message>
    <message>
        <source>Everyone&apos;s results</source>
        <translation>全員の処理結果</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>操作履歴</translation>
    </message>
    <message>
        <source>Admin menu</source>
        <translation>管理メニュー</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::OtpPage</name>
    <message>
        <source>One-time password</source>
        <translation>ワンタイムパスワード</translation>
    </message>
    <message>
        <source>A mail with your one-time password has been sent. Enter the one-time password from the mail and click [Next].</source>
        <translation>ワンタイムパスワードが記載されたメールを送信しました。メールのワンタイムパスワードを入力し、[次へ]をクリックしてください。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>再送信</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>The one-time password has expired. Click [Resend] to receive a new one.</source>
        <translation>ワンタイムパスワードの有効期限が切れました。[再送信]をクリックして新しいワンタイムパスワードを受け取ってください。</translation>
    </message>
    <message>
        <source>Valid until %1 (%2:%3 left)</source>
        <translation>有効期限 %1 (残り %2:%3)</translation>
    </message>
    <message>
        <source>Resend (%1 s)</source>
        <translation>再送信 (%1 秒)</translation>
    </message>
    <message>
        <source>A new one-time password has been sent.</source>
        <translation>新しいワンタイムパスワードを送信しました。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::PasswordChangePage</name>
    <message>
        <source>Change password</source>
        <translation>パスワード変更</translation>
    </message>
    <message>
        <source>This is your first login: replace the initial password from your administrator with a password only you know.</source>
        <translation>初回ログインのため、管理者から通知された初期パスワードを、ご本人しか知らないパスワードに変更してください。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>現在のパスワード</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>Confirm the new password</source>
        <translation>新しいパスワードの確認入力</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::PermissionsDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Change viewers and signers - %1</source>
        <translation>閲覧者・署名者の変更 - %1</translation>
    </message>
    <message>
        <source>Search users by ID, name, company or mail address and add them. Signers who have already signed stay first, in the order they signed.</source>
        <translation>ユーザID・氏名・会社名・メールアドレスで検索して追加します。署名済みの署名者は、署名した順のまま先頭に残ります。</translation>
    </message>
    <message>
        <source>User ID, name, company or mail</source>
        <translation>ユーザID・氏名・会社名・メールアドレス</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>ユーザ</translation>
    </message>
    <message>
        <source>Add as viewer</source>
        <translation>閲覧者に追加</translation>
    </message>
    <message>
        <source>Add as signer</source>
        <translation>署名者に追加</translation>
    </message>
    <message>
        <source>Signers (signing order)</source>
        <translation>署名者（署名順）</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Sign in the order of this list</source>
        <translation>この順番で署名する</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>閲覧者</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%1 — signed</source>
        <translation>%1 — 署名済</translation>
    </message>
    <message>
        <source>(view only)</source>
        <translation>（閲覧のみ）</translation>
    </message>
    <message>
        <source>Concerns: %1</source>
        <translation>対象: %1</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::PlacementCanvas</name>
    <message>
        <source>Choose the signer whose box you are placing first.</source>
        <translation>先に、署名欄を配置する署名者を選択してください。</translation>
    </message>
    <message>
        <source>%1 already has a signature box on page %2. A placed box cannot be moved.</source>
        <translation>%1 の署名欄は %2 ページに配置済みです。配置済みの署名欄は移動できません。</translation>
    </message>
    <message>
        <source>A signature box needs at least %1 points (about 6 mm) on each side. Drag a larger box.</source>
        <translation>署名欄は縦横とも%1ポイント（約6mm）以上必要です。もう少し大きくドラッグしてください。</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>署名済</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>配置済</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::ProfilePage</name>
    <message>
        <source>My information</source>
        <translation>本人情報</translation>
    </message>
    <message>
        <source>User information</source>
        <translation>ユーザ情報</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ユーザID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザ名</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation>ローマ字氏名</translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation>ローマ字会社名</translation>
    </message>
    <message>
        <source>Mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Login expiry</source>
        <translation>ログイン有効期限</translation>
    </message>
    <message>
        <source>Signing certificate information</source>
        <translation>署名用証明書情報</translation>
    </message>
    <message>
        <source>No signing certificate is set up on this computer.</source>
        <translation>この端末には署名用証明書がセットアップされていません。</translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation>証明書シリアルナンバー</translation>
    </message>
    <message>
        <source>CN: Subject</source>
        <translation>CN:発行対象者</translation>
    </message>
    <message>
        <source>OU: Subject company</source>
        <translation>OU:発行対象会社名</translation>
    </message>
    <message>
        <source>OU: Service name</source>
        <translation>OU:サービス名</translation>
    </message>
    <message>
        <source>O: Service provider</source>
        <translation>O:サービス提供会社名</translation>
    </message>
    <message>
        <source>C: Country</source>
        <translation>C:国名</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限終了日時</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>パスワード変更</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>現在のパスワード</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>Confirm the new password</source>
        <translation>新しいパスワードの確認入力</translation>
    </message>
    <message>
        <source>Change signing PIN</source>
        <translation>署名用暗証コード変更</translation>
    </message>
    <message>
        <source>Current signing PIN</source>
        <translation>現在の署名用暗証コード</translation>
    </message>
    <message>
        <source>New signing PIN</source>
        <translation>新しい署名用暗証コード</translation>
    </message>
    <message>
        <source>Confirm the new signing PIN</source>
        <translation>新しい署名用暗証コードの確認入力</translation>
    </message>
    <message>
        <source>* Enter the signing PIN with 6 to 20 half-width letters and digits.</source>
        <translation>※署名用暗証コードは半角英数6文字以上20文字以下で入力してください。</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>パスワードを変更しました。</translation>
    </message>
    <message>
        <source>Your signing PIN has been changed.</source>
        <translation>署名用暗証コードを変更しました。</translation>
    </message>
    <message>
        <source>Signing certificate setup</source>
        <translation>署名用証明書セットアップ</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>印影</translation>
    </message>
    <message>
        <source>None (invisible signature)</source>
        <translation>なし（印影を表示しない電子署名）</translation>
    </message>
    <message>
        <source>Round seal (family name)</source>
        <translation>丸印（姓）</translation>
    </message>
    <message>
        <source>Date seal (company, date, name)</source>
        <translation>日付印（会社名・日付・氏名）</translation>
    </message>
    <message>
        <source>Square seal (company name)</source>
        <translation>角印（会社名）</translation>
    </message>
    <message>
        <source>Text box (name, date and time)</source>
        <translation>文字枠（氏名・日時）</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>最終ページ</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>先頭ページ</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>右下</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>左下</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>右上</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>左上</translation>
    </message>
    <message>
        <source>Seal style</source>
        <translation>印影の種類</translation>
    </message>
    <message>
        <source>Name on the seal</source>
        <translation>印影の氏名</translation>
    </message>
    <message>
        <source>Company on the seal</source>
        <translation>印影の会社名</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>押印ページ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>押印位置</translation>
    </message>
    <message>
        <source>* A round seal holds 1 to 4 characters. Empty fields use your user name and company name. When the sender placed a signature field for you, your seal goes there instead of the page and position chosen here.</source>
        <translation>※丸印は1～4文字です。空欄の場合はユーザ名・会社名を使います。送信者があなたの署名欄を配置している場合は、ここで選んだページ・位置ではなくその署名欄に押印します。</translation>
    </message>
    <message>
        <source>Save seal settings</source>
        <translation>印影の設定を保存</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Your signature is invisible on the page (it shows in the signature panel of PDF viewers).</source>
        <translation>電子署名はページ上に表示されません（PDFビューアの署名パネルに表示されます）。</translation>
    </message>
    <message>
        <source>Your seal settings have been saved.</source>
        <translation>印影の設定を保存しました。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::ResultsPage</name>
    <message>
        <source>Processing results</source>
        <translation>処理結果</translation>
    </message>
    <message>
        <source>Your history of file views and electronic signatures.</source>
        <translation>ファイル閲覧と電子署名の処理履歴です。</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>View</source>
        <translation>閲覧</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>電子署名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>⚠ No matching data exists.</source>
        <translation>⚠ 該当するデータが存在しません。</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>フォルダ名</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>エラーコード</translation>
    </message>
    <message>
        <source>File registration</source>
        <translation>ファイル登録</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::SealPreview</name>
    <message>
        <source>Seal preview</source>
        <translation>印影のプレビュー</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::ServiceTopPage</name>
    <message>
        <source>Service top</source>
        <translation>サービスTOP</translation>
    </message>
    <message>
        <source>Files waiting for you</source>
        <translation>未処理のファイル</translation>
    </message>
    <message>
        <source>Open My Page</source>
        <translation>マイページへ</translation>
    </message>
    <message>
        <source>Signing certificate</source>
        <translation>署名用証明書</translation>
    </message>
    <message>
        <source>Open My information</source>
        <translation>本人情報へ</translation>
    </message>
    <message>
        <source>Welcome, %1 (%2).</source>
        <translation>ようこそ、%2 %1 様。</translation>
    </message>
    <message>
        <source>Your signing certificate is set up on this computer.</source>
        <translation>この端末に署名用証明書がセットアップされています。</translation>
    </message>
    <message>
        <source>No signing certificate is set up on this computer.</source>
        <translation>この端末には署名用証明書がセットアップされていません。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <source>The file list is not available.</source>
        <translation>ファイル一覧を取得できません。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not processed yet.</source>
        <translation>
            <numerusform>未処理のファイルが %n 件あります。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::SignatureBoxDialog</name>
    <message>
        <source>Place signature boxes - %1</source>
        <translation>署名欄の配置 - %1</translation>
    </message>
    <message>
        <source>Choose a signer, then drag a box on the page where their seal goes. Boxes drawn here can be moved or deleted until you save; a saved box cannot be moved.</source>
        <translation>署名者を選択し、印影を押す位置をページ上でドラッグして署名欄を配置してください。ここで描いた署名欄は保存するまで移動・削除できます。保存した署名欄は移動できません。</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>署名者</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>署名欄を削除</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Every signer of this file has signed, or it has none. Add signers first with Change viewers and signers.</source>
        <translation>このファイルの署名者は全員署名済みか、署名者がいません。先に「閲覧者・署名者の変更」で署名者を追加してください。</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>%1: page %2, signed</source>
        <translation>%1：%2 ページ（署名済）</translation>
    </message>
    <message>
        <source>%1: page %2, placed</source>
        <translation>%1：%2 ページ（配置済）</translation>
    </message>
    <message>
        <source>%1: page %2, new (not saved yet)</source>
        <translation>%1：%2 ページ（未保存）</translation>
    </message>
    <message>
        <source>No signature box yet.</source>
        <translation>署名欄はまだありません。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::TrailTable</name>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>No matching data exists.</source>
        <translation>該当するデータが存在しません。</translation>
    </message>
    <message>
        <source>%1-%2 of %3</source>
        <translation>%3 件中 %1〜%2 件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1 に出力しました。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::UserFormDialog</name>
    <message>
        <source>New user registration</source>
        <translation>新規ユーザ登録</translation>
    </message>
    <message>
        <source>Edit user information</source>
        <translation>ユーザ情報の変更</translation>
    </message>
    <message>
        <source>The user ID and initial password are generated by the server. The user receives the mail &quot;User registration notice&quot; without credentials; you receive the user ID and initial password.</source>
        <translation>ユーザIDと初期パスワードはサーバが発行します。利用者には「ユーザ登録のご連絡」メール（ユーザID・パスワードの記載なし）が、管理者にはユーザIDと初期パスワードを記載したメールが送信されます。</translation>
    </message>
    <message>
        <source>User ID %1. Only the changed fields are sent.</source>
        <translation>ユーザID %1。変更した項目だけが送信されます。</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>可</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>否</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザ名</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation>ローマ字氏名</translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation>ローマ字会社名</translation>
    </message>
    <message>
        <source>Mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Login expiry date</source>
        <translation>ログイン有効期限</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>権限</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>電子署名の可否</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>ユーザ名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation>会社名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the name in roman letters (half-width alphanumerics).</source>
        <translation>ローマ字氏名を半角英数字で入力してください。</translation>
    </message>
    <message>
        <source>Enter the company name in roman letters (half-width alphanumerics).</source>
        <translation>ローマ字会社名を半角英数字で入力してください。</translation>
    </message>
    <message>
        <source>Enter a valid mail address, such as taro@example.jp.</source>
        <translation>メールアドレスを正しい形式（例: taro@example.jp）で入力してください。</translation>
    </message>
    <message>
        <source>The login expiry date must lie in the future.</source>
        <translation>ログイン有効期限には明日以降の日付を指定してください。</translation>
    </message>
</context>
<context>
    <name>ikkatsu::ui::UsersPage</name>
    <message>
        <source>User management</source>
        <translation>ユーザ管理</translation>
    </message>
    <message>
        <source>New user registration</source>
        <translation>新規ユーザ登録</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>User ID, name, company or mail address</source>
        <translation>ユーザID・氏名・会社名・メールアドレス</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ユーザID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザ名</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Name in roman letters</source>
        <translation>ローマ字氏名</translation>
    </message>
    <message>
        <source>Mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Login expiry</source>
        <translation>ログイン有効期限</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>権限</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>署名可否</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>利用停止</translation>
    </message>
    <message>
        <source>Reissue password</source>
        <translation>パスワード再発行</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>選択中のユーザ</translation>
    </message>
    <message>
        <source>Company name in roman letters</source>
        <translation>ローマ字会社名</translation>
    </message>
    <message>
        <source>Electronic signature choice</source>
        <translation>電子署名の実施要否</translation>
    </message>
    <message>
        <source>Password change pending</source>
        <translation>初期パスワード未変更</translation>
    </message>
    <message>
        <source>Consecutive wrong passwords</source>
        <translation>パスワード連続誤り回数</translation>
    </message>
    <message>
        <source>Signing certificates</source>
        <translation>署名用証明書</translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation>証明書シリアルナンバー</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有効期間開始</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限終了日時</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>証明書を失効</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>利用停止</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>可</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>否</translation>
    </message>
    <message>
        <source>⚠ No matching data exists.</source>
        <translation>⚠ 該当するデータが存在しません。</translation>
    </message>
    <message>
        <source>%1 users (%2–%3)</source>
        <translation>全 %1 件（%2–%3 件目）</translation>
    </message>
    <message>
        <source>Selected user: %1 %2</source>
        <translation>選択中のユーザ: %1 %2</translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Signs electronically</source>
        <translation>電子署名を行う</translation>
    </message>
    <message>
        <source>Does not sign electronically</source>
        <translation>電子署名を行わない</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>失効</translation>
    </message>
    <message>
        <source>No certificate has been issued.</source>
        <translation>署名用証明書は発行されていません。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Resume use</source>
        <translation>利用再開</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>User %1 (%2) is registered. The mail &quot;User registration notice&quot; went to the user, and the user ID and initial password to you.</source>
        <translation>ユーザ %1（%2）を登録しました。利用者に「ユーザ登録のご連絡」メールを、管理者にユーザIDと初期パスワードを記載したメールを送信しました。</translation>
    </message>
    <message>
        <source>User %1 is registered, but a mail could not be sent. Reissue the password to send it again.</source>
        <translation>ユーザ %1 を登録しましたが、メールを送信できませんでした。パスワード再発行で再送してください。</translation>
    </message>
    <message>
        <source>The information of user %1 is updated.</source>
        <translation>ユーザ %1 の情報を更新しました。</translation>
    </message>
    <message>
        <source>User %1 is unlocked.</source>
        <translation>ユーザ %1 のロックを解除しました。</translation>
    </message>
    <message>
        <source>User %1 is locked.</source>
        <translation>ユーザ %1 をロックしました。</translation>
    </message>
    <message>
        <source>Lock user</source>
        <translation>ユーザのロック</translation>
    </message>
    <message>
        <source>Lock user %1 (%2)? The user is logged out and cannot log in until unlocked.</source>
        <translation>ユーザ %1（%2）をロックしますか？ 利用者はログアウトされ、ロック解除までログインできません。</translation>
    </message>
    <message>
        <source>User %1 may use the service again.</source>
        <translation>ユーザ %1 の利用を再開しました。</translation>
    </message>
    <message>
        <source>User %1 is suspended.</source>
        <translation>ユーザ %1 の利用を停止しました。</translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation>ユーザの利用停止</translation>
    </message>
    <message>
        <source>Suspend user %1 (%2)? The user is logged out and cannot log in until use is resumed.</source>
        <translation>ユーザ %1（%2）の利用を停止しますか？ 利用者はログアウトされ、利用再開までログインできません。</translation>
    </message>
    <message>
        <source>Issue a new initial password for user %1 (%2)? The current password stops working and the user is logged out. The new password is mailed to you.</source>
        <translation>ユーザ %1（%2）の初期パスワードを再発行しますか？ 現在のパスワードは使えなくなり、利用者はログアウトされます。新しいパスワードは管理者宛てにメールで送信されます。</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>再発行</translation>
    </message>
    <message>
        <source>A new initial password for user %1 was mailed to you.</source>
        <translation>ユーザ %1 の新しい初期パスワードを管理者宛てにメールで送信しました。</translation>
    </message>
    <message>
        <source>Revoke the signing certificate %1 of user %2? It cannot be used for signing any more and appears in the certificate revocation list. This cannot be undone.</source>
        <translation>ユーザ %2 の署名用証明書 %1 を失効させますか？ 以後この証明書では署名できず、証明書失効リストに掲載されます。この操作は取り消せません。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>失効</translation>
    </message>
    <message>
        <source>The certificate %1 is revoked.</source>
        <translation>証明書 %1 を失効させました。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>UI language: ja or en.</source>
        <translation>画面の言語: ja または en。</translation>
    </message>
    <message>
        <source>Offline file list: a local directory with one subdirectory per folder.</source>
        <translation>オフラインのファイル一覧: フォルダごとにサブディレクトリを持つローカルのディレクトリ。</translation>
    </message>
    <message>
        <source>Save a PNG of the window once it is shown, then quit (demo without a display).</source>
        <translation>ウィンドウ表示後にその PNG 画像を保存して終了します（ディスプレイのない環境でのデモ用）。</translation>
    </message>
    <message>
        <source>Directory of the log file, ikkatsu.log (default: the app&apos;s data directory; also IKKATSU_LOG_DIR).</source>
        <translation>ログファイル ikkatsu.log を置くディレクトリ（既定: アプリのデータディレクトリ。IKKATSU_LOG_DIR でも指定できます）。</translation>
    </message>
</context>
</TS>
