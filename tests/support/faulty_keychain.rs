//! The real platform keychain behind a switch that makes it fail or stall, as a locked or busy
//! keychain does: a stand-in only for the fault, every call that goes through is real.

use keyring_core::api::{Credential, CredentialApi, CredentialStoreApi};
use keyring_core::{CredentialStore, Entry, Error, Result};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the keychain does to the next calls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeychainFaults {
    /// Saves fail as on a locked keychain.
    pub fail_saves: bool,
    /// Deletes fail likewise.
    pub fail_deletes: bool,
    /// Every call waits this long first (an unlock prompt nobody answers yet).
    pub stall: Duration,
}

#[derive(Clone, Default)]
pub struct FaultSwitch(Arc<Mutex<KeychainFaults>>);

impl FaultSwitch {
    pub fn set(&self, faults: KeychainFaults) {
        *self.0.lock().unwrap() = faults;
    }

    fn get(&self) -> KeychainFaults {
        *self.0.lock().unwrap()
    }
}

/// The platform store, wrapped; returns it with the switch that controls it.
pub fn faulty_platform_store() -> (Arc<CredentialStore>, FaultSwitch) {
    let switch = FaultSwitch::default();
    let inner = account_core::vault::platform_store().expect("a Secret Service is running");
    (
        Arc::new(FaultyStore {
            inner,
            switch: switch.clone(),
        }),
        switch,
    )
}

#[derive(Debug)]
struct FaultyStore {
    inner: Arc<CredentialStore>,
    switch: FaultSwitch,
}

impl std::fmt::Debug for FaultSwitch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.get())
    }
}

impl CredentialStoreApi for FaultyStore {
    fn vendor(&self) -> String {
        format!("faulty {}", self.inner.vendor())
    }

    fn id(&self) -> String {
        self.inner.id()
    }

    fn build(
        &self,
        service: &str,
        user: &str,
        modifiers: Option<&HashMap<&str, &str>>,
    ) -> Result<Entry> {
        let inner = self.inner.build(service, user, modifiers)?;
        Ok(Entry::new_with_credential(Arc::new(FaultyCredential {
            inner,
            switch: self.switch.clone(),
        })))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Debug)]
struct FaultyCredential {
    inner: Entry,
    switch: FaultSwitch,
}

fn locked() -> Error {
    Error::NoStorageAccess("the test keychain is locked".into())
}

impl FaultyCredential {
    fn faults(&self) -> KeychainFaults {
        let faults = self.switch.get();
        if !faults.stall.is_zero() {
            std::thread::sleep(faults.stall);
        }
        faults
    }
}

impl CredentialApi for FaultyCredential {
    fn set_secret(&self, secret: &[u8]) -> Result<()> {
        if self.faults().fail_saves {
            return Err(locked());
        }
        self.inner.set_secret(secret)
    }

    fn get_secret(&self) -> Result<Vec<u8>> {
        self.faults();
        self.inner.get_secret()
    }

    fn delete_credential(&self) -> Result<()> {
        if self.faults().fail_deletes {
            return Err(locked());
        }
        self.inner.delete_credential()
    }

    fn get_credential(&self) -> Result<Option<Arc<Credential>>> {
        Ok(None)
    }

    fn get_specifiers(&self) -> Option<(String, String)> {
        self.inner.get_specifiers()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
