### Directus Desktop, en français. Les mêmes messages, attributs et variables que en.ftl.
### Public : les clientes et clients d’une organisation qui se connectent à leur compte (création
### de compte, connexion, authentification à deux facteurs, mot de passe oublié et
### réinitialisation, paramètres du serveur, aide) ; le rapport de diagnostic va au service
### d’assistance.
### Registre : soutenu et simple, toujours le vouvoiement ; phrases courtes. Boutons à
### l’infinitif (« Envoyer le lien »), consignes à l’impératif (« Saisissez… »). Pas d’accord
### au masculin générique quand on peut l’éviter : « Votre session reste ouverte » plutôt que
### « Vous restez connecté ».
### Un bouton de l’application cité dans un texte porte exactement le libellé de son message,
### entre guillemets français : « Réessayer ». Les variables affichées en gras ($button,
### $forgot, $resend) restent sans guillemets.
### Typographie (vérifiée par les tests) : espace fine insécable (U+202F) avant ; ? ! et à
### l’intérieur des guillemets « », espace insécable (U+00A0) avant : ; jamais d’espace
### ordinaire. Rien à faire dans les adresses (https://) ni dans les options (--server).
### Termes : e-mail, adresse e-mail, lien, code, trousseau, paramètres du serveur, page de
### liens, service d’assistance.

## The frame around every screen

app-opening = Ouverture de votre compte…
dismiss = Fermer
back = Retour
back-to-sign-in = Retour à la connexion
try-again = Réessayer
trying = Nouvel essai…
loading = Chargement…
checking = Vérification…
sending = Envoi…
language-label = Langue
language-automatic = Automatique ({ $language })

## Fields and buttons every form uses

field-email = E-mail
field-password = Mot de passe
field-confirm-password = Confirmer le mot de passe
field-new-password = Nouveau mot de passe
field-confirm-new-password = Confirmer le nouveau mot de passe
field-current-password = Mot de passe actuel
password-show = Afficher
password-hide = Masquer
password-show-label = Afficher le mot de passe
password-hide-label = Masquer le mot de passe
caps-lock-on = Le verrouillage des majuscules est activé.
password-rules-own = Ce serveur peut avoir ses propres règles.
password-hint-empty = Utilisez au moins 8 caractères ; quelques mots sans rapport entre eux forment un mot de passe robuste. { password-rules-own }
password-strength = Robustesse : { $strength ->
        [too-short] très faible (moins de 8 caractères)
        [weak] faible
        [fair] moyenne
       *[strong] élevée
    }. { password-rules-own }
password-strength-refused = Robustesse : mot de passe refusé par ce serveur.
paste-field-label = Lien ou code reçu par e-mail

## What a field says before anything is sent

problem-email-empty = Saisissez votre adresse e-mail.
problem-email-invalid = Saisissez une adresse e-mail du type nom@example.com.
problem-password-empty = Saisissez votre mot de passe.
problem-current-password-empty = Saisissez votre mot de passe actuel.
problem-first-name-empty = Saisissez votre prénom.
problem-last-name-empty = Saisissez votre nom.
problem-new-password-empty = Choisissez un mot de passe.
problem-confirm-empty = Saisissez à nouveau le mot de passe.
problem-confirm-mismatch = Les mots de passe ne correspondent pas.
problem-otp-empty = Saisissez le code à 6 chiffres de votre application d’authentification.
problem-otp-invalid = Le code comporte 6 chiffres.
problem-link-empty = Collez d’abord le lien reçu par e-mail.

## Starting

starting-welcome-back = Bienvenue
starting-account = Compte
starting-checking = Vérification de votre session…
startup-failed-title = L’application n’a pas pu démarrer
startup-failed-help = Fermez l’application et rouvrez-la. Si le problème persiste, envoyez ce code à votre service d’assistance :

## Sign in

sign-in-title = Connexion
sign-in-otp-label = Code à usage unique
sign-in-otp-hint = Votre compte utilise l’authentification à deux facteurs : saisissez le code à 6 chiffres de votre application d’authentification.
sign-in-submit = Se connecter
sign-in-busy = Connexion en cours…
sign-in-forgot = Mot de passe oublié ?
sign-in-register = Créer un compte
sign-in-paste-link = Coller un lien reçu par e-mail
sign-in-server = Paramètres du serveur
sign-in-help = Aide
sign-in-keychain-not-removed = Votre session est fermée sur cet appareil, mais la connexion enregistrée n’a pas encore pu être supprimée du trousseau du système. L’application continue d’essayer et ne s’en servira pas pour vous reconnecter.
banner-password-changed = Mot de passe modifié. Connectez-vous avec votre nouveau mot de passe.
banner-email-confirmed = Votre adresse e-mail est confirmée. Connectez-vous pour continuer.
banner-signed-out = Déconnexion effectuée.
banner-session-expired = Votre session a expiré. Veuillez vous reconnecter.
banner-password-changed-elsewhere = Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.

## Create an account

register-title = Créer un compte
register-first-name = Prénom
register-last-name = Nom
register-submit = Créer le compte
register-busy = Création du compte…
register-have-account = J’ai déjà un compte
register-closed = Ce serveur n’accepte pas la création de comptes depuis l’application. Contactez l’organisation qui le gère.
register-check-email = Consultez vos e-mails
register-sent = Si un compte peut être créé pour { $email }, nous avons envoyé à cette adresse un lien pour la confirmer. Ouvrez le lien ou collez-le dans cette application, puis connectez-vous.
register-resend = Renvoyer l’e-mail
register-resend-wait = Renvoyer l’e-mail ({ $seconds } s)
register-paste-link = Coller le lien reçu par e-mail
register-ready-title = Vous pouvez maintenant vous connecter
register-ready = Si un compte a pu être créé pour cette adresse, il est prêt.

## Paste a link

paste-title = Coller un lien reçu par e-mail
paste-intro = Certaines messageries n’ouvrent pas les liens vers cette application. Copiez le lien de l’e-mail de confirmation ou de réinitialisation du mot de passe (ou le code affiché par la page web) et collez-le ici.
paste-reset-title = Réinitialiser votre mot de passe
paste-reset-intro = Collez le lien de l’e-mail de réinitialisation du mot de passe (le lien entier, ou le code affiché par la page web).
paste-submit = Continuer
paste-busy = Vérification du lien…
paste-new-link = M’envoyer un nouveau lien

## Confirm the email

confirm-title = Confirmer votre adresse e-mail
confirm-intro = Ce lien confirme l’adresse { $email } sur ce serveur :
confirm-intro-no-email = Ce lien confirme votre adresse sur ce serveur :
confirm-only-if = Ne continuez que si vous y avez créé un compte.
confirm-submit = Confirmer mon adresse
confirm-submit-at = Confirmer mon adresse sur { $host }
confirm-busy = Confirmation…
confirm-not-now = Pas maintenant
confirmed-title = Adresse confirmée
confirmed = L’adresse { $email } est confirmée. Vous pouvez maintenant vous connecter.
confirmed-no-email = Votre adresse est confirmée. Vous pouvez maintenant vous connecter.

## Forgot password

forgot-title = Mot de passe oublié ?
forgot-intro = Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
forgot-check-email = Consultez vos e-mails
forgot-sent = S’il existe un compte pour { $email }, nous avons envoyé à cette adresse un lien pour choisir un nouveau mot de passe. Ce lien ne peut servir qu’une fois et reste valable une journée.

## Choose a new password

reset-title = Choisir un nouveau mot de passe
reset-for = Pour le compte { $email }
reset-submit = Modifier le mot de passe
reset-busy = Modification du mot de passe…
reset-send-new-link = Envoyer un nouveau lien
reset-newer-link-for = Un autre lien de réinitialisation vient d’arriver (pour { $email }). Voulez-vous l’utiliser à la place de celui-ci ?
reset-newer-link = Un autre lien de réinitialisation vient d’arriver. Voulez-vous l’utiliser à la place de celui-ci ?
reset-use-new = Utiliser le nouveau lien
reset-keep = Conserver celui-ci

## Signed in

signed-in-title = Session ouverte
signed-in-account = Compte
signed-in-email = E-mail
signed-in-server = Serveur
signed-in-device = Sur cet appareil
signed-in-remembered = Votre session restera ouverte après la fermeture de l’application.
signed-in-not-remembered = Vous devrez vous reconnecter après la fermeture de l’application.
signed-in-offline = Le serveur est injoignable pour le moment. Votre session reste ouverte ; l’application réessaie automatiquement.
signed-in-offline-slow-down = Le serveur a demandé à l’application d’espacer ses requêtes. Votre session reste ouverte ; l’application réessaiera dès que le serveur le permettra.
signed-in-offline-tls = { $problem } Votre session reste ouverte ; l’application réessaie automatiquement.
signed-in-try-now = Réessayer maintenant
signed-in-sign-out = Se déconnecter
signed-in-signing-out = Déconnexion…
signed-in-announcements = Annonces
help-and-diagnostics = Aide et diagnostic

## Your account: the account screen and its forms (edit name, change password, two-factor
## authentication on and off, and the set-up an organisation requires)

account-name = Nom
account-name-this-device = Tel que vous l’avez indiqué à l’inscription ou enregistré en dernier avec cette application sur cet ordinateur : le serveur ne communique pas votre nom à l’application.
account-name-unknown = Non communiqué par le serveur
account-name-empty = Non renseigné
account-edit-name = Modifier le nom
account-change-password = Modifier le mot de passe
account-two-factor = Authentification à deux facteurs
account-two-factor-on = Activée
account-two-factor-off = Désactivée
account-two-factor-unknown = Le serveur ne l’indique pas
account-two-factor-unknown-hint = Elle est activée si la connexion vous demande un code d’une application d’authentification.
account-turn-on = Activer
account-turn-off = Désactiver
account-notice-name-saved = Votre nom est enregistré.
account-notice-password-changed = Mot de passe modifié. Vos autres appareils ont été déconnectés ; votre session reste ouverte sur celui-ci.
account-notice-two-factor-on = L’authentification à deux facteurs est activée. Désormais, la connexion vous demandera aussi un code de votre application d’authentification.
account-notice-two-factor-off = L’authentification à deux facteurs est désactivée. La connexion ne demande plus que votre mot de passe.
edit-name-title = Modifier votre nom
edit-name-intro = Le nom de votre compte, tel que votre organisation le voit.
edit-name-email-fixed = Votre adresse e-mail ne peut pas être modifiée dans l’application : le serveur ne confirme pas une nouvelle adresse, et une faute de frappe vous empêcherait d’accéder à votre compte.
edit-name-save = Enregistrer le nom
change-password-title = Modifier votre mot de passe
change-password-otp-hint = L’authentification à deux facteurs est activée : saisissez le code à 6 chiffres de votre application d’authentification.
change-password-other-devices = La modification du mot de passe ferme votre session sur vos autres appareils. Elle reste ouverte sur celui-ci.
change-password-fresh-code-intro = Votre mot de passe est modifié, et vos autres appareils ont été déconnectés. Pour que votre session reste ouverte sur celui-ci, saisissez un nouveau code.
change-password-fresh-code-hint = Saisissez le code à 6 chiffres que votre application d’authentification affiche maintenant.
two-factor-on-title = Activer l’authentification à deux facteurs
two-factor-required-title = Votre organisation exige l’authentification à deux facteurs
two-factor-required-intro = Configurez-la pour continuer. Vous pouvez aussi vous déconnecter.
two-factor-intro = À chaque connexion, vous saisirez en plus un code à 6 chiffres fourni par une application d’authentification sur votre téléphone. Si vous n’en avez pas, installez-en une d’abord.
two-factor-password-hint = Le serveur demande votre mot de passe avant de configurer l’authentification à deux facteurs.
two-factor-continue = Continuer
two-factor-scan = Scannez ce code QR avec votre application d’authentification.
two-factor-qr-alt = Code QR qui ajoute { $account } ({ $issuer }) à une application d’authentification. La clé ci-dessous contient la même information.
two-factor-type-key = Ou saisissez cette clé à la main dans l’application :
two-factor-copy-key = Copier la clé
two-factor-key-copied = Copiée. Collez-la dans votre application d’authentification.
two-factor-code-label = Code de l’application
two-factor-code-hint = Saisissez le code à 6 chiffres que l’application affiche pour ce compte.
two-factor-turn-on = Activer l’authentification à deux facteurs
two-factor-turning-on = Activation…
two-factor-secret-only-here = La clé n’est affichée que sur cet écran, et l’application ne la conserve pas. Ne la communiquez à personne : quiconque la détient peut générer vos codes.
two-factor-enabled-wait = L’authentification à deux facteurs est activée. Ouverture de votre compte…
two-factor-off-title = Désactiver l’authentification à deux facteurs
two-factor-off-intro = La connexion ne demandera alors plus que votre mot de passe. Pour confirmer qu’il s’agit bien de vous, saisissez le code à 6 chiffres de votre application d’authentification.
two-factor-off-code-hint = Le code que votre application d’authentification affiche maintenant.
two-factor-turn-off = Désactiver l’authentification à deux facteurs
two-factor-turning-off = Désactivation…

## Announcements

announcements-title = Annonces
announcements-loading = Chargement des annonces…
announcements-empty = Aucune annonce pour l’instant. Les nouvelles de l’organisation s’afficheront ici.
announcements-pages = Pages
announcements-newer = Plus récentes
announcements-older = Plus anciennes
announcements-page = Page { $page }
announcements-page-of = Page { $page } sur { $pages }
announcements-your-account = Votre compte
announcements-all = Toutes les annonces
announcements-forbidden = Votre compte n’est pas autorisé à voir les annonces. Si vous pensez qu’il devrait l’être, adressez-vous à l’organisation qui gère le serveur.
announcement-forbidden = Votre compte n’est pas autorisé à voir cette annonce. Si vous pensez qu’il devrait l’être, adressez-vous à l’organisation qui gère le serveur.

## Server settings

server-title = Paramètres du serveur
server-in-use = Serveur utilisé
server-set-by = Source
server-source-environment = une variable d’environnement (DIRECTUS_DESKTOP_SERVER_URL)
server-source-settings = les paramètres de cette application
server-source-default = la valeur par défaut (le serveur de développement local)
server-source-unset = aucune pour l’instant
server-source-command-line = la ligne de commande (--server)
server-email-links = Liens des e-mails
server-links-via-page = via la page de liens { $page }
server-links-direct = directement vers cette application
server-environment-wins = À chaque démarrage, la variable d’environnement l’emporte sur une adresse enregistrée.
server-needed = Aucun serveur n’est encore configuré. Saisissez l’adresse que votre organisation vous a communiquée et enregistrez-la. Vous pourrez ensuite vous connecter.
server-address = Adresse du serveur
server-address-hint = L’adresse du serveur Directus de votre organisation, par exemple https://cms.example.com
server-link-page = Page de liens pour les e-mails (facultatif)
server-link-page-hint = L’adresse où votre organisation héberge la page de liens de l’application, par exemple https://example.com/directus-desktop/. Laissez vide pour que les liens mènent directement à l’application.
server-test = Tester la connexion
server-testing = Test en cours…
server-save = Enregistrer
server-saving = Enregistrement…
server-saved = Enregistré. L’application utilise désormais ce serveur.
server-connected = Connexion établie avec { $project }
server-connected-closed = Connexion établie avec { $project } (l’inscription depuis l’application est désactivée)

## Help and diagnostics

help-version = Version
help-build = Build
help-log-folder = Dossier des journaux
help-intro = Si quelque chose ne fonctionne pas, votre service d’assistance peut vous demander le rapport de diagnostic. Il indique quel serveur l’application utilise et comment celui-ci répond ; il ne contient ni mot de passe ni code.
help-copy-report = Copier le rapport de diagnostic
help-open-logs = Ouvrir le dossier des journaux
help-check-links = Vérifier les liens des e-mails
help-copied = Copié. Collez le rapport dans votre message au service d’assistance.
help-reset-accepted = Le serveur accepte le lien de réinitialisation de l’application.
help-reset-refused = Le serveur refuse le lien de réinitialisation de l’application. Les administrateurs du serveur doivent ajouter { $url } à PASSWORD_RESET_URL_ALLOW_LIST.
help-not-asked = Le serveur n’a pas pu être interrogé.
help-not-asked-because = Le serveur n’a pas pu être interrogé : { $problem }
help-links-via-page = Les e-mails renvoient vers la page de votre organisation : { $reset } et { $verify }. Le serveur doit inscrire la seconde adresse dans USER_REGISTER_URL_ALLOW_LIST ; comme cette vérification créerait un compte, elle n’est pas faite ici.
help-links-direct = Les e-mails renvoient directement vers cette application : { $reset } et { $verify }. Le serveur doit inscrire la seconde adresse dans USER_REGISTER_URL_ALLOW_LIST ; comme cette vérification créerait un compte, elle n’est pas faite ici.
help-no-scheme = Aucun programme de cet ordinateur n’ouvre les liens de l’application : installez l’application depuis son paquet, ou demandez une page de liens à votre organisation.
help-links-any-scheme = Ce serveur accepte aussi des liens de réinitialisation utilisant le schéma de lien d’autres programmes : Directus ne vérifie un lien à schéma personnalisé que par son chemin, si bien que le code d’un e-mail de réinitialisation du mot de passe pourrait être envoyé à un autre programme. En production, utilisez une page de liens pour les e-mails (https, dans « Paramètres du serveur »).

## Updates: the banner that offers a new version, and the Help screen's part

update-available = La version { $version } est disponible.
update-install = Installer et redémarrer
update-later = Plus tard
update-downloading = Téléchargement de la mise à jour…
update-downloading-percent = Téléchargement de la mise à jour : { $percent } %
update-installing = Installation de la mise à jour. L’application redémarrera d’elle-même.
help-updates = Mises à jour
help-updates-off = Cette copie de l’application ne recherche pas de mises à jour : votre organisation fournit les nouvelles versions.
help-updates-never-checked = L’application n’a pas encore recherché de mises à jour.
help-updates-up-to-date = Vérifié le { $date } : c’est la version la plus récente.
help-updates-found = Vérifié le { $date } : la version { $version } est disponible.
help-updates-failed = Vérifié le { $date }, sans réponse : { $reason }
help-check-updates = Rechercher des mises à jour
help-update-install = Installer la version { $version } et redémarrer
update-failure-unreachable = le serveur de mises à jour est injoignable.
update-failure-timeout = le serveur de mises à jour n’a pas répondu à temps.
update-failure-server-error = le serveur de mises à jour a répondu par une erreur.
update-failure-bad-manifest = la réponse du serveur de mises à jour est illisible.
update-failure-no-package = aucune mise à jour n’est publiée pour ce système.
update-failure-rejected = la mise à jour n’est pas signée par votre organisation.
update-failure-download-failed = le téléchargement s’est interrompu.
update-failure-install-failed = l’installation n’a pas abouti.

## Errors, one for each code (and the screen, where that changes what helps)

error-invalid-credentials = L’adresse e-mail ou le mot de passe est incorrect. Vérifiez les deux et réessayez. Si vous venez de créer le compte, confirmez d’abord votre adresse.
error-otp-required = Saisissez le code à 6 chiffres de votre application d’authentification.
error-otp-invalid = Ce code n’a pas fonctionné. Les codes changent toutes les 30 secondes : saisissez celui que votre application affiche maintenant.
error-account-suspended = Ce compte est suspendu. Contactez l’organisation qui gère le serveur.
error-session-expired = Votre session a expiré. Veuillez vous reconnecter.
error-link-invalid = Ce lien n’est pas valide. Copiez le lien entier depuis l’e-mail, ou demandez-en un nouveau.
error-link-invalid-verify = Ce lien n’est pas valide. Copiez le lien entier depuis l’e-mail et collez-le à nouveau.
error-link-used = Ce lien a déjà servi. Demandez-en un nouveau ci-dessous.
error-link-used-verify = Ce lien a déjà servi : votre adresse est probablement déjà confirmée. Essayez de vous connecter.
error-link-expired = Ce lien a expiré. Demandez-en un nouveau ci-dessous.
error-link-expired-verify = Ce lien a expiré. Inscrivez-vous à nouveau avec la même adresse pour en recevoir un nouveau.
error-registration-closed = Ce serveur n’accepte pas la création de comptes depuis l’application. Contactez l’organisation qui le gère.
error-password-rejected = Les règles de mot de passe de ce serveur ont refusé ce mot de passe. Essayez-en un plus long, mêlant mots, chiffres et symboles.
error-rate-limited = Trop de tentatives. Attendez une minute et réessayez.
error-rate-limited-seconds = Trop de tentatives. Réessayez dans { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    }.
error-rate-limited-minutes = Trop de tentatives. Réessayez dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
error-server-unavailable = Le serveur est occupé ou en maintenance. Réessayez dans un instant.
error-server-unreachable = Le serveur est injoignable. Vérifiez votre connexion Internet, puis réessayez.
error-server-unreachable-server = Rien ne répond à cette adresse. Vérifiez-la, ainsi que votre connexion Internet.
error-timeout = Le serveur a mis trop de temps à répondre. Réessayez dans un instant.
error-not-directus = Cette adresse répond, mais ce n’est pas un serveur Directus. Vérifiez l’adresse du serveur.
error-invalid-server-url = Cette adresse de serveur ne peut pas être utilisée : { $why }.
error-invalid-link-page-url = Cette adresse de page de liens ne peut pas être utilisée : { $why }.
address-empty = l’adresse est vide
address-not-a-web-address = ce n’est pas une adresse web (elle doit commencer par https://)
address-plain-http = le protocole http:// non chiffré n’est autorisé que pour cet ordinateur ; utilisez https://
address-unsupported-scheme = seules les adresses https:// sont prises en charge
address-no-host = l’adresse ne contient pas de nom d’hôte
address-has-credentials = l’adresse ne doit contenir ni nom d’utilisateur ni mot de passe
address-too-long = l’adresse est trop longue (500 caractères au plus)
error-server-not-configured = Le serveur n’est pas configuré pour envoyer par e-mail les liens de cette application. Contactez l’organisation qui le gère.
error-server-not-configured-setting = Le serveur n’est pas configuré pour envoyer par e-mail les liens de cette application (son paramètre { $setting }). Contactez l’organisation qui le gère.
error-keychain-unavailable = { $store ->
        [none] Le trousseau du système
       *[other] Le trousseau du système ({ $store })
    } n’est pas disponible. Vous pouvez vous connecter, mais il faudra vous reconnecter la prochaine fois.
error-keychain-unavailable-signed-in = { $store ->
        [none] Le trousseau du système
       *[other] Le trousseau du système ({ $store })
    } n’est pas disponible : votre session ne restera ouverte que jusqu’à la fermeture de l’application.
error-keychain-locked = { $store ->
        [none] Le trousseau du système
       *[other] Le trousseau du système ({ $store })
    } est verrouillé. Déverrouillez-le pour que votre session reste ouverte après la fermeture de l’application.
error-keychain-locked-sign-in = { $store ->
        [none] Le trousseau du système
       *[other] Le trousseau du système ({ $store })
    } est verrouillé : la connexion enregistrée ne peut pas être lue. Déverrouillez-le et choisissez « Réessayer », ou connectez-vous.
error-tls = Le certificat du serveur n’est pas reconnu comme fiable : l’application ne lui a donc rien envoyé. Vérifiez l’adresse du serveur, ou demandez à l’organisation qui le gère. Ce n’est pas un problème de connexion Internet.
error-server-changed = Le serveur a changé pendant l’opération. Réessayez.
error-forbidden = Votre compte n’est pas autorisé à voir ce contenu, ou celui-ci n’existe plus. Si vous pensez devoir y avoir accès, adressez-vous à l’organisation qui gère le serveur.
error-collection-not-allowed = Cette application n’est pas configurée pour afficher ce contenu. Contactez l’organisation qui la fournit.
error-query-not-allowed = Cet écran a demandé des données que l’application n’est pas configurée pour afficher. Contactez l’organisation qui fournit l’application.
error-server-restricted = Le serveur de cette organisation n’accepte pas de connexions pour le moment. Prévenez l’organisation.
error-current-password-wrong = Ce n’est pas votre mot de passe actuel. Vérifiez-le et réessayez.
error-account-change-forbidden = Votre organisation ne vous permet pas de modifier cela dans l’application.
error-two-factor-required = Votre organisation exige l’authentification à deux facteurs. Configurez-la pour continuer.
error-two-factor-required-off = Votre organisation exige l’authentification à deux facteurs : vous ne pouvez donc pas la désactiver.
error-update-rejected = Cette mise à jour a été refusée : elle n’est pas signée par votre organisation. Rien n’a été modifié.
error-update-failed = La mise à jour n’a pas pu être téléchargée ou installée. Réessayez plus tard ; si l’échec se répète, contactez votre service d’assistance.
error-unexpected = Une erreur inattendue s’est produite. Réessayez, ou contactez votre service d’assistance.
error-unexpected-status = Le serveur a donné une réponse inattendue (HTTP { $status }). Réessayez, ou contactez votre service d’assistance.

## The diagnostic report: its title, headings and labels (its values stay in English, for the
## support desk)

report-title = Rapport de diagnostic de { $app } (il ne contient ni mot de passe, ni jeton, ni code de lien)
report-result = Résultat
report-app = Application
report-version = Version
report-build = Build
report-system = Système
report-webview = Vue web
report-log-folder = Dossier des journaux
report-server = Serveur
report-address = Adresse
report-set-by = Source
report-answers = Répond
report-tls = TLS
report-project = Projet
report-directus-version = Version de Directus
report-registration = Inscription
report-email-confirmation = Confirmation de l’e-mail
report-sign-ins = Connexions
report-email-links = Liens des e-mails
report-style = Mode
report-reset-link = Lien de réinitialisation
report-verification-link = Lien de confirmation
report-reset-accepted = Lien de réinitialisation accepté
report-verification-accepted = Confirmation acceptée
report-links-opened-by = Liens ouverts par
report-keychain = Trousseau
report-store = Stockage
report-state = État
report-updates = Mises à jour
report-update-source = Source
report-update-last-check = Dernière vérification
report-update-now = Maintenant
report-session = Session
report-signed-out-because = Motif de la déconnexion
report-remembered = Mémorisée
report-access-expires = L’accès expire dans
report-problem = Problème
report-recent-errors = Erreurs récentes
report-checks = Vérifications

## The hand-off page (hand-off/index.html): what a browser shows when an email's link goes
## through the organisation's web site. { $app } is the app's name; $button, $forgot and
## $resend are the app's own buttons (its messages above), shown in bold.

hand-off-title = Ouvrir { $app }
hand-off-reset-title = Réinitialiser votre mot de passe
hand-off-reset-lead = { $app } s’ouvre sur l’écran de réinitialisation du mot de passe de votre compte.
hand-off-verify-title = Confirmer votre adresse e-mail
hand-off-verify-lead = { $app } confirme votre adresse ; vous pourrez ensuite vous connecter.
hand-off-open = Ouvrir { $app }
hand-off-paste-label = Ou collez ce lien dans l’application
hand-off-copy = Copier le lien
hand-off-copied = Copié. Collez-le dans { $app }.
hand-off-copy-by-hand = Sélectionné : appuyez sur Ctrl+C (⌘C sur Mac) pour copier.
hand-off-nothing-happened = Rien ne s’est passé ? Ouvrez { $app }, choisissez { $button } et collez le lien. Il contient un code à usage unique pour votre compte : ne le communiquez à personne.
hand-off-broken-title = Ce lien est incomplet
hand-off-broken-cut = Certaines messageries coupent les liens trop longs. Ouvrez à nouveau le lien de l’e-mail, ou copiez-le en entier dans votre navigateur.
hand-off-broken-new = Si cela ne fonctionne toujours pas, demandez un nouvel e-mail depuis { $app } ({ $forgot } ou { $resend }).
hand-off-no-script-title = Terminer dans { $app }
hand-off-no-script-copy = Copiez l’adresse complète de cette page depuis la barre d’adresse de votre navigateur.
hand-off-no-script-open = Ouvrez { $app } et choisissez { $button }.
hand-off-no-script-paste = Collez l’adresse et continuez.
hand-off-no-script-secret = L’adresse contient un code à usage unique pour votre compte : ne la communiquez à personne.
