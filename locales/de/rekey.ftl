# Rekey, Deutsch. Gleiche IDs und gleiche { $variables } wie der englische Referenzkatalog.
# Nur reiner Text: Die Vorlagen maskieren die Meldungen.

## Auf jeder Seite

page-title-default = Passwort zurücksetzen
skip-to-content = Zum Inhalt springen
demo-outbox-link = Demo-Postausgang
help-contact = Brauchen Sie Hilfe? Wenden Sie sich an den Helpdesk
help-call = Telefon: { $phone }
help-email = E-Mail: { $email }
language-switcher = Sprache
progress-label = Fortschritt
progress = Schritt { $step } von { $total }
error-summary-title = Es ist ein Problem aufgetreten
start-again = Zurück zum Anfang

## Startseite

home-title = Passwort zurücksetzen
home-intro = Passwort vergessen oder abgelaufen? Bestätigen Sie Ihre Identität mit einem Code. Wir senden ihn an Ihre hinterlegte E-Mail-Adresse oder Telefonnummer. Danach wählen Sie ein neues Passwort.
home-username-label = Ihre geschäftliche E-Mail-Adresse
home-continue = Weiter
home-never-ask = Wir fragen Sie nie nach Ihrem aktuellen Passwort.
home-username-missing = Geben Sie Ihre geschäftliche E-Mail-Adresse ein, zum Beispiel name@contoso.com.

## Wohin der Code gesendet wird

methods-title = Wohin sollen wir den Code senden?
methods-intro = Wählen Sie eine der Kontaktangaben, die für { $username } hinterlegt sind.
methods-legend = Code senden an
methods-email-to = E-Mail an { $address }
methods-sms-to = SMS an { $number }
methods-send = Code senden
methods-unknown = Sie erkennen diese Angaben nicht oder erreichen keine davon? Wenden Sie sich an den Helpdesk.
methods-too-many = { $minutes ->
    [one] Für dieses Konto wurden zu viele Codes gesendet. Sie können in { $minutes } Minute einen neuen anfordern.
   *[other] Für dieses Konto wurden zu viele Codes gesendet. Sie können in { $minutes } Minuten einen neuen anfordern.
    }

## Code eingeben

code-title = Code eingeben
code-sent-email = Wir haben einen { $digits }-stelligen Code per E-Mail an { $address } gesendet. Es kann eine Minute dauern, bis er ankommt.
code-sent-sms = Wir haben einen { $digits }-stelligen Code per SMS an { $number } gesendet. Es kann eine Minute dauern, bis er ankommt.
code-label = Code
code-autosubmit = Der Code wird geprüft, sobald alle { $digits } Ziffern eingegeben sind.
code-verify = Bestätigen
code-resend = Neuen Code senden
code-elsewhere = Oder senden Sie den Code an eine andere Adresse:
code-other-email = E-Mail an { $address }
code-other-sms = SMS an { $number }
code-wrong = { $remaining ->
    [one] Dieser Code ist nicht richtig. Prüfen Sie die neueste Nachricht und versuchen Sie es erneut (noch { $remaining } Versuch).
   *[other] Dieser Code ist nicht richtig. Prüfen Sie die neueste Nachricht und versuchen Sie es erneut (noch { $remaining } Versuche).
    }
code-expired = Dieser Code ist abgelaufen oder wurde bereits verwendet. Senden Sie unten einen neuen Code.

## Neues Passwort wählen

password-title = Neues Passwort wählen
password-must = Ihr neues Passwort muss:
password-tip = Einige Wörter, die nichts miteinander zu tun haben, ergeben ein langes Passwort, das man sich leicht merken kann.
password-label = Neues Passwort
password-show = Passwort anzeigen
password-hide = Passwort ausblenden
password-revoke = Mich auf allen Geräten abmelden
password-submit = Neues Passwort festlegen
password-rejected = Wählen Sie ein anderes Passwort:
password-mismatch = Die beiden Passwörter stimmen nicht überein. Geben Sie das neue Passwort noch einmal ein.
password-busy = { $seconds ->
    [one] Microsoft Entra ist gerade ausgelastet. Ihr Passwort wurde noch nicht geändert. Ihre Bestätigung bleibt gültig: Versuchen Sie es in { $seconds } Sekunde erneut.
   *[other] Microsoft Entra ist gerade ausgelastet. Ihr Passwort wurde noch nicht geändert. Ihre Bestätigung bleibt gültig: Versuchen Sie es in { $seconds } Sekunden erneut.
    }
meter-good = Gut: { $strength }
meter-not-yet = Noch nicht ausreichend: { $strength }
meter-guess-time = könnte in { $time } erraten werden
strength-0 = Sehr schwach
strength-1 = Schwach
strength-2 = Mittel
strength-3 = Stark
strength-4 = Sehr stark

## Die Regeln über dem Passwortfeld

rule-length = Zwischen { $min } und { $max } Zeichen lang sein.
rule-charset = Nur Buchstaben A-Z, Ziffern, Leerzeichen und diese Sonderzeichen enthalten: { $symbols }
rule-classes = Mindestens drei dieser Arten enthalten: Kleinbuchstaben, Großbuchstaben, Ziffern, Sonderzeichen.
rule-strength = Schwer zu erraten sein: eine Stärke von mindestens { $score } von 4. Mehrere Wörter ohne Zusammenhang eignen sich gut. Vermeiden Sie Namen, Daten, Tastaturmuster und Wiederholungen.
rule-banned = Keine gängigen Passwörter, nicht Ihren Namen und nicht den Namen Ihrer Organisation enthalten, außer zusammen mit genügend anderen Zeichen.
rule-breached = Nicht in bekannten Datenlecks vorkommen.
rule-history = { $depth ->
    [one] Nicht Ihr letztes hier festgelegtes Passwort sein.
   *[other] Nicht eines Ihrer letzten { $depth } hier festgelegten Passwörter sein.
    }
rule-ad-names = Weder Ihren Benutzernamen noch einen Teil Ihres vollständigen Namens mit drei oder mehr Zeichen enthalten.
rule-ad-history = { $depth ->
    [one] Nicht Ihr vorheriges Passwort im Netzwerk Ihrer Organisation sein.
   *[other] Nicht eines Ihrer letzten { $depth } Passwörter im Netzwerk Ihrer Organisation sein.
    }

## Warum ein Passwort abgelehnt wurde

policy-length-short = Verwenden Sie mindestens { $min } Zeichen.
policy-length-long = Verwenden Sie höchstens { $max } Zeichen.
policy-charset = Entfernen Sie { $chars }: Erlaubt sind nur Buchstaben A-Z, Ziffern, Leerzeichen und die Sonderzeichen { $symbols }.
policy-classes = Verwenden Sie mindestens drei dieser Arten: Kleinbuchstaben, Großbuchstaben, Ziffern und Sonderzeichen. Ergänzen Sie noch { $need } davon: { $missing }.
class-lowercase = Kleinbuchstaben
class-uppercase = Großbuchstaben
class-digits = Ziffern
class-symbols = Sonderzeichen
char-space = Leerzeichen
char-tab = Tabulator
char-line-break = Zeilenumbruch
char-nbsp = geschütztes Leerzeichen
char-others = weitere
list-separator = ,{" "}
policy-banned-name = Ihr Passwort enthält Ihren Namen. Wählen Sie eines ohne Ihren Namen.
policy-banned-custom = Ihr Passwort basiert auf einem Wort, das Ihre Organisation gesperrt hat. Wählen Sie ein anderes.
policy-banned-organisation = Ihr Passwort enthält den Namen Ihrer Organisation und zu wenig anderes. Versuchen Sie es bitte mit einem anderen Passwort.
policy-banned-common = Ihr Passwort basiert auf einem gängigen Wort oder Muster, das Angreifer zuerst ausprobieren. Wählen Sie ein anderes.
policy-breached = Dieses Passwort ist in veröffentlichten Datenlecks enthalten. Angreifer kennen es also bereits. Wählen Sie ein anderes.
policy-history = Sie haben dieses Passwort vor Kurzem verwendet. Wählen Sie eines, das Sie noch nie verwendet haben.
policy-unavailable = Das Passwort konnte gerade nicht geprüft werden. Bitte versuchen Sie es erneut.
policy-breached-unavailable = Wir konnten dieses Passwort gerade nicht mit bekannten Datenlecks abgleichen. Bitte versuchen Sie es in einer Minute erneut.
policy-entra-rejected = Microsoft Entra hat dieses Passwort nicht akzeptiert: Es erfüllt die Passwortanforderungen Ihrer Organisation nicht oder enthält ein häufig verwendetes Wort. Wählen Sie ein anderes.
policy-ad-rejected = Das Active Directory Ihrer Organisation hat dieses Passwort nicht angenommen: Es ist vielleicht zu kurz, zu einfach oder wurde vor Kurzem schon verwendet, oder Ihre letzte Änderung liegt zu kurz zurück. Wählen Sie ein anderes.
policy-ad-names = Das Netzwerk Ihrer Organisation erlaubt Ihren Benutzernamen oder Teile Ihres vollständigen Namens nicht im Passwort. Lassen Sie ihn weg.
policy-ad-history = { $depth ->
    [one] Das Netzwerk Ihrer Organisation hat dieses Passwort nicht angenommen, obwohl es die genannten Regeln erfüllt. Wahrscheinlich ist es Ihr vorheriges Passwort dort oder enthält ein dort gesperrtes Wort, oder für Ihr Konto gelten strengere Regeln. Wählen Sie ein anderes.
   *[other] Das Netzwerk Ihrer Organisation hat dieses Passwort nicht angenommen, obwohl es die genannten Regeln erfüllt. Wahrscheinlich ist es eines Ihrer letzten { $depth } Passwörter dort oder enthält ein dort gesperrtes Wort, oder für Ihr Konto gelten strengere Regeln. Wählen Sie ein anderes.
    }
policy-strength-unverified = Dieses Passwort konnte nicht rechtzeitig geprüft werden. Wählen Sie ein anderes, zum Beispiel vier oder mehr Wörter ohne Zusammenhang mit einer Ziffer und einem Sonderzeichen.
policy-strength-weak-start = Der Anfang dieses Passworts ist leicht zu erraten.
policy-strength-weak = Dieses Passwort ist zu leicht zu erraten (Stärke { $score } von 4, mindestens { $min } erforderlich).
policy-warn-keyboard-row = Reihen benachbarter Tasten wie „qwerty“ gehören zum Ersten, was ausprobiert wird.
policy-warn-keyboard-pattern = Kurze Tastaturmuster sind schnell erraten.
policy-warn-repeat-char = Wiederholte Zeichen wie „aaa“ bringen fast nichts.
policy-warn-repeat-group = Eine wiederholte Gruppe wie „abcabc“ ist kaum schwerer zu erraten als die Gruppe selbst.
policy-warn-top10 = Dies ist eines der zehn meistverwendeten Passwörter.
policy-warn-top100 = Dies ist eines der hundert meistverwendeten Passwörter.
policy-warn-common = Dieses Passwort wird von sehr vielen Menschen verwendet.
policy-warn-similar-common = Dies ähnelt einem Passwort, das von sehr vielen Menschen verwendet wird.
policy-warn-sequence = Folgen wie „abc“ oder „6543“ sind schnell erraten.
policy-warn-recent-year = Jahreszahlen der letzten Jahre sind schnell erraten.
policy-warn-single-word = Ein einzelnes Wort ist schnell erraten.
policy-warn-date = Datumsangaben sind schnell erraten.
policy-warn-name = Ein Name allein ist schnell erraten.
policy-warn-common-name = Häufige Vor- und Nachnamen sind schnell erraten.
policy-hint-banned-more = Fügen Sie weitere Wörter oder Zeichen hinzu, die keine gängigen Wörter oder Namen sind.
policy-hint-few-words = Verwenden Sie mehrere Wörter ohne Zusammenhang, keine bekannte Redewendung.
policy-hint-length-first = Länge hilft mehr als Sonderzeichen, Ziffern oder Großbuchstaben.
policy-hint-add-word = Fügen Sie ein oder zwei weitere Wörter hinzu. Ungewöhnliche Wörter sind besser.
policy-hint-capitals = Ein Großbuchstabe am Anfang oder am Ende bringt wenig.
policy-hint-all-caps = Nur Großbuchstaben sind etwa so leicht zu erraten wie nur Kleinbuchstaben.
policy-hint-reversed = Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.
policy-hint-substitutions = Ersetzungen wie „@“ für „a“ oder „0“ für „o“ sind bekannt und bringen wenig.
policy-hint-keyboard = Vermeiden Sie Tastaturmuster oder machen Sie sie viel länger, mit vielen Richtungswechseln.
policy-hint-repeats = Vermeiden Sie wiederholte Wörter und Zeichen.
policy-hint-sequences = Vermeiden Sie Folgen wie abc oder 123.
policy-hint-recent-years = Vermeiden Sie Jahreszahlen der letzten Jahre.
policy-hint-your-years = Vermeiden Sie Jahreszahlen, die Ihnen etwas bedeuten.
policy-hint-your-dates = Vermeiden Sie Daten und Jahreszahlen, die Ihnen etwas bedeuten.

## Fertig

done-title = Ihr Passwort wurde geändert
done-signed-in-as = Sie können sich jetzt mit Ihrem neuen Passwort als { $username } anmelden.
done-ad-sync = Ihr neues Passwort gilt jetzt im Netzwerk Ihrer Organisation. Microsoft 365 und andere Cloud-Apps übernehmen es in wenigen Minuten, sobald es synchronisiert ist; bis dahin erwarten sie noch das alte.
done-ad-syncing = Microsoft 365 übernimmt Ihr neues Passwort. Das dauert meist etwa zwei Minuten; diese Seite sagt Bescheid, sobald es so weit ist.
done-ad-synced = Microsoft 365 hat Ihr neues Passwort: Sie können sich dort jetzt anmelden.
done-ad-sync-check = Erneut prüfen
password-unlock-instead = Nur gesperrt? Wenn Sie Ihr Passwort noch kennen, entsperren Sie Ihr Konto, ohne es zu ändern.
password-unlock-button = Mein Konto entsperren
unlocked-title = Ihr Konto ist entsperrt
unlocked-text = Sie können sich wieder mit Ihrem bisherigen Passwort anmelden. Werden Sie bald erneut gesperrt, versucht wahrscheinlich ein Telefon oder Computer noch ein altes Passwort: Aktualisieren Sie es dort zuerst.
done-update-title = Ändern Sie es jetzt überall, wo es gespeichert ist
done-update-intro = Smartphones, Laptops und Apps, die noch das alte Passwort gespeichert haben, versuchen es weiter. Jeder Versuch scheitert mit „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, Fehler AADSTS50126). Zu viele Versuche sperren Ihr Konto. Gehen Sie diese Liste durch. Beginnen Sie mit dem Gerät, das Sie gerade in der Hand halten:
done-check-devices = Meine Geräte prüfen
done-printable-guide = Anleitung zum Ausdrucken

## Geräte, die noch das alte Passwort verwenden

devices-title = Geräte, die noch Ihr altes Passwort verwenden
devices-unavailable = Die Microsoft Entra-Lizenz Ihrer Organisation enthält keine Anmeldeprotokolle. Daher können wir nicht sehen, welche Geräte scheitern. Bitte gehen Sie die Anleitung durch.
devices-error = Wir konnten Ihre Anmeldungen gerade nicht prüfen. Bitte versuchen Sie es in einigen Minuten erneut oder gehen Sie die Anleitung durch.
devices-none = Seit der Änderung hat kein Gerät Ihr altes Passwort verwendet. Geräte, die nur gelegentlich synchronisieren, können später auftauchen: Prüfen Sie morgen noch einmal.
devices-intro = Diese Geräte versuchen es noch mit Ihrem alten Passwort. Jeder Versuch scheitert mit „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, AADSTS50126) und kann Ihr Konto sperren.
devices-failures = { $count ->
    [one] { $count } fehlgeschlagene Anmeldung, zuletzt um { $last }.
   *[other] { $count } fehlgeschlagene Anmeldungen, zuletzt um { $last }.
    }
devices-locked = Ihr Konto wurde deshalb gesperrt.
devices-how = So ändern Sie es
devices-open-guide = Anleitung öffnen
devices-check-again = Erneut prüfen
devices-unknown-app = Eine App
devices-unknown-device = ein unbekanntes Gerät

## Anleitung für gespeicherte Passwörter

guide-title = Gespeicherte Passwörter aktualisieren
guide-intro = Nach einer Passwortänderung müssen Sie jedes Gerät und jede App aktualisieren, die das alte Passwort gespeichert hat. Bis dahin scheitert die Anmeldung mit „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, AADSTS50126) und kann Ihr Konto sperren.
guide-ios-mail = iPhone oder iPad: Mail, Outlook und Teams
guide-ios-mail-1 = Öffnen Sie die Outlook- oder Teams-App. Wenn Sie dazu aufgefordert werden, melden Sie sich mit dem neuen Passwort erneut an.
guide-ios-mail-2 = Integrierte Mail-App: Einstellungen › Apps › Mail › Mail-Accounts › Ihr geschäftliches Konto › Account. Geben Sie dann das neue Passwort ein und tippen Sie auf „Fertig“.
guide-ios-mail-3 = Wenn das Konto weiterhin nicht funktioniert, löschen Sie es aus Mail und fügen Sie es erneut hinzu.
guide-android-mail = Android: Outlook, Teams, Gmail und andere Mail-Apps
guide-android-mail-1 = Öffnen Sie Outlook und Teams. Melden Sie sich mit dem neuen Passwort erneut an, wenn Sie dazu aufgefordert werden.
guide-android-mail-2 = Gmail oder Samsung Email mit geschäftlichem Konto: Einstellungen › Ihr geschäftliches Konto › Servereinstellungen (oder Kontoeinstellungen). Geben Sie dann das neue Passwort ein.
guide-android-mail-3 = Wenn Microsoft Authenticator oder Company Portal Sie zur Anmeldung auffordert, verwenden Sie das neue Passwort.
guide-windows-signin = Windows: Anmeldung und Sperrbildschirm
guide-windows-signin-1 = Sperren Sie den Computer (Windows-Taste + L) und entsperren Sie ihn mit dem neuen Passwort.
guide-windows-signin-2 = Sie sind nicht im Büronetzwerk? Verbinden Sie sich zuerst mit dem VPN. Sonst behält der Computer eventuell das alte Passwort, bis er das Netzwerk erreicht.
guide-outlook-desktop = Outlook, Teams und OneDrive auf dem Computer
guide-outlook-desktop-1 = Schließen Sie Outlook, Teams und OneDrive und öffnen Sie sie erneut. Melden Sie sich mit dem neuen Passwort an, wenn Sie dazu aufgefordert werden.
guide-outlook-desktop-2 = Wenn Outlook immer wieder nachfragt: Datei › Kontoeinstellungen › Kontoeinstellungen, das Konto auswählen, Reparieren.
guide-credential-manager = Windows-Anmeldeinformationsverwaltung und verbundene Netzlaufwerke
guide-credential-manager-1 = Öffnen Sie Start, geben Sie Anmeldeinformationsverwaltung ein und öffnen Sie Windows-Anmeldeinformationen.
guide-credential-manager-2 = Bearbeiten Sie jeden Eintrag mit Ihrem geschäftlichen Benutzernamen (zum Beispiel MicrosoftOffice, Netzlaufwerke, Drucker) und geben Sie das neue Passwort ein. Oder entfernen Sie den Eintrag, damit Sie erneut gefragt werden.
guide-credential-manager-3 = Verbundene Netzlaufwerke: Klicken Sie im Explorer mit der rechten Maustaste auf das Laufwerk, wählen Sie Trennen und verbinden Sie es dann erneut.
guide-keychain = Mac: Schlüsselbund
guide-keychain-1 = Öffnen Sie die Schlüsselbundverwaltung (Programme › Dienstprogramme).
guide-keychain-2 = Suchen Sie nach Ihrer geschäftlichen E-Mail-Adresse, öffnen Sie jeden Eintrag (Exchange, Outlook, WLAN) und ändern Sie das Passwort. Oder löschen Sie den Eintrag, damit Sie erneut gefragt werden.
guide-wifi = WLAN im Büro
guide-wifi-1 = Auf jedem Smartphone, Tablet und Laptop: Entfernen Sie das Büro-WLAN (Einstellungen › WLAN › das Netzwerk › Ignorieren bzw. Entfernen).
guide-wifi-2 = Verbinden Sie sich erneut und melden Sie sich mit dem neuen Passwort an.
guide-vpn = VPN
guide-vpn-1 = Öffnen Sie die VPN-App, bearbeiten Sie die gespeicherte Verbindung und ersetzen Sie das gespeicherte Passwort. Oder löschen Sie es, damit die App danach fragt.
guide-browsers = In Browsern gespeicherte Passwörter
guide-browsers-1 = Edge oder Chrome: Einstellungen › Passwörter (Passwortmanager); Firefox: Einstellungen › Passwörter; Safari: Einstellungen › Passwörter.
guide-browsers-2 = Suchen Sie nach Ihrer geschäftlichen E-Mail-Adresse und ändern oder löschen Sie den gespeicherten Eintrag.
guide-other-devices = Weitere Smartphones, Tablets, private Computer, Scanner und Skripte
guide-other-devices-1 = Denken Sie an jedes andere Gerät, das sich in Ihrem Namen anmeldet: ein zweites Smartphone, ein Tablet, ein privater Computer, ein Scanner, der Dokumente per E-Mail versendet, geplante Skripte.
guide-other-devices-2 = Aktualisieren Sie jedes davon. Solange Sie das nicht tun, versucht das Gerät weiter, sich mit dem alten Passwort anzumelden.

## Helpdesk und Sperre

helpdesk-title = Bitte wenden Sie sich an den Helpdesk
helpdesk-intro = Danke, dass Sie Ihre Identität bestätigt haben. Dieses Passwort kann hier nicht zurückgesetzt werden.
helpdesk-reason = Grund: { $reason }
helpdesk-reason-code = Nennen Sie dem Helpdesk diesen Grundcode: { $code }
reason-disabled = Ihr Konto ist deaktiviert.
reason-synced = Ihr Passwort wird vom lokalen Verzeichnis Ihrer Organisation verwaltet.
reason-privileged = Ihr Konto hat Administratorrechte. Daher kann nur der Helpdesk das Passwort zurücksetzen.
reason-federated = Ihr Konto meldet sich über einen anderen Identitätsanbieter an.
reason-not-enough-methods = Für Ihr Konto sind nicht genügend Kontaktmethoden hinterlegt.
locked-title = Zu viele falsche Codes
locked-paused = Zu Ihrer Sicherheit ist das Zurücksetzen des Passworts für dieses Konto bis { $until } gesperrt. Ihr Passwort wurde nicht geändert.
locked-not-you = Wenn Sie nicht versucht haben, Ihr Passwort zurückzusetzen, wenden Sie sich an den Helpdesk.

## Fehlerseiten

error-code = Fehler { $status }
error-bad-request-title = Bei dieser Anfrage stimmte etwas nicht
error-bad-request-text = Bitte gehen Sie zurück und versuchen Sie es erneut.
error-forbidden-title = Diese Seite ist abgelaufen
error-forbidden-text = Zu Ihrer Sicherheit konnte das Formular nicht angenommen werden. Bitte beginnen Sie von vorn.
error-not-found-title = Seite nicht gefunden
error-not-found-text = Die Adresse ist eventuell falsch geschrieben oder die Seite existiert nicht mehr.
error-expired-title = Ihr Zurücksetzen ist abgelaufen
error-expired-text = { $minutes ->
    [one] Zu Ihrer Sicherheit endet ein Zurücksetzen nach { $minutes } Minute ohne Aktivität. Bitte beginnen Sie von vorn.
   *[other] Zu Ihrer Sicherheit endet ein Zurücksetzen nach { $minutes } Minuten ohne Aktivität. Bitte beginnen Sie von vorn.
    }
error-out-of-order-title = Dieser Schritt ist noch nicht verfügbar
error-out-of-order-text = Bitte machen Sie dort weiter, wo Sie aufgehört haben, oder beginnen Sie von vorn.
error-too-many-title = Zu viele Versuche
error-too-many-text = Bitte warten Sie einige Minuten, bevor Sie es erneut versuchen.
error-unavailable-title = Der Dienst ist vorübergehend nicht verfügbar
error-unavailable-text = Es wurde nichts geändert. Bitte versuchen Sie es in einigen Minuten erneut.
error-internal-title = Bei uns ist etwas schiefgelaufen
error-internal-text = Es wurde nichts geändert. Bitte versuchen Sie es erneut. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Helpdesk.

## Demo-Postausgang

outbox-title = Demo-Postausgang
outbox-intro = Im Demo-Modus verlässt nichts diesen Rechner: Jede E-Mail und jede SMS, die das Portal senden würde, wird hier angezeigt, die neueste zuerst.
outbox-refresh = Aktualisieren
outbox-empty = Noch keine Nachrichten. Starten Sie im Portal ein Zurücksetzen.
outbox-open-portal = Portal öffnen
outbox-email-to = E-Mail an { $to }
outbox-sms-to = SMS an { $to }

## E-Mails und SMS

mail-hello = Guten Tag,
mail-hello-name = Guten Tag { $name },
mail-helpdesk = Fragen? Wenden Sie sich an den Helpdesk: { $helpdesk }
mail-code-subject = Ihr Code zum Zurücksetzen des Passworts bei { $org }
mail-code-intro = Ihr Code zum Zurücksetzen des Passworts bei { $org } lautet:
mail-code-once = { $minutes ->
    [one] Er ist einmal verwendbar und { $minutes } Minute lang gültig.
   *[other] Er ist einmal verwendbar und { $minutes } Minuten lang gültig.
    }
mail-code-who = Am { $at } wurde angefordert, das Passwort von { $account } zurückzusetzen.
mail-code-who-from = Am { $at } wurde von { $address } aus angefordert, das Passwort von { $account } zurückzusetzen.
mail-code-not-you = Wenn Sie das nicht waren, geben Sie diesen Code an niemanden weiter. Ihr Passwort wurde nicht geändert.
sms-code = { $code } ist Ihr Code zum Zurücksetzen des Passworts bei { $org }. Er läuft in { $minutes } Min. ab. Geben Sie ihn niemals weiter.
mail-locked-subject = Zurücksetzen des Passworts für { $account } gesperrt
mail-locked-paused = Das Zurücksetzen des Passworts für { $account } ist bis { $until } gesperrt, weil im Passwortportal von { $org } zu oft ein falscher Code eingegeben wurde.
mail-locked-from = Der letzte falsche Code kam von { $address }.
mail-locked-advice = Wenn Sie das waren, warten Sie und versuchen Sie es später erneut. Wenn nicht, versucht eventuell jemand, Ihr Konto zu übernehmen: Wenden Sie sich an den Helpdesk.
mail-not-changed = Ihr Passwort wurde nicht geändert.
mail-changed-subject = Ihr Passwort bei { $org } wurde geändert
mail-changed-what = Das Passwort von { $account } wurde am { $at } über das Passwortportal von { $org } geändert.
mail-changed-what-from = Das Passwort von { $account } wurde am { $at } von { $address } aus über das Passwortportal von { $org } geändert.
mail-changed-not-you = Wenn Sie das nicht waren, wenden Sie sich sofort an den Helpdesk.
mail-changed-update = Ändern Sie das Passwort überall, wo es gespeichert ist. Sonst scheitern diese Geräte weiter mit „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, AADSTS50126) und können Ihr Konto sperren:
mail-full-guide = Die vollständige Anleitung
mail-reminder-subject = { $days ->
    [1] Ihr Passwort läuft morgen ab
   *[other] Ihr Passwort läuft in { $days } Tagen ab
    }
mail-reminder-subject-expired = Ihr Passwort ist abgelaufen
mail-reminder-expires = { $days ->
    [1] Das Passwort von { $account } läuft am { $date } ab, also morgen.
   *[other] Das Passwort von { $account } läuft am { $date } ab, also in { $days } Tagen.
    }
mail-reminder-expired = Das Passwort von { $account } ist am { $date } abgelaufen. Sie können sich damit nicht mehr anmelden.
mail-reminder-change-at = Ändern Sie es jetzt unter { $url }
mail-reminder-windows = Oder, solange Sie sich noch bei Windows anmelden können: Strg+Alt+Entf › Kennwort ändern.
mail-reminder-how = So geht's: Geben Sie Ihre geschäftliche E-Mail-Adresse ein, bestätigen Sie mit dem Code, den wir an Ihre hinterlegte E-Mail-Adresse oder Telefonnummer senden, und wählen Sie ein neues Passwort. Einige Wörter ohne Zusammenhang ergeben ein starkes Passwort.
mail-reminder-after = Ändern Sie das Passwort danach auf Ihrem Smartphone, in Outlook, im WLAN und im VPN. Sonst verwenden diese weiter das alte Passwort und können Ihr Konto sperren.
mail-signature = Ihr IT-Team von { $org }
# When branding.org_name is not set: the organisation, as it reads in the messages above.
org-unnamed = Ihrer Organisation
org-logo-alt = Logo
mail-signature-unnamed = Ihr IT-Team
mail-watch-subject = { $device } verwendet noch Ihr altes Passwort
mail-watch-body = { $count ->
    [one] Ihr Passwort bei { $org } für { $account } wurde geändert, aber { $device } versucht es noch mit dem alten ({ $count } fehlgeschlagene Anmeldung bisher). Jeder Versuch scheitert mit „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, AADSTS50126). Zu viele Versuche sperren Ihr Konto.
   *[other] Ihr Passwort bei { $org } für { $account } wurde geändert, aber { $device } versucht es noch mit dem alten ({ $count } fehlgeschlagene Anmeldungen bisher). Jeder Versuch scheitert mit „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, AADSTS50126). Zu viele Versuche sperren Ihr Konto.
    }
mail-watch-how = So ändern Sie es: { $url }
mail-watch-unknown = Wenn Sie dieses Gerät nicht kennen, wenden Sie sich an den Helpdesk.
mail-trouble-subject = Probleme bei der Anmeldung?
mail-trouble-body = { $count ->
    [one] { $device } konnte sich seit { $since } { $count }-mal nicht als { $account } anmelden: „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, AADSTS50126). Vermutlich ist dort noch ein altes Passwort gespeichert.
   *[other] { $device } konnte sich seit { $since } { $count }-mal nicht als { $account } anmelden: „invalid username or password“ (ungültiger Benutzername oder ungültiges Passwort, AADSTS50126). Vermutlich ist dort noch ein altes Passwort gespeichert.
    }
mail-trouble-update = So ändern Sie es: { $url }
mail-trouble-forgot = Passwort vergessen? { $url }
