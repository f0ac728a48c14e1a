//! Sinks: where rows and changes are written. The runner drives every sink through [`Sink`];
//! MongoDB is the first implementation ([`mongo`]).
//!
//! Rows travel in BSON's value model (`bson::Document`, `_id` = the unit's key, see
//! `sync::model::doc`): it holds every source type without loss (Decimal128, binary subtypes, dates,
//! nested documents), whatever the sink. A sink converts to its own format on the way in and
//! back to that model in [`Sink::scan`], so `verify` compares the same canonical form on both
//! sides.

pub mod es;
pub mod es_mapping;
pub mod mongo;
mod mongo_scan;
pub mod mysql;

use crate::sync::error::SyncError;
use crate::sync::model::change::Change;
use crate::sync::model::schema::TableSchema;
use mongodb::bson::{Bson, Document};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Where a unit's rows go: a database (MongoDB database, MySQL schema; for Elasticsearch a
/// prefix of the index name) and a name in it (collection, table, index).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    pub db: String,
    pub name: String,
}

impl Target {
    pub fn new(db: impl Into<String>, name: impl Into<String>) -> Target {
        Target {
            db: db.into(),
            name: name.into(),
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.db.is_empty() {
            write!(f, "{}", self.name)
        } else {
            write!(f, "{}.{}", self.db, self.name)
        }
    }
}

/// Where a change of source `db`, `table` goes (the task's target database and the sink's
/// naming).
pub type TargetOf<'f> = dyn Fn(&str, &str) -> Target + Sync + 'f;

/// How the copy of a unit starts at the sink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Begin {
    /// First copy of the unit. `drop`: `--drop-target` (remove what the target holds first).
    /// (A key-less unit not dropped gets [`Begin::Restart`]: it is always read afresh.)
    Fresh { drop: bool },
    /// A copy resumed after its last committed key: the target keeps what it has (the first
    /// batch is written with upserts).
    Resume,
    /// A key-less unit read again from a new snapshot: what an earlier attempt wrote goes.
    Restart,
    /// A copy again of a unit the target holds (schema changed): the sink may write into a
    /// shadow and swap it in at [`Sink::end_copy`], or rewrite in place. `resume`: that copy
    /// was under way and resumes after its last committed key (the shadow is kept).
    Recopy { resume: bool },
}

/// A row (or change) the sink refused on its own merits — a value the target cannot hold, a
/// mapping conflict — as opposed to a failure of the sink. The task's `--on-error` decides:
/// stop, or record it and go on.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub id: Bson,
    pub error: String,
}

/// What a write did: the rows it refused (every other row is written).
#[derive(Debug, Default)]
pub struct Written {
    pub rejected: Vec<Rejected>,
}

impl Written {
    pub fn merge(&mut self, other: Written) {
        self.rejected.extend(other.rejected);
    }
}

/// How many documents of one content hash a key-less unit is to hold, and the row (needed
/// when adding occurrences).
#[derive(Debug, Clone)]
pub struct KeylessTarget {
    pub hash: String,
    pub want: u64,
    pub row: Option<Document>,
}

/// Record in `present` the occurrence a key-less `_id` (`h:<hash>:<n>`) names, when its hash
/// was asked for ([`Sink::keyless_present`]).
pub fn note_occurrence(present: &mut BTreeMap<String, BTreeSet<u64>>, id: &str) {
    if let Some((hash, n)) = crate::sync::model::doc::keyless_parts(id)
        && let Some(set) = present.get_mut(hash)
    {
        set.insert(n);
    }
}

/// What a sink builds ahead from a batch of changes ([`Sink::prepare`]): its own type.
pub type Built = Box<dyn std::any::Any + Send + Sync>;

/// A batch of binlog changes for [`Sink::prepare`] and [`Sink::write`]: the changes and where
/// each source table goes.
pub struct Prepared {
    pub changes: Vec<Change>,
    /// Target of each source `db`, `table` of the changes (a batch touches few tables).
    pub targets: Vec<(String, String, Target)>,
}

impl Prepared {
    /// `changes` with their targets resolved by `target`.
    pub fn new(target: &TargetOf<'_>, changes: Vec<Change>) -> Prepared {
        let mut targets: Vec<(String, String, Target)> = vec![];
        for c in &changes {
            if !targets.iter().any(|t| t.0 == c.db && t.1 == c.table) {
                targets.push((c.db.clone(), c.table.clone(), target(&c.db, &c.table)));
            }
        }
        Prepared { changes, targets }
    }

    /// Where a change of source `db.table` goes (as resolved when the batch was made).
    pub fn target(&self, db: &str, table: &str) -> Target {
        self.targets
            .iter()
            .find(|t| t.0 == db && t.1 == table)
            .map_or_else(|| Target::new(db, table), |t| t.2.clone())
    }
}

/// A write of a prepared batch under way: resolves once the target has it.
pub type Writing<'s> = futures_util::future::BoxFuture<'s, Result<Written, SyncError>>;

/// Where a unit's rows are written and read back. Every write is idempotent (`_id` from the
/// source key, upserts, deletes by key), so a batch may be written again after a failure or a
/// crash. Errors are [`SyncError::Target`] with a `Fault` saying whether a retry may help.
#[async_trait::async_trait]
pub trait Sink: Send + Sync {
    /// The connection's name, for messages.
    fn name(&self) -> &str;

    /// Where the rows of source unit `db.table` go (`target_db`: the task's target database
    /// for it).
    fn target(&self, target_db: &str, table: &str) -> Target;

    /// Make the target ready for a unit's copy (create it with a schema derived from `unit`
    /// where the sink needs one, drop it first for `--drop-target`); returns where the copy
    /// writes (the target itself, or a shadow for [`Begin::Recopy`]).
    async fn begin_copy(
        &self,
        unit: &TableSchema,
        target: &Target,
        how: Begin,
    ) -> Result<Target, SyncError>;

    /// Write rows of the full copy into `into` (what `begin_copy` returned). `upsert`: rows
    /// may exist already (first batch after a resume).
    async fn write_rows(
        &self,
        into: &Target,
        rows: Vec<Document>,
        upsert: bool,
    ) -> Result<Written, SyncError>;

    /// The copy of a unit finished: swap a shadow in, refresh, etc. Idempotent: after a
    /// failure or a crash anywhere in it (the runner records phase `swapping` before the
    /// call), the same call again finishes what is left. A shadow (`written` ≠ `target`) that
    /// is gone while `target` exists means the swap is done.
    async fn end_copy(&self, target: &Target, written: &Target) -> Result<(), SyncError>;

    /// Remove every row (`TRUNCATE` at the source).
    async fn truncate(&self, target: &Target) -> Result<(), SyncError>;

    /// Apply binlog changes in order; `target` maps a change's source `db`, `table` to where it
    /// goes. Changes of key-less units in mirror mode are not passed here (see
    /// [`Sink::keyless_set`]).
    async fn apply(&self, target: &TargetOf<'_>, changes: &[Change]) -> Result<Written, SyncError>;

    /// Start building what writing `batch` takes (statements, converted rows) while the
    /// batch before it is still being written. Only a head start: None (the default) leaves
    /// the work to [`Sink::write`]; an error met building is returned by the write.
    async fn prepare(&self, batch: &Arc<Prepared>) -> Option<Built> {
        let _ = batch;
        None
    }

    /// Whether [`Sink::write`] starts the write on a task of its own at once. False (the
    /// default write): the returned future does the work only while awaited, so the applier
    /// awaits it right away rather than letting it wait for the next batch.
    fn writes_in_background(&self) -> bool {
        false
    }

    /// Apply a batch, as [`Sink::apply`] does, with what [`Sink::prepare`] built for it (None:
    /// build it here). A sink may start the write on a task of its own at once (the MySQL sink
    /// does), so that the caller reads and prepares the next batch meanwhile; the caller starts
    /// a batch only after the one before it is written, so the order holds. Called again with
    /// the same batch (and None) after a transient error.
    fn write(&self, batch: Arc<Prepared>, built: Option<Built>) -> Writing<'_> {
        let _ = built;
        Box::pin(async move {
            let target = |db: &str, table: &str| batch.target(db, table);
            self.apply(&target, &batch.changes).await
        })
    }

    /// Key-less units: the live occurrences (`n` of `h:<hash>:<n>`) of each content hash.
    async fn keyless_present(
        &self,
        target: &Target,
        hashes: &[&str],
    ) -> Result<BTreeMap<String, BTreeSet<u64>>, SyncError>;

    /// Key-less units: bring each hash to `want` occurrences numbered `0..want` (missing ones
    /// written, those at `want` and above removed). Idempotent.
    async fn keyless_set(
        &self,
        target: &Target,
        present: &BTreeMap<String, BTreeSet<u64>>,
        targets: &[KeylessTarget],
    ) -> Result<(), SyncError>;

    /// Every live row of the target, in the form the source produced it (`unit` says the
    /// types to convert back to), for `verify`. Order does not matter.
    async fn scan(
        &self,
        unit: &TableSchema,
        target: &Target,
        each: &mut (dyn FnMut(Document) + Send),
    ) -> Result<(), SyncError>;
}
