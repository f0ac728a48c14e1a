//! What a call to Elasticsearch / OpenSearch can end with, on one line, scrubbed of the
//! connection's credentials. Engines turn these into their own errors (exit codes, transient or
//! fatal); [`EsError::retryable`] is the one rule of what a later attempt may cure.

use super::transport::retryable_status;
use crate::conn::{ConnError, Connection, redact};
use crate::exit::{Classify, ExitKind};
use serde_json::Value;

#[derive(Debug, thiserror::Error)]
pub enum EsError {
    /// Bad connection definition, or credentials refused (401/403): never retried.
    #[error(transparent)]
    Conn(#[from] ConnError),
    /// No usable answer (refused, reset, deadline passed, body cut) on the last attempt.
    #[error("{endpoint}: no answer from {url}: {reason}{}", gave_up(*attempts))]
    Transport {
        /// The connection's name.
        name: String,
        url: String,
        endpoint: String,
        reason: String,
        attempts: u32,
        /// The request may have reached the server (it may have acted on it).
        sent: bool,
    },
    /// A non-2xx answer: the server's `type: reason`, or an excerpt of its body.
    #[error("{endpoint} answered HTTP {status}: {reason}{}", gave_up(*attempts))]
    Status {
        endpoint: String,
        status: u16,
        reason: String,
        attempts: u32,
    },
    /// A 2xx answer that is not what the endpoint documents (or is over the size bound).
    #[error("{endpoint}: unexpected response: {reason}")]
    Malformed { endpoint: String, reason: String },
}

fn gave_up(attempts: u32) -> String {
    if attempts > 1 {
        format!(" (gave up after {attempts} attempts)")
    } else {
        String::new()
    }
}

impl EsError {
    /// Would a later attempt possibly succeed: no answer, or a status of the retry policy
    /// (see [`super`]).
    pub fn retryable(&self) -> bool {
        match self {
            EsError::Transport { .. } => true,
            EsError::Status { status, .. } => retryable_status(*status),
            EsError::Conn(_) | EsError::Malformed { .. } => false,
        }
    }

    /// As a connection error: no answer is Unreachable (exit 3), a refusal or an answer we
    /// cannot use is Protocol (exit 4).
    pub fn into_conn(self, conn: &Connection) -> ConnError {
        match self.into_unreachable() {
            Ok(c) => c,
            Err(other) => ConnError::Protocol {
                name: conn.name.clone(),
                endpoint: conn.endpoint(),
                reason: other.to_string(),
            },
        }
    }

    /// A connection error as it is and no answer as Unreachable (exit 3); an answer back as
    /// it is (`Status`, `Malformed`).
    pub fn into_unreachable(self) -> Result<ConnError, EsError> {
        match self {
            EsError::Conn(c) => Ok(c),
            EsError::Transport {
                name,
                url,
                endpoint,
                reason,
                attempts,
                ..
            } => Ok(ConnError::Unreachable {
                name,
                endpoint: url,
                reason: format!("{endpoint}: {reason}{}", gave_up(attempts)),
            }),
            other => Err(other),
        }
    }
}

impl Classify for EsError {
    fn exit_kind(&self) -> ExitKind {
        match self {
            EsError::Conn(c) => c.exit_kind(),
            EsError::Transport { .. } => ExitKind::Connect,
            EsError::Status { .. } | EsError::Malformed { .. } => ExitKind::Runtime,
        }
    }
}

/// The reason of an error body: `{"error":{"type":..,"reason":..},"status":..}` gives
/// `type: reason` (or the first root cause's), a plain-string `error` itself, anything else an
/// excerpt. Not yet scrubbed.
pub fn error_reason(body: &str) -> String {
    match serde_json::from_str::<Value>(body) {
        Ok(v) => {
            let e = &v["error"];
            let root = &e["root_cause"][0];
            let pick = |x: &Value| {
                x["reason"].as_str().map(|r| match x["type"].as_str() {
                    Some(t) => format!("{t}: {r}"),
                    None => r.to_string(),
                })
            };
            pick(e)
                .or_else(|| pick(root))
                .or_else(|| e.as_str().map(str::to_string))
                .unwrap_or_else(|| redact::excerpt(body))
        }
        Err(_) => redact::excerpt(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_give_their_reason() {
        let b = r#"{"error":{"root_cause":[],"type":"illegal_argument_exception","reason":"unknown setting [x]"},"status":400}"#;
        assert_eq!(
            error_reason(b),
            "illegal_argument_exception: unknown setting [x]"
        );
        assert_eq!(
            error_reason("<html>bad gateway</html>"),
            "<html>bad gateway</html>"
        );
        assert_eq!(
            error_reason(r#"{"error":"no handler found for uri [/_recovery] and method [GET]"}"#),
            "no handler found for uri [/_recovery] and method [GET]"
        );
    }

    #[test]
    fn exit_codes_and_what_is_retryable() {
        let status = |s| EsError::Status {
            endpoint: "GET /x".into(),
            status: s,
            reason: "r".into(),
            attempts: 1,
        };
        assert!(status(503).retryable() && status(500).retryable());
        assert!(!status(501).retryable() && !status(400).retryable());
        assert_eq!(status(400).exit_kind().code(), 4);
        assert_eq!(status(400).to_string(), "GET /x answered HTTP 400: r");
        let t = EsError::Transport {
            name: "e".into(),
            url: "http://h:9200".into(),
            endpoint: "GET /".into(),
            reason: "connection refused".into(),
            attempts: 6,
            sent: false,
        };
        assert!(t.retryable());
        assert_eq!(t.exit_kind().code(), 3);
        assert!(t.to_string().ends_with("(gave up after 6 attempts)"), "{t}");
        let conn = crate::conn::es::test_conn("http://h:9200", None);
        let c = t.into_conn(&conn);
        assert_eq!(c.exit_kind().code(), 3);
        assert!(c.to_string().contains("GET /: connection refused"), "{c}");
    }
}
