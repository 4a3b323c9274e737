//! Real sockets on 127.0.0.1 that misbehave the way servers in the field do: nothing listening,
//! a web server that is not Directus, and a server that accepts and never answers.

use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// An address where nothing listens. The port stays bound (without `listen`) for as long as
/// this value lives, so connections are refused and no other socket of the test run (a faulty
/// server, the driver, the app) can be handed the same port by the OS meanwhile.
pub struct ClosedPort {
    pub url: String,
    _reserved: tokio::net::TcpSocket,
}

pub async fn closed_port() -> ClosedPort {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from(([127, 0, 0, 1], 0))).unwrap();
    let address = socket.local_addr().unwrap();
    ClosedPort {
        url: format!("http://{address}/"),
        _reserved: socket,
    }
}

/// A web server that answers every request with `status` and an HTML page, like a captive
/// portal, a default nginx page, or a proxy's error page.
pub async fn html_server(status: u16) -> String {
    serve(move |_| {
        let body = "<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>";
        format!(
            "HTTP/1.1 {status} Whatever\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
    })
    .await
}

/// A server that answers every request with `status` and a JSON body, with extra headers.
pub async fn json_server(status: u16, headers: &'static str, body: &'static str) -> String {
    serve(move |_| {
        format!(
            "HTTP/1.1 {status} Whatever\r\ncontent-type: application/json\r\n{headers}content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
    })
    .await
}

/// A Directus look-alike that answers `/server/ping` and `/server/info` (with `info`, the
/// JSON of its `data`) as Directus does, accepts every password-reset request, and refuses
/// everything else with 403 FORBIDDEN: for what a server says about itself.
pub async fn fake_directus(info: serde_json::Value) -> String {
    let info = serde_json::json!({ "data": info }).to_string();
    serve(move |request| {
        let (status, kind, body) = if request.starts_with("GET /server/ping") {
            ("200 OK", "text/html", "pong".to_string())
        } else if request.starts_with("GET /server/info") {
            ("200 OK", "application/json", info.clone())
        } else if request.starts_with("POST /auth/password/request") {
            ("204 No Content", "application/json", String::new())
        } else {
            (
                "403 Forbidden",
                "application/json",
                r#"{"errors":[{"message":"Forbidden","extensions":{"code":"FORBIDDEN"}}]}"#
                    .to_string(),
            )
        };
        format!(
            "HTTP/1.1 {status}\r\ncontent-type: {kind}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
    })
    .await
}

/// A server that accepts connections and reads requests but never answers.
pub async fn silent_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket); // keep it open, say nothing
        }
    });
    url_of(address)
}

async fn serve(answer: impl Fn(&str) -> String + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let answer = std::sync::Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let answer = answer.clone();
            tokio::spawn(async move {
                let mut buffer = vec![0u8; 16 * 1024];
                let read = socket.read(&mut buffer).await.unwrap_or(0);
                let request = String::from_utf8_lossy(&buffer[..read]).to_string();
                let _ = socket.write_all(answer(&request).as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    url_of(address)
}

fn url_of(address: SocketAddr) -> String {
    format!("http://{address}/")
}

/// A server whose 200 answer is a JSON body of `size` bytes, announced in `Content-Length` or
/// streamed in chunks without one. Returns its address and a count of the bytes it managed to
/// send, which stops growing once the client stops reading.
pub async fn oversized_server(
    size: usize,
    announced: bool,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let sent = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buffer = vec![0u8; 16 * 1024];
                let _ = socket.read(&mut buffer).await;
                let head = if announced {
                    format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {size}\r\n\r\n")
                } else {
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n".to_string()
                };
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 * 1024];
                let mut left = size;
                while left > 0 {
                    let part = &chunk[..left.min(chunk.len())];
                    let written = if announced {
                        socket.write_all(part).await
                    } else {
                        let framed =
                            [format!("{:x}\r\n", part.len()).as_bytes(), part, b"\r\n"].concat();
                        socket.write_all(&framed).await
                    };
                    if written.is_err() {
                        return;
                    }
                    counter.fetch_add(part.len(), Ordering::SeqCst);
                    left -= part.len();
                }
            });
        }
    });
    (url_of(address), sent)
}

/// A server that answers at once and then sends its body one byte a second.
pub async fn drip_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buffer = vec![0u8; 16 * 1024];
                let _ = socket.read(&mut buffer).await;
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n";
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                for _ in 0..100_000 {
                    if socket.write_all(b" ").await.is_err() {
                        return;
                    }
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            });
        }
    });
    url_of(address)
}
