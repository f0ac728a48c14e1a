//! Reading a whole Elasticsearch / OpenSearch index page by page, resumable.
//!
//! With a point in time (OpenSearch 2.4+ `/<index>/_search/point_in_time`, Elasticsearch 7.10+
//! `/<index>/_pit`) pages are `search_after` over one consistent view; servers without PIT (the
//! endpoint missing: older versions, stand-ins that answer 400/404/405 there) are read with a
//! scroll.
//!
//! Sort order: `_shard_doc` (shard and Lucene doc id, the cheapest order: nothing is loaded on
//! the cluster's heap) wherever the server has it — Elasticsearch 7.12+, OpenSearch 3.3+. Its
//! values mean something only in their own PIT, so the resume point of a page carries the PIT
//! id: a read resumes there while that PIT lives (keep-alive [`KEEP_ALIVE`] between pages) and
//! reads the index again from the start otherwise (writes are idempotent by `_id`: this costs
//! time, not correctness). Only where `_shard_doc` is missing (Elasticsearch 7.10–7.11,
//! OpenSearch before 3.3, servers without PIT) do pages sort on `_id`, as the fallback: `_id`
//! sorts build `_id` fielddata on the source cluster's heap, but their resume point is valid in
//! any later PIT or plain `search_after` page. A resume point on `_id` (an older task's) is
//! honoured where the server sorts on `_id`.
//!
//! Every page must cover every shard: searches ask `allow_partial_search_results=false`, and an
//! answer with failed shards or `timed_out` is a transient error
//! ([`EsClient::complete`]) — the caller reads again from its last resume point, never taking a
//! short page for the end of the index.

use crate::sync::error::{Fault, SyncError};
use crate::sync::es::EsClient;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Value, json};

/// How long a PIT or scroll lives between two pages.
pub const KEEP_ALIVE: &str = "5m";

/// The query string of every search that starts a read or reads a PIT page.
const NO_PARTIAL: &str = "allow_partial_search_results=false";

/// How to page through an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// A PIT when the server has one, else a scroll.
    Auto,
    /// A PIT, or an error.
    Pit,
    /// A scroll even when the server has PIT.
    Scroll,
}

/// The sort order of the pages (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `_shard_doc`, in a PIT.
    ShardDoc,
    /// `_id`: the fallback.
    Id,
    /// `_doc`, in a scroll (no resume point).
    Doc,
}

impl Order {
    fn field(self) -> &'static str {
        match self {
            Order::ShardDoc => "_shard_doc",
            Order::Id => "_id",
            Order::Doc => "_doc",
        }
    }
}

/// What a resume point (a batch's `resume`) holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Resume {
    /// The sort values of the last hit read.
    after: Vec<Value>,
    /// `_id` or `_shard_doc`.
    by: String,
    /// The PIT the values belong to (`_shard_doc` values mean nothing in another one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pit: Option<String>,
}

/// A page of search hits as the server sent it.
#[derive(Deserialize)]
struct Page {
    #[serde(default)]
    hits: Hits,
    #[serde(default)]
    pit_id: Option<String>,
    #[serde(default, rename = "_scroll_id")]
    scroll_id: Option<String>,
    /// Which shards answered (see [`EsClient::complete`]).
    #[serde(default, rename = "_shards")]
    shards: Value,
    #[serde(default)]
    timed_out: bool,
    /// Bytes of the answer (set after parsing).
    #[serde(skip)]
    bytes: usize,
}

#[derive(Deserialize, Default)]
struct Hits {
    #[serde(default)]
    hits: Vec<RawHit>,
}

#[derive(Deserialize)]
struct RawHit {
    #[serde(default, rename = "_id")]
    id: Option<String>,
    #[serde(default, rename = "_source")]
    source: Option<Box<RawValue>>,
    #[serde(default)]
    sort: Option<Vec<Value>>,
}

/// One document read.
#[derive(Debug, Clone)]
pub struct Hit {
    pub id: String,
    /// The `_source` object's text as the server sent it (numbers digit for digit: see
    /// `sync::model::json`).
    pub source: Box<RawValue>,
    /// Where to resume to read what follows this hit; None when the paging cannot resume.
    pub resume: Option<Value>,
    /// Approximate bytes of the hit in the answer.
    pub bytes: usize,
}

enum State {
    Pit {
        id: String,
        after: Option<Vec<Value>>,
        /// The PIT came from a resume point (not opened here): it may have expired.
        inherited: bool,
    },
    Scroll {
        id: Option<String>,
    },
    After {
        after: Option<Vec<Value>>,
    },
    Done,
}

/// A resumable read of one index (see the module doc).
pub struct Reader<'a> {
    c: &'a EsClient,
    index: String,
    query: Value,
    size: usize,
    order: Order,
    state: State,
    /// The read went back to the start of the index (its resume point's PIT was gone): what
    /// it had read before is read again.
    restarted: bool,
}

impl<'a> Reader<'a> {
    /// Start reading `index` (documents matching `query`) from after `resume` (None: from the
    /// start), `size` hits per page.
    pub async fn open(
        c: &'a EsClient,
        index: &str,
        query: Value,
        size: usize,
        resume: Option<&Value>,
        paging: Paging,
    ) -> Result<Reader<'a>, SyncError> {
        let resume: Option<Resume> = match resume {
            None => None,
            Some(v) => Some(serde_json::from_value(v.clone()).map_err(|e| {
                c.err(
                    format!("{index}: unreadable resume point {v} ({e}); reset the unit"),
                    Fault::Fatal,
                )
            })?),
        };
        let mut r = Reader {
            c,
            index: index.to_string(),
            query,
            size: size.clamp(1, 10_000),
            order: Order::Id,
            state: State::Done,
            restarted: false,
        };
        // a `_shard_doc` resume point continues in its own PIT while that lives
        if let Some(Resume {
            after,
            by,
            pit: Some(pit),
        }) = &resume
            && by == "_shard_doc"
        {
            r.order = Order::ShardDoc;
            r.state = State::Pit {
                id: pit.clone(),
                after: Some(after.clone()),
                inherited: true,
            };
            return Ok(r);
        }
        // `_id` sort values hold in any later read that sorts on `_id`
        let after = resume
            .filter(|x| x.by == "_id" && c.server().sorts_on_id())
            .map(|x| {
                // later values are the tiebreaker of the PIT they came from: after every copy
                // of that `_id`, whatever it was
                let mut a = x.after;
                for v in a.iter_mut().skip(1) {
                    *v = json!(i64::MAX);
                }
                a
            });
        if paging != Paging::Scroll {
            if let Some(pit) = r.open_pit().await? {
                r.order = if after.is_none() && c.server().sorts_on_shard_doc() {
                    Order::ShardDoc
                } else {
                    Order::Id
                };
                r.state = State::Pit {
                    id: pit,
                    after,
                    inherited: false,
                };
                return Ok(r);
            }
            if paging == Paging::Pit {
                return Err(c.err(
                    format!(
                        "{index}: {} has no point in time (PIT) API",
                        c.server().label()
                    ),
                    Fault::Fatal,
                ));
            }
        }
        r.order = if c.server().sorts_on_id() {
            Order::Id
        } else {
            Order::Doc
        };
        r.state = match after {
            Some(a) => State::After { after: Some(a) },
            None => State::Scroll { id: None },
        };
        Ok(r)
    }

    /// Change the page size for the next pages.
    pub fn set_size(&mut self, size: usize) {
        self.size = size.clamp(1, 10_000);
    }

    /// Whether the read runs in a PIT (else a scroll or plain `search_after`).
    pub fn in_pit(&self) -> bool {
        matches!(self.state, State::Pit { .. })
    }

    /// Whether the read runs in a scroll.
    pub fn in_scroll(&self) -> bool {
        matches!(self.state, State::Scroll { .. })
    }

    /// The sort order of the pages.
    pub fn order(&self) -> Order {
        self.order
    }

    /// Whether the read went back to the start of the index since the last call (its resume
    /// point's PIT was gone); the flag is cleared.
    pub fn take_restarted(&mut self) -> bool {
        std::mem::take(&mut self.restarted)
    }

    /// A PIT on the index; None when the server has none.
    async fn open_pit(&self) -> Result<Option<String>, SyncError> {
        let Some(path) = self.c.server().pit_path(&self.index) else {
            return Ok(None);
        };
        let what = format!("opening a point in time on {}", self.index);
        let a = self
            .c
            .raw(
                reqwest::Method::POST,
                &format!("{path}?keep_alive={KEEP_ALIVE}"),
                None,
                &what,
            )
            .await?;
        if a.ok() {
            self.c
                .complete(&what, &a.json["_shards"], a.json["timed_out"] == true)?;
            let id = a.json["pit_id"].as_str().or(a.json["id"].as_str());
            return match id {
                Some(id) => Ok(Some(id.to_string())),
                None => Err(self.c.err(
                    format!("{what}: no PIT id in {}", self.c.excerpt(&a.text)),
                    Fault::Fatal,
                )),
            };
        }
        if a.error_type() == "index_not_found_exception" {
            return Err(self.gone());
        }
        // no such endpoint on this server
        if matches!(a.status, 400 | 404 | 405) {
            return Ok(None);
        }
        Err(self.c.failed(&what, &a, Fault::Fatal))
    }

    fn gone(&self) -> SyncError {
        self.c.err(
            format!("index {} does not exist (any more)", self.index),
            Fault::TableChanged,
        )
    }

    fn body(&self, after: &Option<Vec<Value>>) -> Value {
        let mut b = json!({
            "size": self.size,
            "query": self.query,
            "sort": [{ self.order.field(): "asc" }],
            "track_total_hits": false,
        });
        if let Some(a) = after {
            b["search_after"] = Value::Array(a.clone());
        }
        b
    }

    /// A search call; 404s say the index is gone or the PIT/scroll expired; an answer that
    /// misses shards is a transient error.
    async fn search(&self, path: &str, body: Value, what: &str) -> Result<Page, SyncError> {
        let a = self
            .c
            .raw(reqwest::Method::POST, path, Some(body), what)
            .await?;
        if a.ok() {
            // read from the text: a `serde_json::Value` would round `_source` numbers to f64
            // (and fail on those no double holds, `1e400`)
            let page = serde_json::from_str::<Page>(&a.text).map_err(|e| {
                self.c.err(
                    format!("{what}: the answer is not a search result: {e}"),
                    Fault::Fatal,
                )
            })?;
            self.c.complete(what, &page.shards, page.timed_out)?;
            return Ok(Page {
                bytes: a.text.len(),
                ..page
            });
        }
        if a.error_type() == "index_not_found_exception" {
            return Err(self.gone());
        }
        // partial results refused (`allow_partial_search_results=false`), or the PIT or scroll
        // context is gone: reading again from the last resume point may succeed
        let fault = if a.status == 404 || a.status >= 500 {
            Fault::Transient
        } else {
            Fault::Fatal
        };
        Err(self.c.failed(what, &a, fault))
    }

    /// The first page of a PIT read sorted on `_shard_doc`, when the server refuses that sort
    /// (a stand-in that says it is a version it is not): the read goes on sorted on `_id`.
    fn shard_doc_refused(&self, e: &SyncError, after: &Option<Vec<Value>>) -> bool {
        self.order == Order::ShardDoc
            && after.is_none()
            && !e.is_transient()
            && !e.table_changed()
            && e.to_string().contains("_shard_doc")
            && self.c.server().sorts_on_id()
    }

    /// The next page; None at the end (the PIT or scroll is freed then).
    pub async fn next(&mut self) -> Result<Option<Vec<Hit>>, SyncError> {
        let what = format!("a page of {}", self.index);
        enum Step {
            Pit(String, Option<Vec<Value>>, bool),
            Scroll(Option<String>),
            After(Option<Vec<Value>>),
        }
        let step = match &mut self.state {
            State::Done => return Ok(None),
            State::Pit {
                id,
                after,
                inherited,
            } => {
                let s = Step::Pit(id.clone(), after.clone(), *inherited);
                *inherited = false;
                s
            }
            State::Scroll { id } => Step::Scroll(id.clone()),
            State::After { after } => Step::After(after.clone()),
        };
        let answer = match step {
            Step::Pit(id, after, first_of_inherited) => {
                let mut body = self.body(&after);
                body["pit"] = json!({"id": id, "keep_alive": KEEP_ALIVE});
                match self
                    .search(&format!("/_search?{NO_PARTIAL}"), body, &what)
                    .await
                {
                    Ok(v) => v,
                    Err(e) if first_of_inherited && !e.table_changed() => {
                        // the resume point's PIT expired or lost a shard: read the index again
                        // from the start
                        tracing::warn!(
                            index = %self.index,
                            error = %e,
                            "the point in time of the resume point is gone; reading the index again from the start"
                        );
                        let Some(pit) = self.open_pit().await? else {
                            return Err(e);
                        };
                        self.order = if self.c.server().sorts_on_shard_doc() {
                            Order::ShardDoc
                        } else {
                            Order::Id
                        };
                        self.state = State::Pit {
                            id: pit,
                            after: None,
                            inherited: false,
                        };
                        self.restarted = true;
                        return Box::pin(self.next()).await;
                    }
                    Err(e) if self.shard_doc_refused(&e, &after) => {
                        tracing::debug!(index = %self.index, error = %e, "_shard_doc refused; sorting on _id");
                        self.order = Order::Id;
                        return Box::pin(self.next()).await;
                    }
                    Err(e) => return Err(e),
                }
            }
            Step::Scroll(id) => match id {
                None => {
                    let mut body = self.body(&None);
                    // a scroll counts its hits (refused otherwise)
                    if let Some(o) = body.as_object_mut() {
                        o.remove("track_total_hits");
                    }
                    let path = format!("/{}/_search?scroll={KEEP_ALIVE}&{NO_PARTIAL}", self.index);
                    self.search(&path, body, &what).await?
                }
                Some(sid) => {
                    let body = json!({"scroll": KEEP_ALIVE, "scroll_id": sid});
                    self.search("/_search/scroll", body, &what).await?
                }
            },
            Step::After(after) => {
                let body = self.body(&after);
                let path = format!("/{}/_search?{NO_PARTIAL}", self.index);
                self.search(&path, body, &what).await?
            }
        };
        let hits = answer.hits.hits;
        let approx = answer.bytes / hits.len().max(1);
        let pit_id = answer.pit_id;
        let scroll_id = answer.scroll_id;
        let cur_pit = match &self.state {
            State::Pit { id, .. } => Some(pit_id.clone().unwrap_or_else(|| id.clone())),
            _ => None,
        };
        let mut out = Vec::with_capacity(hits.len());
        let mut last_sort = None;
        for h in hits {
            let Some(id) = h.id else {
                return Err(self
                    .c
                    .err(format!("{what}: a hit without _id"), Fault::Fatal));
            };
            let sort = h.sort;
            let resume = match (&sort, self.order) {
                (Some(s), Order::Id) => Some(json!(Resume {
                    after: s.clone(),
                    by: "_id".into(),
                    pit: None,
                })),
                (Some(s), Order::ShardDoc) if cur_pit.is_some() => Some(json!(Resume {
                    after: s.clone(),
                    by: "_shard_doc".into(),
                    pit: cur_pit.clone(),
                })),
                _ => None,
            };
            last_sort = sort;
            let source = match h.source {
                Some(o) if o.get().starts_with('{') => o,
                _ => {
                    return Err(self.c.err(
                        format!(
                            "{}: document {id} has no _source (disabled in the mapping?): its fields cannot be read",
                            self.index
                        ),
                        Fault::Fatal,
                    ));
                }
            };
            out.push(Hit {
                id,
                source,
                resume,
                bytes: approx,
            });
        }
        let n = out.len();
        match &mut self.state {
            State::Pit { id, after, .. } => {
                if let Some(p) = pit_id {
                    *id = p;
                }
                *after = last_sort;
            }
            State::Scroll { id } => *id = scroll_id,
            State::After { after } => *after = last_sort,
            State::Done => {}
        }
        if n == 0 {
            self.free().await;
            return Ok(None);
        }
        // a short page (every shard answered) is the last one for search_after; a scroll ends
        // on an empty page
        if n < self.size && !self.in_scroll() {
            self.free().await;
        }
        Ok(Some(out))
    }

    /// Free the PIT or scroll (best effort: both expire on their own).
    async fn free(&mut self) {
        let state = std::mem::replace(&mut self.state, State::Done);
        let (path, body) = match state {
            State::Pit { id, .. } => match self.c.server().pit_path(&self.index) {
                Some(p) if p.ends_with("point_in_time") => {
                    ("/_search/point_in_time", json!({"pit_id": [id]}))
                }
                _ => ("/_pit", json!({"id": id})),
            },
            State::Scroll { id: Some(id) } => ("/_search/scroll", json!({"scroll_id": [id]})),
            _ => return,
        };
        let _ = self
            .c
            .raw(
                reqwest::Method::DELETE,
                path,
                Some(body),
                "freeing a search context",
            )
            .await;
    }

    /// Stop reading before the end: a scroll is freed, and so is a PIT — except one that the
    /// resume points handed out name (`_shard_doc` order), left to expire after its keep-alive
    /// so that a run stopped here resumes in it.
    pub async fn close(mut self) {
        if self.order == Order::ShardDoc && self.in_pit() {
            return;
        }
        self.free().await;
    }
}
