//! The writing side of the change stream: what the source's reader sends is buffered, written
//! to the sink in batches bounded in rows and bytes, and checkpointed at transaction
//! boundaries once the sink has it. Transient sink errors are retried in place (the writes are
//! idempotent) within the budget, which a checkpoint resets. Rows the sink refuses go by the
//! task's `--on-error`. Key-less tables are counted per content hash (see [`Keyless`]).

use crate::state::LogLevel;
use crate::sync::engine::pipe;
use crate::sync::engine::runner::{Ctx, FLUSH_EVERY, Outcome, handle_ddl};
use crate::sync::error::SyncError;
use crate::sync::model::change::{Change, Item, Live, Op, Pos, change_bytes, now_ms};
use crate::sync::sink::Written;
use crate::sync::sink::{KeylessTarget, Prepared, Writing};
use crate::sync::store::{BinlogProgress, TaskPhase};
use crate::sync::task::Mode;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

pub const MAX_ATTEMPTS_FOLLOW: u32 = 10;
pub const MAX_ATTEMPTS_ONCE: u32 = 3;

/// Progress of the CDC phase, stored with the binlog checkpoint.
#[derive(Default)]
pub(super) struct CdcStats {
    pub events: u64,
    /// Source timestamp of the last transaction applied.
    last_ts: u32,
    /// Seconds the target is behind the source, as the applier last judged it.
    lag_s: i64,
}

impl CdcStats {
    /// The progress stored before the full copy starts.
    pub fn copying() -> serde_json::Value {
        BinlogProgress {
            phase: TaskPhase::Copy,
            events: 0,
            last_event_ts: None,
            lag_s: None,
        }
        .json()
    }

    /// The progress stored when a source without a change stream finished its copy.
    pub fn copied() -> serde_json::Value {
        BinlogProgress {
            phase: TaskPhase::Copied,
            events: 0,
            last_event_ts: None,
            lag_s: None,
        }
        .json()
    }

    pub fn json(&self) -> serde_json::Value {
        BinlogProgress {
            phase: TaskPhase::Cdc,
            events: self.events,
            last_event_ts: Some(self.last_ts),
            lag_s: Some(self.lag_s),
        }
        .json()
    }
}

/// A batch the sink is writing while the applier reads and prepares the next one (at most one
/// at a time: the next starts only once this one is written, so the order holds).
struct Flight<'a> {
    batch: Arc<Prepared>,
    writing: Writing<'a>,
    /// The transaction boundary to checkpoint once it is written (None: the batch is a part of
    /// a long transaction), and whether the stream was idle then.
    at: Option<(Pos, bool)>,
}

/// A batch the sink has written: its boundary, still to checkpoint, and its changes (freed
/// once the next batch is on its way).
struct Landed {
    at: Option<(Pos, bool)>,
    _batch: Arc<Prepared>,
}

/// Writes what the reader sends and checkpoints at transaction boundaries once the sink has
/// it. Transient sink errors are retried in place (the writes are idempotent) within the
/// budget, which a checkpoint resets. A batch is prepared (statements built) while the one
/// before it is still being written ([`Flight`]).
pub(super) struct Applier<'a, 'c> {
    ctx: &'a Ctx<'c>,
    /// The last checkpoint.
    from: Pos,
    stats: CdcStats,
    live: &'a Live,
    budget: pipe::Budget,
    /// Changes not written yet; `buffer[..committed]` end at `boundary`.
    buffer: Vec<Change>,
    bytes: usize,
    committed: usize,
    boundary: Option<Pos>,
    buffered_at: Option<Instant>,
    /// Inside a transaction (some of its changes may be written already).
    in_trx: bool,
    saved_at: Instant,
    saved_lag: i64,
    /// Tables without a key: see [`Keyless`].
    keyless: Keyless,
    /// The batch being written.
    flight: Option<Flight<'a>>,
}

/// CDC of tables without a key, where a change adds or removes one of possibly identical rows
/// and so is not idempotent by itself. A batch becomes, per content hash, an absolute target
/// ("there are now `want` of these", [`KeylessTarget`]) computed from the count at the last
/// checkpoint (`base`) plus the changes since. `base` of every hash touched since the
/// checkpoint is saved in the state file (unit [`KEYLESS_UNIT`], with that checkpoint's
/// position) *before* the sink is written; the checkpoint clears it. After a crash between the
/// sink write and the checkpoint, the replay from that checkpoint starts from the saved
/// counts, not from what the sink holds by then, so it reaches the same targets: each row
/// event changes exactly one document, once.
///
/// Changes at or before the binlog position of a table's snapshot (its full copy) are already
/// in the copy and are skipped (`snapshots`).
#[derive(Default)]
struct Keyless {
    /// Count at the last checkpoint of each hash touched since, by [`keyless_key`].
    base: BTreeMap<String, u64>,
    /// Count in the sink now, for hashes this run wrote (kept across checkpoints, so a busy
    /// hash is not read back for every transaction; bounded by [`KEYLESS_CACHE`]).
    have: BTreeMap<String, u64>,
    /// The sink holds changes past the last checkpoint (a write inside a long transaction).
    ahead: bool,
    /// Binlog position of each key-less unit's snapshot.
    snapshots: BTreeMap<String, Pos>,
}

/// Most hashes whose count [`Keyless::have`] remembers.
const KEYLESS_CACHE: usize = 100_000;

/// Checkpoint unit holding [`Keyless::base`] (position: the checkpoint it is relative to).
const KEYLESS_UNIT: &str = "__keyless__";

/// Checkpoint unit holding the binlog position of a key-less unit's snapshot.
pub fn snapshot_unit(unit: &str) -> String {
    format!("__snapshot__:{unit}")
}

/// Key of a row of a key-less unit (`db.table` at the source) in [`Keyless`]'s maps.
fn keyless_key(unit: &str, hash: &str) -> String {
    format!("{unit}\u{0}{hash}")
}

/// The snapshot positions of the task's key-less units.
fn keyless_snapshots(ctx: &Ctx<'_>) -> Result<BTreeMap<String, Pos>, SyncError> {
    let mut out = BTreeMap::new();
    for cp in ctx.book.checkpoints()? {
        if let Some(unit) = cp.unit.strip_prefix("__snapshot__:")
            && let Ok(pos) = serde_json::from_value::<Pos>(cp.position)
        {
            out.insert(unit.to_string(), pos);
        }
    }
    Ok(out)
}

impl<'a, 'c> Applier<'a, 'c> {
    /// An applier whose last checkpoint is `start`, with the key-less counts saved for it.
    pub(super) fn new(
        ctx: &'a Ctx<'c>,
        start: Pos,
        stats: CdcStats,
        live: &'a Live,
        max_attempts: u32,
    ) -> Result<Applier<'a, 'c>, SyncError> {
        // counts saved before a key-less write that the checkpoint did not pass: the replay
        // from this checkpoint starts from them (see `Keyless`)
        let mut keyless = Keyless {
            snapshots: keyless_snapshots(ctx)?,
            ..Keyless::default()
        };
        if let Some(cp) = ctx.book.checkpoint(KEYLESS_UNIT)? {
            let at: Option<Pos> = serde_json::from_value(cp.position).ok();
            if at.as_ref() == Some(&start) {
                let base: BTreeMap<String, u64> =
                    serde_json::from_value(cp.progress["base"].clone()).map_err(|e| {
                        SyncError::Unreadable {
                            task: ctx.name.into(),
                            what: format!(
                                "key-less row counts (checkpoints.progress of {KEYLESS_UNIT})"
                            ),
                            detail: e.to_string(),
                            hint: format!(
                                "run `shark sync reset {}` to copy everything again",
                                ctx.name
                            ),
                        }
                    })?;
                // a unit copied again since (its snapshot is newer) numbers its rows afresh
                keyless.base = base
                    .into_iter()
                    .filter(|(k, _)| {
                        let unit = k.split('\u{0}').next().unwrap_or("");
                        keyless.snapshots.get(unit).is_none_or(|s| *s <= start)
                    })
                    .collect();
            } else {
                ctx.book.clear_checkpoint(KEYLESS_UNIT)?;
            }
        }
        Ok(Applier {
            ctx,
            keyless,
            from: start,
            stats,
            live,
            budget: pipe::Budget::new(max_attempts),
            buffer: vec![],
            bytes: 0,
            committed: 0,
            boundary: None,
            buffered_at: None,
            in_trx: false,
            saved_at: Instant::now(),
            saved_lag: 0,
            flight: None,
        })
    }

    /// The last checkpoint.
    pub fn position(&self) -> &Pos {
        &self.from
    }

    /// Until the reader ends (None) or a stop is asked for at a boundary; the batch in flight
    /// is written and checkpointed before it returns.
    pub async fn run(&mut self, rx: pipe::Receiver<Item>) -> Result<Option<Outcome>, SyncError> {
        let outcome = self.follow(rx).await?;
        self.settle().await?;
        Ok(outcome)
    }

    async fn follow(&mut self, mut rx: pipe::Receiver<Item>) -> Result<Option<Outcome>, SyncError> {
        let ctx = self.ctx;
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        loop {
            tokio::select! {
                biased;
                item = rx.recv() => {
                    let Some((item, permit)) = item else {
                        // the reader is done: keep what ends at a boundary
                        self.buffer.truncate(self.committed);
                        if let Some(b) = self.boundary.take() {
                            self.flush(&b, true).await?;
                        }
                        return Ok(None);
                    };
                    let stop = self.handle(item, rx.is_empty()).await?;
                    drop(permit);
                    if stop {
                        return Ok(Some(ctx.outcome()));
                    }
                }
                _ = tick.tick() => {
                    // idle or between events: flush on time, report lag, stop at a boundary
                    if let Some(b) = self.boundary.clone()
                        && (rx.is_empty() || self.buffered_at.is_some_and(|t| t.elapsed() >= FLUSH_EVERY))
                    {
                        self.flush(&b, rx.is_empty()).await?;
                    }
                    // nothing waiting: the batch in flight is checkpointed as soon as written
                    if rx.is_empty() {
                        self.settle().await?;
                    }
                    if !self.in_trx && self.boundary.is_none() {
                        self.report(rx.is_empty())?;
                        if ctx.stopping() {
                            return Ok(Some(ctx.outcome()));
                        }
                    }
                }
            }
        }
    }

    /// Act on one item; true when the run is to stop here (a stop request at a boundary).
    async fn handle(&mut self, item: Item, idle: bool) -> Result<bool, SyncError> {
        let ctx = self.ctx;
        match item {
            Item::Rows(mut changes) => {
                self.in_trx = true;
                self.stats.events += changes.len() as u64;
                ctx.progress.advance("binlog", changes.len() as u64);
                // a key-less table's snapshot already holds what came before it (coordinates
                // of the snapshot's server only: after a failover they mean nothing)
                let snaps = &self.keyless.snapshots;
                let server = self.from.server_id;
                changes.retain(|c| {
                    !c.keyless
                        || snaps
                            .get(&format!("{}.{}", c.db, c.table))
                            .filter(|at| at.server_id.is_none() || at.server_id == server)
                            .is_none_or(|at| Pos::new(c.file.clone(), c.pos) > *at)
                });
                self.bytes += changes.iter().map(change_bytes).sum::<usize>();
                self.buffer.extend(changes);
                self.buffered_at.get_or_insert_with(Instant::now);
                // bound memory inside huge transactions: write early, checkpoint later
                if self.buffer.len() >= ctx.spec.batch_rows || self.bytes >= ctx.spec.batch_bytes {
                    if let Some(b) = self.boundary.take() {
                        self.flush(&b, false).await?;
                    }
                    let n = self.buffer.len();
                    self.write(n, None).await?;
                    self.keyless.ahead = true;
                }
            }
            Item::Commit { at, ts } => {
                self.in_trx = false;
                self.stats.last_ts = ts;
                self.committed = self.buffer.len();
                self.boundary = Some(at.clone());
                if idle
                    || ctx.stopping()
                    || self.buffer.len() >= ctx.spec.batch_rows
                    || self.bytes >= ctx.spec.batch_bytes
                    || self.buffered_at.is_some_and(|t| t.elapsed() >= FLUSH_EVERY)
                {
                    self.boundary = None;
                    self.flush(&at, idle).await?;
                }
                return Ok(ctx.stopping());
            }
            Item::Ddl {
                at,
                ddl,
                sql,
                recopy,
            } => {
                // a DDL statement is its own transaction: apply what came before it first
                self.in_trx = false;
                if let Some(b) = self.boundary.take() {
                    self.flush(&b, false).await?;
                }
                self.settle().await?;
                handle_ddl(ctx, ddl, &sql, recopy).await?;
                // a re-copied or truncated table numbers its identical rows afresh
                self.keyless.have.clear();
                self.keyless.snapshots = keyless_snapshots(ctx)?;
                self.checkpoint(&at, idle)?;
                return Ok(ctx.stopping());
            }
        }
        Ok(false)
    }

    /// Write the first `n` buffered changes and checkpoint `at` (with its idle flag) once they
    /// are written. The batch is prepared now, while the one before it may still be written;
    /// that one is waited for, this one starts and is left in flight, then the one before is
    /// checkpointed (the target is not kept waiting for the state file). A boundary with
    /// nothing to write since the batch in flight goes with that batch (a transaction whose
    /// rows were all written before its commit came, or one without selected rows).
    /// Batches with key-less changes are written here and now.
    async fn write(&mut self, n: usize, at: Option<(Pos, bool)>) -> Result<(), SyncError> {
        let ctx = self.ctx;
        let mut batch: Vec<Change> = self.buffer.drain(..n).collect();
        self.bytes = self.buffer.iter().map(change_bytes).sum();
        self.committed = self.committed.saturating_sub(n);
        if self.buffer.is_empty() {
            self.buffered_at = None;
        }
        // the task's field mapping, as the copy applies it
        if !ctx.spec.fields.is_empty() {
            for c in &mut batch {
                let unit = format!("{}.{}", c.db, c.table);
                c.doc = c.doc.take().map(|d| ctx.spec.fields.apply(&unit, d));
            }
        }
        if batch.is_empty() {
            return match (&mut self.flight, at) {
                (Some(f), Some(at)) => {
                    f.at = Some(at);
                    Ok(())
                }
                (None, at) => self.written(at),
                (Some(_), None) => Ok(()),
            };
        }
        let keyless = ctx.spec.mode == Mode::Mirror && batch.iter().any(|c| c.keyless);
        let target = |db: &str, table: &str| ctx.target(db, table);
        let batch = Arc::new(Prepared::new(&target, batch));
        let built = if !keyless {
            ctx.sink.prepare(&batch).await
        } else {
            None
        };
        let landed = self.land().await?;
        if !keyless {
            ctx.fence()?;
            let writing = ctx.sink.write(batch.clone(), built);
            self.flight = Some(Flight { batch, writing, at });
            if let Some(before) = landed {
                self.written(before.at)?;
            }
            // a write that progresses only while awaited is awaited now: left in flight it
            // would start only when the next batch comes (or the next idle tick, 100 ms on)
            if !ctx.sink.writes_in_background() {
                self.settle().await?;
            }
            return Ok(());
        }
        if let Some(before) = landed {
            self.written(before.at)?;
        }
        loop {
            ctx.fence()?;
            let r = ctx
                .stop
                .work(async {
                    let written = ctx.sink.write(batch.clone(), None).await?;
                    self.write_keyless(&batch.changes).await?;
                    Ok(written)
                })
                .await;
            match r {
                Ok(written) => {
                    self.rejected(&batch, written)?;
                    break;
                }
                Err(e) => self.retry(e).await?,
            }
        }
        self.written(at)
    }

    /// The sink holds everything up to the boundary `at` (when the batch ended at one) and
    /// nothing after it: checkpoint it.
    fn written(&mut self, at: Option<(Pos, bool)>) -> Result<(), SyncError> {
        match at {
            Some((at, idle)) => {
                self.keyless.ahead = false;
                self.checkpoint(&at, idle)
            }
            None => Ok(()),
        }
    }

    /// Wait for the batch in flight to be written (writing it again after a transient error),
    /// then checkpoint its boundary.
    async fn settle(&mut self) -> Result<(), SyncError> {
        match self.land().await? {
            Some(landed) => self.written(landed.at),
            None => Ok(()),
        }
    }

    /// Wait for the batch in flight to be written (writing it again after a transient error)
    /// and act on the rows it refused; its boundary (None: none in flight) is left to
    /// checkpoint with [`Applier::written`].
    async fn land(&mut self) -> Result<Option<Landed>, SyncError> {
        let ctx = self.ctx;
        let Some(mut f) = self.flight.take() else {
            return Ok(None);
        };
        loop {
            match ctx.stop.work(&mut f.writing).await {
                Ok(written) => {
                    self.rejected(&f.batch, written)?;
                    break;
                }
                Err(e) => {
                    self.retry(e).await?;
                    ctx.fence()?;
                    f.writing = ctx.sink.write(f.batch.clone(), None);
                }
            }
        }
        Ok(Some(Landed {
            at: f.at,
            _batch: f.batch,
        }))
    }

    /// A failed write: after a transient error, wait out the back-off the budget gives (the
    /// caller writes the batch again); any other error, or a spent budget, is returned.
    async fn retry(&mut self, e: SyncError) -> Result<(), SyncError> {
        let ctx = self.ctx;
        if !e.is_transient() {
            return Err(e);
        }
        let Some(wait) = self.budget.fail() else {
            return Err(e);
        };
        ctx.log(
            LogLevel::Warn,
            &format!(
                "{e}; writing the batch again in {wait:?} ({})",
                self.budget.attempt()
            ),
        );
        if !ctx.stop.sleep(wait).await {
            return Err(SyncError::Halted);
        }
        Ok(())
    }

    /// The rows of `batch` the sink refused, by the task's `--on-error`.
    fn rejected(&self, batch: &Prepared, written: Written) -> Result<(), SyncError> {
        let unit_of = |id: &mongodb::bson::Bson| {
            batch
                .changes
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(String::new, |c| format!("{}.{}", c.db, c.table))
        };
        self.ctx.rejected(&unit_of, "cdc", written.rejected)
    }

    /// Mirror changes of key-less tables in `batch`: per collection and content hash, the
    /// count the sink is to hold after them (see [`Keyless`]).
    async fn write_keyless(&mut self, batch: &[Change]) -> Result<(), SyncError> {
        let ctx = self.ctx;
        // per collection: hash -> (delta, a row image of it)
        type Deltas = BTreeMap<String, (i64, Option<mongodb::bson::Document>)>;
        let mut by_coll: BTreeMap<(String, String), Deltas> = BTreeMap::new();
        for c in batch.iter().filter(|c| c.keyless) {
            let hashes = by_coll.entry((c.db.clone(), c.table.clone())).or_default();
            let hash = |b: &mongodb::bson::Bson| match b {
                mongodb::bson::Bson::String(h) => h.clone(),
                other => other.to_string(),
            };
            match c.op {
                Op::Insert => {
                    let e = hashes.entry(hash(&c.id)).or_default();
                    e.0 += 1;
                    e.1 = c.doc.clone();
                }
                Op::Delete => hashes.entry(hash(&c.id)).or_default().0 -= 1,
                Op::Update => {
                    if let Some(old) = &c.old_id {
                        hashes.entry(hash(old)).or_default().0 -= 1;
                    }
                    let e = hashes.entry(hash(&c.id)).or_default();
                    e.0 += 1;
                    e.1 = c.doc.clone();
                }
            }
        }
        let mut have = self.keyless.have.clone();
        let mut base_changed = false;
        let mut plans = vec![];
        for ((sdb, coll), deltas) in by_coll {
            let unit = format!("{sdb}.{coll}");
            let target = ctx.target(&sdb, &coll);
            // what the sink holds: known for hashes this run wrote (their occurrences are
            // 0..have), read for the others
            let unknown: Vec<&str> = deltas
                .keys()
                .filter(|h| !have.contains_key(&keyless_key(&unit, h)))
                .map(String::as_str)
                .collect();
            let mut present = if unknown.is_empty() {
                BTreeMap::new()
            } else {
                ctx.sink.keyless_present(&target, &unknown).await?
            };
            let mut targets = vec![];
            for (hash, (delta, row)) in deltas {
                let key = keyless_key(&unit, &hash);
                let now = match have.get(&key) {
                    Some(n) => {
                        present.insert(hash.clone(), (0..*n).collect());
                        *n
                    }
                    // after a crash: the count at the checkpoint, whatever the sink holds
                    None => match self.keyless.base.get(&key) {
                        Some(n) => *n,
                        None => present.get(&hash).map_or(0, |s| s.len() as u64),
                    },
                };
                if !self.keyless.base.contains_key(&key) {
                    self.keyless.base.insert(key.clone(), now);
                    base_changed = true;
                }
                let want = now as i64 + delta;
                if want < 0 {
                    ctx.log(LogLevel::Warn,
                        &format!(
                            "{target}: the binlog deletes {} more copies of row {hash} than the target holds; `shark sync verify` compares the table",
                            -want
                        ),
                    );
                }
                let want = want.max(0) as u64;
                have.insert(key, want);
                targets.push(KeylessTarget { hash, want, row });
            }
            plans.push((target, present, targets));
        }
        // the counts this batch starts from are in the state file before the sink changes
        if base_changed {
            self.save_keyless_base()?;
        }
        for (target, present, targets) in plans {
            ctx.sink.keyless_set(&target, &present, &targets).await?;
        }
        self.keyless.have = have;
        Ok(())
    }

    fn save_keyless_base(&self) -> Result<(), SyncError> {
        let ctx = self.ctx;
        ctx.stop.lease.check()?;
        let position = serde_json::to_value(&self.from)
            .map_err(|e| SyncError::Usage(format!("{}: {e}", ctx.name)))?;
        ctx.book.save_checkpoint(
            KEYLESS_UNIT,
            &position,
            &serde_json::json!({ "base": self.keyless.base }),
        )
    }

    /// Write the buffered changes up to the last boundary, then commit the checkpoint at `at`
    /// (that boundary) once they are written (see [`Applier::write`]); changes after it stay
    /// buffered.
    async fn flush(&mut self, at: &Pos, idle: bool) -> Result<(), SyncError> {
        let n = self.committed;
        self.write(n, Some((at.clone(), idle))).await
    }

    fn checkpoint(&mut self, at: &Pos, idle: bool) -> Result<(), SyncError> {
        self.stats.lag_s = self.lag(idle && self.buffer.is_empty());
        self.ctx.save_checkpoint(at, self.stats.json())?;
        self.from = at.clone();
        self.budget.progress();
        self.saved_at = Instant::now();
        self.saved_lag = self.stats.lag_s;
        // a snapshot the stream has passed on its server filters nothing more: forgotten, so
        // it is never compared with another server's coordinates after a failover
        let passed: Vec<String> = self
            .keyless
            .snapshots
            .iter()
            .filter(|(_, s)| s.server_id.is_none_or(|id| at.server_id == Some(id)) && at >= *s)
            .map(|(u, _)| u.clone())
            .collect();
        for unit in passed {
            self.keyless.snapshots.remove(&unit);
            self.ctx.book.clear_checkpoint(&snapshot_unit(&unit))?;
        }
        // the sink holds exactly what the checkpoint says: key-less counts start afresh
        if !self.keyless.ahead && !self.keyless.base.is_empty() {
            self.keyless.base.clear();
            if self.keyless.have.len() > KEYLESS_CACHE {
                self.keyless.have.clear();
            }
            self.ctx.book.clear_checkpoint(KEYLESS_UNIT)?;
        }
        Ok(())
    }

    /// How far behind the source the target is: nothing when everything read is written and
    /// the source was heard from lately; else the age of the last transaction written, or,
    /// when nothing is pending but the source went silent, the time since it was last heard.
    fn lag(&self, drained: bool) -> i64 {
        let now = now_ms();
        let last_read = self.live.last_read_ms.load(Ordering::Relaxed);
        if drained {
            if now - last_read <= self.live.stall_ms {
                0
            } else {
                (now - last_read) / 1000
            }
        } else if self.stats.last_ts > 0 {
            (now / 1000 - self.stats.last_ts as i64).max(0)
        } else {
            0
        }
    }

    /// Between transactions: refresh the stored lag when it changed (at most every second),
    /// and at least every 10 s.
    fn report(&mut self, idle: bool) -> Result<(), SyncError> {
        let lag = self.lag(idle && self.buffer.is_empty());
        let due = self.saved_at.elapsed();
        if (lag != self.saved_lag && due >= Duration::from_secs(1))
            || due >= Duration::from_secs(10)
        {
            let at = self.from.clone();
            self.checkpoint(&at, idle)?;
        }
        Ok(())
    }
}
