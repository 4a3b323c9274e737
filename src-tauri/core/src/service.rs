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
use crate::two_factor;
use crate::vault::Vault;
use account_bridge::commands;
use account_bridge::{
    AccountView, AddressProblem, EmailLinksView, ItemPage, ItemQuery, LanguageView, LinkKind,
    LinkView, NewAccount, PasswordChanged, ServerInfoView, ServerSettingsView, ServerUrlSource,
    SessionView, StartupView, TwoFactorSetup, UserView,
};
use account_bridge::{NameSource, TwoFactorState};
use secrecy::{ExposeSecret, SecretString};
use std::sync::atomic::{AtomicBool, Ordering};
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
    // The two-factor secret between `two_factor_begin` and its enabling (or the screen being
    // left, or signing out): only here, never in a file or a log.
    pending_two_factor: Mutex<Option<PendingTwoFactor>>,
}

/// A two-factor secret being set up. `SecretString` wipes it when it is dropped.
struct PendingTwoFactor {
    secret: SecretString,
    /// An enable was sent with it and its answer never came: whether it was saved is read from
    /// the account (or learnt at the next sign-in), not found out by sending it again.
    answer_lost: bool,
}

/// Enabling or copying with no set-up begun (or after it was abandoned, or a sign-out): the
/// screen must begin again.
fn no_set_up_under_way() -> CoreError {
    CoreError::Unexpected {
        status: 0,
        detail: "no two-factor set-up is under way".into(),
    }
}

/// The request may have reached the server and done its work, though no answer came back.
fn is_lost_answer(error: &CoreError) -> bool {
    matches!(
        error,
        CoreError::ServerUnreachable | CoreError::Timeout(_) | CoreError::NotDirectus
    )
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
            pending_two_factor: Mutex::new(None),
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
                // A two-factor secret was the old server's.
                self.two_factor_abandon();
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
        // A set-up begun for another sign-in is not this one's.
        self.two_factor_abandon();
        let answer = self.session().sign_in(credentials).await;
        // What a sign-in says of two-factor is the surest word an unlicensed server gives.
        let two_factor = match &answer {
            Ok(_) => Some(otp.is_some_and(|code| !code.trim().is_empty())),
            Err(CoreError::OtpRequired) => Some(true),
            Err(_) => None,
        };
        if let Some(on) = two_factor {
            let server = self.current().client.base().clone();
            self.settings
                .update_account_memory(&server, email.trim(), |memory| {
                    memory.two_factor = Some(on)
                });
        }
        let view = self.noted(commands::SIGN_IN, answer)?;
        self.settings.save_last_email(email.trim());
        Ok(view)
    }

    pub async fn sign_out(&self) -> SessionView {
        self.two_factor_abandon();
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
        if result.is_ok() {
            // The server will not tell an unlicensed customer their name: this device keeps the
            // one they registered with.
            let optional = |part: &str| {
                let part = part.trim();
                (!part.is_empty()).then(|| part.to_string())
            };
            let server = self.current().client.base().clone();
            self.settings
                .update_account_memory(&server, account.email.trim(), |memory| {
                    memory.first_name = optional(&account.first_name);
                    memory.last_name = optional(&account.last_name);
                    memory.name_saved = true;
                });
        }
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
            binding.session.check_two_factor_requirement().await?;
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
            binding.session.check_two_factor_requirement().await?;
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

    /// The signed-in customer's own account: the name (from the server when it tells,
    /// else as registered or last saved with this app here), two-factor, the requirement.
    pub async fn account(&self) -> Result<AccountView, CoreError> {
        let result = self.read_account().await;
        self.noted(commands::ACCOUNT, result)
    }

    async fn read_account(&self) -> Result<AccountView, CoreError> {
        let binding = self.current();
        let client = &binding.client;
        let me = binding
            .session
            .with_access(|access| async move { client.current_user(&access).await })
            .await?;
        let two_factor = binding
            .session
            .with_access(|access| async move { client.own_two_factor(&access).await })
            .await
            .unwrap_or_else(|error| {
                tracing::info!(code = %error.code(), "two-factor state not readable");
                None
            });
        self.account_view(Some(me), two_factor)
    }

    /// The account as the session and this device know it, with what the server just said.
    fn account_view(
        &self,
        me: Option<crate::directus::CurrentUser>,
        server_two_factor: Option<bool>,
    ) -> Result<AccountView, CoreError> {
        let binding = self.current();
        let SessionView::SignedIn {
            user,
            server_url,
            remembered,
            two_factor_required,
            ..
        } = binding.session.view()
        else {
            return Err(CoreError::SessionExpired);
        };
        let server = binding.client.base();
        if let Some(on) = server_two_factor {
            self.settings
                .update_account_memory(server, &user.email, |memory| memory.two_factor = Some(on));
        }
        let memory = self.settings.account_memory(server, &user.email);
        let mut user = user;
        let name_known_from = match me {
            Some(me) if me.names_read => {
                user.first_name = me.first_name;
                user.last_name = me.last_name;
                NameSource::Server
            }
            _ if memory.name_saved => {
                user.first_name = memory.first_name.clone();
                user.last_name = memory.last_name.clone();
                NameSource::ThisDevice
            }
            _ => NameSource::Unknown,
        };
        let two_factor = match server_two_factor.or(memory.two_factor) {
            Some(true) => TwoFactorState::On,
            Some(false) => TwoFactorState::Off,
            None => TwoFactorState::Unknown,
        };
        Ok(AccountView {
            user,
            name_known_from,
            two_factor,
            two_factor_required,
            server_url,
            remembered,
        })
    }

    /// Saves the name through `PATCH /users/me`. A licensed server answers with what it saved;
    /// an unlicensed one answers 403 after saving, so a 403 is checked against the account's
    /// own permission: when it may update both fields, Directus wrote them before the refused
    /// read-back, and this device keeps the name (the server will not say it again).
    pub async fn update_name(
        &self,
        first_name: &str,
        last_name: &str,
    ) -> Result<AccountView, CoreError> {
        let result = self.save_name(first_name.trim(), last_name.trim()).await;
        self.noted(commands::UPDATE_NAME, result)
    }

    async fn save_name(&self, first_name: &str, last_name: &str) -> Result<AccountView, CoreError> {
        let binding = self.current();
        binding.session.check_two_factor_requirement().await?;
        let client = &binding.client;
        // Empty is sent as null: Directus decides whether a name may be empty.
        let value = |part: &str| match part {
            "" => serde_json::Value::Null,
            part => serde_json::Value::String(part.to_string()),
        };
        let changes = serde_json::json!({
            "first_name": value(first_name),
            "last_name": value(last_name),
        });
        let changes = &changes;
        let answer = binding
            .session
            .with_access(|access| async move { client.update_me(&access, changes).await })
            .await;
        let me = match answer {
            Ok(me) => Some(me),
            Err(CoreError::Forbidden) => {
                let allowed = binding
                    .session
                    .with_access(|access| async move { client.own_update(&access).await })
                    .await?;
                let saved = allowed.is_some_and(|update| {
                    update.allows("first_name") && update.allows("last_name")
                });
                if !saved {
                    return Err(CoreError::Forbidden);
                }
                None
            }
            Err(error) => return Err(error),
        };
        let SessionView::SignedIn { user, .. } = binding.session.view() else {
            return Err(CoreError::SessionExpired);
        };
        let optional = |part: &str| (!part.is_empty()).then(|| part.to_string());
        self.settings
            .update_account_memory(binding.client.base(), &user.email, |memory| {
                memory.first_name = optional(first_name);
                memory.last_name = optional(last_name);
                memory.name_saved = true;
            });
        self.account_view(me, None)
    }

    /// Changes the password: the current one (and code) checked first, then the change, then
    /// this device signed in again with the new one in the same step.
    ///
    /// Directus has no endpoint that checks a user's password. The check is a JSON-mode
    /// sign-in with the current password (and code), whose new session is ended at once: it
    /// asks the server exactly what a sign-in would, with its rate limits and its two-factor
    /// check, and leaves nothing behind. `PATCH /users/me` itself takes no current password,
    /// so without the check anyone at an unlocked, signed-in computer could change it.
    pub async fn change_password(
        &self,
        current_password: &SecretString,
        otp: Option<&str>,
        new_password: &SecretString,
    ) -> Result<PasswordChanged, CoreError> {
        let result = self
            .replace_password(current_password, otp, new_password)
            .await;
        self.noted(commands::CHANGE_PASSWORD, result)
    }

    async fn replace_password(
        &self,
        current_password: &SecretString,
        otp: Option<&str>,
        new_password: &SecretString,
    ) -> Result<PasswordChanged, CoreError> {
        let binding = self.current();
        binding.session.check_two_factor_requirement().await?;
        let SessionView::SignedIn { user, .. } = binding.session.view() else {
            return Err(CoreError::SessionExpired);
        };
        let otp = otp.map(str::trim).filter(|code| !code.is_empty());
        self.verify_password(&binding, &user.email, current_password, otp)
            .await?;
        let signed_in_again = binding.session.change_password(new_password, otp).await?;
        Ok(PasswordChanged { signed_in_again })
    }

    /// The honest password check (see `change_password`): a sign-in whose session is ended at
    /// once. What it learns of two-factor is noted for the account screen.
    async fn verify_password(
        &self,
        binding: &ServerBinding,
        email: &str,
        password: &SecretString,
        otp: Option<&str>,
    ) -> Result<(), CoreError> {
        let credentials = Credentials {
            email,
            password,
            otp,
        };
        let answer = binding.client.login(&credentials).await;
        let two_factor = match &answer {
            Ok(_) => Some(otp.is_some()),
            Err(CoreError::OtpRequired) | Err(CoreError::OtpInvalid) => Some(true),
            Err(_) => None,
        };
        if let Some(on) = two_factor {
            self.settings
                .update_account_memory(binding.client.base(), email, |memory| {
                    memory.two_factor = Some(on)
                });
        }
        let tokens = answer?;
        if let Err(error) = binding.client.logout(&tokens.refresh_token).await {
            tracing::info!(code = %error.code(), "the password check's session was not ended");
        }
        Ok(())
    }

    /// Starts the two-factor set-up: Directus checks the password and gives a new secret, kept
    /// here (wiped when dropped) until it is enabled or the screen is left.
    pub async fn two_factor_begin(
        &self,
        password: &SecretString,
    ) -> Result<TwoFactorSetup, CoreError> {
        let result = self.begin_two_factor(password).await;
        self.noted(commands::TWO_FACTOR_BEGIN, result)
    }

    async fn begin_two_factor(&self, password: &SecretString) -> Result<TwoFactorSetup, CoreError> {
        // Directus answers an empty password with the same INVALID_PAYLOAD as "two-factor is
        // already on", before it checks anything: sent, it would read as set up and lift an
        // organisation's requirement. With a password, Directus checks it first, so that
        // answer then really means two-factor is on.
        if password.expose_secret().is_empty() {
            return Err(CoreError::InvalidCredentials);
        }
        let binding = self.current();
        let client = &binding.client;
        let generated = binding
            .session
            .with_access(|access| async move { client.tfa_generate(&access, password).await })
            .await?;
        let SessionView::SignedIn { user, .. } = binding.session.view() else {
            return Err(CoreError::SessionExpired);
        };
        let Some(generated) = generated else {
            // Two-factor is on already (turned on elsewhere, or an enable whose answer was
            // lost): noted, and an organisation's requirement is met. There is nothing to set
            // up; the account screen shows it on.
            self.settings
                .update_account_memory(binding.client.base(), &user.email, |memory| {
                    memory.two_factor = Some(true)
                });
            binding.session.two_factor_set_up().await?;
            return Err(CoreError::Unexpected {
                status: 400,
                detail: "two-factor is already on".into(),
            });
        };
        let setup = two_factor::setup(&generated, &user.email)?;
        *self.pending_two_factor.lock().expect("never poisoned") = Some(PendingTwoFactor {
            secret: generated.secret,
            answer_lost: false,
        });
        Ok(setup)
    }

    /// Turns two-factor on with the pending secret and a code from the authenticator. A wrong
    /// code keeps the secret for another try. An answer lost on the way is not resolved by
    /// sending the secret again (the server would refuse it as already set, which it words
    /// like a wrong code): the next call reads the account instead.
    pub async fn two_factor_enable(&self, otp: &str) -> Result<AccountView, CoreError> {
        let result = self.enable_two_factor(otp.trim()).await;
        self.noted(commands::TWO_FACTOR_ENABLE, result)
    }

    async fn enable_two_factor(&self, otp: &str) -> Result<AccountView, CoreError> {
        let binding = self.current();
        let (secret, answer_lost) = {
            let pending = self.pending_two_factor.lock().expect("never poisoned");
            let pending = pending.as_ref().ok_or_else(no_set_up_under_way)?;
            (pending.secret.clone(), pending.answer_lost)
        };
        if answer_lost {
            let account = self.read_account().await?;
            match account.two_factor {
                TwoFactorState::On => return self.two_factor_now_on(&binding).await,
                // The server will not say (unlicensed): the next sign-in will.
                TwoFactorState::Unknown => return Ok(account),
                TwoFactorState::Off => {}
            }
        }
        let client = &binding.client;
        let (secret, sent) = (&secret, AtomicBool::new(false));
        let sent = &sent;
        let answer = binding
            .session
            .with_access(|access| async move {
                sent.store(true, Ordering::SeqCst);
                client.tfa_enable(&access, secret, otp).await
            })
            .await;
        match answer {
            Ok(()) => self.two_factor_now_on(&binding).await,
            Err(error) if is_lost_answer(&error) && sent.load(Ordering::SeqCst) => {
                if let Some(pending) = self
                    .pending_two_factor
                    .lock()
                    .expect("never poisoned")
                    .as_mut()
                {
                    pending.answer_lost = true;
                }
                if let SessionView::SignedIn { user, .. } = binding.session.view() {
                    self.settings.update_account_memory(
                        binding.client.base(),
                        &user.email,
                        |memory| memory.two_factor = None,
                    );
                }
                Err(error)
            }
            Err(error) => Err(error),
        }
    }

    /// Two-factor is on: the secret is forgotten, this device notes it, and the session is
    /// refreshed so the requirement's mark goes.
    async fn two_factor_now_on(&self, binding: &ServerBinding) -> Result<AccountView, CoreError> {
        self.two_factor_abandon();
        if let SessionView::SignedIn { user, .. } = binding.session.view() {
            self.settings
                .update_account_memory(binding.client.base(), &user.email, |memory| {
                    memory.two_factor = Some(true)
                });
        }
        binding.session.two_factor_set_up().await?;
        // Two-factor is on whatever the read says; a failed read shows what this device knows.
        match self.read_account().await {
            Ok(account) => Ok(account),
            Err(_) => self.account_view(None, Some(true)),
        }
    }

    /// The set-up screen was left: the pending secret is wiped.
    pub fn two_factor_abandon(&self) {
        self.pending_two_factor
            .lock()
            .expect("never poisoned")
            .take();
    }

    /// Turns two-factor off with a current code.
    pub async fn two_factor_disable(&self, otp: &str) -> Result<AccountView, CoreError> {
        let result = self.disable_two_factor(otp.trim()).await;
        self.noted(commands::TWO_FACTOR_DISABLE, result)
    }

    async fn disable_two_factor(&self, otp: &str) -> Result<AccountView, CoreError> {
        let binding = self.current();
        let client = &binding.client;
        binding
            .session
            .with_access(|access| async move { client.tfa_disable(&access, otp).await })
            .await?;
        if let SessionView::SignedIn { user, .. } = binding.session.view() {
            self.settings
                .update_account_memory(binding.client.base(), &user.email, |memory| {
                    memory.two_factor = Some(false)
                });
        }
        // An organisation that requires two-factor closes the screens again at once, not at
        // the next refresh.
        binding.session.look_for_requirement().await;
        // Two-factor is off whatever the read says; a failed read shows what this device knows.
        match self.read_account().await {
            Ok(account) => Ok(account),
            Err(_) => self.account_view(None, Some(false)),
        }
    }

    /// The pending two-factor secret, for the clipboard (the edge copies it).
    pub fn pending_two_factor_secret(&self) -> Result<SecretString, CoreError> {
        self.pending_two_factor
            .lock()
            .expect("never poisoned")
            .as_ref()
            .map(|pending| pending.secret.clone())
            .ok_or_else(no_set_up_under_way)
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
            last_update_check: self.settings.last_update_check(),
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
