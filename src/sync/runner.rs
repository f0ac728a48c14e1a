//! `sync run`: the full copy of every unit that has not finished it, then the binlog from the
//! task's checkpoint. Handoff: the binlog position is recorded before the first copy starts and
//! the stream replays from there with idempotent writes, so a change made during the copy is
//! applied again rather than lost. Checkpoints are taken at transaction boundaries (XID) after
//! the sink has the changes; a crash replays from the last one.

use super::change::{Change, Op};
use super::error::{SyncError, source_err};
use super::pipe;
use super::schema::{self, TableSchema};
use super::sink::mongo::{KeylessTarget, MongoSink, shadow_name};
use super::source::binlog::{self, Ddl, Pos};
use super::source::{self, copy};
use super::store::{BinlogProgress, Phase, SyncStore, TaskPhase, UnitRow, task_key};
use super::task::{Mode, TaskSpec};
use crate::cancel::Cancel;
use crate::conn::{Connection, Kind, Registry};
use crate::state::{Lease, LogLevel, RunHandle, Store};
use crate::ui::Progress;
use futures_util::StreamExt;
use mysql_async::binlog::events::EventData;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

pub const BINLOG_UNIT: &str = "__binlog__";
/// Progress unit summing every table of the full copy.
const TOTAL: &str = "total";
/// How often a wait looks at the lease's stop flag (`sync stop` from another terminal).
const STOP_POLL: Duration = Duration::from_millis(100);

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
    fn describe(self) -> &'static str {
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
struct Stopper {
    cancel: Cancel,
    lease: Lease,
}

impl Stopper {
    fn stopping(&self) -> bool {
        self.cancel.is_cancelled() || self.lease.stop_requested()
    }

    fn outcome(&self) -> Outcome {
        if self.cancel.is_cancelled() {
            Outcome::Interrupted
        } else {
            Outcome::Stopped
        }
    }

    /// Resolves once a signal or a stop request arrived.
    async fn stop_asked(&self) {
        tokio::select! {
            _ = self.cancel.cancelled() => {}
            _ = async {
                while !self.lease.stop_requested() {
                    tokio::time::sleep(STOP_POLL).await;
                }
            } => {}
        }
    }

    /// `fut` unless a signal or a stop request comes first (for waits that hold no work).
    async fn wait<T>(
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
    async fn work<T>(
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
    async fn sleep(&self, d: Duration) -> bool {
        tokio::select! {
            _ = self.stop_asked() => false,
            _ = tokio::time::sleep(d) => true,
        }
    }
}

struct Ctx<'a> {
    name: &'a str,
    spec: TaskSpec,
    store: &'a Store,
    units: SyncStore<'a>,
    source: Connection,
    sink: MongoSink,
    progress: &'a dyn Progress,
    run: Option<&'a RunHandle>,
    stop: Stopper,
    drop_target: bool,
    /// Retry budget: consecutive failures without progress before the run gives up.
    attempts: u32,
}

impl Ctx<'_> {
    fn stopping(&self) -> bool {
        self.stop.stopping()
    }
    fn outcome(&self) -> Outcome {
        self.stop.outcome()
    }
    fn log(&self, level: LogLevel, msg: &str) {
        if let Some(r) = self.run {
            let _ = self.store.run_log_at(r, level, msg);
        }
        match level {
            LogLevel::Warn => tracing::warn!("{}: {msg}", self.name),
            LogLevel::Error => tracing::error!("{}: {msg}", self.name),
            LogLevel::Info => tracing::info!("{}: {msg}", self.name),
        }
    }
    fn target_db(&self, db: &str) -> String {
        self.spec.target_db(db).to_string()
    }
    /// A source connection, unless the run is asked to stop first.
    async fn connect(&self) -> Result<mysql_async::Conn, SyncError> {
        self.stop.wait(source::connect(&self.source)).await
    }
    /// A source query (`what`) under its deadline, unless the run is asked to stop first.
    async fn query<T>(
        &self,
        what: &str,
        fut: impl Future<Output = Result<T, SyncError>>,
    ) -> Result<T, SyncError> {
        self.stop
            .wait(source::within(&self.source, QUERY_DEADLINE, what, fut))
            .await
    }
    fn save_checkpoint(&self, pos: &Pos, progress: serde_json::Value) -> Result<(), SyncError> {
        self.stop.lease.check()?;
        let position = serde_json::to_value(pos).map_err(|e| {
            SyncError::Usage(format!(
                "{}: cannot encode binlog position {pos}: {e}",
                self.name
            ))
        })?;
        self.store
            .checkpoint_save(&task_key(self.name), BINLOG_UNIT, &position, &progress)?;
        Ok(())
    }
    fn save_unit(&self, u: &UnitRow) -> Result<(), SyncError> {
        self.stop.lease.check()?;
        self.units.save_unit(self.name, u)
    }
}

/// Resolve the task's connections, checking their kinds.
pub fn connections(
    reg: &Registry<'_>,
    spec: &TaskSpec,
) -> Result<(Connection, Connection), SyncError> {
    let source = reg.get(&spec.source)?;
    let target = reg.get(&spec.target)?;
    if source.kind != Kind::Mysql {
        return Err(SyncError::Usage(format!(
            "source '{}' is a {} connection; sync reads MySQL/MariaDB",
            source.name, source.kind
        )));
    }
    if target.kind != Kind::Mongodb {
        return Err(SyncError::Usage(format!(
            "target '{}' is a {} connection; this build syncs MySQL → MongoDB (Elasticsearch and MySQL targets are planned)",
            target.name, target.kind
        )));
    }
    Ok((source, target))
}

/// How a run reports and is stopped: progress, the run-history entry for its log, and the
/// cancellation handle wired to Ctrl-C / SIGTERM.
pub struct Hooks<'a> {
    pub progress: &'a dyn Progress,
    pub run: Option<&'a RunHandle>,
    pub cancel: Cancel,
}

/// Run a task: full copy of what is not copied yet, then the binlog. A signal or a `sync stop`
/// ends it at the last checkpoint with `Outcome::Interrupted` / `Outcome::Stopped`.
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
    let units = SyncStore::new(store)?;
    let (source, target) = connections(reg, &spec)?;
    let lease = Lease::acquire(
        store,
        &task_key(name),
        run.map(|r| r.id),
        &format!("sync stop {name}"),
    )?;
    let stop = Stopper { cancel, lease };
    let mut spec = spec;
    if let Some(p) = opts.parallel {
        spec.parallel = p.max(1);
    }
    let opened = stop
        .wait(async {
            let mut c = source::connect(&source).await?;
            source::within(
                &source,
                QUERY_DEADLINE,
                "the binlog settings",
                binlog::check_settings(&source, &mut c),
            )
            .await?;
            let sink = MongoSink::connect(&target, spec.mode, spec.soft_delete).await?;
            Ok((c, sink))
        })
        .await;
    let (c, sink) = match opened {
        Err(SyncError::Halted) => {
            let outcome = stop.outcome();
            let msg = format!("{} while connecting to the source", outcome.describe());
            if let Some(r) = run {
                let _ = store.run_log_at(r, LogLevel::Info, &msg);
            }
            tracing::info!("{name}: {msg}");
            return Ok(outcome);
        }
        other => other?,
    };
    let ctx = Ctx {
        name,
        spec,
        store,
        units,
        source,
        sink,
        progress,
        run,
        stop,
        drop_target: opts.drop_target,
        attempts: if opts.once {
            MAX_ATTEMPTS_ONCE
        } else {
            MAX_ATTEMPTS_FOLLOW
        },
    };
    match copy_then_follow(&ctx, c, opts.once).await {
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

async fn copy_then_follow(
    ctx: &Ctx<'_>,
    mut c: mysql_async::Conn,
    once: bool,
) -> Result<Outcome, SyncError> {
    let name = ctx.name;
    // 1. where the binlog stream will start: recorded before any copying
    let start = match ctx.store.checkpoint(&task_key(name), BINLOG_UNIT)? {
        Some(cp) => {
            let pos: Pos =
                serde_json::from_value(cp.position).map_err(|e| SyncError::Unreadable {
                    task: name.into(),
                    what: format!("binlog checkpoint (checkpoints.position of {BINLOG_UNIT})"),
                    detail: e.to_string(),
                    hint: format!("run `shark sync reset {name}` to copy everything again"),
                })?;
            ctx.query(
                "SHOW BINARY LOGS",
                binlog::check_not_purged(name, &ctx.source, &mut c, &pos),
            )
            .await?;
            pos
        }
        None => {
            let pos = ctx
                .query(
                    "SHOW MASTER STATUS",
                    binlog::master_pos(&ctx.source, &mut c),
                )
                .await?;
            ctx.save_checkpoint(&pos, CdcStats::copying())?;
            ctx.log(
                LogLevel::Info,
                &format!("binlog position recorded before the full copy: {pos}"),
            );
            pos
        }
    };

    // 2. units: every selected table, new ones pending
    let schemas = ctx
        .query("listing the selected tables", discover(ctx, &mut c))
        .await?;
    let known: BTreeMap<String, UnitRow> = ctx
        .units
        .units(name)?
        .into_iter()
        .map(|u| (u.unit.clone(), u))
        .collect();
    let mut todo = vec![];
    for (unit, s) in &schemas {
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
    drop(c);

    // 3. full copy, several units at once, with a bar per unit and one for the total
    let parallel = ctx.spec.parallel;
    if !todo.is_empty() {
        let mut total = 0u64;
        for (s, row) in &mut todo {
            row.rows_total = estimate_rows(ctx, s).await.or(row.rows_total);
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

    // 4. follow the binlog
    follow(ctx, schemas, start, once).await
}

/// Selected tables and their schemas, by unit name.
async fn discover(
    ctx: &Ctx<'_>,
    c: &mut mysql_async::Conn,
) -> Result<BTreeMap<String, TableSchema>, SyncError> {
    let dbs = ctx.spec.databases();
    let tables = schema::list_tables(c, dbs.as_deref())
        .await
        .map_err(|e| source_err(&ctx.source, e))?;
    let mut out = BTreeMap::new();
    for (db, t) in tables {
        if ctx.spec.selects(&db, &t)
            && let Some(s) = schema::load(c, &db, &t, ctx.spec.time_precision)
                .await
                .map_err(|e| source_err(&ctx.source, e))?
        {
            out.insert(s.unit(), s);
        }
    }
    if out.is_empty() {
        ctx.log(
            LogLevel::Warn,
            &format!(
                "no table matches {}; new ones are picked up while following",
                ctx.spec.tables.join(" ")
            ),
        );
    }
    Ok(out)
}

/// The server's row estimate for a progress bar; None when unknown (or the run is stopping).
async fn estimate_rows(ctx: &Ctx<'_>, s: &TableSchema) -> Option<i64> {
    use mysql_async::prelude::Queryable;
    let estimate = async {
        let mut c = source::connect(&ctx.source).await?;
        c.exec_first::<Option<i64>, _, _>("SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", (&s.db, &s.table))
            .await
            .map_err(|e| source_err(&ctx.source, e))
    };
    ctx.query("a row estimate", estimate)
        .await
        .ok()
        .flatten()
        .flatten()
}

/// Copy one unit; when the table changes under the copy (a column or the table went away),
/// reload its schema and copy again (documents are replaced, so nothing is half-shaped).
async fn copy_unit(ctx: &Ctx<'_>, s: TableSchema, row: UnitRow) -> Result<(), SyncError> {
    let mut s = s;
    let mut row = row;
    let mut changed = 0;
    // transient failures resume from the last committed key, within the run's budget of
    // consecutive failures without progress
    let mut budget = pipe::Budget::new(ctx.attempts);
    loop {
        let done = row.rows_done;
        match copy_once(ctx, s.clone(), &mut row).await {
            Err(e) if e.table_changed() => {
                changed += 1;
                if changed > 5 {
                    return Err(SyncError::source(
                        &ctx.source.name,
                        format!(
                            "{}: the table kept changing during the copy; try again later",
                            s.unit()
                        ),
                    ));
                }
                ctx.log(LogLevel::Info, &format!("{}: the table changed during the copy ({e}); copying again ({changed} of 5 times)", s.unit()));
                let mut c = ctx.connect().await?;
                let reload = source::within(
                    &ctx.source,
                    QUERY_DEADLINE,
                    "loading a table's schema",
                    async {
                        schema::load(&mut c, &s.db, &s.table, ctx.spec.time_precision)
                            .await
                            .map_err(|e| source_err(&ctx.source, e))
                    },
                );
                match ctx.stop.wait(reload).await? {
                    Some(n) => s = n,
                    None => {
                        ctx.log(
                            LogLevel::Warn,
                            &format!("{}: the table is gone; skipped", s.unit()),
                        );
                        return Ok(());
                    }
                }
                row.phase = Phase::Recopy;
                row.last_key = None;
            }
            Err(e) if e.is_transient() => {
                if row.rows_done > done {
                    budget.progress();
                }
                let Some(wait) = budget.fail() else {
                    return Err(e);
                };
                ctx.log(
                    LogLevel::Warn,
                    &format!(
                        "{}: {e}; resuming the copy after {} rows in {wait:?} ({})",
                        s.unit(),
                        row.rows_done,
                        budget.attempt()
                    ),
                );
                if !ctx.stop.sleep(wait).await {
                    return Err(SyncError::Halted);
                }
            }
            other => return other,
        }
    }
}

/// Copy one unit from its resume point; each written batch commits the unit's progress.
async fn copy_once(ctx: &Ctx<'_>, s: TableSchema, row: &mut UnitRow) -> Result<(), SyncError> {
    let unit = s.unit();
    let tdb = ctx.target_db(&s.db);
    if row.phase == Phase::Pending && ctx.drop_target {
        ctx.stop
            .work(ctx.sink.drop_collection(&tdb, &s.table))
            .await?;
        ctx.log(
            LogLevel::Info,
            &format!(
                "{unit}: target collection {tdb}.{} dropped (--drop-target)",
                s.table
            ),
        );
    }
    let resume = match &row.last_key {
        Some(k) if !s.key.is_empty() => {
            Some(
                super::doc::decode_key(k).ok_or_else(|| SyncError::Unreadable {
                    task: ctx.name.into(),
                    what: format!("sync_units.last_key of unit {unit}"),
                    detail: format!("not a key of {} column(s): {k}", s.key.len()),
                    hint: format!(
                        "`shark sync reset {} --unit {unit}` copies that unit again",
                        ctx.name
                    ),
                })?,
            )
        }
        _ => None,
    };
    let keyless = s.key.is_empty();
    // a re-copy in mirror mode goes into a shadow collection swapped in at the end, with plain
    // inserts; the live collection keeps serving (and keeps its documents) until then
    let shadow = ctx.spec.mode == Mode::Mirror && row.phase == Phase::Recopy;
    let coll = if shadow {
        shadow_name(&s.table)
    } else {
        s.table.clone()
    };
    // a resumed copy may find its documents already there
    let mut upsert = resume.is_some();
    // a key-less table is read again from the start when its copy resumes
    if resume.is_none() {
        row.rows_done = 0;
    }
    if shadow && resume.is_none() {
        // a shadow from an earlier attempt (crash, retry) is started over
        ctx.stop.work(ctx.sink.drop_collection(&tdb, &coll)).await?;
        ctx.stop
            .work(ctx.sink.create_collection(&tdb, &coll))
            .await?;
        ctx.stop
            .work(ctx.sink.copy_indexes(&tdb, &s.table, &coll))
            .await?;
    } else if keyless && !shadow {
        // the copy of a key-less table starts over from a new snapshot: what an earlier
        // attempt wrote goes first (occurrence numbers of that snapshot would not match)
        let filter = match ctx.spec.mode {
            Mode::Mirror => mongodb::bson::doc! {},
            Mode::History => mongodb::bson::doc! {"op": "snapshot"},
        };
        ctx.stop
            .work(ctx.sink.delete_matching(&tdb, &coll, filter))
            .await?;
    }
    if row.rows_total.is_none() {
        row.rows_total = estimate_rows(ctx, &s).await;
    }
    row.phase = if shadow {
        Phase::Recopy
    } else {
        Phase::Copying
    };
    ctx.save_unit(row)?;
    ctx.progress
        .start(&unit, row.rows_total.map(|t| t.max(0) as u64));
    ctx.progress.advance(&unit, row.rows_done as u64);
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    let stop = || ctx.stopping();
    let reader = copy::read(
        &ctx.source,
        &s,
        resume,
        ctx.spec.batch_rows,
        ctx.spec.batch_bytes,
        tx,
        &stop,
    );
    let writer = async {
        let mut rx = rx; // dropped when the writer ends, so a blocked reader wakes up
        while let Some(batch) = rx.recv().await {
            let batch: copy::Batch = batch?;
            let n = batch.docs.len();
            let docs = match ctx.spec.mode {
                Mode::Mirror => batch.docs,
                Mode::History => batch
                    .docs
                    .into_iter()
                    .map(|mut d| {
                        let id = d.remove("_id").unwrap_or(mongodb::bson::Bson::Null);
                        MongoSink::snapshot_doc(id, d)
                    })
                    .collect(),
            };
            ctx.sink.write_rows(&tdb, &coll, docs, upsert).await?;
            upsert = false;
            row.rows_done += n as i64;
            if batch.last_key.is_some() {
                row.last_key = batch.last_key.as_deref().map(super::doc::encode_key);
            }
            ctx.save_unit(row)?;
            ctx.progress.advance(&unit, n as u64);
            ctx.progress.advance(TOTAL, n as u64);
            if ctx.stopping() {
                break;
            }
        }
        Ok::<_, SyncError>(())
    };
    // a signal abandons the batch in flight (its rows are copied again from the last
    // committed key); a stop request lets it finish
    let (r, w) = ctx
        .stop
        .work(async { Ok(tokio::join!(reader, writer)) })
        .await?;
    w?;
    let snapshot = r?;
    if ctx.stopping() {
        ctx.progress.finish(&unit, "stopped");
        ctx.log(
            LogLevel::Info,
            &format!(
                "{unit}: full copy stopped at {} rows; resumes from there",
                row.rows_done
            ),
        );
        return Ok(());
    }
    if shadow {
        if ctx.spec.soft_delete {
            // soft-deleted documents are no rows of the table: carry them over
            let gone = ctx
                .stop
                .work(
                    ctx.sink
                        .find_all(&tdb, &s.table, mongodb::bson::doc! {"_deleted": true}),
                )
                .await?;
            ctx.stop
                .work(ctx.sink.insert_missing(&tdb, &coll, &gone))
                .await?;
        }
        ctx.stop
            .work(ctx.sink.swap_in(&tdb, &coll, &s.table))
            .await?;
    }
    // CDC of a key-less table starts where its snapshot was taken (see `keyless_snapshots`)
    if let Some(at) = snapshot {
        let pos = serde_json::to_value(&at).map_err(|e| {
            SyncError::Usage(format!("{unit}: cannot encode binlog position {at}: {e}"))
        })?;
        ctx.stop.lease.check()?;
        ctx.store.checkpoint_save(
            &task_key(ctx.name),
            &snapshot_unit(&unit),
            &pos,
            &serde_json::json!({}),
        )?;
    }
    row.phase = Phase::Copied;
    row.last_key = None;
    ctx.save_unit(row)?;
    ctx.progress.finish(&unit, "copied");
    ctx.log(
        LogLevel::Info,
        &format!("{unit}: full copy done, {} rows", row.rows_done),
    );
    Ok(())
}

/// Progress of the CDC phase, stored with the binlog checkpoint.
#[derive(Default)]
struct CdcStats {
    events: u64,
    /// Source timestamp of the last transaction applied.
    last_ts: u32,
    /// Seconds the target is behind the source, as the applier last judged it.
    lag_s: i64,
}

impl CdcStats {
    /// The progress stored before the full copy starts.
    fn copying() -> serde_json::Value {
        BinlogProgress {
            phase: TaskPhase::Copy,
            events: 0,
            last_event_ts: None,
            lag_s: None,
        }
        .json()
    }

    fn json(&self) -> serde_json::Value {
        BinlogProgress {
            phase: TaskPhase::Cdc,
            events: self.events,
            last_event_ts: Some(self.last_ts),
            lag_s: Some(self.lag_s),
        }
        .json()
    }
}

/// Buffered changes are written at a transaction boundary once they are this old (or as soon
/// as nothing more is waiting in the channel).
const FLUSH_EVERY: Duration = Duration::from_millis(300);
const MAX_ATTEMPTS_FOLLOW: u32 = 10;
const MAX_ATTEMPTS_ONCE: u32 = 3;
/// The binlog heartbeat period unless `SHARK_SYNC_HEARTBEAT_MS` says otherwise; no event and
/// no heartbeat within 3 periods means the connection is dead, and it is reopened.
const HEARTBEAT: Duration = Duration::from_secs(20);
/// Environment variable overriding the heartbeat period, in milliseconds (tests, links that
/// need a faster verdict).
pub const HEARTBEAT_ENV: &str = "SHARK_SYNC_HEARTBEAT_MS";
/// Deadline of one query on the source (schema, positions, a page of the copy).
const QUERY_DEADLINE: Duration = Duration::from_secs(300);

/// The heartbeat period of binlog connections.
fn heartbeat_period() -> Duration {
    std::env::var(HEARTBEAT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|ms| *ms >= 10)
        .map_or(HEARTBEAT, Duration::from_millis)
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// What the reader last heard from the source, shared with the applier for `status`'s lag.
struct Live {
    /// When the last event or heartbeat arrived (unix ms).
    last_read_ms: AtomicI64,
    /// Silence longer than this makes the lag count up from the last read.
    stall_ms: i64,
}

/// One step of the binlog, from the reader to the applier.
enum Item {
    /// The row changes of one rows event.
    Rows(Vec<Change>),
    /// The end of a transaction (or of a statement outside one): a checkpoint may go here.
    Commit { at: Pos, ts: u32 },
    /// A DDL statement at `at`, with the tables to copy again and whether each was known.
    Ddl {
        at: Pos,
        ddl: Ddl,
        sql: String,
        recopy: Vec<(TableSchema, bool)>,
    },
}

/// Memory an item holds, allocations included, for the channel's byte bound: the bound is on
/// what the process keeps, not on the documents' BSON size (a short field costs ~5× its BSON
/// size once decoded, which let a 32 MiB channel hold ~300 MB when the sink was the slow side).
fn item_bytes(item: &Item) -> usize {
    match item {
        Item::Rows(changes) => {
            changes.iter().map(change_memory).sum::<usize>() + size_of::<Vec<Change>>() + 64
        }
        Item::Commit { .. } => 64,
        Item::Ddl { sql, .. } => sql.len() + 1024,
    }
}

/// Heap and inline memory of one decoded change.
fn change_memory(c: &Change) -> usize {
    use mongodb::bson::{Bson, Document};
    /// Per heap allocation: the allocator's header and rounding.
    const ALLOC: usize = 16;
    /// Per document field: the key `String`, the `Bson` value and the ordered map's entry and index.
    const FIELD: usize = size_of::<String>() + size_of::<Bson>() + 3 * size_of::<usize>() + ALLOC;
    fn value(b: &Bson) -> usize {
        match b {
            Bson::String(s) => s.capacity() + ALLOC,
            Bson::Binary(b) => b.bytes.capacity() + ALLOC,
            Bson::Document(d) => doc(d),
            Bson::Array(a) => {
                a.iter()
                    .map(|v| size_of::<Bson>() + value(v))
                    .sum::<usize>()
                    + ALLOC
            }
            _ => 0,
        }
    }
    fn doc(d: &Document) -> usize {
        d.iter()
            .map(|(k, v)| FIELD + k.capacity() + value(v))
            .sum::<usize>()
            + ALLOC
    }
    size_of::<Change>()
        + c.doc.as_ref().map_or(0, doc)
        + value(&c.id)
        + c.old_id.as_ref().map_or(0, value)
        + c.db.capacity()
        + c.table.capacity()
        + c.file.capacity()
        + 3 * ALLOC
}

/// Rough BSON size of one change, for batch sizes.
fn change_bytes(c: &Change) -> usize {
    fn bson(b: &mongodb::bson::Bson) -> usize {
        use mongodb::bson::Bson;
        match b {
            Bson::String(s) => s.len() + 8,
            Bson::Binary(b) => b.bytes.len() + 8,
            Bson::Document(d) => d.iter().map(|(k, v)| k.len() + bson(v)).sum::<usize>() + 8,
            Bson::Array(a) => a.iter().map(bson).sum::<usize>() + 8,
            _ => 16,
        }
    }
    let doc = c
        .doc
        .as_ref()
        .map_or(0, |d| d.iter().map(|(k, v)| k.len() + bson(v)).sum());
    doc + bson(&c.id) + c.db.len() + c.table.len() + c.file.len() + 64
}

/// Follow the binlog from `start`: a reader (binlog → decoded changes) and an applier
/// (changes → sink → checkpoint) joined by a channel bounded in bytes.
async fn follow(
    ctx: &Ctx<'_>,
    schemas: BTreeMap<String, TableSchema>,
    start: Pos,
    once: bool,
) -> Result<Outcome, SyncError> {
    let target = if once {
        let mut c = ctx.connect().await?;
        Some(
            ctx.stop
                .wait(source::within(
                    &ctx.source,
                    QUERY_DEADLINE,
                    "SHOW MASTER STATUS",
                    binlog::master_pos(&ctx.source, &mut c),
                ))
                .await?,
        )
    } else {
        None
    };
    let mut stats = CdcStats::default();
    if let Some(cp) = ctx.store.checkpoint(&task_key(ctx.name), BINLOG_UNIT)? {
        stats.events = BinlogProgress::parse(ctx.name, &cp.progress)?.events;
    }
    ctx.save_checkpoint(&start, stats.json())?;
    if let Some(t) = &target
        && &start >= t
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
    let mut reader = Reader {
        ctx,
        schemas,
        resume: start.clone(),
        sent: start.clone(),
        target,
        period,
        live: &live,
        budget: pipe::Budget::new(max),
    };
    // counts saved before a key-less write that the checkpoint did not pass: the replay from
    // this checkpoint starts from them (see `Keyless`)
    let mut keyless = Keyless {
        snapshots: keyless_snapshots(ctx)?,
        ..Keyless::default()
    };
    if let Some(cp) = ctx.store.checkpoint(&task_key(ctx.name), KEYLESS_UNIT)? {
        let at: Option<Pos> = serde_json::from_value(cp.position).ok();
        if at.as_ref() == Some(&start) {
            let base: BTreeMap<String, u64> = serde_json::from_value(cp.progress["base"].clone())
                .map_err(|e| SyncError::Unreadable {
                task: ctx.name.into(),
                what: format!("key-less row counts (checkpoints.progress of {KEYLESS_UNIT})"),
                detail: e.to_string(),
                hint: format!(
                    "run `shark sync reset {}` to copy everything again",
                    ctx.name
                ),
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
            ctx.store
                .checkpoint_clear(&task_key(ctx.name), Some(KEYLESS_UNIT))?;
        }
    }
    let mut applier = Applier {
        ctx,
        keyless,
        from: start,
        stats,
        live: &live,
        budget: pipe::Budget::new(max),
        buffer: vec![],
        bytes: 0,
        committed: 0,
        boundary: None,
        buffered_at: None,
        in_trx: false,
        saved_at: Instant::now(),
        saved_lag: 0,
    };
    // the channel holds a few batches: enough to keep the sink busy, small enough for memory
    let (tx, rx) = pipe::channel::<Item>(ctx.spec.batch_bytes.saturating_mul(4).max(1 << 20));
    let result = {
        let read = reader.run(tx);
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
    let at = &applier.from;
    match result {
        Ok(outcome) => {
            ctx.progress.finish("binlog", &format!("at {at}"));
            ctx.log(LogLevel::Info, &format!("{} at {at}", outcome.describe()));
            Ok(outcome)
        }
        Err(e) => Err(e),
    }
}

/// Reads the binlog into the channel, reconnecting on its own: after a failure (counted
/// against the budget), after silence past 3 heartbeat periods, and on purpose when the
/// applier is so far behind that the channel stayed full for half the server's
/// `net_write_timeout` (a planned reconnect, not counted).
struct Reader<'a, 'c> {
    ctx: &'a Ctx<'c>,
    schemas: BTreeMap<String, TableSchema>,
    /// The last transaction boundary sent: where a new connection starts.
    resume: Pos,
    /// The end of the last event sent; events up to here are skipped after reconnecting.
    sent: Pos,
    target: Option<Pos>,
    period: Duration,
    live: &'a Live,
    budget: pipe::Budget,
}

/// How one binlog connection ended without an error.
enum ReadEnd {
    /// The `--once` target was reached and sent.
    Target,
    /// The channel stayed full: the connection was closed on purpose.
    Parked {
        waited: Duration,
        net_write_timeout: u64,
    },
}

impl Reader<'_, '_> {
    async fn run(&mut self, tx: pipe::Sender<Item>) -> Result<(), SyncError> {
        loop {
            match self.session(&tx).await {
                Ok(ReadEnd::Target) => return Ok(()),
                Ok(ReadEnd::Parked {
                    waited,
                    net_write_timeout,
                }) => {
                    self.ctx.log(LogLevel::Info,
                        &format!(
                            "the sink is behind: binlog connection closed on purpose at {} after {}s with a full buffer ({} KiB; the server drops a reader after net_write_timeout = {net_write_timeout}s); reopening from {} once the sink has caught up (planned reconnect)",
                            self.sent,
                            waited.as_secs(),
                            tx.used() / 1024,
                            self.resume
                        ),
                    );
                    if tx.drained_to(tx.capacity() / 4).await.is_err() {
                        return Ok(());
                    }
                }
                Err(e) if e.is_transient() => {
                    let Some(wait) = self.budget.fail() else {
                        return Err(e);
                    };
                    self.ctx.log(
                        LogLevel::Warn,
                        &format!(
                            "{e}; reconnecting from {} in {wait:?} ({})",
                            self.resume,
                            self.budget.attempt()
                        ),
                    );
                    tokio::time::sleep(wait).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A source query under its deadline.
    async fn query<T>(
        &self,
        what: &str,
        fut: impl Future<Output = Result<T, SyncError>>,
    ) -> Result<T, SyncError> {
        source::within(&self.ctx.source, QUERY_DEADLINE, what, fut).await
    }

    /// One binlog connection from `self.resume`.
    async fn session(&mut self, tx: &pipe::Sender<Item>) -> Result<ReadEnd, SyncError> {
        use mysql_async::prelude::Queryable;
        let ctx = self.ctx;
        // a server that does not answer is given up on as fast as a silent stream
        let connect_deadline = (self.period * 3)
            .max(Duration::from_secs(2))
            .min(source::CONNECT_DEADLINE);
        let mut c = source::connect_within(&ctx.source, connect_deadline).await?;
        self.query(
            "SHOW BINARY LOGS",
            binlog::check_not_purged(ctx.name, &ctx.source, &mut c, &self.resume),
        )
        .await?;
        let net_write_timeout = self
            .query("SELECT @@net_write_timeout", async {
                c.query_first::<u64, _>("SELECT @@SESSION.net_write_timeout")
                    .await
                    .map_err(|e| source_err(&ctx.source, e))
            })
            .await?
            .unwrap_or(60);
        // heartbeats every period while the server has nothing to send (in nanoseconds)
        let period = self.period;
        self.query("SET @master_heartbeat_period", async {
            c.query_drop(format!(
                "SET @master_heartbeat_period = {}",
                period.as_nanos()
            ))
            .await
            .map_err(|e| source_err(&ctx.source, e))
        })
        .await?;
        let req = mysql_async::BinlogStreamRequest::new(server_id(ctx)?)
            .with_filename(self.resume.file.as_bytes())
            .with_pos(self.resume.pos);
        let mut stream = self
            .query("COM_BINLOG_DUMP", async {
                c.get_binlog_stream(req)
                    .await
                    .map_err(|e| purged_or(ctx, e))
            })
            .await?;
        // the applier must not stall the connection past what the server tolerates
        let park_after = Duration::from_millis(net_write_timeout.max(2) * 1000 / 2);
        let deadline = self.period * 3;
        let opened = Instant::now();
        let mut last_read = Instant::now();
        let mut file = self.resume.file.clone();
        let mut in_trx = false;
        loop {
            let ev = match tokio::time::timeout(deadline, stream.next()).await {
                Ok(ev) => ev,
                Err(_) => {
                    return Err(SyncError::Source(
                        ctx.source.name.clone(),
                        format!(
                            "lost the binlog connection after {} s without a read (no event and no heartbeat for 3 heartbeat periods of {:.1} s)",
                            last_read.elapsed().as_secs_f64().round(),
                            period.as_secs_f64()
                        ),
                        super::error::Fault::Transient,
                    ));
                }
            };
            let Some(ev) = ev else {
                return Err(SyncError::Source(
                    ctx.source.name.clone(),
                    format!(
                        "the server closed the binlog connection after {} s of streaming",
                        opened.elapsed().as_secs()
                    ),
                    super::error::Fault::Transient,
                ));
            };
            let ev = ev.map_err(|e| self.stream_err(e, opened))?;
            last_read = Instant::now();
            self.live.last_read_ms.store(now_ms(), Ordering::Relaxed);
            let pos = ev.header().log_pos() as u64;
            let ts = ev.header().timestamp();
            let data = ev.read_data().map_err(|e| {
                SyncError::source(
                    &ctx.source.name,
                    format!("undecodable binlog event at {file}:{pos}: {e}"),
                )
            })?;
            let at = Pos {
                file: file.clone(),
                pos,
            };
            // events already sent before a reconnect are read again, not sent again
            let seen = pos != 0 && file == self.sent.file && pos <= self.sent.pos;
            let item = match data {
                Some(EventData::HeartbeatEvent) => continue,
                Some(EventData::RotateEvent(r)) => {
                    let n = binlog::clean_file_name(&r.name());
                    // the server's fake Rotate names the file we asked for (MariaDB appends the
                    // checksum to it); only trust its name when it differs in a sane way
                    if pos != 0 || (n != file && !n.is_empty()) {
                        file = n;
                    }
                    continue;
                }
                Some(EventData::RowsEvent(rows)) => {
                    in_trx = true;
                    if seen {
                        continue;
                    }
                    let Some(tme) = stream.get_tme(rows.table_id()) else {
                        continue;
                    };
                    let (db, table) = (
                        tme.database_name().into_owned(),
                        tme.table_name().into_owned(),
                    );
                    if !ctx.spec.selects(&db, &table) {
                        continue;
                    }
                    let unit = format!("{db}.{table}");
                    if !self.schemas.contains_key(&unit) {
                        match self.load_schema(&db, &table).await? {
                            Some(s) => {
                                self.schemas.insert(unit.clone(), s);
                            }
                            None => continue,
                        }
                    }
                    let s = &self.schemas[&unit];
                    let changes = binlog::decode(s, tme, &rows, &file, pos, ts).map_err(|e| {
                        SyncError::source(&ctx.source.name, format!("{unit} at {file}:{pos}: {e}"))
                    })?;
                    Item::Rows(changes)
                }
                Some(EventData::XidEvent(_)) => {
                    in_trx = false;
                    if seen {
                        continue;
                    }
                    Item::Commit { at: at.clone(), ts }
                }
                Some(EventData::QueryEvent(q)) => {
                    let sql = q.query().into_owned();
                    if sql.trim().eq_ignore_ascii_case("BEGIN") || sql.starts_with("# Dummy") {
                        continue;
                    }
                    in_trx = false;
                    if seen {
                        continue;
                    }
                    let ddl = binlog::parse_ddl(&sql, &q.schema());
                    if ddl == Ddl::Other {
                        // other statements (e.g. COMMIT of a non-transactional engine) end a unit
                        Item::Commit { at: at.clone(), ts }
                    } else {
                        let recopy = self.ddl_schemas(&ddl).await?;
                        Item::Ddl {
                            at: at.clone(),
                            ddl,
                            sql,
                            recopy,
                        }
                    }
                }
                _ => {
                    // positions of events we do not act on still count for --once
                    if pos != 0 && !in_trx && !seen && reached(&at, self.target.as_ref()) {
                        Item::Commit { at: at.clone(), ts }
                    } else {
                        continue;
                    }
                }
            };
            let boundary = !matches!(item, Item::Rows(_));
            let bytes = item_bytes(&item);
            let room = match tokio::time::timeout(park_after, tx.reserve(bytes)).await {
                Ok(Ok(room)) => room,
                // the applier is gone (it stopped or failed): nothing more to read
                Ok(Err(pipe::Closed)) => return Ok(ReadEnd::Target),
                Err(_) => {
                    drop(stream);
                    return Ok(ReadEnd::Parked {
                        waited: park_after,
                        net_write_timeout,
                    });
                }
            };
            if tx.send(room, item).is_err() {
                return Ok(ReadEnd::Target);
            }
            self.sent = at.clone();
            if boundary {
                self.resume = at.clone();
                self.budget.progress();
                if reached(&at, self.target.as_ref()) {
                    let _ = stream.close().await;
                    return Ok(ReadEnd::Target);
                }
            }
        }
    }

    /// What a failed read of the stream means: a purged file, or a connection lost while
    /// streaming (the server was there a moment ago: not "cannot connect").
    fn stream_err(&self, e: mysql_async::Error, opened: Instant) -> SyncError {
        let ctx = self.ctx;
        if let mysql_async::Error::Server(s) = &e
            && s.code == 1236
        {
            return purged_or(ctx, e);
        }
        match super::error::mysql_fault(&e) {
            super::error::Fault::Transient => SyncError::Source(
                ctx.source.name.clone(),
                format!(
                    "lost the binlog connection after {} s of streaming, at {}: {e}",
                    opened.elapsed().as_secs(),
                    self.sent
                ),
                super::error::Fault::Transient,
            ),
            _ => source_err(&ctx.source, e),
        }
    }

    async fn load_schema(&self, db: &str, table: &str) -> Result<Option<TableSchema>, SyncError> {
        let mut sc = source::connect(&self.ctx.source).await?;
        self.query("loading a table's schema", async {
            schema::load(&mut sc, db, table, self.ctx.spec.time_precision)
                .await
                .map_err(|e| source_err(&self.ctx.source, e))
        })
        .await
    }

    /// Update the reader's schemas after a DDL statement; the tables to copy again, each with
    /// whether it was known before.
    async fn ddl_schemas(&mut self, ddl: &Ddl) -> Result<Vec<(TableSchema, bool)>, SyncError> {
        let spec = &self.ctx.spec;
        let mut load = vec![];
        match ddl {
            Ddl::Create(db, t) | Ddl::Alter(db, t) if spec.selects(db, t) => {
                load.push((db.clone(), t.clone()))
            }
            Ddl::Rename(pairs) => {
                for (old, new) in pairs {
                    if spec.selects(&old.0, &old.1) {
                        self.schemas.remove(&format!("{}.{}", old.0, old.1));
                    }
                    if spec.selects(&new.0, &new.1) {
                        load.push(new.clone());
                    }
                }
            }
            Ddl::Drop(tables) => {
                for (db, t) in tables {
                    self.schemas.remove(&format!("{db}.{t}"));
                }
            }
            _ => {}
        }
        let mut out = vec![];
        for (db, t) in load {
            if let Some(s) = self.load_schema(&db, &t).await? {
                let existed = self.schemas.insert(s.unit(), s.clone()).is_some();
                out.push((s, existed));
            }
        }
        Ok(out)
    }
}

/// The replica server id of the binlog connection: the task's --server-id, else the source
/// connection's server_id option, else derived from the state file and task name (so equally
/// named tasks of two state files do not clash).
fn server_id(ctx: &Ctx<'_>) -> Result<u32, SyncError> {
    let from_conn = match ctx.source.option("server_id") {
        None => None,
        Some(v) => Some(v.parse::<u32>().map_err(|e| {
            SyncError::Usage(format!(
                "connection '{}': option server_id '{v}' is not a replica server id ({e})",
                ctx.source.name
            ))
        })?),
    };
    Ok(match ctx.spec.server_id.or(from_conn) {
        Some(id) => id,
        None => ctx
            .spec
            .server_id(&format!("{}#{}", ctx.store.path().display(), ctx.name)),
    })
}

/// Writes what the reader sends and checkpoints at transaction boundaries once the sink has
/// it. Transient sink errors are retried in place (the writes are idempotent) within the
/// budget, which a checkpoint resets.
struct Applier<'a, 'c> {
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
fn snapshot_unit(unit: &str) -> String {
    format!("__snapshot__:{unit}")
}

/// Key of a row of a key-less unit (`db.table` at the source) in [`Keyless`]'s maps.
fn keyless_key(unit: &str, hash: &str) -> String {
    format!("{unit}\u{0}{hash}")
}

/// The snapshot positions of the task's key-less units.
fn keyless_snapshots(ctx: &Ctx<'_>) -> Result<BTreeMap<String, Pos>, SyncError> {
    let mut out = BTreeMap::new();
    for cp in ctx.store.checkpoints(&task_key(ctx.name))? {
        if let Some(unit) = cp.unit.strip_prefix("__snapshot__:")
            && let Ok(pos) = serde_json::from_value::<Pos>(cp.position)
        {
            out.insert(unit.to_string(), pos);
        }
    }
    Ok(out)
}

impl Applier<'_, '_> {
    /// Until the reader ends (None) or a stop is asked for at a boundary.
    async fn run(&mut self, mut rx: pipe::Receiver<Item>) -> Result<Option<Outcome>, SyncError> {
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
                // a key-less table's snapshot already holds what came before it
                let snaps = &self.keyless.snapshots;
                changes.retain(|c| {
                    !c.keyless
                        || snaps
                            .get(&format!("{}.{}", c.db, c.table))
                            .is_none_or(|at| {
                                Pos {
                                    file: c.file.clone(),
                                    pos: c.pos,
                                } > *at
                            })
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
                    self.write(n).await?;
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

    /// Write the first `n` buffered changes, retrying transient failures in place.
    async fn write(&mut self, n: usize) -> Result<(), SyncError> {
        let ctx = self.ctx;
        if n == 0 {
            return Ok(());
        }
        let batch: Vec<Change> = self.buffer.drain(..n).collect();
        let keyless = ctx.spec.mode == Mode::Mirror && batch.iter().any(|c| c.keyless);
        loop {
            let r = ctx
                .stop
                .work(async {
                    ctx.sink.apply(&|d| ctx.target_db(d), &batch).await?;
                    if keyless {
                        self.write_keyless(&batch).await?;
                    }
                    Ok(())
                })
                .await;
            match r {
                Ok(()) => break,
                Err(e) if e.is_transient() => {
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
                }
                Err(e) => return Err(e),
            }
        }
        self.bytes = self.buffer.iter().map(change_bytes).sum();
        self.committed = self.committed.saturating_sub(n);
        if self.buffer.is_empty() {
            self.buffered_at = None;
        }
        Ok(())
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
            let db = ctx.target_db(&sdb);
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
                ctx.sink.keyless_present(&db, &coll, &unknown).await?
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
                            "{db}.{coll}: the binlog deletes {} more copies of row {hash} than the target holds; `shark sync verify` compares the table",
                            -want
                        ),
                    );
                }
                let want = want.max(0) as u64;
                have.insert(key, want);
                targets.push(KeylessTarget { hash, want, row });
            }
            plans.push((db, coll, present, targets));
        }
        // the counts this batch starts from are in the state file before the sink changes
        if base_changed {
            self.save_keyless_base()?;
        }
        for (db, coll, present, targets) in plans {
            ctx.sink.keyless_set(&db, &coll, &present, &targets).await?;
        }
        self.keyless.have = have;
        Ok(())
    }

    fn save_keyless_base(&self) -> Result<(), SyncError> {
        let ctx = self.ctx;
        ctx.stop.lease.check()?;
        let position = serde_json::to_value(&self.from)
            .map_err(|e| SyncError::Usage(format!("{}: {e}", ctx.name)))?;
        ctx.store.checkpoint_save(
            &task_key(ctx.name),
            KEYLESS_UNIT,
            &position,
            &serde_json::json!({ "base": self.keyless.base }),
        )?;
        Ok(())
    }

    /// Write the buffered changes up to the last boundary, then commit the checkpoint at `at`
    /// (that boundary); changes after it stay buffered.
    async fn flush(&mut self, at: &Pos, idle: bool) -> Result<(), SyncError> {
        let n = self.committed;
        self.write(n).await?;
        self.keyless.ahead = false;
        self.checkpoint(at, idle)
    }

    fn checkpoint(&mut self, at: &Pos, idle: bool) -> Result<(), SyncError> {
        self.stats.lag_s = self.lag(idle && self.buffer.is_empty());
        self.ctx.save_checkpoint(at, self.stats.json())?;
        self.from = at.clone();
        self.budget.progress();
        self.saved_at = Instant::now();
        self.saved_lag = self.stats.lag_s;
        // the sink holds exactly what the checkpoint says: key-less counts start afresh
        if !self.keyless.ahead && !self.keyless.base.is_empty() {
            self.keyless.base.clear();
            if self.keyless.have.len() > KEYLESS_CACHE {
                self.keyless.have.clear();
            }
            self.ctx
                .store
                .checkpoint_clear(&task_key(self.ctx.name), Some(KEYLESS_UNIT))?;
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

fn reached(p: &Pos, target: Option<&Pos>) -> bool {
    target.is_some_and(|t| p >= t)
}

fn purged_or(ctx: &Ctx<'_>, e: mysql_async::Error) -> SyncError {
    if let mysql_async::Error::Server(s) = &e
        && s.code == 1236
    {
        return SyncError::BinlogPurged {
            task: ctx.name.to_string(),
            file: s.message.clone(),
            oldest: "see SHOW BINARY LOGS".into(),
        };
    }
    source_err(&ctx.source, e)
}

/// Act on a DDL statement: truncate, or copy tables again (`recopy`: the tables' new schemas
/// and whether each was known before).
async fn handle_ddl(
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
                            "{}.{} renamed to {}.{}: its collection is kept as it is",
                            old.0, old.1, new.0, new.1
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
                        &format!("{db}.{t} was dropped at the source: its collection is kept"),
                    );
                }
            }
        }
        Ddl::Truncate(db, t) if ctx.spec.selects(&db, &t) => {
            if ctx.spec.mode == Mode::Mirror {
                ctx.stop
                    .work(ctx.sink.delete_all(&ctx.target_db(&db), &t))
                    .await?;
            }
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
