//! The Elasticsearch / OpenSearch REST client of sync (plain reqwest + serde_json): flavour and
//! version from `GET /`, index create/delete/refresh/count/mapping, aliases, delete-by-query,
//! search, and `_bulk` with per-item error handling. Reading a whole index page by page (PIT,
//! `search_after`, scroll) is in [`crate::sync::source::es_read`].
//!
//! Every call has a deadline. A whole request that fails in transport or answers 429/502/503/504
//! is sent again with exponential backoff (honouring `Retry-After`), a bounded number of times,
//! then fails as a transient error; `_bulk` also sends again the items that failed with 429/503
//! or `(es_)rejected_execution_exception` (Elasticsearch's and OpenSearch's name), and returns every other item failure to its caller.
//! Error messages quote server answers scrubbed of the connection's secret, on one line.

use crate::conn::probe::{es::with_auth, http};
use crate::conn::{ConnError, Connection, redact};
use crate::sync::error::{Fault, SyncError};
use serde_json::{Value, json};
use std::time::Duration;

/// Which side of a task the connection is: decides the error variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    Elasticsearch,
    OpenSearch,
}

/// The server's flavour and version (`GET /`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub flavour: Flavour,
    pub major: u32,
    pub minor: u32,
}

impl Version {
    /// From the `version` object of `GET /`; None when it is not ES/OpenSearch.
    pub fn parse(root: &Value) -> Option<Version> {
        let number = root["version"]["number"].as_str()?;
        let mut parts = number.split(['.', '-']).map(|p| p.parse::<u32>().ok());
        let major = parts.next()??;
        let minor = parts.next().flatten().unwrap_or(0);
        let flavour = if root["version"]["distribution"] == "opensearch" {
            Flavour::OpenSearch
        } else {
            Flavour::Elasticsearch
        };
        Some(Version {
            flavour,
            major,
            minor,
        })
    }

    fn at_least(&self, major: u32, minor: u32) -> bool {
        (self.major, self.minor) >= (major, minor)
    }

    /// The path that opens a point in time on `index` (keep-alive in the query), when the
    /// server has PIT: OpenSearch 2.4+ (`/_search/point_in_time`), Elasticsearch 7.10+ (`/_pit`).
    pub fn pit_path(&self, index: &str) -> Option<String> {
        match self.flavour {
            Flavour::OpenSearch if self.at_least(2, 4) => {
                Some(format!("/{index}/_search/point_in_time"))
            }
            Flavour::Elasticsearch if self.at_least(7, 10) => Some(format!("/{index}/_pit")),
            _ => None,
        }
    }

    /// Whether searches may sort on `_id`: Elasticsearch 8 refuses it by default
    /// (`indices.id_field_data.enabled=false`); 7.x and OpenSearch allow it.
    pub fn sorts_on_id(&self) -> bool {
        !(self.flavour == Flavour::Elasticsearch && self.major >= 8)
    }

    /// Whether a PIT search can sort on `_shard_doc` (shard and Lucene doc id: no fielddata on
    /// the cluster's heap): Elasticsearch 7.12+, OpenSearch 3.3+.
    pub fn sorts_on_shard_doc(&self) -> bool {
        match self.flavour {
            Flavour::Elasticsearch => self.at_least(7, 12),
            Flavour::OpenSearch => self.at_least(3, 3),
        }
    }

    pub fn label(&self) -> String {
        let f = match self.flavour {
            Flavour::Elasticsearch => "Elasticsearch",
            Flavour::OpenSearch => "OpenSearch",
        };
        format!("{f} {}.{}", self.major, self.minor)
    }
}

/// How a failing request is sent again.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// Attempts in all (the first included).
    pub attempts: u32,
    pub first: Duration,
    pub max: Duration,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry {
            attempts: 6,
            first: Duration::from_millis(500),
            max: Duration::from_secs(15),
        }
    }
}

impl Retry {
    /// The wait before attempt `n + 1` (n ≥ 1), at least what `Retry-After` asked (capped).
    fn wait(&self, n: u32, after: Option<Duration>) -> Duration {
        let exp = self
            .first
            .saturating_mul(1 << (n - 1).min(16))
            .min(self.max);
        after.map_or(exp, |a| a.min(self.max).max(exp))
    }
}

/// Bounds of one `_bulk` request.
#[derive(Debug, Clone, Copy)]
pub struct BulkLimits {
    pub docs: usize,
    pub bytes: usize,
}

impl Default for BulkLimits {
    fn default() -> BulkLimits {
        BulkLimits {
            docs: 1000,
            bytes: 8 << 20,
        }
    }
}

/// Deadline of a call that is not a bulk or a search page.
pub const CALL_DEADLINE: Duration = Duration::from_secs(60);
/// Deadline of a `_bulk` request, a search page, a delete-by-query.
pub const LONG_DEADLINE: Duration = Duration::from_secs(300);
/// Bytes of an answer read at most (a search page of big documents may be large).
const MAX_ANSWER: usize = 512 << 20;

/// One `_bulk` operation, idempotent by `_id`.
#[derive(Debug, Clone)]
pub enum BulkOp {
    Index {
        index: String,
        id: String,
        /// The document as JSON object text.
        source: String,
    },
    Delete {
        index: String,
        id: String,
    },
}

impl BulkOp {
    /// The index the operation writes to.
    pub fn index(&self) -> &str {
        match self {
            BulkOp::Index { index, .. } | BulkOp::Delete { index, .. } => index,
        }
    }

    fn ndjson(&self, out: &mut Vec<u8>) {
        let (action, source) = match self {
            BulkOp::Index { index, id, source } => {
                (json!({"index": {"_index": index, "_id": id}}), Some(source))
            }
            BulkOp::Delete { index, id } => (json!({"delete": {"_index": index, "_id": id}}), None),
        };
        out.extend_from_slice(action.to_string().as_bytes());
        out.push(b'\n');
        if let Some(s) = source {
            out.extend_from_slice(s.as_bytes());
            out.push(b'\n');
        }
    }
}

/// What a failed `_bulk` item means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemFault {
    /// The document itself does not fit (a value its field's mapping cannot parse, a field a
    /// strict mapping refuses, too many fields): a refused row, for `--on-error`.
    Content,
    /// The cluster is busy or failing over (429, 5xx, a full write queue): send it again.
    Retry,
    /// Anything else — a write block (`cluster_block_exception`, 403), a missing index (404),
    /// no privilege, a conflict shark does not cause: the batch stops.
    Stop,
}

/// The error types of a 400 that are about the document's content.
const CONTENT_ERRORS: &[&str] = &[
    "mapper_parsing_exception",
    "document_parsing_exception",
    "strict_dynamic_mapping_exception",
    "illegal_argument_exception",
    "x_content_parse_exception",
    "json_parse_exception",
    "parse_exception",
];

/// How a `_bulk` item that failed with `status` and error `kind` is handled (see [`ItemFault`]).
pub fn item_fault(status: u16, kind: &str) -> ItemFault {
    if kind == "cluster_block_exception" && status != 429 {
        return ItemFault::Stop;
    }
    match status {
        429 | 500..=599 => ItemFault::Retry,
        // Elasticsearch's name and OpenSearch's for a full write queue.
        _ if matches!(
            kind,
            "es_rejected_execution_exception" | "rejected_execution_exception"
        ) =>
        {
            ItemFault::Retry
        }
        400 if CONTENT_ERRORS.contains(&kind) => ItemFault::Content,
        _ => ItemFault::Stop,
    }
}

/// What to do about an item refused with [`ItemFault::Stop`].
fn stop_hint(status: u16, kind: &str) -> &'static str {
    match (status, kind) {
        (_, "cluster_block_exception") => {
            " (the index is read-only or blocked for writes: lift the block, e.g. `PUT INDEX/_settings {\"index.blocks.write\": false}`, then run the task again)"
        }
        (404, _) | (_, "index_not_found_exception") => {
            " (the index went away during the run: run the task again, or `sync reset` the unit)"
        }
        (401 | 403, _) => " (the target user lacks a privilege: grant write on the index)",
        _ => "",
    }
}

/// A `_bulk` item the server refused on its own merits (mapping conflict, bad value...).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemError {
    /// Index of the operation in the list given to [`EsClient::bulk`].
    pub op: usize,
    pub status: u16,
    /// `type: reason` of the error, one line, scrubbed.
    pub reason: String,
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

enum Body {
    Json(Value),
    Ndjson(Vec<u8>),
}

pub struct EsClient {
    conn: Connection,
    http: reqwest::Client,
    side: Side,
    pub version: Version,
    pub retry: Retry,
    pub limits: BulkLimits,
}

impl EsClient {
    /// A client for `conn`, after `GET /` told the flavour and version.
    pub async fn connect(conn: &Connection, side: Side) -> Result<EsClient, SyncError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("shark/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ConnError::Invalid(format!("HTTP client: {e}")))?;
        let mut c = EsClient {
            conn: conn.clone(),
            http,
            side,
            version: Version {
                flavour: Flavour::Elasticsearch,
                major: 0,
                minor: 0,
            },
            retry: Retry::default(),
            limits: BulkLimits::default(),
        };
        let root = c.get_ok("/", "GET /").await?;
        c.version = Version::parse(&root).ok_or_else(|| {
            c.err(
                format!(
                    "GET / has no version.number: is this Elasticsearch or OpenSearch? ({})",
                    http::excerpt(conn, &root.to_string())
                ),
                Fault::Fatal,
            )
        })?;
        if c.version.major < 6 && c.version.flavour == Flavour::Elasticsearch {
            return Err(c.err(
                format!(
                    "{} is not supported (Elasticsearch 6 or later, OpenSearch 1 or later)",
                    c.version.label()
                ),
                Fault::Fatal,
            ));
        }
        Ok(c)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// An error of this side of the task.
    pub fn err(&self, msg: impl Into<String>, fault: Fault) -> SyncError {
        match self.side {
            Side::Source => SyncError::Source(self.conn.name.clone(), msg.into(), fault),
            Side::Target => SyncError::Target(self.conn.name.clone(), msg.into(), fault),
        }
    }

    /// What an error message may quote of a server answer.
    pub fn excerpt(&self, text: &str) -> String {
        http::excerpt(&self.conn, text)
    }

    /// A failed answer as an error: `what answered HTTP n: <excerpt>`.
    pub fn failed(&self, what: &str, a: &Answer, fault: Fault) -> SyncError {
        self.err(
            format!(
                "{what} answered HTTP {}: {}",
                a.status,
                self.excerpt(&a.text)
            ),
            fault,
        )
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Body>,
        what: &str,
        deadline: Duration,
    ) -> Result<Answer, SyncError> {
        let url = http::join(&self.conn.url, path);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut req = self.http.request(method.clone(), &url).timeout(deadline);
            req = match &body {
                Some(Body::Json(v)) => req.json(v),
                Some(Body::Ndjson(b)) => req
                    .header(reqwest::header::CONTENT_TYPE, "application/x-ndjson")
                    .body(b.clone()),
                None => req,
            };
            let (after, failure) = match http::send(&self.conn, with_auth(req, &self.conn)).await {
                // transport failures (refused, reset, timed out): worth another attempt
                Err(ConnError::Unreachable { reason, .. } | ConnError::Protocol { reason, .. }) => {
                    (None, reason)
                }
                Err(other) => return Err(SyncError::Conn(other)),
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if matches!(status, 429 | 502 | 503 | 504) {
                        let after = http::retry_after_secs(&resp).map(Duration::from_secs);
                        let text = redact::error_body(resp).await;
                        (after, format!("HTTP {status}: {}", self.excerpt(&text)))
                    } else {
                        match redact::read_capped(resp, MAX_ANSWER).await {
                            Ok((_, true)) => {
                                return Err(self.err(
                                    format!(
                                        "{what}: the answer is larger than {} MiB",
                                        MAX_ANSWER >> 20
                                    ),
                                    Fault::Fatal,
                                ));
                            }
                            Ok((bytes, false)) => {
                                let text = String::from_utf8_lossy(&bytes).into_owned();
                                let json = serde_json::from_str(&text).unwrap_or(Value::Null);
                                return Ok(Answer { status, json, text });
                            }
                            Err(e) => (None, http::transport(&self.conn, e).to_string()),
                        }
                    }
                }
            };
            if attempt >= self.retry.attempts {
                return Err(self.err(
                    format!("{what}: {failure} (gave up after {attempt} attempts)"),
                    Fault::Transient,
                ));
            }
            tracing::debug!(what, attempt, failure, "retrying an Elasticsearch call");
            tokio::time::sleep(self.retry.wait(attempt, after)).await;
        }
    }

    /// A call whose answer must be 2xx; its JSON.
    async fn call_ok(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
        what: &str,
        deadline: Duration,
    ) -> Result<Value, SyncError> {
        let a = self
            .call(method, path, body.map(Body::Json), what, deadline)
            .await?;
        if !a.ok() {
            return Err(self.failed(what, &a, Fault::Fatal));
        }
        Ok(a.json)
    }

    async fn get_ok(&self, path: &str, what: &str) -> Result<Value, SyncError> {
        self.call_ok(reqwest::Method::GET, path, None, what, CALL_DEADLINE)
            .await
    }

    /// A GET whose 404 means "there is none": None then, else the 2xx answer's JSON.
    async fn get_found(&self, path: &str, what: &str) -> Result<Option<Value>, SyncError> {
        let a = self
            .call(reqwest::Method::GET, path, None, what, CALL_DEADLINE)
            .await?;
        if a.status == 404 {
            return Ok(None);
        }
        if !a.ok() {
            return Err(self.failed(what, &a, Fault::Fatal));
        }
        Ok(Some(a.json))
    }

    /// Any call, for answers the caller interprets (404s, PIT support).
    pub async fn raw(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
        what: &str,
    ) -> Result<Answer, SyncError> {
        self.call(method, path, body.map(Body::Json), what, LONG_DEADLINE)
            .await
    }

    /// Open indexes (not closed, not hidden), system ones (leading `.`) left out, sorted.
    pub async fn indexes(&self) -> Result<Vec<String>, SyncError> {
        let v = self
            .get_ok(
                "/_cat/indices?format=json&h=index&expand_wildcards=open",
                "the index list",
            )
            .await?;
        let mut out: Vec<String> = v
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|i| i["index"].as_str())
                    .filter(|n| !n.starts_with('.'))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        Ok(out)
    }

    /// The `mappings` of `index` (an index or an alias of one); None when it does not exist.
    pub async fn mapping(&self, index: &str) -> Result<Option<Value>, SyncError> {
        let what = format!("the mapping of {index}");
        let Some(json) = self.get_found(&format!("/{index}/_mapping"), &what).await? else {
            return Ok(None);
        };
        // keyed by the concrete index (the alias resolved)
        Ok(json
            .as_object()
            .and_then(|o| o.values().next())
            .map(|m| m["mappings"].clone()))
    }

    pub async fn exists(&self, index: &str) -> Result<bool, SyncError> {
        Ok(self.mapping(index).await?.is_some())
    }

    /// Create `index` with `body` (`{"mappings": ...}`); an index that exists already is left
    /// as it is (a replayed step).
    pub async fn create_index(&self, index: &str, body: &Value) -> Result<(), SyncError> {
        let what = format!("the creation of index {index}");
        let a = self
            .call(
                reqwest::Method::PUT,
                &format!("/{index}"),
                Some(Body::Json(body.clone())),
                &what,
                CALL_DEADLINE,
            )
            .await?;
        if a.ok() || a.error_type() == "resource_already_exists_exception" {
            return Ok(());
        }
        Err(self.failed(&what, &a, Fault::Fatal))
    }

    /// The concrete indexes behind alias `name` (empty when `name` is no alias).
    pub async fn alias_targets(&self, name: &str) -> Result<Vec<String>, SyncError> {
        let what = format!("the alias {name}");
        let Some(json) = self.get_found(&format!("/_alias/{name}"), &what).await? else {
            return Ok(vec![]);
        };
        let mut out: Vec<String> = json
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        out.sort();
        Ok(out)
    }

    /// Delete `name`: the index, or every index behind it when it is an alias. Gone already
    /// is fine.
    pub async fn delete_index(&self, name: &str) -> Result<(), SyncError> {
        let mut names = self.alias_targets(name).await?;
        if names.is_empty() {
            names.push(name.to_string());
        }
        for n in names {
            let what = format!("the deletion of index {n}");
            let a = self
                .call(
                    reqwest::Method::DELETE,
                    &format!("/{n}"),
                    None,
                    &what,
                    CALL_DEADLINE,
                )
                .await?;
            if !a.ok() && a.status != 404 {
                return Err(self.failed(&what, &a, Fault::Fatal));
            }
        }
        Ok(())
    }

    /// Atomic alias changes (`POST /_aliases`).
    pub async fn update_aliases(&self, actions: Vec<Value>) -> Result<(), SyncError> {
        self.call_ok(
            reqwest::Method::POST,
            "/_aliases",
            Some(json!({ "actions": actions })),
            "an alias update",
            CALL_DEADLINE,
        )
        .await
        .map(|_| ())
    }

    /// Make what was written to `index` visible to searches.
    pub async fn refresh(&self, index: &str) -> Result<(), SyncError> {
        self.call_ok(
            reqwest::Method::POST,
            &format!("/{index}/_refresh"),
            None,
            &format!("the refresh of {index}"),
            LONG_DEADLINE,
        )
        .await
        .map(|_| ())
    }

    /// Documents in `index`; None when it does not exist.
    pub async fn count(&self, index: &str) -> Result<Option<u64>, SyncError> {
        let what = format!("the count of {index}");
        Ok(self
            .get_found(&format!("/{index}/_count"), &what)
            .await?
            .and_then(|json| json["count"].as_u64()))
    }

    /// Delete the documents of `index` matching `query`, visible at once (nothing to do when
    /// the index does not exist).
    pub async fn delete_by_query(&self, index: &str, query: Value) -> Result<(), SyncError> {
        let what = format!("a delete-by-query on {index}");
        let a = self
            .call(
                reqwest::Method::POST,
                &format!("/{index}/_delete_by_query?conflicts=proceed&refresh=true"),
                Some(Body::Json(json!({ "query": query }))),
                &what,
                LONG_DEADLINE,
            )
            .await?;
        if a.error_type() == "index_not_found_exception" {
            return Ok(());
        }
        if !a.ok() {
            return Err(self.failed(&what, &a, Fault::Fatal));
        }
        match a.json["failures"].as_array() {
            Some(f) if !f.is_empty() => Err(self.err(
                format!(
                    "{what} failed for some documents: {}",
                    self.excerpt(&Value::Array(f.clone()).to_string())
                ),
                Fault::Transient,
            )),
            _ => Ok(()),
        }
    }

    /// A search answer that covers every shard: a shard that failed (lost mid-PIT, node
    /// restarted, `search_context_missing_exception`) or a search that timed out gives a
    /// partial page, which is a transient error here — never a short page taken for the end
    /// of the index; the reader resumes from its last resume point.
    /// `shards` is the answer's `_shards` object.
    pub fn complete(&self, what: &str, shards: &Value, timed_out: bool) -> Result<(), SyncError> {
        let n = |k: &str| shards[k].as_u64().unwrap_or(0);
        let failed = n("failed");
        let short = shards["total"]
            .as_u64()
            .is_some_and(|t| n("successful") + n("skipped") < t);
        if failed == 0 && !short && !timed_out {
            return Ok(());
        }
        let why = if timed_out {
            "the search timed out".to_string()
        } else {
            format!(
                "{} of {} shards failed",
                failed.max(1),
                shards["total"].as_u64().unwrap_or(0)
            )
        };
        let reason = shards["failures"][0]["reason"].clone();
        let reason = match (reason["type"].as_str(), reason["reason"].as_str()) {
            (Some(t), Some(r)) => format!(" ({})", self.excerpt(&format!("{t}: {r}"))),
            _ => String::new(),
        };
        Err(self.err(
            format!("{what}: partial results, {why}{reason}"),
            Fault::Transient,
        ))
    }

    /// Run `ops` in requests bounded by [`BulkLimits`]. Items refused by the cluster's state
    /// (429, 5xx, `es_rejected_execution_exception`) are sent again with backoff (a transient
    /// error when they keep failing); an item refused for anything but its content (a write
    /// block, a missing index, no privilege: see [`item_fault`]) fails the whole call, so no
    /// caller records it as a refused row or moves a checkpoint past it. Returns the items
    /// refused for their content (delete of a missing `_id` is not one).
    pub async fn bulk(&self, ops: &[BulkOp]) -> Result<Vec<ItemError>, SyncError> {
        let mut failed = vec![];
        let mut pending: Vec<usize> = (0..ops.len()).collect();
        let mut attempt = 0;
        while !pending.is_empty() {
            attempt += 1;
            let mut again = vec![];
            let mut last = String::new();
            for chunk in self.cut(ops, &pending) {
                let mut body = Vec::new();
                for &i in &chunk {
                    ops[i].ndjson(&mut body);
                }
                let what = format!("a _bulk of {} operations", chunk.len());
                let a = self
                    .call(
                        reqwest::Method::POST,
                        "/_bulk",
                        Some(Body::Ndjson(body)),
                        &what,
                        LONG_DEADLINE,
                    )
                    .await?;
                if !a.ok() {
                    return Err(self.failed(&what, &a, Fault::Fatal));
                }
                let items = a.json["items"].as_array().ok_or_else(|| {
                    self.err(
                        format!("{what}: the answer has no items: {}", self.excerpt(&a.text)),
                        Fault::Fatal,
                    )
                })?;
                if items.len() != chunk.len() {
                    return Err(self.err(
                        format!(
                            "{what}: the answer has {} items for {} operations",
                            items.len(),
                            chunk.len()
                        ),
                        Fault::Fatal,
                    ));
                }
                for (item, &i) in items.iter().zip(&chunk) {
                    let Some(r) = item.as_object().and_then(|o| o.values().next()) else {
                        continue;
                    };
                    let status = r["status"].as_u64().unwrap_or(0) as u16;
                    let err = &r["error"];
                    if (200..300).contains(&status) || (status == 404 && err.is_null()) {
                        continue;
                    }
                    let kind = err["type"].as_str().unwrap_or("");
                    let reason = err["reason"]
                        .as_str()
                        .map_or_else(|| err.to_string(), str::to_string);
                    let reason = self.excerpt(&format!("{kind}: {reason}"));
                    match item_fault(status, kind) {
                        ItemFault::Retry => {
                            again.push(i);
                            last = format!("HTTP {status} {reason}");
                        }
                        ItemFault::Content => failed.push(ItemError {
                            op: i,
                            status,
                            reason,
                        }),
                        ItemFault::Stop => {
                            return Err(self.err(
                                format!(
                                    "{what}: {} refused with HTTP {status} {reason}{}; nothing of this batch is recorded as written or skipped",
                                    ops[i].index(),
                                    stop_hint(status, kind)
                                ),
                                Fault::Fatal,
                            ));
                        }
                    }
                }
            }
            if !again.is_empty() {
                if attempt >= self.retry.attempts {
                    return Err(self.err(
                        format!(
                            "_bulk: {} operations still refused after {attempt} attempts ({last})",
                            again.len()
                        ),
                        Fault::Transient,
                    ));
                }
                tokio::time::sleep(self.retry.wait(attempt, None)).await;
            }
            pending = again;
        }
        failed.sort_by_key(|f| f.op);
        Ok(failed)
    }

    /// `pending` cut into requests of at most `limits.docs` operations and `limits.bytes`
    /// bytes (an operation larger than that alone goes in a request of its own).
    fn cut(&self, ops: &[BulkOp], pending: &[usize]) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![];
        let mut cur = vec![];
        let mut bytes = 0;
        for &i in pending {
            let mut b = Vec::new();
            ops[i].ndjson(&mut b);
            if !cur.is_empty()
                && (cur.len() >= self.limits.docs.max(1) || bytes + b.len() > self.limits.bytes)
            {
                out.push(std::mem::take(&mut cur));
                bytes = 0;
            }
            bytes += b.len();
            cur.push(i);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    /// The definition of `index` (an index or an alias of one) as `GET /<index>` gives it:
    /// `(mappings, settings)` of the concrete index; None when it does not exist.
    pub async fn definition(&self, index: &str) -> Result<Option<(Value, Value)>, SyncError> {
        let what = format!("the definition of {index}");
        let Some(json) = self.get_found(&format!("/{index}"), &what).await? else {
            return Ok(None);
        };
        // keyed by the concrete index (the alias resolved)
        Ok(json
            .as_object()
            .and_then(|o| o.values().next())
            .map(|d| (d["mappings"].clone(), d["settings"].clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_say_which_pit_endpoint_and_id_sort() {
        let v = |d: &str, n: &str| {
            Version::parse(&json!({"version": {"number": n, "distribution": d}})).unwrap()
        };
        let os = v("opensearch", "3.8.0");
        assert_eq!(os.flavour, Flavour::OpenSearch);
        assert_eq!(
            os.pit_path("i").as_deref(),
            Some("/i/_search/point_in_time")
        );
        assert!(os.sorts_on_id());
        assert_eq!(v("opensearch", "2.3.0").pit_path("i"), None);
        assert_eq!(v("", "7.10.2").pit_path("i").as_deref(), Some("/i/_pit"));
        assert_eq!(v("", "7.9.3").pit_path("i"), None);
        assert!(!v("", "8.11.0").sorts_on_id());
        assert!(v("", "7.17.0").sorts_on_id());
        // `_shard_doc`: Elasticsearch 7.12+, OpenSearch 3.3+
        assert!(v("", "7.12.0").sorts_on_shard_doc());
        assert!(!v("", "7.11.2").sorts_on_shard_doc());
        assert!(v("", "8.11.0").sorts_on_shard_doc());
        assert!(v("opensearch", "3.3.0").sorts_on_shard_doc());
        assert!(!v("opensearch", "3.2.0").sorts_on_shard_doc());
        assert!(!v("opensearch", "2.19.1").sorts_on_shard_doc());
        assert!(Version::parse(&json!({"name": "x"})).is_none());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let r = Retry::default();
        assert_eq!(r.wait(1, None), Duration::from_millis(500));
        assert_eq!(r.wait(3, None), Duration::from_secs(2));
        assert_eq!(r.wait(30, None), Duration::from_secs(15));
        assert_eq!(
            r.wait(1, Some(Duration::from_secs(4))),
            Duration::from_secs(4)
        );
        assert_eq!(
            r.wait(1, Some(Duration::from_secs(400))),
            Duration::from_secs(15)
        );
    }

    fn conn(url: &str, secret: Option<&str>) -> Connection {
        Connection {
            name: "e".into(),
            kind: crate::conn::Kind::Elasticsearch,
            url: url.into(),
            user: secret.map(|_| "elastic".to_string()),
            options: Default::default(),
            secret: secret.map(|s| crate::conn::Secret::new(s.to_string())),
            has_secret: secret.is_some(),
            origin: crate::conn::Origin::State,
        }
    }

    fn client(url: &str, secret: Option<&str>, limits: BulkLimits) -> EsClient {
        let _ = rustls::crypto::ring::default_provider().install_default();
        EsClient {
            conn: conn(url, secret),
            http: reqwest::Client::new(),
            side: Side::Target,
            version: os_version(),
            retry: Retry {
                attempts: 3,
                first: Duration::from_millis(10),
                max: Duration::from_millis(50),
            },
            limits,
        }
    }

    /// A server answering each request (one per connection) with the next canned answer;
    /// the bodies it received.
    async fn fake(
        answers: Vec<(u16, String)>,
    ) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", l.local_addr().unwrap());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(vec![]));
        let log = seen.clone();
        tokio::spawn(async move {
            for (status, body) in answers {
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
                            log.lock().unwrap().push(rest.to_string());
                            break;
                        }
                    } else if n == 0 {
                        break;
                    }
                }
                let resp = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = s.write_all(resp.as_bytes()).await;
                let _ = s.shutdown().await;
            }
        });
        (url, seen)
    }

    fn index_op(id: &str) -> BulkOp {
        BulkOp::Index {
            index: "i".into(),
            id: id.into(),
            source: json!({"a": "x".repeat(100)}).to_string(),
        }
    }

    #[tokio::test]
    async fn bulk_retries_the_request_and_the_throttled_items_only() {
        let ok = |id: &str| json!({"index": {"_id": id, "status": 201}});
        let items = json!({"errors": true, "items": [
            ok("1"),
            {"index": {"_id": "2", "status": 429, "error": {"type": "es_rejected_execution_exception", "reason": "queue full"}}},
            {"index": {"_id": "3", "status": 400, "error": {"type": "mapper_parsing_exception", "reason": "failed to parse field [n] of type [long]"}}},
        ]});
        let (url, seen) = fake(vec![
            (503, "{}".into()),
            (200, items.to_string()),
            (
                200,
                json!({"errors": false, "items": [ok("2")]}).to_string(),
            ),
        ])
        .await;
        let c = client(&url, None, BulkLimits::default());
        let ops = [index_op("1"), index_op("2"), index_op("3")];
        let failed = c.bulk(&ops).await.unwrap();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].op, 2);
        assert_eq!(failed[0].status, 400);
        assert_eq!(
            failed[0].reason,
            "mapper_parsing_exception: failed to parse field [n] of type [long]"
        );
        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 3);
        // the third request carries the throttled item alone
        assert_eq!(seen[2].lines().count(), 2);
        assert!(seen[2].contains(r#""_id":"2""#));
    }

    #[test]
    fn only_content_errors_are_refused_rows() {
        use ItemFault::*;
        for (status, kind, want) in [
            (400, "mapper_parsing_exception", Content),
            (400, "document_parsing_exception", Content),
            (400, "strict_dynamic_mapping_exception", Content),
            (400, "illegal_argument_exception", Content),
            (403, "cluster_block_exception", Stop),
            (429, "cluster_block_exception", Retry),
            (404, "index_not_found_exception", Stop),
            (403, "security_exception", Stop),
            (409, "version_conflict_engine_exception", Stop),
            (400, "action_request_validation_exception", Stop),
            (500, "null_pointer_exception", Retry),
            (503, "unavailable_shards_exception", Retry),
            (429, "es_rejected_execution_exception", Retry),
            (400, "es_rejected_execution_exception", Retry),
            (400, "rejected_execution_exception", Retry),
            (413, "", Stop),
        ] {
            assert_eq!(item_fault(status, kind), want, "{status} {kind}");
        }
    }

    #[tokio::test]
    async fn bulk_stops_at_an_item_refused_by_a_write_block_and_retries_server_errors() {
        let ok = |id: &str| json!({"index": {"_id": id, "status": 201}});
        let blocked = json!({"errors": true, "items": [
            ok("1"),
            {"index": {"_id": "2", "status": 403, "error": {"type": "cluster_block_exception", "reason": "index [i] blocked by: [FORBIDDEN/8/index write (api)];"}}},
        ]});
        let (url, _) = fake(vec![(200, blocked.to_string())]).await;
        let c = client(&url, None, BulkLimits::default());
        let e = c.bulk(&[index_op("1"), index_op("2")]).await.unwrap_err();
        assert!(!e.is_transient(), "{e}");
        let msg = e.to_string();
        assert!(msg.contains("HTTP 403 cluster_block_exception"), "{msg}");
        assert!(msg.contains("index.blocks.write"), "{msg}");
        // a shard failing over: sent again, then written
        let failing = json!({"errors": true, "items": [
            {"index": {"_id": "1", "status": 500, "error": {"type": "illegal_state_exception", "reason": "primary shard relocated"}}},
        ]});
        let (url, seen) = fake(vec![
            (200, failing.to_string()),
            (
                200,
                json!({"errors": false, "items": [ok("1")]}).to_string(),
            ),
        ])
        .await;
        let c = client(&url, None, BulkLimits::default());
        assert!(c.bulk(&[index_op("1")]).await.unwrap().is_empty());
        assert_eq!(seen.lock().unwrap().len(), 2);
    }

    #[test]
    fn a_search_answer_missing_shards_is_a_transient_error() {
        let c = client("http://127.0.0.1:1", None, BulkLimits::default());
        let full = json!({"_shards": {"total": 3, "successful": 3, "skipped": 0, "failed": 0}, "timed_out": false});
        let check = |a: &Value| c.complete("a page of i", &a["_shards"], a["timed_out"] == true);
        check(&full).unwrap();
        let failed = json!({"_shards": {"total": 3, "successful": 2, "skipped": 0, "failed": 1,
            "failures": [{"shard": 1, "reason": {"type": "search_context_missing_exception", "reason": "No search context found for id [17]"}}]},
            "timed_out": false});
        let e = check(&failed).unwrap_err();
        assert!(e.is_transient(), "{e}");
        assert!(
            e.to_string().contains(
                "partial results, 1 of 3 shards failed (search_context_missing_exception"
            ),
            "{e}"
        );
        let late =
            json!({"_shards": {"total": 3, "successful": 3, "failed": 0}, "timed_out": true});
        assert!(check(&late).unwrap_err().to_string().contains("timed out"));
        let short = json!({"_shards": {"total": 3, "successful": 2, "failed": 0}});
        assert!(check(&short).unwrap_err().is_transient());
    }

    #[tokio::test]
    async fn a_server_that_keeps_refusing_is_a_transient_error_after_bounded_attempts() {
        let (url, seen) = fake(vec![(503, "{}".into()); 5]).await;
        let c = client(&url, None, BulkLimits::default());
        let e = c.refresh("i").await.unwrap_err();
        assert!(e.is_transient(), "{e}");
        assert!(e.to_string().contains("gave up after 3 attempts"), "{e}");
        assert_eq!(seen.lock().unwrap().len(), 3);
        // nobody listening: transient as well
        let c = client("http://127.0.0.1:9", None, BulkLimits::default());
        assert!(c.count("i").await.unwrap_err().is_transient());
    }

    #[tokio::test]
    async fn errors_never_quote_the_secret() {
        let secret = "s3cr3t-t0ken";
        let body = json!({"error": {"type": "x", "reason": format!("bad header Bearer {secret}")}});
        let (url, _) = fake(vec![(400, body.to_string())]).await;
        let c = client(&url, Some(secret), BulkLimits::default());
        let e = c
            .create_index("i", &json!({}))
            .await
            .unwrap_err()
            .to_string();
        assert!(!e.contains(secret) && e.contains("***"), "{e}");
        assert!(!e.contains('\n'));
    }

    #[test]
    fn bulk_bodies_are_ndjson_cut_by_count_and_bytes() {
        let op = index_op;
        let mut b = vec![];
        op("1").ndjson(&mut b);
        BulkOp::Delete {
            index: "i".into(),
            id: "2".into(),
        }
        .ndjson(&mut b);
        let text = String::from_utf8(b).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        let line = |i: usize| serde_json::from_str::<Value>(lines[i]).unwrap();
        assert_eq!(line(0), json!({"index": {"_index": "i", "_id": "1"}}));
        assert_eq!(line(1)["a"], json!("x".repeat(100)));
        assert_eq!(line(2), json!({"delete": {"_index": "i", "_id": "2"}}));
        let ops: Vec<BulkOp> = (0..10).map(|i| op(&i.to_string())).collect();
        let c = client(
            "http://127.0.0.1:1",
            None,
            BulkLimits {
                docs: 4,
                bytes: 400,
            },
        );
        let all: Vec<usize> = (0..10).collect();
        let sizes: Vec<usize> = c.cut(&ops, &all).iter().map(Vec::len).collect();
        // each operation is ~150 bytes: the byte bound (2 per request) wins over the count (4)
        assert_eq!(sizes, vec![2, 2, 2, 2, 2]);
        let c = EsClient {
            limits: BulkLimits {
                docs: 4,
                bytes: 1 << 20,
            },
            ..c
        };
        let sizes: Vec<usize> = c.cut(&ops, &all).iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![4, 4, 2]);
    }

    fn os_version() -> Version {
        Version {
            flavour: Flavour::OpenSearch,
            major: 3,
            minor: 8,
        }
    }
}
