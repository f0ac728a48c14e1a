//! The full copy of one unit: from its resume point (the last committed key, or the start),
//! batches from the source into the sink, each written batch committing the unit's progress.
//! Transient failures resume from the last committed key within the run's budget; a table that
//! changes under the copy is reloaded and copied again.
//!
//! A copy into a shadow ends with its swap, a recorded step: phase `swapping` with the
//! shadow's name is saved before the sink swaps, so a failure or a crash at any point of the
//! swap is followed by the swap again (each sink's swap is idempotent), never by a copy again
//! (which would find nothing after the last key and swap an empty shadow in).

use crate::state::LogLevel;
use crate::sync::engine::applier::snapshot_unit;
use crate::sync::engine::pipe;
use crate::sync::engine::runner::{Ctx, TOTAL};
use crate::sync::error::SyncError;
use crate::sync::model::schema::TableSchema;
use crate::sync::sink::{Begin, Target};
use crate::sync::source::BatchLimits;
use crate::sync::store::{Phase, UnitRow};

/// Batches of one unit's copy written at once.
pub const WRITES_IN_FLIGHT: usize = 2;

/// How many times a unit's copy starts again because its table changed, before it gives up.
const MAX_TABLE_CHANGES: u32 = 5;

/// Copy one unit; when the table changes under the copy (a column or the table went away),
/// reload its schema and copy again (documents are replaced, so nothing is half-shaped).
pub(super) async fn copy_unit(
    ctx: &Ctx<'_>,
    mut s: TableSchema,
    mut row: UnitRow,
) -> Result<(), SyncError> {
    let mut changed = 0;
    // transient failures resume from the last committed key, within the run's budget of
    // consecutive failures without progress
    let mut budget = pipe::Budget::new(ctx.attempts);
    loop {
        let done = row.rows_done;
        match copy_once(ctx, s.clone(), &mut row).await {
            Err(e) if e.table_changed() => {
                changed += 1;
                if changed > MAX_TABLE_CHANGES {
                    return Err(SyncError::source(
                        ctx.source.name(),
                        format!(
                            "{}: the table kept changing during the copy; try again later",
                            s.unit()
                        ),
                    ));
                }
                ctx.log(LogLevel::Info, &format!("{}: the table changed during the copy ({e}); copying again ({changed} of {MAX_TABLE_CHANGES} times)", s.unit()));
                let reload = ctx.source.unit(&ctx.spec, &s.db, &s.table);
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
    let target = ctx.target(&s.db, &s.table);
    if row.phase == Phase::Swapping
        && let Some(shadow) = row.shadow.clone()
    {
        ctx.log(
            LogLevel::Info,
            &format!("{unit}: the copy is complete; finishing the swap of {shadow} into {target}"),
        );
        let shadow = Target::new(target.db.clone(), shadow);
        return swap(ctx, &unit, &target, &shadow, row).await;
    }
    let target_schema = ctx.target_schema(&s)?;
    let resume = match &row.last_key {
        Some(k) if !s.key.is_empty() => Some(k.clone()),
        _ => None,
    };
    // a resumed copy may find its documents already there
    let upsert = resume.is_some();
    // a key-less table is read again from the start when its copy resumes
    if resume.is_none() {
        row.rows_done = 0;
    }
    let recopy = row.phase == Phase::Recopy;
    let how = if recopy {
        Begin::Recopy {
            resume: resume.is_some(),
        }
    } else if resume.is_some() {
        Begin::Resume
    } else if row.phase == Phase::Pending && ctx.drop_target {
        Begin::Fresh { drop: true }
    } else if s.key.is_empty() {
        // a key-less unit is read again from a new snapshot: what was written goes first
        Begin::Restart
    } else {
        Begin::Fresh { drop: false }
    };
    ctx.fence()?;
    let into = ctx
        .stop
        .work(ctx.sink.begin_copy(&target_schema, &target, how))
        .await?;
    if how == (Begin::Fresh { drop: true }) {
        ctx.log(
            LogLevel::Info,
            &format!("{unit}: target {target} dropped (--drop-target)"),
        );
    }
    if row.rows_total.is_none() {
        row.rows_total = ctx.source.estimate(&s).await;
    }
    row.phase = if recopy {
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
    let limits = BatchLimits {
        rows: ctx.spec.batch_rows,
        bytes: ctx.spec.batch_bytes,
    };
    let reader = ctx.source.read(&s, resume, limits, tx, &stop);
    // up to WRITES_IN_FLIGHT batches are written at once (the sink builds one while the
    // server works on the other); their progress is committed in order, so the saved key never
    // passes a batch that is not written
    let writer = async {
        use futures_util::stream::{FuturesOrdered, StreamExt};
        let mut rx = rx; // dropped when the writer ends, so a blocked reader wakes up
        let mut inflight = FuturesOrdered::new();
        // after a resume, the batches an earlier run had in flight may be written already
        let mut upserts = if upsert { WRITES_IN_FLIGHT } else { 0 };
        let mut reading = true;
        loop {
            tokio::select! {
                biased;
                done = inflight.next(), if !inflight.is_empty() => {
                    let Some(done) = done else { continue };
                    let (written, n, resume, restart): (crate::sync::sink::Written, usize, Option<serde_json::Value>, bool) = done?;
                    ctx.rejected(&|_| unit.clone(), "copy", written.rejected)?;
                    if restart {
                        // the source reads the unit again from its start
                        row.rows_done = 0;
                    }
                    row.rows_done += n as i64;
                    if resume.is_some() {
                        row.last_key = resume;
                    }
                    ctx.save_unit(row)?;
                    ctx.progress.advance(&unit, n as u64);
                    ctx.progress.advance(TOTAL, n as u64);
                    if ctx.stopping() {
                        reading = false;
                    }
                }
                batch = rx.recv(), if reading && inflight.len() < WRITES_IN_FLIGHT => {
                    let Some(batch) = batch else {
                        reading = false;
                        continue;
                    };
                    let batch = batch?;
                    // rows the source could not read count as read, and are refused like
                    // rows the sink refuses
                    let n = batch.docs.len() + batch.rejected.len();
                    let unread = batch.rejected;
                    let docs: Vec<_> = if ctx.spec.fields.is_empty() {
                        batch.docs
                    } else {
                        batch
                            .docs
                            .into_iter()
                            .map(|d| ctx.spec.fields.apply(&unit, d))
                            .collect()
                    };
                    ctx.fence()?;
                    let upsert = upserts > 0;
                    upserts = upserts.saturating_sub(1);
                    let into = &into;
                    inflight.push_back(async move {
                        let mut written = ctx.sink.write_rows(into, docs, upsert).await?;
                        written.rejected.extend(unread);
                        Ok::<_, SyncError>((written, n, batch.resume, batch.restart))
                    });
                }
                else => break,
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
    // CDC of a key-less table starts where its snapshot was taken (see `keyless_snapshots`);
    // saved before the swap, which a later run may finish without reading the table again
    if let Some(at) = snapshot {
        let pos = serde_json::to_value(&at).map_err(|e| {
            SyncError::Usage(format!("{unit}: cannot encode binlog position {at}: {e}"))
        })?;
        ctx.stop.lease.check()?;
        ctx.book
            .save_checkpoint(&snapshot_unit(&unit), &pos, &serde_json::json!({}))?;
    }
    if into != target {
        row.phase = Phase::Swapping;
        row.shadow = Some(into.name.clone());
        ctx.save_unit(row)?;
    }
    swap(ctx, &unit, &target, &into, row).await
}

/// End a unit's copy at the sink (swap its shadow in, refresh) and record it as copied.
async fn swap(
    ctx: &Ctx<'_>,
    unit: &str,
    target: &Target,
    into: &Target,
    row: &mut UnitRow,
) -> Result<(), SyncError> {
    ctx.fence()?;
    ctx.stop.work(ctx.sink.end_copy(target, into)).await?;
    row.phase = Phase::Copied;
    row.last_key = None;
    row.shadow = None;
    ctx.save_unit(row)?;
    ctx.progress.finish(unit, "copied");
    ctx.log(
        LogLevel::Info,
        &format!("{unit}: full copy done, {} rows", row.rows_done),
    );
    Ok(())
}
