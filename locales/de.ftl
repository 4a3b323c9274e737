### Directus Desktop: Deutsch. Dieselben Meldungen, Attribute und Variablen wie en.ftl.
### Wer liest: Kundinnen und Kunden einer Organisation, die sich bei ihrem Konto anmelden (Konto
### erstellen, Anmeldung, Zwei-Faktor-Authentifizierung, Passwort vergessen und zurücksetzen,
### Servereinstellungen, Hilfe); der Diagnosebericht geht an den Support.
### Ton: förmlich und freundlich, immer "Sie" (nie "du"); kurze, sachliche Sätze. Schaltflächen
### im Infinitiv ("Link senden"), Hinweise im Imperativ mit "Sie" ("Geben Sie … ein").
### Nennt ein Text eine Schaltfläche der App, steht ihr Text genau wie in deren Meldung, in
### deutschen Anführungszeichen: „Erneut versuchen“. Variablen, die fett gezeigt werden ($button,
### $forgot, $resend), stehen ohne Anführungszeichen.
### Einheitliche Begriffe: E-Mail-Adresse, Link, Code, Schlüsselbund, Servereinstellungen,
### Link-Seite, Support. "z. B." mit geschütztem Leerzeichen.

## The frame around every screen

app-opening = Ihr Konto wird geöffnet…
dismiss = Schließen
back = Zurück
back-to-sign-in = Zurück zur Anmeldung
try-again = Erneut versuchen
trying = Wird versucht…
loading = Wird geladen…
checking = Wird geprüft…
sending = Wird gesendet…
language-label = Sprache
language-automatic = Automatisch ({ $language })

## Fields and buttons every form uses

field-email = E-Mail
field-password = Passwort
field-confirm-password = Passwort bestätigen
field-new-password = Neues Passwort
field-confirm-new-password = Neues Passwort bestätigen
field-current-password = Aktuelles Passwort
password-show = Anzeigen
password-hide = Ausblenden
password-show-label = Passwort anzeigen
password-hide-label = Passwort ausblenden
caps-lock-on = Die Feststelltaste ist aktiviert.
password-rules-own = Dieser Server hat möglicherweise eigene Regeln.
password-hint-empty = Verwenden Sie mindestens 8 Zeichen; einige Wörter ohne Zusammenhang ergeben ein starkes Passwort. { password-rules-own }
password-strength = Stärke: { $strength ->
        [too-short] sehr schwach (unter 8 Zeichen)
        [weak] schwach
        [fair] mittel
       *[strong] stark
    }. { password-rules-own }
password-strength-refused = Stärke: Dieser Server lehnt das Passwort ab.
paste-field-label = Link oder Code aus der E-Mail

## What a field says before anything is sent

problem-email-empty = Geben Sie Ihre E-Mail-Adresse ein.
problem-email-invalid = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
problem-password-empty = Geben Sie Ihr Passwort ein.
problem-current-password-empty = Geben Sie Ihr aktuelles Passwort ein.
problem-first-name-empty = Geben Sie Ihren Vornamen ein.
problem-last-name-empty = Geben Sie Ihren Nachnamen ein.
problem-new-password-empty = Wählen Sie ein Passwort.
problem-confirm-empty = Geben Sie das Passwort noch einmal ein.
problem-confirm-mismatch = Die Passwörter stimmen nicht überein.
problem-otp-empty = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.
problem-otp-invalid = Der Code besteht aus 6 Ziffern.
problem-link-empty = Fügen Sie zuerst den Link aus der E-Mail ein.

## Starting

starting-welcome-back = Willkommen zurück
starting-account = Konto
starting-checking = Ihre Sitzung wird geprüft…
startup-failed-title = Die App konnte nicht gestartet werden
startup-failed-help = Schließen Sie die App und öffnen Sie sie erneut. Wenn das Problem weiterhin auftritt, senden Sie diesen Code an Ihren Support:

## Sign in

sign-in-title = Anmelden
sign-in-otp-label = Einmalcode
sign-in-otp-hint = Ihr Konto verwendet die Zwei-Faktor-Authentifizierung: Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.
sign-in-submit = Anmelden
sign-in-busy = Anmeldung läuft…
sign-in-forgot = Passwort vergessen?
sign-in-register = Konto erstellen
sign-in-paste-link = Link aus einer E-Mail einfügen
sign-in-server = Servereinstellungen
sign-in-help = Hilfe
sign-in-keychain-not-removed = Sie sind hier abgemeldet, aber die gespeicherte Anmeldung konnte noch nicht aus dem Schlüsselbund des Systems entfernt werden. Die App versucht es weiter und meldet Sie damit nicht wieder an.
banner-password-changed = Passwort geändert. Melden Sie sich mit Ihrem neuen Passwort an.
banner-email-confirmed = Ihre E-Mail-Adresse ist bestätigt. Melden Sie sich an, um fortzufahren.
banner-signed-out = Sie haben sich abgemeldet.
banner-session-expired = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
banner-password-changed-elsewhere = Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen Passwort an.

## Create an account

register-title = Konto erstellen
register-first-name = Vorname
register-last-name = Nachname
register-submit = Konto erstellen
register-busy = Konto wird erstellt…
register-have-account = Ich habe bereits ein Konto
register-closed = Auf diesem Server können in der App keine neuen Konten erstellt werden. Wenden Sie sich an die Organisation, die ihn betreibt.
register-check-email = Prüfen Sie Ihre E-Mails
register-sent = Falls { $email } registriert werden kann, haben wir an diese Adresse einen Link gesendet, mit dem Sie sie bestätigen können. Öffnen Sie den Link oder fügen Sie ihn in diese App ein und melden Sie sich dann an.
register-resend = E-Mail erneut senden
register-resend-wait = E-Mail erneut senden ({ $seconds } s)
register-paste-link = Link aus der E-Mail einfügen
register-ready-title = Sie können sich jetzt anmelden
register-ready = Falls die Adresse registriert werden konnte, ist das Konto bereit.

## Paste a link

paste-title = Link aus einer E-Mail einfügen
paste-intro = Manche E-Mail-Programme öffnen keine Links zu dieser App. Kopieren Sie den Link aus der Bestätigungs-E-Mail oder der E-Mail zum Zurücksetzen des Passworts (oder den Code, den die Webseite anzeigt) und fügen Sie ihn hier ein.
paste-reset-title = Passwort zurücksetzen
paste-reset-intro = Fügen Sie den Link aus der E-Mail zum Zurücksetzen des Passworts ein (den vollständigen Link oder den Code, den die Webseite anzeigt).
paste-submit = Weiter
paste-busy = Link wird geprüft…
paste-new-link = Neuen Link anfordern

## Confirm the email

confirm-title = E-Mail-Adresse bestätigen
confirm-intro = Dieser Link bestätigt { $email } auf diesem Server:
confirm-intro-no-email = Dieser Link bestätigt Ihre Adresse auf diesem Server:
confirm-only-if = Fahren Sie nur fort, wenn Sie dort ein Konto erstellt haben.
confirm-submit = Meine E-Mail-Adresse bestätigen
confirm-submit-at = Meine E-Mail-Adresse bei { $host } bestätigen
confirm-busy = Wird bestätigt…
confirm-not-now = Jetzt nicht
confirmed-title = E-Mail-Adresse bestätigt
confirmed = Die Adresse { $email } ist bestätigt. Sie können sich jetzt anmelden.
confirmed-no-email = Ihre Adresse ist bestätigt. Sie können sich jetzt anmelden.

## Forgot password

forgot-title = Passwort vergessen?
forgot-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen können.
forgot-submit = Link senden
forgot-check-email = Prüfen Sie Ihre E-Mails
forgot-sent = Falls es für { $email } ein Konto gibt, haben wir an diese Adresse einen Link gesendet, mit dem Sie ein neues Passwort festlegen können. Der Link ist einen Tag lang gültig und kann nur einmal verwendet werden.

## Choose a new password

reset-title = Neues Passwort wählen
reset-for = Für das Konto { $email }
reset-submit = Passwort ändern
reset-busy = Passwort wird geändert…
reset-send-new-link = Neuen Link senden
reset-newer-link-for = Soeben ist ein weiterer Link zum Zurücksetzen des Passworts eingegangen (für { $email }). Möchten Sie ihn statt dieses Links verwenden?
reset-newer-link = Soeben ist ein weiterer Link zum Zurücksetzen des Passworts eingegangen. Möchten Sie ihn statt dieses Links verwenden?
reset-use-new = Neuen Link verwenden
reset-keep = Diesen Link behalten

## Signed in

signed-in-title = Sie sind angemeldet
signed-in-account = Konto
signed-in-email = E-Mail
signed-in-server = Server
signed-in-device = Auf diesem Gerät
signed-in-remembered = Sie bleiben angemeldet, auch wenn Sie die App schließen.
signed-in-not-remembered = Nach dem Schließen der App müssen Sie sich erneut anmelden.
signed-in-offline = Der Server ist gerade nicht erreichbar. Sie bleiben angemeldet; die App versucht es automatisch erneut.
signed-in-offline-slow-down = Der Server hat die App gebeten, seltener anzufragen. Sie bleiben angemeldet; die App versucht es erneut, sobald der Server es zulässt.
signed-in-offline-tls = { $problem } Sie bleiben angemeldet; die App versucht es automatisch erneut.
signed-in-try-now = Jetzt erneut versuchen
signed-in-sign-out = Abmelden
signed-in-signing-out = Abmeldung läuft…
signed-in-announcements = Mitteilungen
help-and-diagnostics = Hilfe und Diagnose

## Your account: the account screen and its forms (edit name, change password, two-factor
## authentication on and off, and the set-up an organisation requires)

account-name = Name
account-name-this-device = So, wie Sie ihn in dieser App auf diesem Computer registriert oder zuletzt gespeichert haben: Der Server zeigt der App Ihren Namen nicht.
account-name-unknown = Vom Server nicht angezeigt
account-name-empty = Nicht angegeben
account-edit-name = Namen bearbeiten
account-change-password = Passwort ändern
account-two-factor = Zwei-Faktor-Authentifizierung
account-two-factor-on = Aktiviert
account-two-factor-off = Deaktiviert
account-two-factor-unknown = Der Server gibt dazu keine Auskunft
account-two-factor-unknown-hint = Sie ist aktiviert, wenn Sie bei der Anmeldung nach einem Code aus einer Authenticator-App gefragt werden.
account-turn-on = Aktivieren
account-turn-off = Deaktivieren
account-notice-name-saved = Ihr Name wurde gespeichert.
account-notice-password-changed = Passwort geändert. Ihre anderen Geräte wurden abgemeldet; auf diesem Gerät bleiben Sie angemeldet.
account-notice-two-factor-on = Die Zwei-Faktor-Authentifizierung ist aktiviert. Ab jetzt fragt die Anmeldung zusätzlich nach einem Code aus Ihrer Authenticator-App.
account-notice-two-factor-off = Die Zwei-Faktor-Authentifizierung ist deaktiviert. Für die Anmeldung genügt jetzt Ihr Passwort.
edit-name-title = Namen bearbeiten
edit-name-intro = Der Name Ihres Kontos, wie Ihre Organisation ihn sieht.
edit-name-email-fixed = Ihre E-Mail-Adresse kann in der App nicht geändert werden: Der Server bestätigt eine neue Adresse nicht, und ein Tippfehler würde Sie aus Ihrem Konto aussperren.
edit-name-save = Namen speichern
change-password-title = Passwort ändern
change-password-otp-hint = Die Zwei-Faktor-Authentifizierung ist aktiviert: Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.
change-password-other-devices = Wenn Sie Ihr Passwort ändern, werden Sie auf Ihren anderen Geräten abgemeldet. Auf diesem Gerät bleiben Sie angemeldet.
change-password-fresh-code-intro = Ihr Passwort wurde geändert, und Ihre anderen Geräte wurden abgemeldet. Geben Sie einen neuen Code ein, um auf diesem Gerät angemeldet zu bleiben.
change-password-fresh-code-hint = Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App jetzt anzeigt.
two-factor-on-title = Zwei-Faktor-Authentifizierung aktivieren
two-factor-required-title = Ihre Organisation verlangt die Zwei-Faktor-Authentifizierung
two-factor-required-intro = Richten Sie sie ein, um fortzufahren. Sie können sich auch abmelden.
two-factor-intro = Bei jeder Anmeldung geben Sie dann zusätzlich einen 6-stelligen Code aus einer Authenticator-App auf Ihrem Smartphone ein. Falls Sie noch keine haben, installieren Sie zuerst eine.
two-factor-password-hint = Der Server fragt nach Ihrem Passwort, bevor die Zwei-Faktor-Authentifizierung eingerichtet wird.
two-factor-continue = Weiter
two-factor-scan = Scannen Sie diesen QR-Code mit Ihrer Authenticator-App.
two-factor-qr-alt = QR-Code, der { $account } ({ $issuer }) zu einer Authenticator-App hinzufügt. Der Schlüssel darunter enthält dasselbe.
two-factor-type-key = Oder geben Sie diesen Schlüssel von Hand in die App ein:
two-factor-copy-key = Schlüssel kopieren
two-factor-key-copied = Kopiert. Fügen Sie ihn in Ihre Authenticator-App ein.
two-factor-code-label = Code aus der App
two-factor-code-hint = Geben Sie den 6-stelligen Code ein, den die App für dieses Konto anzeigt.
two-factor-turn-on = Zwei-Faktor-Authentifizierung aktivieren
two-factor-turning-on = Wird aktiviert…
two-factor-secret-only-here = Der Schlüssel wird nur auf dieser Seite angezeigt, und die App speichert ihn nicht. Geben Sie ihn nicht weiter: Wer ihn hat, kann Ihre Codes erzeugen.
two-factor-enabled-wait = Die Zwei-Faktor-Authentifizierung ist aktiviert. Ihr Konto wird geöffnet…
two-factor-off-title = Zwei-Faktor-Authentifizierung deaktivieren
two-factor-off-intro = Für die Anmeldung genügt dann Ihr Passwort. Geben Sie zur Bestätigung den 6-stelligen Code aus Ihrer Authenticator-App ein.
two-factor-off-code-hint = Der Code, den Ihre Authenticator-App jetzt anzeigt.
two-factor-turn-off = Zwei-Faktor-Authentifizierung deaktivieren
two-factor-turning-off = Wird deaktiviert…

## Announcements

announcements-title = Mitteilungen
announcements-loading = Mitteilungen werden geladen…
announcements-empty = Noch keine Mitteilungen. Neuigkeiten der Organisation erscheinen hier.
announcements-pages = Seiten
announcements-newer = Neuere
announcements-older = Ältere
announcements-page = Seite { $page }
announcements-page-of = Seite { $page } von { $pages }
announcements-your-account = Ihr Konto
announcements-all = Alle Mitteilungen
announcements-forbidden = Ihr Konto ist nicht berechtigt, die Mitteilungen anzuzeigen. Falls Sie das für einen Irrtum halten, wenden Sie sich an die Organisation, die den Server betreibt.
announcement-forbidden = Ihr Konto ist nicht berechtigt, diese Mitteilung anzuzeigen. Falls Sie das für einen Irrtum halten, wenden Sie sich an die Organisation, die den Server betreibt.

## Server settings

server-title = Servereinstellungen
server-in-use = Aktueller Server
server-set-by = Quelle
server-source-environment = eine Umgebungsvariable (DIRECTUS_DESKTOP_SERVER_URL)
server-source-settings = die Einstellungen dieser App
server-source-default = der Standardwert (der lokale Entwicklungsserver)
server-source-unset = noch keine
server-source-command-line = die Befehlszeile (--server)
server-email-links = Links in E-Mails
server-links-via-page = über die Link-Seite unter { $page }
server-links-direct = direkt zu dieser App
server-environment-wins = Die Umgebungsvariable hat bei jedem Start Vorrang vor einer gespeicherten Adresse.
server-needed = Es ist noch kein Server eingerichtet. Geben Sie die Adresse ein, die Ihnen Ihre Organisation mitgeteilt hat, und speichern Sie sie. Danach können Sie sich anmelden.
server-address = Serveradresse
server-address-hint = Die Adresse des Directus-Servers Ihrer Organisation, z. B. https://cms.example.com
server-link-page = Link-Seite für E-Mails (optional)
server-link-page-hint = Wo Ihre Organisation die Link-Seite der App bereitstellt, z. B. https://example.com/directus-desktop/. Lassen Sie das Feld leer, damit die Links direkt zur App führen.
server-test = Verbindung testen
server-testing = Wird getestet…
server-save = Speichern
server-saving = Wird gespeichert…
server-saved = Gespeichert. Die App verwendet jetzt diesen Server.
server-connected = Verbunden mit { $project }
server-connected-closed = Verbunden mit { $project } (Registrierung über die App ist deaktiviert)

## Help and diagnostics

help-version = Version
help-build = Build
help-log-folder = Protokollordner
help-intro = Wenn etwas nicht funktioniert, bittet Ihr Support Sie möglicherweise um den Diagnosebericht. Er gibt an, welchen Server die App verwendet und wie dieser antwortet; Passwörter oder Codes enthält er nicht.
help-copy-report = Diagnosebericht kopieren
help-open-logs = Protokollordner öffnen
help-check-links = Links in E-Mails prüfen
help-copied = Kopiert. Fügen Sie den Bericht in Ihre Nachricht an den Support ein.
help-reset-accepted = Der Server akzeptiert den Link der App zum Zurücksetzen des Passworts.
help-reset-refused = Der Server lehnt den Link der App zum Zurücksetzen des Passworts ab. Die Administratoren des Servers müssen { $url } zu PASSWORD_RESET_URL_ALLOW_LIST hinzufügen.
help-not-asked = Der Server konnte nicht abgefragt werden.
help-not-asked-because = Der Server konnte nicht abgefragt werden: { $problem }
help-links-via-page = Links in E-Mails führen zur Seite Ihrer Organisation: { $reset } und { $verify }. Der Server muss die zweite Adresse in USER_REGISTER_URL_ALLOW_LIST aufführen; eine Prüfung würde ein Konto anlegen, daher wird das hier nicht geprüft.
help-links-direct = Links in E-Mails führen direkt zu dieser App: { $reset } und { $verify }. Der Server muss die zweite Adresse in USER_REGISTER_URL_ALLOW_LIST aufführen; eine Prüfung würde ein Konto anlegen, daher wird das hier nicht geprüft.
help-no-scheme = Kein Programm auf diesem Computer öffnet die Links der App: Installieren Sie die App aus ihrem Paket oder bitten Sie Ihre Organisation um eine Link-Seite.
help-links-any-scheme = Dieser Server akzeptiert auch Links zum Zurücksetzen, die das Link-Schema anderer Programme verwenden: Directus prüft einen Link mit eigenem Schema nur anhand seines Pfads, sodass der Code aus einer E-Mail zum Zurücksetzen des Passworts an ein anderes Programm gehen könnte. Verwenden Sie im Produktivbetrieb eine Link-Seite für E-Mails (https, unter „Servereinstellungen“).

## Updates: the banner that offers a new version, and the Help screen's part

update-available = Version { $version } ist verfügbar.
update-install = Installieren und neu starten
update-later = Später
update-downloading = Das Update wird heruntergeladen…
update-downloading-percent = Das Update wird heruntergeladen: { $percent } %
update-installing = Das Update wird installiert. Die App startet danach von selbst neu.
help-updates = Aktualisierungen
help-updates-off = Diese Kopie der App sucht nicht nach Updates: Neue Versionen erhalten Sie von Ihrer Organisation.
help-updates-never-checked = Die App hat noch nicht nach Updates gesucht.
help-updates-up-to-date = Geprüft am { $date }: Dies ist die neueste Version.
help-updates-found = Geprüft am { $date }: Version { $version } ist verfügbar.
help-updates-failed = Geprüft am { $date }, ohne Antwort: { $reason }
help-check-updates = Nach Updates suchen
help-update-install = Version { $version } installieren und neu starten
update-failure-unreachable = Der Update-Server war nicht erreichbar.
update-failure-timeout = Der Update-Server hat nicht rechtzeitig geantwortet.
update-failure-server-error = Der Update-Server hat mit einem Fehler geantwortet.
update-failure-bad-manifest = Die Antwort des Update-Servers war nicht lesbar.
update-failure-no-package = Für dieses System ist kein Update veröffentlicht.
update-failure-rejected = Das Update ist nicht von Ihrer Organisation signiert.
update-failure-download-failed = Der Download ist abgebrochen.
update-failure-install-failed = Die Installation wurde nicht abgeschlossen.

## Errors, one for each code (and the screen, where that changes what helps)

error-invalid-credentials = E-Mail-Adresse oder Passwort ist falsch. Prüfen Sie beides und versuchen Sie es erneut. Wenn Sie das Konto gerade erstellt haben, bestätigen Sie zuerst Ihre E-Mail-Adresse.
error-otp-required = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.
error-otp-invalid = Dieser Code hat nicht funktioniert. Die Codes ändern sich alle 30 Sekunden: Geben Sie den Code ein, den Ihre App jetzt anzeigt.
error-account-suspended = Dieses Konto ist gesperrt. Wenden Sie sich an die Organisation, die den Server betreibt.
error-session-expired = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
error-link-invalid = Dieser Link ist ungültig. Kopieren Sie den vollständigen Link aus der E-Mail oder fordern Sie einen neuen an.
error-link-invalid-verify = Dieser Link ist ungültig. Kopieren Sie den vollständigen Link aus der E-Mail und fügen Sie ihn erneut ein.
error-link-used = Dieser Link wurde bereits verwendet. Fordern Sie unten einen neuen an.
error-link-used-verify = Dieser Link wurde bereits verwendet: Ihre E-Mail-Adresse ist wahrscheinlich schon bestätigt. Versuchen Sie, sich anzumelden.
error-link-expired = Dieser Link ist abgelaufen. Fordern Sie unten einen neuen an.
error-link-expired-verify = Dieser Link ist abgelaufen. Registrieren Sie sich erneut mit derselben E-Mail-Adresse, um einen neuen zu erhalten.
error-registration-closed = Auf diesem Server können in der App keine neuen Konten erstellt werden. Wenden Sie sich an die Organisation, die ihn betreibt.
error-password-rejected = Dieses Passwort entspricht nicht den Passwortregeln des Servers. Versuchen Sie es mit einem längeren Passwort aus Wörtern, Ziffern und Sonderzeichen.
error-rate-limited = Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.
error-rate-limited-seconds = Zu viele Versuche. Versuchen Sie es in { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    } erneut.
error-rate-limited-minutes = Zu viele Versuche. Versuchen Sie es in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } erneut.
error-server-unavailable = Der Server ist ausgelastet oder wird gewartet. Versuchen Sie es gleich noch einmal.
error-server-unreachable = Der Server ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann erneut.
error-server-unreachable-server = Unter dieser Adresse antwortet nichts. Prüfen Sie die Adresse und Ihre Internetverbindung.
error-timeout = Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es gleich noch einmal.
error-not-directus = Unter dieser Adresse antwortet ein Dienst, aber kein Directus-Server. Prüfen Sie die Serveradresse.
error-invalid-server-url = Diese Serveradresse kann nicht verwendet werden: { $why }.
error-invalid-link-page-url = Diese Adresse der Link-Seite kann nicht verwendet werden: { $why }.
address-empty = Die Adresse ist leer
address-not-a-web-address = Das ist keine Webadresse (sie sollte mit https:// beginnen)
address-plain-http = Unverschlüsseltes http:// ist nur für diesen Computer erlaubt; verwenden Sie https://
address-unsupported-scheme = Nur https://-Adressen werden unterstützt
address-no-host = Die Adresse enthält keinen Hostnamen
address-has-credentials = Die Adresse darf keinen Benutzernamen und kein Passwort enthalten
address-too-long = Die Adresse ist zu lang (höchstens 500 Zeichen)
error-server-not-configured = Der Server ist nicht dafür eingerichtet, die E-Mail-Links dieser App zu senden. Wenden Sie sich an die Organisation, die ihn betreibt.
error-server-not-configured-setting = Der Server ist nicht dafür eingerichtet, die E-Mail-Links dieser App zu senden (Einstellung { $setting }). Wenden Sie sich an die Organisation, die ihn betreibt.
error-keychain-unavailable = { $store ->
        [none] Der Schlüsselbund des Systems
       *[other] Der Schlüsselbund des Systems ({ $store })
    } ist nicht verfügbar. Sie können sich trotzdem anmelden, müssen das beim nächsten Mal aber erneut tun.
error-keychain-unavailable-signed-in = { $store ->
        [none] Der Schlüsselbund des Systems
       *[other] Der Schlüsselbund des Systems ({ $store })
    } ist nicht verfügbar. Sie bleiben daher nur angemeldet, bis die App geschlossen wird.
error-keychain-locked = { $store ->
        [none] Der Schlüsselbund des Systems
       *[other] Der Schlüsselbund des Systems ({ $store })
    } ist gesperrt. Entsperren Sie ihn, um auch nach dem Schließen der App angemeldet zu bleiben.
error-keychain-locked-sign-in = { $store ->
        [none] Der Schlüsselbund des Systems
       *[other] Der Schlüsselbund des Systems ({ $store })
    } ist gesperrt, daher kann eine gespeicherte Anmeldung nicht gelesen werden. Entsperren Sie ihn und wählen Sie „Erneut versuchen“ oder melden Sie sich an.
error-tls = Das Zertifikat des Servers ist nicht vertrauenswürdig, daher hat die App nichts an ihn gesendet. Prüfen Sie die Serveradresse oder fragen Sie die Organisation, die ihn betreibt. Es liegt nicht an Ihrer Internetverbindung.
error-server-changed = Der Server wurde gewechselt, während der Vorgang lief. Versuchen Sie es erneut.
error-forbidden = Ihr Konto ist nicht berechtigt, diesen Inhalt anzuzeigen, oder der Inhalt existiert nicht mehr. Wenn Sie meinen, dass Sie Zugriff haben sollten, wenden Sie sich an die Organisation, die den Server betreibt.
error-collection-not-allowed = Diese App ist nicht dafür eingerichtet, diese Inhalte anzuzeigen. Wenden Sie sich an die Organisation, die sie bereitstellt.
error-query-not-allowed = Diese Ansicht hat Daten angefordert, für deren Anzeige die App nicht eingerichtet ist. Wenden Sie sich an die Organisation, die die App bereitstellt.
error-server-restricted = Der Server dieser Organisation nimmt derzeit keine Anmeldungen an. Bitte informieren Sie die Organisation.
error-current-password-wrong = Das ist nicht Ihr aktuelles Passwort. Prüfen Sie es und versuchen Sie es erneut.
error-account-change-forbidden = Ihre Organisation lässt nicht zu, dass Sie dies in der App ändern.
error-two-factor-required = Ihre Organisation verlangt die Zwei-Faktor-Authentifizierung. Richten Sie sie ein, um fortzufahren.
error-two-factor-required-off = Ihre Organisation verlangt die Zwei-Faktor-Authentifizierung, daher können Sie sie nicht deaktivieren.
error-update-rejected = Dieses Update wurde abgelehnt: Es ist nicht von Ihrer Organisation signiert. Es wurde nichts geändert.
error-update-failed = Das Update konnte nicht heruntergeladen oder installiert werden. Versuchen Sie es später erneut; wenn es weiterhin fehlschlägt, wenden Sie sich an den Support.
error-unexpected = Ein unerwarteter Fehler ist aufgetreten. Versuchen Sie es erneut oder wenden Sie sich an den Support.
error-unexpected-status = Der Server hat unerwartet geantwortet (HTTP { $status }). Versuchen Sie es erneut oder wenden Sie sich an den Support.

## The diagnostic report: its title, headings and labels (its values stay in English, for the
## support desk)

report-title = Diagnosebericht von { $app } (er enthält kein Passwort, kein Token und keinen Link-Code)
report-result = Ergebnis
report-app = App
report-version = Version
report-build = Build
report-system = System
report-webview = Webview
report-log-folder = Protokollordner
report-server = Server
report-address = Adresse
report-set-by = Quelle
report-answers = Antwortet
report-tls = TLS
report-project = Projekt
report-directus-version = Directus-Version
report-registration = Registrierung
report-email-confirmation = E-Mail-Bestätigung
report-sign-ins = Anmeldungen
report-email-links = Links in E-Mails
report-style = Art
report-reset-link = Link zum Zurücksetzen
report-verification-link = Bestätigungslink
report-reset-accepted = Link zum Zurücksetzen akzeptiert
report-verification-accepted = Bestätigung akzeptiert
report-links-opened-by = Links geöffnet von
report-keychain = Schlüsselbund
report-store = Speicher
report-state = Zustand
report-updates = Aktualisierungen
report-update-source = Quelle
report-update-last-check = Letzte Prüfung
report-update-now = Jetzt
report-session = Sitzung
report-signed-out-because = Abgemeldet, weil
report-remembered = Gespeichert
report-access-expires = Zugriff läuft ab in
report-problem = Problem
report-recent-errors = Letzte Fehler
report-checks = Prüfungen

## The hand-off page (hand-off/index.html): what a browser shows when an email's link goes
## through the organisation's web site. { $app } is the app's name; $button, $forgot and
## $resend are the app's own buttons (its messages above), shown in bold.

hand-off-title = { $app } öffnen
hand-off-reset-title = Passwort zurücksetzen
hand-off-reset-lead = { $app } öffnet sich mit der Ansicht zum Zurücksetzen des Passworts für Ihr Konto.
hand-off-verify-title = E-Mail-Adresse bestätigen
hand-off-verify-lead = { $app } bestätigt Ihre Adresse, danach können Sie sich anmelden.
hand-off-open = { $app } öffnen
hand-off-paste-label = Oder fügen Sie diesen Link in die App ein
hand-off-copy = Link kopieren
hand-off-copied = Kopiert. Fügen Sie ihn in { $app } ein.
hand-off-copy-by-hand = Markiert: Drücken Sie Strg+C (auf dem Mac ⌘C), um zu kopieren.
hand-off-nothing-happened = Nichts passiert? Öffnen Sie { $app }, wählen Sie { $button } und fügen Sie den Link ein. Er enthält einen Einmalcode für Ihr Konto: Geben Sie ihn nicht weiter.
hand-off-broken-title = Dieser Link ist unvollständig
hand-off-broken-cut = Manche E-Mail-Programme kürzen lange Links. Öffnen Sie den Link aus der E-Mail erneut oder kopieren Sie ihn vollständig in Ihren Browser.
hand-off-broken-new = Wenn es weiterhin nicht funktioniert, fordern Sie in { $app } eine neue E-Mail an ({ $forgot } oder { $resend }).
hand-off-no-script-title = In { $app } abschließen
hand-off-no-script-copy = Kopieren Sie die vollständige Adresse dieser Seite aus der Adressleiste Ihres Browsers.
hand-off-no-script-open = Öffnen Sie { $app } und wählen Sie { $button }.
hand-off-no-script-paste = Fügen Sie die Adresse ein und fahren Sie fort.
hand-off-no-script-secret = Die Adresse enthält einen Einmalcode für Ihr Konto: Geben Sie sie nicht weiter.
