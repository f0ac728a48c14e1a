//! For unit tests only: a loopback HTTP server answering each request (one per connection)
//! with the next canned answer and recording what it received, for the retry policy and for
//! answers a real cluster cannot be made to give on demand; and a client set up around it.

use super::{Client, Flavour, Retry, Server};
use crate::conn::{Connection, Kind, Origin, Secret};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One canned answer.
pub struct Canned {
    pub status: u16,
    pub body: String,
    /// Extra header lines, e.g. `retry-after: 1`.
    pub headers: Vec<String>,
}

impl Canned {
    pub fn new(status: u16, body: impl Into<String>) -> Canned {
        Canned {
            status,
            body: body.into(),
            headers: vec![],
        }
    }

    pub fn header(mut self, h: &str) -> Canned {
        self.headers.push(h.to_string());
        self
    }
}

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Seen {
    /// `PUT /_cluster/settings?master_timeout=60s`
    pub line: String,
    pub body: String,
    pub at: Instant,
}

pub type Log = Arc<Mutex<Vec<Seen>>>;

/// Start the server; its URL and the log of what it received.
pub async fn serve(answers: Vec<Canned>) -> (String, Log) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    let seen: Log = Arc::new(Mutex::new(vec![]));
    let log = seen.clone();
    tokio::spawn(async move {
        for a in answers {
            let Ok((mut s, _)) = l.accept().await else {
                return;
            };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 65536];
            loop {
                let n = s.read(&mut chunk).await.unwrap_or(0);
                buf.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&buf).to_string();
                if let Some((head, rest)) = text.split_once("\r\n\r\n") {
                    let len = head
                        .lines()
                        .find_map(|l| {
                            let (k, v) = l.split_once(':')?;
                            k.eq_ignore_ascii_case("content-length")
                                .then(|| v.trim().parse::<usize>().ok())?
                        })
                        .unwrap_or(0);
                    if rest.len() >= len || n == 0 {
                        let line = head.lines().next().unwrap_or("");
                        let line = line.trim_end_matches(" HTTP/1.1").to_string();
                        log.lock().unwrap().push(Seen {
                            line,
                            body: rest.to_string(),
                            at: Instant::now(),
                        });
                        break;
                    }
                } else if n == 0 {
                    break;
                }
            }
            let extra: String = a.headers.iter().map(|h| format!("{h}\r\n")).collect();
            let resp = format!(
                "HTTP/1.1 {} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{extra}connection: close\r\n\r\n{}",
                a.status,
                a.body.len(),
                a.body
            );
            let _ = s.write_all(resp.as_bytes()).await;
            let _ = s.shutdown().await;
        }
    });
    (url, seen)
}

/// An elasticsearch connection to `url`, with user `elastic` and `secret` when given.
pub fn test_conn(url: &str, secret: Option<&str>) -> Connection {
    Connection {
        name: "e".into(),
        kind: Kind::Elasticsearch,
        url: url.into(),
        user: secret.map(|_| "elastic".to_string()),
        options: Default::default(),
        secret: secret.map(|s| Secret::new(s.to_string())),
        has_secret: secret.is_some(),
        origin: Origin::State,
    }
}

/// Fast backoff for tests: 3 attempts, 10 ms doubling up to 50 ms.
pub fn quick() -> Retry {
    Retry {
        attempts: 3,
        first: Duration::from_millis(10),
        max: Duration::from_millis(50),
        budget: Duration::from_secs(30),
    }
}

/// A client of `conn` as if `GET /` had said `server` (OpenSearch 3.8.0 by default).
pub fn client(conn: Connection, server: Option<Server>, retry: Retry) -> Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    Client {
        conn,
        http: reqwest::Client::new(),
        server: server.unwrap_or(Server {
            flavour: Flavour::OpenSearch,
            version: "3.8.0".into(),
            major: 3,
            minor: 8,
            cluster_name: "c".into(),
        }),
        retry,
        deadline: Duration::from_secs(10),
    }
}
