//! End to end: the release app under Xvfb, driven as a person would through WebDriver.

mod announcements;
mod deep_links;
mod journey;
mod languages;
mod server_screen;
mod support_desk;
