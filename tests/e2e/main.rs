//! End to end: the release app under Xvfb, driven as a person would through WebDriver.

mod journey;
mod server_screen;
