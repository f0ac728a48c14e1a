//! `sync run`: the full copy of every unit that has not finished it, then the source's change
//! stream from the task's checkpoint. Handoff: the stream position is recorded before the first
//! copy starts and the stream replays from there with idempotent writes, so a change made
//! during the copy is applied again rather than lost. Checkpoints are taken at transaction
//! boundaries after the sink has the changes; a crash replays from the last one.
//!
//! The runner drives a [`Source`] and a [`Sink`] (see `endpoints`): it knows units, batches,
//! positions and changes, not the servers behind them. The copy of one unit is in `copier`,
//! the writing side of the stream in `applier`, the reading side in the source.

use crate::cancel::Cancel;
use crate::conn::Registry;
use crate::state::{Lease, LogLevel, RunHandle, Store};
use crate::sync::book::{Book, LocalBook};
use crate::sync::engine::applier::{Applier, CdcStats, MAX_ATTEMPTS_FOLLOW, MAX_ATTEMPTS_ONCE};
use crate::sync::engine::copier::copy_unit;
use crate::sync::engine::pipe;
use crate::sync::error::SyncError;
use crate::sync::model::change::{Ddl, Item, Live, Pos, now_ms};
use crate::sync::model::doc::key_text;
use crate::sync::model::schema::TableSchema;
use crate::sync::sink::{Sink, Target};
use crate::sync::source::{Follow, Source};
use crate::sync::store::{BinlogProgress, Phase, SkippedRow, SyncStore, UnitRow, task_key};
use crate::sync::task::{Mode, OnError, TaskSpec};
use crate::ui::Progress;
use futures_util::StreamExt;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

pub const BINLOG_UNIT: &str = "__binlog__";
/// Progress unit summing every table of the full copy.
pub(super) const TOTAL: &str = "total";
/// Buffered changes are written at a transaction boundary once they are this old (or as soon
/// as nothing more is waiting in the channel).
pub(super) const FLUSH_EVERY: Duration = Duration::from_millis(300);
/// How often a wait looks at the lease's stop flag (`sync stop` from another terminal).
const STOP_POLL: Duration = Duration::from_millis(100);
/// Keys named in the one log line of a batch's refused rows (`sync skipped` lists them all).
const SKIPPED_KEYS_LOGGED: usize = 3;

#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Catch up to the position current at start, then return.
    pub once: bool,
    pub drop_target: bool,
    pub parallel: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// `--once` reached its target.
    CaughtUp,
    /// `sync stop` asked us to stop; state is checkpointed.
    Stopped,
    /// Ctrl-C or SIGTERM; state is checkpointed.
    Interrupted,
}

impl Outcome {
    pub fn describe(self) -> &'static str {
        match self {
            Outcome::CaughtUp => "caught up",
            Outcome::Stopped => "stopped by request",
            Outcome::Interrupted => "interrupted",
        }
    }
}

/// The two ways a run is asked to stop, and the waits that honour them. A signal (the
/// `Cancel` handle) ends every wait at once, work in flight included: what was not
/// checkpointed is replayed by the next run. A `sync stop` (the lease's stop flag) ends waits
/// that hold no work (connecting, queries, reading an idle binlog, back-off) and lets a batch
/// or transaction in flight finish; both then stop at the last checkpoint.
pub(super) struct Stopper {
    pub cancel: Cancel,
    pub lease: Lease,
    /// Set by a shared task's workers when `sync stop` asks through the coordinator.
    pub remote: Arc<AtomicBool>,
}

impl Stopper {
    /// `sync stop` asked (through this host's lease or through the coordinator).
    fn stop_requested(&self) -> bool {
        self.lease.stop_requested() || self.remote.load(Ordering::Relaxed)
    }

    pub fn stopping(&self) -> bool {
        self.cancel.is_cancelled() || self.stop_requested()
    }

    pub fn outcome(&self) -> Outcome {
        if self.cancel.is_cancelled() {
            Outcome::Interrupted
        } else {
            Outcome::Stopped
        }
    }

    /// Resolves once a signal or a stop request arrived.
    pub async fn stop_asked(&self) {
        tokio::select! {
            _ = self.cancel.cancelled() => {}
            _ = async {
                while !self.stop_requested() {
                    tokio::time::sleep(STOP_POLL).await;
                }
            } => {}
        }
    }

    /// `fut` unless a signal or a stop request comes first (for waits that hold no work).
    pub async fn wait<T>(
        &self,
        fut: impl Future<Output = Result<T, SyncError>>,
    ) -> Result<T, SyncError> {
        tokio::select! {
            biased;
            _ = self.stop_asked() => Err(SyncError::Halted),
            r = fut => r,
        }
    }

    /// `fut` unless a signal comes first (for work in flight: a stop request lets it finish).
    pub async fn work<T>(
        &self,
        fut: impl Future<Output = Result<T, SyncError>>,
    ) -> Result<T, SyncError> {
        tokio::select! {
            biased;
            _ = self.cancel.cancelled() => Err(SyncError::Halted),
            r = fut => r,
        }
    }

    /// Sleep `d`; false when a signal or a stop request cut it short.
    pub async fn sleep(&self, d: Duration) -> bool {
        tokio::select! {
            _ = self.stop_asked() => false,
            _ = tokio::time::sleep(d) => true,
        }
    }
}

pub(super) struct Ctx<'a> {
    pub name: &'a str,
    pub spec: TaskSpec,
    pub store: &'a Store,
    pub units: SyncStore<'a>,
    /// Where checkpoints and unit progress are committed (this host's state file, or the
    /// coordinator of a shared task).
    pub book: &'a dyn Book,
    pub source: Box<dyn Source>,
    pub sink: Box<dyn Sink>,
    pub progress: &'a dyn Progress,
    pub run: Option<&'a RunHandle>,
    pub stop: &'a Stopper,
    pub drop_target: bool,
    /// Retry budget: consecutive failures without progress before the run gives up.
    pub attempts: u32,
}

impl Ctx<'_> {
    pub fn stopping(&self) -> bool {
        self.stop.stopping()
    }
    pub fn outcome(&self) -> Outcome {
        self.stop.outcome()
    }
    pub fn log(&self, level: LogLevel, msg: &str) {
        log_line(self.store, self.run, self.name, level, msg)
    }
    /// Where source unit `db.table` goes.
    pub fn target(&self, db: &str, table: &str) -> Target {
        self.sink.target(self.spec.target_db(db), table)
    }
    /// The schema the target of unit `s` has (the task's field mapping applied).
    pub fn target_schema(&self, s: &TableSchema) -> Result<TableSchema, SyncError> {
        self.spec.fields.schema(s).map_err(SyncError::Usage)
    }
    pub fn save_checkpoint(&self, pos: &Pos, progress: serde_json::Value) -> Result<(), SyncError> {
        self.stop.lease.check()?;
        let position = serde_json::to_value(pos).map_err(|e| {
            SyncError::Usage(format!(
                "{}: cannot encode binlog position {pos}: {e}",
                self.name
            ))
        })?;
        self.book.save_checkpoint(BINLOG_UNIT, &position, &progress)
    }
    pub fn save_unit(&self, u: &UnitRow) -> Result<(), SyncError> {
        self.stop.lease.check()?;
        self.book.save_unit(u)
    }
    /// Before every write to the sink: fails when this run may no longer write (a shared
    /// task's worker that may have been replaced); answers from memory.
    pub fn fence(&self) -> Result<(), SyncError> {
        self.book.fence()
    }
    /// Rows the sink refused: with `--on-error stop` the run stops here (nothing after them is
    /// checkpointed); with `skip` they are recorded and logged.
    pub fn rejected(
        &self,
        unit_of: &dyn Fn(&mongodb::bson::Bson) -> String,
        phase: &str,
        rejected: Vec<crate::sync::sink::Rejected>,
    ) -> Result<(), SyncError> {
        let Some(first) = rejected.first() else {
            return Ok(());
        };
        if self.spec.on_error == OnError::Stop {
            return Err(SyncError::Rejected {
                task: self.name.to_string(),
                unit: unit_of(&first.id),
                key: key_text(&first.id),
                error: first.error.clone(),
                more: rejected.len() - 1,
            });
        }
        let at = crate::state::now_rfc3339();
        let rows: Vec<SkippedRow> = rejected
            .iter()
            .map(|r| SkippedRow {
                unit: unit_of(&r.id),
                key: key_text(&r.id),
                phase: phase.to_string(),
                error: r.error.clone(),
                at: at.clone(),
            })
            .collect();
        self.stop.lease.check()?;
        self.units.save_skipped(self.name, &rows)?;
        // one line per unit of the batch, not one per row: a bad batch does not flood the log
        let mut by_unit: BTreeMap<&str, Vec<&SkippedRow>> = BTreeMap::new();
        for r in &rows {
            by_unit.entry(r.unit.as_str()).or_default().push(r);
        }
        for (unit, rs) in by_unit {
            let keys: Vec<&str> = rs
                .iter()
                .take(SKIPPED_KEYS_LOGGED)
                .map(|r| r.key.as_str())
                .collect();
            let more = match rs.len() - keys.len() {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            self.log(
                LogLevel::Warn,
                &format!(
                    "{unit}: {} row{} skipped (--on-error skip), keys {}{more}; first error: {}; `shark sync skipped {}` lists them",
                    rs.len(),
                    if rs.len() == 1 { "" } else { "s" },
                    keys.join(", "),
                    rs[0].error,
                    self.name
                ),
            );
        }
        Ok(())
    }
}

/// How a run reports and is stopped: progress, the run-history entry for its log, and the
/// cancellation handle wired to Ctrl-C / SIGTERM.
pub struct Hooks<'a> {
    pub progress: &'a dyn Progress,
    pub run: Option<&'a RunHandle>,
    pub cancel: Cancel,
}

/// Run a task: full copy of what is not copied yet, then the change stream. A signal or a
/// `sync stop` ends it at the last checkpoint with `Outcome::Interrupted` / `Outcome::Stopped`.
/// A task with a coordinator runs as one of its workers (see `shared`).
pub async fn run(
    store: &Store,
    reg: &Registry<'_>,
    name: &str,
    spec: TaskSpec,
    opts: RunOptions,
    hooks: Hooks<'_>,
) -> Result<Outcome, SyncError> {
    let Hooks {
        progress,
        run,
        cancel,
    } = hooks;
    let lease = Lease::acquire(
        store,
        &task_key(name),
        run.map(|r| r.id),
        &format!("sync stop {name}"),
    )?;
    let stop = Stopper {
        cancel,
        lease,
        remote: Arc::new(AtomicBool::new(false)),
    };
    let mut spec = spec;
    if let Some(p) = opts.parallel {
        spec.parallel = p.max(1);
    }
    let term = Term {
        store,
        reg,
        name,
        spec: &spec,
        opts,
        progress,
        run,
        stop: &stop,
    };
    if spec.coordinator.is_some() {
        return super::shared::run(&term).await;
    }
    let book = LocalBook {
        name,
        store,
        units: SyncStore::new(store)?,
    };
    term.run(&book, false).await
}

/// A line of task `name`'s log: into the run's history (when there is one) and to the terminal.
fn log_line(store: &Store, run: Option<&RunHandle>, name: &str, level: LogLevel, msg: &str) {
    if let Some(r) = run {
        let _ = store.run_log_at(r, level, msg);
    }
    match level {
        LogLevel::Warn => tracing::warn!("{name}: {msg}"),
        LogLevel::Error => tracing::error!("{name}: {msg}"),
        LogLevel::Info => tracing::info!("{name}: {msg}"),
    }
}

/// What one stretch of work on a task needs besides where it commits: a whole run of a
/// local task, or one leadership of a shared task's worker.
pub(super) struct Term<'a> {
    pub store: &'a Store,
    pub reg: &'a Registry<'a>,
    pub name: &'a str,
    pub spec: &'a TaskSpec,
    pub opts: RunOptions,
    pub progress: &'a dyn Progress,
    pub run: Option<&'a RunHandle>,
    pub stop: &'a Stopper,
}

impl Term<'_> {
    /// Log a line to the run's history and the terminal.
    pub fn log(&self, level: LogLevel, msg: &str) {
        log_line(self.store, self.run, self.name, level, msg)
    }

    /// Open the source and the sink, then copy and follow (or, `copy_only`, copy the units a
    /// shared task's follower may take), committing into `book`.
    pub async fn run(&self, book: &dyn Book, copy_only: bool) -> Result<Outcome, SyncError> {
        let (name, stop, spec) = (self.name, self.stop, self.spec);
        let (source_conn, target_conn) = crate::sync::endpoints::connections(self.reg, spec)?;
        let attempts = if self.opts.once {
            MAX_ATTEMPTS_ONCE
        } else {
            MAX_ATTEMPTS_FOLLOW
        };
        let opened = open_endpoints(stop, &source_conn, &target_conn, spec, attempts, |m| {
            self.log(LogLevel::Warn, m)
        })
        .await;
        let (source, sink) = match opened {
            Err(SyncError::Halted) => {
                let outcome = stop.outcome();
                self.log(
                    LogLevel::Info,
                    &format!("{} while connecting", outcome.describe()),
                );
                return Ok(outcome);
            }
            other => other?,
        };
        let ctx = Ctx {
            name,
            spec: spec.clone(),
            store: self.store,
            units: SyncStore::new(self.store)?,
            book,
            source,
            sink,
            progress: self.progress,
            run: self.run,
            stop,
            drop_target: self.opts.drop_target,
            attempts,
        };
        let work = async {
            if copy_only {
                self::copy_only(&ctx).await.map(|()| Outcome::CaughtUp)
            } else {
                copy_then_follow(&ctx, self.opts.once).await
            }
        };
        match work.await {
            Err(SyncError::Halted) => {
                let outcome = ctx.outcome();
                ctx.log(
                    LogLevel::Info,
                    &format!("{} at the last checkpoint", outcome.describe()),
                );
                Ok(outcome)
            }
            other => other,
        }
    }
}

/// The source (checked) and the sink. A source listing several hosts may be in the middle of a
/// failover when the run starts (no host answers as a writable primary yet): a transient
/// failure is then retried within the run's retry budget, as a running follower would. A
/// connection naming one host fails at once (an unreachable or refused server is said now).
async fn open_endpoints(
    stop: &Stopper,
    source_conn: &crate::conn::Connection,
    target_conn: &crate::conn::Connection,
    spec: &TaskSpec,
    attempts: u32,
    warn: impl Fn(&str),
) -> Result<(Box<dyn Source>, Box<dyn Sink>), SyncError> {
    let several = source_conn.hosts().len() > 1;
    let mut budget = pipe::Budget::new(attempts);
    let source = loop {
        let opened = stop
            .wait(async {
                let source = crate::sync::endpoints::source(source_conn, target_conn.kind).await?;
                source.check().await?;
                Ok(source)
            })
            .await;
        match opened {
            Err(e) if several && e.is_transient() => match budget.fail() {
                Some(wait) => {
                    warn(&format!(
                        "{e}; trying its hosts again in {} s ({})",
                        wait.as_secs_f64(),
                        budget.attempt()
                    ));
                    if !stop.sleep(wait).await {
                        return Err(SyncError::Halted);
                    }
                }
                None => return Err(e),
            },
            other => break other?,
        }
    };
    let sink = stop
        .wait(crate::sync::endpoints::sink(target_conn, spec))
        .await?;
    Ok((source, sink))
}

/// The position of a source without a change stream (its checkpoint only records the phase).
fn no_stream() -> Pos {
    Pos::new(String::new(), 0)
}

fn unreadable_checkpoint(name: &str, e: serde_json::Error) -> SyncError {
    SyncError::Unreadable {
        task: name.into(),
        what: format!("binlog checkpoint (checkpoints.position of {BINLOG_UNIT})"),
        detail: e.to_string(),
        hint: format!("run `shark sync reset {name}` to copy everything again"),
    }
}

async fn copy_then_follow(ctx: &Ctx<'_>, once: bool) -> Result<Outcome, SyncError> {
    let name = ctx.name;
    let stream = ctx.source.changes();
    // 1. where the change stream will start: recorded before any copying
    let start = match ctx.book.checkpoint(BINLOG_UNIT)? {
        Some(cp) => {
            let pos: Pos =
                serde_json::from_value(cp.position).map_err(|e| unreadable_checkpoint(name, e))?;
            if let Some(s) = stream {
                ctx.stop.wait(s.check_from(name, &pos)).await?;
            }
            pos
        }
        None => {
            let pos = match stream {
                Some(s) => ctx.stop.wait(s.head()).await?,
                None => no_stream(),
            };
            ctx.save_checkpoint(&pos, CdcStats::copying())?;
            if stream.is_some() {
                ctx.log(
                    LogLevel::Info,
                    &format!("binlog position recorded before the full copy: {pos}"),
                );
            }
            pos
        }
    };

    // 2. units: every selected table, new ones pending
    let schemas = ctx.stop.wait(ctx.source.units(&ctx.spec)).await?;
    if schemas.is_empty() {
        ctx.log(
            LogLevel::Warn,
            &format!(
                "no unit matches {}; new tables are picked up while following",
                ctx.spec.tables.join(" ")
            ),
        );
    }
    let known = known_units(ctx)?;
    let mut todo = vec![];
    for (unit, s) in &schemas {
        // a field mapping the unit cannot take is refused before anything is written
        ctx.target_schema(s)?;
        let row = known
            .get(unit)
            .cloned()
            .unwrap_or_else(|| UnitRow::new(unit.clone(), Phase::Pending));
        if s.key.is_empty() && row.phase != Phase::Copied {
            ctx.log(LogLevel::Warn, &format!("{unit} has no primary or unique key: copied by a full scan of one consistent snapshot (no mid-table resume); identical rows are numbered (`_id` h:<content hash>:<n>)"));
        }
        if row.phase != Phase::Copied {
            todo.push((s.clone(), row));
        }
    }

    // 3. full copy, several units at once, with a bar per unit and one for the total; the
    // units of a shared task are spread over its workers
    if ctx.book.shared() {
        copy_shared(ctx, &schemas).await?;
    } else {
        copy_all(ctx, todo).await?;
    }
    if ctx.stopping() {
        ctx.log(
            LogLevel::Info,
            &format!(
                "{} during the full copy; progress is saved",
                ctx.outcome().describe()
            ),
        );
        return Ok(ctx.outcome());
    }

    // 4. follow the change stream, when the source has one
    if stream.is_none() {
        ctx.save_checkpoint(&start, CdcStats::copied())?;
        ctx.log(
            LogLevel::Info,
            &format!(
                "full copy done; {} has no change stream, the task is complete",
                ctx.source.name()
            ),
        );
        return Ok(Outcome::CaughtUp);
    }
    follow(ctx, schemas, start, once).await
}

/// The task's units as committed, by name.
fn known_units(ctx: &Ctx<'_>) -> Result<BTreeMap<String, UnitRow>, SyncError> {
    Ok(ctx
        .book
        .units()?
        .into_iter()
        .map(|u| (u.unit.clone(), u))
        .collect())
}

/// Copy every unit of `todo`, `parallel` at once.
async fn copy_all(ctx: &Ctx<'_>, mut todo: Vec<(TableSchema, UnitRow)>) -> Result<(), SyncError> {
    let parallel = ctx.spec.parallel;
    if !todo.is_empty() {
        let mut total = 0u64;
        for (s, row) in &mut todo {
            row.rows_total = ctx
                .stop
                .wait(async { Ok(ctx.source.estimate(s).await) })
                .await
                .ok()
                .flatten()
                .or(row.rows_total);
            total += row.rows_total.map_or(0, |t| t.max(0) as u64);
        }
        ctx.progress.start(TOTAL, Some(total));
    }
    let results: Vec<Result<(), SyncError>> =
        futures_util::stream::iter(todo.into_iter().map(|(s, row)| copy_unit(ctx, s, row)))
            .buffer_unordered(parallel)
            .collect()
            .await;
    ctx.progress.finish(TOTAL, "done");
    for r in results {
        r?;
    }
    Ok(())
}

/// How often a worker of a shared task looks for a unit to copy while others copy theirs.
const LEASE_POLL: Duration = Duration::from_millis(500);

/// The full copy of a shared task: each worker takes the lease of units not copied yet (up to
/// `parallel` at a time) and copies them from their last committed progress; returns once
/// every unit is copied, by whichever worker.
pub(super) async fn copy_shared(
    ctx: &Ctx<'_>,
    schemas: &BTreeMap<String, TableSchema>,
) -> Result<(), SyncError> {
    loop {
        if ctx.stopping() {
            return Ok(());
        }
        let known = known_units(ctx)?;
        let pending: Vec<(&TableSchema, UnitRow)> = schemas
            .iter()
            .map(|(unit, s)| {
                let row = known
                    .get(unit)
                    .cloned()
                    .unwrap_or_else(|| UnitRow::new(unit.clone(), Phase::Pending));
                (s, row)
            })
            .filter(|(_, row)| row.phase != Phase::Copied)
            .collect();
        if pending.is_empty() {
            return Ok(());
        }
        let mut mine = vec![];
        for (s, row) in pending {
            if mine.len() >= ctx.spec.parallel {
                break;
            }
            if ctx.book.take_unit(&row.unit)? {
                ctx.log(
                    LogLevel::Info,
                    &format!(
                        "{}: copying it ({} rows committed before)",
                        row.unit, row.rows_done
                    ),
                );
                mine.push((s.clone(), row));
            }
        }
        if mine.is_empty() {
            // every pending unit is being copied by another worker
            if !ctx.stop.sleep(LEASE_POLL).await {
                return Err(SyncError::Halted);
            }
            continue;
        }
        let results: Vec<Result<(), SyncError>> =
            futures_util::stream::iter(mine.into_iter().map(|(s, row)| async move {
                let unit = row.unit.clone();
                let r = copy_unit(ctx, s, row).await;
                ctx.book.release_unit(&unit)?;
                r
            }))
            .buffer_unordered(ctx.spec.parallel)
            .collect()
            .await;
        for r in results {
            r?;
        }
    }
}

/// A follower of a shared task: once the leader has recorded the stream's position, copy the
/// units no worker copies yet; returns when every unit is copied.
pub(super) async fn copy_only(ctx: &Ctx<'_>) -> Result<(), SyncError> {
    while ctx.book.checkpoint(BINLOG_UNIT)?.is_none() {
        if !ctx.stop.sleep(LEASE_POLL).await {
            return Err(SyncError::Halted);
        }
    }
    let schemas = ctx.stop.wait(ctx.source.units(&ctx.spec)).await?;
    copy_shared(ctx, &schemas).await
}

/// The binlog heartbeat period unless `SHARK_SYNC_HEARTBEAT_MS` says otherwise; no event and
/// no heartbeat within 3 periods means the connection is dead, and it is reopened.
const HEARTBEAT: Duration = Duration::from_secs(20);
/// Environment variable overriding the heartbeat period, in milliseconds (tests, links that
/// need a faster verdict).
pub const HEARTBEAT_ENV: &str = "SHARK_SYNC_HEARTBEAT_MS";

/// The heartbeat period of binlog connections.
fn heartbeat_period() -> Duration {
    std::env::var(HEARTBEAT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|ms| *ms >= 10)
        .map_or(HEARTBEAT, Duration::from_millis)
}

/// Follow the change stream from `start`: the source's reader (stream → decoded changes) and
/// the applier (changes → sink → checkpoint) joined by a channel bounded in bytes.
async fn follow(
    ctx: &Ctx<'_>,
    schemas: BTreeMap<String, TableSchema>,
    start: Pos,
    once: bool,
) -> Result<Outcome, SyncError> {
    let Some(stream) = ctx.source.changes() else {
        return Ok(Outcome::CaughtUp);
    };
    let target = if once {
        Some(ctx.stop.wait(stream.head()).await?)
    } else {
        None
    };
    let mut stats = CdcStats::default();
    if let Some(cp) = ctx.book.checkpoint(BINLOG_UNIT)? {
        stats.events = BinlogProgress::parse(ctx.name, &cp.progress)?.events;
    }
    ctx.save_checkpoint(&start, stats.json())?;
    if let Some(t) = &target
        && start.reached(t)
    {
        ctx.log(
            LogLevel::Info,
            &format!("already at {start}; nothing to catch up"),
        );
        return Ok(Outcome::CaughtUp);
    }
    ctx.progress.start("binlog", None);
    let period = heartbeat_period();
    let live = Live {
        last_read_ms: AtomicI64::new(now_ms()),
        stall_ms: (period.as_millis() as i64 * 3 / 2).max(1000),
    };
    let max = if once {
        MAX_ATTEMPTS_ONCE
    } else {
        MAX_ATTEMPTS_FOLLOW
    };
    let log = |level: LogLevel, msg: &str| ctx.log(level, msg);
    let identity = format!("{}#{}", ctx.store.path().display(), ctx.name);
    let follow = Follow {
        task: ctx.name,
        spec: &ctx.spec,
        identity: &identity,
        schemas,
        from: start.clone(),
        target,
        period,
        live: &live,
        max_attempts: max,
        log: &log,
    };
    let mut applier = Applier::new(ctx, start, stats, &live, max)?;
    // the channel holds a few batches: enough to keep the sink busy, small enough for memory
    let (tx, rx) = pipe::channel::<Item>(ctx.spec.batch_bytes.saturating_mul(4).max(1 << 20));
    let result = {
        let read = stream.follow(follow, tx);
        let apply = applier.run(rx);
        tokio::pin!(read, apply);
        tokio::select! {
            biased;
            _ = ctx.stop.cancel.cancelled() => Ok(Outcome::Interrupted),
            a = &mut apply => a.map(|o| o.unwrap_or(Outcome::CaughtUp)),
            r = &mut read => {
                // the reader is done (target reached, or it gave up): the applier writes what
                // was read up to the last transaction boundary, then ends too
                let a = tokio::select! {
                    biased;
                    _ = ctx.stop.cancel.cancelled() => Ok(Some(Outcome::Interrupted)),
                    a = &mut apply => a,
                };
                match (r, a) {
                    (_, Err(e)) => Err(e),
                    (Err(SyncError::Halted), Ok(o)) => Ok(o.unwrap_or_else(|| ctx.outcome())),
                    (Err(e), Ok(_)) => Err(e),
                    (Ok(()), Ok(o)) => Ok(o.unwrap_or(Outcome::CaughtUp)),
                }
            }
        }
    };
    let at = applier.position();
    match result {
        Ok(outcome) => {
            ctx.progress.finish("binlog", &format!("at {at}"));
            ctx.log(LogLevel::Info, &format!("{} at {at}", outcome.describe()));
            Ok(outcome)
        }
        Err(e) => Err(e),
    }
}

/// Act on a DDL statement: truncate, or copy tables again (`recopy`: the tables' new schemas
/// and whether each was known before).
pub(super) async fn handle_ddl(
    ctx: &Ctx<'_>,
    ddl: Ddl,
    sql: &str,
    recopy: Vec<(TableSchema, bool)>,
) -> Result<(), SyncError> {
    let created = matches!(ddl, Ddl::Create(..) | Ddl::Rename(..));
    match ddl {
        Ddl::Alter(db, t) if ctx.spec.selects(&db, &t) => {
            ctx.log(
                LogLevel::Info,
                &format!(
                    "{db}.{t} altered: {}",
                    sql.chars().take(200).collect::<String>()
                ),
            );
        }
        Ddl::Rename(pairs) => {
            for (old, new) in pairs {
                if ctx.spec.selects(&old.0, &old.1) {
                    ctx.log(
                        LogLevel::Warn,
                        &format!(
                            "{}.{} renamed to {}.{}: its target {} is kept as it is",
                            old.0,
                            old.1,
                            new.0,
                            new.1,
                            ctx.target(&old.0, &old.1)
                        ),
                    );
                }
            }
        }
        Ddl::Drop(tables) => {
            for (db, t) in tables {
                if ctx.spec.selects(&db, &t) {
                    ctx.log(
                        LogLevel::Warn,
                        &format!(
                            "{db}.{t} was dropped at the source: its target {} is kept",
                            ctx.target(&db, &t)
                        ),
                    );
                }
            }
        }
        Ddl::Truncate(db, t) if ctx.spec.selects(&db, &t) => {
            ctx.fence()?;
            ctx.stop
                .work(ctx.sink.truncate(&ctx.target(&db, &t)))
                .await?;
            ctx.log(LogLevel::Info, &format!("{db}.{t} truncated"));
        }
        _ => {}
    }
    for (s, existed) in recopy {
        let unit = s.unit();
        // a new table needs its rows; in mirror mode an altered table is copied again so every
        // document has the new shape (added defaults, dropped or renamed fields)
        if !existed || ctx.spec.mode == Mode::Mirror {
            let why = match (created, existed) {
                (_, false) => "new table: full copy",
                (true, true) => "table re-created: copying again",
                (false, true) => "schema changed: copying again",
            };
            ctx.progress.message(&unit, why);
            ctx.log(LogLevel::Info, &format!("{unit}: {why}"));
            let phase = if existed {
                Phase::Recopy
            } else {
                Phase::Pending
            };
            let row = UnitRow::new(unit.clone(), phase);
            copy_unit(ctx, s, row).await?;
        }
    }
    Ok(())
}
