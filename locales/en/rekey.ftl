# Rekey, English (the reference catalog). Every other language has exactly these ids and
# uses the same { $variables }. Keep messages plain text: templates escape them.

## Every page

page-title-default = Reset your password
skip-to-content = Skip to content
demo-outbox-link = Demo outbox
help-contact = Need help? Contact the helpdesk
help-call = Call { $phone }
help-email = Email { $email }
language-switcher = Language
progress-label = Progress
progress = Step { $step } of { $total }
error-summary-title = There is a problem
start-again = Back to the start

## Start page

home-title = Reset your password
home-intro = Forgot your password, or has it expired? Prove it is you with a code sent to the email address or phone you registered, then choose a new password.
home-username-label = Your work email address
home-continue = Continue
home-never-ask = We will never ask for your current password.
home-username-missing = Enter your work email address, for example name@contoso.com.

## Choosing where the code goes

methods-title = Where should we send a code?
methods-intro = Choose one of the contact details registered for { $username }.
methods-legend = Send a code to
methods-email-to = Email to { $address }
methods-sms-to = Text message to { $number }
methods-send = Send code
methods-unknown = Don't recognise these, or can't reach any of them? Contact the helpdesk.
methods-too-many = { $minutes ->
    [one] Too many codes were sent to this account. You can ask for a new one in { $minutes } minute.
   *[other] Too many codes were sent to this account. You can ask for a new one in { $minutes } minutes.
    }

## Entering the code

code-title = Enter the code
code-sent-email = We sent a { $digits }-digit code by email to { $address }. It may take a minute to arrive.
code-sent-sms = We sent a { $digits }-digit code by text message to { $number }. It may take a minute to arrive.
code-label = Code
code-autosubmit = The code is checked as soon as all { $digits } digits are in.
code-verify = Verify
code-resend = Send a new code
code-elsewhere = Or send a code somewhere else:
code-other-email = Email { $address }
code-other-sms = Text { $number }
code-wrong = { $remaining ->
    [one] That code is not right. Check the latest message and try again ({ $remaining } try left).
   *[other] That code is not right. Check the latest message and try again ({ $remaining } tries left).
    }
code-expired = This code has expired or was already used. Send a new code below.

## Choosing the new password

password-title = Choose a new password
password-must = Your new password must:
password-tip = A few unrelated words make a long password that is easy to remember.
password-label = New password
password-show = Show password
password-hide = Hide password
password-revoke = Sign me out on all devices
password-submit = Set new password
password-rejected = Choose a different password:
password-mismatch = The two passwords are not the same. Type the new password again.
password-busy = { $seconds ->
    [one] Microsoft Entra is busy and your password was not changed yet. You are still verified: try again in { $seconds } second.
   *[other] Microsoft Entra is busy and your password was not changed yet. You are still verified: try again in { $seconds } seconds.
    }
meter-good = Good: { $strength }
meter-not-yet = Not yet: { $strength }
meter-guess-time = could be guessed in { $time }
strength-0 = Very weak
strength-1 = Weak
strength-2 = Fair
strength-3 = Strong
strength-4 = Very strong

## The rules, as listed above the password field

rule-length = Between { $min } and { $max } characters.
rule-charset = Only letters A-Z, digits, spaces and these symbols: { $symbols }
rule-classes = At least three of: lowercase letters, uppercase letters, digits, symbols.
rule-strength = Hard to guess: a strength of at least { $score } out of 4. Several unrelated words work well; avoid names, dates, keyboard patterns and repeats.
rule-banned = No common passwords, your name, or your organisation's name, unless combined with enough other characters.
rule-breached = Not found in known data breaches.
rule-history = { $depth ->
    [one] Not your last password set here.
   *[other] Not one of your last { $depth } passwords set here.
    }
rule-ad-names = No user name, and no part of your full name of three or more characters.
rule-ad-history = { $depth ->
    [one] Not your previous password on your organisation's network.
   *[other] Not one of your last { $depth } passwords on your organisation's network.
    }

## Why a password was refused

policy-length-short = Use at least { $min } characters.
policy-length-long = Use at most { $max } characters.
policy-charset = Remove { $chars }: only letters A-Z, digits, spaces and the symbols { $symbols } can be used.
policy-classes = Use at least three of: lowercase letters, uppercase letters, digits and symbols. Add { $need } more of: { $missing }.
class-lowercase = lowercase letters
class-uppercase = uppercase letters
class-digits = digits
class-symbols = symbols
char-space = space
char-tab = tab
char-line-break = line break
char-nbsp = non-breaking space
char-others = others
list-separator = ,{" "}
policy-banned-name = Your password contains your name. Choose one that does not.
policy-banned-custom = Your password is built around a word your organisation has blocked. Choose one that is not.
policy-banned-organisation = Your password contains your organisation's name and too little else. Please try again with a different password.
policy-banned-common = Your password is built around a common word or pattern that attackers try first. Choose one that is not.
policy-breached = This password appears in published data breaches, so attackers already have it. Choose another.
policy-history = You used this password recently. Choose one you have not used before.
policy-unavailable = The password could not be checked just now. Please try again.
policy-breached-unavailable = We could not check this password against known breaches just now. Please try again in a minute.
policy-entra-rejected = Microsoft Entra did not accept this password: it does not meet your organisation's password requirements or contains a commonly used word. Choose a different one.
policy-ad-rejected = Your organisation's Active Directory did not accept this password: it may be too short, too simple or used too recently, or your last change may be too recent. Choose a different one.
policy-ad-names = Your organisation's network does not allow your user name or a part of your full name in a password. Leave it out.
policy-ad-history = { $depth ->
    [one] Your organisation's network did not accept this password, although it meets the rules shown. Most likely it is your previous password there or contains a word the network bans, or your account has stricter rules. Choose a different one.
   *[other] Your organisation's network did not accept this password, although it meets the rules shown. Most likely it is one of your last { $depth } passwords there or contains a word the network bans, or your account has stricter rules. Choose a different one.
    }
policy-strength-unverified = This password could not be checked in time. Choose a different one, for example four or more unrelated words with a digit and a symbol.
policy-strength-weak-start = The beginning of this password is easy to guess.
policy-strength-weak = This password is too easy to guess (strength { $score } of 4, at least { $min } needed).
policy-warn-keyboard-row = Rows of neighbouring keys, like qwerty, are among the first things tried.
policy-warn-keyboard-pattern = Short keyboard patterns are quick to guess.
policy-warn-repeat-char = Repeated characters, like aaa, add almost nothing.
policy-warn-repeat-group = A repeated group, like abcabc, is barely harder to guess than the group itself.
policy-warn-top10 = This is one of the ten most used passwords.
policy-warn-top100 = This is one of the hundred most used passwords.
policy-warn-common = This password is used by very many people.
policy-warn-similar-common = This is close to a password used by very many people.
policy-warn-sequence = Runs like abc or 6543 are quick to guess.
policy-warn-recent-year = Recent years are quick to guess.
policy-warn-single-word = A single word is quick to guess.
policy-warn-date = Dates are quick to guess.
policy-warn-name = A name on its own is quick to guess.
policy-warn-common-name = Common first names and surnames are quick to guess.
policy-hint-banned-more = Add a few more words or characters that are not common words or names.
policy-hint-few-words = Use several unrelated words, not a well-known phrase.
policy-hint-length-first = Length helps more than symbols, digits or capitals.
policy-hint-add-word = Add another word or two; uncommon words are better.
policy-hint-capitals = A capital letter at the start or end adds little.
policy-hint-all-caps = All capitals are about as easy to guess as all lower case.
policy-hint-reversed = Words spelled backwards are barely harder to guess.
policy-hint-substitutions = Swaps like @ for a or 0 for o are well known and add little.
policy-hint-keyboard = Avoid keyboard patterns, or make them much longer with many turns.
policy-hint-repeats = Avoid repeated words and characters.
policy-hint-sequences = Avoid runs like abc or 123.
policy-hint-recent-years = Avoid recent years.
policy-hint-your-years = Avoid years that mean something to you.
policy-hint-your-dates = Avoid dates and years that mean something to you.

## Finished

done-title = Your password has been changed
done-signed-in-as = You can now sign in to { $username } with your new password.
done-ad-sync = Your new password works on your organisation's network now. Microsoft 365 and other cloud apps take it within a few minutes, once it has been synchronised; until then they still expect the old one.
done-ad-syncing = Microsoft 365 is taking your new password. This usually takes about two minutes; this page says when it is done.
done-ad-synced = Microsoft 365 has your new password: you can sign in there now.
done-ad-sync-check = Check again
password-unlock-instead = Only locked out? If you still know your password, unlock your account without changing it.
password-unlock-button = Unlock my account
unlocked-title = Your account is unlocked
unlocked-text = You can sign in with your current password again. If you are locked out again soon, a phone or computer is probably still trying an old password: update it there first.
done-update-title = Now update it everywhere it is saved
done-update-intro = Phones, laptops and apps that still hold the old password keep trying it. Each try fails with "invalid username or password" (error AADSTS50126), and enough of them lock your account. Work through this list, starting with the device you are holding:
done-check-devices = Check my devices
done-printable-guide = Printable guide

## Devices still using the old password

devices-title = Devices still using your old password
devices-unavailable = Your organisation's Microsoft Entra licence does not include sign-in logs, so we can't see which devices are failing. Please work through the guide.
devices-error = We couldn't check your sign-ins just now. Please try again in a few minutes, or work through the guide.
devices-none = No device has tried your old password since the change. Devices that sync only now and then may show up later: check again tomorrow.
devices-intro = These are still trying your old password. Each try fails with "invalid username or password" (AADSTS50126) and can lock your account.
devices-failures = { $count ->
    [one] { $count } failed sign-in, the last at { $last }.
   *[other] { $count } failed sign-ins, the last at { $last }.
    }
devices-locked = Your account was locked because of it.
devices-how = How to update it
devices-open-guide = Open the guide
devices-check-again = Check again
devices-unknown-app = An app
devices-unknown-device = an unknown device

## The saved-password guide

guide-title = Update your saved passwords
guide-intro = After a password change, every device and app that saved the old password must be updated. Until then it fails with "invalid username or password" (AADSTS50126) and may lock your account.
guide-ios-mail = iPhone or iPad: Mail, Outlook and Teams apps
guide-ios-mail-1 = Open the Outlook or Teams app: when it asks, sign in again with the new password.
guide-ios-mail-2 = Built-in Mail app: Settings › Apps › Mail › Mail Accounts › your work account › Account, then type the new password and tap Done.
guide-ios-mail-3 = If the account keeps failing, delete it from Mail and add it again.
guide-android-mail = Android: Outlook, Teams, Gmail and other mail apps
guide-android-mail-1 = Open Outlook and Teams: sign in again with the new password when asked.
guide-android-mail-2 = Gmail or Samsung Email with a work account: Settings › your work account › Server settings (or Account settings), then type the new password.
guide-android-mail-3 = If Microsoft Authenticator or Company Portal asks you to sign in, use the new password.
guide-windows-signin = Windows: sign-in and the lock screen
guide-windows-signin-1 = Lock the computer (Windows key + L) and unlock it with the new password.
guide-windows-signin-2 = Away from the office network? Connect to VPN first, or the computer may keep the old password until it can reach the network.
guide-outlook-desktop = Outlook, Teams and OneDrive on a computer
guide-outlook-desktop-1 = Close and reopen Outlook, Teams and OneDrive; sign in with the new password when they ask.
guide-outlook-desktop-2 = If Outlook keeps asking: File › Account Settings › Account Settings, select the account, Repair.
guide-credential-manager = Windows Credential Manager and mapped drives
guide-credential-manager-1 = Open Start, type Credential Manager, open Windows Credentials.
guide-credential-manager-2 = Edit every entry with your work user name (for example MicrosoftOffice, mapped drives, printers) and type the new password, or remove it to be asked again.
guide-credential-manager-3 = Mapped network drives: right-click the drive in File Explorer, Disconnect, then map it again.
guide-keychain = Mac: Keychain
guide-keychain-1 = Open Keychain Access (Applications › Utilities).
guide-keychain-2 = Search for your work email, open each entry (Exchange, Outlook, Wi-Fi) and update the password, or delete the entry to be asked again.
guide-wifi = Office Wi-Fi
guide-wifi-1 = On each phone, tablet and laptop: forget the office Wi-Fi network (Settings › Wi-Fi › the network › Forget).
guide-wifi-2 = Join it again and sign in with the new password.
guide-vpn = VPN
guide-vpn-1 = Open the VPN app, edit the saved connection and replace the saved password, or clear it so the app asks.
guide-browsers = Passwords saved in browsers
guide-browsers-1 = Edge or Chrome: Settings › Passwords (Password Manager); Firefox: Settings › Passwords; Safari: Settings › Passwords.
guide-browsers-2 = Search for your work email and update or delete the saved entry.
guide-other-devices = Other phones, tablets, home computers, scanners and scripts
guide-other-devices-1 = Think of every other device that signs in as you: a second phone, a tablet, a home computer, a scanner that emails documents, scheduled scripts.
guide-other-devices-2 = Update each one. Until you do, it keeps trying the old password.

## Helpdesk and lockout

helpdesk-title = Please contact the helpdesk
helpdesk-intro = Thank you for confirming who you are. This password can't be reset here.
helpdesk-reason = Reason: { $reason }
helpdesk-reason-code = Tell the helpdesk this reason code: { $code }
reason-disabled = Your account is disabled.
reason-synced = Your password is managed by your organisation's on-premises directory.
reason-privileged = Your account has administrator rights, so its password can only be reset by the helpdesk.
reason-federated = Your account signs in through another identity provider.
reason-not-enough-methods = Your account does not have enough contact methods registered.
locked-title = Too many wrong codes
locked-paused = For your safety, password resets for this account are paused until { $until }. Your password has not changed.
locked-not-you = If you did not try to reset your password, contact the helpdesk.

## Failure pages

error-code = Error { $status }
error-bad-request-title = Something in that request was not right
error-bad-request-text = Please go back and try again.
error-forbidden-title = This page has expired
error-forbidden-text = For your safety the form could not be accepted. Please start again.
error-not-found-title = Page not found
error-not-found-text = The address may be mistyped, or the page no longer exists.
error-expired-title = Your reset has expired
error-expired-text = { $minutes ->
    [one] For your safety a reset ends after { $minutes } minute without activity. Please start again.
   *[other] For your safety a reset ends after { $minutes } minutes without activity. Please start again.
    }
error-out-of-order-title = This step is not available yet
error-out-of-order-text = Please continue where you left off, or start again.
error-too-many-title = Too many attempts
error-too-many-text = Please wait a few minutes before trying again.
error-unavailable-title = The service is temporarily unavailable
error-unavailable-text = Nothing was changed. Please try again in a few minutes.
error-internal-title = Something went wrong on our side
error-internal-text = Nothing was changed. Please try again; if it keeps happening, contact the helpdesk.

## Demo outbox

outbox-title = Demo outbox
outbox-intro = In demo mode nothing leaves this machine: every email and text message the portal would send is shown here, newest first.
outbox-refresh = Refresh
outbox-empty = No messages yet. Start a reset on the portal.
outbox-open-portal = Open the portal
outbox-email-to = email to { $to }
outbox-sms-to = text message to { $to }

## Emails and text messages

mail-hello = Hello,
mail-hello-name = Hello { $name },
mail-helpdesk = Questions? Contact the helpdesk: { $helpdesk }
mail-code-subject = Your password reset code for { $org }
mail-code-intro = Your password reset code for { $org } is:
mail-code-once = { $minutes ->
    [one] It works once, for { $minutes } minute.
   *[other] It works once, for { $minutes } minutes.
    }
mail-code-who = Someone asked to reset the password of { $account } at { $at }.
mail-code-who-from = Someone asked to reset the password of { $account } from { $address } at { $at }.
mail-code-not-you = If that was not you, do not share this code with anyone. Your password has not changed.
sms-code = { $code } is your password reset code for { $org }. It expires in { $minutes } min. Never share it.
mail-locked-subject = Password resets paused for { $account }
mail-locked-paused = Password resets for { $account } are paused until { $until } after too many wrong codes were entered on the password portal of { $org }.
mail-locked-from = The last wrong code came from { $address }.
mail-locked-advice = If this was you, wait and try again later. If it was not you, someone may be trying to take over your account: contact the helpdesk.
mail-not-changed = Your password has not changed.
mail-changed-subject = Your password for { $org } was changed
mail-changed-what = The password of { $account } was changed at { $at } through the password portal of { $org }.
mail-changed-what-from = The password of { $account } was changed at { $at } from { $address } through the password portal of { $org }.
mail-changed-not-you = If this was not you, contact the helpdesk now.
mail-changed-update = Update the password everywhere it is saved, or those devices will keep failing with "invalid username or password" (AADSTS50126) and may lock your account:
mail-full-guide = The full guide
mail-reminder-subject = { $days ->
    [1] Your password expires tomorrow
   *[other] Your password expires in { $days } days
    }
mail-reminder-subject-expired = Your password has expired
mail-reminder-expires = { $days ->
    [1] The password of { $account } expires on { $date }, tomorrow.
   *[other] The password of { $account } expires on { $date }, in { $days } days.
    }
mail-reminder-expired = The password of { $account } expired on { $date }. You can't sign in with it any more.
mail-reminder-change-at = Change it now at { $url }
mail-reminder-windows = Or, while you can still sign in to Windows: Ctrl+Alt+Del › Change a password.
mail-reminder-how = How: enter your work email, confirm with the code we send to your registered email or phone, and choose a new password. A few unrelated words make a strong one.
mail-reminder-after = Afterwards, update the password on your phone, Outlook, Wi-Fi and VPN, or they keep using the old one and may lock your account.
mail-signature = { $org } IT
# When branding.org_name is not set: the organisation, as it reads in the messages above.
org-unnamed = your organisation
org-logo-alt = Logo
mail-signature-unnamed = Your IT team
mail-watch-subject = { $device } is still using your old password
mail-watch-body = { $count ->
    [one] Your password for { $account } at { $org } was changed, but { $device } is still trying the old one ({ $count } failed sign-in so far). Each try fails with "invalid username or password" (AADSTS50126), and enough of them lock your account.
   *[other] Your password for { $account } at { $org } was changed, but { $device } is still trying the old one ({ $count } failed sign-ins so far). Each try fails with "invalid username or password" (AADSTS50126), and enough of them lock your account.
    }
mail-watch-how = How to update it: { $url }
mail-watch-unknown = If you don't recognise this device, contact the helpdesk.
mail-trouble-subject = Having trouble signing in?
mail-trouble-body = { $count ->
    [one] { $device } has failed to sign in as { $account } { $count } time since { $since } with "invalid username or password" (AADSTS50126). It probably still has an old password saved.
   *[other] { $device } has failed to sign in as { $account } { $count } times since { $since } with "invalid username or password" (AADSTS50126). It probably still has an old password saved.
    }
mail-trouble-update = Update it: { $url }
mail-trouble-forgot = Forgot the password? { $url }
