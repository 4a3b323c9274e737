//! A D-Bus session bus that accepts every connection, reads what it is sent and never answers:
//! a hung dbus-daemon, as a support desk meets it. Point `DBUS_SESSION_BUS_ADDRESS` at
//! `address()` for the process under test only.

use std::io::Read;
use std::os::unix::net::UnixListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub struct SilentBus {
    path: PathBuf,
    stop: Arc<AtomicBool>,
}

impl SilentBus {
    /// Listens at `target/silent-bus-<name>.sock`.
    pub fn start(name: &str) -> Self {
        let path = crate::repo_root().join(format!("target/silent-bus-{name}.sock"));
        let _ = std::fs::remove_file(&path);
        let listener = UnixListener::bind(&path).expect("the silent bus's socket");
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::spawn(move || {
            // Connections are kept open (a closed one would be an answer) until the bus stops.
            let mut held = Vec::new();
            while !stopped.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((connection, _)) => {
                        let mut reader = connection.try_clone().unwrap();
                        held.push(connection);
                        std::thread::spawn(move || {
                            let mut sink = [0u8; 4096];
                            while matches!(reader.read(&mut sink), Ok(n) if n > 0) {}
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
            for connection in held {
                let _ = connection.shutdown(std::net::Shutdown::Both);
            }
        });
        SilentBus { path, stop }
    }

    pub fn address(&self) -> String {
        format!("unix:path={}", self.path.display())
    }
}

impl Drop for SilentBus {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = std::fs::remove_file(&self.path);
    }
}
