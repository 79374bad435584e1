# Rekey, français. Mêmes identifiants et mêmes { $variables } que le catalogue anglais.
# Texte brut uniquement : les modèles échappent les messages.

## Toutes les pages

page-title-default = Réinitialiser votre mot de passe
skip-to-content = Aller au contenu
demo-outbox-link = Boîte d'envoi de démonstration
help-contact = Besoin d'aide ? Contactez le support informatique
help-call = Appeler le { $phone }
help-email = Écrire à { $email }
language-switcher = Langue
progress-label = Progression
progress = Étape { $step } sur { $total }
error-summary-title = Un problème est survenu
start-again = Revenir au début

## Page d'accueil

home-title = Réinitialiser votre mot de passe
home-intro = Mot de passe oublié ou expiré ? Prouvez votre identité avec un code envoyé à l'adresse e-mail ou au téléphone que vous avez enregistré, puis choisissez un nouveau mot de passe.
home-username-label = Votre adresse e-mail professionnelle
home-continue = Continuer
home-never-ask = Nous ne vous demanderons jamais votre mot de passe actuel.
home-username-missing = Saisissez votre adresse e-mail professionnelle, par exemple nom@contoso.com.

## Choix de la destination du code

methods-title = Où devons-nous envoyer un code ?
methods-intro = Choisissez l'un des moyens de contact enregistrés pour { $username }.
methods-legend = Envoyer un code
methods-email-to = Par e-mail à { $address }
methods-sms-to = Par SMS au { $number }
methods-send = Envoyer le code
methods-unknown = Vous ne reconnaissez pas ces coordonnées, ou aucune n'est joignable ? Contactez le support informatique.
methods-too-many = { $minutes ->
    [one] Trop de codes ont été envoyés pour ce compte. Vous pourrez en demander un nouveau dans { $minutes } minute.
    [many] Trop de codes ont été envoyés pour ce compte. Vous pourrez en demander un nouveau dans { $minutes } minutes.
   *[other] Trop de codes ont été envoyés pour ce compte. Vous pourrez en demander un nouveau dans { $minutes } minutes.
    }

## Saisie du code

code-title = Saisissez le code
code-sent-email = Nous avons envoyé un code à { $digits } chiffres par e-mail à { $address }. Il peut mettre une minute à arriver.
code-sent-sms = Nous avons envoyé un code à { $digits } chiffres par SMS au { $number }. Il peut mettre une minute à arriver.
code-label = Code
code-autosubmit = Le code est vérifié dès que les { $digits } chiffres sont saisis.
code-verify = Vérifier
code-resend = Envoyer un nouveau code
code-elsewhere = Ou envoyer un code ailleurs :
code-other-email = E-mail à { $address }
code-other-sms = SMS au { $number }
code-wrong = { $remaining ->
    [one] Ce code n'est pas correct. Vérifiez le dernier message reçu et réessayez ({ $remaining } essai restant).
    [many] Ce code n'est pas correct. Vérifiez le dernier message reçu et réessayez ({ $remaining } essais restants).
   *[other] Ce code n'est pas correct. Vérifiez le dernier message reçu et réessayez ({ $remaining } essais restants).
    }
code-expired = Ce code a expiré ou a déjà été utilisé. Envoyez un nouveau code ci-dessous.

## Choix du nouveau mot de passe

password-title = Choisissez un nouveau mot de passe
password-must = Votre nouveau mot de passe doit :
password-tip = Quelques mots sans rapport entre eux donnent un mot de passe long et facile à retenir.
password-label = Nouveau mot de passe
password-show = Afficher le mot de passe
password-hide = Masquer le mot de passe
password-revoke = Me déconnecter sur tous les appareils
password-submit = Enregistrer le nouveau mot de passe
password-rejected = Choisissez un autre mot de passe :
password-mismatch = Les deux mots de passe ne sont pas identiques. Saisissez à nouveau le nouveau mot de passe.
password-busy = { $seconds ->
    [one] Microsoft Entra est occupé et votre mot de passe n'a pas encore été modifié. Votre identité reste vérifiée : réessayez dans { $seconds } seconde.
    [many] Microsoft Entra est occupé et votre mot de passe n'a pas encore été modifié. Votre identité reste vérifiée : réessayez dans { $seconds } secondes.
   *[other] Microsoft Entra est occupé et votre mot de passe n'a pas encore été modifié. Votre identité reste vérifiée : réessayez dans { $seconds } secondes.
    }
meter-good = Bon : { $strength }
meter-not-yet = Pas encore : { $strength }
meter-guess-time = pourrait être deviné en { $time }
strength-0 = Très faible
strength-1 = Faible
strength-2 = Moyen
strength-3 = Fort
strength-4 = Très fort

## Les règles, affichées au-dessus du champ du mot de passe

rule-length = Contenir entre { $min } et { $max } caractères.
rule-charset = Contenir uniquement des lettres A-Z, des chiffres, des espaces et ces symboles : { $symbols }
rule-classes = Contenir au moins trois de ces types : minuscules, majuscules, chiffres, symboles.
rule-strength = Être difficile à deviner : une robustesse d'au moins { $score } sur 4. Plusieurs mots sans rapport entre eux fonctionnent bien. Évitez les noms, les dates, les suites de touches du clavier et les répétitions.
rule-banned = Ne pas contenir de mot de passe courant, votre nom ou le nom de votre organisation, sauf avec assez d'autres caractères.
rule-breached = Ne pas figurer dans des fuites de données connues.
rule-history = { $depth ->
    [one] Être différent du dernier mot de passe défini ici.
    [many] Être différent de vos { $depth } derniers mots de passe définis ici.
   *[other] Être différent de vos { $depth } derniers mots de passe définis ici.
    }
rule-ad-names = Ne contenir ni votre nom d'utilisateur, ni une partie de votre nom complet de trois caractères ou plus.
rule-ad-history = { $depth ->
    [one] Être différent de votre mot de passe précédent sur le réseau de votre organisation.
   *[other] Être différent de vos { $depth } derniers mots de passe sur le réseau de votre organisation.
    }

## Pourquoi un mot de passe a été refusé

policy-length-short = Utilisez au moins { $min } caractères.
policy-length-long = Utilisez au maximum { $max } caractères.
policy-charset = Retirez { $chars } : seuls les lettres A-Z, les chiffres, les espaces et les symboles { $symbols } sont autorisés.
policy-classes = Utilisez au moins trois de ces types : minuscules, majuscules, chiffres et symboles. Il en manque { $need } parmi : { $missing }.
class-lowercase = minuscules
class-uppercase = majuscules
class-digits = chiffres
class-symbols = symboles
char-space = espace
char-tab = tabulation
char-line-break = saut de ligne
char-nbsp = espace insécable
char-others = autres
list-separator = ,{" "}
policy-banned-name = Votre mot de passe contient votre nom. Choisissez-en un qui ne le contient pas.
policy-banned-custom = Votre mot de passe est construit autour d'un mot bloqué par votre organisation. Choisissez-en un autre.
policy-banned-organisation = Votre mot de passe contient le nom de votre organisation et trop peu d'autres caractères. Réessayez avec un autre mot de passe.
policy-banned-common = Votre mot de passe est construit autour d'un mot ou d'un motif courant, que les pirates essaient en premier. Choisissez-en un autre.
policy-breached = Ce mot de passe figure dans des fuites de données publiées : les pirates le connaissent déjà. Choisissez-en un autre.
policy-history = Vous avez utilisé ce mot de passe récemment. Choisissez-en un que vous n'avez jamais utilisé.
policy-unavailable = Le mot de passe n'a pas pu être vérifié pour le moment. Réessayez.
policy-breached-unavailable = Nous n'avons pas pu vérifier pour le moment si ce mot de passe figure dans des fuites de données connues. Réessayez dans une minute.
policy-entra-rejected = Microsoft Entra n'a pas accepté ce mot de passe : il ne respecte pas les exigences de votre organisation en matière de mots de passe ou contient un mot couramment utilisé. Choisissez-en un autre.
policy-ad-rejected = L'Active Directory de votre organisation n'a pas accepté ce mot de passe : il est peut-être trop court, trop simple ou déjà utilisé récemment, ou votre dernière modification est trop récente. Choisissez-en un autre.
policy-ad-names = Le réseau de votre organisation n'accepte pas votre nom d'utilisateur ni une partie de votre nom complet dans un mot de passe. Retirez-le.
policy-ad-history = { $depth ->
    [one] Le réseau de votre organisation n'a pas accepté ce mot de passe, bien qu'il respecte les règles indiquées. Il s'agit très probablement de votre mot de passe précédent, ou il contient un mot interdit par le réseau, ou votre compte a des règles plus strictes. Choisissez-en un autre.
   *[other] Le réseau de votre organisation n'a pas accepté ce mot de passe, bien qu'il respecte les règles indiquées. Il s'agit très probablement de l'un de vos { $depth } derniers mots de passe, ou il contient un mot interdit par le réseau, ou votre compte a des règles plus strictes. Choisissez-en un autre.
    }
policy-strength-unverified = Ce mot de passe n'a pas pu être vérifié à temps. Choisissez-en un autre, par exemple quatre mots ou plus sans rapport entre eux, avec un chiffre et un symbole.
policy-strength-weak-start = Le début de ce mot de passe est facile à deviner.
policy-strength-weak = Ce mot de passe est trop facile à deviner (robustesse { $score } sur 4, il faut au moins { $min }).
policy-warn-keyboard-row = Les rangées de touches voisines, comme « qwerty », font partie des premières choses essayées.
policy-warn-keyboard-pattern = Les motifs de clavier courts se devinent vite.
policy-warn-repeat-char = Les caractères répétés, comme « aaa », n'apportent presque rien.
policy-warn-repeat-group = Un groupe répété, comme « abcabc », est à peine plus difficile à deviner que le groupe lui-même.
policy-warn-top10 = C'est l'un des dix mots de passe les plus utilisés.
policy-warn-top100 = C'est l'un des cent mots de passe les plus utilisés.
policy-warn-common = Ce mot de passe est utilisé par de très nombreuses personnes.
policy-warn-similar-common = Il est proche d'un mot de passe utilisé par de très nombreuses personnes.
policy-warn-sequence = Les suites comme « abc » ou « 6543 » se devinent vite.
policy-warn-recent-year = Les années récentes se devinent vite.
policy-warn-single-word = Un mot seul se devine vite.
policy-warn-date = Les dates se devinent vite.
policy-warn-name = Un nom seul se devine vite.
policy-warn-common-name = Les prénoms et noms de famille courants se devinent vite.
policy-hint-banned-more = Ajoutez quelques mots ou caractères de plus, qui ne soient ni des mots courants ni des noms.
policy-hint-few-words = Utilisez plusieurs mots sans rapport entre eux, pas une expression connue.
policy-hint-length-first = La longueur aide davantage que les symboles, les chiffres ou les majuscules.
policy-hint-add-word = Ajoutez un ou deux mots de plus. Les mots peu courants sont préférables.
policy-hint-capitals = Une majuscule au début ou à la fin n'apporte pas grand-chose.
policy-hint-all-caps = Tout en majuscules se devine à peu près aussi facilement que tout en minuscules.
policy-hint-reversed = Les mots écrits à l'envers sont à peine plus difficiles à deviner.
policy-hint-substitutions = Les remplacements comme « @ » pour « a » ou « 0 » pour « o » sont bien connus et n'apportent pas grand-chose.
policy-hint-keyboard = Évitez les motifs de clavier, ou rendez-les beaucoup plus longs, avec de nombreux changements de direction.
policy-hint-repeats = Évitez les mots et les caractères répétés.
policy-hint-sequences = Évitez les suites comme abc ou 123.
policy-hint-recent-years = Évitez les années récentes.
policy-hint-your-years = Évitez les années qui ont une signification pour vous.
policy-hint-your-dates = Évitez les dates et les années qui ont une signification pour vous.

## Terminé

done-title = Votre mot de passe a été modifié
done-signed-in-as = Vous pouvez maintenant vous connecter à { $username } avec votre nouveau mot de passe.
done-ad-sync = Votre nouveau mot de passe fonctionne dès maintenant sur le réseau de votre organisation. Microsoft 365 et les autres applications cloud le prendront en compte d'ici quelques minutes, une fois synchronisé ; d'ici là, ils attendent encore l'ancien.
done-ad-syncing = Microsoft 365 prend en compte votre nouveau mot de passe. Cela prend généralement environ deux minutes ; cette page l'indiquera dès que c'est fait.
done-ad-synced = Microsoft 365 a votre nouveau mot de passe : vous pouvez vous y connecter dès maintenant.
done-ad-sync-check = Vérifier à nouveau
password-unlock-instead = Seulement bloqué ? Si vous connaissez encore votre mot de passe, débloquez votre compte sans le changer.
password-unlock-button = Débloquer mon compte
unlocked-title = Votre compte est débloqué
unlocked-text = Vous pouvez de nouveau vous connecter avec votre mot de passe actuel. Si vous êtes de nouveau bloqué bientôt, un téléphone ou un ordinateur essaie sans doute encore un ancien mot de passe : mettez-le d'abord à jour là-bas.
done-update-title = Mettez-le maintenant à jour partout où il est enregistré
done-update-intro = Les téléphones, ordinateurs portables et applications qui ont encore l'ancien mot de passe continuent de l'essayer. Chaque essai échoue avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, erreur AADSTS50126), et trop d'échecs bloquent votre compte. Suivez cette liste, en commençant par l'appareil que vous avez en main :
done-check-devices = Vérifier mes appareils
done-printable-guide = Guide à imprimer

## Appareils qui utilisent encore l'ancien mot de passe

devices-title = Appareils qui utilisent encore votre ancien mot de passe
devices-unavailable = La licence Microsoft Entra de votre organisation n'inclut pas les journaux de connexion : nous ne pouvons donc pas voir quels appareils échouent. Suivez le guide.
devices-error = Nous n'avons pas pu vérifier vos connexions pour le moment. Réessayez dans quelques minutes, ou suivez le guide.
devices-none = Aucun appareil n'a essayé votre ancien mot de passe depuis le changement. Les appareils qui se synchronisent seulement de temps en temps peuvent apparaître plus tard : revenez vérifier demain.
devices-intro = Ces appareils essaient encore votre ancien mot de passe. Chaque essai échoue avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126) et peut bloquer votre compte.
devices-failures = { $count ->
    [one] { $count } échec de connexion, le dernier à { $last }.
    [many] { $count } échecs de connexion, le dernier à { $last }.
   *[other] { $count } échecs de connexion, le dernier à { $last }.
    }
devices-locked = Votre compte a été bloqué à cause de cela.
devices-how = Comment le mettre à jour
devices-open-guide = Ouvrir le guide
devices-check-again = Vérifier à nouveau
devices-unknown-app = Une application
devices-unknown-device = un appareil inconnu

## Le guide des mots de passe enregistrés

guide-title = Mettre à jour vos mots de passe enregistrés
guide-intro = Après un changement de mot de passe, chaque appareil et chaque application qui a enregistré l'ancien mot de passe doit être mis à jour. D'ici là, il échoue avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126) et peut bloquer votre compte.
guide-ios-mail = iPhone ou iPad : applications Mail, Outlook et Teams
guide-ios-mail-1 = Ouvrez l'application Outlook ou Teams : quand elle le demande, reconnectez-vous avec le nouveau mot de passe.
guide-ios-mail-2 = Application Mail intégrée : Réglages › Apps › Mail › Comptes › votre compte professionnel › Compte, puis saisissez le nouveau mot de passe et touchez OK.
guide-ios-mail-3 = Si le compte continue d'échouer, supprimez-le de Mail puis ajoutez-le à nouveau.
guide-android-mail = Android : Outlook, Teams, Gmail et autres applications de messagerie
guide-android-mail-1 = Ouvrez Outlook et Teams : reconnectez-vous avec le nouveau mot de passe quand ils le demandent.
guide-android-mail-2 = Gmail ou Samsung Email avec un compte professionnel : Paramètres › votre compte professionnel › Paramètres du serveur (ou Paramètres du compte), puis saisissez le nouveau mot de passe.
guide-android-mail-3 = Si Microsoft Authenticator ou Portail d'entreprise vous demande de vous connecter, utilisez le nouveau mot de passe.
guide-windows-signin = Windows : connexion et écran de verrouillage
guide-windows-signin-1 = Verrouillez l'ordinateur (touche Windows + L), puis déverrouillez-le avec le nouveau mot de passe.
guide-windows-signin-2 = Vous n'êtes pas sur le réseau du bureau ? Connectez-vous d'abord au VPN. Sinon, l'ordinateur peut garder l'ancien mot de passe jusqu'à ce qu'il puisse joindre le réseau.
guide-outlook-desktop = Outlook, Teams et OneDrive sur un ordinateur
guide-outlook-desktop-1 = Fermez puis rouvrez Outlook, Teams et OneDrive. Connectez-vous avec le nouveau mot de passe quand ils le demandent.
guide-outlook-desktop-2 = Si Outlook continue de le demander : Fichier › Paramètres du compte › Paramètres du compte, sélectionnez le compte, puis Réparer.
guide-credential-manager = Gestionnaire d'identification Windows et lecteurs réseau
guide-credential-manager-1 = Ouvrez Démarrer, tapez Gestionnaire d'identification, puis ouvrez Informations d'identification Windows.
guide-credential-manager-2 = Modifiez chaque entrée qui contient votre nom d'utilisateur professionnel (par exemple MicrosoftOffice, lecteurs réseau, imprimantes) et saisissez le nouveau mot de passe, ou supprimez-la pour qu'il vous soit redemandé.
guide-credential-manager-3 = Lecteurs réseau : dans l'Explorateur de fichiers, faites un clic droit sur le lecteur, choisissez Déconnecter, puis connectez-le à nouveau.
guide-keychain = Mac : Trousseau
guide-keychain-1 = Ouvrez Trousseau d'accès (Applications › Utilitaires).
guide-keychain-2 = Recherchez votre adresse e-mail professionnelle, ouvrez chaque entrée (Exchange, Outlook, Wi-Fi) et mettez à jour le mot de passe, ou supprimez l'entrée pour qu'il vous soit redemandé.
guide-wifi = Wi-Fi du bureau
guide-wifi-1 = Sur chaque téléphone, tablette et ordinateur portable : oubliez le réseau Wi-Fi du bureau (Réglages › Wi-Fi › le réseau › Oublier ce réseau).
guide-wifi-2 = Reconnectez-vous à ce réseau avec le nouveau mot de passe.
guide-vpn = VPN
guide-vpn-1 = Ouvrez l'application VPN, modifiez la connexion enregistrée et remplacez le mot de passe enregistré, ou effacez-le pour que l'application le demande.
guide-browsers = Mots de passe enregistrés dans les navigateurs
guide-browsers-1 = Edge ou Chrome : Paramètres › Mots de passe (Gestionnaire de mots de passe). Firefox : Paramètres › Mots de passe. Safari : Réglages › Mots de passe.
guide-browsers-2 = Recherchez votre adresse e-mail professionnelle, puis mettez à jour ou supprimez l'entrée enregistrée.
guide-other-devices = Autres téléphones, tablettes, ordinateurs personnels, scanners et scripts
guide-other-devices-1 = Pensez à tous les autres appareils qui se connectent en votre nom : un deuxième téléphone, une tablette, un ordinateur à la maison, un scanner qui envoie des documents par e-mail, des scripts planifiés.
guide-other-devices-2 = Mettez à jour chacun d'eux. Tant que ce n'est pas fait, ils continuent d'essayer l'ancien mot de passe.

## Support informatique et blocage

helpdesk-title = Contactez le support informatique
helpdesk-intro = Merci d'avoir confirmé votre identité. Ce mot de passe ne peut pas être réinitialisé ici.
helpdesk-reason = Motif : { $reason }
helpdesk-reason-code = Indiquez ce code de motif au support informatique : { $code }
reason-disabled = Votre compte est désactivé.
reason-synced = Votre mot de passe est géré par l'annuaire local de votre organisation.
reason-privileged = Votre compte a des droits d'administrateur : seul le support informatique peut réinitialiser son mot de passe.
reason-federated = Votre compte se connecte via un autre fournisseur d'identité.
reason-not-enough-methods = Votre compte n'a pas assez de moyens de contact enregistrés.
locked-title = Trop de codes incorrects
locked-paused = Pour votre sécurité, les réinitialisations de mot de passe de ce compte sont suspendues jusqu'à { $until }. Votre mot de passe n'a pas changé.
locked-not-you = Si vous n'avez pas essayé de réinitialiser votre mot de passe, contactez le support informatique.

## Pages d'erreur

error-code = Erreur { $status }
error-bad-request-title = Un élément de cette demande n'était pas correct
error-bad-request-text = Revenez en arrière et réessayez.
error-forbidden-title = Cette page a expiré
error-forbidden-text = Pour votre sécurité, le formulaire n'a pas pu être accepté. Recommencez depuis le début.
error-not-found-title = Page introuvable
error-not-found-text = L'adresse est peut-être mal saisie, ou la page n'existe plus.
error-expired-title = Votre réinitialisation a expiré
error-expired-text = { $minutes ->
    [one] Pour votre sécurité, une réinitialisation prend fin après { $minutes } minute d'inactivité. Recommencez depuis le début.
    [many] Pour votre sécurité, une réinitialisation prend fin après { $minutes } minutes d'inactivité. Recommencez depuis le début.
   *[other] Pour votre sécurité, une réinitialisation prend fin après { $minutes } minutes d'inactivité. Recommencez depuis le début.
    }
error-out-of-order-title = Cette étape n'est pas encore disponible
error-out-of-order-text = Reprenez là où vous vous êtes arrêté, ou recommencez depuis le début.
error-too-many-title = Trop de tentatives
error-too-many-text = Attendez quelques minutes avant de réessayer.
error-unavailable-title = Le service est temporairement indisponible
error-unavailable-text = Rien n'a été modifié. Réessayez dans quelques minutes.
error-internal-title = Un problème est survenu de notre côté
error-internal-text = Rien n'a été modifié. Réessayez. Si le problème continue, contactez le support informatique.

## Boîte d'envoi de démonstration

outbox-title = Boîte d'envoi de démonstration
outbox-intro = En mode démonstration, rien ne quitte cette machine : chaque e-mail et chaque SMS que le portail enverrait s'affiche ici, du plus récent au plus ancien.
outbox-refresh = Actualiser
outbox-empty = Aucun message pour l'instant. Lancez une réinitialisation sur le portail.
outbox-open-portal = Ouvrir le portail
outbox-email-to = e-mail à { $to }
outbox-sms-to = SMS au { $to }

## E-mails et SMS

mail-hello = Bonjour,
mail-hello-name = Bonjour { $name },
mail-helpdesk = Des questions ? Contactez le support informatique : { $helpdesk }
mail-code-subject = Votre code de réinitialisation du mot de passe { $org }
mail-code-intro = Votre code de réinitialisation du mot de passe { $org } est :
mail-code-once = { $minutes ->
    [one] Il ne fonctionne qu'une fois, pendant { $minutes } minute.
    [many] Il ne fonctionne qu'une fois, pendant { $minutes } minutes.
   *[other] Il ne fonctionne qu'une fois, pendant { $minutes } minutes.
    }
mail-code-who = Quelqu'un a demandé à réinitialiser le mot de passe de { $account } le { $at }.
mail-code-who-from = Quelqu'un a demandé à réinitialiser le mot de passe de { $account } depuis { $address } le { $at }.
mail-code-not-you = Si ce n'était pas vous, ne communiquez ce code à personne. Votre mot de passe n'a pas changé.
sms-code = { $code } est votre code de réinitialisation du mot de passe { $org }. Il expire dans { $minutes } min. Ne le communiquez jamais.
mail-locked-subject = Réinitialisations de mot de passe suspendues pour { $account }
mail-locked-paused = Les réinitialisations de mot de passe pour { $account } sont suspendues jusqu'au { $until }, car trop de codes incorrects ont été saisis sur le portail des mots de passe { $org }.
mail-locked-from = Le dernier code incorrect provenait de { $address }.
mail-locked-advice = Si c'était vous, patientez et réessayez plus tard. Si ce n'était pas vous, quelqu'un essaie peut-être de prendre le contrôle de votre compte : contactez le support informatique.
mail-not-changed = Votre mot de passe n'a pas changé.
mail-changed-subject = Votre mot de passe { $org } a été modifié
mail-changed-what = Le mot de passe de { $account } a été modifié le { $at } via le portail des mots de passe { $org }.
mail-changed-what-from = Le mot de passe de { $account } a été modifié le { $at } depuis { $address } via le portail des mots de passe { $org }.
mail-changed-not-you = Si ce n'était pas vous, contactez immédiatement le support informatique.
mail-changed-update = Mettez à jour le mot de passe partout où il est enregistré. Sinon, ces appareils continueront d'échouer avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126) et pourront bloquer votre compte :
mail-full-guide = Le guide complet
mail-reminder-subject = { $days ->
    [1] Votre mot de passe expire demain
    [one] Votre mot de passe expire dans { $days } jour
    [many] Votre mot de passe expire dans { $days } jours
   *[other] Votre mot de passe expire dans { $days } jours
    }
mail-reminder-subject-expired = Votre mot de passe a expiré
mail-reminder-expires = { $days ->
    [1] Le mot de passe de { $account } expire le { $date }, demain.
    [one] Le mot de passe de { $account } expire le { $date }, dans { $days } jour.
    [many] Le mot de passe de { $account } expire le { $date }, dans { $days } jours.
   *[other] Le mot de passe de { $account } expire le { $date }, dans { $days } jours.
    }
mail-reminder-expired = Le mot de passe de { $account } a expiré le { $date }. Vous ne pouvez plus l'utiliser pour vous connecter.
mail-reminder-change-at = Modifiez-le maintenant sur { $url }
mail-reminder-windows = Ou, tant que vous pouvez encore vous connecter à Windows : Ctrl+Alt+Suppr › Modifier un mot de passe.
mail-reminder-how = Comment faire : saisissez votre adresse e-mail professionnelle, confirmez avec le code que nous envoyons à l'adresse e-mail ou au téléphone enregistré, puis choisissez un nouveau mot de passe. Quelques mots sans rapport entre eux donnent un mot de passe robuste.
mail-reminder-after = Ensuite, mettez à jour le mot de passe sur votre téléphone, dans Outlook, pour le Wi-Fi et le VPN. Sinon, ils continueront d'utiliser l'ancien et pourront bloquer votre compte.
mail-signature = Service informatique { $org }
# When branding.org_name is not set: the organisation, as it reads in the messages above.
org-unnamed = professionnel
org-logo-alt = Logo
mail-signature-unnamed = Votre service informatique
mail-watch-subject = { $device } utilise encore votre ancien mot de passe
mail-watch-body = { $count ->
    [one] Votre mot de passe { $org } pour { $account } a été modifié, mais { $device } essaie encore l'ancien ({ $count } échec de connexion jusqu'ici). Chaque essai échoue avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126), et trop d'échecs bloquent votre compte.
    [many] Votre mot de passe { $org } pour { $account } a été modifié, mais { $device } essaie encore l'ancien ({ $count } échecs de connexion jusqu'ici). Chaque essai échoue avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126), et trop d'échecs bloquent votre compte.
   *[other] Votre mot de passe { $org } pour { $account } a été modifié, mais { $device } essaie encore l'ancien ({ $count } échecs de connexion jusqu'ici). Chaque essai échoue avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126), et trop d'échecs bloquent votre compte.
    }
mail-watch-how = Comment le mettre à jour : { $url }
mail-watch-unknown = Si vous ne reconnaissez pas cet appareil, contactez le support informatique.
mail-trouble-subject = Des difficultés à vous connecter ?
mail-trouble-body = { $count ->
    [one] { $device } n'a pas réussi à se connecter en tant que { $account } ({ $count } échec depuis le { $since }) avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126). Un ancien mot de passe y est probablement encore enregistré.
    [many] { $device } n'a pas réussi à se connecter en tant que { $account } ({ $count } échecs depuis le { $since }) avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126). Un ancien mot de passe y est probablement encore enregistré.
   *[other] { $device } n'a pas réussi à se connecter en tant que { $account } ({ $count } échecs depuis le { $since }) avec le message "invalid username or password" (nom d'utilisateur ou mot de passe non valide, AADSTS50126). Un ancien mot de passe y est probablement encore enregistré.
    }
mail-trouble-update = Mettez-le à jour : { $url }
mail-trouble-forgot = Mot de passe oublié ? { $url }
