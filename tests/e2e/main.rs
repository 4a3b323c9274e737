//! End to end: the release app under Xvfb, driven as a person would through WebDriver.

mod server_screen;
