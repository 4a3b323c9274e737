//! The hand-off page (`hand-off/index.html`), served the way docs/deploying.md tells an organisation
//! to host it: the one file at every address below a folder, with no-store and no-referrer.

use crate::app::repo_root;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub fn page_html() -> String {
    std::fs::read_to_string(repo_root().join("hand-off/index.html")).unwrap()
}

/// Serves the page on `address` (e.g. "127.0.0.1:0") for the life of the test; returns the
/// folder's address, `http://<address>/directus-desktop/`.
pub async fn serve_hand_off_page(address: &str) -> String {
    let listener = TcpListener::bind(address).await.unwrap();
    let bound = listener.local_addr().unwrap();
    let body = page_html();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let body = body.clone();
            tokio::spawn(async move {
                let mut request = vec![0u8; 16 * 1024];
                let _ = socket.read(&mut request).await;
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncache-control: no-store\r\nreferrer-policy: no-referrer\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(answer.as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    format!("http://{bound}/directus-desktop/")
}
