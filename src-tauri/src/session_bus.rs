//! The D-Bus session bus, checked once before the app starts (Linux). GTK registers the app on
//! it, single-instance takes a name on it and the keychain (Secret Service) lives on it, and
//! none of their clients bounds the connection's handshake: a bus that accepts connections and
//! never answers (a hung dbus-daemon, a stale socket a sandbox forwards) would keep the window
//! from ever opening. So the app connects once itself, bounded; a bus that does not answer in
//! time is taken away from this process, and every one of those clients fails at once instead
//! of waiting: the window opens as on a machine without D-Bus, the keychain marked unavailable.

#[cfg(target_os = "linux")]
use std::time::Duration;

/// As long as a keychain call may take: a bus slower than that leaves the keychain useless
/// anyway.
#[cfg(target_os = "linux")]
const ANSWER_WITHIN: Duration = account_core::vault::KEYCHAIN_TIMEOUT;

/// What this process's D-Bus clients are pointed at when the bus does not answer: connecting
/// fails at once (`/dev/null` is not a folder).
#[cfg(target_os = "linux")]
const NO_BUS: &str = "unix:path=/dev/null/no-session-bus";

/// Call before anything else starts threads that could read the environment (the bus address
/// is changed for this process when the bus does not answer).
#[cfg(target_os = "linux")]
pub fn check() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        // zbus and GLib find the bus on their own (or fail at once): nothing to check here.
        return;
    }
    let (answered, answer) = std::sync::mpsc::channel();
    // The thread is left behind when the bus never answers: nothing can cancel a blocked
    // handshake, and it ends with the process.
    let spawned = std::thread::Builder::new()
        .name("session-bus-check".into())
        .spawn(move || {
            let _ = answered.send(zbus::blocking::Connection::session().map(drop));
        });
    if spawned.is_err() {
        return;
    }
    match answer.recv_timeout(ANSWER_WITHIN) {
        // A bus that refuses is refused at once by the others too: nothing to change.
        Ok(_) => {}
        Err(_) => {
            tracing::warn!(
                within_s = ANSWER_WITHIN.as_secs(),
                "the D-Bus session bus did not answer; starting without it (no keychain, no single instance)"
            );
            // Edition 2021: safe, and only the check's own thread, blocked in a read, runs
            // besides this one (logging writes from the calling thread).
            std::env::set_var("DBUS_SESSION_BUS_ADDRESS", NO_BUS);
        }
    }
}

#[cfg(not(target_os = "linux"))]
pub fn check() {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn the_replacement_address_fails_at_once() {
        let started = std::time::Instant::now();
        let refused = std::os::unix::net::UnixStream::connect("/dev/null/no-session-bus");
        assert!(refused.is_err());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(super::NO_BUS.ends_with("/dev/null/no-session-bus"));
    }
}
