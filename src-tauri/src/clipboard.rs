//! The clipboard, for the diagnostic report. Opened on the first copy rather than at start-up:
//! on Linux it is a connection to the display server and a thread that serves the copied text,
//! which the app need not pay for before anyone copies anything. It then stays open: on X11 and
//! Wayland a copied text lasts only while its owner holds the clipboard (or until a clipboard
//! manager takes it over).

use std::sync::Mutex;

#[derive(Default)]
pub struct Clipboard(Mutex<Option<arboard::Clipboard>>);

impl Clipboard {
    pub fn set_text(&self, text: String) -> Result<(), arboard::Error> {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let clipboard = match slot.as_mut() {
            Some(clipboard) => clipboard,
            None => slot.insert(arboard::Clipboard::new()?),
        };
        clipboard.set_text(text)
    }
}
