### Directus Desktop: العربية الفصحى المعاصرة. الرسائل والسمات والمتغيرات نفسها الموجودة في en.ftl.
### الجمهور: عملاء جهةٍ ما يسجّلون الدخول إلى حساباتهم (إنشاء حساب، تسجيل الدخول، المصادقة
### الثنائية، نسيان كلمة المرور وإعادة تعيينها، إعدادات الخادم، المساعدة)؛ ويُرسَل تقرير التشخيص
### إلى فريق الدعم.
### الأسلوب: فصحى محايدة رسمية، بلا عامية، وبصيغة المخاطَب المفرد المعتادة في الواجهات. الأزرار
### والعناوين بالمصدر ("إرسال الرابط"، "إعادة المحاولة")، والتعليمات بفعل الأمر ("أدخل"،
### "الصق"). يُشار إلى الجهة بـ"الجهة" و"جهتك" في كل الرسائل.
### إذا ذكر نصٌّ زرًّا من أزرار التطبيق، فبنصّه الحرفي كما في رسالته وبين علامتي التنصيص «»:
### «إعادة المحاولة». المتغيرات التي تُعرض بخط عريض ($button و$forgot و$resend) بلا علامات.
### اتجاه النص (يتحقق منه الاختبار): كل نص لاتيني داخل الرسالة نفسها، من عنوان (https://…)
### أو خيار (--server) أو اختصار (⌘C) أو اسم متغير بيئة أو اسم منتج (Directus)، يوضع بين
### U+2066 (LRI) وU+2069 (PDI)، وتكون الكلمات اللاتينية المتجاورة داخل عزل واحد، حتى لا
### تنقلب رموزه في النص العربي. أما المتغيرات { $var } فلا تُعزل هنا: يعزل تطبيق الواجهة كل
### متغير بنفسه في الكتالوجات التي تُكتب من اليمين إلى اليسار (use_isolating في ui/src/i18n.rs).
### تُستثنى تسميات تقرير التشخيص (report-*): التقرير نص عادي يُنسَخ في رسالة، يُنسَّق بلا علامات
### اتجاه وتُحاذى أعمدته بعدد الحروف.

## The frame around every screen

app-opening = جارٍ فتح حسابك…
dismiss = إغلاق
back = رجوع
back-to-sign-in = العودة إلى تسجيل الدخول
try-again = إعادة المحاولة
trying = جارٍ إعادة المحاولة…
loading = جارٍ التحميل…
checking = جارٍ التحقق…
sending = جارٍ الإرسال…
language-label = اللغة
language-automatic = تلقائي ({ $language })

## Fields and buttons every form uses

field-email = البريد الإلكتروني
field-password = كلمة المرور
field-confirm-password = تأكيد كلمة المرور
field-new-password = كلمة المرور الجديدة
field-confirm-new-password = تأكيد كلمة المرور الجديدة
field-current-password = كلمة المرور الحالية
password-show = إظهار
password-hide = إخفاء
password-show-label = إظهار كلمة المرور
password-hide-label = إخفاء كلمة المرور
caps-lock-on = مفتاح الأحرف الكبيرة (⁦Caps Lock⁩) مفعّل.
password-rules-own = قد تكون لهذا الخادم قواعده الخاصة.
password-hint-empty = استخدم 8 أحرف أو أكثر؛ فبضع كلمات لا رابط بينها تكوّن كلمة مرور قوية. { password-rules-own }
password-strength = القوة: { $strength ->
        [too-short] ضعيفة جدًا (أقل من 8 أحرف)
        [weak] ضعيفة
        [fair] متوسطة
       *[strong] قوية
    }. { password-rules-own }
password-strength-refused = القوة: يرفض هذا الخادم كلمة المرور هذه.
paste-field-label = الرابط أو الرمز من البريد الإلكتروني

## What a field says before anything is sent

problem-email-empty = أدخل عنوان بريدك الإلكتروني.
problem-email-invalid = أدخل عنوان بريد إلكتروني مثل ⁦name@example.com⁩.
problem-password-empty = أدخل كلمة المرور.
problem-current-password-empty = أدخل كلمة المرور الحالية.
problem-first-name-empty = أدخل اسمك الأول.
problem-last-name-empty = أدخل اسم العائلة.
problem-new-password-empty = اختر كلمة مرور.
problem-confirm-empty = اكتب كلمة المرور مرة أخرى.
problem-confirm-mismatch = كلمتا المرور غير متطابقتين.
problem-otp-empty = أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة.
problem-otp-invalid = يتكوّن الرمز من 6 أرقام.
problem-link-empty = الصق الرابط من البريد الإلكتروني أولًا.

## Starting

starting-welcome-back = مرحبًا بعودتك
starting-account = الحساب
starting-checking = جارٍ التحقق من جلستك…
startup-failed-title = تعذّر تشغيل التطبيق
startup-failed-help = أغلق التطبيق ثم افتحه من جديد. إذا تكررت المشكلة، فأرسل هذا الرمز إلى فريق الدعم:

## Sign in

sign-in-title = تسجيل الدخول
sign-in-otp-label = رمز لمرة واحدة
sign-in-otp-hint = يستخدم حسابك المصادقة الثنائية: أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة.
sign-in-submit = تسجيل الدخول
sign-in-busy = جارٍ تسجيل الدخول…
sign-in-forgot = هل نسيت كلمة المرور؟
sign-in-register = إنشاء حساب
sign-in-paste-link = لصق رابط من بريد إلكتروني
sign-in-server = إعدادات الخادم
sign-in-help = المساعدة
sign-in-keychain-not-removed = لقد سجّلت الخروج هنا، لكن تعذّر حتى الآن حذف تسجيل الدخول المحفوظ من سلسلة مفاتيح النظام. يواصل التطبيق المحاولة، ولن يستخدمه لتسجيل دخولك مجددًا.
banner-password-changed = تم تغيير كلمة المرور. سجّل الدخول بكلمة المرور الجديدة.
banner-email-confirmed = تم تأكيد بريدك الإلكتروني. سجّل الدخول للمتابعة.
banner-signed-out = لقد سجّلت الخروج.
banner-session-expired = انتهت صلاحية جلستك. يُرجى تسجيل الدخول مرة أخرى.
banner-password-changed-elsewhere = تم تغيير كلمة مرورك. سجّل الدخول بكلمة المرور الجديدة.

## Create an account

register-title = إنشاء حساب
register-first-name = الاسم الأول
register-last-name = اسم العائلة
register-submit = إنشاء الحساب
register-busy = جارٍ إنشاء الحساب…
register-have-account = لديّ حساب بالفعل
register-closed = لا يقبل هذا الخادم إنشاء حسابات جديدة من التطبيق. تواصل مع الجهة التي تدير الخادم.
register-check-email = تحقّق من بريدك الإلكتروني
register-sent = إذا كان من الممكن تسجيل { $email }، فقد أرسلنا إلى هذا العنوان رابطًا لتأكيده. افتح الرابط أو الصقه في هذا التطبيق، ثم سجّل الدخول.
register-resend = إعادة إرسال البريد
register-resend-wait = إعادة إرسال البريد ({ $seconds } ث)
register-paste-link = لصق الرابط من البريد الإلكتروني
register-ready-title = يمكنك تسجيل الدخول الآن
register-ready = إذا أمكن تسجيل العنوان، فالحساب جاهز.

## Paste a link

paste-title = لصق رابط من بريد إلكتروني
paste-intro = بعض برامج البريد لا تفتح روابط هذا التطبيق. انسخ الرابط من رسالة التأكيد أو رسالة إعادة تعيين كلمة المرور (أو الرمز الذي تعرضه صفحة الويب) والصقه هنا.
paste-reset-title = إعادة تعيين كلمة المرور
paste-reset-intro = الصق الرابط من رسالة إعادة تعيين كلمة المرور (الرابط كاملًا، أو الرمز الذي تعرضه صفحة الويب).
paste-submit = متابعة
paste-busy = جارٍ التحقق من الرابط…
paste-new-link = إرسال رابط جديد إليّ

## Confirm the email

confirm-title = تأكيد بريدك الإلكتروني
confirm-intro = يؤكد هذا الرابط العنوان { $email } على هذا الخادم:
confirm-intro-no-email = يؤكد هذا الرابط عنوانك على هذا الخادم:
confirm-only-if = لا تتابع إلا إذا كنت قد أنشأت حسابًا هناك.
confirm-submit = تأكيد بريدي الإلكتروني
confirm-submit-at = تأكيد بريدي الإلكتروني على { $host }
confirm-busy = جارٍ التأكيد…
confirm-not-now = ليس الآن
confirmed-title = تم تأكيد البريد الإلكتروني
confirmed = تم تأكيد العنوان { $email }. يمكنك تسجيل الدخول الآن.
confirmed-no-email = تم تأكيد عنوانك. يمكنك تسجيل الدخول الآن.

## Forgot password

forgot-title = هل نسيت كلمة المرور؟
forgot-intro = أدخل البريد الإلكتروني لحسابك، وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
forgot-submit = إرسال الرابط
forgot-check-email = تحقّق من بريدك الإلكتروني
forgot-sent = إذا كان هناك حساب مرتبط بالعنوان { $email }، فقد أرسلنا إليه رابطًا لاختيار كلمة مرور جديدة. لا يُستخدم الرابط إلا مرة واحدة، ويبقى صالحًا لمدة يوم واحد.

## Choose a new password

reset-title = اختيار كلمة مرور جديدة
reset-for = للحساب { $email }
reset-submit = تغيير كلمة المرور
reset-busy = جارٍ تغيير كلمة المرور…
reset-send-new-link = إرسال رابط جديد
reset-newer-link-for = وصل للتو رابط آخر لإعادة تعيين كلمة المرور (للعنوان { $email }). هل تريد استخدامه بدلًا من هذا الرابط؟
reset-newer-link = وصل للتو رابط آخر لإعادة تعيين كلمة المرور. هل تريد استخدامه بدلًا من هذا الرابط؟
reset-use-new = استخدام الرابط الجديد
reset-keep = الاحتفاظ بهذا الرابط

## Signed in

signed-in-title = لقد سجّلت الدخول
signed-in-account = الحساب
signed-in-email = البريد الإلكتروني
signed-in-server = الخادم
signed-in-device = على هذا الجهاز
signed-in-remembered = ستبقى مسجّل الدخول بعد إغلاق التطبيق.
signed-in-not-remembered = ستحتاج إلى تسجيل الدخول مجددًا بعد إغلاق التطبيق.
signed-in-offline = تعذّر الوصول إلى الخادم حاليًا. ستبقى مسجّل الدخول، وسيعيد التطبيق المحاولة تلقائيًا.
signed-in-offline-slow-down = طلب الخادم من التطبيق أن يُبطئ وتيرة طلباته. ستبقى مسجّل الدخول، وسيعيد التطبيق المحاولة عندما يسمح الخادم بذلك.
signed-in-offline-tls = { $problem } ستبقى مسجّل الدخول، وسيعيد التطبيق المحاولة تلقائيًا.
signed-in-try-now = إعادة المحاولة الآن
signed-in-sign-out = تسجيل الخروج
signed-in-signing-out = جارٍ تسجيل الخروج…
signed-in-announcements = الإعلانات
help-and-diagnostics = المساعدة والتشخيص

## Your account: the account screen and its forms (edit name, change password, two-factor
## authentication on and off, and the set-up an organisation requires)

account-name = الاسم
account-name-this-device = كما سجّلته أو حفظته آخر مرة بهذا التطبيق على هذا الحاسوب: لا يُطلع الخادمُ التطبيقَ على اسمك.
account-name-unknown = لا يعرضه الخادم
account-name-empty = غير محدد
account-edit-name = تعديل الاسم
account-change-password = تغيير كلمة المرور
account-two-factor = المصادقة الثنائية
account-two-factor-on = مفعّلة
account-two-factor-off = غير مفعّلة
account-two-factor-unknown = لا يُفصح الخادم عن ذلك
account-two-factor-unknown-hint = تكون مفعّلة إذا طُلب منك عند تسجيل الدخول رمز من تطبيق المصادقة.
account-turn-on = تفعيل
account-turn-off = إيقاف
account-notice-name-saved = تم حفظ اسمك.
account-notice-password-changed = تم تغيير كلمة المرور. سُجّل خروجك من أجهزتك الأخرى، وستبقى مسجّل الدخول على هذا الجهاز.
account-notice-two-factor-on = تم تفعيل المصادقة الثنائية. من الآن فصاعدًا، سيُطلب منك عند تسجيل الدخول رمز من تطبيق المصادقة أيضًا.
account-notice-two-factor-off = تم إيقاف المصادقة الثنائية. لن يُطلب منك عند تسجيل الدخول الآن إلا كلمة المرور.
edit-name-title = تعديل اسمك
edit-name-intro = الاسم المسجّل في حسابك كما تراه جهتك.
edit-name-email-fixed = لا يمكن تغيير عنوان بريدك الإلكتروني في التطبيق: لا يؤكد الخادم العنوان الجديد، وقد يؤدي خطأ في كتابته إلى منعك من الوصول إلى حسابك.
edit-name-save = حفظ الاسم
change-password-title = تغيير كلمة المرور
change-password-otp-hint = المصادقة الثنائية مفعّلة: أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة.
change-password-other-devices = يؤدي تغيير كلمة المرور إلى تسجيل خروجك من أجهزتك الأخرى. ستبقى مسجّل الدخول على هذا الجهاز.
change-password-fresh-code-intro = تم تغيير كلمة المرور، وسُجّل خروجك من أجهزتك الأخرى. لتبقى مسجّل الدخول على هذا الجهاز، أدخل رمزًا جديدًا.
change-password-fresh-code-hint = أدخل الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة الآن.
two-factor-on-title = تفعيل المصادقة الثنائية
two-factor-required-title = تشترط جهتك استخدام المصادقة الثنائية
two-factor-required-intro = أعِدّها للمتابعة. ويمكنك أيضًا تسجيل الخروج.
two-factor-intro = عند كل تسجيل دخول، ستُدخل أيضًا رمزًا مكوّنًا من 6 أرقام من تطبيق مصادقة على هاتفك. إذا لم يكن لديك تطبيق مصادقة، فثبّت واحدًا أولًا.
two-factor-password-hint = يطلب الخادم كلمة المرور قبل إعداد المصادقة الثنائية.
two-factor-continue = متابعة
two-factor-scan = امسح رمز ⁦QR⁩ هذا بتطبيق المصادقة.
two-factor-qr-alt = رمز ⁦QR⁩ يضيف { $account } ({ $issuer }) إلى تطبيق مصادقة. ويحتوي المفتاح أدناه على المعلومات نفسها.
two-factor-type-key = أو اكتب هذا المفتاح في التطبيق يدويًا:
two-factor-copy-key = نسخ المفتاح
two-factor-key-copied = تم النسخ. الصقه في تطبيق المصادقة.
two-factor-code-label = الرمز من التطبيق
two-factor-code-hint = أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق لهذا الحساب.
two-factor-turn-on = تفعيل المصادقة الثنائية
two-factor-turning-on = جارٍ التفعيل…
two-factor-secret-only-here = لا يُعرض المفتاح إلا في هذه الشاشة، ولا يحتفظ به التطبيق. لا تشاركه مع أحد: فمن يملكه يستطيع توليد رموزك.
two-factor-enabled-wait = تم تفعيل المصادقة الثنائية. جارٍ فتح حسابك…
two-factor-off-title = إيقاف المصادقة الثنائية
two-factor-off-intro = بعد ذلك لن يُطلب منك عند تسجيل الدخول إلا كلمة المرور. للتأكد من أنك صاحب الحساب، أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة.
two-factor-off-code-hint = الرمز الذي يعرضه تطبيق المصادقة الآن.
two-factor-turn-off = إيقاف المصادقة الثنائية
two-factor-turning-off = جارٍ الإيقاف…

## Announcements

announcements-title = الإعلانات
announcements-loading = جارٍ تحميل الإعلانات…
announcements-empty = لا توجد إعلانات بعد. ستظهر أخبار الجهة هنا.
announcements-pages = الصفحات
announcements-newer = الأحدث
announcements-older = الأقدم
announcements-page = الصفحة { $page }
announcements-page-of = الصفحة { $page } من { $pages }
announcements-your-account = حسابك
announcements-all = كل الإعلانات
announcements-forbidden = لا يُسمح لحسابك بعرض الإعلانات. إذا كنت ترى أنه ينبغي السماح له بذلك، فاسأل الجهة التي تدير الخادم.
announcement-forbidden = لا يُسمح لحسابك بعرض هذا الإعلان. إذا كنت ترى أنه ينبغي السماح له بذلك، فاسأل الجهة التي تدير الخادم.

## Server settings

server-title = إعدادات الخادم
server-in-use = المستخدم حاليًا
server-set-by = مصدر الإعداد
server-source-environment = متغير بيئة (⁦DIRECTUS_DESKTOP_SERVER_URL⁩)
server-source-settings = إعدادات هذا التطبيق
server-source-default = القيمة الافتراضية (خادم التطوير المحلي)
server-source-unset = لم يُحدَّد بعد
server-source-command-line = سطر الأوامر (⁦--server⁩)
server-email-links = روابط البريد الإلكتروني
server-links-via-page = عبر صفحة الروابط على { $page }
server-links-direct = مباشرةً إلى هذا التطبيق
server-environment-wins = عند كل تشغيل، تكون الأولوية لمتغير البيئة على العنوان المحفوظ.
server-needed = لم يُضبط أي خادم بعد. أدخل العنوان الذي زوّدتك به جهتك واحفظه، ثم يمكنك تسجيل الدخول.
server-address = عنوان الخادم
server-address-hint = عنوان خادم ⁦Directus⁩ الخاص بجهتك، مثل ⁦https://cms.example.com⁩
server-link-page = صفحة الروابط لرسائل البريد الإلكتروني (اختيارية)
server-link-page-hint = المكان الذي تستضيف فيه جهتك صفحة روابط التطبيق، مثل ⁦https://example.com/directus-desktop/⁩. اتركه فارغًا لتؤدي الروابط إلى التطبيق مباشرةً.
server-test = اختبار الاتصال
server-testing = جارٍ الاختبار…
server-save = حفظ
server-saving = جارٍ الحفظ…
server-saved = تم الحفظ. يستخدم التطبيق هذا الخادم الآن.
server-connected = تم الاتصال بمشروع { $project }
server-connected-closed = تم الاتصال بمشروع { $project } (التسجيل من التطبيق متوقف)

## Help and diagnostics

help-version = الإصدار
help-build = رقم البناء
help-log-folder = مجلد السجلات
help-intro = إذا لم يعمل شيء ما، فقد يطلب منك فريق الدعم تقرير التشخيص. يذكر التقرير الخادم الذي يستخدمه التطبيق وكيف يستجيب، ولا يحتوي على أي كلمة مرور أو رمز.
help-copy-report = نسخ تقرير التشخيص
help-open-logs = فتح مجلد السجلات
help-check-links = التحقق من روابط البريد الإلكتروني
help-copied = تم النسخ. الصقه في رسالتك إلى فريق الدعم.
help-reset-accepted = يقبل الخادم رابط التطبيق لإعادة تعيين كلمة المرور.
help-reset-refused = يرفض الخادم رابط التطبيق لإعادة تعيين كلمة المرور. على مسؤولي الخادم إضافة { $url } إلى ⁦PASSWORD_RESET_URL_ALLOW_LIST⁩.
help-not-asked = تعذّر الحصول على إجابة من الخادم.
help-not-asked-because = تعذّر الحصول على إجابة من الخادم: { $problem }
help-links-via-page = تؤدي روابط البريد الإلكتروني إلى صفحة جهتك: { $reset } و{ $verify }. يجب أن يُدرج الخادمُ العنوانَ الثاني في ⁦USER_REGISTER_URL_ALLOW_LIST⁩؛ ولأن التحقق من ذلك سيُنشئ حسابًا، فلا يُتحقق منه هنا.
help-links-direct = تؤدي روابط البريد الإلكتروني مباشرةً إلى هذا التطبيق: { $reset } و{ $verify }. يجب أن يُدرج الخادمُ العنوانَ الثاني في ⁦USER_REGISTER_URL_ALLOW_LIST⁩؛ ولأن التحقق من ذلك سيُنشئ حسابًا، فلا يُتحقق منه هنا.
help-no-scheme = لا يوجد برنامج على هذا الحاسوب يفتح روابط التطبيق: ثبّت التطبيق من حزمته، أو اطلب من جهتك صفحة روابط.
help-links-any-scheme = يقبل هذا الخادم أيضًا روابط إعادة التعيين بمخططات روابط برامج أخرى: يتحقق ⁦Directus⁩ من الرابط ذي المخطط المخصص بمساره فقط، لذا قد يُرسَل رمز رسالة إعادة تعيين كلمة المرور إلى برنامج آخر. في بيئة الإنتاج، استخدم صفحة روابط لرسائل البريد الإلكتروني (⁦https⁩، في «إعدادات الخادم»).

## Updates: the banner that offers a new version, and the Help screen's part

update-available = الإصدار { $version } متاح.
update-install = التثبيت وإعادة التشغيل
update-later = لاحقًا
update-downloading = جارٍ تنزيل التحديث…
update-downloading-percent = جارٍ تنزيل التحديث: { $percent }٪
update-installing = جارٍ تثبيت التحديث. سيُعاد تشغيل التطبيق تلقائيًا.
help-updates = التحديثات
help-updates-off = لا تبحث هذه النسخة من التطبيق عن تحديثات: توفّر جهتك الإصدارات الجديدة.
help-updates-never-checked = لم يبحث التطبيق عن تحديثات بعد.
help-updates-up-to-date = تم التحقق في { $date }: هذا أحدث إصدار.
help-updates-found = تم التحقق في { $date }: الإصدار { $version } متاح.
help-updates-failed = تم التحقق في { $date } دون رد: { $reason }
help-check-updates = البحث عن تحديثات
help-update-install = تثبيت الإصدار { $version } وإعادة التشغيل
update-failure-unreachable = تعذّر الوصول إلى خادم التحديثات.
update-failure-timeout = لم يستجب خادم التحديثات في الوقت المحدد.
update-failure-server-error = ردّ خادم التحديثات بخطأ.
update-failure-bad-manifest = تعذّرت قراءة ردّ خادم التحديثات.
update-failure-no-package = لا يوجد تحديث منشور لهذا النظام.
update-failure-rejected = التحديث غير موقَّع من جهتك.
update-failure-download-failed = انقطع التنزيل.
update-failure-install-failed = لم يكتمل التثبيت.

## Errors, one for each code (and the screen, where that changes what helps)

error-invalid-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقّق من كليهما وحاول مرة أخرى. إذا كنت قد أنشأت الحساب للتو، فأكّد بريدك الإلكتروني أولًا.
error-otp-required = أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة.
error-otp-invalid = لم ينجح هذا الرمز. تتغير الرموز كل 30 ثانية: أدخل الرمز الذي يعرضه تطبيقك الآن.
error-account-suspended = هذا الحساب موقوف. تواصل مع الجهة التي تدير الخادم.
error-session-expired = انتهت صلاحية جلستك. يُرجى تسجيل الدخول مرة أخرى.
error-link-invalid = هذا الرابط غير صالح. انسخ الرابط كاملًا من البريد الإلكتروني، أو اطلب رابطًا جديدًا.
error-link-invalid-verify = هذا الرابط غير صالح. انسخ الرابط كاملًا من البريد الإلكتروني والصقه مرة أخرى.
error-link-used = استُخدم هذا الرابط من قبل. اطلب رابطًا جديدًا أدناه.
error-link-used-verify = استُخدم هذا الرابط من قبل: من المرجّح أن بريدك الإلكتروني مؤكَّد بالفعل. جرّب تسجيل الدخول.
error-link-expired = انتهت صلاحية هذا الرابط. اطلب رابطًا جديدًا أدناه.
error-link-expired-verify = انتهت صلاحية هذا الرابط. سجّل مرة أخرى بالبريد الإلكتروني نفسه لتحصل على رابط جديد.
error-registration-closed = لا يقبل هذا الخادم إنشاء حسابات جديدة من التطبيق. تواصل مع الجهة التي تدير الخادم.
error-password-rejected = رفضت قواعد كلمات المرور في هذا الخادم كلمة المرور هذه. جرّب كلمة مرور أطول تمزج بين الكلمات والأرقام والرموز.
error-rate-limited = محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مرة أخرى.
error-rate-limited-seconds = محاولات كثيرة جدًا. حاول مرة أخرى بعد { $seconds ->
        [zero] { $seconds } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    }.
error-rate-limited-minutes = محاولات كثيرة جدًا. حاول مرة أخرى بعد { $minutes ->
        [zero] { $minutes } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }.
error-server-unavailable = الخادم مشغول أو قيد الصيانة. حاول مرة أخرى بعد قليل.
error-server-unreachable = تعذّر الوصول إلى الخادم. تحقّق من اتصالك بالإنترنت، ثم حاول مرة أخرى.
error-server-unreachable-server = لا يستجيب أي خادم على هذا العنوان. تحقّق منه ومن اتصالك بالإنترنت.
error-timeout = استغرق الخادم وقتًا طويلًا في الرد. حاول مرة أخرى بعد قليل.
error-not-directus = يستجيب هذا العنوان، لكنه ليس خادم ⁦Directus⁩. تحقّق من عنوان الخادم.
error-invalid-server-url = لا يمكن استخدام عنوان الخادم هذا: { $why }.
error-invalid-link-page-url = لا يمكن استخدام عنوان صفحة الروابط هذا: { $why }.
address-empty = العنوان فارغ
address-not-a-web-address = هذا ليس عنوان ويب (يجب أن يبدأ بـ ⁦https://⁩)
address-plain-http = لا يُسمح بـ ⁦http://⁩ غير المشفّر إلا لهذا الحاسوب؛ استخدم ⁦https://⁩
address-unsupported-scheme = لا تُدعم إلا عناوين ⁦https://⁩
address-no-host = لا يحتوي العنوان على اسم مضيف
address-has-credentials = يجب ألا يحتوي العنوان على اسم مستخدم أو كلمة مرور
address-too-long = العنوان طويل جدًا (500 حرف على الأكثر)
error-server-not-configured = الخادم غير مُعدّ لإرسال روابط هذا التطبيق بالبريد الإلكتروني. تواصل مع الجهة التي تديره.
error-server-not-configured-setting = الخادم غير مُعدّ لإرسال روابط هذا التطبيق بالبريد الإلكتروني (الإعداد { $setting }). تواصل مع الجهة التي تديره.
error-keychain-unavailable = { $store ->
        [none] سلسلة مفاتيح النظام
       *[other] سلسلة مفاتيح النظام ({ $store })
    } غير متاحة. يمكنك تسجيل الدخول، لكن سيلزمك تسجيل الدخول مجددًا في المرة القادمة.
error-keychain-unavailable-signed-in = { $store ->
        [none] سلسلة مفاتيح النظام
       *[other] سلسلة مفاتيح النظام ({ $store })
    } غير متاحة، لذا لن تبقى مسجّل الدخول إلا إلى أن يُغلَق التطبيق.
error-keychain-locked = { $store ->
        [none] سلسلة مفاتيح النظام
       *[other] سلسلة مفاتيح النظام ({ $store })
    } مقفلة. افتح قفلها لتبقى مسجّل الدخول بعد إغلاق التطبيق.
error-keychain-locked-sign-in = { $store ->
        [none] سلسلة مفاتيح النظام
       *[other] سلسلة مفاتيح النظام ({ $store })
    } مقفلة، لذا تتعذّر قراءة تسجيل الدخول المحفوظ. افتح قفلها واختر «إعادة المحاولة»، أو سجّل الدخول.
error-tls = شهادة الخادم غير موثوقة، لذا لم يرسل إليه التطبيق شيئًا. تحقّق من عنوان الخادم، أو اسأل الجهة التي تديره. هذه ليست مشكلة في اتصالك بالإنترنت.
error-server-changed = تغيّر الخادم أثناء تنفيذ هذه العملية. حاول مرة أخرى.
error-forbidden = لا يُسمح لحسابك بعرض هذا المحتوى، أو أن المحتوى لم يعد موجودًا. إذا كنت ترى أنه ينبغي أن يكون بإمكانك الوصول إليه، فاسأل الجهة التي تدير الخادم.
error-collection-not-allowed = هذا التطبيق غير مُعدّ لعرض هذا المحتوى. تواصل مع الجهة التي توفّره.
error-query-not-allowed = طلبت هذه الشاشة بيانات لم يُعدّ التطبيق لعرضها. تواصل مع الجهة التي توفّر التطبيق.
error-server-restricted = خادم هذه الجهة لا يقبل تسجيل الدخول حاليًا. أبلغ الجهة بذلك.
error-current-password-wrong = هذه ليست كلمة المرور الحالية. تحقّق منها وحاول مرة أخرى.
error-account-change-forbidden = لا تسمح لك جهتك بتغيير ذلك في التطبيق.
error-two-factor-required = تشترط جهتك استخدام المصادقة الثنائية. أعِدّها للمتابعة.
error-two-factor-required-off = تشترط جهتك استخدام المصادقة الثنائية، لذا لا يمكنك إيقافها.
error-update-rejected = رُفض هذا التحديث: فهو غير موقَّع من جهتك. لم يتغيّر شيء.
error-update-failed = تعذّر تنزيل التحديث أو تثبيته. حاول مرة أخرى لاحقًا، وإن تكرر ذلك فتواصل مع فريق الدعم.
error-unexpected = حدث خطأ غير متوقع. حاول مرة أخرى، أو تواصل مع فريق الدعم.
error-unexpected-status = أعطى الخادم ردًا غير متوقع (⁦HTTP { $status }⁩). حاول مرة أخرى، أو تواصل مع فريق الدعم.

## The diagnostic report: its title, headings and labels (its values stay in English, for the
## support desk)

report-title = تقرير تشخيص { $app } (لا يحتوي على أي كلمة مرور أو رمز مميز أو رمز رابط)
report-result = النتيجة
report-app = التطبيق
report-version = الإصدار
report-build = رقم البناء
report-system = النظام
report-webview = عارض الويب
report-log-folder = مجلد السجلات
report-server = الخادم
report-address = العنوان
report-set-by = مصدر الإعداد
report-answers = يستجيب
report-tls = TLS
report-project = المشروع
report-directus-version = إصدار Directus
report-registration = التسجيل
report-email-confirmation = تأكيد البريد الإلكتروني
report-sign-ins = عمليات تسجيل الدخول
report-email-links = روابط البريد الإلكتروني
report-style = الطريقة
report-reset-link = رابط إعادة التعيين
report-verification-link = رابط التأكيد
report-reset-accepted = قبول رابط إعادة التعيين
report-verification-accepted = قبول التأكيد
report-links-opened-by = تُفتح الروابط بواسطة
report-keychain = سلسلة المفاتيح
report-store = المخزن
report-state = الحالة
report-updates = التحديثات
report-update-source = المصدر
report-update-last-check = آخر تحقق
report-update-now = الآن
report-session = الجلسة
report-signed-out-because = سبب تسجيل الخروج
report-remembered = محفوظة
report-access-expires = تنتهي صلاحية الوصول بعد
report-problem = المشكلة
report-recent-errors = الأخطاء الأخيرة
report-checks = الفحوص

## The hand-off page (hand-off/index.html): what a browser shows when an email's link goes
## through the organisation's web site. { $app } is the app's name; $button, $forgot and
## $resend are the app's own buttons (its messages above), shown in bold.

hand-off-title = فتح { $app }
hand-off-reset-title = إعادة تعيين كلمة المرور
hand-off-reset-lead = يفتح { $app } على شاشة إعادة تعيين كلمة المرور لحسابك.
hand-off-verify-title = تأكيد عنوان بريدك الإلكتروني
hand-off-verify-lead = يؤكد { $app } عنوانك، ثم يمكنك تسجيل الدخول.
hand-off-open = فتح { $app }
hand-off-paste-label = أو الصق هذا الرابط في التطبيق
hand-off-copy = نسخ الرابط
hand-off-copied = تم النسخ. الصقه في { $app }.
hand-off-copy-by-hand = تم التحديد: اضغط ⁦Ctrl+C⁩ (أو ⁦⌘C⁩ على جهاز ⁦Mac⁩) للنسخ.
hand-off-nothing-happened = لم يحدث شيء؟ افتح { $app }، واختر { $button }، ثم الصق الرابط. يحتوي الرابط على رمز لمرة واحدة لحسابك: لا تشاركه مع أحد.
hand-off-broken-title = هذا الرابط غير مكتمل
hand-off-broken-cut = بعض برامج البريد تقتطع الروابط الطويلة. افتح الرابط من البريد الإلكتروني مرة أخرى، أو انسخه كاملًا إلى متصفحك.
hand-off-broken-new = إذا استمرت المشكلة، فاطلب رسالة جديدة من { $app } ({ $forgot } أو { $resend }).
hand-off-no-script-title = إتمام العملية في { $app }
hand-off-no-script-copy = انسخ العنوان الكامل لهذه الصفحة من شريط العناوين في متصفحك.
hand-off-no-script-open = افتح { $app } واختر { $button }.
hand-off-no-script-paste = الصق العنوان ثم تابع.
hand-off-no-script-secret = يحتوي العنوان على رمز لمرة واحدة لحسابك: لا تشاركه مع أحد.
