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
        <source>  login --server URL --user ID [--password-stdin] [--otp-stdin] [--session-file FILE]
  certificate-setup --server URL --key-store PATH [--key p256|rsa2048] [--view-only] [--force]
                    [--user ID --password-stdin --otp-stdin] [--pin-stdin] [--session-file FILE]
  logout --server URL [--session-file FILE]
  Secrets are read from the terminal without echo, or with --*-stdin one line each from stdin in the
  order password, one-time password, PIN, PIN confirmation.
</source>
        <translation>  login --server URL --user ユーザID [--password-stdin] [--otp-stdin] [--session-file ファイル]
  certificate-setup --server URL --key-store パス [--key p256|rsa2048] [--view-only] [--force]
                    [--user ユーザID --password-stdin --otp-stdin] [--pin-stdin] [--session-file ファイル]
  logout --server URL [--session-file ファイル]
  パスワード等は端末からエコーなしで読み込みます。--*-stdin を指定すると、標準入力から1行ずつ
  パスワード、ワンタイムパスワード、暗証コード、暗証コードの確認入力の順に読み込みます。
</translation>
    </message>
    <message>
        <source>--server URL is required.</source>
        <translation>--server URL を指定してください。</translation>
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
  sign --keystore FILE [--pin-stdin] [--reason TEXT] [--location TEXT] [--jobs N]
       (--out-dir DIR | --suffix SUFFIX) FILE...
  verify [--json] [--trust CERT]... FILE...
  error-codes [--markdown]
  version

Exit status: 0 success, 1 at least one file or signature failed, 2 usage error.</source>
        <translation>使い方: ikkatsu-cli コマンド [オプション]

コマンド:
  keystore create --out ファイル [--self-signed --name 氏名 --company 会社名]
                  [--algorithm rsa2048|p256] [--pin-stdin] [--force]
  keystore info ファイル [--json]
  keystore change-pin ファイル [--pin-stdin]
  sign --keystore ファイル [--pin-stdin] [--reason 理由] [--location 場所] [--jobs 数]
       (--out-dir ディレクトリ | --suffix 接尾辞) ファイル...
  verify [--json] [--trust 証明書]... ファイル...
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
        <source>The PDF document's cross-reference table is damaged.</source>
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
        <source>The signer's certificate is not trusted.</source>
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
        <source>The server's answer could not be understood.</source>
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
        <source>keystore create: certificates come from the server's certificate setup (ikkatsu-cli certificate-setup); use --self-signed for a local test key store.</source>
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
</context>
</TS>