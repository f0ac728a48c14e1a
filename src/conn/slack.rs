//! Posting to a Slack incoming webhook, for every engine that sends messages (monitor alerts,
//! inspect report summaries): the connection's `channel` option is set on the payload, 429
//! `Retry-After` is waited out, 5xx and transport errors are retried with backoff, and errors
//! never carry the webhook URL (the secret) nor unbounded or unscrubbed server text.

use super::Connection;
use serde_json::{Value, json};
use std::time::Duration;

/// Attempts for 5xx/transport failures before a delivery counts as failed. 429s wait as told
/// and do not count against this.
pub const MAX_FAILURES: i64 = 4;
const MAX_RATE_LIMITED: u32 = 20;

/// The HTTP client deliveries use.
pub fn client() -> Result<reqwest::Client, super::ConnError> {
    super::probe::http::client()
}

/// The outcome of one delivery attempt.
pub enum Attempt {
    Sent,
    /// 429: wait this long, then try again
    RateLimited(Duration),
    /// worth retrying (5xx, transport)
    Retry(String),
    /// will not work by retrying (400 invalid payload, 403/404 revoked webhook)
    Fatal(String),
}

/// POST `body` once to the connection's webhook.
pub async fn post(client: &reqwest::Client, conn: &Connection, body: &Value) -> Attempt {
    let Some(url) = conn.secret.as_ref() else {
        return Attempt::Fatal("no webhook URL stored".into());
    };
    let resp = match client.post(url.expose()).json(body).send().await {
        Ok(r) => r,
        Err(e) => return Attempt::Retry(super::probe::http::transport(conn, e).to_string()),
    };
    let status = resp.status().as_u16();
    let retry_after = super::probe::http::retry_after_secs(&resp);
    // the reply is only ever quoted: read a bounded amount and scrub the webhook from it
    let text = super::redact::error_body(resp).await;
    let text = super::probe::http::excerpt(conn, &text);
    match status {
        200..=299 => Attempt::Sent,
        429 => Attempt::RateLimited(Duration::from_secs(retry_after.unwrap_or(1).clamp(1, 300))),
        500..=599 => Attempt::Retry(format!("HTTP {status}: {text}")),
        _ => Attempt::Fatal(format!("HTTP {status}: {text}")),
    }
}

/// How a delivery ended.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Delivery {
    pub sent: bool,
    /// POSTs made, counting from the `attempts` given to [`deliver`]
    pub attempts: i64,
    pub error: Option<String>,
}

/// Deliver one message (the connection's `channel` option is added), waiting out rate limits
/// and retrying failures; `on_wait(delay, why)` is told before each wait.
pub async fn deliver(
    client: &reqwest::Client,
    conn: &Connection,
    mut body: Value,
    mut attempts: i64,
    mut on_wait: impl FnMut(Duration, &str),
) -> Delivery {
    if let Some(c) = conn.option("channel") {
        body["channel"] = json!(c);
    }
    let mut failures = 0;
    let mut limited = 0;
    let failed = |attempts, e: String| Delivery {
        sent: false,
        attempts,
        error: Some(e),
    };
    loop {
        attempts += 1;
        match post(client, conn, &body).await {
            Attempt::Sent => {
                return Delivery {
                    sent: true,
                    attempts,
                    error: None,
                };
            }
            Attempt::Fatal(e) => return failed(attempts, e),
            Attempt::RateLimited(d) => {
                limited += 1;
                if limited > MAX_RATE_LIMITED {
                    return failed(attempts, "rate limited too many times".into());
                }
                on_wait(d, "rate limited (429)");
                tokio::time::sleep(d).await;
            }
            Attempt::Retry(e) => {
                failures += 1;
                if failures >= MAX_FAILURES {
                    return failed(attempts, e);
                }
                let d = Duration::from_millis(500 << failures);
                on_wait(d, &e);
                tokio::time::sleep(d).await;
            }
        }
    }
}

/// `s` cut to at most `n` bytes (on a character boundary), with `…` when cut. Slack refuses
/// blocks over its field limits.
pub fn truncate(s: &str, n: usize) -> String {
    if s.len() <= n {
        s.to_string()
    } else {
        format!("{}…", &s[..s.floor_char_boundary(n)])
    }
}
