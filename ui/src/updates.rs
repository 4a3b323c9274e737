//! Updates in the window: the banner that offers a newer version on every screen, and the Help
//! screen's part (when the app last looked, what it found, "Check for updates"). The core
//! decides when to look and what to offer; this only shows its `UpdateView`.

use crate::api;
use crate::components::FormError;
use crate::copy::Context;
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::AppState;
use account_bridge::{UpdateActivity, UpdateCheck, UpdateFailure, UpdateOutcome};
use dioxus::prelude::*;

/// A newer version, calmly: its version and notes, "Install and restart" and "Later"; while it
/// installs, how far it has come; if that failed, why, with the app unchanged.
#[component]
pub fn UpdateBanner() -> Element {
    let state = use_context::<AppState>();
    let install = use_submit();
    let later = use_submit();
    let view = state.update.read().clone();
    let Some(view) = view else {
        return rsx! {};
    };
    let Some(update) = view.offer().cloned() else {
        return rsx! {};
    };
    let activity = activity_message(view.activity);
    rsx! {
        section { id: "update-banner", class: "banner", "aria-labelledby": "update-title",
            p { id: "update-title", class: "banner-title",
                {Message::new("update-available").with("version", update.version.clone())}
            }
            if !update.notes.is_empty() {
                // Plain text: the notes are data from the update server, never markup.
                p { id: "update-notes", class: "update-notes", "data-value": "true", "{update.notes}" }
            }
            match activity {
                Some(activity) => rsx! {
                    p { id: "update-progress", role: "status", {activity} }
                    if let UpdateActivity::Downloading { percent: Some(percent) } = view.activity {
                        progress { max: "100", value: "{percent}", "aria-hidden": "true" }
                    }
                },
                None => rsx! {
                    FormError { error: install.error(), context: Context::Update }
                    div { class: "actions",
                        button { id: "update-install", class: "primary", r#type: "button",
                            onclick: move |_| if install.start() {
                                // On success the app restarts on the new version: nothing to do.
                                install.run(api::install_update(), |()| {});
                            },
                            {t("update-install")}
                        }
                        button { id: "update-later", r#type: "button",
                            onclick: move |_| if later.start() {
                                let mut update = state.update;
                                later.run(api::postpone_update(), move |view| update.set(Some(view)));
                            },
                            {t("update-later")}
                        }
                    }
                },
            }
        }
    }
}

/// The Help screen's part: updates off, or when the app last looked and what it found, and a
/// button to look now.
#[component]
pub fn UpdatesSection() -> Element {
    let state = use_context::<AppState>();
    let check = use_submit();
    let install = use_submit();
    let Some(view) = state.update.read().clone() else {
        return rsx! {};
    };
    rsx! {
        h2 { id: "updates-title", {t("help-updates")} }
        if !view.enabled {
            p { id: "updates-off", class: "muted", {t("help-updates-off")} }
        } else {
            p { id: "updates-last-check", role: "status", {last_check_message(view.last_check.as_ref())} }
            FormError { error: check.error().or(install.error()), context: Context::Update }
            div { class: "actions stacked",
                button { id: "check-updates", r#type: "button",
                    disabled: check.busy() || view.activity != UpdateActivity::Idle,
                    onclick: move |_| if check.start() {
                        let mut update = state.update;
                        check.run(api::check_for_updates(), move |view| update.set(Some(view)));
                    },
                    {t(if check.busy() || view.activity == UpdateActivity::Checking { "checking" } else { "help-check-updates" })}
                }
                // Postponed: no banner, but it can be installed from here all the same (the
                // banner then shows how far it has come).
                if let Some(update) = view.available.as_ref().filter(|_| view.offer().is_none()) {
                    button { id: "updates-install", r#type: "button",
                        onclick: move |_| if install.start() { install.run(api::install_update(), |()| {}) },
                        {Message::new("help-update-install").with("version", update.version.clone())}
                    }
                }
            }
        }
    }
}

/// What an install under way says, if one is.
fn activity_message(activity: UpdateActivity) -> Option<Message> {
    match activity {
        UpdateActivity::Idle | UpdateActivity::Checking => None,
        UpdateActivity::Downloading { percent: None } => Some(Message::new("update-downloading")),
        UpdateActivity::Downloading {
            percent: Some(percent),
        } => Some(Message::new("update-downloading-percent").with("percent", percent)),
        UpdateActivity::Installing => Some(Message::new("update-installing")),
    }
}

/// "Checked 7 December 2026, 14:03: this is the newest version." and its kin.
pub fn last_check_message(check: Option<&UpdateCheck>) -> Message {
    let Some(check) = check else {
        return Message::new("help-updates-never-checked");
    };
    let date = crate::i18n::format_moment(check.at_unix);
    match &check.outcome {
        UpdateOutcome::UpToDate => Message::new("help-updates-up-to-date").with("date", date),
        UpdateOutcome::Found { version } => Message::new("help-updates-found")
            .with("date", date)
            .with("version", version.clone()),
        UpdateOutcome::Failed { reason } => Message::new("help-updates-failed")
            .with("date", date)
            .with_message("reason", failure_message(*reason)),
    }
}

pub fn failure_message(reason: UpdateFailure) -> Message {
    Message::new(match reason {
        UpdateFailure::Unreachable => "update-failure-unreachable",
        UpdateFailure::Timeout => "update-failure-timeout",
        UpdateFailure::ServerError => "update-failure-server-error",
        UpdateFailure::BadManifest => "update-failure-bad-manifest",
        UpdateFailure::NoPackage => "update-failure-no-package",
        UpdateFailure::Rejected => "update-failure-rejected",
        UpdateFailure::DownloadFailed => "update-failure-download-failed",
        UpdateFailure::InstallFailed => "update-failure-install-failed",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogues;

    const FAILURES: &[UpdateFailure] = &[
        UpdateFailure::Unreachable,
        UpdateFailure::Timeout,
        UpdateFailure::ServerError,
        UpdateFailure::BadManifest,
        UpdateFailure::NoPackage,
        UpdateFailure::Rejected,
        UpdateFailure::DownloadFailed,
        UpdateFailure::InstallFailed,
    ];

    #[test]
    fn every_check_outcome_and_activity_has_a_sentence_in_every_language() {
        let mut outcomes = vec![
            UpdateOutcome::UpToDate,
            UpdateOutcome::Found {
                version: "2.0.0".into(),
            },
        ];
        outcomes.extend(
            FAILURES
                .iter()
                .map(|&reason| UpdateOutcome::Failed { reason }),
        );
        for &(code, _, _) in catalogues::ALL {
            catalogues::speak(code);
            let never = last_check_message(None).text();
            assert!(!never.contains("help-"), "{code}: {never}");
            for outcome in &outcomes {
                let check = UpdateCheck {
                    at_unix: 1_796_000_000,
                    outcome: outcome.clone(),
                };
                let text = last_check_message(Some(&check)).text();
                assert!(
                    !text.contains("update-") && !text.contains("help-"),
                    "{code}: {outcome:?} shows an id: {text}"
                );
                if let UpdateOutcome::Found { version } = outcome {
                    assert!(text.contains(version.as_str()), "{code}: {text}");
                }
            }
            for activity in [
                UpdateActivity::Downloading { percent: None },
                UpdateActivity::Downloading { percent: Some(42) },
                UpdateActivity::Installing,
            ] {
                let text = activity_message(activity).unwrap().text();
                assert!(!text.contains("update-"), "{code}: {text}");
            }
            let percent = activity_message(UpdateActivity::Downloading { percent: Some(42) })
                .unwrap()
                .text();
            assert!(percent.contains("42"), "{code}: {percent}");
        }
    }
}
