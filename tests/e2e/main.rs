//! End to end: the release app driven as a person would through WebDriver, under Xvfb on
//! Linux. On Windows (the platform workflow) the modules that need no Linux desktop run; the
//! others need Chromium for the hand-off page, the language from `LANGUAGE`, a D-Bus session
//! bus, the X clipboard or XDG folders.

mod account;
mod announcements;
#[cfg(unix)]
mod deep_links;
mod journey;
#[cfg(unix)]
mod languages;
mod server_screen;
#[cfg(unix)]
mod silent_bus;
#[cfg(unix)]
mod support_desk;
mod updates;
