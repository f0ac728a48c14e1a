//! What a MongoDB target holds of a unit, for `verify`: mirror mode's live documents
//! (soft-deleted ones excluded); history mode's latest version of each key that is not a
//! tombstone, and for tables without a key the rows the versions add up to.

use super::Target;
use super::mongo::MongoSink;
use crate::sync::error::{SyncError, target_err};
use crate::sync::task::Mode;
use futures_util::TryStreamExt;
use mongodb::bson::{Document, doc};
use std::collections::BTreeMap;

pub async fn scan(
    sink: &MongoSink,
    keyless: bool,
    target: &Target,
    each: &mut (dyn FnMut(Document) + Send),
) -> Result<(), SyncError> {
    let coll = sink.collection(&target.db, &target.name);
    match sink.mode {
        Mode::Mirror => {
            let mut cur = coll
                .find(doc! {"_deleted": {"$ne": true}})
                .await
                .map_err(|e| target_err(&sink.conn, e))?;
            while let Some(d) = cur
                .try_next()
                .await
                .map_err(|e| target_err(&sink.conn, e))?
            {
                each(d);
            }
        }
        Mode::History if keyless => history_multiset(sink, &coll, each).await?,
        Mode::History => {
            let pipeline = vec![
                doc! {"$sort": {"version": 1}},
                doc! {"$group": {"_id": "$pk", "op": {"$last": "$op"}, "data": {"$last": "$data"}}},
                doc! {"$match": {"op": {"$ne": "delete"}}},
            ];
            let mut cur = coll
                .aggregate(pipeline)
                .allow_disk_use(true)
                .await
                .map_err(|e| target_err(&sink.conn, e))?;
            while let Some(d) = cur
                .try_next()
                .await
                .map_err(|e| target_err(&sink.conn, e))?
            {
                if let Ok(data) = d.get_document("data") {
                    each(data.clone());
                }
            }
        }
    }
    Ok(())
}

/// History mode, table without a key: the rows the versions add up to, replayed in version
/// order per content hash (a snapshot or an insert adds one copy, a delete removes one, an
/// update removes one of `old_pk` and adds one of `pk`).
async fn history_multiset(
    sink: &MongoSink,
    coll: &mongodb::Collection<Document>,
    each: &mut (dyn FnMut(Document) + Send),
) -> Result<(), SyncError> {
    use mongodb::bson::Bson;
    let mut rows: BTreeMap<String, (i64, Option<mongodb::bson::Document>)> = BTreeMap::new();
    let mut cur = coll
        .find(doc! {})
        .sort(doc! {"version": 1, "_id": 1})
        .await
        .map_err(|e| target_err(&sink.conn, e))?;
    let hash = |b: Option<&Bson>| match b {
        Some(Bson::String(s)) => Some(
            crate::sync::model::doc::keyless_parts(s)
                .map_or(s.as_str(), |(h, _)| h)
                .to_string(),
        ),
        _ => None,
    };
    while let Some(d) = cur
        .try_next()
        .await
        .map_err(|e| target_err(&sink.conn, e))?
    {
        let pk = hash(d.get("pk"));
        let data = d.get_document("data").ok().cloned();
        match d.get_str("op").unwrap_or("") {
            "snapshot" | "insert" => {
                if let Some(h) = pk {
                    let e = rows.entry(h).or_default();
                    e.0 += 1;
                    e.1 = data;
                }
            }
            "delete" => {
                if let Some(h) = pk {
                    rows.entry(h).or_default().0 -= 1;
                }
            }
            "update" => {
                if let Some(h) = hash(d.get("old_pk")) {
                    rows.entry(h).or_default().0 -= 1;
                }
                if let Some(h) = pk {
                    let e = rows.entry(h).or_default();
                    e.0 += 1;
                    e.1 = data;
                }
            }
            _ => {}
        }
    }
    for (n, data) in rows.into_values() {
        if let Some(data) = data {
            for _ in 0..n.max(0) {
                each(data.clone());
            }
        }
    }
    Ok(())
}
