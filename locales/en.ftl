### Directus Desktop: English, the source language.
### Every other catalogue in this folder has exactly these messages, attributes and variables
### (the test command checks it).
### Who reads it: the customers of an organisation, signing in to their account (create an
### account, sign in, two-factor authentication, forgot and reset password, server settings,
### help); the diagnostic report goes to their support desk.
### Register: plain and polite; address the customer as "you"; keep sentences short. Buttons
### are short verb phrases ("Send the link"), instructions are imperatives ("Enter your email").
### Each translation's header says its own register, quotation marks for button names, and
### typography (French) or text-direction (Arabic) rules, which the tests check.

## The frame around every screen

app-opening = Opening your account…
dismiss = Dismiss
back = Back
back-to-sign-in = Back to sign in
try-again = Try again
trying = Trying…
loading = Loading…
checking = Checking…
sending = Sending…
language-label = Language
language-automatic = Automatic ({ $language })

## Fields and buttons every form uses

field-email = Email
field-password = Password
field-confirm-password = Confirm password
field-new-password = New password
field-confirm-new-password = Confirm new password
field-current-password = Current password
password-show = Show
password-hide = Hide
password-show-label = Show password
password-hide-label = Hide password
caps-lock-on = Caps Lock is on.
password-rules-own = This server may have rules of its own.
password-hint-empty = Use 8 or more characters; a few unrelated words make a strong password. { password-rules-own }
password-strength = Strength: { $strength ->
        [too-short] very weak (under 8 characters)
        [weak] weak
        [fair] fair
       *[strong] strong
    }. { password-rules-own }
password-strength-refused = Strength: not accepted by this server.
paste-field-label = Link or code from the email

## What a field says before anything is sent

problem-email-empty = Enter your email address.
problem-email-invalid = Enter an email address like name@example.com.
problem-password-empty = Enter your password.
problem-current-password-empty = Enter your current password.
problem-first-name-empty = Enter your first name.
problem-last-name-empty = Enter your last name.
problem-new-password-empty = Choose a password.
problem-confirm-empty = Type the password again.
problem-confirm-mismatch = The passwords don't match.
problem-otp-empty = Enter the 6-digit code from your authenticator app.
problem-otp-invalid = The code is 6 digits.
problem-link-empty = Paste the link from the email first.

## Starting

starting-welcome-back = Welcome back
starting-account = Account
starting-checking = Checking your session…
startup-failed-title = The app couldn't start
startup-failed-help = Close the app and open it again. If this keeps happening, send this code to your support desk:

## Sign in

sign-in-title = Sign in
sign-in-otp-label = One-time code
sign-in-otp-hint = Your account uses two-factor authentication: enter the 6-digit code from your authenticator app.
sign-in-submit = Sign in
sign-in-busy = Signing in…
sign-in-forgot = Forgot password?
sign-in-register = Create an account
sign-in-paste-link = Paste a link from an email
sign-in-server = Server settings
sign-in-help = Help
sign-in-keychain-not-removed = You're signed out here, but the saved sign-in couldn't be removed from the system keychain yet. The app keeps trying, and won't use it to sign you in again.
banner-password-changed = Password changed. Sign in with your new password.
banner-email-confirmed = Your email is confirmed. Sign in to continue.
banner-signed-out = You signed out.
banner-session-expired = Your session has expired. Please sign in again.
banner-password-changed-elsewhere = Your password was changed. Sign in with the new one.

## Create an account

register-title = Create an account
register-first-name = First name
register-last-name = Last name
register-submit = Create account
register-busy = Creating account…
register-have-account = I already have an account
register-closed = This server doesn't accept new accounts from the app. Contact the organisation that runs it.
register-check-email = Check your email
# $email is shown in bold.
register-sent = If { $email } can be registered, we've sent it a link to confirm the address. Open the link, or paste it into this app, then sign in.
register-resend = Resend the email
register-resend-wait = Resend the email ({ $seconds } s)
register-paste-link = Paste the link from the email
register-ready-title = You can sign in now
register-ready = If the address could be registered, the account is ready.

## Paste a link

paste-title = Paste a link from an email
paste-intro = Some mail apps don't open links to this app. Copy the link from the confirmation or password-reset email (or the code the web page shows) and paste it here.
paste-reset-title = Reset your password
paste-reset-intro = Paste the link from the password-reset email (the whole link, or the code the web page shows).
paste-submit = Continue
paste-busy = Checking the link…
paste-new-link = Send me a new link

## Confirm the email

confirm-title = Confirm your email
# $email is shown in bold.
confirm-intro = This link confirms { $email } on this server:
confirm-intro-no-email = This link confirms your address on this server:
confirm-only-if = Only continue if you created an account there.
confirm-submit = Confirm my email
confirm-submit-at = Confirm my email at { $host }
confirm-busy = Confirming…
confirm-not-now = Not now
confirmed-title = Email confirmed
# $email is shown in bold.
confirmed = The address { $email } is confirmed. You can sign in now.
confirmed-no-email = Your address is confirmed. You can sign in now.

## Forgot password

forgot-title = Forgot your password?
forgot-intro = Enter the email of your account and we'll send you a link to choose a new password.
forgot-submit = Send the link
forgot-check-email = Check your email
# $email is shown in bold.
forgot-sent = If an account exists for { $email }, we've sent it a link to choose a new password. The link works once, for a day.

## Choose a new password

reset-title = Choose a new password
# $email is shown in bold.
reset-for = For the account { $email }
reset-submit = Change password
reset-busy = Changing password…
reset-send-new-link = Send a new link
# $email is shown in bold.
reset-newer-link-for = Another password-reset link just arrived (for { $email }). Use it instead of this one?
reset-newer-link = Another password-reset link just arrived. Use it instead of this one?
reset-use-new = Use the new link
reset-keep = Keep this one

## Signed in

signed-in-title = You're signed in
signed-in-account = Account
signed-in-email = Email
signed-in-server = Server
signed-in-device = On this device
signed-in-remembered = You'll stay signed in after closing the app.
signed-in-not-remembered = You'll need to sign in again after closing the app.
signed-in-offline = Can't reach the server right now. You stay signed in; the app tries again by itself.
signed-in-offline-slow-down = The server asked the app to slow down. You stay signed in; the app tries again when the server allows.
signed-in-offline-tls = { $problem } You stay signed in; the app tries again by itself.
signed-in-try-now = Try now
signed-in-sign-out = Sign out
signed-in-signing-out = Signing out…
signed-in-announcements = Announcements
help-and-diagnostics = Help and diagnostics

## Your account: the account screen and its forms (edit name, change password, two-factor
## authentication on and off, and the set-up an organisation requires)

account-name = Name
account-name-this-device = As registered or last saved with this app on this computer: the server doesn't show your name to the app.
account-name-unknown = Not shown by the server
account-name-empty = Not set
account-edit-name = Edit name
account-change-password = Change password
account-two-factor = Two-factor authentication
account-two-factor-on = On
account-two-factor-off = Off
account-two-factor-unknown = The server doesn't say
account-two-factor-unknown-hint = It's on if signing in asks you for a code from an authenticator app.
account-turn-on = Turn on
account-turn-off = Turn off
account-notice-name-saved = Your name is saved.
account-notice-password-changed = Password changed. Your other devices were signed out; you stay signed in on this one.
account-notice-two-factor-on = Two-factor authentication is on. From now on, signing in also asks for a code from your authenticator app.
account-notice-two-factor-off = Two-factor authentication is off. Signing in now asks only for your password.
edit-name-title = Edit your name
edit-name-intro = The name on your account, as your organisation sees it.
edit-name-email-fixed = Your email address can't be changed in the app: the server doesn't confirm a new address, so a typo would lock you out of your account.
edit-name-save = Save name
change-password-title = Change your password
change-password-otp-hint = Two-factor authentication is on: enter the 6-digit code from your authenticator app.
change-password-other-devices = Changing your password signs you out on your other devices. You stay signed in on this one.
change-password-fresh-code-intro = Your password is changed, and your other devices were signed out. To stay signed in on this one, enter a new code.
change-password-fresh-code-hint = Enter the 6-digit code your authenticator app shows now.
two-factor-on-title = Turn on two-factor authentication
two-factor-required-title = Your organisation requires two-factor authentication
two-factor-required-intro = Set it up to continue. You can also sign out.
two-factor-intro = Each time you sign in, you'll also enter a 6-digit code from an authenticator app on your phone. If you don't have one, install one first.
two-factor-password-hint = The server asks for your password before two-factor authentication is set up.
two-factor-continue = Continue
two-factor-scan = Scan this QR code with your authenticator app.
# $account is the account's email, $issuer the name the authenticator app lists it under.
two-factor-qr-alt = QR code that adds { $account } ({ $issuer }) to an authenticator app. The key below holds the same.
two-factor-type-key = Or type this key into the app by hand:
two-factor-copy-key = Copy key
two-factor-key-copied = Copied. Paste it into your authenticator app.
two-factor-code-label = Code from the app
two-factor-code-hint = Enter the 6-digit code the app shows for this account.
two-factor-turn-on = Turn on two-factor authentication
two-factor-turning-on = Turning on…
two-factor-secret-only-here = The key is shown only on this screen, and the app doesn't keep it. Don't share it: anyone who has it can make your codes.
two-factor-enabled-wait = Two-factor authentication is on. Opening your account…
two-factor-off-title = Turn off two-factor authentication
two-factor-off-intro = Signing in will then ask only for your password. To confirm it's you, enter the 6-digit code from your authenticator app.
two-factor-off-code-hint = The code your authenticator app shows now.
two-factor-turn-off = Turn off two-factor authentication
two-factor-turning-off = Turning off…

## Announcements

announcements-title = Announcements
announcements-loading = Loading announcements…
announcements-empty = No announcements yet. News from the organisation will show here.
announcements-pages = Pages
announcements-newer = Newer
announcements-older = Older
announcements-page = Page { $page }
announcements-page-of = Page { $page } of { $pages }
announcements-your-account = Your account
announcements-all = All announcements
announcements-forbidden = Your account isn't allowed to see the announcements. Ask the organisation that runs the server if you think it should be.
announcement-forbidden = Your account isn't allowed to see this announcement. Ask the organisation that runs the server if you think it should be.

## Server settings

server-title = Server settings
server-in-use = In use
server-set-by = Set by
server-source-environment = an environment variable (DIRECTUS_DESKTOP_SERVER_URL)
server-source-settings = this app's settings
server-source-default = default (the local development server)
server-source-unset = nothing yet
server-source-command-line = the command line (--server)
server-email-links = Email links
server-links-via-page = through the link page at { $page }
server-links-direct = straight to this app
server-environment-wins = The environment variable wins over a saved address at every start.
server-needed = No server is set up yet. Enter the address your organisation gave you and save it, then you can sign in.
server-address = Server address
server-address-hint = The address of your organisation's Directus, e.g. https://cms.example.com
server-link-page = Link page for emails (optional)
server-link-page-hint = Where your organisation hosts the app's link page, e.g. https://example.com/directus-desktop/. Leave empty to link straight to the app.
server-test = Test connection
server-testing = Testing…
server-save = Save
server-saving = Saving…
server-saved = Saved. The app now uses this server.
# $project is shown in bold.
server-connected = Connected to { $project }
server-connected-closed = Connected to { $project } (registration from the app is off)

## Help and diagnostics

help-version = Version
help-build = Build
help-log-folder = Log folder
help-intro = If something doesn't work, your support desk may ask for the diagnostic report. It says which server the app uses and how it answers, and contains no password or code.
help-copy-report = Copy diagnostic report
help-open-logs = Open log folder
help-check-links = Check email links
help-copied = Copied. Paste it into your message to the support desk.
help-reset-accepted = The server accepts the app's password-reset link.
help-reset-refused = The server refuses the app's password-reset link. Its administrators must add { $url } to PASSWORD_RESET_URL_ALLOW_LIST.
help-not-asked = The server couldn't be asked.
help-not-asked-because = The server couldn't be asked: { $problem }
# $reset and $verify are the two addresses, shown as code.
help-links-via-page = Emails link to your organisation's page: { $reset } and { $verify }. The server must list the second in USER_REGISTER_URL_ALLOW_LIST; checking that would create an account, so it is not checked here.
help-links-direct = Emails link straight to this app: { $reset } and { $verify }. The server must list the second in USER_REGISTER_URL_ALLOW_LIST; checking that would create an account, so it is not checked here.
help-no-scheme = No program on this computer opens the app's links: install the app from its package, or ask your organisation for a link page.
help-links-any-scheme = This server also accepts reset links of other programs' link schemes: Directus checks a custom-scheme link by its path only, so a password-reset email's code could be sent to another program. For production, use a link page for email links (https, in Server settings).

## Updates: the banner that offers a new version, and the Help screen's part

update-available = Version { $version } is available.
update-install = Install and restart
update-later = Later
update-downloading = Downloading the update…
update-downloading-percent = Downloading the update: { $percent }%
update-installing = Installing the update. The app will restart by itself.
help-updates = Updates
help-updates-off = This copy of the app doesn't look for updates: your organisation provides new versions.
help-updates-never-checked = The app hasn't looked for updates yet.
# $date is a date and time, e.g. "7 December 2026 at 14:03".
help-updates-up-to-date = Checked { $date }: this is the newest version.
help-updates-found = Checked { $date }: version { $version } is available.
# $reason is one of the update-failure-* messages.
help-updates-failed = Checked { $date }, without an answer: { $reason }
help-check-updates = Check for updates
help-update-install = Install version { $version } and restart
update-failure-unreachable = the update server couldn't be reached.
update-failure-timeout = the update server didn't answer in time.
update-failure-server-error = the update server answered with an error.
update-failure-bad-manifest = the update server's answer couldn't be read.
update-failure-no-package = no update is published for this system.
update-failure-rejected = the update isn't signed by your organisation.
update-failure-download-failed = the download broke off.
update-failure-install-failed = the installer didn't finish.

## Errors, one for each code (and the screen, where that changes what helps)

error-invalid-credentials = The email or password is wrong. Check both and try again. If you just created the account, confirm your email first.
error-otp-required = Enter the 6-digit code from your authenticator app.
error-otp-invalid = That code didn't work. Codes change every 30 seconds: enter the one your app shows now.
error-account-suspended = This account is suspended. Contact the organisation that runs the server.
error-session-expired = Your session has expired. Please sign in again.
error-link-invalid = This link isn't valid. Copy the whole link from the email, or ask for a new one.
error-link-invalid-verify = This link isn't valid. Copy the whole link from the email and paste it again.
error-link-used = This link was already used. Ask for a new one below.
error-link-used-verify = This link was already used: your email is probably confirmed. Try signing in.
error-link-expired = This link has expired. Ask for a new one below.
error-link-expired-verify = This link has expired. Register again with the same email to get a new one.
error-registration-closed = This server doesn't accept new accounts from the app. Contact the organisation that runs it.
error-password-rejected = This server's password rules refused this password. Try a longer one, with a mix of words, numbers and symbols.
error-rate-limited = Too many attempts. Wait a minute and try again.
error-rate-limited-seconds = Too many attempts. Try again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
error-rate-limited-minutes = Too many attempts. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
error-server-unavailable = The server is busy or under maintenance. Try again in a moment.
error-server-unreachable = Can't reach the server. Check your internet connection, then try again.
error-server-unreachable-server = Nothing answers at that address. Check it, and your internet connection.
error-timeout = The server took too long to answer. Try again in a moment.
error-not-directus = That address answers, but not as a Directus server. Check the server address.
# $why is one of the address-* messages below.
error-invalid-server-url = That server address can't be used: { $why }.
error-invalid-link-page-url = That link page address can't be used: { $why }.
address-empty = the address is empty
address-not-a-web-address = it is not a web address (it should start with https://)
address-plain-http = plain http:// is only allowed for this computer; use https://
address-unsupported-scheme = only https:// addresses are supported
address-no-host = the address has no host name
address-has-credentials = the address must not contain a user name or password
address-too-long = the address is too long (at most 500 characters)
error-server-not-configured = The server isn't set up to send this app's email links. Contact the organisation that runs it.
# $setting is the name of a Directus setting, e.g. PASSWORD_RESET_URL_ALLOW_LIST.
error-server-not-configured-setting = The server isn't set up to send this app's email links (its { $setting } setting). Contact the organisation that runs it.
# $store is the keychain's own name (e.g. "Secret Service"), or "none" when it is not known.
error-keychain-unavailable = { $store ->
        [none] The system keychain
       *[other] The system keychain ({ $store })
    } isn't available. You can still sign in, but you'll need to sign in again next time.
error-keychain-unavailable-signed-in = { $store ->
        [none] The system keychain
       *[other] The system keychain ({ $store })
    } isn't available, so you'll stay signed in only until the app closes.
error-keychain-locked = { $store ->
        [none] The system keychain
       *[other] The system keychain ({ $store })
    } is locked. Unlock it to stay signed in after the app closes.
error-keychain-locked-sign-in = { $store ->
        [none] The system keychain
       *[other] The system keychain ({ $store })
    } is locked, so a saved sign-in can't be read. Unlock it and choose Try again, or sign in.
error-tls = The server's certificate is not trusted, so the app sent nothing to it. Check the server address, or ask the organisation that runs it. This is not a problem with your internet connection.
error-server-changed = The server was changed while this was running. Try again.
error-forbidden = Your account isn't allowed to see this, or it's no longer there. Ask the organisation that runs the server if you think you should.
error-collection-not-allowed = This app isn't set up to show that. Contact the organisation that provides it.
error-query-not-allowed = This screen asked for something the app isn't set up to show. Contact the organisation that provides the app.
error-server-restricted = This organisation's server isn't accepting sign-ins right now. Tell the organisation.
error-current-password-wrong = That isn't your current password. Check it and try again.
error-account-change-forbidden = Your organisation doesn't let you change this in the app.
error-two-factor-required = Your organisation requires two-factor authentication. Set it up to continue.
error-two-factor-required-off = Your organisation requires two-factor authentication, so you can't turn it off.
error-update-rejected = This update was refused: it isn't signed by your organisation. Nothing was changed.
error-update-failed = The update couldn't be downloaded or installed. Try again later; if it keeps failing, contact support.
error-unexpected = Something unexpected went wrong. Try again, or contact support.
error-unexpected-status = The server gave an unexpected answer (HTTP { $status }). Try again, or contact support.

## The diagnostic report: its title, headings and labels (its values stay in English, for the
## support desk)

report-title = { $app } diagnostic report (it contains no password, token or link code)
report-result = Result
report-app = App
report-version = Version
report-build = Build
report-system = System
report-webview = Webview
report-log-folder = Log folder
report-server = Server
report-address = Address
report-set-by = Set by
report-answers = Answers
report-tls = TLS
report-project = Project
report-directus-version = Directus version
report-registration = Registration
report-email-confirmation = Email confirmation
report-sign-ins = Sign-ins
report-email-links = Email links
report-style = Style
report-reset-link = Reset link
report-verification-link = Verification link
report-reset-accepted = Reset link accepted
report-verification-accepted = Verification accepted
report-links-opened-by = Links opened by
report-keychain = Keychain
report-store = Store
report-state = State
report-updates = Updates
report-update-source = From
report-update-last-check = Last check
report-update-now = Now
report-session = Session
report-signed-out-because = Signed out because
report-remembered = Remembered
report-access-expires = Access expires in
report-problem = Problem
report-recent-errors = Recent errors
report-checks = Checks

## The hand-off page (hand-off/index.html): what a browser shows when an email's link goes
## through the organisation's web site. { $app } is the app's name; $button, $forgot and
## $resend are the app's own buttons (its messages above), shown in bold.

hand-off-title = Open { $app }
hand-off-reset-title = Reset your password
hand-off-reset-lead = { $app } opens on the reset screen for your account.
hand-off-verify-title = Confirm your email address
hand-off-verify-lead = { $app } confirms your address, then you can sign in.
hand-off-open = Open { $app }
hand-off-paste-label = Or paste this link into the app
hand-off-copy = Copy link
hand-off-copied = Copied. Paste it into { $app }.
hand-off-copy-by-hand = Selected: press Ctrl+C (⌘C on a Mac) to copy.
hand-off-nothing-happened = Nothing happened? Open { $app }, choose { $button }, and paste the link. It holds a one-time code for your account: don't share it.
hand-off-broken-title = This link is incomplete
hand-off-broken-cut = Some mail programs cut long links short. Open the link from the email again, or copy it whole into your browser.
hand-off-broken-new = If it still doesn't work, ask for a new email from { $app } ({ $forgot } or { $resend }).
hand-off-no-script-title = Finish in { $app }
hand-off-no-script-copy = Copy this page's whole address from your browser's address bar.
hand-off-no-script-open = Open { $app } and choose { $button }.
hand-off-no-script-paste = Paste the address and continue.
hand-off-no-script-secret = The address holds a one-time code for your account: don't share it.
