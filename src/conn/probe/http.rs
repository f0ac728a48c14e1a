//! The HTTP client and error mapping shared by the REST-speaking probes.

use super::{PROBE_TIMEOUT, auth_failed, protocol, scrub, unreachable};
use crate::conn::redact::{self, Redactor};
use crate::conn::{ConnError, Connection};

/// Bytes of a successful answer a probe reads at most.
pub const MAX_BODY: usize = 16 * 1024 * 1024;

pub fn client() -> Result<reqwest::Client, ConnError> {
    reqwest::Client::builder()
        .connect_timeout(PROBE_TIMEOUT)
        .timeout(PROBE_TIMEOUT)
        .user_agent(concat!("shark/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ConnError::Invalid(format!("HTTP client: {e}")))
}

/// Add the connection's credentials: basic auth with a user, otherwise a bearer token.
pub fn with_auth(req: reqwest::RequestBuilder, conn: &Connection) -> reqwest::RequestBuilder {
    match (&conn.user, &conn.secret) {
        (Some(u), s) => req.basic_auth(u, s.as_ref().map(|s| s.expose())),
        (None, Some(s)) => req.bearer_auth(s.expose()),
        (None, None) => req,
    }
}

/// Send, mapping transport failures to Unreachable and 401/403 to Auth.
pub async fn send(
    conn: &Connection,
    req: reqwest::RequestBuilder,
) -> Result<reqwest::Response, ConnError> {
    let resp = req.send().await.map_err(|e| transport(conn, e))?;
    refuse_auth(conn, resp).await
}

/// A 401/403 answer as an Auth error quoting its scrubbed body; any other answer as it is.
pub async fn refuse_auth(
    conn: &Connection,
    resp: reqwest::Response,
) -> Result<reqwest::Response, ConnError> {
    let status = resp.status();
    if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
        let body = redact::error_body(resp).await;
        return Err(auth_failed(
            conn,
            format!("HTTP {status}: {}", excerpt(conn, &body)),
        ));
    }
    Ok(resp)
}

/// What an error message may quote of a server's answer: scrubbed, one line, capped.
pub fn excerpt(conn: &Connection, body: &str) -> String {
    Redactor::for_conn(conn).excerpt(body)
}

/// The body of a successful answer as text, at most [`MAX_BODY`] bytes (more is an error).
pub async fn body(
    conn: &Connection,
    what: &str,
    resp: reqwest::Response,
) -> Result<String, ConnError> {
    let (bytes, more) = redact::read_capped(resp, MAX_BODY)
        .await
        .map_err(|e| transport(conn, e))?;
    if more {
        return Err(protocol(
            conn,
            format!("{what}: the answer is larger than {} MiB", MAX_BODY >> 20),
        ));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A JSON answer of `what`; a non-2xx status or a body that is not JSON is a protocol error
/// quoting a scrubbed excerpt.
pub async fn json_body(
    conn: &Connection,
    what: &str,
    resp: reqwest::Response,
) -> Result<serde_json::Value, ConnError> {
    let status = resp.status();
    if !status.is_success() {
        let body = redact::error_body(resp).await;
        return Err(protocol(
            conn,
            format!("{what} answered HTTP {status}: {}", excerpt(conn, &body)),
        ));
    }
    let body = body(conn, what, resp).await?;
    serde_json::from_str(&body).map_err(|e| {
        protocol(
            conn,
            format!("{what} did not return JSON ({e}): {}", excerpt(conn, &body)),
        )
    })
}

/// GET a JSON document; non-2xx is a protocol error.
pub async fn get_json(
    conn: &Connection,
    client: &reqwest::Client,
    url: &str,
) -> Result<serde_json::Value, ConnError> {
    let resp = send(conn, with_auth(client.get(url), conn)).await?;
    json_body(conn, &format!("GET {}", path_of(url)), resp).await
}

pub fn transport(conn: &Connection, e: reqwest::Error) -> ConnError {
    // never echo the URL: for some kinds (Slack) it is the secret
    let e = e.without_url();
    let mut reason = e.to_string();
    let mut src = std::error::Error::source(&e);
    while let Some(s) = src {
        reason = format!("{reason}: {s}");
        src = s.source();
    }
    let reason = scrub(conn, reason);
    if e.is_connect() || e.is_timeout() {
        unreachable(conn, reason)
    } else {
        protocol(conn, reason)
    }
}

fn path_of(url: &str) -> String {
    url::Url::parse(url)
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| url.to_string())
}

/// The seconds of a `Retry-After` header (the delay-seconds form; an HTTP date is ignored).
pub fn retry_after_secs(resp: &reqwest::Response) -> Option<u64> {
    resp.headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// `base` joined with `path`, keeping any path prefix of `base`.
pub fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}
