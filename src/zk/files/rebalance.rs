//! Rebalancing: move files from the most to the least loaded node until the spread of load
//! scores is within the threshold (or, with `--drain NODE`, until the node holds nothing).
//!
//! Every move is crash safe: an intent record (state file, status `copying`) is committed
//! before any byte moves; the file is copied to the new node under a temporary name, fsynced,
//! verified against its recorded SHA-256 and renamed into place; only then the metadata znode
//! is switched (compare-and-set on its version) and the record marked `switched`; the old copy
//! is deleted last and the record marked `done`. A rerun first finishes every open record:
//! metadata still on the old node → copy again; already switched → delete the old copy.
//! At no instant is the only verified copy deleted.

use super::load::{self, NodeLoad};
use super::{FileMeta, Files, key_of, storage};
use crate::ui::Progress;
use crate::zk::ensemble::Snapshot;
use crate::zk::error::{Result, ZkError};
use crate::zk::store::{
    MigrationReason, MigrationRow, MigrationStatus as St, NewMigration, ZkStore,
};
use serde::Serialize;
use std::time::{Duration, Instant};
use zookeeper_client as zkc;

/// What a rebalance did.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub threshold: f64,
    pub drain: Option<String>,
    pub resumed: usize,
    pub moves: Vec<Move>,
    pub before: Vec<NodeLoad>,
    pub after: Vec<NodeLoad>,
    pub spread_before: f64,
    pub spread_after: f64,
    pub within_threshold: bool,
    pub seconds: f64,
    /// Stopped early on request (Ctrl-C, `shark state stop`) after a completed move.
    pub stopped: bool,
}

/// What happened to one planned move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MoveStatus {
    /// `--dry-run`: would be moved.
    Planned,
    Done,
}

impl MoveStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MoveStatus::Planned => "planned",
            MoveStatus::Done => "done",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Move {
    pub migration: i64,
    pub file: String,
    pub from: String,
    pub to: String,
    pub size: u64,
    pub status: MoveStatus,
}

/// Options of one rebalance.
pub struct Options<'a> {
    pub threshold: f64,
    pub drain: Option<&'a str>,
    pub dry_run: bool,
    pub run_id: Option<i64>,
    /// Polled between moves: true stops the rebalance at that clean point.
    pub should_stop: &'a (dyn Fn() -> bool + Sync),
}

/// Testing only: `SHARK_ZK_TEST_PAUSE_AFTER_COPY_MS` makes every move pause this long between
/// its verified copy and the metadata switch, so the tests can stop or kill a rebalance while
/// a migration is open. Read here, in the engine, and nowhere else; not a user setting.
fn test_pause_after_copy() -> Option<Duration> {
    std::env::var("SHARK_ZK_TEST_PAUSE_AFTER_COPY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
}

/// Finish migrations a crash left open.
pub async fn resume(files: &Files, store: &ZkStore<'_>, progress: &dyn Progress) -> Result<usize> {
    let open = store.migrations_open(&files.root)?;
    let n = open.len();
    for m in open {
        progress.message(
            "rebalance",
            &format!(
                "resuming interrupted migration #{} of {} ({} → {}, {})",
                m.id, m.file, m.from_node, m.to_node, m.status
            ),
        );
        finish_open(files, store, &m, progress).await?;
    }
    Ok(n)
}

async fn finish_open(
    files: &Files,
    store: &ZkStore<'_>,
    m: &MigrationRow,
    progress: &dyn Progress,
) -> Result<()> {
    let key = key_of(&m.file);
    let (from, to) = (files.node(&m.from_node)?, files.node(&m.to_node)?);
    match files.meta(&m.file).await? {
        None => {
            // removed meanwhile: whatever copies remain are garbage
            storage::remove(&to.dir, &key)?;
            storage::remove(&from.dir, &key)?;
            store.migration_set(
                m.id,
                St::Abandoned,
                Some("the file was removed during the migration"),
            )?;
        }
        Some((meta, _)) if meta.node == m.to_node => {
            // switched: the new copy is the verified one; make sure, then drop the old
            match storage::checksum(&to.dir, &key)? {
                Some((_, sum)) if sum == meta.sha256 => {}
                _ => {
                    return Err(ZkError::Runtime(format!(
                        "migration #{} of '{}': metadata points at {} but its copy there is missing or damaged; the old copy on {} was kept; check both storage directories",
                        m.id, m.file, m.to_node, m.from_node
                    )));
                }
            }
            storage::remove(&from.dir, &key)?;
            store.migration_set(m.id, St::Done, None)?;
            progress.message(
                "rebalance",
                &format!("moved {} {} → {} (resumed)", m.file, m.from_node, m.to_node),
            );
        }
        Some((meta, version)) if meta.node == m.from_node => {
            store.migration_set(m.id, St::Copying, None)?;
            copy_switch_delete(
                files, store, m.id, &meta, version, &m.to_node, None, progress,
            )
            .await?;
        }
        Some((meta, _)) => {
            if meta.node != m.to_node {
                storage::remove(&to.dir, &key)?;
            }
            store.migration_set(
                m.id,
                St::Abandoned,
                Some(&format!("the file is now on {}", meta.node)),
            )?;
        }
    }
    Ok(())
}

/// Copy → verify → switch metadata → delete the old copy, advancing record `id`.
#[allow(clippy::too_many_arguments)]
async fn copy_switch_delete(
    files: &Files,
    store: &ZkStore<'_>,
    id: i64,
    meta: &FileMeta,
    version: i32,
    to_node: &str,
    pause: Option<Duration>,
    progress: &dyn Progress,
) -> Result<()> {
    let key = key_of(&meta.name);
    let from = files.node(&meta.node)?;
    let to = files.node(to_node)?;
    let src_path = storage::path_of(&from.dir, &key);
    let src = std::fs::File::open(&src_path).map_err(|e| {
        let _ = store.migration_set(id, St::Failed, Some(&format!("source missing: {e}")));
        ZkError::io(
            format!("opening {} on node {}", src_path.display(), meta.node),
            e,
        )
    })?;
    if let Err(e) = storage::write_verified(
        src,
        &to.dir,
        &key,
        Some(&meta.sha256),
        storage::Land::Replace,
    ) {
        store.migration_set(id, St::Failed, Some(&e.to_string()))?;
        return Err(e);
    }
    progress.message(
        "rebalance",
        &format!(
            "copied {} {} → {}, checksum verified",
            meta.name, meta.node, to_node
        ),
    );
    if let Some(p) = pause {
        tokio::time::sleep(p).await;
    }
    let mut new = meta.clone();
    new.node = to_node.to_string();
    new.updated_at = crate::state::now_rfc3339();
    let data = super::encode(&new)?;
    let path = format!("{}/{key}", files.root);
    match files.client.set_data(&path, &data, Some(version)).await {
        Ok(_) => {}
        Err(zkc::Error::BadVersion) | Err(zkc::Error::NoNode) => {
            // changed or removed by someone else: keep their state, drop our copy
            storage::remove(&to.dir, &key)?;
            store.migration_set(
                id,
                St::Abandoned,
                Some("the file's metadata changed during the migration"),
            )?;
            return Ok(());
        }
        Err(e) => {
            // unknown outcome: leave the record open; the next run looks at the metadata
            return Err(ZkError::op("set", &path, e));
        }
    }
    store.migration_set(id, St::Switched, None)?;
    storage::remove(&from.dir, &key)?;
    store.migration_set(id, St::Done, None)?;
    progress.message(
        "rebalance",
        &format!(
            "moved {} {} → {} ({} bytes)",
            meta.name, meta.node, to_node, meta.size
        ),
    );
    Ok(())
}

/// Pick the next move: off a drained node first, else from the most to the least loaded node
/// the file whose move brings their scores closest together, if that narrows the spread.
fn next_move<'a>(
    files: &'a [FileMeta],
    loads: &[NodeLoad],
    w: &crate::zk::settings::LoadWeights,
    threshold: f64,
) -> Option<(&'a FileMeta, String)> {
    let dst = load::least_loaded(loads)?;
    if let Some(f) = files
        .iter()
        .find(|f| loads.iter().any(|l| l.drained && l.node == f.node))
    {
        return Some((f, dst.node.clone()));
    }
    let src = loads
        .iter()
        .filter(|l| !l.drained && l.files > 0)
        .max_by(|a, b| a.score.total_cmp(&b.score).then(b.node.cmp(&a.node)))?;
    let gap = src.score - dst.score;
    if gap <= threshold || src.node == dst.node {
        return None;
    }
    files
        .iter()
        .filter(|f| f.node == src.node)
        .map(|f| (f, load::file_score(w, f.size)))
        .filter(|(_, s)| *s < gap)
        .min_by(|a, b| (a.1 - gap / 2.0).abs().total_cmp(&(b.1 - gap / 2.0).abs()))
        .map(|(f, _)| (f, dst.node.clone()))
}

/// Rebalance (or drain). Holds no lock itself: the caller holds the state lease.
pub async fn run(
    files: &Files,
    store: &ZkStore<'_>,
    snap: Option<&Snapshot>,
    opts: &Options<'_>,
    progress: &dyn Progress,
) -> Result<Report> {
    let started = Instant::now();
    let resumed = if opts.dry_run {
        0
    } else {
        resume(files, store, progress).await?
    };
    if let Some(d) = opts.drain {
        files.node(d)?;
        if !opts.dry_run {
            files.set_drained(d, true).await?;
        }
    }
    let mut drained = files.drained().await?;
    if let Some(d) = opts.drain
        && !drained.iter().any(|n| n == d)
    {
        drained.push(d.to_string());
    }
    let mut metas = files.list().await?;
    let before = files.loads(&metas, snap, &drained);
    let spread_before = load::spread(&before);
    let mut loads = before.clone();
    let mut moves = vec![];
    progress.start("rebalance", None);
    let mut stopped = false;
    while let Some((f, to)) = next_move(&metas, &loads, &files.weights, opts.threshold) {
        if (opts.should_stop)() {
            stopped = true;
            break;
        }
        let (f, from) = (f.clone(), f.node.clone());
        if opts.dry_run {
            moves.push(Move {
                migration: 0,
                file: f.name.clone(),
                from: from.clone(),
                to: to.clone(),
                size: f.size,
                status: MoveStatus::Planned,
            });
        } else {
            let Some((meta, version)) = files.meta(&f.name).await? else {
                metas.retain(|m| m.name != f.name);
                continue;
            };
            let id = store.migration_start(&NewMigration {
                root: &files.root,
                file: &meta.name,
                from_node: &meta.node,
                to_node: &to,
                size: meta.size as i64,
                sha256: &meta.sha256,
                reason: if opts.drain.is_some() {
                    MigrationReason::Drain
                } else {
                    MigrationReason::Rebalance
                },
                run_id: opts.run_id,
            })?;
            copy_switch_delete(
                files,
                store,
                id,
                &meta,
                version,
                &to,
                test_pause_after_copy(),
                progress,
            )
            .await?;
            progress.advance("rebalance", 1);
            moves.push(Move {
                migration: id,
                file: f.name.clone(),
                from: from.clone(),
                to: to.clone(),
                size: f.size,
                status: MoveStatus::Done,
            });
        }
        if let Some(m) = metas.iter_mut().find(|m| m.name == f.name) {
            m.node = to.clone();
        }
        loads = files.loads(&metas, snap, &drained);
    }
    progress.finish("rebalance", &format!("{} moves", moves.len()));
    let after = if opts.dry_run {
        loads
    } else {
        files.loads(&files.list().await?, snap, &drained)
    };
    let spread_after = load::spread(&after);
    let drained_empty = opts
        .drain
        .is_none_or(|d| after.iter().all(|l| l.node != d || l.files == 0));
    Ok(Report {
        threshold: opts.threshold,
        drain: opts.drain.map(str::to_string),
        resumed,
        moves,
        spread_before,
        within_threshold: spread_after <= opts.threshold && drained_empty,
        spread_after,
        before,
        after,
        seconds: started.elapsed().as_secs_f64(),
        stopped,
    })
}
