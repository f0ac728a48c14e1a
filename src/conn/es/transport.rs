//! Sending one request: credentials, a deadline per attempt, the retry policy of the module
//! doc ([`super`]), bounded bodies. Returns the final answer, or the error of the last attempt.

use super::Client;
use super::error::EsError;
use super::parse::label;
use crate::conn::probe::http;
use crate::conn::{ConnError, Connection, redact};
use std::time::{Duration, Instant};

/// Deadline of one attempt of a call that names none.
pub const CALL_DEADLINE: Duration = Duration::from_secs(60);
/// Deadline of an attempt of a `_bulk`, a search page, a delete-by-query, a refresh.
pub const LONG_DEADLINE: Duration = Duration::from_secs(300);
/// How much longer than the wait it asks of the server (`master_timeout`, `timeout`) a
/// request's deadline is: the server answers by the end of its wait (a 503 or
/// `"acknowledged": false` at worst), so the client never gives up on a change the cluster may
/// still apply in the time it was given.
pub const WAIT_MARGIN: Duration = Duration::from_secs(15);
/// The longest `Retry-After` honoured as asked; a longer one waits this long.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Bytes of an answer read at most (a search page of big documents may be large).
pub const MAX_BODY: usize = 512 << 20;

/// The deadline of a request that asks the server to wait up to `wait`.
pub fn wait_deadline(wait: Duration) -> Duration {
    wait + WAIT_MARGIN
}

/// The statuses a later attempt may cure: 429 (a full queue, a circuit breaker), 500 (an
/// exception on the server: a shard relocating, a node leaving), 502/504 (a gateway in between),
/// 503 (no elected master, state not recovered). 501 and every other status are final.
pub fn retryable_status(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

/// The statuses with which the server says it did not act on the request at all: a request
/// that must not run twice ([`Call::once`]) is retried on these and on a failed connect only.
fn not_acted(status: u16) -> bool {
    matches!(status, 429 | 503)
}

/// How a failing request is sent again.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// Attempts in all (the first included).
    pub attempts: u32,
    /// The wait after the first failure; it doubles after each.
    pub first: Duration,
    /// The cap of that wait.
    pub max: Duration,
    /// No new attempt starts when it would begin later than this after the first one.
    pub budget: Duration,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry {
            attempts: 6,
            first: Duration::from_millis(500),
            max: Duration::from_secs(15),
            budget: Duration::from_secs(120),
        }
    }
}

impl Retry {
    /// One attempt: `conn test` reports what it finds now.
    pub fn once() -> Retry {
        Retry {
            attempts: 1,
            ..Retry::default()
        }
    }

    /// The wait before attempt `n + 1` (n ≥ 1): the capped exponential backoff, or what
    /// `Retry-After` asked when that is longer (at most [`MAX_RETRY_AFTER`]).
    pub fn wait(&self, n: u32, after: Option<Duration>) -> Duration {
        let exp = self
            .first
            .saturating_mul(1 << (n.max(1) - 1).min(16))
            .min(self.max);
        after.map_or(exp, |a| a.min(MAX_RETRY_AFTER).max(exp))
    }
}

/// A request body.
#[derive(Debug, Clone)]
pub enum Body {
    Json(serde_json::Value),
    /// `_bulk`'s newline-delimited JSON.
    Ndjson(Vec<u8>),
}

/// One request: method, path (with its query), body, how it is named in errors, its deadline
/// and whether it may run twice.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: reqwest::Method,
    pub path: String,
    pub body: Option<Body>,
    what: Option<String>,
    deadline: Option<Duration>,
    once: bool,
}

impl Call {
    pub fn new(method: reqwest::Method, path: impl Into<String>) -> Call {
        Call {
            method,
            path: path.into(),
            body: None,
            what: None,
            deadline: None,
            once: false,
        }
    }

    pub fn get(path: impl Into<String>) -> Call {
        Call::new(reqwest::Method::GET, path)
    }

    pub fn put(path: impl Into<String>) -> Call {
        Call::new(reqwest::Method::PUT, path)
    }

    pub fn post(path: impl Into<String>) -> Call {
        Call::new(reqwest::Method::POST, path)
    }

    pub fn json(mut self, body: serde_json::Value) -> Call {
        self.body = Some(Body::Json(body));
        self
    }

    pub fn ndjson(mut self, body: Vec<u8>) -> Call {
        self.body = Some(Body::Ndjson(body));
        self
    }

    /// How errors name the call ("the mapping of i"); `GET /i/_mapping` by default.
    pub fn what(mut self, what: impl Into<String>) -> Call {
        self.what = Some(what.into());
        self
    }

    /// The deadline of each attempt (the client's default otherwise).
    pub fn deadline(mut self, d: Duration) -> Call {
        self.deadline = Some(d);
        self
    }

    /// A request that must not run twice (a reroute that moves shards, a snapshot or a restore
    /// that names what it creates): sent again only when the server surely did not act on it.
    pub fn once(mut self) -> Call {
        self.once = true;
        self
    }

    /// How errors name the call.
    pub fn endpoint(&self) -> String {
        self.what
            .clone()
            .unwrap_or_else(|| label(&self.method, &self.path))
    }
}

/// One attempt's failure that the policy may retry.
struct Failure {
    reason: String,
    /// HTTP status, None for no answer.
    status: Option<u16>,
    after: Option<Duration>,
    /// The request may have reached the server.
    sent: bool,
}

impl Client {
    /// Send `call` under the retry policy. Returns the status and body of a 2xx answer or of
    /// an answer no attempt may cure (4xx, 501...); a retryable failure left after the last
    /// attempt is the error.
    pub(super) async fn exchange(&self, call: &Call) -> Result<(u16, String), EsError> {
        let url = http::join(&self.conn.url, &call.path);
        let deadline = call.deadline.unwrap_or(self.deadline);
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let f = match self.attempt(call, &url, deadline).await? {
                Ok(answer) => return Ok(answer),
                Err(f) => f,
            };
            let wait = self.retry.wait(attempt, f.after);
            let may_repeat = !call.once || !f.sent || f.status.is_some_and(not_acted);
            if attempt >= self.retry.attempts
                || !may_repeat
                || started.elapsed() + wait > self.retry.budget
            {
                let endpoint = call.endpoint();
                return Err(match f.status {
                    Some(status) => EsError::Status {
                        endpoint,
                        status,
                        reason: f.reason,
                        attempts: attempt,
                    },
                    None => EsError::Transport {
                        name: self.conn.name.clone(),
                        url: self.conn.endpoint(),
                        endpoint,
                        reason: f.reason,
                        attempts: attempt,
                        sent: f.sent,
                    },
                });
            }
            tracing::debug!(
                what = call.endpoint(),
                attempt,
                failure = f.reason,
                wait_ms = wait.as_millis() as u64,
                "retrying an Elasticsearch call"
            );
            tokio::time::sleep(wait).await;
        }
    }

    /// One attempt: the final answer, a failure to retry, or an error no retry cures.
    async fn attempt(
        &self,
        call: &Call,
        url: &str,
        deadline: Duration,
    ) -> Result<Result<(u16, String), Failure>, EsError> {
        let mut req = self
            .http
            .request(call.method.clone(), url)
            .timeout(deadline);
        req = match &call.body {
            Some(Body::Json(v)) => req.json(v),
            Some(Body::Ndjson(b)) => req
                .header(reqwest::header::CONTENT_TYPE, "application/x-ndjson")
                .body(b.clone()),
            None => req,
        };
        let no_answer = |e: reqwest::Error| Failure {
            sent: !e.is_connect(),
            reason: reason(http::transport(&self.conn, e)),
            status: None,
            after: None,
        };
        let resp = match with_auth(req, &self.conn).send().await {
            Ok(r) => r,
            Err(e) => return Ok(Err(no_answer(e))),
        };
        let resp = http::refuse_auth(&self.conn, resp).await?;
        let status = resp.status().as_u16();
        if retryable_status(status) {
            let after = http::retry_after_secs(&resp).map(Duration::from_secs);
            let text = redact::error_body(resp).await;
            return Ok(Err(Failure {
                reason: self.excerpt(&super::error_reason(&text)),
                status: Some(status),
                after,
                sent: true,
            }));
        }
        match redact::read_capped(resp, MAX_BODY).await {
            Ok((_, true)) => Err(EsError::Malformed {
                endpoint: call.endpoint(),
                reason: format!("the answer is larger than {} MiB", MAX_BODY >> 20),
            }),
            Ok((bytes, false)) => Ok(Ok((status, String::from_utf8_lossy(&bytes).into_owned()))),
            Err(e) => Ok(Err(no_answer(e))),
        }
    }
}

/// The reason of a transport error (already scrubbed by [`http::transport`]).
fn reason(e: ConnError) -> String {
    match e {
        ConnError::Unreachable { reason, .. } | ConnError::Protocol { reason, .. } => reason,
        other => other.to_string(),
    }
}

/// Add the configured credentials: basic (default), `ApiKey`, or bearer.
pub fn with_auth(req: reqwest::RequestBuilder, conn: &Connection) -> reqwest::RequestBuilder {
    match (conn.option("auth"), &conn.secret) {
        (Some("apikey"), Some(s)) => req.header("Authorization", format!("ApiKey {}", s.expose())),
        (Some("bearer"), Some(s)) => req.bearer_auth(s.expose()),
        _ => http::with_auth(req, conn),
    }
}
