//! Every operation the screens call, on the server the app is pointed at: the one object the
//! Tauri edge holds.

use crate::configuration::{self, Build, Configuration, Overrides};
use crate::diagnostics::{self, AppFacts, ErrorHistory, Report, Subject};
use crate::directus::{Credentials, DirectusClient, Registration, Timeouts};
use crate::error::CoreError;
use crate::items::{self, AllowedCollections};
use crate::language;
use crate::links::{self, parse_link, LinkPage, LinkTargets, ParsedLink};
use crate::server_url::ServerUrl;
use crate::session::{RetryPolicy, Session};
use crate::settings::{ServerChoice, Settings, SettingsStore};
use crate::vault::Vault;
use account_bridge::commands;
use account_bridge::{
    AddressProblem, EmailLinksView, ItemPage, ItemQuery, LanguageView, LinkKind, LinkView,
    NewAccount, ServerInfoView, ServerSettingsView, ServerUrlSource, SessionView, StartupView,
    UserView,
};
use secrecy::SecretString;
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::watch;

/// One server and the session on it; replaced whole when the user picks another server.
struct ServerBinding {
    client: DirectusClient,
    session: Arc<Session>,
    source: ServerUrlSource,
}

impl ServerBinding {
    /// No server is configured: the client is a placeholder that sends nothing.
    fn unset(&self) -> bool {
        self.source == ServerUrlSource::Unset
    }

    /// What the window shows before `start`: the remembered user being checked, or the sign-in
    /// form when nobody is remembered (or there is no server to be remembered on).
    fn starting_view(&self) -> SessionView {
        match self.unset() {
            true => self.session.view(),
            false => self.session.starting_view(),
        }
    }
}

/// Every operation the screens call, on the server the app is pointed at.
pub struct AccountService {
    binding: RwLock<Arc<ServerBinding>>,
    vault: Arc<Vault>,
    timeouts: Timeouts,
    // The deep links, used when no hand-off page is set.
    scheme_links: LinkTargets,
    link_page: RwLock<Option<LinkPage>>,
    settings: Settings,
    views: watch::Sender<SessionView>,
    retry: RetryPolicy,
    // The link being used (opened by a paste, or a deep link the UI accepted): its token stays
    // here, not in the webview.
    pending_link: Mutex<Option<ParsedLink>>,
    // A deep link that arrived and waits for the UI: it does not replace the pending link
    // until the UI says so (a user halfway through a reset is asked first).
    arrived_link: Mutex<Option<ParsedLink>>,
    // The last failures the user met, for the support desk's report.
    errors: ErrorHistory,
    // The collections the screens may read (the app's configuration).
    collections: AllowedCollections,
    // The system's preferred languages, most preferred first.
    system_languages: Vec<String>,
    // Held while a server change saves its address and swaps the binding: two changes at once
    // would otherwise save one address and use the other.
    switching: Mutex<()>,
}

impl AccountService {
    pub fn new(
        url: ServerUrl,
        source: ServerUrlSource,
        timeouts: Timeouts,
        vault: Arc<Vault>,
        links: LinkTargets,
        settings: Arc<dyn SettingsStore>,
    ) -> Result<Self, CoreError> {
        let settings = Settings::new(settings);
        let (views, _) = watch::channel(SessionView::Restoring { user: None });
        let retry = RetryPolicy::default();
        let binding = Self::bind(url, source, timeouts, &vault, &settings, retry, &views)?;
        // Until `start` has read the keychain: the remembered user being checked, or the
        // sign-in form when nobody is remembered.
        views.send_replace(binding.starting_view());
        Ok(AccountService {
            binding: RwLock::new(binding),
            vault,
            timeouts,
            scheme_links: links,
            link_page: RwLock::new(None),
            settings,
            views,
            retry,
            pending_link: Mutex::new(None),
            arrived_link: Mutex::new(None),
            errors: ErrorHistory::default(),
            collections: AllowedCollections::default(),
            system_languages: Vec::new(),
            switching: Mutex::new(()),
        })
    }

    /// The system's preferred languages (`language::system_languages()` in the app; tests set
    /// their own). None: the system's language does not count.
    pub fn with_system_languages(mut self, languages: Vec<String>) -> Self {
        self.system_languages = languages;
        self
    }

    /// The collections the screens may read; none until this is called.
    pub fn with_collections(mut self, collections: AllowedCollections) -> Self {
        self.collections = collections;
        self
    }

    /// How the background task retries (tests shorten it). Call before `start`.
    pub fn with_retry_policy(mut self, retry: RetryPolicy) -> Result<Self, CoreError> {
        self.retry = retry;
        let current = self.current();
        let binding = Self::bind(
            current.client.base().clone(),
            current.source,
            self.timeouts,
            &self.vault,
            &self.settings,
            retry,
            &self.views,
        )?;
        self.views.send_replace(binding.starting_view());
        *self.binding.write().expect("never poisoned") = binding;
        Ok(self)
    }

    fn bind(
        url: ServerUrl,
        source: ServerUrlSource,
        timeouts: Timeouts,
        vault: &Arc<Vault>,
        settings: &Settings,
        retry: RetryPolicy,
        views: &watch::Sender<SessionView>,
    ) -> Result<Arc<ServerBinding>, CoreError> {
        let client = match source {
            ServerUrlSource::Unset => DirectusClient::placeholder(url, timeouts),
            _ => DirectusClient::new(url, timeouts),
        };
        let session = Session::new(
            client.clone(),
            vault.clone(),
            settings.clone(),
            retry,
            views.clone(),
        );
        Ok(Arc::new(ServerBinding {
            client,
            session,
            source,
        }))
    }

    /// Sends the emails' links through an https hand-off page instead of the app's scheme.
    pub fn with_link_page(self, page: Option<LinkPage>) -> Self {
        *self.link_page.write().expect("never poisoned") = page;
        self
    }

    /// Where the next email's link will point.
    pub fn link_targets(&self) -> LinkTargets {
        let link_page = self.link_page.read().expect("never poisoned");
        configuration::link_targets(link_page.as_ref(), &self.scheme_links)
    }

    fn current(&self) -> Arc<ServerBinding> {
        self.binding.read().expect("never poisoned").clone()
    }

    pub fn session(&self) -> Arc<Session> {
        self.current().session.clone()
    }

    /// Every change of the session's view, across server changes.
    pub fn subscribe(&self) -> watch::Receiver<SessionView> {
        self.views.subscribe()
    }

    /// Restores the stored session of the current server and keeps it fresh in the background.
    pub async fn start(&self) -> SessionView {
        Self::start_binding(&self.current()).await
    }

    /// Starts one binding's session: a server change starts the binding it made, not whichever
    /// is current by the time it gets here (a later change's, which that change starts).
    async fn start_binding(binding: &ServerBinding) -> SessionView {
        let session = binding.session.clone();
        if binding.unset() {
            // No server: no session to restore, nothing to keep fresh.
            return session.view();
        }
        session.spawn_background();
        // The HTTP client (the system's certificates) is made while the keychain is read.
        let client = binding.client.clone();
        tokio::spawn(async move {
            if let Err(error) = client.prepare().await {
                tracing::error!(%error, "no HTTP client could be made");
            }
        });
        session.restore().await
    }

    /// Before the app ends: the session's keychain write still under way is finished.
    pub async fn flush(&self) {
        self.session().flush().await;
    }

    /// "Try again" after the keychain could not be read at start-up (it was locked): looks
    /// again. Does nothing to a session that is signed in.
    pub async fn retry_restore(&self) -> SessionView {
        let session = self.session();
        match session.view() {
            SessionView::SignedOut { .. } => session.restore().await,
            other => other,
        }
    }

    pub fn session_view(&self) -> SessionView {
        self.views.borrow().clone()
    }

    /// What the window shows first, from memory and the settings file only.
    pub fn startup_view(&self) -> StartupView {
        StartupView {
            failure: None,
            session: self.session_view(),
            last_email: self.last_email(),
            branding: self.cached_server_info(),
            link: self.pending_link(),
            language: self.language_view(),
            no_server: self.current().unset(),
        }
    }

    /// The language the window speaks now, with its catalogue.
    pub fn language_view(&self) -> LanguageView {
        let (choice, server) = self.language_sources();
        language::view(choice.as_deref(), &self.system_languages, server.as_deref())
    }

    /// The language the app speaks now (for the texts the core writes itself).
    pub fn language(&self) -> &'static language::Language {
        let (choice, server) = self.language_sources();
        language::choose(choice.as_deref(), &self.system_languages, server.as_deref()).0
    }

    /// The customer's saved pick and the server's `default_language` as last read.
    fn language_sources(&self) -> (Option<String>, Option<String>) {
        let choice = self.settings.language();
        let server = self
            .cached_server_info()
            .and_then(|info| info.default_language);
        (choice, server)
    }

    /// The customer picked a language in the app (`None`: "Automatic" again). Saved, so it
    /// holds at the next start; a tag the app has no catalogue for counts as "Automatic".
    pub fn choose_language(&self, code: Option<&str>) -> LanguageView {
        let language = code.and_then(language::best_match);
        self.settings
            .save_language(language.map(|chosen| chosen.code));
        self.language_view()
    }

    /// The current server's `/server/info` as last read, if it was.
    fn cached_server_info(&self) -> Option<ServerInfoView> {
        self.settings.branding(self.current().client.base())
    }

    pub fn server_settings(&self) -> ServerSettingsView {
        let binding = self.current();
        ServerSettingsView {
            // The placeholder is not an address the customer should see, or keep.
            url: match binding.unset() {
                true => String::new(),
                false => binding.client.base().to_string(),
            },
            source: binding.source,
            link_page: self
                .link_page
                .read()
                .expect("never poisoned")
                .as_ref()
                .map(|page| page.as_str().to_string()),
        }
    }

    /// Checks a server: the one in use, or `url` before it is saved.
    pub async fn test_connection(&self, url: Option<&str>) -> Result<ServerInfoView, CoreError> {
        let result = async {
            match url.filter(|u| !u.trim().is_empty()) {
                Some(url) => {
                    let client = DirectusClient::new(ServerUrl::parse(url)?, self.timeouts);
                    Self::check_server(&client).await
                }
                None => {
                    let client = self.current().client.clone();
                    let info = Self::check_server(&client).await?;
                    // Kept for the next start's first paint, under the server that answered:
                    // the user may have moved to another one while it was on its way.
                    self.settings.save_branding(client.base(), &info);
                    Ok(info)
                }
            }
        }
        .await;
        self.noted(commands::TEST_CONNECTION, result)
    }

    async fn check_server(client: &DirectusClient) -> Result<ServerInfoView, CoreError> {
        let info = client.server_info().await?;
        let project_logo = match &info.project_logo {
            Some(id) => client.project_logo(id).await,
            None => None,
        };
        Ok(ServerInfoView {
            project_logo,
            url: client.base().to_string(),
            project_name: info.project_name,
            project_color: info.project_color,
            project_descriptor: info.project_descriptor,
            public_registration: info.public_registration,
            verify_email: info.verify_email,
            default_language: info.default_language,
        })
    }

    /// Points the app at another server and saves it. The session of the old server ends
    /// here (its keychain entry stays, for when the user comes back to it); a session stored
    /// for the new server is restored.
    /// `link_page` empty or None: the emails link to the app's scheme directly.
    pub async fn change_server(
        &self,
        url: &str,
        link_page: Option<&str>,
    ) -> Result<ServerSettingsView, CoreError> {
        let result = self.switch_server(url, link_page).await;
        self.noted(commands::CHANGE_SERVER, result)
    }

    async fn switch_server(
        &self,
        url: &str,
        link_page: Option<&str>,
    ) -> Result<ServerSettingsView, CoreError> {
        let url = ServerUrl::parse(url)?;
        let link_page = match link_page.map(str::trim).filter(|page| !page.is_empty()) {
            Some(page) => Some(LinkPage::parse(page)?),
            None => None,
        };
        // Saved and put in use in one turn, so the saved address is the one in use whatever
        // order two changes run in. Not held while the new session starts (that waits for the
        // keychain and the network); the session started is the one this change made.
        let started = {
            let _turn = self.switching.lock().expect("never poisoned");
            self.settings.save_server_choice(&url, link_page.as_ref());
            // Decided from what was just saved, not read back (a store that failed to save
            // must not send the user to another server), and without the environment: the
            // Server screen's change is used at once, the variables win again at the next
            // start.
            let chosen = ServerChoice {
                url: Some(url.to_string()),
                link_page: link_page.map(|page| page.as_str().to_string()),
            };
            let configuration =
                Configuration::resolve(&Overrides::none(), &chosen, Build::current());
            let url = configuration.server?;
            *self.link_page.write().expect("never poisoned") = configuration.link_page;
            let current = self.current();
            if !current.unset() && url.as_str() == current.client.base().as_str() {
                None
            } else {
                let binding = Self::bind(
                    url,
                    configuration.source,
                    self.timeouts,
                    &self.vault,
                    &self.settings,
                    self.retry,
                    &self.views,
                )?;
                let replaced = std::mem::replace(
                    &mut *self.binding.write().expect("never poisoned"),
                    binding.clone(),
                );
                // Whatever the old server's session still has under way is dropped from here on.
                replaced.session.retire();
                Some(binding)
            }
        };
        if let Some(binding) = started {
            Self::start_binding(&binding).await;
        }
        Ok(self.server_settings())
    }

    /// The email of the last successful sign-in, to prefill the form.
    pub fn last_email(&self) -> Option<String> {
        self.settings.last_email()
    }

    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
        otp: Option<&str>,
    ) -> Result<SessionView, CoreError> {
        let credentials = Credentials {
            email: email.trim(),
            password,
            otp: otp.map(str::trim).filter(|code| !code.is_empty()),
        };
        let view = self.noted(commands::SIGN_IN, self.session().sign_in(credentials).await)?;
        self.settings.save_last_email(email.trim());
        Ok(view)
    }

    pub async fn sign_out(&self) -> SessionView {
        self.session().sign_out().await
    }

    pub async fn current_user(&self) -> Result<UserView, CoreError> {
        let result = self.session().current_user().await;
        self.noted(commands::CURRENT_USER, result)
    }

    pub async fn register(&self, account: &NewAccount) -> Result<(), CoreError> {
        let result = self
            .current()
            .client
            .register(&Registration {
                email: account.email.trim(),
                password: &SecretString::from(account.password.clone()),
                first_name: Some(account.first_name.as_str()),
                last_name: Some(account.last_name.as_str()),
                verification_url: &self.link_targets().verify_email,
            })
            .await;
        self.noted(commands::REGISTER, result)
    }

    /// Accepts a link the user pasted and keeps its token for the next step.
    pub fn open_link(&self, text: &str, expected: Option<LinkKind>) -> Result<LinkView, CoreError> {
        let link = self.noted(commands::OPEN_LINK, parse_link(text, expected))?;
        tracing::info!(link = links::describe(&link), "link pasted");
        let view = link.view(now_secs());
        *self.arrived_link.lock().expect("never poisoned") = None;
        *self.pending_link.lock().expect("never poisoned") = Some(link);
        Ok(view)
    }

    /// A deep link from the system: checked and held until the UI accepts it
    /// (`accept_arrived_link`), so it never replaces a link the user is halfway through unasked.
    pub fn link_arrived(&self, text: &str) -> Result<LinkView, CoreError> {
        let link = self.noted("deep_link", parse_link(text, None))?;
        tracing::info!(link = links::describe(&link), "link arrived");
        let view = link.view(now_secs());
        *self.arrived_link.lock().expect("never poisoned") = Some(link);
        Ok(view)
    }

    /// Makes the link that arrived the one in use.
    pub fn accept_arrived_link(&self) -> Option<LinkView> {
        let link = self.arrived_link.lock().expect("never poisoned").take()?;
        let view = link.view(now_secs());
        *self.pending_link.lock().expect("never poisoned") = Some(link);
        Some(view)
    }

    /// The user kept the link they were using; the one that arrived is forgotten.
    pub fn discard_arrived_link(&self) {
        self.arrived_link.lock().expect("never poisoned").take();
    }

    /// The link to show when the UI starts: one that arrived before it was ready (a cold start
    /// from an email), else the one in use.
    pub fn pending_link(&self) -> Option<LinkView> {
        self.accept_arrived_link().or_else(|| {
            self.pending_link
                .lock()
                .expect("never poisoned")
                .as_ref()
                .map(|link| link.view(now_secs()))
        })
    }

    fn take_pending(&self, kind: LinkKind) -> Result<ParsedLink, CoreError> {
        let mut slot = self.pending_link.lock().expect("never poisoned");
        match slot.take() {
            Some(link) if link.kind == kind => Ok(link),
            other => {
                *slot = other;
                Err(CoreError::LinkInvalid)
            }
        }
    }

    /// Puts a link back after a failure that says nothing about the link itself, so the user
    /// can try again without going back to the email.
    fn keep_pending_after(&self, link: ParsedLink, error: &CoreError) {
        if matches!(
            error,
            CoreError::PasswordRejected
                | CoreError::ServerUnreachable
                | CoreError::Timeout(_)
                | CoreError::ServerUnavailable
                | CoreError::RateLimited { .. }
                | CoreError::TlsError
                | CoreError::NotDirectus
                | CoreError::Unexpected { .. }
        ) {
            let mut slot = self.pending_link.lock().expect("never poisoned");
            // A link opened meanwhile wins.
            if slot.is_none() {
                *slot = Some(link);
            }
        }
    }

    /// Confirms the address with the pending verification link, on the server in use (the UI
    /// shows which before the user confirms).
    pub async fn verify_email(&self) -> Result<Option<String>, CoreError> {
        let link = self.noted(
            commands::VERIFY_EMAIL,
            self.take_pending(LinkKind::VerifyEmail),
        )?;
        match self.current().client.verify_email(&link.token).await {
            Ok(()) => Ok(link.email),
            Err(error) => {
                self.keep_pending_after(link, &error);
                self.noted(commands::VERIFY_EMAIL, Err(error))
            }
        }
    }

    pub async fn request_password_reset(&self, email: &str) -> Result<(), CoreError> {
        let result = self
            .current()
            .client
            .request_password_reset(email.trim(), &self.link_targets().reset_password)
            .await;
        self.noted(commands::REQUEST_PASSWORD_RESET, result)
    }

    /// Sets the new password with the pending reset link. A local session of that account ends
    /// with it. A refused password keeps the link, so the user can choose another.
    pub async fn reset_password(
        &self,
        password: &SecretString,
    ) -> Result<Option<String>, CoreError> {
        let link = self.noted(
            commands::RESET_PASSWORD,
            self.take_pending(LinkKind::ResetPassword),
        )?;
        match self
            .current()
            .client
            .reset_password(&link.token, password)
            .await
        {
            Ok(()) => {
                if let Some(email) = &link.email {
                    self.session().password_changed(email).await;
                    self.settings.save_last_email(email);
                }
                Ok(link.email)
            }
            Err(error) => {
                self.keep_pending_after(link, &error);
                self.noted(commands::RESET_PASSWORD, Err(error))
            }
        }
    }

    /// One page of a collection the app's configuration allows, read as the signed-in user.
    pub async fn list_items(
        &self,
        collection: &str,
        query: &ItemQuery,
    ) -> Result<ItemPage<serde_json::Value>, CoreError> {
        let result = async {
            let params = self.collections.check(collection)?.list_params(query)?;
            let binding = self.current();
            let (client, params) = (&binding.client, &params);
            binding
                .session
                .with_access(
                    |access| async move { client.items(&access, collection, params).await },
                )
                .await
        }
        .await;
        self.noted(commands::LIST_ITEMS, result)
    }

    /// One item of a collection the app's configuration allows, read as the signed-in user.
    pub async fn read_item(
        &self,
        collection: &str,
        id: &str,
        fields: &[String],
    ) -> Result<serde_json::Value, CoreError> {
        let result = async {
            let shape = self.collections.check(collection)?;
            items::check_item_id(id)?;
            let fields = shape.fields_param(fields)?;
            let binding = self.current();
            let client = &binding.client;
            binding
                .session
                .with_access(|access| {
                    let fields = fields.clone();
                    async move { client.item(&access, collection, id, fields).await }
                })
                .await
        }
        .await;
        self.noted(commands::READ_ITEM, result)
    }

    /// Keeps a failure's code (never its detail) for the support desk's report.
    fn noted<T>(
        &self,
        operation: &'static str,
        result: Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        if let Err(error) = &result {
            self.errors.record(operation, error.code());
        }
        result
    }

    /// Where the emails' links go and whether the server in use accepts them. `scheme`: the
    /// app's link scheme, to ask the OS which program opens it.
    pub async fn check_email_links(&self, scheme: &str) -> EmailLinksView {
        let client = self.current().client.clone();
        let answered = client.ping().await;
        let link_page = self.link_page.read().expect("never poisoned").is_some();
        let reached = answered.is_ok().then_some(&client);
        let mut view =
            diagnostics::email_links(reached, &self.link_targets(), link_page, scheme).await;
        if let Err(error) = self.noted(commands::CHECK_EMAIL_LINKS, answered) {
            view.problem = Some(error.into());
        }
        view
    }

    /// The support desk's report on this app as it runs: the server in use, its email links,
    /// the keychain, the session and the last failures.
    pub async fn diagnose(&self, app: AppFacts) -> Report {
        let binding = self.current();
        let url = binding.client.base().clone();
        let server = match binding.unset() {
            true => (
                String::new(),
                Err(CoreError::InvalidServerUrl(AddressProblem::Empty)),
            ),
            false => (url.to_string(), Ok(url)),
        };
        let subject = Subject {
            server,
            source: binding.source,
            links: self.link_targets(),
            link_page: self.link_page.read().expect("never poisoned").is_some(),
            vault: &self.vault,
            timeouts: self.timeouts,
            session: Some(self.session_view()),
            recent_errors: self.errors.snapshot(),
        };
        diagnostics::diagnose(app, subject).await
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
