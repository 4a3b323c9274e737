//! An organisation's update host, on 127.0.0.1 for the tests: an https server whose every answer
//! a test sets (a manifest, a package, an error status, garbage, a download that breaks off
//! halfway), with a throw-away certificate authority the client under test is told to trust
//! (`SSL_CERT_FILE`), and a throw-away minisign key pair that signs packages the way
//! `tauri signer sign` does.

use base64::Engine;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_rustls::rustls;

/// What the server answers at one path.
#[derive(Debug, Clone)]
pub enum Answer {
    Ok(Vec<u8>),
    Status(u16),
    /// A 200 whose body is not what was asked for.
    Garbage,
    /// Announces the whole body, sends half of it and closes the connection.
    Cut(Vec<u8>),
}

#[derive(Default)]
struct Routes {
    answers: HashMap<String, Answer>,
    requests: HashMap<String, usize>,
}

pub struct UpdateServer {
    /// `https://127.0.0.1:<port>`
    pub url: String,
    /// The certificate authority to trust, as PEM.
    pub ca_file: PathBuf,
    routes: Arc<Mutex<Routes>>,
    task: tokio::task::JoinHandle<()>,
}

impl UpdateServer {
    /// Starts the server on `port` (0: any free one), writing its authority's certificate into
    /// `folder` as `ca.pem`.
    pub async fn start(folder: &Path, port: u16) -> UpdateServer {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("a port");
        let url = format!(
            "https://127.0.0.1:{}",
            listener.local_addr().unwrap().port()
        );
        let (ca_pem, config) = throw_away_tls();
        std::fs::create_dir_all(folder).unwrap();
        let ca_file = folder.join("ca.pem");
        // Written whole or not at all: a client may be reading it for another server.
        let partial = folder.join(format!("ca.pem.{}", listener.local_addr().unwrap().port()));
        std::fs::write(&partial, ca_pem).unwrap();
        std::fs::rename(&partial, &ca_file).unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let routes = Arc::new(Mutex::new(Routes::default()));
        let task = tokio::spawn({
            let routes = routes.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let (acceptor, routes) = (acceptor.clone(), routes.clone());
                    tokio::spawn(async move {
                        if let Ok(stream) = acceptor.accept(stream).await {
                            let _ = serve(stream, &routes).await;
                        }
                    });
                }
            }
        });
        UpdateServer {
            url,
            ca_file,
            routes,
            task,
        }
    }

    /// From now on, `path` (e.g. `/latest.json`) is answered with `answer`.
    pub fn answer(&self, path: &str, answer: Answer) {
        self.routes
            .lock()
            .unwrap()
            .answers
            .insert(path.to_string(), answer);
    }

    /// How many requests reached `path`.
    pub fn requests(&self, path: &str) -> usize {
        *self.routes.lock().unwrap().requests.get(path).unwrap_or(&0)
    }
}

impl Drop for UpdateServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve<S>(mut stream: S, routes: &Mutex<Routes>) -> std::io::Result<()>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        if stream.read(&mut byte).await? == 0 {
            return Ok(());
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let answer = {
        let mut routes = routes.lock().unwrap();
        *routes.requests.entry(path.clone()).or_default() += 1;
        routes.answers.get(&path).cloned()
    };
    let (status, body, cut) = match answer {
        Some(Answer::Ok(body)) => (200, body, false),
        Some(Answer::Status(status)) => (status, Vec::new(), false),
        Some(Answer::Garbage) => (200, b"<html>Service maintenance</html>".to_vec(), false),
        Some(Answer::Cut(body)) => (200, body, true),
        None => (404, Vec::new(), false),
    };
    let header = format!(
        "HTTP/1.1 {status} X\r\ncontent-length: {}\r\ncontent-type: application/octet-stream\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes()).await?;
    let sent = if cut {
        &body[..body.len() / 2]
    } else {
        &body[..]
    };
    stream.write_all(sent).await?;
    stream.flush().await?;
    if !cut {
        stream.shutdown().await?;
    }
    // A cut download ends without TLS's close_notify, as a dropped connection does.
    Ok(())
}

/// The certificate authority of this process: every server's certificate is issued by it, so
/// one file tells a client to trust them all.
struct Authority {
    issuer: rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
}

fn authority() -> &'static Authority {
    static AUTHORITY: std::sync::OnceLock<Authority> = std::sync::OnceLock::new();
    AUTHORITY.get_or_init(|| {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "Update test authority");
        Authority {
            issuer: rcgen::CertifiedIssuer::self_signed(params, key).unwrap(),
        }
    })
}

/// The authority's certificate as PEM, and a server certificate it issued for 127.0.0.1.
fn throw_away_tls() -> (String, rustls::ServerConfig) {
    let ca = &authority().issuer;
    let key = rcgen::KeyPair::generate().unwrap();
    let params =
        rcgen::CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
            .unwrap();
    let cert = params.signed_by(&key, ca).unwrap();
    let private = rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.der().clone(), ca.der().clone()], private)
    .unwrap();
    (ca.pem(), config)
}

/// A minisign key pair made for this run, in the shapes Tauri uses.
pub struct SigningKey {
    public: minisign::PublicKey,
    secret: minisign::SecretKey,
}

impl SigningKey {
    pub fn generate() -> SigningKey {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        SigningKey {
            public: pair.pk,
            secret: pair.sk,
        }
    }

    /// The public key as `tauri signer generate` prints it: the key file, base64.
    pub fn public_key(&self) -> String {
        base64(self.public.to_box().unwrap().to_string().as_bytes())
    }

    /// A `.sig` file's content as `tauri signer sign --app-version` writes it: base64 of the
    /// signature file, whose signed comment binds the package to `version`.
    pub fn sign(&self, package: &[u8], version: &str) -> String {
        self.sign_with(
            package,
            &format!("timestamp:1700000000\tfile:package\tversion:{version}"),
        )
    }

    /// As `tauri signer sign` without `--app-version` (and Tauri's signers before it had it):
    /// a signature that names no version.
    pub fn sign_without_version(&self, package: &[u8]) -> String {
        self.sign_with(package, "timestamp:1700000000\tfile:package")
    }

    fn sign_with(&self, package: &[u8], trusted: &str) -> String {
        let signature = minisign::sign(
            Some(&self.public),
            &self.secret,
            package,
            Some(trusted),
            Some("signature from tauri secret key"),
        )
        .unwrap();
        base64(signature.to_string().as_bytes())
    }
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The updater's manifest (`latest.json`) offering `version` at `url` with `signature` for
/// every platform key given.
pub fn manifest(
    version: &str,
    notes: &str,
    platforms: &[&str],
    url: &str,
    signature: &str,
) -> Vec<u8> {
    let platforms: serde_json::Map<String, serde_json::Value> = platforms
        .iter()
        .map(|key| {
            (
                key.to_string(),
                serde_json::json!({ "url": url, "signature": signature }),
            )
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "version": version,
        "notes": notes,
        "pub_date": "2026-12-01T12:00:00Z",
        "platforms": platforms,
    }))
    .unwrap()
}

/// This machine's key in a manifest, without the installer part (`linux-x86_64`): the updater
/// falls back to it for every kind of package.
pub fn this_platform() -> String {
    let os = match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    };
    format!("{os}-{}", std::env::consts::ARCH)
}
