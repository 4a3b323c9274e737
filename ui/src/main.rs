//! The Dioxus UI. It only calls the app's Tauri commands (`invoke`) and listens to its events:
//! it never talks to Directus and never sees a session token.

mod api;
mod components;
mod copy;
mod form;
mod i18n;
mod invoke;
mod routing;
mod screens;
mod updates;
mod validation;

use account_bridge::{
    BridgeError, LanguageSource, LanguageView, LinkKind, LinkView, ServerInfoView, SessionView,
    UpdateView,
};
use dioxus::prelude::*;
use futures_util::StreamExt;
use routing::Screen;

fn main() {
    dioxus::launch(App);
}

/// What every screen shares. A screen's own data travels in its route (`Screen`).
#[derive(Clone, Copy)]
pub struct AppState {
    pub screen: Signal<Screen>,
    pub session: Signal<SessionView>,
    /// `/server/info` of the server in use: name, colour, whether registration verifies email.
    pub server: Signal<Option<ServerInfoView>>,
    /// The email of the last sign-in on this device (the core keeps it; the session updates
    /// it): the sign-in form starts with it when its route brings none.
    pub last_email: Signal<String>,
    /// A deep link the core refused, said above the screen that showed when it came; it
    /// leaves with that screen (or when dismissed, or a link is followed), so no later screen
    /// inherits it.
    pub link_notice: Signal<Option<LinkNotice>>,
    /// The protected screen the user was on when the session expired: shown again once they
    /// sign in again.
    pub back_to: Signal<Option<Screen>>,
    /// The language spoken and what the picker offers (its catalogue is in `i18n`); None until
    /// the core's first answer.
    pub language: Signal<Option<LanguageView>>,
    /// Updates as the core last told them; None until asked (after the first paint).
    pub update: Signal<Option<UpdateView>>,
}

/// A refused link and the screen it was refused on.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkNotice {
    pub error: BridgeError,
    pub on: Screen,
}

impl LinkNotice {
    /// This notice once `showing` is the screen: kept on its own screen, gone from any other.
    /// One that came while the app was starting belongs to the first screen after it.
    fn on_screen(self, showing: &Screen) -> Option<LinkNotice> {
        match &self.on {
            Screen::Starting => Some(LinkNotice {
                on: showing.clone(),
                ..self
            }),
            on if on == showing => Some(self),
            _ => None,
        }
    }
}

impl AppState {
    /// Moves to `screen`; one that needs a session is never shown without one (the sign-in
    /// form shows instead, and leads back to it), nor while the organisation requires a
    /// two-factor set-up (which shows instead).
    pub fn go(mut self, screen: Screen) {
        let session = self.session.peek().clone();
        let signed_in = matches!(session, SessionView::SignedIn { .. });
        if screen.needs_session() && !signed_in {
            self.back_to
                .set(Some(screen).filter(|s| !matches!(s, Screen::SignedIn { .. })));
            self.screen.set(Screen::sign_in());
            return;
        }
        self.screen.set(screen.unless_two_factor_required(&session));
    }

    /// On the change-password screen: whether the change is under way (its sessions may end
    /// and begin meanwhile). When it stops and the session did not survive, to sign-in (not
    /// back to this form afterwards: the password may have changed meanwhile).
    pub fn set_password_change_in_progress(mut self, under_way: bool) {
        let signed_in = matches!(*self.session.peek(), SessionView::SignedIn { .. });
        if !under_way && !signed_in {
            self.screen.set(Screen::sign_in());
            return;
        }
        self.screen.with_mut(|screen| {
            if let Screen::ChangePassword { in_progress, .. } = screen {
                *in_progress = under_way;
            }
        });
    }

    /// A deep link the core refused: said on the screen showing now, and only there.
    pub fn link_refused(mut self, error: BridgeError) {
        let on = self.screen.peek().clone();
        self.link_notice.set(Some(LinkNotice { error, on }));
    }

    /// The session changed (an event, or the answer of sign-in, sign-out or a retry): the one
    /// place that moves the screens along with it.
    pub fn apply_session(mut self, view: SessionView) {
        if let SessionView::SignedIn { user, .. } = &view {
            if *self.last_email.peek() != user.email {
                self.last_email.set(user.email.clone());
            }
        }
        let current = self.screen.peek().clone();
        if let Some(point) = routing::return_point(&current, &view) {
            self.back_to.set(Some(point));
        } else if matches!(view, SessionView::SignedOut { .. }) && current.needs_session() {
            // The user signed out: the next sign-in (maybe someone else's) starts afresh.
            self.back_to.set(None);
        }
        let back_to = self.back_to.peek().clone();
        let next = routing::after_session_change(&current, &view, back_to.as_ref());
        if matches!(view, SessionView::SignedIn { .. }) && next.is_some() {
            self.back_to.set(None);
        }
        self.session.set(view);
        if let Some(next) = next {
            self.screen.set(next);
        }
    }

    /// A deep link arrived while the app runs. A user halfway through a reset is asked before
    /// another reset link replaces theirs; anything else is followed at once.
    pub async fn link_arrived(self, link: LinkView) {
        let mid_reset = matches!(*self.screen.peek(), Screen::Reset { .. });
        if mid_reset && link.kind == LinkKind::ResetPassword {
            self.set_arrived(Some(link));
            return;
        }
        if let Ok(Some(link)) = api::accept_arrived_link().await {
            self.follow_link(link);
        }
    }

    /// On the reset screen: the newer reset link waiting for the user's choice.
    pub fn set_arrived(mut self, link: Option<LinkView>) {
        self.screen.with_mut(|screen| {
            if let Screen::Reset { arrived, .. } = screen {
                *arrived = link;
            }
        });
    }

    /// A link arrived (deep link at start or while running): its screen takes over.
    pub fn follow_link(mut self, link: LinkView) {
        self.link_notice.set(None);
        self.screen.set(Screen::for_link(link));
    }

    /// Reads `/server/info` again (after start-up or a server change). The server's language
    /// counts when neither the customer nor the system chose one: it may have changed.
    pub fn refresh_server_info(mut self) {
        spawn(async move {
            if let Ok(info) = api::test_connection(None).await {
                apply_brand_colour(info.project_color.as_deref());
                self.server.set(Some(info));
                let server_decides = self.language.peek().as_ref().is_some_and(|language| {
                    matches!(
                        language.chosen_by,
                        LanguageSource::Server | LanguageSource::Default
                    )
                });
                if server_decides {
                    if let Ok(language) = api::language().await {
                        self.apply_language(language);
                    }
                }
            }
        });
    }

    /// Speaks `view`'s language, at once, on every screen.
    pub fn apply_language(mut self, view: LanguageView) {
        let changed = self
            .language
            .peek()
            .as_ref()
            .is_none_or(|current| current.code != view.code);
        if changed {
            i18n::set_language(&view);
        }
        self.language.set(Some(view));
    }
}

#[component]
fn App() -> Element {
    let state = AppState {
        screen: use_signal(|| Screen::Starting),
        session: use_signal(|| SessionView::Restoring { user: None }),
        server: use_signal(|| None),
        last_email: use_signal(String::new),
        link_notice: use_signal(|| None),
        back_to: use_signal(|| None),
        language: use_signal(|| None),
        update: use_signal(|| None),
    };
    use_context_provider(|| state);

    // Links arrive through an event callback, outside Dioxus's runtime, where nothing can be
    // spawned: they queue here and are handled inside it.
    let arrivals = use_coroutine(move |mut links: UnboundedReceiver<LinkView>| async move {
        while let Some(link) = links.next().await {
            state.link_arrived(link).await;
        }
    });

    use_hook(move || {
        let mut state = state;
        spawn(async move {
            // Listening first, so no change between the two is missed; the three subscriptions
            // and then the one start-up call are all the round trips before the first paint.
            let arrived = arrivals.tx();
            let mut update = state.update;
            futures_util::join!(
                api::on_session_changed(move |view: SessionView| state.apply_session(view)),
                api::on_link_opened(move |link: LinkView| {
                    let _ = arrived.unbounded_send(link);
                }),
                api::on_link_rejected(move |error: BridgeError| state.link_refused(error)),
                api::on_update_changed(move |view: UpdateView| update.set(Some(view))),
            );
            let Ok(startup) = api::startup().await else {
                return;
            };
            state.apply_language(startup.language);
            if let Some(failure) = startup.failure {
                state.go(Screen::StartupFailed { failure });
                return;
            }
            if let Some(branding) = startup.branding {
                apply_brand_colour(branding.project_color.as_deref());
                if state.server.peek().is_none() {
                    state.server.set(Some(branding));
                }
            }
            if let Some(email) = startup.last_email {
                state.last_email.set(email);
            }
            state.apply_session(startup.session);
            if let Some(link) = startup.link {
                state.follow_link(link);
            }
            let chosen = state.screen.peek().clone();
            let opening = routing::opening_screen(startup.no_server, chosen.clone());
            if opening != chosen {
                state.go(opening);
            }
            state.refresh_server_info();
            // After the first paint: nothing about updates may delay it.
            if let Ok(view) = api::updates().await {
                update.set(Some(view));
            }
        });
    });

    let project = state
        .server
        .read()
        .as_ref()
        .map(|info| info.project_name.clone());
    let logo = state
        .server
        .read()
        .as_ref()
        .and_then(|info| info.project_logo.clone());
    // A link notice belongs to the screen it came on: moving on takes it away.
    use_effect(move || {
        let showing = state.screen.read().clone();
        let mut notice = state.link_notice;
        let Some(refused) = notice.peek().clone() else {
            return;
        };
        let now = refused.clone().on_screen(&showing);
        if now.as_ref() != Some(&refused) {
            notice.set(now);
        }
    });
    // Until the effect has run, a notice of another screen is not drawn on this one.
    let link_notice = state
        .link_notice
        .read()
        .clone()
        .filter(|notice| notice.on == Screen::Starting || notice.on == *state.screen.read());

    let mut screen = state.screen.read().clone();
    // However the screen was set, what needs a session is not drawn without one, nor while the
    // organisation requires a two-factor set-up first.
    let session = state.session.read().clone();
    if screen.needs_session() && !matches!(session, SessionView::SignedIn { .. }) {
        screen = Screen::Starting;
    }
    let screen = screen.unless_two_factor_required(&session);
    rsx! {
        div { class: "app",
            header { class: "brand",
                match logo {
                    Some(logo) => rsx! { img { id: "project-logo", class: "brand-logo", src: "{logo}", alt: "" } },
                    None => rsx! { span { class: "brand-mark", "aria-hidden": "true" } },
                }
                span { id: "project", "data-value": "true", {project.unwrap_or_else(|| "Directus".into())} }
            }
            if let Some(refused) = link_notice {
                div { id: "link-notice", class: "banner notice-error", role: "alert",
                    p { {copy::error_copy(&refused.error, copy::Context::Verify)} }
                    button { id: "dismiss-link-notice", class: "link", r#type: "button",
                        onclick: move |_| { let mut notice = state.link_notice; notice.set(None); }, {i18n::t("dismiss")} }
                }
            }
            if !matches!(screen, Screen::Starting | Screen::StartupFailed { .. }) {
                updates::UpdateBanner {}
            }
            main {
                match screen {
                    Screen::Starting => rsx! { screens::starting::Starting {} },
                    Screen::SignIn { email, notice } => rsx! { screens::sign_in::SignIn { email, notice } },
                    Screen::Register { email } => rsx! { screens::register::Register { email } },
                    Screen::PasteLink { expected, problem } => rsx! { screens::paste_link::PasteLink { expected, problem } },
                    Screen::ConfirmEmail { link } => rsx! { screens::verify::ConfirmEmail { link } },
                    Screen::EmailConfirmed { email } => rsx! { screens::verify::EmailConfirmed { email } },
                    Screen::Forgot { email } => rsx! { screens::forgot::Forgot { email } },
                    Screen::Reset { link, arrived } => rsx! { screens::reset::Reset { link, arrived } },
                    Screen::SignedIn { notice } => rsx! { screens::signed_in::SignedIn { notice } },
                    Screen::EditName { first_name, last_name } => rsx! { screens::account::EditName { first_name, last_name } },
                    Screen::ChangePassword { ask_code, in_progress } => rsx! { screens::account::ChangePassword { ask_code, in_progress } },
                    Screen::TwoFactorOn => rsx! { screens::two_factor::TwoFactorOn { required: false } },
                    Screen::TwoFactorRequired => rsx! { screens::two_factor::TwoFactorOn { required: true } },
                    Screen::TwoFactorOff => rsx! { screens::two_factor::TwoFactorOff {} },
                    // Keyed: another page or item is a fresh screen (its own request).
                    Screen::Announcements { page } => rsx! { screens::announcements::List { key: "{page}", page } },
                    Screen::Announcement { id, page } => rsx! { screens::announcements::Item { key: "{id}", id, page } },
                    Screen::Server => rsx! { screens::server::ServerScreen {} },
                    Screen::Help => rsx! { screens::help::Help {} },
                    Screen::StartupFailed { failure } => rsx! { screens::starting::StartupFailed { failure } },
                }
            }
        }
    }
}

/// The server's project colour, when it set one, becomes the accent (through the CSSOM, which
/// the strict CSP allows, unlike inline style attributes).
fn apply_brand_colour(colour: Option<&str>) {
    let Some(colour) = colour.filter(|c| is_css_hex_colour(c)) else {
        return;
    };
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = root.style().set_property("--accent", colour);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = colour;
}

fn is_css_hex_colour(colour: &str) -> bool {
    let Some(hex) = colour.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_notice_leaves_with_its_screen() {
        let notice = |on: Screen| LinkNotice {
            error: BridgeError::new(account_bridge::ErrorCode::LinkInvalid),
            on,
        };
        let on_sign_in = notice(Screen::sign_in());
        assert_eq!(
            on_sign_in.clone().on_screen(&Screen::sign_in()),
            Some(on_sign_in.clone())
        );
        // Moving on, to any screen (the account's too, after signing in), takes it away; it
        // does not come back on returning to the screen it was about.
        for next in [
            Screen::account(),
            Screen::Help,
            Screen::Register {
                email: String::new(),
            },
        ] {
            assert_eq!(on_sign_in.clone().on_screen(&next), None, "{next:?}");
        }
        // Refused while the app was starting: said on the first screen after it.
        assert_eq!(
            notice(Screen::Starting).on_screen(&Screen::sign_in()),
            Some(on_sign_in)
        );
    }

    #[test]
    fn only_hex_colours_reach_the_stylesheet() {
        assert!(super::is_css_hex_colour("#6644FF"));
        assert!(super::is_css_hex_colour("#abc"));
        for bad in [
            "6644FF",
            "#66GGFF",
            "red",
            "#6644FF; background: url(x)",
            "",
        ] {
            assert!(!super::is_css_hex_colour(bad), "{bad}");
        }
    }
}
