//! Sync's use of the shared Elasticsearch / OpenSearch client ([`crate::conn::es`], which owns
//! transport, retries, flavour and version): errors by side of the task (source or target,
//! transient or fatal: a failure the client's retry policy calls retryable that is left after
//! its attempts is transient, anything else fatal), index administration (list, mapping,
//! create, aliases, delete, refresh, count, delete-by-query), whether a search answer covers
//! every shard, and `_bulk` ([`bulk`]). Reading a whole index page by page (PIT,
//! `search_after`, scroll) is in [`crate::sync::source::es_read`].

mod bulk;

pub use bulk::{BulkLimits, BulkOp, ItemError, ItemFault, item_fault};

use crate::conn::Connection;
use crate::conn::es::{self, Answer, Call, EsError, Flavour, LONG_DEADLINE, Server};
use crate::sync::error::{Fault, SyncError};
use serde_json::{Value, json};

/// Which side of a task the connection is: decides the error variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Source,
    Target,
}

pub struct EsClient {
    es: es::Client,
    side: Side,
    pub limits: BulkLimits,
}

impl EsClient {
    /// A client for `conn`, after `GET /` told the flavour and version.
    pub async fn connect(conn: &Connection, side: Side) -> Result<EsClient, SyncError> {
        let es = es::Client::connect(conn)
            .await
            .map_err(|e| side_error(&conn.name, side, e))?;
        let c = EsClient {
            es,
            side,
            limits: BulkLimits::default(),
        };
        if c.server().major < 6 && c.server().flavour == Flavour::Elasticsearch {
            return Err(c.err(
                format!(
                    "{} is not supported (Elasticsearch 6 or later, OpenSearch 1 or later)",
                    c.server().label()
                ),
                Fault::Fatal,
            ));
        }
        Ok(c)
    }

    /// The flavour and version `GET /` reported.
    pub fn server(&self) -> &Server {
        &self.es.server
    }

    pub fn conn(&self) -> &Connection {
        self.es.conn()
    }

    /// An error of this side of the task.
    pub fn err(&self, msg: impl Into<String>, fault: Fault) -> SyncError {
        match self.side {
            Side::Source => SyncError::Source(self.conn().name.clone(), msg.into(), fault),
            Side::Target => SyncError::Target(self.conn().name.clone(), msg.into(), fault),
        }
    }

    /// What an error message may quote of a server answer.
    pub fn excerpt(&self, text: &str) -> String {
        self.es.excerpt(text)
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

    /// Send under the client's retry policy; any final answer.
    async fn call(&self, call: Call) -> Result<Answer, SyncError> {
        self.es
            .send(&call)
            .await
            .map_err(|e| side_error(&self.conn().name, self.side, e))
    }

    /// A call whose answer must be 2xx; its JSON.
    async fn call_ok(&self, call: Call) -> Result<Value, SyncError> {
        let what = call.endpoint();
        let a = self.call(call).await?;
        if !a.ok() {
            return Err(self.failed(&what, &a, Fault::Fatal));
        }
        Ok(a.json)
    }

    async fn get_ok(&self, path: &str, what: &str) -> Result<Value, SyncError> {
        self.call_ok(Call::get(path).what(what)).await
    }

    /// A GET whose 404 means "there is none": None then, else the 2xx answer's JSON.
    async fn get_found(&self, path: &str, what: &str) -> Result<Option<Value>, SyncError> {
        let a = self.call(Call::get(path).what(what)).await?;
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
        let mut call = Call::new(method, path).what(what).deadline(LONG_DEADLINE);
        if let Some(b) = body {
            call = call.json(b);
        }
        self.call(call).await
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

    pub async fn exists(&self, index: &str) -> Result<bool, SyncError> {
        Ok(self.mapping(index).await?.is_some())
    }

    /// Create `index` with `body` (`{"mappings": ...}`); an index that exists already is left
    /// as it is (a replayed step).
    pub async fn create_index(&self, index: &str, body: &Value) -> Result<(), SyncError> {
        let what = format!("the creation of index {index}");
        let a = self
            .call(
                Call::put(format!("/{index}"))
                    .json(body.clone())
                    .what(&what),
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
                .call(Call::new(reqwest::Method::DELETE, format!("/{n}")).what(&what))
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
            Call::post("/_aliases")
                .json(json!({ "actions": actions }))
                .what("an alias update"),
        )
        .await
        .map(|_| ())
    }

    /// Make what was written to `index` visible to searches.
    pub async fn refresh(&self, index: &str) -> Result<(), SyncError> {
        self.call_ok(
            Call::post(format!("/{index}/_refresh"))
                .what(format!("the refresh of {index}"))
                .deadline(LONG_DEADLINE),
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
                Call::post(format!(
                    "/{index}/_delete_by_query?conflicts=proceed&refresh=true"
                ))
                .json(json!({ "query": query }))
                .what(&what)
                .deadline(LONG_DEADLINE),
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
}

/// A client error as an error of `side`: credentials refused stay a connection error (exit 3);
/// a retryable failure left after the client's attempts is transient (the run resumes from its
/// last checkpoint); anything else is fatal.
fn side_error(name: &str, side: Side, e: EsError) -> SyncError {
    let fault = if e.retryable() {
        Fault::Transient
    } else {
        Fault::Fatal
    };
    let msg = match e {
        EsError::Conn(c) => return SyncError::Conn(c),
        other => other.to_string(),
    };
    match side {
        Side::Source => SyncError::Source(name.to_string(), msg, fault),
        Side::Target => SyncError::Target(name.to_string(), msg, fault),
    }
}

#[cfg(test)]
mod tests;
