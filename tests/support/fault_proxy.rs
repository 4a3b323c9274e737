//! An HTTP/1.1 proxy between the app's client and the real Directus. It counts what it passes
//! on (so a test sees at the server's door how many refreshes were sent, and how many at once),
//! remembers the last refresh token the client actually received, and injects faults per
//! request: delays, connections dropped before or after the request reached the server, answers
//! cut midway, 502/503/429, garbage, and oversized bodies. It can also give every request a
//! forwarded-for address of its own, which is what Directus's rate limiter keys on.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// What the proxy does with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Pass,
    /// Waits, then passes the request on.
    Delay(Duration),
    /// Closes the connection without passing the request on: the server never saw it.
    DropBeforeForward,
    /// Passes the request on, then closes the connection: the server acted (a refresh rotated
    /// the token), the client never heard.
    DropAfterForward,
    /// Passes it on and sends half of the answer, then closes.
    CutResponse,
    /// Answers 503 SERVICE_UNAVAILABLE itself (Directus's pressure limiter).
    Unavailable,
    /// Answers 429 REQUESTS_EXCEEDED with `Retry-After: 1` itself.
    RateLimited,
    /// Answers 502 with a proxy's HTML page itself.
    BadGateway,
    /// Answers 401 TOKEN_EXPIRED itself, as Directus does to an access token that expired
    /// after the client last looked (the server was never asked).
    TokenExpired,
    /// Answers 403 RESOURCE_RESTRICTED itself, as an unlicensed Directus 12 over its limits
    /// does to every sign-in and refresh but an administrator's (and to every item read).
    Restricted,
    /// Passes it on, then answers 200 with a body that is not JSON.
    Garbage,
    /// Passes it on, then answers 200 with a 2 MiB body (of spaces, with its length).
    Oversized,
    /// Passes it on, then answers 200 with a well-formed list of items larger than the client's
    /// 1 MiB cap, chunked and with no Content-Length: only counting while it streams in can
    /// refuse it, and nothing but the cap can (it decodes as an answer).
    OversizedList,
    /// Passes it on (the server does its work), then answers with this status and JSON body
    /// instead of the server's: how another kind of server (a licensed Directus 12) would.
    ForwardThenAnswer(u16, &'static str),
}

impl Fault {
    /// Whether the server received the request (so a refresh it answered was carried out).
    fn forwards(self) -> bool {
        !matches!(
            self,
            Fault::DropBeforeForward
                | Fault::Unavailable
                | Fault::RateLimited
                | Fault::BadGateway
                | Fault::TokenExpired
                | Fault::Restricted
        )
    }

    /// Whether the client gets the server's own answer.
    fn delivers(self) -> bool {
        matches!(self, Fault::Pass | Fault::Delay(_))
    }
}

type FaultPlan = Box<dyn FnMut(&str) -> Fault + Send>;

#[derive(Default)]
struct Shared {
    counts: Mutex<HashMap<String, usize>>,
    plan: Mutex<Option<FaultPlan>>,
    refreshes_in_flight: AtomicUsize,
    most_refreshes_at_once: AtomicUsize,
    /// Refreshes the server carried out whose answer the client never got.
    lost_rotations: AtomicUsize,
    /// Every refresh token the client received whole, in order.
    delivered: Mutex<Vec<Delivered>>,
}

/// A refresh token the client received whole.
struct Delivered {
    token: String,
    /// The refresh token a refresh traded in for it; None when a login issued it.
    replaced: Option<String>,
}

#[derive(Clone)]
pub struct FaultProxy {
    pub url: String,
    shared: Arc<Shared>,
    down: Arc<AtomicBool>,
}

impl FaultProxy {
    /// Forwards to `upstream` (e.g. `http://127.0.0.1:8155/`). With `forwarded_for`, every
    /// request carries that `X-Forwarded-For`.
    pub async fn start(upstream: &str, forwarded_for: Option<&str>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let upstream = upstream.trim_end_matches('/').to_string();
        let forwarded_for = forwarded_for.map(str::to_string);
        let shared = Arc::new(Shared::default());
        let down = Arc::new(AtomicBool::new(false));
        let (serving, is_down) = (shared.clone(), down.clone());
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
                    serving.clone(),
                    is_down.clone(),
                ));
            }
        });
        FaultProxy { url, shared, down }
    }

    /// While down, new connections are closed at once and open ones are dropped at their next
    /// request, as when the server is switched off.
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    /// From now on, `plan` picks the fault for each request, given `METHOD /path`.
    pub fn set_faults(&self, plan: impl FnMut(&str) -> Fault + Send + 'static) {
        *self.shared.plan.lock().unwrap() = Some(Box::new(plan));
    }

    pub fn clear_faults(&self) {
        *self.shared.plan.lock().unwrap() = None;
    }

    /// How many requests arrived, whatever they were.
    pub fn total(&self) -> usize {
        self.shared.counts.lock().unwrap().values().sum()
    }

    /// How many `METHOD /path` requests (query left out) arrived, e.g. `"POST /auth/refresh"`.
    pub fn count(&self, request: &str) -> usize {
        self.shared
            .counts
            .lock()
            .unwrap()
            .get(request)
            .copied()
            .unwrap_or(0)
    }

    /// The most refreshes that were on their way to the server at the same moment.
    pub fn most_refreshes_at_once(&self) -> usize {
        self.shared.most_refreshes_at_once.load(Ordering::SeqCst)
    }

    /// Refreshes the server carried out but whose answer a fault kept from the client: each
    /// one legitimately ends the session (Directus keeps no grace period for the old token).
    pub fn lost_rotations(&self) -> usize {
        self.shared.lost_rotations.load(Ordering::SeqCst)
    }

    /// The refresh token in the last login or refresh answer the client received whole.
    pub fn last_delivered_refresh_token(&self) -> Option<String> {
        self.shared
            .delivered
            .lock()
            .unwrap()
            .last()
            .map(|delivered| delivered.token.clone())
    }

    /// Where the last login answer the client received stands in the list of delivered tokens.
    pub fn last_login(&self) -> Option<usize> {
        self.shared
            .delivered
            .lock()
            .unwrap()
            .iter()
            .rposition(|delivered| delivered.replaced.is_none())
    }

    /// The session's current refresh token, given the login it was built on: that login's
    /// token, followed through every refresh that traded it in. A refresh of another session
    /// (one restored from the keychain, finishing after this login) is not on the chain.
    pub fn newest_token_since(&self, login: usize) -> Option<String> {
        let delivered = self.shared.delivered.lock().unwrap();
        let mut current = delivered.get(login)?.token.clone();
        while let Some(next) = delivered[login + 1..]
            .iter()
            .find(|d| d.replaced.as_deref() == Some(current.as_str()))
        {
            current = next.token.clone();
        }
        Some(current)
    }
}

async fn serve_connection(
    socket: TcpStream,
    http: reqwest::Client,
    upstream: String,
    forwarded_for: Option<String>,
    shared: Arc<Shared>,
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
        let request = format!("{method} {path}");
        *shared
            .counts
            .lock()
            .unwrap()
            .entry(request.clone())
            .or_insert(0) += 1;
        let fault = match shared.plan.lock().unwrap().as_mut() {
            Some(plan) => plan(&request),
            None => Fault::Pass,
        };

        let canned = match fault {
            Fault::DropBeforeForward => return,
            Fault::Unavailable => Some((503, "application/json", r#"{"errors":[{"message":"Under pressure","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}"#.to_string(), "")),
            Fault::RateLimited => Some((429, "application/json", r#"{"errors":[{"message":"Too many requests","extensions":{"code":"REQUESTS_EXCEEDED"}}]}"#.to_string(), "retry-after: 1\r\n")),
            Fault::BadGateway => Some((502, "text/html", "<html><body>502 Bad Gateway</body></html>".to_string(), "")),
            Fault::Restricted => Some((403, "application/json", r#"{"errors":[{"message":"Login is currently restricted.","extensions":{"code":"RESOURCE_RESTRICTED","category":"login"}}]}"#.to_string(), "")),
            Fault::TokenExpired => Some((401, "application/json", r#"{"errors":[{"message":"Token expired.","extensions":{"code":"TOKEN_EXPIRED"}}]}"#.to_string(), "")),
            _ => None,
        };
        if let Some((status, kind, text, extra)) = canned {
            let answer = format!(
                "HTTP/1.1 {status} Fault\r\ncontent-type: {kind}\r\n{extra}content-length: {}\r\n\r\n{text}",
                text.len()
            );
            if writer.write_all(answer.as_bytes()).await.is_err() {
                return;
            }
            continue;
        }
        if let Fault::Delay(wait) = fault {
            tokio::time::sleep(wait).await;
        }

        let is_refresh = request == "POST /auth/refresh";
        let traded_in = is_refresh
            .then(|| serde_json::from_slice::<serde_json::Value>(&body).ok())
            .flatten()
            .and_then(|v| v["refresh_token"].as_str().map(str::to_string));
        if is_refresh {
            let now = shared.refreshes_in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            shared
                .most_refreshes_at_once
                .fetch_max(now, Ordering::SeqCst);
        }
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
        let answered = forward.body(body).send().await;
        let answer = match answered {
            Ok(response) => {
                let status = response.status();
                let response_headers = response.headers().clone();
                let bytes = response.bytes().await.unwrap_or_default();
                Some((status, response_headers, bytes))
            }
            Err(_) => None,
        };
        if is_refresh {
            shared.refreshes_in_flight.fetch_sub(1, Ordering::SeqCst);
        }
        let Some((status, response_headers, bytes)) = answer else {
            return;
        };
        let issues_tokens = request == "POST /auth/refresh" || request == "POST /auth/login";
        if issues_tokens && status.is_success() {
            if fault.delivers() {
                let token = serde_json::from_slice::<serde_json::Value>(&bytes)
                    .ok()
                    .and_then(|v| v["data"]["refresh_token"].as_str().map(str::to_string));
                if let Some(token) = token {
                    shared.delivered.lock().unwrap().push(Delivered {
                        token,
                        // A refresh always traded something in (if its body could not be
                        // read, nothing this session holds).
                        replaced: is_refresh.then(|| traded_in.clone().unwrap_or_default()),
                    });
                }
            } else if is_refresh && fault.forwards() {
                shared.lost_rotations.fetch_add(1, Ordering::SeqCst);
            }
        }
        let chunked = fault == Fault::OversizedList;
        let (status, kind, body, cut) = match fault {
            Fault::DropAfterForward => return,
            Fault::Garbage => (
                200,
                Some("application/json".to_string()),
                b"<html>this is not JSON".to_vec(),
                false,
            ),
            Fault::Oversized => (
                200,
                Some("application/json".to_string()),
                vec![b' '; 2 * 1024 * 1024],
                false,
            ),
            Fault::OversizedList => (
                200,
                Some("application/json".to_string()),
                oversized_list(),
                false,
            ),
            Fault::ForwardThenAnswer(code, text) => (
                code,
                Some("application/json".to_string()),
                text.as_bytes().to_vec(),
                false,
            ),
            Fault::CutResponse => (status.as_u16(), None, bytes.to_vec(), true),
            _ => (status.as_u16(), None, bytes.to_vec(), false),
        };
        let mut head = format!("HTTP/1.1 {status} Proxied\r\n");
        for (name, value) in &response_headers {
            let skip = matches!(
                name.as_str(),
                "connection" | "content-length" | "transfer-encoding"
            ) || (kind.is_some() && name.as_str() == "content-type");
            if !skip {
                head.push_str(&format!("{name}: {}\r\n", value.to_str().unwrap_or("")));
            }
        }
        if let Some(kind) = kind {
            head.push_str(&format!("content-type: {kind}\r\n"));
        }
        if chunked {
            head.push_str("transfer-encoding: chunked\r\n\r\n");
            if writer.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            for chunk in body.chunks(64 * 1024) {
                let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
                if writer.write_all(&framed).await.is_err() {
                    return;
                }
            }
            if writer.write_all(b"0\r\n\r\n").await.is_err() {
                return;
            }
            continue;
        }
        head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
        let sent = if cut { body.len() / 2 } else { body.len() };
        if writer.write_all(head.as_bytes()).await.is_err()
            || writer.write_all(&body[..sent]).await.is_err()
        {
            return;
        }
        if cut {
            return;
        }
    }
}

/// `{"data": [...], "meta": {"filter_count": n}}` with items shaped like the example
/// collection's, 1.5 MiB in all: over the client's cap of 1 MiB, whatever fields were asked for.
fn oversized_list() -> Vec<u8> {
    let title = "x".repeat(1000);
    let items: Vec<serde_json::Value> = (1..=1500)
        .map(|id| {
            serde_json::json!({
                "id": id,
                "title": format!("{id} {title}"),
                "published_at": "2024-05-01T09:00:00",
            })
        })
        .collect();
    let count = items.len();
    serde_json::to_vec(&serde_json::json!({"data": items, "meta": {"filter_count": count}}))
        .expect("plain JSON values")
}
