//! Rendering the report as text a person can paste into a ticket: its headings and labels in
//! the customer's language, its values as gathered (in English, codes and addresses), so a
//! support desk reads them the same in every report.

use super::{printable, printable_address, KeychainState, Report};
use crate::language::{self, Language, Messages};
use account_bridge::{ServerUrlSource, UpdateOutcome};
use std::fmt;

/// The report in English (logs, `--json`'s companion, tests).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &Messages::of(language::DEFAULT))
    }
}

/// The report with its headings and labels in a language; the values stay as they are (in
/// English, codes and addresses), so a support desk reads them the same in every report.
pub struct Localized<'a> {
    report: &'a Report,
    messages: Messages,
}

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.report.write(f, &self.messages)
    }
}

impl Report {
    pub fn localized(&self, language: &Language) -> Localized<'_> {
        Localized {
            report: self,
            messages: Messages::of(language),
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, messages: &Messages) -> fmt::Result {
        let label_of = |id: &str| messages.get(id);
        let row = |f: &mut fmt::Formatter<'_>, label: &str, value: &dyn fmt::Display| {
            // Padded by characters, not bytes, so labels in any script line up.
            let padding = 22usize.saturating_sub(label.chars().count());
            writeln!(f, "  {label}{:padding$}{value}", "")
        };
        // A row whose label is the message `id`.
        let line = |f: &mut fmt::Formatter<'_>, id: &str, value: &dyn fmt::Display| {
            row(f, &label_of(id), value)
        };
        let yes_no = |value: Option<bool>, yes: &str, no: &str| match value {
            Some(true) => yes.to_string(),
            Some(false) => no.to_string(),
            None => "not checked".to_string(),
        };
        writeln!(
            f,
            "{}",
            messages.with("report-title", "app", &self.app.name)
        )?;
        let problems = self.problems();
        let warnings: Vec<&str> = self.warnings.iter().map(|warning| warning.id).collect();
        if problems.is_empty() && !warnings.is_empty() {
            writeln!(
                f,
                "{}: everything checked is fine; WARNING: {}",
                label_of("report-result"),
                warnings.join(", ")
            )?;
        } else if problems.is_empty() {
            writeln!(
                f,
                "{}: everything checked is fine",
                label_of("report-result")
            )?;
        } else {
            writeln!(
                f,
                "{}: PROBLEMS: {}",
                label_of("report-result"),
                problems.join(", ")
            )?;
        }

        writeln!(f, "\n{}", label_of("report-app"))?;
        line(f, "report-version", &self.app.version)?;
        line(f, "report-build", &self.app.build)?;
        line(
            f,
            "report-system",
            &format!("{} ({})", self.app.os, self.app.arch),
        )?;
        line(f, "report-webview", &self.app.webview)?;
        line(f, "report-log-folder", &self.app.log_folder)?;

        let server = &self.server;
        writeln!(f, "\n{}", label_of("report-server"))?;
        line(f, "report-address", &server.url)?;
        line(f, "report-set-by", &source_label(server.source))?;
        match (server.problem, server.ping_ms) {
            (Some(code), _) => line(f, "report-answers", &format!("no ({code})"))?,
            (None, Some(ms)) => line(
                f,
                "report-answers",
                &format!("yes, /server/ping in {ms} ms"),
            )?,
            (None, None) => line(f, "report-answers", &"not checked")?,
        }
        line(f, "report-tls", &server.tls)?;
        if let Some(project) = &server.project_name {
            line(f, "report-project", project)?;
        }
        line(
            f,
            "report-directus-version",
            &server
                .directus_version
                .as_deref()
                .unwrap_or("not published to anonymous callers"),
        )?;
        line(
            f,
            "report-registration",
            &yes_no(server.public_registration, "open to the app", "closed"),
        )?;
        line(
            f,
            "report-email-confirmation",
            &yes_no(server.verify_email, "required", "not required"),
        )?;
        line(
            f,
            "report-sign-ins",
            &yes_no(
                server.sign_ins_accepted,
                "accepted",
                "REFUSED to all but administrators (RESOURCE_RESTRICTED: over the licence limits)",
            ),
        )?;

        let links = &self.email_links;
        writeln!(f, "\n{}", label_of("report-email-links"))?;
        line(
            f,
            "report-style",
            &if links.via_link_page {
                "through the organisation's hand-off page"
            } else {
                "straight to the app (its own link scheme)"
            },
        )?;
        line(f, "report-reset-link", &printable_address(&links.reset_url))?;
        line(
            f,
            "report-verification-link",
            &printable_address(&links.verify_url),
        )?;
        line(
            f,
            "report-reset-accepted",
            &yes_no(
                links.reset_url_allowed,
                "yes (PASSWORD_RESET_URL_ALLOW_LIST lists it)",
                "NO: add it to PASSWORD_RESET_URL_ALLOW_LIST",
            ),
        )?;
        line(f, "report-verification-accepted",
            &"not checked (it would create an account): USER_REGISTER_URL_ALLOW_LIST must list the verification link",
        )?;
        line(
            f,
            "report-links-opened-by",
            &match (links.scheme_registered, &links.opened_by) {
                (Some(true), Some(program)) => program.clone(),
                (Some(false), _) => "nothing: the app's scheme is not registered".into(),
                (None, Some(answer)) => answer.clone(),
                _ if links.via_link_page => "the browser (hand-off page), then the app".into(),
                _ => "the app, as its installer registered it".into(),
            },
        )?;

        writeln!(f, "\n{}", label_of("report-keychain"))?;
        line(f, "report-store", &self.keychain.store)?;
        line(
            f,
            "report-state",
            &match self.keychain.state {
                KeychainState::EntryStored => "available; a session is stored for this server",
                KeychainState::NoEntry => "available; no session stored for this server",
                KeychainState::Unreadable => {
                    "available; the session stored for this server can't be read"
                }
                KeychainState::Locked => "locked",
                KeychainState::TimedOut => "did not answer in time",
                KeychainState::Unavailable => "not available",
            },
        )?;

        let updates = &self.updates;
        writeln!(f, "\n{}", label_of("report-updates"))?;
        match &self.app.updates {
            None => line(
                f,
                "report-update-source",
                &"none: updates are off in this build",
            )?,
            Some(source) => line(
                f,
                "report-update-source",
                &format!(
                    "{} (signing key {})",
                    printable_address(source.manifest.as_str()),
                    source.key_id
                ),
            )?,
        }
        if updates.enabled {
            line(
                f,
                "report-update-last-check",
                &match &updates.last_check {
                    None => "never".to_string(),
                    Some(check) => {
                        let ago = self.created_unix.saturating_sub(check.at_unix);
                        let outcome = match &check.outcome {
                            UpdateOutcome::UpToDate => "this was the newest version".to_string(),
                            UpdateOutcome::Found { version } => {
                                format!("version {} was offered", printable(version, 40))
                            }
                            UpdateOutcome::Failed { reason } => format!("failed ({reason:?})"),
                        };
                        format!("{ago} s ago: {outcome}")
                    }
                },
            )?;
            line(
                f,
                "report-update-now",
                &match (&updates.offered, updates.problem) {
                    (_, Some(problem)) => format!("no answer ({problem:?})"),
                    (Some(offer), None) => format!(
                        "version {} offered; packages for this system: {}",
                        printable(&offer.version, 40),
                        if offer.for_this_system.is_empty() {
                            "none".to_string()
                        } else {
                            offer.for_this_system.join(", ")
                        }
                    ),
                    (None, None) => "no version offered".to_string(),
                },
            )?;
        }

        writeln!(f, "\n{}", label_of("report-session"))?;
        match &self.session {
            None => line(f, "report-state", &"known only inside the running app")?,
            Some(session) => {
                line(f, "report-state", &session.state)?;
                if let Some(reason) = session.signed_out_because {
                    line(f, "report-signed-out-because", &format!("{reason:?}"))?;
                }
                if let Some(remembered) = session.remembered {
                    line(
                        f,
                        "report-remembered",
                        &if remembered { "yes" } else { "no (keychain)" },
                    )?;
                }
                if let Some(seconds) = session.access_expires_in_secs {
                    line(f, "report-access-expires", &format!("{seconds} s"))?;
                }
                if let Some(code) = session.problem {
                    line(f, "report-problem", &code)?;
                }
            }
        }

        writeln!(f, "\n{}", label_of("report-recent-errors"))?;
        if self.recent_errors.is_empty() {
            row(f, "", &"none")?;
        }
        for error in &self.recent_errors {
            let ago = self.created_unix.saturating_sub(error.at_unix);
            row(
                f,
                &format!("{ago} s ago"),
                &format!("{} in {}", error.code, error.operation),
            )?;
        }

        writeln!(f, "\n{}", label_of("report-checks"))?;
        for check in &self.checks {
            let mark = if check.ok { "ok     " } else { "PROBLEM" };
            writeln!(f, "  [{mark}] {}: {}", check.id, check.detail)?;
        }
        for warning in &self.warnings {
            writeln!(f, "  [WARNING] {}: {}", warning.id, warning.detail)?;
        }
        Ok(())
    }
}

fn source_label(source: ServerUrlSource) -> &'static str {
    match source {
        ServerUrlSource::Environment => "the DIRECTUS_DESKTOP_SERVER_URL environment variable",
        ServerUrlSource::Settings => "the app's settings",
        ServerUrlSource::Default => "the default (a local development server)",
        ServerUrlSource::Unset => "nothing (no server is configured)",
        ServerUrlSource::CommandLine => "the command line (--server)",
    }
}
