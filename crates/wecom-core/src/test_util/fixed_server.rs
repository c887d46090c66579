//! A loopback HTTP/1.1 server that answers every request with one fixed JSON body: the cheapest
//! possible peer, so that benchmarks measure the client, not the server.

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Serves a fixed answer on 127.0.0.1 until dropped (the accept loop is aborted on drop).
#[derive(Debug)]
pub struct FixedResponseServer {
    addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl FixedResponseServer {
    /// Binds a free loopback port and answers every request, keep-alive, with `body` as JSON.
    pub async fn start(body: impl Into<Vec<u8>>) -> std::io::Result<Self> {
        let body = body.into();
        let mut response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(&body);
        let response: std::sync::Arc<[u8]> = response.into();
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let response = response.clone();
                tokio::spawn(serve(stream, response));
            }
        });
        Ok(Self { addr, task })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for FixedResponseServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(mut stream: TcpStream, response: std::sync::Arc<[u8]>) {
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::with_capacity(8192);
    let mut chunk = [0u8; 8192];
    loop {
        // Read one request: headers, then Content-Length bytes of body.
        let request_end = loop {
            if let Some(end) = request_len(&buf) {
                break end;
            }
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        buf.drain(..request_end);
        if stream.write_all(&response).await.is_err() {
            return;
        }
    }
}

/// The length of the first complete request in `buf`, if it holds one.
fn request_len(buf: &[u8]) -> Option<usize> {
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = std::str::from_utf8(&buf[..head_end]).ok()?;
    let body_len = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())
                .flatten()
        })
        .unwrap_or(0);
    (buf.len() >= head_end + body_len).then_some(head_end + body_len)
}
