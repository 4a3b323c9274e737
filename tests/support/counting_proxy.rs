//! An HTTP/1.1 forwarder between the app's client and the real Directus that counts the
//! requests it passes on, so a test can see at the server's door how many refreshes were sent.
//! It can also give every request a forwarded-for address of its own, which is what
//! Directus's rate limiter keys on.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

#[derive(Clone)]
pub struct CountingProxy {
    pub url: String,
    counts: Arc<Mutex<HashMap<String, usize>>>,
    down: Arc<AtomicBool>,
}

impl CountingProxy {
    /// Forwards to `upstream` (e.g. `http://127.0.0.1:8155/`). With `forwarded_for`, every
    /// request carries that `X-Forwarded-For`.
    pub async fn start(upstream: &str, forwarded_for: Option<&str>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let counts = Arc::new(Mutex::new(HashMap::new()));
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let upstream = upstream.trim_end_matches('/').to_string();
        let forwarded_for = forwarded_for.map(str::to_string);
        let shared = counts.clone();
        let down = Arc::new(AtomicBool::new(false));
        let is_down = down.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                if is_down.load(Ordering::SeqCst) {
                    drop(socket); // like a server that went away: the connection is reset
                    continue;
                }
                tokio::spawn(serve_connection(
                    socket,
                    http.clone(),
                    upstream.clone(),
                    forwarded_for.clone(),
                    shared.clone(),
                    is_down.clone(),
                ));
            }
        });
        CountingProxy { url, counts, down }
    }

    /// While down, new connections are closed at once and open ones are dropped at their next
    /// request, as when the server is switched off.
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    /// How many `METHOD /path` requests (query left out) went through, e.g. `"POST /auth/refresh"`.
    pub fn count(&self, request: &str) -> usize {
        self.counts
            .lock()
            .unwrap()
            .get(request)
            .copied()
            .unwrap_or(0)
    }
}

async fn serve_connection(
    socket: TcpStream,
    http: reqwest::Client,
    upstream: String,
    forwarded_for: Option<String>,
    counts: Arc<Mutex<HashMap<String, usize>>>,
    down: Arc<AtomicBool>,
) {
    let (reader, mut writer) = socket.into_split();
    let mut reader = BufReader::new(reader);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).await.unwrap_or(0) == 0
            || down.load(Ordering::SeqCst)
        {
            return;
        }
        let mut parts = request_line.split_whitespace();
        let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
            return;
        };
        let (method, target) = (method.to_string(), target.to_string());
        let mut headers = Vec::new();
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_string());
                if name == "content-length" {
                    length = value.parse().unwrap_or(0);
                }
                headers.push((name, value));
            }
        }
        let mut body = vec![0u8; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let path = target.split('?').next().unwrap_or("").to_string();
        *counts
            .lock()
            .unwrap()
            .entry(format!("{method} {path}"))
            .or_insert(0) += 1;

        let mut forward = http.request(method.parse().unwrap(), format!("{upstream}{target}"));
        for (name, value) in &headers {
            if !matches!(
                name.as_str(),
                "host" | "connection" | "content-length" | "x-forwarded-for"
            ) {
                forward = forward.header(name.as_str(), value.as_str());
            }
        }
        if let Some(address) = &forwarded_for {
            forward = forward.header("x-forwarded-for", address.as_str());
        }
        let Ok(response) = forward.body(body).send().await else {
            return;
        };
        let status = response.status();
        let mut head = format!(
            "HTTP/1.1 {} {}\r\n",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        );
        for (name, value) in response.headers() {
            if !matches!(
                name.as_str(),
                "connection" | "content-length" | "transfer-encoding"
            ) {
                head.push_str(&format!("{name}: {}\r\n", value.to_str().unwrap_or("")));
            }
        }
        let body = response.bytes().await.unwrap_or_default();
        head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
        if writer.write_all(head.as_bytes()).await.is_err()
            || writer.write_all(&body).await.is_err()
        {
            return;
        }
    }
}
