# Rekey、日本語。英語のカタログ (locales/en/rekey.ftl) と同じ ID と同じ { $variables } を使います。
# メッセージはプレーン テキストのみです (テンプレート側でエスケープされます)。

## すべてのページ

page-title-default = パスワードのリセット
skip-to-content = 本文へスキップ
demo-outbox-link = デモ用送信トレイ
help-contact = お困りの場合は、ヘルプデスクにお問い合わせください
help-call = 電話：{ $phone }
help-email = メール：{ $email }
language-switcher = 言語
progress-label = 進行状況
progress = ステップ { $step }/{ $total }
error-summary-title = 問題があります
start-again = 最初に戻る

## 開始ページ

home-title = パスワードのリセット
home-intro = パスワードを忘れた場合や、有効期限が切れた場合はこちらから手続きできます。登録済みのメール アドレスまたは電話番号に届くコードで本人確認を行い、新しいパスワードを設定してください。
home-username-label = 仕事用のメール アドレス
home-continue = 次へ
home-never-ask = 現在のパスワードをお尋ねすることは一切ありません。
home-username-missing = 仕事用のメール アドレスを入力してください (例: name@contoso.com)。

## コードの送信先の選択

methods-title = コードの送信先を選んでください
methods-intro = { $username } に登録されている連絡先から 1 つ選んでください。
methods-legend = コードの送信先
methods-email-to = メール：{ $address }
methods-sms-to = SMS：{ $number }
methods-send = コードを送信
methods-unknown = 心当たりのない連絡先しかない場合や、どれにも受信できない場合は、ヘルプデスクにお問い合わせください。
methods-too-many = { $minutes ->
   *[other] このアカウントに送信されたコードが多すぎます。{ $minutes } 分後に新しいコードをリクエストできます。
    }

## コードの入力

code-title = コードを入力してください
code-sent-email = { $address } 宛てに { $digits } 桁のコードをメールで送信しました。届くまで 1 分ほどかかる場合があります。
code-sent-sms = { $number } 宛てに { $digits } 桁のコードを SMS で送信しました。届くまで 1 分ほどかかる場合があります。
code-label = コード
code-autosubmit = { $digits } 桁すべてを入力すると、コードがすぐに確認されます。
code-verify = 確認
code-resend = 新しいコードを送信
code-elsewhere = または、別の送信先にコードを送信：
code-other-email = メール：{ $address }
code-other-sms = SMS：{ $number }
code-wrong = { $remaining ->
   *[other] コードが正しくありません。最新のメッセージを確認して、もう一度お試しください (残り { $remaining } 回)。
    }
code-expired = このコードは有効期限が切れたか、すでに使用されています。下から新しいコードを送信してください。

## 新しいパスワードの設定

password-title = 新しいパスワードを設定してください
password-must = 新しいパスワードの条件：
password-tip = 関係のない単語をいくつか組み合わせると、長くて覚えやすいパスワードになります。
password-label = 新しいパスワード
password-show = パスワードを表示
password-hide = パスワードを非表示
password-revoke = すべてのデバイスからサインアウトする
password-submit = 新しいパスワードを設定
password-rejected = 別のパスワードを選んでください：
password-mismatch = 2 つのパスワードが一致しません。新しいパスワードをもう一度入力してください。
password-busy = { $seconds ->
   *[other] Microsoft Entra が混み合っているため、パスワードはまだ変更されていません。本人確認は完了したままです。{ $seconds } 秒後にもう一度お試しください。
    }
meter-good = 良好：{ $strength }
meter-not-yet = 不十分：{ $strength }
meter-guess-time = { $time }で推測される可能性があります
strength-0 = 非常に弱い
strength-1 = 弱い
strength-2 = 普通
strength-3 = 強い
strength-4 = 非常に強い

## パスワード欄の上に表示される条件

rule-length = { $min }～{ $max } 文字であること。
rule-charset = 使用できるのは英字 A-Z、数字、スペース、および次の記号のみであること：{ $symbols }
rule-classes = 英小文字、英大文字、数字、記号のうち 3 種類以上を含むこと。
rule-strength = 推測されにくいこと：強度が 4 段階中 { $score } 以上であること。関係のない単語をいくつか組み合わせると効果的です。名前、日付、キーボードの並び、繰り返しは避けてください。
rule-banned = よく使われるパスワード、ご自身の名前、組織名を含まないこと (ほかの文字を十分に組み合わせる場合を除く)。
rule-breached = 既知のデータ漏えいで流出していないこと。
rule-history = { $depth ->
   *[other] ここで設定した直近 { $depth } 回分のパスワードと同じでないこと。
    }
rule-ad-names = ユーザー名や、氏名のうち 3 文字以上の部分を含まないこと。
rule-ad-history = { $depth ->
   *[other] 組織のネットワークで使った直近 { $depth } 回分のパスワードと同じでないこと。
    }

## パスワードが拒否された理由

policy-length-short = { $min } 文字以上にしてください。
policy-length-long = { $max } 文字以下にしてください。
policy-charset = { $chars } を削除してください。使用できるのは英字 A-Z、数字、スペース、および記号 { $symbols } のみです。
policy-classes = 英小文字、英大文字、数字、記号のうち 3 種類以上を使用してください。次のうち、あと { $need } 種類を追加してください：{ $missing }。
class-lowercase = 英小文字
class-uppercase = 英大文字
class-digits = 数字
class-symbols = 記号
char-space = スペース
char-tab = タブ
char-line-break = 改行
char-nbsp = ノーブレーク スペース
char-others = その他
list-separator = 、
policy-banned-name = パスワードにご自身の名前が含まれています。名前を含まないパスワードを選んでください。
policy-banned-custom = パスワードが、組織で禁止されている単語をもとにしています。禁止されていないパスワードを選んでください。
policy-banned-organisation = パスワードに組織名が含まれており、ほかの文字が少なすぎます。別のパスワードでもう一度お試しください。
policy-banned-common = パスワードが、攻撃者が最初に試すよくある単語やパターンをもとにしています。別のパスワードを選んでください。
policy-breached = このパスワードは公開されたデータ漏えいに含まれているため、すでに攻撃者の手に渡っています。別のパスワードを選んでください。
policy-history = このパスワードは最近使用されています。以前に使用したことのないパスワードを選んでください。
policy-unavailable = 現在パスワードを確認できませんでした。もう一度お試しください。
policy-breached-unavailable = 現在、このパスワードが既知のデータ漏えいに含まれていないかを確認できませんでした。1 分ほどしてからもう一度お試しください。
policy-entra-rejected = Microsoft Entra がこのパスワードを受け付けませんでした。組織のパスワード要件を満たしていないか、よく使われる単語が含まれています。別のパスワードを選んでください。
policy-ad-rejected = 組織の Active Directory がこのパスワードを受け付けませんでした。短すぎる、単純すぎる、最近使用した、または前回の変更から間もない可能性があります。別のパスワードを選んでください。
policy-ad-names = 組織のネットワークでは、パスワードにユーザー名や氏名の一部を含めることはできません。取り除いてください。
policy-ad-history = { $depth ->
   *[other] このパスワードは表示されたルールを満たしていますが、組織のネットワークに受け付けられませんでした。直近 { $depth } 回分のパスワードのいずれかである、ネットワークで禁止されている語を含む、またはアカウントにより厳しいルールがある可能性が高いです。別のパスワードを選んでください。
    }
policy-strength-unverified = このパスワードを時間内に確認できませんでした。別のパスワードを選んでください (例: 関係のない 4 つ以上の単語に、数字と記号を 1 つずつ加えたもの)。
policy-strength-weak-start = このパスワードの先頭部分は簡単に推測されます。
policy-strength-weak = このパスワードは簡単に推測されます (強度 4 段階中 { $score }、{ $min } 以上が必要です)。
policy-warn-keyboard-row = 「qwerty」のような隣り合ったキーの並びは、真っ先に試されるものの 1 つです。
policy-warn-keyboard-pattern = キーボード上の短いパターンは、すぐに推測されます。
policy-warn-repeat-char = 「aaa」のような同じ文字の繰り返しは、強度をほとんど高めません。
policy-warn-repeat-group = 「abcabc」のような文字のまとまりの繰り返しは、元のまとまりだけの場合と比べてほとんど推測の難しさが変わりません。
policy-warn-top10 = これは最もよく使われているパスワード上位 10 個の 1 つです。
policy-warn-top100 = これは最もよく使われているパスワード上位 100 個の 1 つです。
policy-warn-common = このパスワードは非常に多くの人に使われています。
policy-warn-similar-common = これは非常に多くの人に使われているパスワードに似ています。
policy-warn-sequence = 「abc」や「6543」のような連続した文字は、すぐに推測されます。
policy-warn-recent-year = 最近の年は、すぐに推測されます。
policy-warn-single-word = 単語 1 つだけでは、すぐに推測されます。
policy-warn-date = 日付は、すぐに推測されます。
policy-warn-name = 名前だけでは、すぐに推測されます。
policy-warn-common-name = よくある名前や名字は、すぐに推測されます。
policy-hint-banned-more = よくある単語や名前ではない単語や文字を、もう少し追加してください。
policy-hint-few-words = よく知られた言い回しではなく、互いに関係のない単語をいくつか使ってください。
policy-hint-length-first = 記号、数字、大文字よりも、長さのほうが効果的です。
policy-hint-add-word = 単語をもう 1 つか 2 つ追加してください。あまり使われない単語のほうが効果的です。
policy-hint-capitals = 先頭や末尾を大文字にしても、ほとんど効果はありません。
policy-hint-all-caps = すべて大文字にしても、すべて小文字の場合とほぼ同じくらい簡単に推測されます。
policy-hint-reversed = 単語を逆から綴っても、推測の難しさはほとんど変わりません。
policy-hint-substitutions = 「a」を「@」に、「o」を「0」に置き換えるような工夫はよく知られており、ほとんど効果がありません。
policy-hint-keyboard = キーボードのパターンは避けるか、曲がり角を多くして大幅に長くしてください。
policy-hint-repeats = 単語や文字の繰り返しは避けてください。
policy-hint-sequences = abc や 123 のような連続した文字は避けてください。
policy-hint-recent-years = 最近の年は避けてください。
policy-hint-your-years = ご自身にとって意味のある年は避けてください。
policy-hint-your-dates = ご自身にとって意味のある日付や年は避けてください。

## 完了

done-title = パスワードが変更されました
done-signed-in-as = 新しいパスワードで { $username } にサインインできるようになりました。
done-ad-sync = 新しいパスワードは組織のネットワークですぐに使えます。Microsoft 365 などのクラウド アプリでは、同期が終わる数分後から使えるようになります。それまでは古いパスワードが必要です。
done-ad-syncing = Microsoft 365 に新しいパスワードを反映しています。通常 2 分ほどかかります。完了するとこのページでお知らせします。
done-ad-synced = Microsoft 365 に新しいパスワードが反映されました。今すぐサインインできます。
done-ad-sync-check = もう一度確認
password-unlock-instead = ロックされただけですか？パスワードを覚えている場合は、変更せずにアカウントのロックを解除できます。
password-unlock-button = アカウントのロックを解除
unlocked-title = アカウントのロックを解除しました
unlocked-text = 現在のパスワードで再びサインインできます。すぐにまたロックされる場合は、スマートフォンやパソコンがまだ古いパスワードを試している可能性があります。先にそちらを更新してください。
done-update-title = 次に、パスワードを保存しているすべての場所で更新してください
done-update-intro = 古いパスワードを保存したままのスマートフォン、ノートパソコン、アプリは、そのパスワードで試行を続けます。試行のたびに「invalid username or password」(ユーザー名またはパスワードが無効) というエラー (AADSTS50126) で失敗し、回数が重なるとアカウントがロックされます。今お使いのデバイスから順に、次の一覧の手順を進めてください：
done-check-devices = デバイスを確認する
done-printable-guide = 印刷用ガイド

## 古いパスワードを使用しているデバイス

devices-title = 古いパスワードを使用しているデバイス
devices-unavailable = ご利用の組織の Microsoft Entra ライセンスにはサインイン ログが含まれていないため、どのデバイスで失敗しているかを確認できません。ガイドの手順を順に進めてください。
devices-error = 現在、サインインの状況を確認できませんでした。数分後にもう一度お試しいただくか、ガイドの手順を進めてください。
devices-none = パスワードの変更後、古いパスワードを試したデバイスはありません。ときどきしか同期しないデバイスは後から表示される場合があります。明日もう一度確認してください。
devices-intro = 次のデバイスが、まだ古いパスワードを試しています。試行のたびに「invalid username or password」(ユーザー名またはパスワードが無効) というエラー (AADSTS50126) で失敗し、アカウントがロックされる可能性があります。
devices-failures = { $count ->
   *[other] サインインに { $count } 回失敗しました (最終: { $last })。
    }
devices-locked = これが原因でアカウントがロックされました。
devices-how = 更新方法
devices-open-guide = ガイドを開く
devices-check-again = もう一度確認する
devices-unknown-app = アプリ
devices-unknown-device = 不明なデバイス

## 保存されたパスワードの更新ガイド

guide-title = 保存されたパスワードを更新する
guide-intro = パスワードを変更したら、古いパスワードを保存しているすべてのデバイスとアプリで更新が必要です。更新するまでは「invalid username or password」(ユーザー名またはパスワードが無効) というエラー (AADSTS50126) で失敗し、アカウントがロックされる可能性があります。
guide-ios-mail = iPhone または iPad：メール、Outlook、Teams アプリ
guide-ios-mail-1 = Outlook アプリまたは Teams アプリを開きます。サインインを求められたら、新しいパスワードでサインインし直してください。
guide-ios-mail-2 = 標準のメール アプリ：設定 › アプリ › メール › メールアカウント › 仕事用のアカウント › アカウント の順に開き、新しいパスワードを入力して「完了」をタップします。
guide-ios-mail-3 = それでも失敗が続く場合は、メール アプリからアカウントを削除して、もう一度追加してください。
guide-android-mail = Android：Outlook、Teams、Gmail などのメール アプリ
guide-android-mail-1 = Outlook と Teams を開き、サインインを求められたら新しいパスワードでサインインし直してください。
guide-android-mail-2 = 仕事用アカウントを設定した Gmail または Samsung Email：設定 › 仕事用のアカウント › サーバー設定 (またはアカウント設定) の順に開き、新しいパスワードを入力します。
guide-android-mail-3 = Microsoft Authenticator またはポータル サイトでサインインを求められたら、新しいパスワードを使用してください。
guide-windows-signin = Windows：サインインとロック画面
guide-windows-signin-1 = コンピューターをロックし (Windows キー + L)、新しいパスワードでロックを解除します。
guide-windows-signin-2 = 社外にいる場合は、先に VPN に接続してください。接続しないと、社内ネットワークにつながるまで、コンピューターが古いパスワードを保持し続けることがあります。
guide-outlook-desktop = コンピューターの Outlook、Teams、OneDrive
guide-outlook-desktop-1 = Outlook、Teams、OneDrive をいったん閉じてから開き直し、求められたら新しいパスワードでサインインします。
guide-outlook-desktop-2 = Outlook が何度もパスワードを求める場合：ファイル › アカウント設定 › アカウント設定 の順に開き、アカウントを選んで「修復」をクリックします。
guide-credential-manager = Windows の資格情報マネージャーとネットワーク ドライブ
guide-credential-manager-1 = スタート メニューを開いて「資格情報マネージャー」と入力し、「Windows 資格情報」を開きます。
guide-credential-manager-2 = 仕事用のユーザー名が含まれるすべての項目 (MicrosoftOffice、ネットワーク ドライブ、プリンターなど) を編集して新しいパスワードを入力するか、項目を削除して次回入力を求められるようにします。
guide-credential-manager-3 = 割り当て済みのネットワーク ドライブ：エクスプローラーでドライブを右クリックして「切断」を選び、もう一度割り当てます。
guide-keychain = Mac：キーチェーン
guide-keychain-1 = キーチェーンアクセスを開きます (アプリケーション › ユーティリティ)。
guide-keychain-2 = 仕事用のメール アドレスで検索し、各項目 (Exchange、Outlook、Wi-Fi) を開いてパスワードを更新するか、項目を削除して次回入力を求められるようにします。
guide-wifi = 社内 Wi-Fi
guide-wifi-1 = スマートフォン、タブレット、ノートパソコンのそれぞれで、社内 Wi-Fi ネットワークの設定を削除します (設定 › Wi-Fi › 対象のネットワーク › 「このネットワーク設定を削除」)。
guide-wifi-2 = もう一度ネットワークに接続し、新しいパスワードでサインインします。
guide-vpn = VPN
guide-vpn-1 = VPN アプリを開いて保存済みの接続を編集し、保存されているパスワードを置き換えるか、パスワードを消去してアプリが入力を求めるようにします。
guide-browsers = ブラウザーに保存されたパスワード
guide-browsers-1 = Edge または Chrome：設定 › パスワード (パスワード マネージャー)、Firefox：設定 › パスワード、Safari：設定 › パスワード。
guide-browsers-2 = 仕事用のメール アドレスで検索し、保存されている項目を更新または削除します。
guide-other-devices = その他のスマートフォン、タブレット、自宅のコンピューター、スキャナー、スクリプト
guide-other-devices-1 = あなたとしてサインインするほかのデバイスをすべて思い出してください：2 台目のスマートフォン、タブレット、自宅のコンピューター、文書をメールで送信するスキャナー、定期実行されるスクリプトなど。
guide-other-devices-2 = それぞれを更新してください。更新するまでは、古いパスワードで試行が続きます。

## ヘルプデスクとロックアウト

helpdesk-title = ヘルプデスクにお問い合わせください
helpdesk-intro = 本人確認にご協力いただき、ありがとうございました。このパスワードはここではリセットできません。
helpdesk-reason = 理由：{ $reason }
helpdesk-reason-code = ヘルプデスクに次の理由コードをお伝えください：{ $code }
reason-disabled = アカウントが無効になっています。
reason-synced = パスワードは組織のオンプレミス ディレクトリで管理されています。
reason-privileged = アカウントに管理者権限があるため、パスワードはヘルプデスクでのみリセットできます。
reason-federated = アカウントは別の ID プロバイダーを通じてサインインします。
reason-not-enough-methods = アカウントに登録されている連絡方法が不足しています。
locked-title = 誤ったコードの入力が多すぎます
locked-paused = 安全のため、このアカウントのパスワード リセットは { $until } まで一時停止されています。パスワードは変更されていません。
locked-not-you = パスワードのリセットを試した覚えがない場合は、ヘルプデスクにお問い合わせください。

## エラー ページ

error-code = エラー { $status }
error-bad-request-title = リクエストの内容に問題がありました
error-bad-request-text = 前のページに戻って、もう一度お試しください。
error-forbidden-title = このページの有効期限が切れています
error-forbidden-text = 安全のため、フォームを受け付けられませんでした。最初からやり直してください。
error-not-found-title = ページが見つかりません
error-not-found-text = アドレスが間違っているか、ページが存在しなくなった可能性があります。
error-expired-title = リセットの有効期限が切れました
error-expired-text = { $minutes ->
   *[other] 安全のため、操作がないまま { $minutes } 分が経過するとリセットは終了します。最初からやり直してください。
    }
error-out-of-order-title = このステップはまだ利用できません
error-out-of-order-text = 中断したところから続けるか、最初からやり直してください。
error-too-many-title = 試行回数が多すぎます
error-too-many-text = 数分待ってから、もう一度お試しください。
error-unavailable-title = サービスを一時的に利用できません
error-unavailable-text = 何も変更されていません。数分後にもう一度お試しください。
error-internal-title = システム側で問題が発生しました
error-internal-text = 何も変更されていません。もう一度お試しください。問題が続く場合は、ヘルプデスクにお問い合わせください。

## デモ用送信トレイ

outbox-title = デモ用送信トレイ
outbox-intro = デモ モードでは、このマシンの外には何も送信されません。ポータルが送信するはずのメールと SMS は、すべて新しい順にここに表示されます。
outbox-refresh = 更新
outbox-empty = まだメッセージはありません。ポータルでリセットを開始してください。
outbox-open-portal = ポータルを開く
outbox-email-to = { $to } 宛てのメール
outbox-sms-to = { $to } 宛ての SMS

## メールと SMS

mail-hello = こんにちは。
mail-hello-name = { $name } 様
mail-helpdesk = ご不明な点は、ヘルプデスクにお問い合わせください：{ $helpdesk }
mail-code-subject = { $org } のパスワード リセット コード
mail-code-intro = { $org } のパスワード リセット コードは次のとおりです：
mail-code-once = { $minutes ->
   *[other] このコードは 1 回だけ、{ $minutes } 分間有効です。
    }
mail-code-who = { $at } に、{ $account } のパスワードのリセットが要求されました。
mail-code-who-from = { $at } に、{ $address } から { $account } のパスワードのリセットが要求されました。
mail-code-not-you = 心当たりがない場合は、このコードを誰にも教えないでください。パスワードは変更されていません。
sms-code = { $org } のパスワード リセット コードは { $code } です。有効期限は { $minutes } 分です。誰にも教えないでください。
mail-locked-subject = { $account } のパスワード リセットを一時停止しました
mail-locked-paused = { $org } のパスワード ポータルで誤ったコードが何度も入力されたため、{ $account } のパスワード リセットを { $until } まで一時停止しています。
mail-locked-from = 最後の誤ったコードは { $address } から入力されました。
mail-locked-advice = ご自身による操作の場合は、時間をおいてからもう一度お試しください。心当たりがない場合は、第三者がアカウントを乗っ取ろうとしている可能性があります。ヘルプデスクにお問い合わせください。
mail-not-changed = パスワードは変更されていません。
mail-changed-subject = { $org } のパスワードが変更されました
mail-changed-what = { $at } に、{ $org } のパスワード ポータルで { $account } のパスワードが変更されました。
mail-changed-what-from = { $at } に、{ $address } から { $org } のパスワード ポータルで { $account } のパスワードが変更されました。
mail-changed-not-you = 心当たりがない場合は、今すぐヘルプデスクにお問い合わせください。
mail-changed-update = パスワードを保存しているすべての場所で更新してください。更新しないと、それらのデバイスは「invalid username or password」(ユーザー名またはパスワードが無効) というエラー (AADSTS50126) で失敗し続け、アカウントがロックされる可能性があります：
mail-full-guide = 詳しいガイド
mail-reminder-subject = { $days ->
    [1] パスワードの有効期限は明日です
   *[other] パスワードの有効期限まであと { $days } 日です
    }
mail-reminder-subject-expired = パスワードの有効期限が切れました
mail-reminder-expires = { $days ->
    [1] { $account } のパスワードは明日 ({ $date }) 有効期限が切れます。
   *[other] { $account } のパスワードは { $days } 日後の { $date } に有効期限が切れます。
    }
mail-reminder-expired = { $account } のパスワードは { $date } に有効期限が切れました。このパスワードではサインインできなくなっています。
mail-reminder-change-at = 今すぐ変更してください：{ $url }
mail-reminder-windows = または、Windows にまだサインインできる場合は：Ctrl+Alt+Del › パスワードの変更。
mail-reminder-how = 手順：仕事用のメール アドレスを入力し、登録済みのメール アドレスまたは電話番号に届くコードで本人確認を行い、新しいパスワードを設定します。関係のない単語をいくつか組み合わせると、強力なパスワードになります。
mail-reminder-after = 変更後は、スマートフォン、Outlook、Wi-Fi、VPN のパスワードも更新してください。更新しないと古いパスワードが使われ続け、アカウントがロックされる可能性があります。
mail-signature = { $org } IT 部門
# When branding.org_name is not set: the organisation, as it reads in the messages above.
org-unnamed = 職場
org-logo-alt = ロゴ
mail-signature-unnamed = IT 部門
mail-watch-subject = { $device } がまだ古いパスワードを使用しています
mail-watch-body = { $count ->
   *[other] { $account } の { $org } パスワードは変更されましたが、{ $device } がまだ古いパスワードを試しています (これまでに { $count } 回サインインに失敗)。試行のたびに「invalid username or password」(ユーザー名またはパスワードが無効) というエラー (AADSTS50126) で失敗し、回数が重なるとアカウントがロックされます。
    }
mail-watch-how = 更新方法：{ $url }
mail-watch-unknown = このデバイスに心当たりがない場合は、ヘルプデスクにお問い合わせください。
mail-trouble-subject = サインインでお困りですか？
mail-trouble-body = { $count ->
   *[other] { $device } は { $since } 以降、{ $account } としてのサインインに「invalid username or password」(ユーザー名またはパスワードが無効) というエラー (AADSTS50126) で { $count } 回失敗しています。古いパスワードが保存されたままになっている可能性があります。
    }
mail-trouble-update = 更新してください：{ $url }
mail-trouble-forgot = パスワードをお忘れの場合：{ $url }
