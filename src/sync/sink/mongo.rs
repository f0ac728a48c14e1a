//! The MongoDB sink. Mirror mode: `_id` = key, changes collapse per `_id` within a batch and go
//! out as `update` (replacement upserts) and `delete` commands per collection, so a replay
//! converges to the same documents. History mode: one version document per change with a
//! deterministic `_id`, inserted unordered with duplicate `_id`s ignored, so replays add nothing.
//!
//! Tables without a key: documents `h:<hash>:<n>` numbered densely per content hash; a batch
//! of changes becomes, per hash, "there are now `want` of these" ([`KeylessTarget`]): the
//! missing occurrences are upserted and the extra ones deleted from the top, which is the same
//! whether it runs once or again.
//!
//! Every write is accounted for: commands are cut by size below MongoDB's 16 MiB limit (a single
//! row too large for a document is an error naming its key), each call has a deadline, and a
//! `writeConcernError` or any write error but a replayed duplicate `_id` fails the batch, so
//! the caller never moves its checkpoint past a write that did not happen.

use super::{Begin, KeylessTarget, Sink, Target, TargetOf, Written};
use crate::conn::Connection;
use crate::sync::error::{Fault, SyncError, mongo_code_fault, target_err};
use crate::sync::model::change::{Change, Op};
use crate::sync::model::json::{json_text, to_tree};
use crate::sync::task::Mode;
use mongodb::bson::{Bson, Document, RawArrayBuf, RawDocumentBuf, doc};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::IntoFuture;
use std::time::Duration;

pub struct MongoSink {
    pub client: mongodb::Client,
    pub conn: Connection,
    pub mode: Mode,
    pub soft_delete: bool,
}

const DUPLICATE_KEY: i32 = 11000;
/// The largest document MongoDB stores (`maxBsonObjectSize`).
pub const MAX_DOC_BYTES: usize = 16 * 1024 * 1024;
/// Statements of one write command stay below this many bytes (the command itself may be
/// `maxBsonObjectSize` + 16 KiB), and below [`MAX_STATEMENTS`] statements.
const COMMAND_BYTES: usize = 12 * 1024 * 1024;
const MAX_STATEMENTS: usize = 1000;
/// Deadline of one call: a base plus a second per document, so a slow but working server
/// finishes its batch while a silent one is given up on and the batch retried (every write
/// here is idempotent).
const CALL_BASE: Duration = Duration::from_secs(120);
const CALL_PER_DOC: Duration = Duration::from_secs(1);

/// Deadline for a call writing `n` documents.
pub fn deadline(n: usize) -> Duration {
    CALL_BASE + CALL_PER_DOC * n.min(100_000) as u32
}

/// Run `fut` (a driver call about `n` documents on `conn`) under its deadline.
async fn timed<T>(
    conn: &Connection,
    what: &str,
    n: usize,
    fut: impl IntoFuture<Output = Result<T, mongodb::error::Error>>,
) -> Result<T, SyncError> {
    let d = deadline(n);
    match tokio::time::timeout(d, fut.into_future()).await {
        Ok(r) => r.map_err(|e| target_err(conn, e)),
        Err(_) => Err(SyncError::Target(
            conn.name.clone(),
            format!(
                "no answer within {}s to {what} ({n} documents); the batch is written again",
                d.as_secs()
            ),
            Fault::Transient,
        )),
    }
}

/// An `_id` as a hash key, without formatting the common kinds (ints and strings; Int32 and
/// Int64 stay distinct, as they are distinct `_id`s).
#[derive(Debug, PartialEq, Eq, Hash)]
enum IdKey<'a> {
    I32(i32),
    I64(i64),
    Str(&'a str),
    Other(String),
}

impl<'a> IdKey<'a> {
    fn of(id: &'a Bson) -> IdKey<'a> {
        match id {
            Bson::Int32(i) => IdKey::I32(*i),
            Bson::Int64(i) => IdKey::I64(*i),
            Bson::String(s) => IdKey::Str(s),
            other => IdKey::Other(format!("{other:?}")),
        }
    }
}

/// A row as MongoDB stores it: each JSON text (`sync::model::json`) as its embedded document
/// or array with exact numbers (Int64, Double, Decimal128, the exact string beyond 34 digits),
/// a text that is not JSON as a string. Borrowed when the row holds no JSON text.
fn stored(d: &Document) -> Cow<'_, Document> {
    fn has(b: &Bson) -> bool {
        match b {
            Bson::Binary(_) => json_text(b).is_some(),
            Bson::Document(d) => d.values().any(has),
            Bson::Array(a) => a.iter().any(has),
            _ => false,
        }
    }
    fn convert(b: &mut Bson) {
        match b {
            Bson::Binary(_) => {
                if let Some(t) = json_text(b) {
                    *b = to_tree(t)
                        .unwrap_or_else(|_| Bson::String(String::from_utf8_lossy(t).into_owned()));
                }
            }
            Bson::Document(d) => d.iter_mut().for_each(|(_, v)| convert(v)),
            Bson::Array(a) => a.iter_mut().for_each(convert),
            _ => {}
        }
    }
    if !d.values().any(has) {
        return Cow::Borrowed(d);
    }
    let mut d = d.clone();
    d.iter_mut().for_each(|(_, v)| convert(v));
    Cow::Owned(d)
}

/// Name of the collection a table is re-copied into before it replaces the live one.
pub fn shadow_name(coll: &str) -> String {
    format!("{coll}__shark_shadow")
}

/// One statement of a write command and the `_id` it is about (for error messages).
struct Stmt {
    id: Bson,
    raw: RawDocumentBuf,
}

/// The statements of one write command being assembled.
struct Chunk {
    arr: RawArrayBuf,
    /// `_id` of each statement (for error messages).
    ids: Vec<Bson>,
    bytes: usize,
    /// Index of the first statement in the call.
    start: usize,
}

impl Chunk {
    fn at(start: usize) -> Chunk {
        Chunk {
            arr: RawArrayBuf::new(),
            ids: vec![],
            bytes: 0,
            start,
        }
    }
}

/// One write command on its way, sent by a task of its own so that the next command is
/// assembled while the server works on this one. Dropping it aborts the task.
struct Sending {
    task: tokio::task::JoinHandle<Result<Document, SyncError>>,
    ids: Vec<Bson>,
    start: usize,
}

impl Drop for Sending {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What the write errors of one command reply call for.
struct Reply {
    /// Indexes (into the command's statements) that failed on a duplicate `_id` only.
    dup_ids: Vec<usize>,
}

impl MongoSink {
    pub async fn connect(
        conn: &Connection,
        mode: Mode,
        soft_delete: bool,
    ) -> Result<MongoSink, SyncError> {
        let client = crate::conn::probe::mongo::client(conn).await?;
        let admin = client.database("admin");
        match tokio::time::timeout(CALL_BASE, admin.run_command(doc! {"ping": 1}).into_future())
            .await
        {
            Ok(r) => r.map_err(|e| target_err(conn, e))?,
            Err(_) => {
                return Err(SyncError::Target(
                    conn.name.clone(),
                    format!("no answer to ping within {}s", CALL_BASE.as_secs()),
                    Fault::Transient,
                ));
            }
        };
        Ok(MongoSink {
            client,
            conn: conn.clone(),
            mode,
            soft_delete,
        })
    }

    fn db(&self, db: &str) -> mongodb::Database {
        self.client.database(db)
    }

    pub fn collection(&self, db: &str, coll: &str) -> mongodb::Collection<Document> {
        self.db(db).collection(coll)
    }

    /// Run `fut` (a driver call about `n` documents) under its deadline.
    async fn timed<T>(
        &self,
        what: &str,
        n: usize,
        fut: impl IntoFuture<Output = Result<T, mongodb::error::Error>>,
    ) -> Result<T, SyncError> {
        timed(&self.conn, what, n, fut).await
    }

    pub async fn drop_collection(&self, db: &str, coll: &str) -> Result<(), SyncError> {
        let c = self.collection(db, coll);
        self.timed(&format!("drop of {db}.{coll}"), 0, c.drop())
            .await
    }

    /// Remove every document of a collection (`TRUNCATE` in mirror mode).
    pub async fn delete_all(&self, db: &str, coll: &str) -> Result<(), SyncError> {
        self.delete_matching(db, coll, doc! {}).await
    }

    /// Remove the documents of a collection that match `filter`.
    pub async fn delete_matching(
        &self,
        db: &str,
        coll: &str,
        filter: Document,
    ) -> Result<(), SyncError> {
        let c = self.collection(db, coll);
        self.timed(
            &format!("delete of documents of {db}.{coll}"),
            0,
            c.delete_many(filter),
        )
        .await
        .map(|_| ())
    }

    /// The insert statement of a document (checked against the document size limit).
    fn insert_stmt(&self, db: &str, coll: &str, d: &Document) -> Result<Stmt, SyncError> {
        let id = d.get("_id").cloned().unwrap_or(Bson::Null);
        self.stmt(
            db,
            coll,
            &id,
            || RawDocumentBuf::from_document(&stored(d)),
            |s| s.as_bytes().len(),
        )
    }

    /// A statement from `build`, refused when the document is over MongoDB's limit.
    fn stmt(
        &self,
        db: &str,
        coll: &str,
        id: &Bson,
        build: impl FnOnce() -> Result<RawDocumentBuf, mongodb::bson::raw::Error>,
        doc_bytes: impl FnOnce(&RawDocumentBuf) -> usize,
    ) -> Result<Stmt, SyncError> {
        let raw = build().map_err(|e| {
            SyncError::Target(
                self.conn.name.clone(),
                format!("{db}.{coll}: the row with key {id} cannot be encoded as BSON: {e}"),
                Fault::Fatal,
            )
        })?;
        let n = doc_bytes(&raw);
        if n > MAX_DOC_BYTES {
            return Err(SyncError::Target(
                self.conn.name.clone(),
                format!(
                    "{db}.{coll}: the row with key {id} is {n} bytes as a document, over MongoDB's 16 MiB document limit; leave the table out of the task (--tables) or shrink the row"
                ),
                Fault::Fatal,
            ));
        }
        Ok(Stmt {
            id: id.clone(),
            raw,
        })
    }

    /// Send `count` statements (`stmt(i)` builds the i-th) as `verb` commands
    /// (`insert`/`update`/`delete`, statements under `field`),
    /// cut by size and count, unordered, one command at a time while the next one is built.
    /// (Concurrent update commands on one collection cost the server more than they save:
    /// measured on secantusd-rs, three at once took 45 % more server CPU and 23 % more time
    /// for the same 100k replacement upserts than one after another.) Returns the statements
    /// that failed on a duplicate `_id` only (a replay); any other write error or a write
    /// concern error fails the call.
    async fn write(
        &self,
        db: &str,
        coll: &str,
        verb: &str,
        field: &str,
        count: usize,
        stmt: &(dyn Fn(usize) -> Result<Stmt, SyncError> + Sync),
    ) -> Result<Vec<usize>, SyncError> {
        let mut dups = vec![];
        let mut sending: Option<Sending> = None;
        let mut chunk = Chunk::at(0);
        for i in 0..count {
            let stmt = stmt(i)?;
            let n = stmt.raw.as_bytes().len();
            if !chunk.ids.is_empty()
                && (chunk.ids.len() >= MAX_STATEMENTS || chunk.bytes + n > COMMAND_BYTES)
            {
                let full = std::mem::replace(&mut chunk, Chunk::at(i));
                if let Some(prev) = sending.take() {
                    dups.extend(self.finish(db, coll, verb, prev).await?);
                }
                sending = Some(self.send(db, coll, verb, field, full));
            }
            chunk.bytes += n;
            chunk.ids.push(stmt.id);
            chunk.arr.push(stmt.raw);
        }
        if let Some(prev) = sending.take() {
            dups.extend(self.finish(db, coll, verb, prev).await?);
        }
        if !chunk.ids.is_empty() {
            let last = self.send(db, coll, verb, field, chunk);
            dups.extend(self.finish(db, coll, verb, last).await?);
        }
        Ok(dups)
    }

    /// Start sending one command (see [`Sending`]).
    fn send(&self, db: &str, coll: &str, verb: &str, field: &str, chunk: Chunk) -> Sending {
        let n = chunk.ids.len();
        let mut cmd = RawDocumentBuf::new();
        cmd.append(verb, coll);
        cmd.append(field, chunk.arr);
        cmd.append("ordered", false);
        let database = self.db(db);
        let conn = self.conn.clone();
        let what = format!("an {verb} of {db}.{coll}");
        let task =
            tokio::spawn(
                async move { timed(&conn, &what, n, database.run_raw_command(cmd)).await },
            );
        Sending {
            task,
            ids: chunk.ids,
            start: chunk.start,
        }
    }

    /// Wait for a command sent and check its reply; the duplicate `_id`s it met (call indexes).
    async fn finish(
        &self,
        db: &str,
        coll: &str,
        verb: &str,
        mut sent: Sending,
    ) -> Result<Vec<usize>, SyncError> {
        let reply = match (&mut sent.task).await {
            Ok(r) => r?,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(_) => return Err(SyncError::Halted),
        };
        let r = self.check(db, coll, verb, &reply, &sent.ids)?;
        Ok(r.dup_ids.into_iter().map(|i| i + sent.start).collect())
    }

    /// The write errors of a reply: a write concern error or any write error but a duplicate
    /// `_id` is an error naming the key.
    fn check(
        &self,
        db: &str,
        coll: &str,
        verb: &str,
        reply: &Document,
        ids: &[Bson],
    ) -> Result<Reply, SyncError> {
        if let Ok(wce) = reply.get_document("writeConcernError") {
            let code = wce.get_i32("code").unwrap_or(0);
            let msg = wce.get_str("errmsg").unwrap_or("");
            return Err(SyncError::Target(
                self.conn.name.clone(),
                format!(
                    "{db}.{coll}: the {verb} was not acknowledged by the write concern (code {code}: {msg}); the checkpoint stays before it"
                ),
                Fault::Fatal,
            ));
        }
        let mut dup_ids = vec![];
        let Ok(errs) = reply.get_array("writeErrors") else {
            return Ok(Reply { dup_ids });
        };
        for e in errs.iter().filter_map(Bson::as_document) {
            let code = e.get_i32("code").unwrap_or(0);
            let index = e
                .get_i32("index")
                .ok()
                .or_else(|| e.get_i64("index").ok().map(|i| i as i32))
                .unwrap_or(-1);
            let id = usize::try_from(index)
                .ok()
                .and_then(|i| ids.get(i))
                .map_or_else(|| "?".to_string(), Bson::to_string);
            let on_id = e
                .get_document("keyPattern")
                .is_ok_and(|k| k.len() == 1 && k.contains_key("_id"));
            if code == DUPLICATE_KEY && on_id && verb == "insert" {
                dup_ids.push(index as usize);
                continue;
            }
            let msg = e.get_str("errmsg").unwrap_or("");
            let (fault, why) = if code == DUPLICATE_KEY && on_id {
                // two upserts of one _id raced: the next attempt finds the document
                (Fault::Transient, "")
            } else if code == DUPLICATE_KEY {
                (
                    Fault::Fatal,
                    " (a unique index of the target collection rejects the row: drop or change that index)",
                )
            } else {
                (mongo_code_fault(code), "")
            };
            return Err(SyncError::Target(
                self.conn.name.clone(),
                format!(
                    "{db}.{coll}: {verb} of the row with key {id} failed: error {code}: {msg}{why}; the checkpoint stays before it"
                ),
                fault,
            ));
        }
        Ok(Reply { dup_ids })
    }

    /// Replacement upserts by `_id`, unordered (ids are distinct).
    async fn upsert(&self, db: &str, coll: &str, docs: &[&Document]) -> Result<(), SyncError> {
        let stmt = |i: usize| {
            let d = docs[i];
            let id = d.get("_id").cloned().unwrap_or(Bson::Null);
            self.stmt(
                db,
                coll,
                &id,
                || {
                    let mut s = RawDocumentBuf::new();
                    s.append(
                        "q",
                        RawDocumentBuf::from_document(&doc! {"_id": id.clone()})?,
                    );
                    s.append("u", RawDocumentBuf::from_document(&stored(d))?);
                    s.append("upsert", true);
                    Ok(s)
                },
                |s| s.as_bytes().len(),
            )
        };
        self.write(db, coll, "update", "updates", docs.len(), &stmt)
            .await?;
        Ok(())
    }

    /// Insert documents, unordered; documents whose `_id` exists are replaced (mirror) or
    /// skipped (history: the same id is the same version).
    pub async fn insert(&self, db: &str, coll: &str, docs: Vec<Document>) -> Result<(), SyncError> {
        if docs.is_empty() {
            return Ok(());
        }
        let stmt = |i: usize| self.insert_stmt(db, coll, &docs[i]);
        let dups = self
            .write(db, coll, "insert", "documents", docs.len(), &stmt)
            .await?;
        if self.mode == Mode::Mirror && !dups.is_empty() {
            let again: Vec<&Document> = dups.into_iter().filter_map(|i| docs.get(i)).collect();
            self.upsert(db, coll, &again).await?;
        }
        Ok(())
    }

    /// Write a batch of rows from the full copy. `upsert` on the first batch after a resume
    /// (and whenever documents may exist already).
    async fn write_copy(
        &self,
        db: &str,
        coll: &str,
        docs: Vec<Document>,
        upsert: bool,
    ) -> Result<(), SyncError> {
        if upsert && self.mode == Mode::Mirror {
            let refs: Vec<&Document> = docs.iter().collect();
            self.upsert(db, coll, &refs).await
        } else {
            self.insert(db, coll, docs).await
        }
    }

    /// The live occurrences (`n` of `h:<hash>:<n>`, soft-deleted ones excluded) of each content
    /// hash in a key-less collection: one `_id` range per hash.
    async fn keyless_read(
        &self,
        db: &str,
        coll: &str,
        hashes: &[&str],
    ) -> Result<BTreeMap<String, BTreeSet<u64>>, SyncError> {
        use futures_util::TryStreamExt;
        let mut out: BTreeMap<String, BTreeSet<u64>> = hashes
            .iter()
            .map(|h| (h.to_string(), BTreeSet::new()))
            .collect();
        for chunk in hashes.chunks(200) {
            let ranges: Vec<Document> = chunk
                .iter()
                .map(|h| {
                    let (from, to) = crate::sync::model::doc::keyless_range(h);
                    doc! {"_id": {"$gte": from, "$lt": to}}
                })
                .collect();
            let filter = doc! {"$or": ranges, "_deleted": {"$ne": true}};
            let c = self.collection(db, coll);
            let find = async {
                c.find(filter)
                    .projection(doc! {"_id": 1})
                    .await?
                    .try_collect::<Vec<Document>>()
                    .await
            };
            let what = format!("a read of the identical rows of {db}.{coll}");
            for d in self.timed(&what, chunk.len(), find).await? {
                if let Ok(id) = d.get_str("_id") {
                    super::note_occurrence(&mut out, id);
                }
            }
        }
        Ok(out)
    }

    /// Bring each content hash of a key-less collection to `want` live documents numbered
    /// `0..want`: missing ones are upserted, live ones at `want` or above deleted (or
    /// soft-deleted). `present` is what [`Self::keyless_present`] read. Applied again with the
    /// same targets, it changes nothing.
    async fn keyless_write(
        &self,
        db: &str,
        coll: &str,
        present: &BTreeMap<String, BTreeSet<u64>>,
        targets: &[KeylessTarget],
    ) -> Result<(), SyncError> {
        use crate::sync::model::doc::keyless_id;
        let empty = BTreeSet::new();
        let mut upserts = vec![];
        let mut gone = vec![];
        for t in targets {
            let live = present.get(&t.hash).unwrap_or(&empty);
            for n in (0..t.want).filter(|n| !live.contains(n)) {
                let Some(row) = &t.row else {
                    return Err(SyncError::Target(
                        self.conn.name.clone(),
                        format!(
                            "{db}.{coll}: occurrence {n} of row {} is missing and no row image came with the change",
                            t.hash
                        ),
                        Fault::Fatal,
                    ));
                };
                let mut d = doc! {"_id": keyless_id(&t.hash, n)};
                d.extend(row.clone());
                upserts.push(d);
            }
            let now = mongodb::bson::DateTime::now();
            gone.extend(live.range(t.want..).map(|n| (keyless_id(&t.hash, *n), now)));
        }
        let refs: Vec<&Document> = upserts.iter().collect();
        self.upsert(db, coll, &refs).await?;
        self.remove(db, coll, &gone).await
    }

    /// Remove the documents of `gone` (`_id`, when the source deleted the row): deleted, or
    /// with `--soft-delete` marked `_deleted` / `_deleted_at`.
    async fn remove(
        &self,
        db: &str,
        coll: &str,
        gone: &[(Bson, mongodb::bson::DateTime)],
    ) -> Result<(), SyncError> {
        let stmt = |i: usize| {
            let (id, at) = &gone[i];
            let s = if self.soft_delete {
                RawDocumentBuf::from_document(
                    &doc! {"q": {"_id": id.clone()}, "u": {"$set": {"_deleted": true, "_deleted_at": at}}},
                )
            } else {
                RawDocumentBuf::from_document(&doc! {"q": {"_id": id.clone()}, "limit": 1})
            };
            self.stmt(db, coll, id, || s, |_| 0)
        };
        let (verb, field) = if self.soft_delete {
            ("update", "updates")
        } else {
            ("delete", "deletes")
        };
        self.write(db, coll, verb, field, gone.len(), &stmt).await?;
        Ok(())
    }

    /// Insert documents whose `_id` is not there yet; existing ones are left as they are.
    pub async fn insert_missing(
        &self,
        db: &str,
        coll: &str,
        docs: &[Document],
    ) -> Result<(), SyncError> {
        let stmt = |i: usize| self.insert_stmt(db, coll, &docs[i]);
        self.write(db, coll, "insert", "documents", docs.len(), &stmt)
            .await?;
        Ok(())
    }

    /// Give `to` the secondary indexes of `from` (a shadow collection gets the live one's, so
    /// swapping it in keeps them).
    pub async fn copy_indexes(&self, db: &str, from: &str, to: &str) -> Result<(), SyncError> {
        use futures_util::TryStreamExt;
        let c = self.collection(db, from);
        let list = async {
            match c.list_indexes().await {
                Ok(cur) => cur.try_collect::<Vec<_>>().await,
                // no collection yet: no indexes (NamespaceNotFound)
                Err(e) if matches!(&*e.kind, mongodb::error::ErrorKind::Command(c) if c.code == 26) => {
                    Ok(vec![])
                }
                Err(e) => Err(e),
            }
        };
        let what = format!("listing the indexes of {db}.{from}");
        let models = self.timed(&what, 0, list).await?;
        let models: Vec<_> = models
            .into_iter()
            .filter(|m| m.keys != doc! {"_id": 1})
            .collect();
        if models.is_empty() {
            return Ok(());
        }
        let t = self.collection(db, to);
        let what = format!("creating the indexes of {db}.{to}");
        self.timed(&what, 0, t.create_indexes(models)).await?;
        Ok(())
    }

    /// Documents of `coll` matching `filter` (soft-delete tombstones carried into a shadow).
    pub async fn find_all(
        &self,
        db: &str,
        coll: &str,
        filter: Document,
    ) -> Result<Vec<Document>, SyncError> {
        use futures_util::TryStreamExt;
        let c = self.collection(db, coll);
        let find = async { c.find(filter).await?.try_collect::<Vec<_>>().await };
        self.timed(&format!("a read of {db}.{coll}"), 0, find).await
    }

    /// Create an empty collection (a shadow exists even when its table has no rows, so it can
    /// be swapped in).
    /// Whether collection `db.coll` exists.
    pub async fn collection_exists(&self, db: &str, coll: &str) -> Result<bool, SyncError> {
        let what = format!("looking for collection {db}.{coll}");
        let d = self.db(db);
        let list = d.list_collection_names().filter(doc! {"name": coll});
        Ok(!self.timed(&what, 0, list).await?.is_empty())
    }

    pub async fn create_collection(&self, db: &str, coll: &str) -> Result<(), SyncError> {
        let what = format!("the creation of {db}.{coll}");
        self.timed(&what, 0, self.db(db).create_collection(coll))
            .await
    }

    /// Replace collection `coll` by `from` in one step (`renameCollection` with `dropTarget`).
    pub async fn swap_in(&self, db: &str, from: &str, coll: &str) -> Result<(), SyncError> {
        let admin = self.client.database("admin");
        let cmd = doc! {
            "renameCollection": format!("{db}.{from}"),
            "to": format!("{db}.{coll}"),
            "dropTarget": true,
        };
        let what = format!("the swap of {db}.{from} into {db}.{coll}");
        self.timed(&what, 0, admin.run_command(cmd)).await?;
        Ok(())
    }

    /// Apply a batch of binlog changes (in binlog order). Every write is idempotent, so the
    /// same batch may be applied again after a failure.
    async fn apply_changes(
        &self,
        target: &TargetOf<'_>,
        changes: &[Change],
    ) -> Result<(), SyncError> {
        let mut by_coll: BTreeMap<(String, String), Vec<&Change>> = BTreeMap::new();
        // mirror changes of key-less tables go through `keyless_set` (the runner counts them)
        for c in changes
            .iter()
            .filter(|c| !(c.keyless && self.mode == Mode::Mirror))
        {
            let t = target(&c.db, &c.table);
            by_coll.entry((t.db, t.name)).or_default().push(c);
        }
        for ((db, coll), list) in by_coll {
            match self.mode {
                Mode::Mirror => self.apply_mirror(&db, &coll, &list).await?,
                Mode::History => self.apply_history(&db, &coll, &list).await?,
            }
        }
        Ok(())
    }

    async fn apply_mirror(&self, db: &str, coll: &str, list: &[&Change]) -> Result<(), SyncError> {
        // last operation per _id wins; key changes are a delete of the old id first
        type Last<'a> = Vec<(&'a Bson, Option<&'a Change>, u32)>;
        fn put<'a>(
            last: &mut Last<'a>,
            index: &mut HashMap<IdKey<'a>, usize>,
            id: &'a Bson,
            change: Option<&'a Change>,
            ts: u32,
        ) {
            let key = IdKey::of(id);
            match index.get(&key) {
                Some(i) => last[*i] = (id, change, ts),
                None => {
                    index.insert(key, last.len());
                    last.push((id, change, ts));
                }
            }
        }
        let mut last: Last<'_> = vec![];
        let mut index: HashMap<IdKey<'_>, usize> = HashMap::with_capacity(list.len());
        for c in list {
            if let Some(old) = &c.old_id
                && old != &c.id
            {
                put(&mut last, &mut index, old, None, c.ts);
            }
            match c.op {
                Op::Delete => put(&mut last, &mut index, &c.id, None, c.ts),
                Op::Insert | Op::Update => put(&mut last, &mut index, &c.id, Some(c), c.ts),
            }
        }
        let mut upserts = vec![];
        let mut deletes = vec![];
        for (id, change, ts) in last {
            match change {
                Some(c) => {
                    let mut d = doc! {"_id": c.id.clone()};
                    if let Some(row) = &c.doc {
                        d.extend(row.clone());
                    }
                    upserts.push(d);
                }
                None => deletes.push((
                    id.clone(),
                    mongodb::bson::DateTime::from_millis(ts as i64 * 1000),
                )),
            }
        }
        let refs: Vec<&Document> = upserts.iter().collect();
        self.upsert(db, coll, &refs).await?;
        self.remove(db, coll, &deletes).await
    }

    async fn apply_history(&self, db: &str, coll: &str, list: &[&Change]) -> Result<(), SyncError> {
        let docs: Vec<Document> = list
            .iter()
            .map(|c| {
                let mut d = doc! {
                    "_id": c.change_id(),
                    "pk": c.id.clone(),
                    "op": c.op.as_str(),
                    "version": c.version(),
                    "ts": mongodb::bson::DateTime::from_millis(c.ts as i64 * 1000),
                    "binlog": {"file": c.file.clone(), "pos": c.pos as i64},
                    "data": c.doc.clone().map(Bson::Document).unwrap_or(Bson::Null),
                };
                // an update of a key-less row removes one row and adds another: say which
                if let (true, Some(old)) = (c.keyless, &c.old_id) {
                    d.insert("old_pk", old.clone());
                }
                d
            })
            .collect();
        self.insert(db, coll, docs).await
    }

    /// History mode: the snapshot version of a row from the full copy.
    pub fn snapshot_doc(id: Bson, row: Document) -> Document {
        let mut key = String::new();
        crate::sync::model::doc::canonical(&id, &mut key);
        doc! {
            "_id": format!("snapshot:{key}"),
            "pk": id,
            "op": "snapshot",
            "version": 0i64,
            "ts": mongodb::bson::DateTime::now(),
            "data": row,
        }
    }
}

#[async_trait::async_trait]
impl Sink for MongoSink {
    fn name(&self) -> &str {
        &self.conn.name
    }

    fn target(&self, target_db: &str, table: &str) -> Target {
        Target::new(target_db, table)
    }

    async fn begin_copy(
        &self,
        unit: &crate::sync::model::schema::TableSchema,
        target: &Target,
        how: Begin,
    ) -> Result<Target, SyncError> {
        let (db, coll) = (target.db.as_str(), target.name.as_str());
        // the copy of a key-less table starts over from a new snapshot: what an earlier attempt
        // wrote goes first (occurrence numbers of that snapshot would not match)
        let restart = async {
            let filter = match self.mode {
                Mode::Mirror => doc! {},
                Mode::History => doc! {"op": "snapshot"},
            };
            self.delete_matching(db, coll, filter).await
        };
        match how {
            Begin::Fresh { drop } => {
                if drop {
                    self.drop_collection(db, coll).await?;
                }
                Ok(target.clone())
            }
            Begin::Resume => Ok(target.clone()),
            Begin::Restart => {
                restart.await?;
                Ok(target.clone())
            }
            // mirror mode: into a shadow swapped in at the end, with plain inserts; the live
            // collection keeps serving (and keeps its documents) until then
            Begin::Recopy { resume } if self.mode == Mode::Mirror => {
                let shadow = Target::new(db, shadow_name(coll));
                if !resume {
                    // a shadow from an earlier attempt (crash, retry) is started over
                    self.drop_collection(db, &shadow.name).await?;
                    self.create_collection(db, &shadow.name).await?;
                    self.copy_indexes(db, coll, &shadow.name).await?;
                }
                Ok(shadow)
            }
            // history mode: snapshot versions of the same rows have the same `_id`s
            Begin::Recopy { .. } => {
                if unit.key.is_empty() {
                    restart.await?;
                }
                Ok(target.clone())
            }
        }
    }

    async fn write_rows(
        &self,
        into: &Target,
        rows: Vec<Document>,
        upsert: bool,
    ) -> Result<Written, SyncError> {
        let docs = match self.mode {
            Mode::Mirror => rows,
            Mode::History => rows
                .into_iter()
                .map(|mut d| {
                    let id = d.remove("_id").unwrap_or(Bson::Null);
                    MongoSink::snapshot_doc(id, d)
                })
                .collect(),
        };
        self.write_copy(&into.db, &into.name, docs, upsert).await?;
        Ok(Written::default())
    }

    /// The shadow replaces the collection in one `renameCollection`; a shadow that is gone
    /// while the collection exists is a swap done earlier (its answer lost).
    async fn end_copy(&self, target: &Target, written: &Target) -> Result<(), SyncError> {
        if written == target {
            return Ok(());
        }
        let db = target.db.as_str();
        if !self.collection_exists(db, &written.name).await? {
            if self.collection_exists(db, &target.name).await? {
                return Ok(());
            }
            return Err(SyncError::Target(
                self.conn.name.clone(),
                format!(
                    "the swap of {written} into {target}: neither the shadow nor the collection exists (removed by hand?); `shark sync reset` for the task copies it again"
                ),
                Fault::Fatal,
            ));
        }
        if self.soft_delete {
            // soft-deleted documents are no rows of the table: carry them over
            let gone = self
                .find_all(db, &target.name, doc! {"_deleted": true})
                .await?;
            self.insert_missing(db, &written.name, &gone).await?;
        }
        self.swap_in(db, &written.name, &target.name).await
    }

    async fn truncate(&self, target: &Target) -> Result<(), SyncError> {
        // history mode keeps every version
        if self.mode == Mode::Mirror {
            self.delete_all(&target.db, &target.name).await?;
        }
        Ok(())
    }

    async fn apply(&self, target: &TargetOf<'_>, changes: &[Change]) -> Result<Written, SyncError> {
        self.apply_changes(target, changes).await?;
        Ok(Written::default())
    }

    async fn keyless_present(
        &self,
        target: &Target,
        hashes: &[&str],
    ) -> Result<BTreeMap<String, BTreeSet<u64>>, SyncError> {
        self.keyless_read(&target.db, &target.name, hashes).await
    }

    async fn keyless_set(
        &self,
        target: &Target,
        present: &BTreeMap<String, BTreeSet<u64>>,
        targets: &[KeylessTarget],
    ) -> Result<(), SyncError> {
        self.keyless_write(&target.db, &target.name, present, targets)
            .await
    }

    async fn scan(
        &self,
        unit: &crate::sync::model::schema::TableSchema,
        target: &Target,
        each: &mut (dyn FnMut(Document) + Send),
    ) -> Result<(), SyncError> {
        super::mongo_scan::scan(self, unit.key.is_empty(), target, each).await
    }
}
