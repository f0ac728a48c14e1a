//! The Elasticsearch / OpenSearch REST client of every user: `es-shards`, both ES ends of
//! `sync`, and `conn test` (plain reqwest + serde; no ES crate). It knows the connection's
//! credentials (basic, `ApiKey` or bearer), detects the flavour and version from `GET /`
//! ([`Server`]), sends requests under one retry policy, bounds what it reads, and parses
//! answers into types naming the endpoint and the JSON path that did not fit. What one engine
//! does with answers (es-shards' errors and waits, sync's `_bulk` items, PIT, exit codes) is in
//! that engine.
//!
//! # Retry policy
//!
//! - **Retried**: no answer (connection refused or reset, the attempt's deadline passed, the
//!   body cut off) and the statuses 429, 500, 502, 503 and 504 ([`retryable_status`]). Every
//!   other answer is final at once: 4xx (401/403 are an authentication error), 501, a 2xx
//!   whose body does not parse.
//! - **A request that must not run twice** ([`Call::once`]: a reroute moving shards, a snapshot
//!   or restore naming what it creates) is retried only when the server surely did not act on
//!   it: the connection was never made, or the answer was 429 or 503. After a 500/502/504 or a
//!   deadline the outcome is unknown, and the error says what was tried.
//! - **Backoff**: 0.5 s after the first failure, doubling, capped at 15 s; at most 6 attempts,
//!   and no attempt starts later than 2 minutes after the first ([`Retry`]). A `Retry-After`
//!   header (seconds) is honoured: the wait is the longer of the backoff and what the server
//!   asked, at most 60 s.
//! - **Deadlines**: each attempt has its own, 60 s by default, 300 s for `_bulk`, search pages,
//!   refresh and delete-by-query ([`LONG_DEADLINE`]). A request that asks the server to wait
//!   (`master_timeout`/`cluster_manager_timeout`, `timeout`) has a deadline 15 s longer than
//!   that wait ([`wait_deadline`]): es-shards asks 60 s of the master and waits 75 s, so a
//!   change applied late is never taken for a failure.
//! - **Errors** ([`EsError`]) are one line, quote at most an excerpt of the server's answer,
//!   scrubbed of every form of the connection's secret, and say how many attempts were made.
//! - Answers are read up to 512 MiB ([`MAX_BODY`]); error bodies up to a few KiB.
//!
//! A wait of its own over many requests (es-shards following a drain for 30 minutes) polls
//! again after a failure that [`EsError::retryable`] calls retryable: the same rule.

mod error;
mod flavour;
mod parse;
mod transport;

pub use error::{EsError, error_reason};
pub use flavour::{Flavour, Server};
pub use parse::{label, parse};
pub use transport::{
    Body, CALL_DEADLINE, Call, LONG_DEADLINE, MAX_BODY, MAX_RETRY_AFTER, Retry, WAIT_MARGIN,
    retryable_status, wait_deadline, with_auth,
};

use super::Connection;
use super::probe::http;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::time::Duration;

/// A connected cluster.
pub struct Client {
    conn: Connection,
    http: reqwest::Client,
    pub server: Server,
    pub retry: Retry,
    /// The deadline of an attempt of a call that names none.
    pub deadline: Duration,
}

/// A server answer: status and body (JSON, or Null when it is not JSON; `text` keeps it).
pub struct Answer {
    pub status: u16,
    pub json: Value,
    pub text: String,
}

impl Answer {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `error.type` of an error answer ("" when none).
    pub fn error_type(&self) -> &str {
        self.json["error"]["type"].as_str().unwrap_or("")
    }
}

impl Client {
    /// Connect with the default policy: read `GET /`, detect the flavour and version.
    pub async fn connect(conn: &Connection) -> Result<Client, EsError> {
        Client::connect_with(conn, Retry::default(), CALL_DEADLINE).await
    }

    /// Connect with another retry policy and default deadline (`conn test`: one attempt).
    pub async fn connect_with(
        conn: &Connection,
        retry: Retry,
        deadline: Duration,
    ) -> Result<Client, EsError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10).min(deadline))
            .user_agent(concat!("shark/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| super::ConnError::Invalid(format!("HTTP client: {e}")))?;
        let mut c = Client {
            conn: conn.clone(),
            http,
            server: Server {
                flavour: Flavour::Elasticsearch,
                version: String::new(),
                major: 0,
                minor: 0,
                cluster_name: String::new(),
            },
            retry,
            deadline,
        };
        let root: Value = c.get("/").await?;
        c.server = Server::from_root(&root).map_err(|reason| EsError::Malformed {
            endpoint: "GET /".into(),
            reason: c.excerpt(&reason),
        })?;
        Ok(c)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_name(&self) -> &str {
        &self.conn.name
    }

    /// What an error message may quote of a server answer: scrubbed, one line, capped.
    pub fn excerpt(&self, text: &str) -> String {
        http::excerpt(&self.conn, text)
    }

    /// Send `call`; any final answer (2xx or not) for the caller to interpret.
    pub async fn send(&self, call: &Call) -> Result<Answer, EsError> {
        let (status, text) = self.exchange(call).await?;
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Answer { status, json, text })
    }

    /// Send `call`; a non-2xx answer is an error, a 2xx one is parsed into `T`.
    pub async fn call<T: DeserializeOwned>(&self, call: &Call) -> Result<T, EsError> {
        let (status, text) = self.exchange(call).await?;
        if !(200..300).contains(&status) {
            return Err(EsError::Status {
                endpoint: call.endpoint(),
                status,
                reason: self.excerpt(&error_reason(&text)),
                attempts: 1,
            });
        }
        self.parse(&call.endpoint(), &text)
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, EsError> {
        self.call(&Call::get(path)).await
    }

    /// A PUT that may run twice (settings, a repository).
    pub async fn put<T: DeserializeOwned>(&self, path: &str, body: &Value) -> Result<T, EsError> {
        self.call(&Call::put(path).json(body.clone())).await
    }

    /// A POST that may run twice (a search, an explain, a dry run).
    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: Option<&Value>,
    ) -> Result<T, EsError> {
        let mut c = Call::post(path);
        if let Some(b) = body {
            c = c.json(b.clone());
        }
        self.call(&c).await
    }

    /// PUT a cluster-state change that waits up to `wait` for the elected master (the
    /// flavour's `master_timeout` parameter is added), with a deadline beyond that wait.
    pub async fn put_master<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &Value,
        wait: Duration,
    ) -> Result<T, EsError> {
        let sep = if path.contains('?') { '&' } else { '?' };
        let full = format!(
            "{path}{sep}{}={}s",
            self.server.master_timeout_param(),
            wait.as_secs()
        );
        let call = Call::put(full)
            .json(body.clone())
            .what(label(&reqwest::Method::PUT, path))
            .deadline(wait_deadline(wait));
        self.call(&call).await
    }

    /// [`parse`], with any credential the server echoed removed from the quoted body.
    pub fn parse<T: DeserializeOwned>(&self, endpoint: &str, body: &str) -> Result<T, EsError> {
        parse(endpoint, body).map_err(|e| match e {
            EsError::Malformed { endpoint, reason } => EsError::Malformed {
                endpoint,
                reason: self.excerpt(&reason),
            },
            other => other,
        })
    }
}

#[cfg(test)]
pub(crate) mod fake;
#[cfg(test)]
pub(crate) use fake::test_conn;

#[cfg(test)]
mod tests;
