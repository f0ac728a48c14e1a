//! `sync verify`: per unit, the row count and an order-independent checksum of the source rows
//! (mapped exactly as the sync maps them) against the target documents. Mirror mode compares
//! live documents (soft-deleted ones excluded); history mode compares the latest version of
//! each key that is not a tombstone.

use super::doc::Checksum;
use super::error::{SyncError, source_err, target_err};
use super::schema::{self, TableSchema};
use super::sink::mongo::MongoSink;
use super::source::{self, copy};
use super::task::{Mode, TaskSpec};
use crate::conn::Connection;
use futures_util::TryStreamExt;
use mongodb::bson::doc;

#[derive(Debug, Clone, serde::Serialize)]
pub struct UnitCheck {
    pub unit: String,
    pub source_rows: u64,
    pub target_docs: u64,
    pub source_checksum: String,
    pub target_checksum: String,
    pub ok: bool,
}

async fn source_sum(conn: &Connection, s: &TableSchema) -> Result<Checksum, SyncError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(2);
    let never = || false;
    let reader = copy::read(conn, s, None, 5000, 16 << 20, tx, &never);
    let sum = async {
        let mut sum = Checksum::default();
        while let Some(b) = rx.recv().await {
            for d in b?.docs {
                sum.add(&d);
            }
        }
        Ok::<_, SyncError>(sum)
    };
    let (r, sum) = tokio::join!(reader, sum);
    r?;
    sum
}

async fn target_sum(
    sink: &MongoSink,
    spec: &TaskSpec,
    s: &TableSchema,
) -> Result<Checksum, SyncError> {
    let coll = sink.collection(spec.target_db(&s.db), &s.table);
    let mut sum = Checksum::default();
    match spec.mode {
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
                sum.add(&d);
            }
        }
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
                    sum.add(data);
                }
            }
        }
    }
    Ok(sum)
}

pub async fn verify(
    source: &Connection,
    sink: &MongoSink,
    spec: &TaskSpec,
) -> Result<Vec<UnitCheck>, SyncError> {
    let mut c = source::connect(source).await?;
    let tables = schema::list_tables(&mut c, spec.databases().as_deref())
        .await
        .map_err(|e| source_err(source, e))?;
    let mut out = vec![];
    for (db, t) in tables {
        if !spec.selects(&db, &t) {
            continue;
        }
        let Some(s) = schema::load(&mut c, &db, &t, spec.time_precision)
            .await
            .map_err(|e| source_err(source, e))?
        else {
            continue;
        };
        let (a, b) = tokio::try_join!(source_sum(source, &s), target_sum(sink, spec, &s))?;
        out.push(UnitCheck {
            unit: s.unit(),
            source_rows: a.count,
            target_docs: b.count,
            source_checksum: a.hex(),
            target_checksum: b.hex(),
            ok: a == b,
        });
    }
    Ok(out)
}
