//! The app in the customer's language: German from the system's language, Arabic picked in the
//! app (right to left, mirrored), and the pseudo-locale en-XA over every screen, where any text
//! not taken from the catalogue, or clipped at a third more length, fails the test.

use test_support::admin::Admin;
use test_support::app::AppUnderTest;
use test_support::fault_proxy::FaultProxy;
use test_support::{mailbox, test_password, unique_email, LocalDirectus};

/// Elements that show data rather than the app's words: the customer's email, addresses,
/// names, the organisation's announcements, versions and paths, codes, and the picker's
/// language names (each in its own language). The screens mark each one with `data-value`:
/// chosen by what an element shows, not by its tag, so a word typed into the markup of a
/// `strong` or a `code` is still caught.
const DATA: &str = "[data-value]";

/// Texts on the page that are not inside ⟦ ⟧ (after leaving out `DATA`), elements whose text
/// is cut off or overflows its box, and a page wider than the window.
const UNMARKED: &str = r#"
const data = arguments[0];
const shown = (el) => el.getClientRects().length > 0;
const text = (el) => {
  let s = '';
  for (const n of el.childNodes) {
    if (n.nodeType === 3) s += n.textContent;
    else if (n.nodeType === 1 && !n.matches(data)) s += text(n);
  }
  return s;
};
const strip = (s) => {
  let before;
  do { before = s; s = s.replace(/⟦[^⟦⟧]*⟧/g, ''); } while (s !== before);
  return s;
};
const problems = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest(data) || !shown(el) || el.tagName === 'SCRIPT') continue;
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (own) {
    const rest = strip(text(el));
    if (/\p{L}/u.test(rest)) problems.push(`not from the catalogue: <${el.tagName.toLowerCase()} id="${el.id}"> ${text(el)}`);
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      problems.push(`clipped: <${el.tagName.toLowerCase()} id="${el.id}"> ${el.scrollWidth} > ${el.clientWidth}`);
  }
  for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
    const value = el.getAttribute(name);
    if (value && /\p{L}/u.test(strip(value))) problems.push(`${name} not from the catalogue: ${value}`);
  }
}
if (document.documentElement.scrollWidth > window.innerWidth + 1)
  problems.push(`the page is wider than the window: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
return problems;
"#;

async fn problems_on_screen(app: &AppUnderTest) -> Vec<String> {
    let problems = app
        .client
        .execute(UNMARKED, vec![serde_json::json!(DATA)])
        .await
        .unwrap();
    serde_json::from_value(problems).unwrap()
}

/// The check itself: a text planted outside the catalogue, one in a `strong` and a `code` (tags
/// that often hold data, but not always), and one that cannot fit, are found; data marked as
/// data is not.
async fn the_check_finds_what_it_looks_for(app: &AppUnderTest) {
    app.client
        .execute(
            "const card = document.querySelector('.card'); \
             const plain = document.createElement('p'); plain.id = 'planted-plain'; \
             plain.textContent = 'Typed in the code'; card.appendChild(plain); \
             for (const tag of ['strong', 'code']) { \
               const words = document.createElement(tag); words.id = `planted-${tag}`; \
               words.textContent = 'Sent'; card.appendChild(words); } \
             const data = document.createElement('strong'); data.id = 'planted-data'; \
             data.dataset.value = 'true'; data.textContent = 'someone@example.com'; \
             card.appendChild(data); \
             const narrow = document.createElement('p'); narrow.id = 'planted-narrow'; \
             narrow.style.width = '20px'; narrow.style.whiteSpace = 'nowrap'; \
             narrow.style.overflow = 'hidden'; narrow.textContent = '⟦Ŧooo ŀooƞɠ⟧'; \
             card.appendChild(narrow);",
            vec![],
        )
        .await
        .unwrap();
    let problems = problems_on_screen(app).await;
    app.client
        .execute(
            "for (const id of ['plain', 'strong', 'code', 'data', 'narrow']) \
               document.getElementById(`planted-${id}`).remove();",
            vec![],
        )
        .await
        .unwrap();
    let found = |id: &str| problems.iter().any(|p| p.contains(id));
    assert!(
        found("planted-plain")
            && found("planted-strong")
            && found("planted-code")
            && !found("planted-data")
            && problems
                .iter()
                .any(|p| p.contains("clipped") && p.contains("planted-narrow")),
        "{problems:#?}"
    );
}

/// Fails with the list of texts that bypass the catalogue or do not fit, on the screen shown.
async fn all_from_the_catalogue(app: &AppUnderTest, screen: &str) {
    let shot = app.screenshot(screen).await;
    let problems = problems_on_screen(app).await;
    assert!(
        problems.is_empty(),
        "{screen} ({}): {problems:#?}",
        shot.display()
    );
}

/// Clicks `button`, waits for `shown`, then checks the screen as `all_from_the_catalogue` does.
async fn click_then_check(app: &AppUnderTest, button: &str, shown: &str, screen: &str) {
    app.click(button).await;
    app.element(shown).await;
    all_from_the_catalogue(app, screen).await;
}

/// Chooses a language in the picker (as a change of the select: WebKit's driver does not
/// open native pop-up lists).
async fn pick_language(app: &AppUnderTest, code: &str) {
    app.element("#language").await;
    app.client
        .execute(
            "const s = document.getElementById('language'); s.value = arguments[0]; \
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::json!(code)],
        )
        .await
        .unwrap();
}

async fn page_language(app: &AppUnderTest) -> (String, String) {
    let lang = app
        .client
        .execute("return document.documentElement.lang", vec![])
        .await
        .unwrap();
    let dir = app
        .client
        .execute("return document.documentElement.dir", vec![])
        .await
        .unwrap();
    (
        lang.as_str().unwrap_or_default().to_string(),
        dir.as_str().unwrap_or_default().to_string(),
    )
}

/// The horizontal middle of an element.
async fn centre_x(app: &AppUnderTest, css: &str) -> f64 {
    let (x, _, width, _) = app.element(css).await.rectangle().await.unwrap();
    x + width / 2.0
}

/// Wrong password, a registration with a missing name, and a password reset, in the language
/// the app speaks; a screenshot of each. `words`: what each step must say.
async fn sign_in_register_reset(app: &AppUnderTest, local: &LocalDirectus, words: &Words) {
    let admin = Admin::new(local);
    let (email, password) = (unique_email(words.tag), test_password());
    admin.create_customer(&email, &password).await;

    app.fill("#email", &email).await;
    app.fill("#password", "not the password").await;
    app.press_enter("#password").await;
    app.wait_for_text_containing("#form-error", words.wrong_password)
        .await;
    app.screenshot("01-wrong-password").await;

    app.click("#go-register").await;
    app.element("#register-form").await;
    app.fill("#last-name", "Lovelace").await;
    app.click("#register").await;
    app.wait_for_text_containing("#first-name-error", words.first_name_missing)
        .await;
    app.screenshot("02-register-validation").await;
    app.click("#go-sign-in").await;

    app.click("#go-forgot").await;
    app.fill("#email", &email).await;
    app.press_enter("#email").await;
    app.element("#forgot-sent").await;
    app.paste_mailed_link(&local.maildev_url, &email, mailbox::RESET_PASSWORD)
        .await;
    app.wait_for_text_containing("#reset-title", words.reset_title)
        .await;
    let new_password = test_password();
    app.fill("#password", &new_password).await;
    app.fill("#confirm", &new_password).await;
    app.screenshot("03-reset").await;
    app.press_enter("#confirm").await;
    app.wait_for_text_containing("#banner", words.password_changed)
        .await;
    app.screenshot("04-password-changed").await;

    app.fill("#password", &new_password).await;
    app.press_enter("#password").await;
    app.wait_for_text_containing("#signed-in-title", words.signed_in)
        .await;
    // Dates in the language too: the newest announcement's, as the language writes dates.
    app.click("#open-announcements").await;
    let date = app.text_of("#announcements-list .item-date").await;
    assert!(
        words.date_shape.iter().any(|part| date.contains(part)),
        "{}: {date}",
        words.tag
    );
    app.screenshot("05-announcements").await;
}

struct Words {
    tag: &'static str,
    wrong_password: &'static str,
    first_name_missing: &'static str,
    reset_title: &'static str,
    password_changed: &'static str,
    signed_in: &'static str,
    /// Something each date shows in this language (a month's name, the digits it uses).
    date_shape: &'static [&'static str],
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn german_from_the_systems_language_then_picked_and_kept() {
    let local = LocalDirectus::from_env();
    let server = FaultProxy::start(&local.url, Some("10.200.0.20")).await;
    let env = [
        ("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str()),
        ("LANGUAGE", "de_DE"),
    ];
    let app = AppUnderTest::launch("languages-german", &env).await;
    app.wait_for_text_containing("#sign-in-title", "Anmelden")
        .await;
    assert_eq!(page_language(&app).await, ("de".into(), "ltr".into()));
    let automatic = app
        .client
        .execute(
            "return document.querySelector('#language option[value=\"\"]').textContent",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(automatic.as_str(), Some("Automatisch (Deutsch)"));
    app.screenshot("00-sign-in").await;
    sign_in_register_reset(
        &app,
        &local,
        &Words {
            tag: "german",
            wrong_password: "E-Mail-Adresse oder Passwort ist falsch.",
            first_name_missing: "Geben Sie Ihren Vornamen ein.",
            reset_title: "Neues Passwort wählen",
            password_changed: "Passwort geändert.",
            signed_in: "Sie sind angemeldet",
            date_shape: &[
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember",
            ],
        },
    )
    .await;
    app.click("#back-to-account").await;
    app.click("#sign-out").await;

    // Picked in the app: at once, what was typed stays, and it holds after a restart.
    app.fill("#email", "kept@example.com").await;
    pick_language(&app, "fr").await;
    app.wait_for_text_containing("#sign-in-title", "Connexion")
        .await;
    assert_eq!(app.value_of("#email").await, "kept@example.com");
    assert_eq!(page_language(&app).await.0, "fr");
    app.quit().await;
    let app = AppUnderTest::relaunch("languages-german", &env).await;
    app.wait_for_text_containing("#sign-in-title", "Connexion")
        .await;
    // "Automatic" goes back to the system's language.
    pick_language(&app, "").await;
    app.wait_for_text_containing("#sign-in-title", "Anmelden")
        .await;
    app.quit().await;

    // The diagnostic report's headings in German; its values stay as they are.
    let report = std::process::Command::new(test_support::app::app_binary())
        .args(["--diagnose", "--server", &local.url])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("LANGUAGE", "de")
        .env(
            "XDG_DATA_HOME",
            AppUnderTest::home("languages-german-report").join("data"),
        )
        .env(
            "XDG_CONFIG_HOME",
            AppUnderTest::home("languages-german-report").join("config"),
        )
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&report.stdout);
    for expected in [
        "Diagnosebericht von Directus Desktop",
        "\nSchlüsselbund\n",
        "\nLinks in E-Mails\n",
    ] {
        assert!(report.contains(expected), "{expected:?} in:\n{report}");
    }
    assert!(
        report
            .lines()
            .any(|line| line.starts_with("  Antwortet ") && line.contains("yes, /server/ping in")),
        "{report}"
    );
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn arabic_picked_in_the_app_mirrors_the_layout() {
    let local = LocalDirectus::from_env();
    let server = FaultProxy::start(&local.url, Some("10.200.0.21")).await;
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str())];
    let app = AppUnderTest::launch("languages-arabic", &env).await;
    app.wait_for_text_containing("#sign-in-title", "Sign in")
        .await;
    pick_language(&app, "ar").await;
    app.wait_for_text_containing("#sign-in-title", "تسجيل الدخول")
        .await;
    assert_eq!(page_language(&app).await, ("ar".into(), "rtl".into()));

    // Mirrored: the logo and title start on the right, the show/hide button sits at the
    // field's end (its left).
    assert!(centre_x(&app, ".brand-mark").await > centre_x(&app, "#project").await);
    assert!(centre_x(&app, "#password-toggle").await < centre_x(&app, "#password").await);
    // The title's text starts at the card's right edge.
    let gaps = app
        .client
        .execute(
            "const h = document.getElementById('sign-in-title'); const r = document.createRange(); \
             r.selectNodeContents(h); const t = r.getBoundingClientRect(); \
             const b = h.getBoundingClientRect(); return [b.right - t.right, t.left - b.left];",
            vec![],
        )
        .await
        .unwrap();
    let gaps: Vec<f64> = serde_json::from_value(gaps).unwrap();
    assert!(gaps[0].abs() < 2.0 && gaps[1] > 50.0, "{gaps:?}");
    // Addresses stay left to right inside the right-to-left page.
    let direction = app
        .client
        .execute(
            "return getComputedStyle(document.getElementById('email')).direction",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(direction.as_str(), Some("ltr"));
    app.screenshot("00-sign-in").await;

    sign_in_register_reset(
        &app,
        &local,
        &Words {
            tag: "arabic",
            wrong_password: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
            first_name_missing: "أدخل اسمك الأول.",
            reset_title: "اختيار كلمة مرور جديدة",
            password_changed: "تم تغيير كلمة المرور.",
            signed_in: "لقد سجّلت الدخول",
            // Arabic-Indic digits, as Arabic dates are written.
            date_shape: &["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"],
        },
    )
    .await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn the_pseudo_locale_shows_every_screen_from_the_catalogue_unclipped() {
    let local = LocalDirectus::from_env();
    let server = FaultProxy::start(&local.url, Some("10.200.0.22")).await;
    let env = [
        ("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str()),
        ("LANGUAGE", "en_XA"),
    ];
    let admin = Admin::new(&local);
    let (email, password) = (unique_email("pseudo"), test_password());
    admin.create_customer(&email, &password).await;
    let app = AppUnderTest::launch("languages-pseudo", &env).await;
    app.element("#sign-in-form").await;
    app.wait_for_text_containing("#sign-in-title", "⟦").await;
    the_check_finds_what_it_looks_for(&app).await;
    all_from_the_catalogue(&app, "sign-in").await;
    app.press_enter("#email").await;
    app.element("#email-error").await;
    all_from_the_catalogue(&app, "sign-in-empty").await;
    app.fill("#email", &email).await;
    app.fill("#password", "not the password").await;
    app.press_enter("#password").await;
    app.element("#form-error").await;
    app.click("#password-toggle").await;
    all_from_the_catalogue(&app, "sign-in-wrong-password").await;

    app.click("#go-register").await;
    app.click("#register").await;
    app.element("#first-name-error").await;
    app.fill("#password", "short").await;
    all_from_the_catalogue(&app, "register-problems").await;
    app.click("#go-sign-in").await;

    app.click("#go-forgot").await;
    all_from_the_catalogue(&app, "forgot").await;
    app.fill("#email", &email).await;
    app.press_enter("#email").await;
    app.element("#forgot-sent").await;
    all_from_the_catalogue(&app, "forgot-sent").await;
    let link =
        mailbox::wait_for_app_link(&local.maildev_url, &email, mailbox::RESET_PASSWORD).await;

    app.click("#go-paste-link").await;
    all_from_the_catalogue(&app, "paste-link").await;
    app.fill("#link", "directus-desktop://reset-password?token=broken")
        .await;
    click_then_check(&app, "#use-link", "#form-error", "paste-link-invalid").await;
    app.fill("#link", &link).await;
    app.click("#use-link").await;
    app.element("#reset-form").await;
    click_then_check(&app, "#reset", "#password-error", "reset").await;
    app.click("#go-sign-in").await;

    // A confirmation link: the confirm screen, then the confirmed one.
    let verify_email = unique_email("pseudo-verify");
    let verify_link = test_support::register_and_read_verify_link(&local, &verify_email).await;
    app.click("#go-paste-link").await;
    app.fill("#link", &verify_link).await;
    click_then_check(&app, "#use-link", "#confirm-email", "confirm-email").await;
    click_then_check(&app, "#confirm-email", "#verified", "email-confirmed").await;
    app.click("#go-sign-in").await;

    click_then_check(&app, "#go-server", "#server-form", "server").await;
    click_then_check(
        &app,
        "#test-connection",
        "#connection-status",
        "server-connected",
    )
    .await;
    app.fill("#server-url-input", "http://example.com").await;
    click_then_check(&app, "#save-server", "#connection-error", "server-refused").await;
    app.click("#go-help").await;
    app.element("#app-version").await;
    click_then_check(&app, "#check-links", "#links-result", "help").await;
    app.click("#help-back").await;

    app.fill("#email", &email).await;
    app.fill("#password", &password).await;
    app.press_enter("#password").await;
    app.element("#signed-in").await;
    all_from_the_catalogue(&app, "signed-in").await;
    click_then_check(
        &app,
        "#open-announcements",
        "#announcements-list",
        "announcements",
    )
    .await;
    click_then_check(
        &app,
        "#announcements-list .item-link",
        "#announcement-body",
        "announcement",
    )
    .await;
    app.click("#back-to-account").await;
    click_then_check(&app, "#sign-out", "#banner", "signed-out").await;

    // A two-factor account: the code field and its hint.
    let (second, second_password) = (unique_email("pseudo-2fa"), test_password());
    admin
        .create_customer_with_two_factor(&second, &second_password)
        .await;
    app.fill("#email", &second).await;
    app.fill("#password", &second_password).await;
    app.press_enter("#password").await;
    app.element("#otp").await;
    all_from_the_catalogue(&app, "sign-in-code").await;
    app.quit().await;
}
