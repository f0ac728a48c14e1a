//! `_bulk` for sync: operations idempotent by `_id`, cut into requests bounded by count and
//! bytes. The request itself is retried by the shared client's policy; items the cluster
//! refused for its state (429, 5xx, `(es_)rejected_execution_exception`: Elasticsearch's and
//! OpenSearch's name for a full write queue) are sent again with the same backoff; an item
//! refused for its content is returned to the caller (a refused row); any other item failure
//! stops the batch.

use super::EsClient;
use crate::conn::es::{Call, LONG_DEADLINE};
use crate::sync::error::{Fault, SyncError};
use serde_json::json;

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

    pub(super) fn ndjson(&self, out: &mut Vec<u8>) {
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

impl EsClient {
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
                        Call::post("/_bulk")
                            .ndjson(body)
                            .what(&what)
                            .deadline(LONG_DEADLINE),
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
                if attempt >= self.es.retry.attempts {
                    return Err(self.err(
                        format!(
                            "_bulk: {} operations still refused after {attempt} attempts ({last})",
                            again.len()
                        ),
                        Fault::Transient,
                    ));
                }
                tokio::time::sleep(self.es.retry.wait(attempt, None)).await;
            }
            pending = again;
        }
        failed.sort_by_key(|f| f.op);
        Ok(failed)
    }

    /// `pending` cut into requests of at most `limits.docs` operations and `limits.bytes`
    /// bytes (an operation larger than that alone goes in a request of its own).
    pub(super) fn cut(&self, ops: &[BulkOp], pending: &[usize]) -> Vec<Vec<usize>> {
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
}
