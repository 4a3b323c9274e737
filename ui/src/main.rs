//! The Dioxus UI. It only calls the app's Tauri commands (`invoke`) and listens to its events:
//! it never talks to Directus and never sees a session token.

mod api;
mod components;
mod copy;
mod invoke;
mod routing;
mod screens;
mod validation;

use account_bridge::{BridgeError, LinkKind, LinkView, ServerInfoView, SessionView};
use dioxus::prelude::*;
use futures_util::StreamExt;
use routing::Screen;

fn main() {
    dioxus::launch(App);
}

/// What every screen shares.
#[derive(Clone, Copy)]
pub struct AppState {
    pub screen: Signal<Screen>,
    pub session: Signal<SessionView>,
    /// `/server/info` of the server in use: name, colour, whether registration verifies email.
    pub server: Signal<Option<ServerInfoView>>,
    /// The email carried from one screen to the next (prefills the forms).
    pub email: Signal<String>,
    /// A success message for the sign-in screen ("Password changed…").
    pub notice: Signal<Option<String>>,
    /// The link (verification or reset) the core holds, from a paste or a deep link.
    pub link: Signal<Option<LinkView>>,
    /// A deep link the core refused ("this link isn't valid").
    pub link_notice: Signal<Option<String>>,
    /// A reset link that arrived while the user was using another: they choose which to keep.
    pub arrived: Signal<Option<LinkView>>,
    /// The core could not start: the window says what failed instead of the screens.
    pub startup_failure: Signal<Option<BridgeError>>,
}

impl AppState {
    pub fn go(mut self, screen: Screen) {
        self.screen.set(screen);
    }

    /// A deep link arrived while the app runs. A user halfway through a reset is asked before
    /// another reset link replaces theirs; anything else is followed at once.
    pub async fn link_arrived(mut self, link: LinkView) {
        let mid_reset = *self.screen.peek() == Screen::Reset
            && self
                .link
                .peek()
                .as_ref()
                .is_some_and(|current| current.kind == LinkKind::ResetPassword);
        if mid_reset && link.kind == LinkKind::ResetPassword {
            self.arrived.set(Some(link));
            return;
        }
        spawn(async move {
            if let Ok(Some(link)) = api::accept_arrived_link().await {
                self.follow_link(link);
            }
        });
    }

    /// A link arrived (deep link at start or while running): its screen takes over.
    pub fn follow_link(mut self, link: LinkView) {
        self.link_notice.set(None);
        let screen = routing::screen_for_link(link.kind);
        self.link.set(Some(link));
        self.screen.set(screen);
    }

    /// Sign-in with the email prefilled and a message saying what just happened.
    pub fn to_sign_in(mut self, email: Option<String>, notice: Option<String>) {
        if let Some(email) = email {
            self.email.set(email);
        }
        self.notice.set(notice);
        self.screen.set(Screen::SignIn);
    }

    /// Reads `/server/info` again (after start-up or a server change).
    pub fn refresh_server_info(mut self) {
        spawn(async move {
            if let Ok(info) = api::test_connection(None).await {
                apply_brand_colour(info.project_color.as_deref());
                self.server.set(Some(info));
            }
        });
    }
}

#[component]
fn App() -> Element {
    let state = AppState {
        screen: use_signal(|| Screen::Starting),
        session: use_signal(|| SessionView::Restoring),
        server: use_signal(|| None),
        email: use_signal(String::new),
        notice: use_signal(|| None),
        link: use_signal(|| None),
        link_notice: use_signal(|| None),
        arrived: use_signal(|| None),
        startup_failure: use_signal(|| None),
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
            if let Ok(Some(failure)) = api::startup_failure().await {
                state.startup_failure.set(Some(failure));
                state.screen.set(Screen::StartupFailed);
                return;
            }
            api::on_session_changed(move |view: SessionView| {
                let next = routing::after_session_change(*state.screen.peek(), &view);
                state.session.set(view);
                state.screen.set(next);
            })
            .await;
            if let Ok(Some(email)) = api::last_email().await {
                if state.email.peek().is_empty() {
                    state.email.set(email);
                }
            }
            if let Ok(view) = api::session_view().await {
                let next = routing::after_session_change(*state.screen.peek(), &view);
                state.session.set(view);
                state.screen.set(next);
            }
            let arrived = arrivals.tx();
            api::on_link_opened(move |link: LinkView| {
                let _ = arrived.unbounded_send(link);
            })
            .await;
            api::on_link_rejected(move |error: BridgeError| {
                state
                    .link_notice
                    .set(Some(copy::error_copy(&error, copy::Context::Verify)));
            })
            .await;
            // A link that came before the page was ready (a cold start from an email).
            if let Ok(Some(link)) = api::pending_link().await {
                state.follow_link(link);
            }
        });
        state.refresh_server_info();
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
    let screen = *state.screen.read();
    rsx! {
        div { class: "app",
            header { class: "brand",
                match logo {
                    Some(logo) => rsx! { img { id: "project-logo", class: "brand-logo", src: "{logo}", alt: "" } },
                    None => rsx! { span { class: "brand-mark", "aria-hidden": "true" } },
                }
                span { id: "project", {project.unwrap_or_else(|| "Directus".into())} }
            }
            if let Some(notice) = state.link_notice.read().clone() {
                div { id: "link-notice", class: "banner notice-error", role: "alert",
                    p { "{notice}" }
                    button { id: "dismiss-link-notice", class: "link", r#type: "button",
                        onclick: move |_| { let mut notice = state.link_notice; notice.set(None); }, "Dismiss" }
                }
            }
            main {
                match screen {
                    Screen::Starting => rsx! { screens::starting::Starting {} },
                    Screen::SignIn => rsx! { screens::sign_in::SignIn {} },
                    Screen::Register => rsx! { screens::register::Register {} },
                    Screen::Verify => rsx! { screens::verify::Verify {} },
                    Screen::Forgot => rsx! { screens::forgot::Forgot {} },
                    Screen::Reset => rsx! { screens::reset::Reset {} },
                    Screen::SignedIn => rsx! { screens::signed_in::SignedIn {} },
                    Screen::Server => rsx! { screens::server::ServerScreen {} },
                    Screen::StartupFailed => rsx! { screens::starting::StartupFailed {} },
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
