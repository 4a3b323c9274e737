//! Reads a keychain entry from outside the app, through the OS's own interface rather than the
//! keyring crates the app uses: what a test checks was really written (or really deleted), in
//! the form another program on the machine would find it.

/// The secret stored for `user` under `service`, as text; `None` when there is none.
pub fn read(service: &str, user: &str) -> Option<String> {
    os::read(service, user)
}

/// Windows only: whether the credential is kept on this computer alone (`CRED_PERSIST_LOCAL_MACHINE`),
/// not roamed with the user's profile; `None` when there is none.
#[cfg(windows)]
pub fn kept_on_this_computer(service: &str, user: &str) -> Option<bool> {
    os::with_credential(service, user, |credential| {
        credential.Persist == windows_sys::Win32::Security::Credentials::CRED_PERSIST_LOCAL_MACHINE
    })
}

/// libsecret's `secret-tool`, with the attributes the Secret Service store writes.
#[cfg(target_os = "linux")]
mod os {
    pub fn read(service: &str, user: &str) -> Option<String> {
        let output = std::process::Command::new("secret-tool")
            .args(["lookup", "service", service, "username", user])
            .output()
            .expect("secret-tool runs (package libsecret-tools)");
        (output.status.success() && !output.stdout.is_empty())
            .then(|| String::from_utf8(output.stdout).expect("the entry is text"))
    }
}

/// `security`, Apple's keychain command, with the service and account the Apple store writes.
#[cfg(target_os = "macos")]
mod os {
    pub fn read(service: &str, user: &str) -> Option<String> {
        let output = std::process::Command::new("security")
            .args(["find-generic-password", "-s", service, "-a", user, "-w"])
            .output()
            .expect("security runs");
        output.status.success().then(|| {
            String::from_utf8(output.stdout)
                .expect("the entry is text")
                .trim_end_matches('\n')
                .to_string()
        })
    }
}

/// The Credential Manager's `CredReadW`: a generic credential named `<user>.<service>` (the
/// Windows store's default target name), its blob UTF-16 little-endian.
#[cfg(windows)]
mod os {
    use windows_sys::Win32::Security::Credentials::{
        CredFree, CredReadW, CREDENTIALW, CRED_TYPE_GENERIC,
    };

    pub fn read(service: &str, user: &str) -> Option<String> {
        with_credential(service, user, |credential| {
            // SAFETY: the blob is the credential's, valid until it is freed after this call.
            let blob = unsafe {
                std::slice::from_raw_parts(
                    credential.CredentialBlob,
                    credential.CredentialBlobSize as usize,
                )
            };
            let units: Vec<u16> = blob
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16(&units).expect("the entry is UTF-16 text")
        })
    }

    pub fn with_credential<T>(
        service: &str,
        user: &str,
        look: impl FnOnce(&CREDENTIALW) -> T,
    ) -> Option<T> {
        let target: Vec<u16> = format!("{user}.{service}")
            .encode_utf16()
            .chain(Some(0))
            .collect();
        let mut credential: *mut CREDENTIALW = std::ptr::null_mut();
        // SAFETY: `target` is NUL-terminated and outlives the call; on success the system
        // allocates `credential`, which is read and then freed with CredFree, once.
        if unsafe { CredReadW(target.as_ptr(), CRED_TYPE_GENERIC, 0, &mut credential) } == 0 {
            return None;
        }
        let seen = look(unsafe { &*credential });
        unsafe { CredFree(credential.cast()) };
        Some(seen)
    }
}
