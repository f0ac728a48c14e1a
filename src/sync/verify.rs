//! `sync verify`: per unit, the row count and an order-independent checksum of the source rows
//! (mapped exactly as the sync maps them) against the target documents. Mirror mode compares
//! live documents (soft-deleted ones excluded); history mode compares the latest version of
//! each key that is not a tombstone. Tables without a key are compared as multisets: rows and
//! documents are counted per content hash, and the hashes whose counts differ are reported
//! (`differences`).

use crate::sync::error::SyncError;
use crate::sync::model::doc::{Checksum, digest, key_text, unreadable};
use crate::sync::model::schema::TableSchema;
use crate::sync::sink::Sink;
use crate::sync::source::{BatchLimits, Source};
use crate::sync::task::TaskSpec;
use mongodb::bson::Bson;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, serde::Serialize)]
pub struct UnitCheck {
    pub unit: String,
    pub source_rows: u64,
    pub target_docs: u64,
    pub source_checksum: String,
    pub target_checksum: String,
    /// Source rows a sink refused and `--on-error skip` recorded: left out of the source side
    /// (they are not in the target by design), and shown.
    pub skipped: u64,
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

/// Source rows of `s`, mapped as the copy maps them (field mapping included), without the rows
/// whose keys are in `skipped`; and how many of those it met.
async fn source_sum(
    source: &dyn Source,
    spec: &TaskSpec,
    s: &TableSchema,
    skipped: &BTreeSet<String>,
) -> Result<(Tally, u64), SyncError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(2);
    let never = || false;
    let limits = BatchLimits {
        rows: 5000,
        bytes: 16 << 20,
    };
    let reader = source.read(s, None, limits, tx, &never);
    let sum = async {
        let mut sum = Tally::new(s.key.is_empty());
        let mut left_out = 0;
        let unit = s.unit();
        while let Some(b) = rx.recv().await {
            let b = b?;
            // a row the source cannot read differs from whatever the target holds
            let unread = b.rejected.into_iter().map(|r| {
                let id = key_text(&r.id);
                unreadable(&id, r.error)
            });
            for d in b.docs.into_iter().chain(unread) {
                if !skipped.is_empty()
                    && skipped.contains(&key_text(d.get("_id").unwrap_or(&Bson::Null)))
                {
                    left_out += 1;
                    continue;
                }
                sum.add(&spec.fields.apply(&unit, d));
            }
        }
        Ok::<_, SyncError>((sum, left_out))
    };
    let (r, sum) = tokio::join!(reader, sum);
    r?;
    sum
}

/// What the sink holds of `s`, without the rows whose keys are in `skipped` (a refused row
/// written later by a change is left out on both sides).
async fn target_sum(
    sink: &dyn Sink,
    spec: &TaskSpec,
    s: &TableSchema,
    skipped: &BTreeSet<String>,
) -> Result<Tally, SyncError> {
    let target = sink.target(spec.target_db(&s.db), &s.table);
    let schema = spec.fields.schema(s).map_err(SyncError::Usage)?;
    let mut sum = Tally::new(s.key.is_empty());
    sink.scan(&schema, &target, &mut |d| {
        if skipped.is_empty() || !skipped.contains(&key_text(d.get("_id").unwrap_or(&Bson::Null))) {
            sum.add(&d)
        }
    })
    .await?;
    Ok(sum)
}

/// Every unit of the task: source (minus the rows recorded in `skipped`, keys by unit) against
/// target.
pub async fn verify(
    source: &dyn Source,
    sink: &dyn Sink,
    spec: &TaskSpec,
    skipped: &BTreeMap<String, BTreeSet<String>>,
) -> Result<Vec<UnitCheck>, SyncError> {
    let mut out = vec![];
    let none = BTreeSet::new();
    for s in source.units(spec).await?.into_values() {
        let skip = skipped.get(&s.unit()).unwrap_or(&none);
        let ((a, left_out), b) = tokio::try_join!(
            source_sum(source, spec, &s, skip),
            target_sum(sink, spec, &s, skip)
        )?;
        out.push(UnitCheck {
            unit: s.unit(),
            source_rows: a.sum.count,
            target_docs: b.sum.count,
            source_checksum: a.sum.hex(),
            target_checksum: b.sum.hex(),
            skipped: left_out,
            ok: a.sum == b.sum,
            differences: differences(&a, &b),
        });
    }
    Ok(out)
}
