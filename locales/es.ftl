### Directus Desktop, en español. Los mismos mensajes, atributos y variables que en.ftl.
### Público: los clientes de una organización que inician sesión en su cuenta (crear una
### cuenta, iniciar sesión, autenticación de dos factores, contraseña olvidada y
### restablecimiento, ajustes del servidor, ayuda); el informe de diagnóstico es para el servicio
### de asistencia.
### Registro: formal y cercano, siempre de "usted"; frases cortas y claras. Botones en
### infinitivo ("Enviar el enlace"), instrucciones en imperativo de usted ("Escriba…").
### Para lo que acaba de pasar, pretérito perfecto ("ha caducado", "se ha usado", "¿Ha olvidado
### su contraseña?"), nunca mezclado con el indefinido.
### Un botón de la aplicación citado en un texto lleva exactamente el texto de su mensaje, entre
### comillas angulares: «Reintentar». Las variables que se muestran en negrita ($button,
### $forgot, $resend) van sin comillas.
### Términos: correo (electrónico), enlace, código, llavero, ajustes del servidor, página de
### enlaces, autenticación de dos factores, servicio de asistencia. "p. ej." con espacio de no
### separación.

## The frame around every screen

app-opening = Abriendo su cuenta…
dismiss = Cerrar
back = Volver
back-to-sign-in = Volver al inicio de sesión
try-again = Reintentar
trying = Reintentando…
loading = Cargando…
checking = Comprobando…
sending = Enviando…
language-label = Idioma
language-automatic = Automático ({ $language })

## Fields and buttons every form uses

field-email = Correo electrónico
field-password = Contraseña
field-confirm-password = Confirmar contraseña
field-new-password = Contraseña nueva
field-confirm-new-password = Confirmar contraseña nueva
field-current-password = Contraseña actual
password-show = Mostrar
password-hide = Ocultar
password-show-label = Mostrar contraseña
password-hide-label = Ocultar contraseña
caps-lock-on = Bloq Mayús está activado.
password-rules-own = Este servidor puede tener sus propias reglas.
password-hint-empty = Use 8 caracteres o más; unas cuantas palabras sin relación entre sí forman una contraseña segura. { password-rules-own }
password-strength = Seguridad: { $strength ->
        [too-short] muy baja (menos de 8 caracteres)
        [weak] baja
        [fair] aceptable
       *[strong] alta
    }. { password-rules-own }
password-strength-refused = Seguridad: este servidor no acepta la contraseña.
paste-field-label = Enlace o código del correo

## What a field says before anything is sent

problem-email-empty = Escriba su dirección de correo electrónico.
problem-email-invalid = Escriba una dirección de correo como nombre@example.com.
problem-password-empty = Escriba su contraseña.
problem-current-password-empty = Escriba su contraseña actual.
problem-first-name-empty = Escriba su nombre.
problem-last-name-empty = Escriba sus apellidos.
problem-new-password-empty = Elija una contraseña.
problem-confirm-empty = Vuelva a escribir la contraseña.
problem-confirm-mismatch = Las contraseñas no coinciden.
problem-otp-empty = Escriba el código de 6 dígitos de su aplicación de autenticación.
problem-otp-invalid = El código tiene 6 dígitos.
problem-link-empty = Primero pegue el enlace del correo.

## Starting

starting-welcome-back = Le damos la bienvenida de nuevo
starting-account = Cuenta
starting-checking = Comprobando su sesión…
startup-failed-title = No se ha podido iniciar la aplicación
startup-failed-help = Cierre la aplicación y vuelva a abrirla. Si el problema persiste, envíe este código a su servicio de asistencia:

## Sign in

sign-in-title = Iniciar sesión
sign-in-otp-label = Código de un solo uso
sign-in-otp-hint = Su cuenta usa la autenticación de dos factores: escriba el código de 6 dígitos de su aplicación de autenticación.
sign-in-submit = Iniciar sesión
sign-in-busy = Iniciando sesión…
sign-in-forgot = ¿Ha olvidado su contraseña?
sign-in-register = Crear una cuenta
sign-in-paste-link = Pegar un enlace recibido por correo
sign-in-server = Ajustes del servidor
sign-in-help = Ayuda
sign-in-keychain-not-removed = Ha cerrado la sesión en este dispositivo, pero el inicio de sesión guardado aún no se ha podido eliminar del llavero del sistema. La aplicación lo sigue intentando y no lo usará para volver a iniciar su sesión.
banner-password-changed = Contraseña cambiada. Inicie sesión con su contraseña nueva.
banner-email-confirmed = Su correo está confirmado. Inicie sesión para continuar.
banner-signed-out = Ha cerrado la sesión.
banner-session-expired = Su sesión ha caducado. Vuelva a iniciar sesión.
banner-password-changed-elsewhere = Se ha cambiado su contraseña. Inicie sesión con la contraseña nueva.

## Create an account

register-title = Crear una cuenta
register-first-name = Nombre
register-last-name = Apellidos
register-submit = Crear cuenta
register-busy = Creando la cuenta…
register-have-account = Ya tengo una cuenta
register-closed = Este servidor no acepta cuentas nuevas desde la aplicación. Póngase en contacto con la organización que lo gestiona.
register-check-email = Revise su correo
register-sent = Si { $email } se puede registrar, hemos enviado a esa dirección un enlace para confirmarla. Abra el enlace o péguelo en esta aplicación y, después, inicie sesión.
register-resend = Reenviar el correo
register-resend-wait = Reenviar el correo ({ $seconds } s)
register-paste-link = Pegar el enlace del correo
register-ready-title = Ya puede iniciar sesión
register-ready = Si se ha podido registrar la dirección, la cuenta ya está lista.

## Paste a link

paste-title = Pegar un enlace recibido por correo
paste-intro = Algunos programas de correo no abren los enlaces a esta aplicación. Copie el enlace del correo de confirmación o de restablecimiento de contraseña (o el código que muestra la página web) y péguelo aquí.
paste-reset-title = Restablecer la contraseña
paste-reset-intro = Pegue el enlace del correo de restablecimiento de contraseña (el enlace completo o el código que muestra la página web).
paste-submit = Continuar
paste-busy = Comprobando el enlace…
paste-new-link = Enviarme un enlace nuevo

## Confirm the email

confirm-title = Confirmar su correo
confirm-intro = Este enlace confirma { $email } en este servidor:
confirm-intro-no-email = Este enlace confirma su dirección en este servidor:
confirm-only-if = Continúe solo si ha creado una cuenta en ese servidor.
confirm-submit = Confirmar mi correo
confirm-submit-at = Confirmar mi correo en { $host }
confirm-busy = Confirmando…
confirm-not-now = Ahora no
confirmed-title = Correo confirmado
confirmed = La dirección { $email } está confirmada. Ya puede iniciar sesión.
confirmed-no-email = Su dirección está confirmada. Ya puede iniciar sesión.

## Forgot password

forgot-title = ¿Ha olvidado su contraseña?
forgot-intro = Escriba el correo de su cuenta y le enviaremos un enlace para elegir una contraseña nueva.
forgot-submit = Enviar el enlace
forgot-check-email = Revise su correo
forgot-sent = Si existe una cuenta para { $email }, hemos enviado a esa dirección un enlace para elegir una contraseña nueva. El enlace solo se puede usar una vez y es válido durante un día.

## Choose a new password

reset-title = Elegir una contraseña nueva
reset-for = Para la cuenta { $email }
reset-submit = Cambiar la contraseña
reset-busy = Cambiando la contraseña…
reset-send-new-link = Enviar un enlace nuevo
reset-newer-link-for = Acaba de llegar otro enlace para restablecer la contraseña (para { $email }). ¿Quiere usarlo en lugar de este?
reset-newer-link = Acaba de llegar otro enlace para restablecer la contraseña. ¿Quiere usarlo en lugar de este?
reset-use-new = Usar el enlace nuevo
reset-keep = Conservar este enlace

## Signed in

signed-in-title = Ha iniciado sesión
signed-in-account = Cuenta
signed-in-email = Correo
signed-in-server = Servidor
signed-in-device = En este dispositivo
signed-in-remembered = Seguirá con la sesión iniciada después de cerrar la aplicación.
signed-in-not-remembered = Tendrá que volver a iniciar sesión después de cerrar la aplicación.
signed-in-offline = No se puede contactar con el servidor en este momento. Sigue con la sesión iniciada; la aplicación volverá a intentarlo automáticamente.
signed-in-offline-slow-down = El servidor ha pedido a la aplicación que reduzca la frecuencia de sus solicitudes. Sigue con la sesión iniciada; la aplicación volverá a intentarlo cuando el servidor lo permita.
signed-in-offline-tls = { $problem } Sigue con la sesión iniciada; la aplicación volverá a intentarlo automáticamente.
signed-in-try-now = Reintentar ahora
signed-in-sign-out = Cerrar sesión
signed-in-signing-out = Cerrando sesión…
signed-in-announcements = Anuncios
help-and-diagnostics = Ayuda y diagnóstico

## Your account: the account screen and its forms (edit name, change password, two-factor
## authentication on and off, and the set-up an organisation requires)

account-name = Nombre
account-name-this-device = Tal como lo registró o lo guardó por última vez con esta aplicación en este equipo: el servidor no muestra su nombre a la aplicación.
account-name-unknown = El servidor no lo muestra
account-name-empty = Sin indicar
account-edit-name = Editar el nombre
account-change-password = Cambiar la contraseña
account-two-factor = Autenticación de dos factores
account-two-factor-on = Activada
account-two-factor-off = Desactivada
account-two-factor-unknown = El servidor no lo indica
account-two-factor-unknown-hint = Está activada si, al iniciar sesión, se le pide un código de una aplicación de autenticación.
account-turn-on = Activar
account-turn-off = Desactivar
account-notice-name-saved = Se ha guardado su nombre.
account-notice-password-changed = Contraseña cambiada. Se ha cerrado la sesión en sus otros dispositivos; en este sigue con la sesión iniciada.
account-notice-two-factor-on = La autenticación de dos factores está activada. A partir de ahora, al iniciar sesión también se le pedirá un código de su aplicación de autenticación.
account-notice-two-factor-off = La autenticación de dos factores está desactivada. Ahora, para iniciar sesión solo se le pide su contraseña.
edit-name-title = Editar su nombre
edit-name-intro = El nombre de su cuenta, tal como lo ve su organización.
edit-name-email-fixed = Su dirección de correo no se puede cambiar en la aplicación: el servidor no confirma una dirección nueva, y un error al escribirla le dejaría sin acceso a su cuenta.
edit-name-save = Guardar el nombre
change-password-title = Cambiar su contraseña
change-password-otp-hint = La autenticación de dos factores está activada: escriba el código de 6 dígitos de su aplicación de autenticación.
change-password-other-devices = Al cambiar la contraseña, se cerrará la sesión en sus otros dispositivos. En este seguirá con la sesión iniciada.
change-password-fresh-code-intro = Se ha cambiado su contraseña y se ha cerrado la sesión en sus otros dispositivos. Para seguir con la sesión iniciada en este, escriba un código nuevo.
change-password-fresh-code-hint = Escriba el código de 6 dígitos que muestra ahora su aplicación de autenticación.
two-factor-on-title = Activar la autenticación de dos factores
two-factor-required-title = Su organización exige la autenticación de dos factores
two-factor-required-intro = Configúrela para continuar. También puede cerrar la sesión.
two-factor-intro = Cada vez que inicie sesión, escribirá además un código de 6 dígitos de una aplicación de autenticación de su teléfono. Si no tiene ninguna, instale una primero.
two-factor-password-hint = El servidor pide su contraseña antes de configurar la autenticación de dos factores.
two-factor-continue = Continuar
two-factor-scan = Escanee este código QR con su aplicación de autenticación.
two-factor-qr-alt = Código QR que añade { $account } ({ $issuer }) a una aplicación de autenticación. La clave que aparece debajo contiene lo mismo.
two-factor-type-key = O escriba esta clave a mano en la aplicación:
two-factor-copy-key = Copiar la clave
two-factor-key-copied = Copiada. Péguela en su aplicación de autenticación.
two-factor-code-label = Código de la aplicación
two-factor-code-hint = Escriba el código de 6 dígitos que muestra la aplicación para esta cuenta.
two-factor-turn-on = Activar la autenticación de dos factores
two-factor-turning-on = Activando…
two-factor-secret-only-here = La clave solo se muestra en esta pantalla y la aplicación no la guarda. No la comparta: quien la tenga puede generar sus códigos.
two-factor-enabled-wait = La autenticación de dos factores está activada. Abriendo su cuenta…
two-factor-off-title = Desactivar la autenticación de dos factores
two-factor-off-intro = A partir de entonces, para iniciar sesión solo se le pedirá su contraseña. Para confirmar que es usted, escriba el código de 6 dígitos de su aplicación de autenticación.
two-factor-off-code-hint = El código que muestra ahora su aplicación de autenticación.
two-factor-turn-off = Desactivar la autenticación de dos factores
two-factor-turning-off = Desactivando…

## Announcements

announcements-title = Anuncios
announcements-loading = Cargando anuncios…
announcements-empty = Aún no hay anuncios. Las novedades de la organización aparecerán aquí.
announcements-pages = Páginas
announcements-newer = Más recientes
announcements-older = Más antiguos
announcements-page = Página { $page }
announcements-page-of = Página { $page } de { $pages }
announcements-your-account = Su cuenta
announcements-all = Todos los anuncios
announcements-forbidden = Su cuenta no tiene permiso para ver los anuncios. Si cree que debería tenerlo, pregunte a la organización que gestiona el servidor.
announcement-forbidden = Su cuenta no tiene permiso para ver este anuncio. Si cree que debería tenerlo, pregunte a la organización que gestiona el servidor.

## Server settings

server-title = Ajustes del servidor
server-in-use = En uso
server-set-by = Origen
server-source-environment = una variable de entorno (DIRECTUS_DESKTOP_SERVER_URL)
server-source-settings = los ajustes de esta aplicación
server-source-default = el valor predeterminado (el servidor de desarrollo local)
server-source-unset = ninguno todavía
server-source-command-line = la línea de comandos (--server)
server-email-links = Enlaces de los correos
server-links-via-page = a través de la página de enlaces { $page }
server-links-direct = directamente a esta aplicación
server-environment-wins = En cada inicio, la variable de entorno prevalece sobre la dirección guardada.
server-needed = Todavía no hay ningún servidor configurado. Introduzca la dirección que le ha facilitado su organización y guárdela. Después podrá iniciar sesión.
server-address = Dirección del servidor
server-address-hint = La dirección del servidor Directus de su organización, p. ej. https://cms.example.com
server-link-page = Página de enlaces para los correos (opcional)
server-link-page-hint = La dirección en la que su organización aloja la página de enlaces de la aplicación, p. ej. https://example.com/directus-desktop/. Déjelo vacío para que los enlaces lleven directamente a la aplicación.
server-test = Probar la conexión
server-testing = Probando…
server-save = Guardar
server-saving = Guardando…
server-saved = Guardado. La aplicación usa ahora este servidor.
server-connected = Conexión establecida con { $project }
server-connected-closed = Conexión establecida con { $project } (el registro desde la aplicación está desactivado)

## Help and diagnostics

help-version = Versión
help-build = Compilación
help-log-folder = Carpeta de registros
help-intro = Si algo no funciona, su servicio de asistencia puede pedirle el informe de diagnóstico. Indica qué servidor usa la aplicación y cómo responde, y no contiene ninguna contraseña ni ningún código.
help-copy-report = Copiar el informe de diagnóstico
help-open-logs = Abrir la carpeta de registros
help-check-links = Comprobar los enlaces de los correos
help-copied = Copiado. Péguelo en su mensaje al servicio de asistencia.
help-reset-accepted = El servidor acepta el enlace de restablecimiento de la aplicación.
help-reset-refused = El servidor rechaza el enlace de restablecimiento de la aplicación. Los administradores del servidor deben añadir { $url } a PASSWORD_RESET_URL_ALLOW_LIST.
help-not-asked = No se ha podido consultar al servidor.
help-not-asked-because = No se ha podido consultar al servidor: { $problem }
help-links-via-page = Los correos enlazan a la página de su organización: { $reset } y { $verify }. El servidor debe incluir la segunda dirección en USER_REGISTER_URL_ALLOW_LIST; comprobarlo crearía una cuenta, así que aquí no se comprueba.
help-links-direct = Los correos enlazan directamente a esta aplicación: { $reset } y { $verify }. El servidor debe incluir la segunda dirección en USER_REGISTER_URL_ALLOW_LIST; comprobarlo crearía una cuenta, así que aquí no se comprueba.
help-no-scheme = Ningún programa de este equipo abre los enlaces de la aplicación: instale la aplicación desde su paquete o pida a su organización una página de enlaces.
help-links-any-scheme = Este servidor también acepta enlaces de restablecimiento con el esquema de enlace de otros programas: Directus comprueba un enlace con esquema propio solo por su ruta, así que el código de un correo de restablecimiento de contraseña podría enviarse a otro programa. En producción, utilice una página de enlaces para los correos (https, en «Ajustes del servidor»).

## Updates: the banner that offers a new version, and the Help screen's part

update-available = La versión { $version } está disponible.
update-install = Instalar y reiniciar
update-later = Más tarde
update-downloading = Descargando la actualización…
update-downloading-percent = Descargando la actualización: { $percent } %
update-installing = Instalando la actualización. La aplicación se reiniciará sola.
help-updates = Actualizaciones
help-updates-off = Esta copia de la aplicación no busca actualizaciones: su organización proporciona las nuevas versiones.
help-updates-never-checked = La aplicación aún no ha buscado actualizaciones.
help-updates-up-to-date = Comprobado el { $date }: esta es la versión más reciente.
help-updates-found = Comprobado el { $date }: la versión { $version } está disponible.
help-updates-failed = Comprobado el { $date }, sin respuesta: { $reason }
help-check-updates = Buscar actualizaciones
help-update-install = Instalar la versión { $version } y reiniciar
update-failure-unreachable = no se pudo contactar con el servidor de actualizaciones.
update-failure-timeout = el servidor de actualizaciones no respondió a tiempo.
update-failure-server-error = el servidor de actualizaciones respondió con un error.
update-failure-bad-manifest = no se pudo leer la respuesta del servidor de actualizaciones.
update-failure-no-package = no hay ninguna actualización publicada para este sistema.
update-failure-rejected = la actualización no está firmada por su organización.
update-failure-download-failed = la descarga se interrumpió.
update-failure-install-failed = la instalación no terminó.

## Errors, one for each code (and the screen, where that changes what helps)

error-invalid-credentials = El correo o la contraseña no son correctos. Compruebe ambos y vuelva a intentarlo. Si acaba de crear la cuenta, confirme primero su correo.
error-otp-required = Escriba el código de 6 dígitos de su aplicación de autenticación.
error-otp-invalid = Ese código no ha funcionado. Los códigos cambian cada 30 segundos: escriba el que muestra ahora su aplicación.
error-account-suspended = Esta cuenta está suspendida. Póngase en contacto con la organización que gestiona el servidor.
error-session-expired = Su sesión ha caducado. Vuelva a iniciar sesión.
error-link-invalid = Este enlace no es válido. Copie el enlace completo del correo o pida uno nuevo.
error-link-invalid-verify = Este enlace no es válido. Copie el enlace completo del correo y vuelva a pegarlo.
error-link-used = Este enlace ya se ha usado. Pida uno nuevo más abajo.
error-link-used-verify = Este enlace ya se ha usado: probablemente su correo ya esté confirmado. Intente iniciar sesión.
error-link-expired = Este enlace ha caducado. Pida uno nuevo más abajo.
error-link-expired-verify = Este enlace ha caducado. Regístrese de nuevo con el mismo correo para recibir uno nuevo.
error-registration-closed = Este servidor no acepta cuentas nuevas desde la aplicación. Póngase en contacto con la organización que lo gestiona.
error-password-rejected = Las reglas de contraseñas de este servidor han rechazado esta contraseña. Pruebe con una más larga, que combine palabras, números y símbolos.
error-rate-limited = Demasiados intentos. Espere un minuto y vuelva a intentarlo.
error-rate-limited-seconds = Demasiados intentos. Vuelva a intentarlo en { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
error-rate-limited-minutes = Demasiados intentos. Vuelva a intentarlo en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.
error-server-unavailable = El servidor está ocupado o en mantenimiento. Vuelva a intentarlo en un momento.
error-server-unreachable = No se puede contactar con el servidor. Compruebe su conexión a Internet y vuelva a intentarlo.
error-server-unreachable-server = No responde nada en esa dirección. Compruébela, y también su conexión a Internet.
error-timeout = El servidor ha tardado demasiado en responder. Vuelva a intentarlo en un momento.
error-not-directus = Esa dirección responde, pero no es un servidor Directus. Compruebe la dirección del servidor.
error-invalid-server-url = No se puede usar esa dirección de servidor: { $why }.
error-invalid-link-page-url = No se puede usar esa dirección de página de enlaces: { $why }.
address-empty = la dirección está vacía
address-not-a-web-address = no es una dirección web (debe empezar por https://)
address-plain-http = http:// sin cifrar solo se permite para este equipo; use https://
address-unsupported-scheme = solo se admiten direcciones https://
address-no-host = la dirección no tiene nombre de host
address-has-credentials = la dirección no debe contener ni un nombre de usuario ni una contraseña
address-too-long = la dirección es demasiado larga (500 caracteres como máximo)
error-server-not-configured = El servidor no está configurado para enviar por correo los enlaces de esta aplicación. Póngase en contacto con la organización que lo gestiona.
error-server-not-configured-setting = El servidor no está configurado para enviar por correo los enlaces de esta aplicación (su ajuste { $setting }). Póngase en contacto con la organización que lo gestiona.
error-keychain-unavailable = { $store ->
        [none] El llavero del sistema
       *[other] El llavero del sistema ({ $store })
    } no está disponible. Puede iniciar sesión igualmente, pero tendrá que volver a hacerlo la próxima vez.
error-keychain-unavailable-signed-in = { $store ->
        [none] El llavero del sistema
       *[other] El llavero del sistema ({ $store })
    } no está disponible, así que la sesión solo durará hasta que cierre la aplicación.
error-keychain-locked = { $store ->
        [none] El llavero del sistema
       *[other] El llavero del sistema ({ $store })
    } está bloqueado. Desbloquéelo para seguir con la sesión iniciada después de cerrar la aplicación.
error-keychain-locked-sign-in = { $store ->
        [none] El llavero del sistema
       *[other] El llavero del sistema ({ $store })
    } está bloqueado, así que no se puede leer el inicio de sesión guardado. Desbloquéelo y elija «Reintentar», o inicie sesión.
error-tls = El certificado del servidor no es de confianza, así que la aplicación no le ha enviado nada. Compruebe la dirección del servidor o pregunte a la organización que lo gestiona. No es un problema de su conexión a Internet.
error-server-changed = El servidor ha cambiado mientras se realizaba la operación. Vuelva a intentarlo.
error-forbidden = Su cuenta no tiene permiso para ver este contenido, o el contenido ya no existe. Si cree que debería tener acceso, pregunte a la organización que gestiona el servidor.
error-collection-not-allowed = Esta aplicación no está configurada para mostrar ese contenido. Póngase en contacto con la organización que la proporciona.
error-query-not-allowed = Esta pantalla ha solicitado datos que la aplicación no está configurada para mostrar. Póngase en contacto con la organización que proporciona la aplicación.
error-server-restricted = El servidor de esta organización no acepta inicios de sesión en este momento. Avise a la organización.
error-current-password-wrong = Esa no es su contraseña actual. Compruébela y vuelva a intentarlo.
error-account-change-forbidden = Su organización no permite cambiar esto en la aplicación.
error-two-factor-required = Su organización exige la autenticación de dos factores. Configúrela para continuar.
error-two-factor-required-off = Su organización exige la autenticación de dos factores, así que no puede desactivarla.
error-update-rejected = Se rechazó esta actualización: no está firmada por su organización. No se ha cambiado nada.
error-update-failed = No se pudo descargar ni instalar la actualización. Inténtelo de nuevo más tarde; si sigue fallando, póngase en contacto con su servicio de asistencia.
error-unexpected = Se ha producido un error inesperado. Vuelva a intentarlo o póngase en contacto con su servicio de asistencia.
error-unexpected-status = El servidor ha dado una respuesta inesperada (HTTP { $status }). Vuelva a intentarlo o póngase en contacto con su servicio de asistencia.

## The diagnostic report: its title, headings and labels (its values stay in English, for the
## support desk)

report-title = Informe de diagnóstico de { $app } (no contiene contraseñas, tokens ni códigos de enlace)
report-result = Resultado
report-app = Aplicación
report-version = Versión
report-build = Compilación
report-system = Sistema
report-webview = Vista web
report-log-folder = Carpeta de registros
report-server = Servidor
report-address = Dirección
report-set-by = Origen
report-answers = Responde
report-tls = TLS
report-project = Proyecto
report-directus-version = Versión de Directus
report-registration = Registro
report-email-confirmation = Confirmación del correo
report-sign-ins = Inicios de sesión
report-email-links = Enlaces de los correos
report-style = Modo
report-reset-link = Enlace de restablecimiento
report-verification-link = Enlace de confirmación
report-reset-accepted = Enlace de restablecimiento aceptado
report-verification-accepted = Confirmación aceptada
report-links-opened-by = Enlaces abiertos por
report-keychain = Llavero
report-store = Almacén
report-state = Estado
report-updates = Actualizaciones
report-update-source = Origen
report-update-last-check = Última comprobación
report-update-now = Ahora
report-session = Sesión
report-signed-out-because = Motivo del cierre de sesión
report-remembered = Recordada
report-access-expires = El acceso caduca en
report-problem = Problema
report-recent-errors = Errores recientes
report-checks = Comprobaciones

## The hand-off page (hand-off/index.html): what a browser shows when an email's link goes
## through the organisation's web site. { $app } is the app's name; $button, $forgot and
## $resend are the app's own buttons (its messages above), shown in bold.

hand-off-title = Abrir { $app }
hand-off-reset-title = Restablecer la contraseña
hand-off-reset-lead = { $app } se abre en la pantalla de restablecimiento de contraseña de su cuenta.
hand-off-verify-title = Confirmar su dirección de correo
hand-off-verify-lead = { $app } confirma su dirección y, después, podrá iniciar sesión.
hand-off-open = Abrir { $app }
hand-off-paste-label = O pegue este enlace en la aplicación
hand-off-copy = Copiar el enlace
hand-off-copied = Copiado. Péguelo en { $app }.
hand-off-copy-by-hand = Seleccionado: pulse Ctrl+C (⌘C en Mac) para copiar.
hand-off-nothing-happened = ¿No ha pasado nada? Abra { $app }, elija { $button } y pegue el enlace. Contiene un código de un solo uso para su cuenta: no lo comparta con nadie.
hand-off-broken-title = Este enlace está incompleto
hand-off-broken-cut = Algunos programas de correo acortan los enlaces largos. Vuelva a abrir el enlace del correo o cópielo completo en su navegador.
hand-off-broken-new = Si sigue sin funcionar, pida un correo nuevo desde { $app } ({ $forgot } o { $resend }).
hand-off-no-script-title = Terminar en { $app }
hand-off-no-script-copy = Copie la dirección completa de esta página desde la barra de direcciones de su navegador.
hand-off-no-script-open = Abra { $app } y elija { $button }.
hand-off-no-script-paste = Pegue la dirección y continúe.
hand-off-no-script-secret = La dirección contiene un código de un solo uso para su cuenta: no la comparta con nadie.
