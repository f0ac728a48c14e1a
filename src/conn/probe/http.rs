//! The HTTP client and error mapping shared by the REST-speaking probes.

use super::{PROBE_TIMEOUT, auth_failed, protocol, scrub, unreachable};
use crate::conn::{ConnError, Connection};

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
    let status = resp.status();
    if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
        let body = resp.text().await.unwrap_or_default();
        return Err(auth_failed(
            conn,
            scrub(conn, format!("HTTP {status}: {}", first_line(&body))),
        ));
    }
    Ok(resp)
}

/// GET a JSON document; non-2xx is a protocol error.
pub async fn get_json(
    conn: &Connection,
    client: &reqwest::Client,
    url: &str,
) -> Result<serde_json::Value, ConnError> {
    let resp = send(conn, with_auth(client.get(url), conn)).await?;
    let status = resp.status();
    let body = resp.text().await.map_err(|e| transport(conn, e))?;
    if !status.is_success() {
        return Err(protocol(
            conn,
            format!(
                "GET {} answered HTTP {status}: {}",
                path_of(url),
                first_line(&body)
            ),
        ));
    }
    serde_json::from_str(&body).map_err(|e| {
        protocol(
            conn,
            format!(
                "GET {} did not return JSON ({e}): {}",
                path_of(url),
                first_line(&body)
            ),
        )
    })
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

pub fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    if line.len() > 200 {
        format!("{}…", &line[..line.floor_char_boundary(200)])
    } else {
        line.to_string()
    }
}

fn path_of(url: &str) -> String {
    url::Url::parse(url)
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| url.to_string())
}

/// `base` joined with `path`, keeping any path prefix of `base`.
pub fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}
