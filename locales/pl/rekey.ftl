# Rekey, polski. Ten katalog ma dokładnie te same identyfikatory i te same { $variables } co katalog angielski.
# Komunikaty to zwykły tekst: szablony same je zabezpieczają.

## Każda strona

page-title-default = Resetowanie hasła
skip-to-content = Przejdź do treści
demo-outbox-link = Skrzynka nadawcza (demo)
help-contact = Potrzebujesz pomocy? Skontaktuj się z pomocą techniczną
help-call = Zadzwoń: { $phone }
help-email = Napisz: { $email }
language-switcher = Język
progress-label = Postęp
progress = Krok { $step } z { $total }
error-summary-title = Wystąpił problem
start-again = Wróć do początku

## Strona startowa

home-title = Zresetuj hasło
home-intro = Nie pamiętasz hasła albo wygasło? Potwierdź swoją tożsamość kodem wysłanym na zarejestrowany adres e-mail lub numer telefonu, a następnie ustaw nowe hasło.
home-username-label = Twój służbowy adres e-mail
home-continue = Dalej
home-never-ask = Nigdy nie poprosimy Cię o obecne hasło.
home-username-missing = Wpisz służbowy adres e-mail, na przykład jan.kowalski@contoso.com.

## Wybór miejsca, do którego trafi kod

methods-title = Gdzie wysłać kod?
methods-intro = Wybierz jedną z danych kontaktowych zarejestrowanych dla konta { $username }.
methods-legend = Wyślij kod
methods-email-to = E-mail na adres { $address }
methods-sms-to = SMS na numer { $number }
methods-send = Wyślij kod
methods-unknown = Nie rozpoznajesz tych danych albo nie masz do nich dostępu? Skontaktuj się z pomocą techniczną.
methods-too-many = { $minutes ->
    [one] Na to konto wysłano zbyt wiele kodów. O nowy kod możesz poprosić za { $minutes } minutę.
    [few] Na to konto wysłano zbyt wiele kodów. O nowy kod możesz poprosić za { $minutes } minuty.
    [many] Na to konto wysłano zbyt wiele kodów. O nowy kod możesz poprosić za { $minutes } minut.
   *[other] Na to konto wysłano zbyt wiele kodów. O nowy kod możesz poprosić za { $minutes } minuty.
    }

## Wpisywanie kodu

code-title = Wpisz kod
code-sent-email = Wysłaliśmy { $digits }-cyfrowy kod e-mailem na adres { $address }. Wiadomość może dotrzeć dopiero po minucie.
code-sent-sms = Wysłaliśmy { $digits }-cyfrowy kod SMS-em na numer { $number }. Wiadomość może dotrzeć dopiero po minucie.
code-label = Kod
code-autosubmit = Kod zostanie sprawdzony od razu po wpisaniu wszystkich { $digits } cyfr.
code-verify = Zweryfikuj
code-resend = Wyślij nowy kod
code-elsewhere = Albo wyślij kod w inne miejsce:
code-other-email = E-mail na adres { $address }
code-other-sms = SMS na numer { $number }
code-wrong = { $remaining ->
    [one] Ten kod jest nieprawidłowy. Sprawdź najnowszą wiadomość i spróbuj ponownie (pozostała { $remaining } próba).
    [few] Ten kod jest nieprawidłowy. Sprawdź najnowszą wiadomość i spróbuj ponownie (pozostały { $remaining } próby).
    [many] Ten kod jest nieprawidłowy. Sprawdź najnowszą wiadomość i spróbuj ponownie (pozostało { $remaining } prób).
   *[other] Ten kod jest nieprawidłowy. Sprawdź najnowszą wiadomość i spróbuj ponownie (pozostało { $remaining } próby).
    }
code-expired = Ten kod wygasł albo został już użyty. Wyślij nowy kod poniżej.

## Wybór nowego hasła

password-title = Ustaw nowe hasło
password-must = Nowe hasło musi spełniać te wymagania:
password-tip = Kilka niepowiązanych ze sobą słów tworzy długie hasło, które łatwo zapamiętać.
password-label = Nowe hasło
password-show = Pokaż hasło
password-hide = Ukryj hasło
password-revoke = Wyloguj mnie na wszystkich urządzeniach
password-submit = Ustaw nowe hasło
password-rejected = Wybierz inne hasło:
password-mismatch = Wpisane hasła się różnią. Wpisz nowe hasło jeszcze raz.
password-busy = { $seconds ->
    [one] Usługa Microsoft Entra jest zajęta i hasło nie zostało jeszcze zmienione. Twoja tożsamość jest nadal potwierdzona: spróbuj ponownie za { $seconds } sekundę.
    [few] Usługa Microsoft Entra jest zajęta i hasło nie zostało jeszcze zmienione. Twoja tożsamość jest nadal potwierdzona: spróbuj ponownie za { $seconds } sekundy.
    [many] Usługa Microsoft Entra jest zajęta i hasło nie zostało jeszcze zmienione. Twoja tożsamość jest nadal potwierdzona: spróbuj ponownie za { $seconds } sekund.
   *[other] Usługa Microsoft Entra jest zajęta i hasło nie zostało jeszcze zmienione. Twoja tożsamość jest nadal potwierdzona: spróbuj ponownie za { $seconds } sekundy.
    }
meter-good = Dobre: { $strength }
meter-not-yet = Jeszcze nie: { $strength }
meter-guess-time = czas odgadnięcia: { $time }
strength-0 = Bardzo słabe
strength-1 = Słabe
strength-2 = Średnie
strength-3 = Silne
strength-4 = Bardzo silne

## Wymagania wyświetlane nad polem hasła

rule-length = Od { $min } do { $max } znaków.
rule-charset = Tylko litery A-Z, cyfry, spacje i te symbole: { $symbols }
rule-classes = Co najmniej trzy rodzaje znaków spośród: małe litery, wielkie litery, cyfry, symbole.
rule-strength = Trudne do odgadnięcia: siła co najmniej { $score } z 4. Dobrze sprawdza się kilka niepowiązanych słów. Unikaj imion, dat, układów klawiszy i powtórzeń.
rule-banned = Bez popularnych haseł, Twojego imienia i nazwiska ani nazwy organizacji, chyba że w połączeniu z wystarczającą liczbą innych znaków.
rule-breached = Nie występuje w znanych wyciekach danych.
rule-history = { $depth ->
    [one] Inne niż ostatnie hasło ustawione w tym portalu.
    [few] Inne niż każde z { $depth } ostatnich haseł ustawionych w tym portalu.
    [many] Inne niż każde z { $depth } ostatnich haseł ustawionych w tym portalu.
   *[other] Inne niż każde z { $depth } ostatnich haseł ustawionych w tym portalu.
    }
rule-ad-names = Bez nazwy użytkownika i bez żadnej części imienia i nazwiska o długości trzech lub więcej znaków.
rule-ad-history = { $depth ->
    [one] Inne niż poprzednie hasło w sieci Twojej organizacji.
    [few] Inne niż każde z { $depth } ostatnich haseł w sieci Twojej organizacji.
    [many] Inne niż każde z { $depth } ostatnich haseł w sieci Twojej organizacji.
   *[other] Inne niż każde z { $depth } ostatnich haseł w sieci Twojej organizacji.
    }

## Dlaczego hasło zostało odrzucone

policy-length-short = Użyj co najmniej { $min } znaków.
policy-length-long = Użyj najwyżej { $max } znaków.
policy-charset = Usuń te znaki: { $chars }. Można używać tylko liter A-Z, cyfr, spacji i symboli { $symbols }.
policy-classes = Użyj co najmniej trzech rodzajów znaków spośród: małe litery, wielkie litery, cyfry i symbole. Brakujące rodzaje (dodaj jeszcze { $need }): { $missing }.
class-lowercase = małe litery
class-uppercase = wielkie litery
class-digits = cyfry
class-symbols = symbole
char-space = spacja
char-tab = tabulator
char-line-break = podział wiersza
char-nbsp = spacja nierozdzielająca
char-others = inne
list-separator = ,{" "}
policy-banned-name = Hasło zawiera Twoje imię lub nazwisko. Wybierz hasło, które go nie zawiera.
policy-banned-custom = Hasło opiera się na słowie zablokowanym przez Twoją organizację. Wybierz inne hasło.
policy-banned-organisation = Hasło zawiera nazwę Twojej organizacji i za mało innych znaków. Spróbuj ponownie z innym hasłem.
policy-banned-common = Hasło opiera się na popularnym słowie lub wzorcu, które atakujący sprawdzają w pierwszej kolejności. Wybierz inne hasło.
policy-breached = To hasło występuje w opublikowanych wyciekach danych, więc atakujący już je znają. Wybierz inne.
policy-history = To hasło było niedawno używane. Wybierz hasło, które nie było wcześniej używane.
policy-unavailable = Nie udało się teraz sprawdzić hasła. Spróbuj ponownie.
policy-breached-unavailable = Nie udało się teraz sprawdzić, czy to hasło występuje w znanych wyciekach danych. Spróbuj ponownie za minutę.
policy-entra-rejected = Usługa Microsoft Entra nie zaakceptowała tego hasła: nie spełnia ono wymagań dotyczących haseł w Twojej organizacji lub zawiera często używane słowo. Wybierz inne hasło.
policy-ad-rejected = Active Directory Twojej organizacji nie przyjęło tego hasła: może być za krótkie, za proste lub niedawno użyte albo Twoja ostatnia zmiana była zbyt niedawno. Wybierz inne.
policy-ad-names = Sieć Twojej organizacji nie dopuszcza w haśle nazwy użytkownika ani części imienia i nazwiska. Usuń je.
policy-ad-history = { $depth ->
    [one] Sieć Twojej organizacji nie przyjęła tego hasła, choć spełnia ono podane zasady. Najpewniej jest to poprzednie hasło używane w tej sieci albo zawiera ono słowo zakazane w sieci, albo konto ma surowsze zasady. Wybierz inne.
   *[other] Sieć Twojej organizacji nie przyjęła tego hasła, choć spełnia ono podane zasady. Najpewniej jest to jedno z { $depth } ostatnich haseł używanych w tej sieci albo zawiera ono słowo zakazane w sieci, albo konto ma surowsze zasady. Wybierz inne.
    }
policy-strength-unverified = Nie udało się sprawdzić tego hasła na czas. Wybierz inne, na przykład co najmniej cztery niepowiązane słowa z cyfrą i symbolem.
policy-strength-weak-start = Początek tego hasła łatwo odgadnąć.
policy-strength-weak = To hasło jest zbyt łatwe do odgadnięcia (siła { $score } z 4, wymagane co najmniej { $min }).
policy-warn-keyboard-row = Rzędy sąsiednich klawiszy, takie jak "qwerty", są sprawdzane jako jedne z pierwszych.
policy-warn-keyboard-pattern = Krótkie wzory na klawiaturze można szybko odgadnąć.
policy-warn-repeat-char = Powtórzone znaki, takie jak "aaa", nie dodają prawie nic.
policy-warn-repeat-group = Powtórzona grupa, taka jak "abcabc", jest niewiele trudniejsza do odgadnięcia niż sama grupa.
policy-warn-top10 = To jedno z dziesięciu najczęściej używanych haseł.
policy-warn-top100 = To jedno ze stu najczęściej używanych haseł.
policy-warn-common = Tego hasła używa bardzo wiele osób.
policy-warn-similar-common = To hasło jest podobne do hasła, którego używa bardzo wiele osób.
policy-warn-sequence = Ciągi takie jak "abc" lub "6543" można szybko odgadnąć.
policy-warn-recent-year = Ostatnie lata można szybko odgadnąć.
policy-warn-single-word = Pojedyncze słowo można szybko odgadnąć.
policy-warn-date = Daty można szybko odgadnąć.
policy-warn-name = Samo imię lub nazwisko można szybko odgadnąć.
policy-warn-common-name = Popularne imiona i nazwiska można szybko odgadnąć.
policy-hint-banned-more = Dodaj jeszcze kilka słów lub znaków, które nie są popularnymi słowami ani imionami.
policy-hint-few-words = Użyj kilku niepowiązanych ze sobą słów, a nie znanego zwrotu.
policy-hint-length-first = Długość pomaga bardziej niż symbole, cyfry czy wielkie litery.
policy-hint-add-word = Dodaj jedno lub dwa słowa. Lepsze są słowa nietypowe.
policy-hint-capitals = Wielka litera na początku lub na końcu niewiele daje.
policy-hint-all-caps = Hasło pisane samymi wielkimi literami jest mniej więcej tak samo łatwe do odgadnięcia jak pisane samymi małymi.
policy-hint-reversed = Słowa zapisane wspak są niewiele trudniejsze do odgadnięcia.
policy-hint-substitutions = Zamiany typu "@" zamiast "a" lub "0" zamiast "o" są dobrze znane i niewiele dają.
policy-hint-keyboard = Unikaj wzorów na klawiaturze albo znacznie je wydłuż, dodając wiele zmian kierunku.
policy-hint-repeats = Unikaj powtarzania słów i znaków.
policy-hint-sequences = Unikaj ciągów takich jak abc lub 123.
policy-hint-recent-years = Unikaj ostatnich lat.
policy-hint-your-years = Unikaj lat, które coś dla Ciebie znaczą.
policy-hint-your-dates = Unikaj dat i lat, które coś dla Ciebie znaczą.

## Gotowe

done-title = Hasło zostało zmienione
done-signed-in-as = Możesz teraz zalogować się do konta { $username } przy użyciu nowego hasła.
done-ad-sync = Nowe hasło działa już w sieci Twojej organizacji. Microsoft 365 i inne aplikacje w chmurze przyjmą je w ciągu kilku minut, po synchronizacji; do tego czasu oczekują jeszcze starego.
done-ad-syncing = Microsoft 365 przejmuje Twoje nowe hasło. Zwykle trwa to około dwóch minut; ta strona poinformuje, gdy będzie gotowe.
done-ad-synced = Microsoft 365 ma już Twoje nowe hasło: możesz się teraz zalogować.
done-ad-sync-check = Sprawdź ponownie
password-unlock-instead = Konto tylko zablokowane? Jeśli nadal znasz hasło, odblokuj konto bez jego zmiany.
password-unlock-button = Odblokuj moje konto
unlocked-title = Konto jest odblokowane
unlocked-text = Możesz znów zalogować się obecnym hasłem. Jeśli wkrótce znów zostaniesz zablokowany, telefon lub komputer prawdopodobnie nadal próbuje starego hasła: najpierw zaktualizuj je tam.
done-update-title = Teraz zaktualizuj je wszędzie, gdzie jest zapisane
done-update-intro = Telefony, laptopy i aplikacje, które nadal mają zapisane stare hasło, wciąż próbują go używać. Każda taka próba kończy się błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, kod AADSTS50126), a zbyt wiele prób zablokuje Twoje konto. Przejdź przez tę listę, zaczynając od urządzenia, które trzymasz w ręku:
done-check-devices = Sprawdź moje urządzenia
done-printable-guide = Przewodnik do wydruku

## Urządzenia, które nadal używają starego hasła

devices-title = Urządzenia, które nadal używają starego hasła
devices-unavailable = Licencja Microsoft Entra Twojej organizacji nie obejmuje dzienników logowania, więc nie widzimy, które urządzenia zgłaszają błędy. Przejdź przez przewodnik.
devices-error = Nie udało się teraz sprawdzić Twoich logowań. Spróbuj ponownie za kilka minut albo przejdź przez przewodnik.
devices-none = Od zmiany hasła żadne urządzenie nie próbowało użyć starego hasła. Urządzenia, które synchronizują się tylko od czasu do czasu, mogą pojawić się później: sprawdź ponownie jutro.
devices-intro = Te urządzenia nadal próbują użyć starego hasła. Każda próba kończy się błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126) i może zablokować Twoje konto.
devices-failures = { $count ->
    [one] { $count } nieudana próba logowania, ostatnia: { $last }.
    [few] { $count } nieudane próby logowania, ostatnia: { $last }.
    [many] { $count } nieudanych prób logowania, ostatnia: { $last }.
   *[other] { $count } nieudanej próby logowania, ostatnia: { $last }.
    }
devices-locked = Z tego powodu Twoje konto zostało zablokowane.
devices-how = Jak je zaktualizować
devices-open-guide = Otwórz przewodnik
devices-check-again = Sprawdź ponownie
devices-unknown-app = Aplikacja
devices-unknown-device = nieznane urządzenie

## Przewodnik po zapisanych hasłach

guide-title = Zaktualizuj zapisane hasła
guide-intro = Po zmianie hasła trzeba je zaktualizować na każdym urządzeniu i w każdej aplikacji, które zapisały stare hasło. Do tego czasu logowanie kończy się błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126) i może zablokować Twoje konto.
guide-ios-mail = iPhone lub iPad: aplikacje Mail, Outlook i Teams
guide-ios-mail-1 = Otwórz aplikację Outlook lub Teams: gdy pojawi się prośba, zaloguj się ponownie przy użyciu nowego hasła.
guide-ios-mail-2 = Wbudowana aplikacja Mail: Ustawienia › Aplikacje › Mail › Konta › Twoje konto służbowe › Konto, następnie wpisz nowe hasło i stuknij Gotowe.
guide-ios-mail-3 = Jeśli konto nadal nie działa, usuń je z aplikacji Mail i dodaj ponownie.
guide-android-mail = Android: Outlook, Teams, Gmail i inne aplikacje pocztowe
guide-android-mail-1 = Otwórz Outlook i Teams: gdy pojawi się prośba, zaloguj się ponownie przy użyciu nowego hasła.
guide-android-mail-2 = Gmail lub Samsung Email z kontem służbowym: Ustawienia › Twoje konto służbowe › Ustawienia serwera (lub Ustawienia konta), następnie wpisz nowe hasło.
guide-android-mail-3 = Jeśli Microsoft Authenticator lub Portal firmy poprosi o zalogowanie, użyj nowego hasła.
guide-windows-signin = Windows: logowanie i ekran blokady
guide-windows-signin-1 = Zablokuj komputer (klawisz Windows + L) i odblokuj go nowym hasłem.
guide-windows-signin-2 = Jesteś poza siecią biurową? Najpierw połącz się z VPN. W przeciwnym razie komputer może używać starego hasła, dopóki nie połączy się z siecią.
guide-outlook-desktop = Outlook, Teams i OneDrive na komputerze
guide-outlook-desktop-1 = Zamknij i ponownie otwórz Outlook, Teams i OneDrive. Gdy pojawi się prośba, zaloguj się przy użyciu nowego hasła.
guide-outlook-desktop-2 = Jeśli Outlook wciąż prosi o hasło: Plik › Ustawienia kont › Ustawienia kont, zaznacz konto i kliknij Napraw.
guide-credential-manager = Menedżer poświadczeń systemu Windows i zamapowane dyski
guide-credential-manager-1 = Otwórz menu Start, wpisz Menedżer poświadczeń i otwórz Poświadczenia systemu Windows.
guide-credential-manager-2 = Edytuj każdy wpis z Twoją służbową nazwą użytkownika (na przykład MicrosoftOffice, zamapowane dyski, drukarki) i wpisz nowe hasło albo usuń wpis, aby system ponownie o nie zapytał.
guide-credential-manager-3 = Zamapowane dyski sieciowe: w Eksploratorze plików kliknij dysk prawym przyciskiem myszy, wybierz Odłącz, a następnie zamapuj go ponownie.
guide-keychain = Mac: pęk kluczy
guide-keychain-1 = Otwórz Dostęp do pęku kluczy (Programy › Narzędzia).
guide-keychain-2 = Wyszukaj swój służbowy adres e-mail, otwórz każdy wpis (Exchange, Outlook, Wi-Fi) i zaktualizuj hasło albo usuń wpis, aby system ponownie o nie zapytał.
guide-wifi = Biurowa sieć Wi-Fi
guide-wifi-1 = Na każdym telefonie, tablecie i laptopie: zapomnij biurową sieć Wi-Fi (Ustawienia › Wi-Fi › wybrana sieć › Zapomnij).
guide-wifi-2 = Połącz się z nią ponownie i zaloguj się przy użyciu nowego hasła.
guide-vpn = VPN
guide-vpn-1 = Otwórz aplikację VPN, edytuj zapisane połączenie i zastąp zapisane hasło nowym albo je wyczyść, aby aplikacja o nie zapytała.
guide-browsers = Hasła zapisane w przeglądarkach
guide-browsers-1 = Edge lub Chrome: Ustawienia › Hasła (Menedżer haseł); Firefox: Ustawienia › Hasła; Safari: Ustawienia › Hasła.
guide-browsers-2 = Wyszukaj swój służbowy adres e-mail i zaktualizuj albo usuń zapisany wpis.
guide-other-devices = Inne telefony, tablety, komputery domowe, skanery i skrypty
guide-other-devices-1 = Pomyśl o każdym innym urządzeniu, które loguje się na Twoje konto: drugi telefon, tablet, komputer domowy, skaner wysyłający dokumenty e-mailem, zaplanowane skrypty.
guide-other-devices-2 = Zaktualizuj każde z nich. Dopóki tego nie zrobisz, będzie próbować użyć starego hasła.

## Pomoc techniczna i blokada

helpdesk-title = Skontaktuj się z pomocą techniczną
helpdesk-intro = Dziękujemy za potwierdzenie tożsamości. Tego hasła nie można zresetować w tym portalu.
helpdesk-reason = Powód: { $reason }
helpdesk-reason-code = Podaj pomocy technicznej ten kod powodu: { $code }
reason-disabled = Twoje konto jest wyłączone.
reason-synced = Twoim hasłem zarządza lokalny katalog Twojej organizacji.
reason-privileged = Twoje konto ma uprawnienia administratora, więc jego hasło może zresetować tylko pomoc techniczna.
reason-federated = Twoje konto loguje się przez innego dostawcę tożsamości.
reason-not-enough-methods = Na Twoim koncie nie zarejestrowano wystarczającej liczby metod kontaktu.
locked-title = Zbyt wiele błędnych kodów
locked-paused = Dla Twojego bezpieczeństwa resetowanie hasła dla tego konta jest wstrzymane do { $until }. Twoje hasło nie zostało zmienione.
locked-not-you = Jeśli próba zresetowania hasła nie pochodziła od Ciebie, skontaktuj się z pomocą techniczną.

## Strony błędów

error-code = Błąd { $status }
error-bad-request-title = Coś w tym żądaniu było nieprawidłowe
error-bad-request-text = Wróć i spróbuj ponownie.
error-forbidden-title = Ta strona wygasła
error-forbidden-text = Dla Twojego bezpieczeństwa nie można było przyjąć formularza. Zacznij od początku.
error-not-found-title = Nie znaleziono strony
error-not-found-text = Adres może zawierać literówkę albo strona już nie istnieje.
error-expired-title = Resetowanie wygasło
error-expired-text = { $minutes ->
    [one] Dla Twojego bezpieczeństwa resetowanie kończy się, jeśli przez { $minutes } minutę nie ma żadnej aktywności. Zacznij od początku.
    [few] Dla Twojego bezpieczeństwa resetowanie kończy się, jeśli przez { $minutes } minuty nie ma żadnej aktywności. Zacznij od początku.
    [many] Dla Twojego bezpieczeństwa resetowanie kończy się, jeśli przez { $minutes } minut nie ma żadnej aktywności. Zacznij od początku.
   *[other] Dla Twojego bezpieczeństwa resetowanie kończy się, jeśli przez { $minutes } minuty nie ma żadnej aktywności. Zacznij od początku.
    }
error-out-of-order-title = Ten krok nie jest jeszcze dostępny
error-out-of-order-text = Kontynuuj od ostatniego ukończonego kroku albo zacznij od początku.
error-too-many-title = Zbyt wiele prób
error-too-many-text = Zaczekaj kilka minut, zanim spróbujesz ponownie.
error-unavailable-title = Usługa jest tymczasowo niedostępna
error-unavailable-text = Nic nie zostało zmienione. Spróbuj ponownie za kilka minut.
error-internal-title = Coś poszło nie tak po naszej stronie
error-internal-text = Nic nie zostało zmienione. Spróbuj ponownie. Jeśli problem się powtarza, skontaktuj się z pomocą techniczną.

## Skrzynka nadawcza (demo)

outbox-title = Skrzynka nadawcza (demo)
outbox-intro = W trybie demonstracyjnym nic nie opuszcza tego komputera: każdy e-mail i SMS, który wysłałby portal, jest widoczny tutaj, od najnowszych.
outbox-refresh = Odśwież
outbox-empty = Brak wiadomości. Rozpocznij resetowanie hasła w portalu.
outbox-open-portal = Otwórz portal
outbox-email-to = e-mail do { $to }
outbox-sms-to = SMS do { $to }

## E-maile i SMS-y

mail-hello = Dzień dobry,
mail-hello-name = Dzień dobry, { $name },
mail-helpdesk = Masz pytania? Skontaktuj się z pomocą techniczną: { $helpdesk }
mail-code-subject = Kod resetowania hasła w organizacji { $org }
mail-code-intro = Twój kod resetowania hasła w organizacji { $org } to:
mail-code-once = { $minutes ->
    [one] Kod działa jeden raz, przez { $minutes } minutę.
    [few] Kod działa jeden raz, przez { $minutes } minuty.
    [many] Kod działa jeden raz, przez { $minutes } minut.
   *[other] Kod działa jeden raz, przez { $minutes } minuty.
    }
mail-code-who = Ktoś poprosił o zresetowanie hasła do konta { $account }. Czas: { $at }.
mail-code-who-from = Ktoś poprosił o zresetowanie hasła do konta { $account } z adresu { $address }. Czas: { $at }.
mail-code-not-you = Jeśli to nie Ty, nie podawaj tego kodu nikomu. Twoje hasło nie zostało zmienione.
sms-code = { $code } to Twój kod resetowania hasła w organizacji { $org }. Wygasa za { $minutes } min. Nikomu go nie podawaj.
mail-locked-subject = Resetowanie hasła wstrzymane dla konta { $account }
mail-locked-paused = Resetowanie hasła do konta { $account } jest wstrzymane do { $until }, ponieważ w portalu haseł organizacji { $org } wpisano zbyt wiele błędnych kodów.
mail-locked-from = Ostatni błędny kod został wpisany z adresu { $address }.
mail-locked-advice = Jeśli to Ty, zaczekaj i spróbuj ponownie później. Jeśli to nie Ty, ktoś może próbować przejąć Twoje konto: skontaktuj się z pomocą techniczną.
mail-not-changed = Twoje hasło nie zostało zmienione.
mail-changed-subject = Twoje hasło w organizacji { $org } zostało zmienione
mail-changed-what = Hasło do konta { $account } zostało zmienione w portalu haseł organizacji { $org }. Czas: { $at }.
mail-changed-what-from = Hasło do konta { $account } zostało zmienione z adresu { $address } w portalu haseł organizacji { $org }. Czas: { $at }.
mail-changed-not-you = Jeśli to nie Ty, natychmiast skontaktuj się z pomocą techniczną.
mail-changed-update = Zaktualizuj hasło wszędzie, gdzie jest zapisane. W przeciwnym razie te urządzenia będą nadal zgłaszać błąd "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126) i mogą zablokować Twoje konto:
mail-full-guide = Pełny przewodnik
mail-reminder-subject = { $days ->
    [1] Twoje hasło wygasa jutro
    [one] Twoje hasło wygasa za { $days } dzień
    [few] Twoje hasło wygasa za { $days } dni
    [many] Twoje hasło wygasa za { $days } dni
   *[other] Twoje hasło wygasa za { $days } dni
    }
mail-reminder-subject-expired = Twoje hasło wygasło
mail-reminder-expires = { $days ->
    [1] Hasło do konta { $account } wygasa { $date }, czyli jutro.
    [one] Hasło do konta { $account } wygasa { $date }, czyli za { $days } dzień.
    [few] Hasło do konta { $account } wygasa { $date }, czyli za { $days } dni.
    [many] Hasło do konta { $account } wygasa { $date }, czyli za { $days } dni.
   *[other] Hasło do konta { $account } wygasa { $date }, czyli za { $days } dni.
    }
mail-reminder-expired = Hasło do konta { $account } wygasło { $date }. Nie możesz już używać go do logowania.
mail-reminder-change-at = Zmień je teraz na stronie { $url }
mail-reminder-windows = Albo, jeśli nadal możesz zalogować się do systemu Windows: Ctrl+Alt+Del › Zmień hasło.
mail-reminder-how = Jak to zrobić: wpisz służbowy adres e-mail, potwierdź tożsamość kodem wysłanym na zarejestrowany adres e-mail lub numer telefonu i ustaw nowe hasło. Kilka niepowiązanych słów tworzy silne hasło.
mail-reminder-after = Następnie zaktualizuj hasło w telefonie, w programie Outlook, w sieci Wi-Fi i w VPN. W przeciwnym razie będą nadal używać starego hasła i mogą zablokować Twoje konto.
mail-signature = Dział IT, { $org }
# When branding.org_name is not set: the organisation, as it reads in the messages above.
org-unnamed = pracodawcy
org-logo-alt = Logo
mail-signature-unnamed = Dział IT
mail-watch-subject = { $device } nadal używa starego hasła
mail-watch-body = { $count ->
    [one] Twoje hasło w organizacji { $org } do konta { $account } zostało zmienione, ale { $device } nadal próbuje używać starego hasła (dotąd { $count } nieudana próba logowania). Każda próba kończy się błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126), a zbyt wiele prób zablokuje Twoje konto.
    [few] Twoje hasło w organizacji { $org } do konta { $account } zostało zmienione, ale { $device } nadal próbuje używać starego hasła (dotąd { $count } nieudane próby logowania). Każda próba kończy się błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126), a zbyt wiele prób zablokuje Twoje konto.
    [many] Twoje hasło w organizacji { $org } do konta { $account } zostało zmienione, ale { $device } nadal próbuje używać starego hasła (dotąd { $count } nieudanych prób logowania). Każda próba kończy się błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126), a zbyt wiele prób zablokuje Twoje konto.
   *[other] Twoje hasło w organizacji { $org } do konta { $account } zostało zmienione, ale { $device } nadal próbuje używać starego hasła (dotąd { $count } nieudanej próby logowania). Każda próba kończy się błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126), a zbyt wiele prób zablokuje Twoje konto.
    }
mail-watch-how = Jak je zaktualizować: { $url }
mail-watch-unknown = Jeśli nie rozpoznajesz tego urządzenia, skontaktuj się z pomocą techniczną.
mail-trouble-subject = Masz problem z logowaniem?
mail-trouble-body = { $count ->
    [one] { $device } nie może zalogować się na konto { $account }: od { $since } { $count } nieudana próba z błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126). Prawdopodobnie nadal ma zapisane stare hasło.
    [few] { $device } nie może zalogować się na konto { $account }: od { $since } { $count } nieudane próby z błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126). Prawdopodobnie nadal ma zapisane stare hasło.
    [many] { $device } nie może zalogować się na konto { $account }: od { $since } { $count } nieudanych prób z błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126). Prawdopodobnie nadal ma zapisane stare hasło.
   *[other] { $device } nie może zalogować się na konto { $account }: od { $since } { $count } nieudanej próby z błędem "invalid username or password" (nieprawidłowa nazwa użytkownika lub hasło, AADSTS50126). Prawdopodobnie nadal ma zapisane stare hasło.
    }
mail-trouble-update = Zaktualizuj je: { $url }
mail-trouble-forgot = Nie pamiętasz hasła? { $url }
