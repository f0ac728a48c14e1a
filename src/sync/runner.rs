//! `sync run`: the full copy of every unit that has not finished it, then the binlog from the
//! task's checkpoint. Handoff: the binlog position is recorded before the first copy starts and
//! the stream replays from there with idempotent writes, so a change made during the copy is
//! applied again rather than lost. Checkpoints are taken at transaction boundaries (XID) after
//! the sink has the changes; a crash replays from the last one.

use super::change::Change;
use super::error::{SyncError, source_err};
use super::schema::{self, TableSchema};
use super::sink::mongo::MongoSink;
use super::source::binlog::{self, Ddl, Pos};
use super::source::{self, copy};
use super::store::{BinlogProgress, Phase, SyncStore, TaskPhase, UnitRow, task_key};
use super::task::{Mode, TaskSpec};
use crate::cancel::Cancel;
use crate::conn::{Connection, Kind, Registry};
use crate::state::{Lease, RunHandle, Store};
use crate::ui::Progress;
use futures_util::StreamExt;
use mysql_async::binlog::events::EventData;
use std::collections::BTreeMap;
use std::future::Future;
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
}

impl Ctx<'_> {
    fn stopping(&self) -> bool {
        self.stop.stopping()
    }
    fn outcome(&self) -> Outcome {
        self.stop.outcome()
    }
    fn log(&self, level: &str, msg: &str) {
        if let Some(r) = self.run {
            let _ = self.store.run_log(r, level, msg);
        }
        match level {
            "warn" => tracing::warn!("{}: {msg}", self.name),
            "error" => tracing::error!("{}: {msg}", self.name),
            _ => tracing::info!("{}: {msg}", self.name),
        }
    }
    fn target_db(&self, db: &str) -> String {
        self.spec.target_db(db).to_string()
    }
    /// A source connection, unless the run is asked to stop first.
    async fn connect(&self) -> Result<mysql_async::Conn, SyncError> {
        self.stop.wait(source::connect(&self.source)).await
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
            binlog::check_settings(&source, &mut c).await?;
            let sink = MongoSink::connect(&target, spec.mode, spec.soft_delete).await?;
            Ok((c, sink))
        })
        .await;
    let (c, sink) = match opened {
        Err(SyncError::Halted) => {
            let outcome = stop.outcome();
            let msg = format!("{} while connecting to the source", outcome.describe());
            if let Some(r) = run {
                let _ = store.run_log(r, "info", &msg);
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
    };
    match copy_then_follow(&ctx, c, opts.once).await {
        Err(SyncError::Halted) => {
            let outcome = ctx.outcome();
            ctx.log(
                "info",
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
            ctx.stop
                .wait(binlog::check_not_purged(name, &ctx.source, &mut c, &pos))
                .await?;
            pos
        }
        None => {
            let pos = ctx
                .stop
                .wait(binlog::master_pos(&ctx.source, &mut c))
                .await?;
            ctx.save_checkpoint(&pos, CdcStats::copying())?;
            ctx.log(
                "info",
                &format!("binlog position recorded before the full copy: {pos}"),
            );
            pos
        }
    };

    // 2. units: every selected table, new ones pending
    let mut schemas = ctx.stop.wait(discover(ctx, &mut c)).await?;
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
            ctx.log("warn", &format!("{unit} has no primary or unique key: copied by full scan (no mid-table resume); rows with identical content collapse into one document"));
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
            "info",
            &format!(
                "{} during the full copy; progress is saved",
                ctx.outcome().describe()
            ),
        );
        return Ok(ctx.outcome());
    }

    // 4. follow the binlog
    follow(ctx, &mut schemas, start, once).await
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
            "warn",
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
    ctx.stop.wait(estimate).await.ok().flatten().flatten()
}

/// Copy one unit; when the table changes under the copy (a column or the table went away),
/// reload its schema and copy again (documents are replaced, so nothing is half-shaped).
async fn copy_unit(ctx: &Ctx<'_>, s: TableSchema, row: UnitRow) -> Result<(), SyncError> {
    let mut s = s;
    let mut row = row;
    for attempt in 1..=5 {
        match copy_once(ctx, s.clone(), row.clone()).await {
            Err(e) if e.table_changed() => {
                ctx.log("info", &format!("{}: the table changed during the copy ({e}); copying again (attempt {attempt})", s.unit()));
                let mut c = ctx.connect().await?;
                let reload = async {
                    schema::load(&mut c, &s.db, &s.table, ctx.spec.time_precision)
                        .await
                        .map_err(|e| source_err(&ctx.source, e))
                };
                match ctx.stop.wait(reload).await? {
                    Some(n) => s = n,
                    None => {
                        ctx.log("warn", &format!("{}: the table is gone; skipped", s.unit()));
                        return Ok(());
                    }
                }
                row.phase = Phase::Recopy;
                row.last_key = None;
            }
            other => return other,
        }
    }
    Err(SyncError::source(
        &ctx.source.name,
        format!(
            "{}: the table kept changing during the copy; try again later",
            s.unit()
        ),
    ))
}

/// Copy one unit from its resume point; each written batch commits the unit's progress.
async fn copy_once(ctx: &Ctx<'_>, s: TableSchema, mut row: UnitRow) -> Result<(), SyncError> {
    let unit = s.unit();
    let tdb = ctx.target_db(&s.db);
    if row.phase == Phase::Pending && ctx.drop_target {
        ctx.stop
            .work(ctx.sink.drop_collection(&tdb, &s.table))
            .await?;
        ctx.log(
            "info",
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
    // a resumed (or restarted key-less) copy may find its documents already there
    let recopy = row.phase == Phase::Recopy;
    let mut upsert = row.phase == Phase::Copying || recopy;
    if row.phase != Phase::Copying {
        row.rows_done = 0;
    }
    if row.rows_total.is_none() {
        row.rows_total = estimate_rows(ctx, &s).await;
    }
    row.phase = Phase::Copying;
    ctx.save_unit(&row)?;
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
            ctx.sink.write_rows(&tdb, &s.table, docs, upsert).await?;
            upsert = recopy || (s.key.is_empty() && upsert);
            row.rows_done += n as i64;
            if batch.last_key.is_some() {
                row.last_key = batch.last_key.as_deref().map(super::doc::encode_key);
            }
            ctx.save_unit(&row)?;
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
    r?;
    if ctx.stopping() {
        ctx.progress.finish(&unit, "stopped");
        ctx.log(
            "info",
            &format!(
                "{unit}: full copy stopped at {} rows; resumes from there",
                row.rows_done
            ),
        );
        return Ok(());
    }
    row.phase = Phase::Copied;
    row.last_key = None;
    ctx.save_unit(&row)?;
    ctx.progress.finish(&unit, "copied");
    ctx.log(
        "info",
        &format!("{unit}: full copy done, {} rows", row.rows_done),
    );
    Ok(())
}

/// Progress of the CDC phase, stored with the binlog checkpoint.
#[derive(Default)]
struct CdcStats {
    events: u64,
    last_ts: u32,
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
        let now = chrono::Utc::now().timestamp();
        BinlogProgress {
            phase: TaskPhase::Cdc,
            events: self.events,
            last_event_ts: Some(self.last_ts),
            lag_s: Some(if self.last_ts > 0 {
                (now - self.last_ts as i64).max(0)
            } else {
                0
            }),
        }
        .json()
    }
}

const FLUSH_EVERY: Duration = Duration::from_millis(300);
const MAX_ATTEMPTS_FOLLOW: u32 = 10;
const MAX_ATTEMPTS_ONCE: u32 = 3;

async fn follow(
    ctx: &Ctx<'_>,
    schemas: &mut BTreeMap<String, TableSchema>,
    start: Pos,
    once: bool,
) -> Result<Outcome, SyncError> {
    let target = if once {
        let mut c = ctx.connect().await?;
        Some(
            ctx.stop
                .wait(binlog::master_pos(&ctx.source, &mut c))
                .await?,
        )
    } else {
        None
    };
    let mut from = start;
    let mut stats = CdcStats::default();
    if let Some(cp) = ctx.store.checkpoint(&task_key(ctx.name), BINLOG_UNIT)? {
        stats.events = BinlogProgress::parse(ctx.name, &cp.progress)?.events;
    }
    ctx.save_checkpoint(&from, stats.json())?;
    if let Some(t) = &target
        && &from >= t
    {
        ctx.log("info", &format!("already at {from}; nothing to catch up"));
        return Ok(Outcome::CaughtUp);
    }
    ctx.progress.start("binlog", None);
    let mut failures = 0;
    loop {
        match session(ctx, schemas, &mut from, target.as_ref(), &mut stats).await {
            Ok(outcome) => {
                ctx.progress.finish("binlog", &format!("at {from}"));
                ctx.log("info", &format!("{} at {from}", outcome.describe()));
                return Ok(outcome);
            }
            Err(e) if e.is_transient() => {
                failures += 1;
                let max = if once {
                    MAX_ATTEMPTS_ONCE
                } else {
                    MAX_ATTEMPTS_FOLLOW
                };
                if failures >= max {
                    return Err(e);
                }
                let wait = Duration::from_millis(500 * (1 << failures.min(6)));
                ctx.log(
                    "warn",
                    &format!("{e}; retrying from {from} in {wait:?} (attempt {failures}/{max})"),
                );
                if !ctx.stop.sleep(wait).await {
                    ctx.log("info", &format!("{} at {from}", ctx.outcome().describe()));
                    return Ok(ctx.outcome());
                }
            }
            Err(e) => return Err(e),
        }
    }
}

/// One binlog connection from `from`; updates `from` at every checkpoint.
async fn session(
    ctx: &Ctx<'_>,
    schemas: &mut BTreeMap<String, TableSchema>,
    from: &mut Pos,
    target: Option<&Pos>,
    stats: &mut CdcStats,
) -> Result<Outcome, SyncError> {
    // one connection: checked for a purged start, then turned into the binlog stream
    let mut c = ctx.connect().await?;
    ctx.stop
        .wait(binlog::check_not_purged(
            ctx.name,
            &ctx.source,
            &mut c,
            from,
        ))
        .await?;
    // the task's --server-id, else the source connection's server_id option, else derived from
    // the state file and task name (so equally named tasks of two state files do not clash)
    let from_conn = match ctx.source.option("server_id") {
        None => None,
        Some(v) => Some(v.parse::<u32>().map_err(|e| {
            SyncError::Usage(format!(
                "connection '{}': option server_id '{v}' is not a replica server id ({e})",
                ctx.source.name
            ))
        })?),
    };
    let server_id = match ctx.spec.server_id.or(from_conn) {
        Some(id) => id,
        None => ctx
            .spec
            .server_id(&format!("{}#{}", ctx.store.path().display(), ctx.name)),
    };
    let req = mysql_async::BinlogStreamRequest::new(server_id)
        .with_filename(from.file.as_bytes())
        .with_pos(from.pos);
    let mut stream = ctx
        .stop
        .wait(async {
            c.get_binlog_stream(req)
                .await
                .map_err(|e| purged_or(ctx, e))
        })
        .await?;
    let mut file = from.file.clone();
    let mut buffer: Vec<Change> = vec![];
    let mut buffered_at: Option<Instant> = None;
    let mut boundary: Option<Pos> = None;
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    loop {
        let ev = tokio::select! {
            ev = stream.next() => ev,
            _ = ctx.stop.cancel.cancelled() => {
                // a signal: what is buffered past the last checkpoint is replayed next run
                return Ok(Outcome::Interrupted);
            }
            _ = tick.tick() => {
                // idle or between events: flush on time, stop at a boundary
                if let Some(b) = boundary.take() {
                    flush(ctx, &mut buffer, &b, stats).await?;
                    *from = b;
                    buffered_at = None;
                }
                if ctx.stopping() && buffer.is_empty() {
                    let _ = stream.close().await;
                    return Ok(ctx.outcome());
                }
                continue;
            }
        };
        let Some(ev) = ev else {
            return Err(SyncError::Source(
                ctx.source.name.clone(),
                "the binlog stream ended (connection closed)".into(),
                super::error::Fault::Transient,
            ));
        };
        let ev = ev.map_err(|e| purged_or(ctx, e))?;
        let pos = ev.header().log_pos() as u64;
        let ts = ev.header().timestamp();
        let data = ev.read_data().map_err(|e| {
            SyncError::source(
                &ctx.source.name,
                format!("undecodable binlog event at {file}:{pos}: {e}"),
            )
        })?;
        match data {
            Some(EventData::RotateEvent(r)) => {
                if pos != 0 {
                    file = binlog::clean_file_name(&r.name());
                } else {
                    // the server's fake Rotate names the file we asked for (MariaDB appends the
                    // checksum to it); only trust its name when it differs in a sane way
                    let n = binlog::clean_file_name(&r.name());
                    if n != file && !n.is_empty() {
                        file = n;
                    }
                }
            }
            Some(EventData::RowsEvent(rows)) => {
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
                if !schemas.contains_key(&unit) {
                    let mut sc = ctx.connect().await?;
                    let load = async {
                        schema::load(&mut sc, &db, &table, ctx.spec.time_precision)
                            .await
                            .map_err(|e| source_err(&ctx.source, e))
                    };
                    match ctx.stop.wait(load).await? {
                        Some(s) => {
                            schemas.insert(unit.clone(), s);
                        }
                        None => continue,
                    }
                }
                let s = &schemas[&unit];
                let changes = binlog::decode(s, tme, &rows, &file, pos, ts).map_err(|e| {
                    SyncError::source(&ctx.source.name, format!("{unit} at {file}:{pos}: {e}"))
                })?;
                stats.events += changes.len() as u64;
                stats.last_ts = ts;
                ctx.progress.advance("binlog", changes.len() as u64);
                buffer.extend(changes);
                buffered_at.get_or_insert_with(Instant::now);
                // bound memory inside huge transactions: write early, checkpoint later
                if buffer.len() >= ctx.spec.batch_rows * 4 {
                    let pending = std::mem::take(&mut buffer);
                    ctx.stop
                        .work(ctx.sink.apply(&|d| ctx.target_db(d), pending))
                        .await?;
                }
            }
            Some(EventData::XidEvent(_)) => {
                let b = Pos {
                    file: file.clone(),
                    pos,
                };
                stats.last_ts = ts;
                if buffer.len() >= ctx.spec.batch_rows
                    || buffered_at.is_some_and(|t| t.elapsed() >= FLUSH_EVERY)
                    || ctx.stopping()
                {
                    flush(ctx, &mut buffer, &b, stats).await?;
                    *from = b.clone();
                    boundary = None;
                    buffered_at = None;
                } else {
                    boundary = Some(b.clone());
                }
                if reached(&b, target) {
                    return caught_up(ctx, stream, &mut buffer, b, from, stats).await;
                }
                if ctx.stopping() {
                    let _ = stream.close().await;
                    return Ok(ctx.outcome());
                }
            }
            Some(EventData::QueryEvent(q)) => {
                let sql = q.query().into_owned();
                let b = Pos {
                    file: file.clone(),
                    pos,
                };
                if sql.trim().eq_ignore_ascii_case("BEGIN") || sql.starts_with("# Dummy") {
                    continue;
                }
                let ddl = binlog::parse_ddl(&sql, &q.schema());
                if ddl != Ddl::Other {
                    // a DDL statement is its own transaction: apply what came before it first
                    flush(ctx, &mut buffer, &b, stats).await?;
                    *from = b.clone();
                    boundary = None;
                    buffered_at = None;
                    handle_ddl(ctx, schemas, ddl, &sql).await?;
                    ctx.save_checkpoint(&b, stats.json())?;
                } else {
                    // other statements (e.g. COMMIT of a non-transactional engine) end a unit too
                    boundary = Some(b.clone());
                }
                if reached(&b, target) {
                    return caught_up(ctx, stream, &mut buffer, b, from, stats).await;
                }
            }
            _ => {
                // positions of events we do not act on still count for --once
                let b = Pos {
                    file: file.clone(),
                    pos,
                };
                if pos != 0 && buffer.is_empty() && reached(&b, target) {
                    return caught_up(ctx, stream, &mut buffer, b, from, stats).await;
                }
            }
        }
    }
}

/// The `--once` target is reached at a boundary: write what is buffered, checkpoint there, close.
async fn caught_up(
    ctx: &Ctx<'_>,
    stream: mysql_async::BinlogStream,
    buffer: &mut Vec<Change>,
    at: Pos,
    from: &mut Pos,
    stats: &CdcStats,
) -> Result<Outcome, SyncError> {
    flush(ctx, buffer, &at, stats).await?;
    *from = at;
    let _ = stream.close().await;
    Ok(Outcome::CaughtUp)
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

/// Write the buffered changes, then commit the checkpoint at `at`.
async fn flush(
    ctx: &Ctx<'_>,
    buffer: &mut Vec<Change>,
    at: &Pos,
    stats: &CdcStats,
) -> Result<(), SyncError> {
    if !buffer.is_empty() {
        let pending = std::mem::take(buffer);
        ctx.stop
            .work(ctx.sink.apply(&|d| ctx.target_db(d), pending))
            .await?;
    }
    ctx.save_checkpoint(at, stats.json())
}

async fn handle_ddl(
    ctx: &Ctx<'_>,
    schemas: &mut BTreeMap<String, TableSchema>,
    ddl: Ddl,
    sql: &str,
) -> Result<(), SyncError> {
    let mut recopy: Vec<(String, String)> = vec![];
    let created = matches!(ddl, Ddl::Create(..) | Ddl::Rename(..));
    match ddl {
        Ddl::Create(db, t) if ctx.spec.selects(&db, &t) => recopy.push((db, t)),
        Ddl::Alter(db, t) if ctx.spec.selects(&db, &t) => {
            ctx.log(
                "info",
                &format!(
                    "{db}.{t} altered: {}",
                    sql.chars().take(200).collect::<String>()
                ),
            );
            recopy.push((db, t));
        }
        Ddl::Rename(pairs) => {
            for (old, new) in pairs {
                if ctx.spec.selects(&old.0, &old.1) {
                    schemas.remove(&format!("{}.{}", old.0, old.1));
                    ctx.log(
                        "warn",
                        &format!(
                            "{}.{} renamed to {}.{}: its collection is kept as it is",
                            old.0, old.1, new.0, new.1
                        ),
                    );
                }
                if ctx.spec.selects(&new.0, &new.1) {
                    recopy.push(new);
                }
            }
        }
        Ddl::Drop(tables) => {
            for (db, t) in tables {
                if ctx.spec.selects(&db, &t) {
                    schemas.remove(&format!("{db}.{t}"));
                    ctx.log(
                        "warn",
                        &format!("{db}.{t} was dropped at the source: its collection is kept"),
                    );
                }
            }
        }
        Ddl::Truncate(db, t) if ctx.spec.selects(&db, &t) => {
            if ctx.spec.mode == Mode::Mirror {
                let coll = ctx.sink.collection(&ctx.target_db(&db), &t);
                let empty = async {
                    coll.delete_many(mongodb::bson::doc! {})
                        .await
                        .map_err(|e| super::error::target_err(&ctx.sink.conn, e))
                };
                ctx.stop.work(empty).await?;
            }
            ctx.log("info", &format!("{db}.{t} truncated"));
        }
        _ => {}
    }
    for (db, t) in recopy {
        let unit = format!("{db}.{t}");
        let mut c = ctx.connect().await?;
        let load = async {
            schema::load(&mut c, &db, &t, ctx.spec.time_precision)
                .await
                .map_err(|e| source_err(&ctx.source, e))
        };
        let Some(s) = ctx.stop.wait(load).await? else {
            continue;
        };
        let existed = schemas.insert(unit.clone(), s.clone()).is_some();
        // a new table needs its rows; in mirror mode an altered table is copied again so every
        // document has the new shape (added defaults, dropped or renamed fields)
        if !existed || ctx.spec.mode == Mode::Mirror {
            let why = match (created, existed) {
                (_, false) => "new table: full copy",
                (true, true) => "table re-created: copying again",
                (false, true) => "schema changed: copying again",
            };
            ctx.progress.message(&unit, why);
            ctx.log("info", &format!("{unit}: {why}"));
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
