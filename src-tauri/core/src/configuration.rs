//! Which server the app uses, where that came from, and where the emails' links go: decided
//! here once, by `Configuration::resolve`, for the app's start, the command line's report and a
//! change on the Server screen, so the three never disagree.

use crate::error::CoreError;
use crate::links::{LinkPage, LinkTargets};
use crate::server_url::ServerUrl;
use crate::settings::ServerChoice;
use account_bridge::{AddressProblem, ServerUrlSource};

/// The environment variable that overrides the saved server URL (support desks and tests).
pub const SERVER_URL_ENV: &str = "DIRECTUS_DESKTOP_SERVER_URL";

/// Overrides the saved hand-off page, for deployments that set it for every user.
pub const LINK_PAGE_ENV: &str = "DIRECTUS_DESKTOP_LINK_PAGE";

/// The local Directus that `scripts/run-app` starts: a development build's server when none
/// is configured.
pub const LOCAL_DEFAULT: &str = "http://127.0.0.1:8055/";

/// Which kind of build this is, for what happens when no server is configured anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// Falls back to the local development Directus (`scripts/run-app`).
    Development,
    /// Falls back to nothing: a customer's sign-in must never go to whatever listens on port
    /// 8055 of their computer. The window opens the server settings instead.
    Release,
}

impl Build {
    /// This binary's kind: a build with debug assertions is a development build.
    pub const fn current() -> Build {
        if cfg!(debug_assertions) {
            Build::Development
        } else {
            Build::Release
        }
    }
}

/// What is given from outside the settings file; each wins over what is saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--diagnose --server URL`: used as typed, even empty (the report then says why it
    /// can't be used). Wins over everything.
    pub server_argument: Option<String>,
    /// `DIRECTUS_DESKTOP_SERVER_URL`; blank counts as not set.
    pub server_url: Option<String>,
    /// `DIRECTUS_DESKTOP_LINK_PAGE`; blank counts as not set.
    pub link_page: Option<String>,
}

impl Overrides {
    /// None: what is saved decides. A change on the Server screen is used at once even when an
    /// environment variable is set; the variable wins again at the next start (the screen
    /// says so).
    pub fn none() -> Self {
        Overrides::default()
    }

    /// The process's environment variables.
    pub fn from_env() -> Self {
        Overrides {
            server_argument: None,
            server_url: std::env::var(SERVER_URL_ENV).ok(),
            link_page: std::env::var(LINK_PAGE_ENV).ok(),
        }
    }

    /// With the server the command line names (`--server`), if it names one.
    pub fn with_server_argument(mut self, server: Option<String>) -> Self {
        self.server_argument = server;
        self
    }
}

/// The server and the email links the app uses.
#[derive(Debug, Clone)]
pub struct Configuration {
    /// The server, or why the address given can't be used. An address given on purpose (the
    /// environment variable, `--server`) that is wrong is an error, never silently replaced by
    /// another server: the window shows it at start-up and the report names it. A release
    /// build with nothing configured gets the placeholder `LOCAL_DEFAULT` with the source
    /// `Unset`, and nothing is sent to it.
    pub server: Result<ServerUrl, CoreError>,
    /// The address as it was given (what the report shows when it can't be used).
    pub given: String,
    pub source: ServerUrlSource,
    /// The hand-off page the emails' links go through; None: straight to the app.
    pub link_page: Option<LinkPage>,
}

impl Configuration {
    /// Decides the configuration in the order a support desk expects: `--server`, the
    /// environment variable, the saved setting, then the local default (development builds
    /// only). A bad saved address is skipped with a warning (the Server screen can fix it);
    /// a bad hand-off page, from wherever, is logged and ignored (the emails then link to the
    /// app's scheme).
    pub fn resolve(overrides: &Overrides, saved: &ServerChoice, build: Build) -> Configuration {
        let link_page = link_page_from(overrides.link_page.as_deref(), saved.link_page.as_deref());
        if let Some(typed) = &overrides.server_argument {
            return Configuration {
                server: ServerUrl::parse(typed),
                given: typed.clone(),
                source: ServerUrlSource::CommandLine,
                link_page,
            };
        }
        let (server, source) =
            match server_from(build, overrides.server_url.as_deref(), saved.url.as_deref()) {
                Ok((url, source)) => (Ok(url), source),
                // Only the environment variable's value is an error (a saved one falls through).
                Err(error) => (Err(error), ServerUrlSource::Environment),
            };
        let given = match &server {
            Ok(url) => url.to_string(),
            Err(_) => overrides.server_url.clone().unwrap_or_default(),
        };
        Configuration {
            server,
            given,
            source,
            link_page,
        }
    }

    /// Where the next email's link will point: through the hand-off page when there is one,
    /// else to the app's `scheme`.
    pub fn link_targets(&self, scheme: &str) -> LinkTargets {
        link_targets(self.link_page.as_ref(), &LinkTargets::for_scheme(scheme))
    }

    /// The server as the diagnostic report looks at it: the address as given and whether it
    /// can be used. The placeholder of an unset server is no address to check (or to show).
    pub fn report_server(&self) -> (String, Result<ServerUrl, CoreError>) {
        match self.source {
            ServerUrlSource::Unset => (
                String::new(),
                Err(CoreError::InvalidServerUrl(AddressProblem::Empty)),
            ),
            _ => (self.given.clone(), self.server.clone()),
        }
    }
}

/// The emails' links: through the hand-off page when there is one, else `scheme_links`.
pub fn link_targets(link_page: Option<&LinkPage>, scheme_links: &LinkTargets) -> LinkTargets {
    match link_page {
        Some(page) => LinkTargets::for_page(page),
        None => scheme_links.clone(),
    }
}

/// The server URL: the environment variable, then the saved setting, then the local default
/// for `build`. A bad environment variable is an error (it was set on purpose, and silently
/// using another server would hide the mistake); a bad saved value is skipped with a warning.
/// When nothing is configured, a release build gets the local address only as a placeholder,
/// with `ServerUrlSource::Unset` (the service sends nothing to it, and the window asks for
/// the address).
fn server_from(
    build: Build,
    from_env: Option<&str>,
    from_settings: Option<&str>,
) -> Result<(ServerUrl, ServerUrlSource), CoreError> {
    if let Some(value) = from_env.filter(|v| !v.trim().is_empty()) {
        return ServerUrl::parse(value).map(|url| (url, ServerUrlSource::Environment));
    }
    if let Some(value) = from_settings.filter(|v| !v.trim().is_empty()) {
        match ServerUrl::parse(value) {
            Ok(url) => return Ok((url, ServerUrlSource::Settings)),
            Err(error) => tracing::warn!(%error, "ignoring the saved server URL"),
        }
    }
    let default = ServerUrl::parse(LOCAL_DEFAULT).expect("the default URL is valid");
    match build {
        Build::Development => Ok((default, ServerUrlSource::Default)),
        Build::Release => Ok((default, ServerUrlSource::Unset)),
    }
}

/// The hand-off page from the environment, else from the settings. A bad value is logged
/// and ignored: the emails then link to the app's scheme.
fn link_page_from(env_value: Option<&str>, saved: Option<&str>) -> Option<LinkPage> {
    let from_env = env_value.map(str::trim).filter(|v| !v.is_empty());
    let (value, origin) = match from_env {
        Some(value) => (value, LINK_PAGE_ENV),
        None => (saved.map(str::trim).filter(|v| !v.is_empty())?, "settings"),
    };
    match LinkPage::parse(value) {
        Ok(page) => Some(page),
        Err(error) => {
            tracing::warn!(%error, origin, "link page ignored");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As the command line resolved it before a build kind was passed: the development order.
    fn resolve_server_url(
        from_env: Option<&str>,
        from_settings: Option<&str>,
    ) -> Result<(ServerUrl, ServerUrlSource), CoreError> {
        server_from(Build::Development, from_env, from_settings)
    }

    #[test]
    fn resolution_order_is_env_then_settings_then_default() {
        let (url, source) =
            resolve_server_url(Some("https://env.example"), Some("https://saved.example")).unwrap();
        assert_eq!(
            (url.as_str(), source),
            ("https://env.example/", ServerUrlSource::Environment)
        );

        let (url, source) = resolve_server_url(None, Some("https://saved.example")).unwrap();
        assert_eq!(
            (url.as_str(), source),
            ("https://saved.example/", ServerUrlSource::Settings)
        );

        let (url, source) = resolve_server_url(Some(" "), None).unwrap();
        assert_eq!(
            (url.as_str(), source),
            (LOCAL_DEFAULT, ServerUrlSource::Default)
        );
    }

    #[test]
    fn only_a_development_build_falls_back_to_the_local_directus() {
        for (from_env, saved) in [(None, None), (Some(" "), Some("")), (None, Some("ftp://x"))] {
            let (_, source) = server_from(Build::Release, from_env, saved).unwrap();
            assert_eq!(source, ServerUrlSource::Unset, "{from_env:?} {saved:?}");
            let (url, source) = server_from(Build::Development, from_env, saved).unwrap();
            assert_eq!(
                (url.as_str(), source),
                (LOCAL_DEFAULT, ServerUrlSource::Default)
            );
        }
        // What is configured is used by both.
        for build in [Build::Release, Build::Development] {
            let (url, source) = server_from(build, None, Some("https://saved.example")).unwrap();
            assert_eq!(
                (url.as_str(), source),
                ("https://saved.example/", ServerUrlSource::Settings)
            );
        }
    }

    #[test]
    fn an_invalid_override_is_an_error_and_an_invalid_saved_value_falls_through() {
        let error = resolve_server_url(
            Some("http://insecure.example"),
            Some("https://saved.example"),
        )
        .unwrap_err();
        assert!(matches!(error, CoreError::InvalidServerUrl(_)), "{error:?}");
        let (url, source) = resolve_server_url(None, Some("ftp://saved.example")).unwrap();
        assert_eq!(
            (url.as_str(), source),
            (LOCAL_DEFAULT, ServerUrlSource::Default)
        );
    }

    #[test]
    fn the_environment_wins_and_a_bad_page_is_ignored() {
        let page = |env: Option<&str>, saved: Option<&str>| {
            link_page_from(env, saved).map(|p| p.as_str().to_string())
        };
        assert_eq!(page(None, None), None);
        assert_eq!(
            page(Some("https://a.example/"), Some("https://b.example/")).as_deref(),
            Some("https://a.example/")
        );
        assert_eq!(
            page(Some("  "), Some("https://b.example/")).as_deref(),
            Some("https://b.example/")
        );
        assert_eq!(page(Some("http://evil.example/"), None), None);
    }

    fn saved(url: Option<&str>, link_page: Option<&str>) -> ServerChoice {
        ServerChoice {
            url: url.map(Into::into),
            link_page: link_page.map(Into::into),
        }
    }

    #[test]
    fn the_command_line_wins_and_is_used_as_typed() {
        let overrides = Overrides {
            server_argument: Some("https://typed.example".into()),
            server_url: Some("https://env.example".into()),
            link_page: None,
        };
        let saved = saved(Some("https://saved.example"), Some("https://page.example/"));
        let configuration = Configuration::resolve(&overrides, &saved, Build::Release);
        assert_eq!(configuration.source, ServerUrlSource::CommandLine);
        assert_eq!(
            configuration.server.as_ref().unwrap().as_str(),
            "https://typed.example/"
        );
        // The hand-off page still comes from where the app would take it.
        assert_eq!(
            configuration.link_targets("app").reset_password,
            "https://page.example/reset-password"
        );

        let empty = Overrides::none().with_server_argument(Some(String::new()));
        let configuration = Configuration::resolve(&empty, &saved, Build::Release);
        assert_eq!(configuration.source, ServerUrlSource::CommandLine);
        assert!(matches!(
            configuration.report_server(),
            (given, Err(CoreError::InvalidServerUrl(AddressProblem::Empty))) if given.is_empty()
        ));
    }

    #[test]
    fn a_bad_environment_variable_is_reported_as_given() {
        let overrides = Overrides {
            server_url: Some("htps://cms.example.com".into()),
            ..Overrides::none()
        };
        let configuration =
            Configuration::resolve(&overrides, &ServerChoice::default(), Build::Release);
        assert_eq!(configuration.source, ServerUrlSource::Environment);
        let (given, server) = configuration.report_server();
        assert_eq!(given, "htps://cms.example.com");
        assert!(matches!(server, Err(CoreError::InvalidServerUrl(_))));
    }

    #[test]
    fn an_unset_server_is_a_placeholder_the_report_does_not_check() {
        let configuration =
            Configuration::resolve(&Overrides::none(), &ServerChoice::default(), Build::Release);
        assert_eq!(configuration.source, ServerUrlSource::Unset);
        assert_eq!(
            configuration.server.as_ref().unwrap().as_str(),
            LOCAL_DEFAULT
        );
        assert!(matches!(
            configuration.report_server(),
            (given, Err(CoreError::InvalidServerUrl(AddressProblem::Empty))) if given.is_empty()
        ));
        assert_eq!(
            configuration.link_targets("app"),
            LinkTargets::for_scheme("app")
        );
    }
}
