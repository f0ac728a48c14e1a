//! The MongoDB sink. Mirror mode: `_id` = key, changes collapse per `_id` within a batch and go
//! out as one `update` (replacement upserts) and one `delete` command per collection, so a
//! replay converges to the same documents. History mode: one version document per change with a
//! deterministic `_id`, inserted unordered with duplicate keys ignored, so replays add nothing.

use crate::conn::Connection;
use crate::sync::change::{Change, Op};
use crate::sync::error::{Fault, SyncError, target_err};
use crate::sync::task::Mode;
use mongodb::bson::{Bson, Document, doc};
use std::collections::BTreeMap;

pub struct MongoSink {
    pub client: mongodb::Client,
    pub conn: Connection,
    pub mode: Mode,
    pub soft_delete: bool,
}

const DUPLICATE_KEY: i32 = 11000;

impl MongoSink {
    pub async fn connect(
        conn: &Connection,
        mode: Mode,
        soft_delete: bool,
    ) -> Result<MongoSink, SyncError> {
        let client = crate::conn::probe::mongo::client(conn).await?;
        client
            .database("admin")
            .run_command(doc! {"ping": 1})
            .await
            .map_err(|e| target_err(conn, e))?;
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

    pub async fn drop_collection(&self, db: &str, coll: &str) -> Result<(), SyncError> {
        self.collection(db, coll)
            .drop()
            .await
            .map_err(|e| target_err(&self.conn, e))
    }

    async fn command(&self, db: &str, cmd: Document) -> Result<Document, SyncError> {
        let res = self
            .db(db)
            .run_command(cmd)
            .await
            .map_err(|e| target_err(&self.conn, e))?;
        if let Ok(errs) = res.get_array("writeErrors")
            && let Some(first) = errs
                .iter()
                .filter_map(|e| e.as_document())
                .find(|e| e.get_i32("code").ok() != Some(DUPLICATE_KEY))
        {
            let fault = first
                .get_i32("code")
                .map_or(Fault::Fatal, crate::sync::error::mongo_code_fault);
            return Err(SyncError::Target(
                self.conn.name.clone(),
                format!("write error: {first}"),
                fault,
            ));
        }
        Ok(res)
    }

    /// Replacement upserts by `_id`, unordered (ids are distinct).
    async fn upsert(&self, db: &str, coll: &str, docs: Vec<Document>) -> Result<(), SyncError> {
        for chunk in docs.chunks(1000) {
            let updates: Vec<Bson> = chunk
                .iter()
                .map(|d| Bson::Document(doc! {"q": {"_id": d.get("_id").cloned().unwrap_or(Bson::Null)}, "u": d.clone(), "upsert": true}))
                .collect();
            self.command(
                db,
                doc! {"update": coll, "updates": updates, "ordered": false},
            )
            .await?;
        }
        Ok(())
    }

    /// Insert documents, unordered; documents whose `_id` exists are replaced (mirror) or
    /// skipped (history: the same id is the same version).
    pub async fn insert(&self, db: &str, coll: &str, docs: Vec<Document>) -> Result<(), SyncError> {
        if docs.is_empty() {
            return Ok(());
        }
        let c = self.collection(db, coll);
        match c.insert_many(&docs).ordered(false).await {
            Ok(_) => Ok(()),
            Err(e) => {
                let dups: Vec<usize> = match e.kind.as_ref() {
                    mongodb::error::ErrorKind::InsertMany(im)
                        if im.write_concern_error.is_none()
                            && im
                                .write_errors
                                .as_ref()
                                .is_some_and(|w| w.iter().all(|x| x.code == DUPLICATE_KEY)) =>
                    {
                        im.write_errors
                            .as_ref()
                            .map(|w| w.iter().map(|x| x.index).collect())
                            .unwrap_or_default()
                    }
                    _ => return Err(target_err(&self.conn, e)),
                };
                if self.mode == Mode::Mirror {
                    let again: Vec<Document> = dups
                        .into_iter()
                        .filter_map(|i| docs.get(i).cloned())
                        .collect();
                    self.upsert(db, coll, again).await?;
                }
                Ok(())
            }
        }
    }

    /// Write a batch of rows from the full copy. `upsert` on the first batch after a resume
    /// (and whenever documents may exist already).
    pub async fn write_rows(
        &self,
        db: &str,
        coll: &str,
        docs: Vec<Document>,
        upsert: bool,
    ) -> Result<(), SyncError> {
        if upsert && self.mode == Mode::Mirror {
            self.upsert(db, coll, docs).await
        } else {
            self.insert(db, coll, docs).await
        }
    }

    /// Apply a batch of binlog changes (in binlog order).
    pub async fn apply(
        &self,
        target_db: &dyn Fn(&str) -> String,
        changes: Vec<Change>,
    ) -> Result<(), SyncError> {
        let mut by_coll: BTreeMap<(String, String), Vec<Change>> = BTreeMap::new();
        for c in changes {
            by_coll
                .entry((target_db(&c.db), c.table.clone()))
                .or_default()
                .push(c);
        }
        for ((db, coll), list) in by_coll {
            match self.mode {
                Mode::Mirror => self.apply_mirror(&db, &coll, list).await?,
                Mode::History => self.apply_history(&db, &coll, list).await?,
            }
        }
        Ok(())
    }

    async fn apply_mirror(&self, db: &str, coll: &str, list: Vec<Change>) -> Result<(), SyncError> {
        // last operation per _id wins; key changes are a delete of the old id first
        let mut last: Vec<(String, Bson, Option<Document>, u32)> = vec![];
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut put = |id: &Bson, doc: Option<Document>, ts: u32| {
            let key = format!("{id:?}");
            match index.get(&key) {
                Some(i) => last[*i] = (key, id.clone(), doc, ts),
                None => {
                    index.insert(key.clone(), last.len());
                    last.push((key, id.clone(), doc, ts));
                }
            }
        };
        for c in list {
            if let Some(old) = &c.old_id
                && old != &c.id
            {
                put(old, None, c.ts);
            }
            match c.op {
                Op::Delete => put(&c.id, None, c.ts),
                Op::Insert | Op::Update => {
                    let mut d = doc! {"_id": c.id.clone()};
                    if let Some(row) = c.doc {
                        d.extend(row);
                    }
                    put(&c.id, Some(d), c.ts);
                }
            }
        }
        let mut upserts = vec![];
        let mut deletes = vec![];
        for (_, id, doc, ts) in last {
            match doc {
                Some(d) => upserts.push(d),
                None => deletes.push((id, ts)),
            }
        }
        self.upsert(db, coll, upserts).await?;
        for chunk in deletes.chunks(1000) {
            if self.soft_delete {
                let updates: Vec<Bson> = chunk
                    .iter()
                    .map(|(id, ts)| {
                        let at = mongodb::bson::DateTime::from_millis(*ts as i64 * 1000);
                        Bson::Document(doc! {"q": {"_id": id.clone()}, "u": {"$set": {"_deleted": true, "_deleted_at": at}}})
                    })
                    .collect();
                self.command(
                    db,
                    doc! {"update": coll, "updates": updates, "ordered": false},
                )
                .await?;
            } else {
                let dels: Vec<Bson> = chunk
                    .iter()
                    .map(|(id, _)| Bson::Document(doc! {"q": {"_id": id.clone()}, "limit": 1}))
                    .collect();
                self.command(db, doc! {"delete": coll, "deletes": dels, "ordered": false})
                    .await?;
            }
        }
        Ok(())
    }

    async fn apply_history(
        &self,
        db: &str,
        coll: &str,
        list: Vec<Change>,
    ) -> Result<(), SyncError> {
        let docs: Vec<Document> = list
            .into_iter()
            .map(|c| {
                doc! {
                    "_id": c.change_id(),
                    "pk": c.id.clone(),
                    "op": c.op.as_str(),
                    "version": c.version(),
                    "ts": mongodb::bson::DateTime::from_millis(c.ts as i64 * 1000),
                    "binlog": {"file": c.file.clone(), "pos": c.pos as i64},
                    "data": c.doc.map(Bson::Document).unwrap_or(Bson::Null),
                }
            })
            .collect();
        self.insert(db, coll, docs).await
    }

    /// History mode: the snapshot version of a row from the full copy.
    pub fn snapshot_doc(id: Bson, row: Document) -> Document {
        let mut key = String::new();
        crate::sync::doc::canonical(&id, &mut key);
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
