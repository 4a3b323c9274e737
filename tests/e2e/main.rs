//! End to end: the release app under Xvfb, driven as a person would through WebDriver.

mod account;
mod announcements;
mod deep_links;
mod journey;
mod languages;
mod server_screen;
mod silent_bus;
mod support_desk;
