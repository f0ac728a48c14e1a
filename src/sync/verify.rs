//! `sync verify`: per unit, the row count and an order-independent checksum of the source rows
//! (mapped exactly as the sync maps them) against the target documents. Mirror mode compares
//! live documents (soft-deleted ones excluded); history mode compares the latest version of
//! each key that is not a tombstone. Tables without a key are compared as multisets: rows and
//! documents are counted per content hash, and the hashes whose counts differ are reported
//! (`differences`).

use super::doc::{Checksum, digest};
use super::error::{SyncError, source_err, target_err};
use super::schema::{self, TableSchema};
use super::sink::mongo::MongoSink;
use super::source::{self, copy};
use super::task::{Mode, TaskSpec};
use crate::conn::Connection;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use std::collections::BTreeMap;

#[derive(Debug, Clone, serde::Serialize)]
pub struct UnitCheck {
    pub unit: String,
    pub source_rows: u64,
    pub target_docs: u64,
    pub source_checksum: String,
    pub target_checksum: String,
    pub ok: bool,
    /// Tables without a key: up to [`MAX_DIFFERENCES`] rows (by content hash) whose number of
    /// copies differs between the source and the target.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<RowCount>,
}

/// How many copies of one row (by content hash) the source and the target hold.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RowCount {
    pub row: String,
    pub source: u64,
    pub target: u64,
}

pub const MAX_DIFFERENCES: usize = 10;

/// Counts per content hash (key-less tables), next to the checksum.
#[derive(Default)]
struct Tally {
    sum: Checksum,
    /// Present for key-less tables only.
    counts: Option<BTreeMap<[u8; 16], u64>>,
}

impl Tally {
    fn new(keyless: bool) -> Tally {
        Tally {
            sum: Checksum::default(),
            counts: keyless.then(BTreeMap::new),
        }
    }
    fn add(&mut self, d: &mongodb::bson::Document) {
        self.sum.add(d);
        if let Some(c) = &mut self.counts {
            let h = digest(d);
            *c.entry(h[..16].try_into().unwrap_or([0; 16])).or_default() += 1;
        }
    }
}

/// Rows whose counts differ, the first [`MAX_DIFFERENCES`] by hash.
fn differences(a: &Tally, b: &Tally) -> Vec<RowCount> {
    let (Some(x), Some(y)) = (&a.counts, &b.counts) else {
        return vec![];
    };
    let keys: std::collections::BTreeSet<&[u8; 16]> = x.keys().chain(y.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (s, t) = (
                x.get(k).copied().unwrap_or(0),
                y.get(k).copied().unwrap_or(0),
            );
            (s != t).then(|| RowCount {
                row: format!(
                    "h:{}",
                    k.iter().map(|b| format!("{b:02x}")).collect::<String>()
                ),
                source: s,
                target: t,
            })
        })
        .take(MAX_DIFFERENCES)
        .collect()
}

async fn source_sum(conn: &Connection, s: &TableSchema) -> Result<Tally, SyncError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(2);
    let never = || false;
    let reader = copy::read(conn, s, None, 5000, 16 << 20, tx, &never);
    let sum = async {
        let mut sum = Tally::new(s.key.is_empty());
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
) -> Result<Tally, SyncError> {
    let coll = sink.collection(spec.target_db(&s.db), &s.table);
    let mut sum = Tally::new(s.key.is_empty());
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
        Mode::History if s.key.is_empty() => history_multiset(sink, &coll, &mut sum).await?,
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

/// History mode, table without a key: the rows the versions add up to, replayed in version
/// order per content hash (a snapshot or an insert adds one copy, a delete removes one, an
/// update removes one of `old_pk` and adds one of `pk`).
async fn history_multiset(
    sink: &MongoSink,
    coll: &mongodb::Collection<mongodb::bson::Document>,
    sum: &mut Tally,
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
            crate::sync::doc::keyless_parts(s)
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
                sum.add(&data);
            }
        }
    }
    Ok(())
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
            source_rows: a.sum.count,
            target_docs: b.sum.count,
            source_checksum: a.sum.hex(),
            target_checksum: b.sum.hex(),
            ok: a.sum == b.sum,
            differences: differences(&a, &b),
        });
    }
    Ok(out)
}
