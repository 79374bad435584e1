# Rekey, español (internacional neutro). Mismos ids y mismas { $variables } que el catálogo
# en inglés. Solo texto sin formato: las plantillas escapan los mensajes.

## Todas las páginas

page-title-default = Restablecer la contraseña
skip-to-content = Ir al contenido
demo-outbox-link = Bandeja de salida de demostración
help-contact = ¿Necesita ayuda? Póngase en contacto con el servicio de asistencia
help-call = Llamar al { $phone }
help-email = Escribir a { $email }
language-switcher = Idioma
progress-label = Progreso
progress = Paso { $step } de { $total }
error-summary-title = Hay un problema
start-again = Volver al inicio

## Página de inicio

home-title = Restablecer la contraseña
home-intro = ¿Olvidó su contraseña o ha caducado? Demuestre que es usted con un código que le enviaremos a la dirección de correo o al teléfono que registró. Después, elija una contraseña nueva.
home-username-label = Su dirección de correo del trabajo
home-continue = Continuar
home-never-ask = Nunca le pediremos su contraseña actual.
home-username-missing = Escriba su dirección de correo del trabajo, por ejemplo nombre@contoso.com.

## Elegir adónde se envía el código

methods-title = ¿Adónde le enviamos el código?
methods-intro = Elija uno de los datos de contacto registrados para { $username }.
methods-legend = Enviar un código a
methods-email-to = Correo electrónico a { $address }
methods-sms-to = Mensaje de texto al { $number }
methods-send = Enviar código
methods-unknown = ¿No los reconoce o no tiene acceso a ninguno? Póngase en contacto con el servicio de asistencia.
methods-too-many = { $minutes ->
    [one] Se enviaron demasiados códigos a esta cuenta. Podrá pedir uno nuevo dentro de { $minutes } minuto.
    [many] Se enviaron demasiados códigos a esta cuenta. Podrá pedir uno nuevo dentro de { $minutes } minutos.
   *[other] Se enviaron demasiados códigos a esta cuenta. Podrá pedir uno nuevo dentro de { $minutes } minutos.
    }

## Escribir el código

code-title = Escriba el código
code-sent-email = Enviamos un código de { $digits } dígitos por correo electrónico a { $address }. Puede tardar un minuto en llegar.
code-sent-sms = Enviamos un código de { $digits } dígitos por mensaje de texto al { $number }. Puede tardar un minuto en llegar.
code-label = Código
code-autosubmit = El código se comprueba en cuanto escriba los { $digits } dígitos.
code-verify = Verificar
code-resend = Enviar un código nuevo
code-elsewhere = O envíe un código a otro destino:
code-other-email = Correo a { $address }
code-other-sms = SMS al { $number }
code-wrong = { $remaining ->
    [one] El código no es correcto. Revise el último mensaje e inténtelo de nuevo (queda { $remaining } intento).
    [many] El código no es correcto. Revise el último mensaje e inténtelo de nuevo (quedan { $remaining } intentos).
   *[other] El código no es correcto. Revise el último mensaje e inténtelo de nuevo (quedan { $remaining } intentos).
    }
code-expired = Este código caducó o ya se usó. Envíe un código nuevo a continuación.

## Elegir la contraseña nueva

password-title = Elija una contraseña nueva
password-must = Su contraseña nueva debe:
password-tip = Varias palabras sin relación entre sí forman una contraseña larga y fácil de recordar.
password-label = Contraseña nueva
password-show = Mostrar contraseña
password-hide = Ocultar contraseña
password-revoke = Cerrar mi sesión en todos los dispositivos
password-submit = Establecer contraseña nueva
password-rejected = Elija otra contraseña:
password-mismatch = Las dos contraseñas no coinciden. Vuelva a escribir la contraseña nueva.
password-busy = { $seconds ->
    [one] Microsoft Entra está ocupado y su contraseña todavía no se cambió. Su identidad sigue verificada: vuelva a intentarlo dentro de { $seconds } segundo.
    [many] Microsoft Entra está ocupado y su contraseña todavía no se cambió. Su identidad sigue verificada: vuelva a intentarlo dentro de { $seconds } segundos.
   *[other] Microsoft Entra está ocupado y su contraseña todavía no se cambió. Su identidad sigue verificada: vuelva a intentarlo dentro de { $seconds } segundos.
    }
meter-good = Bien: { $strength }
meter-not-yet = Todavía no: { $strength }
meter-guess-time = se podría adivinar en { $time }
strength-0 = Muy débil
strength-1 = Débil
strength-2 = Aceptable
strength-3 = Segura
strength-4 = Muy segura

## Las reglas, tal como aparecen encima del campo de contraseña

rule-length = Tener entre { $min } y { $max } caracteres.
rule-charset = Contener solo letras A-Z, dígitos, espacios y estos símbolos: { $symbols }
rule-classes = Incluir al menos tres de estos tipos: minúsculas, mayúsculas, dígitos, símbolos.
rule-strength = Ser difícil de adivinar: una seguridad de al menos { $score } de 4. Varias palabras sin relación entre sí funcionan bien; evite nombres, fechas, secuencias del teclado y repeticiones.
rule-banned = No contener contraseñas comunes, su nombre ni el nombre de su organización, salvo que vayan combinados con suficientes caracteres más.
rule-breached = No aparecer en filtraciones de datos conocidas.
rule-history = { $depth ->
    [one] No ser la última contraseña que estableció aquí.
    [many] No ser ninguna de las últimas { $depth } contraseñas que estableció aquí.
   *[other] No ser ninguna de las últimas { $depth } contraseñas que estableció aquí.
    }
rule-ad-names = No contener su nombre de usuario ni ninguna parte de su nombre completo de tres o más caracteres.
rule-ad-history = { $depth ->
    [one] No ser su contraseña anterior en la red de su organización.
   *[other] No ser ninguna de sus últimas { $depth } contraseñas en la red de su organización.
    }

## Por qué se rechazó una contraseña

policy-length-short = Use al menos { $min } caracteres.
policy-length-long = Use como máximo { $max } caracteres.
policy-charset = Quite { $chars }: solo se pueden usar letras A-Z, dígitos, espacios y los símbolos { $symbols }.
policy-classes = Use al menos tres de estos tipos: minúsculas, mayúsculas, dígitos y símbolos. Agregue { $need } más de: { $missing }.
class-lowercase = minúsculas
class-uppercase = mayúsculas
class-digits = dígitos
class-symbols = símbolos
char-space = espacio
char-tab = tabulación
char-line-break = salto de línea
char-nbsp = espacio de no separación
char-others = otros
list-separator = ,{" "}
policy-banned-name = Su contraseña contiene su nombre. Elija una que no lo contenga.
policy-banned-custom = Su contraseña se basa en una palabra que su organización bloqueó. Elija una que no se base en ella.
policy-banned-organisation = Su contraseña contiene el nombre de su organización y muy poco más. Vuelva a intentarlo con otra contraseña.
policy-banned-common = Su contraseña se basa en una palabra o un patrón común que los atacantes prueban primero. Elija una que no se base en ellos.
policy-breached = Esta contraseña aparece en filtraciones de datos publicadas, así que los atacantes ya la tienen. Elija otra.
policy-history = Usó esta contraseña hace poco. Elija una que no haya usado antes.
policy-unavailable = No se pudo comprobar la contraseña en este momento. Vuelva a intentarlo.
policy-breached-unavailable = No pudimos comprobar en este momento si esta contraseña aparece en filtraciones de datos conocidas. Vuelva a intentarlo dentro de un minuto.
policy-entra-rejected = Microsoft Entra no aceptó esta contraseña: no cumple los requisitos de contraseña de su organización o contiene una palabra de uso común. Elija otra.
policy-ad-rejected = El Active Directory de su organización no aceptó esta contraseña: puede ser demasiado corta, demasiado simple o haberse usado recientemente, o su último cambio puede ser demasiado reciente. Elija otra.
policy-ad-names = La red de su organización no permite su nombre de usuario ni una parte de su nombre completo en la contraseña. Quítelo.
policy-ad-history = { $depth ->
    [one] La red de su organización no aceptó esta contraseña, aunque cumple las reglas indicadas. Lo más probable es que sea su contraseña anterior allí o que contenga una palabra que la red prohíbe, o que su cuenta tenga reglas más estrictas. Elija otra.
   *[other] La red de su organización no aceptó esta contraseña, aunque cumple las reglas indicadas. Lo más probable es que sea una de sus últimas { $depth } contraseñas allí o que contenga una palabra que la red prohíbe, o que su cuenta tenga reglas más estrictas. Elija otra.
    }
policy-strength-unverified = No se pudo comprobar esta contraseña a tiempo. Elija otra, por ejemplo cuatro o más palabras sin relación entre sí, con un dígito y un símbolo.
policy-strength-weak-start = El principio de esta contraseña es fácil de adivinar.
policy-strength-weak = Esta contraseña es demasiado fácil de adivinar (seguridad { $score } de 4; se necesita al menos { $min }).
policy-warn-keyboard-row = Las filas de teclas contiguas, como "qwerty", están entre lo primero que se prueba.
policy-warn-keyboard-pattern = Los patrones de teclado cortos se adivinan rápido.
policy-warn-repeat-char = Los caracteres repetidos, como "aaa", no aportan casi nada.
policy-warn-repeat-group = Un grupo repetido, como "abcabc", apenas es más difícil de adivinar que el propio grupo.
policy-warn-top10 = Es una de las diez contraseñas más usadas.
policy-warn-top100 = Es una de las cien contraseñas más usadas.
policy-warn-common = Esta contraseña la usa muchísima gente.
policy-warn-similar-common = Se parece a una contraseña que usa muchísima gente.
policy-warn-sequence = Las series como "abc" o "6543" se adivinan rápido.
policy-warn-recent-year = Los años recientes se adivinan rápido.
policy-warn-single-word = Una sola palabra se adivina rápido.
policy-warn-date = Las fechas se adivinan rápido.
policy-warn-name = Un nombre solo se adivina rápido.
policy-warn-common-name = Los nombres y apellidos comunes se adivinan rápido.
policy-hint-banned-more = Agregue algunas palabras o caracteres más que no sean palabras comunes ni nombres.
policy-hint-few-words = Use varias palabras sin relación entre sí, no una frase conocida.
policy-hint-length-first = La longitud ayuda más que los símbolos, los dígitos o las mayúsculas.
policy-hint-add-word = Agregue una o dos palabras más; mejor si son poco comunes.
policy-hint-capitals = Una mayúscula al principio o al final aporta poco.
policy-hint-all-caps = Todo en mayúsculas es más o menos igual de fácil de adivinar que todo en minúsculas.
policy-hint-reversed = Las palabras escritas al revés apenas son más difíciles de adivinar.
policy-hint-substitutions = Los cambios como "@" por "a" o "0" por "o" son muy conocidos y aportan poco.
policy-hint-keyboard = Evite los patrones de teclado, o hágalos mucho más largos y con muchos giros.
policy-hint-repeats = Evite repetir palabras y caracteres.
policy-hint-sequences = Evite series como abc o 123.
policy-hint-recent-years = Evite los años recientes.
policy-hint-your-years = Evite los años que signifiquen algo para usted.
policy-hint-your-dates = Evite las fechas y los años que signifiquen algo para usted.

## Listo

done-title = Se cambió su contraseña
done-signed-in-as = Ya puede iniciar sesión en { $username } con su contraseña nueva.
done-ad-sync = Su nueva contraseña ya funciona en la red de su organización. Microsoft 365 y otras aplicaciones en la nube la aceptarán en unos minutos, cuando se haya sincronizado; hasta entonces siguen esperando la anterior.
done-ad-syncing = Microsoft 365 está recibiendo su nueva contraseña. Suele tardar unos dos minutos; esta página le avisará cuando esté lista.
done-ad-synced = Microsoft 365 ya tiene su nueva contraseña: puede iniciar sesión allí ahora.
done-ad-sync-check = Comprobar de nuevo
password-unlock-instead = ¿Solo está bloqueado? Si aún conoce su contraseña, desbloquee su cuenta sin cambiarla.
password-unlock-button = Desbloquear mi cuenta
unlocked-title = Su cuenta está desbloqueada
unlocked-text = Puede volver a iniciar sesión con su contraseña actual. Si se bloquea de nuevo pronto, probablemente un teléfono o un equipo sigue probando una contraseña antigua: actualícela allí primero.
done-update-title = Ahora actualícela en todos los lugares donde está guardada
done-update-intro = Los teléfonos, portátiles y aplicaciones que aún tienen la contraseña anterior siguen probándola. Cada intento falla con "invalid username or password" (nombre de usuario o contraseña no válidos; error AADSTS50126) y, si se acumulan, su cuenta se bloquea. Revise esta lista, empezando por el dispositivo que tiene en la mano:
done-check-devices = Comprobar mis dispositivos
done-printable-guide = Guía para imprimir

## Dispositivos que aún usan la contraseña anterior

devices-title = Dispositivos que aún usan su contraseña anterior
devices-unavailable = La licencia de Microsoft Entra de su organización no incluye los registros de inicio de sesión, así que no podemos ver qué dispositivos fallan. Siga la guía paso a paso.
devices-error = Ahora mismo no pudimos comprobar sus inicios de sesión. Vuelva a intentarlo dentro de unos minutos o siga la guía.
devices-none = Ningún dispositivo ha probado su contraseña anterior desde el cambio. Los dispositivos que solo se sincronizan de vez en cuando pueden aparecer más tarde: vuelva a comprobarlo mañana.
devices-intro = Estos dispositivos siguen probando su contraseña anterior. Cada intento falla con "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126) y puede bloquear su cuenta.
devices-failures = { $count ->
    [one] { $count } inicio de sesión fallido, el último a las { $last }.
    [many] { $count } inicios de sesión fallidos, el último a las { $last }.
   *[other] { $count } inicios de sesión fallidos, el último a las { $last }.
    }
devices-locked = Por este motivo, su cuenta se bloqueó.
devices-how = Cómo actualizarla
devices-open-guide = Abrir la guía
devices-check-again = Volver a comprobar
devices-unknown-app = Una aplicación
devices-unknown-device = un dispositivo desconocido

## La guía de contraseñas guardadas

guide-title = Actualice sus contraseñas guardadas
guide-intro = Después de cambiar la contraseña, hay que actualizar todos los dispositivos y aplicaciones que guardaron la anterior. Hasta entonces fallan con "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126) y pueden bloquear su cuenta.
guide-ios-mail = iPhone o iPad: aplicaciones Mail, Outlook y Teams
guide-ios-mail-1 = Abra la aplicación Outlook o Teams: cuando se lo pida, vuelva a iniciar sesión con la contraseña nueva.
guide-ios-mail-2 = Aplicación Mail integrada: Ajustes › Apps › Mail › Cuentas de Mail › su cuenta del trabajo › Cuenta. Después, escriba la contraseña nueva y toque OK.
guide-ios-mail-3 = Si la cuenta sigue fallando, elimínela de Mail y vuelva a agregarla.
guide-android-mail = Android: Outlook, Teams, Gmail y otras aplicaciones de correo
guide-android-mail-1 = Abra Outlook y Teams: cuando se lo pidan, vuelva a iniciar sesión con la contraseña nueva.
guide-android-mail-2 = Gmail o Samsung Email con una cuenta del trabajo: Configuración › su cuenta del trabajo › Configuración del servidor (o Configuración de la cuenta). Después, escriba la contraseña nueva.
guide-android-mail-3 = Si Microsoft Authenticator o Portal de empresa le piden que inicie sesión, use la contraseña nueva.
guide-windows-signin = Windows: inicio de sesión y pantalla de bloqueo
guide-windows-signin-1 = Bloquee el equipo (tecla Windows + L) y desbloquéelo con la contraseña nueva.
guide-windows-signin-2 = ¿Está fuera de la red de la oficina? Conéctese primero a la VPN; si no, el equipo puede conservar la contraseña anterior hasta que pueda acceder a la red.
guide-outlook-desktop = Outlook, Teams y OneDrive en un equipo
guide-outlook-desktop-1 = Cierre y vuelva a abrir Outlook, Teams y OneDrive; cuando se lo pidan, inicie sesión con la contraseña nueva.
guide-outlook-desktop-2 = Si Outlook sigue pidiéndola: Archivo › Configuración de la cuenta › Configuración de la cuenta, seleccione la cuenta y haga clic en Reparar.
guide-credential-manager = Administrador de credenciales de Windows y unidades asignadas
guide-credential-manager-1 = Abra Inicio, escriba Administrador de credenciales y abra Credenciales de Windows.
guide-credential-manager-2 = Edite cada entrada que tenga su nombre de usuario del trabajo (por ejemplo MicrosoftOffice, unidades asignadas, impresoras) y escriba la contraseña nueva, o quítela para que se la vuelvan a pedir.
guide-credential-manager-3 = Unidades de red asignadas: en el Explorador de archivos, haga clic con el botón derecho en la unidad, elija Desconectar y vuelva a asignarla.
guide-keychain = Mac: Llavero
guide-keychain-1 = Abra Acceso a Llaveros (Aplicaciones › Utilidades).
guide-keychain-2 = Busque su correo del trabajo, abra cada entrada (Exchange, Outlook, Wi-Fi) y actualice la contraseña, o elimine la entrada para que se la vuelvan a pedir.
guide-wifi = Wi-Fi de la oficina
guide-wifi-1 = En cada teléfono, tableta y portátil: olvide la red Wi-Fi de la oficina (Ajustes › Wi-Fi › la red › Olvidar u Omitir esta red).
guide-wifi-2 = Vuelva a conectarse a ella e inicie sesión con la contraseña nueva.
guide-vpn = VPN
guide-vpn-1 = Abra la aplicación de VPN, edite la conexión guardada y sustituya la contraseña guardada, o bórrela para que la aplicación se la pida.
guide-browsers = Contraseñas guardadas en los navegadores
guide-browsers-1 = Edge o Chrome: Configuración › Contraseñas (Administrador de contraseñas); Firefox: Ajustes › Contraseñas; Safari: Ajustes › Contraseñas.
guide-browsers-2 = Busque su correo del trabajo y actualice o elimine la entrada guardada.
guide-other-devices = Otros teléfonos, tabletas, equipos de casa, escáneres y scripts
guide-other-devices-1 = Piense en todos los demás dispositivos que inician sesión con su cuenta: un segundo teléfono, una tableta, un equipo de casa, un escáner que envía documentos por correo, scripts programados.
guide-other-devices-2 = Actualice cada uno. Hasta que lo haga, seguirá probando la contraseña anterior.

## Servicio de asistencia y bloqueo

helpdesk-title = Póngase en contacto con el servicio de asistencia
helpdesk-intro = Gracias por confirmar su identidad. Esta contraseña no se puede restablecer aquí.
helpdesk-reason = Motivo: { $reason }
helpdesk-reason-code = Indique este código de motivo al servicio de asistencia: { $code }
reason-disabled = Su cuenta está deshabilitada.
reason-synced = Su contraseña la administra el directorio local de su organización.
reason-privileged = Su cuenta tiene derechos de administrador, así que solo el servicio de asistencia puede restablecer su contraseña.
reason-federated = Su cuenta inicia sesión a través de otro proveedor de identidades.
reason-not-enough-methods = Su cuenta no tiene suficientes métodos de contacto registrados.
locked-title = Demasiados códigos incorrectos
locked-paused = Por su seguridad, los restablecimientos de contraseña de esta cuenta están en pausa hasta las { $until }. Su contraseña no ha cambiado.
locked-not-you = Si no intentó restablecer su contraseña, póngase en contacto con el servicio de asistencia.

## Páginas de error

error-code = Error { $status }
error-bad-request-title = Algo no era correcto en esa solicitud
error-bad-request-text = Vuelva atrás e inténtelo de nuevo.
error-forbidden-title = Esta página caducó
error-forbidden-text = Por su seguridad, no se pudo aceptar el formulario. Vuelva a empezar.
error-not-found-title = No se encontró la página
error-not-found-text = Puede que la dirección esté mal escrita o que la página ya no exista.
error-expired-title = Su restablecimiento caducó
error-expired-text = { $minutes ->
    [one] Por su seguridad, un restablecimiento finaliza tras { $minutes } minuto sin actividad. Vuelva a empezar.
    [many] Por su seguridad, un restablecimiento finaliza tras { $minutes } minutos sin actividad. Vuelva a empezar.
   *[other] Por su seguridad, un restablecimiento finaliza tras { $minutes } minutos sin actividad. Vuelva a empezar.
    }
error-out-of-order-title = Este paso todavía no está disponible
error-out-of-order-text = Continúe donde lo dejó o vuelva a empezar.
error-too-many-title = Demasiados intentos
error-too-many-text = Espere unos minutos antes de volver a intentarlo.
error-unavailable-title = El servicio no está disponible temporalmente
error-unavailable-text = No se cambió nada. Vuelva a intentarlo dentro de unos minutos.
error-internal-title = Algo salió mal por nuestra parte
error-internal-text = No se cambió nada. Vuelva a intentarlo; si sigue ocurriendo, póngase en contacto con el servicio de asistencia.

## Bandeja de salida de demostración

outbox-title = Bandeja de salida de demostración
outbox-intro = En el modo de demostración, nada sale de este equipo: aquí se muestran todos los correos y mensajes de texto que enviaría el portal, del más reciente al más antiguo.
outbox-refresh = Actualizar
outbox-empty = Todavía no hay mensajes. Inicie un restablecimiento en el portal.
outbox-open-portal = Abrir el portal
outbox-email-to = correo electrónico a { $to }
outbox-sms-to = mensaje de texto a { $to }

## Correos y mensajes de texto

mail-hello = Hola:
mail-hello-name = Hola, { $name }:
mail-helpdesk = ¿Tiene preguntas? Póngase en contacto con el servicio de asistencia: { $helpdesk }
mail-code-subject = Su código para restablecer la contraseña de { $org }
mail-code-intro = Su código para restablecer la contraseña de { $org } es:
mail-code-once = { $minutes ->
    [one] Solo se puede usar una vez, durante { $minutes } minuto.
    [many] Solo se puede usar una vez, durante { $minutes } minutos.
   *[other] Solo se puede usar una vez, durante { $minutes } minutos.
    }
mail-code-who = Alguien solicitó restablecer la contraseña de { $account } el { $at }.
mail-code-who-from = Alguien solicitó restablecer la contraseña de { $account } desde { $address } el { $at }.
mail-code-not-you = Si no fue usted, no comparta este código con nadie. Su contraseña no ha cambiado.
sms-code = { $code } es su código para restablecer la contraseña de { $org }. Caduca en { $minutes } min. No lo comparta nunca.
mail-locked-subject = Restablecimientos de contraseña en pausa para { $account }
mail-locked-paused = Los restablecimientos de contraseña de { $account } están en pausa hasta el { $until }, porque se escribieron demasiados códigos incorrectos en el portal de contraseñas de { $org }.
mail-locked-from = El último código incorrecto provino de { $address }.
mail-locked-advice = Si fue usted, espere y vuelva a intentarlo más tarde. Si no fue usted, puede que alguien esté intentando apoderarse de su cuenta: póngase en contacto con el servicio de asistencia.
mail-not-changed = Su contraseña no ha cambiado.
mail-changed-subject = Se cambió su contraseña de { $org }
mail-changed-what = La contraseña de { $account } se cambió el { $at } a través del portal de contraseñas de { $org }.
mail-changed-what-from = La contraseña de { $account } se cambió el { $at } desde { $address } a través del portal de contraseñas de { $org }.
mail-changed-not-you = Si no fue usted, póngase en contacto con el servicio de asistencia ahora mismo.
mail-changed-update = Actualice la contraseña en todos los lugares donde está guardada; si no, esos dispositivos seguirán fallando con "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126) y pueden bloquear su cuenta:
mail-full-guide = La guía completa
mail-reminder-subject = { $days ->
    [1] Su contraseña caduca mañana
   *[other] Su contraseña caduca dentro de { $days } días
    }
mail-reminder-subject-expired = Su contraseña caducó
mail-reminder-expires = { $days ->
    [1] La contraseña de { $account } caduca el { $date }, mañana.
   *[other] La contraseña de { $account } caduca el { $date }, dentro de { $days } días.
    }
mail-reminder-expired = La contraseña de { $account } caducó el { $date }. Ya no puede iniciar sesión con ella.
mail-reminder-change-at = Cámbiela ahora en { $url }
mail-reminder-windows = O bien, mientras todavía pueda iniciar sesión en Windows: Ctrl+Alt+Supr › Cambiar una contraseña.
mail-reminder-how = Cómo hacerlo: escriba su correo del trabajo, confirme con el código que le enviaremos a su correo o teléfono registrado y elija una contraseña nueva. Varias palabras sin relación entre sí forman una contraseña segura.
mail-reminder-after = Después, actualice la contraseña en su teléfono, Outlook, la Wi-Fi y la VPN; si no, seguirán usando la anterior y pueden bloquear su cuenta.
mail-signature = TI de { $org }
# When branding.org_name is not set: the organisation, as it reads in the messages above.
org-unnamed = su organización
org-logo-alt = Logotipo
mail-signature-unnamed = Su equipo de TI
mail-watch-subject = { $device } sigue usando su contraseña anterior
mail-watch-body = { $count ->
    [one] Se cambió su contraseña de { $org } para { $account }, pero { $device } sigue probando la anterior ({ $count } inicio de sesión fallido hasta ahora). Cada intento falla con "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126) y, si se acumulan, su cuenta se bloquea.
    [many] Se cambió su contraseña de { $org } para { $account }, pero { $device } sigue probando la anterior ({ $count } inicios de sesión fallidos hasta ahora). Cada intento falla con "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126) y, si se acumulan, su cuenta se bloquea.
   *[other] Se cambió su contraseña de { $org } para { $account }, pero { $device } sigue probando la anterior ({ $count } inicios de sesión fallidos hasta ahora). Cada intento falla con "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126) y, si se acumulan, su cuenta se bloquea.
    }
mail-watch-how = Cómo actualizarla: { $url }
mail-watch-unknown = Si no reconoce este dispositivo, póngase en contacto con el servicio de asistencia.
mail-trouble-subject = ¿Tiene problemas para iniciar sesión?
mail-trouble-body = { $count ->
    [one] { $device } no pudo iniciar sesión como { $account } { $count } vez desde { $since } por "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126). Probablemente todavía tenga guardada una contraseña anterior.
    [many] { $device } no pudo iniciar sesión como { $account } { $count } veces desde { $since } por "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126). Probablemente todavía tenga guardada una contraseña anterior.
   *[other] { $device } no pudo iniciar sesión como { $account } { $count } veces desde { $since } por "invalid username or password" (nombre de usuario o contraseña no válidos; AADSTS50126). Probablemente todavía tenga guardada una contraseña anterior.
    }
mail-trouble-update = Actualícela: { $url }
mail-trouble-forgot = ¿Olvidó la contraseña? { $url }
