//! [`ZkBook`]: a task's checkpoints and unit progress in ZooKeeper, for the worker that leads
//! it. Taking the lead rewrites the binlog checkpoint (same content, next version): from then
//! on a write by any earlier leader fails. The binlog checkpoint is written with `setData` at
//! the version this worker last wrote; every other write (units, other checkpoints) is a
//! `multi` checking that version first. A failed check marks the worker stale: it stops.
//!
//! The runner's [`Book`] is synchronous (the state file is), so each request here blocks its
//! runtime thread like a SQLite write does, bounded by the session timeout.

use super::{Paths, Session, within, zk_err};
use crate::state::{Checkpoint, now_rfc3339};
use crate::sync::book::Book;
use crate::sync::engine::runner::BINLOG_UNIT;
use crate::sync::error::SyncError;
use crate::sync::store::{Phase, UnitRow};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use zookeeper_client as zkc;

/// The binlog checkpoint's unit name.
pub const BINLOG: &str = BINLOG_UNIT;

/// A checkpoint as one znode holds it (empty data: none yet).
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    position: serde_json::Value,
    progress: serde_json::Value,
    updated_at: String,
}

fn unreadable(task: &str, path: &str, e: impl std::fmt::Display) -> SyncError {
    SyncError::Unreadable {
        task: task.into(),
        what: format!("progress in ZooKeeper ({path})"),
        detail: e.to_string(),
        hint: format!("run `shark sync reset {task}` to copy everything again"),
    }
}

fn parse_checkpoint(
    task: &str,
    unit: &str,
    path: &str,
    data: &[u8],
) -> Result<Option<Checkpoint>, SyncError> {
    if data.is_empty() {
        return Ok(None);
    }
    let s: Stored = serde_json::from_slice(data).map_err(|e| unreadable(task, path, e))?;
    Ok(Some(Checkpoint {
        task: crate::sync::store::task_key(task),
        unit: unit.into(),
        position: s.position,
        progress: s.progress,
        updated_at: s.updated_at,
    }))
}

fn checkpoint_path(paths: &Paths, unit: &str) -> String {
    if unit == BINLOG {
        paths.checkpoint()
    } else {
        paths.other_checkpoint(unit)
    }
}

/// One checkpoint of the task.
pub async fn read_checkpoint(
    client: &zkc::Client,
    paths: &Paths,
    task: &str,
    unit: &str,
) -> Result<Option<Checkpoint>, SyncError> {
    let p = checkpoint_path(paths, unit);
    match within(super::COMMAND_SESSION, client.get_data(&p)).await {
        Ok((d, _)) => parse_checkpoint(task, unit, &p, &d),
        Err(zkc::Error::NoNode) => Ok(None),
        Err(e) => Err(zk_err(&p, e)),
    }
}

/// Every unit's progress, by unit.
pub async fn read_units(
    client: &zkc::Client,
    paths: &Paths,
    task: &str,
) -> Result<Vec<UnitRow>, SyncError> {
    let t = super::COMMAND_SESSION;
    let names = within(t, client.list_children(&paths.units()))
        .await
        .map_err(|e| zk_err(&paths.units(), e))?;
    let mut out = vec![];
    for n in names {
        let p = format!("{}/{n}", paths.units());
        match within(t, client.get_data(&p)).await {
            Ok((d, _)) => {
                out.push(serde_json::from_slice(&d).map_err(|e| unreadable(task, &p, e))?)
            }
            Err(zkc::Error::NoNode) => {}
            Err(e) => return Err(zk_err(&p, e)),
        }
    }
    out.sort_by(|a: &UnitRow, b| a.unit.cmp(&b.unit));
    Ok(out)
}

/// Run a request on the runtime from the runner's synchronous side.
fn block<F: Future>(f: F) -> F::Output {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(f))
}

/// A worker's view of the task's progress in ZooKeeper: the leader's (it writes the
/// checkpoints) or a follower's (it copies the units it leases).
pub struct ZkBook<'a> {
    task: &'a str,
    s: &'a Session,
    /// The version this worker last wrote of each unit it copies (-1: to be created).
    units: Mutex<HashMap<String, i32>>,
}

impl<'a> ZkBook<'a> {
    /// Take the lead: rewrite the binlog checkpoint at its current version, so any earlier
    /// leader's next write fails.
    pub async fn claim(task: &'a str, s: &'a Session) -> Result<ZkBook<'a>, SyncError> {
        let p = s.paths.checkpoint();
        let (data, stat) = within(s.timeout, s.client.get_data(&p))
            .await
            .map_err(|e| zk_err(&p, e))?;
        let stat = within(s.timeout, s.client.set_data(&p, &data, Some(stat.version)))
            .await
            .map_err(|e| match e {
                zkc::Error::BadVersion => SyncError::Fenced(
                    "another worker wrote the checkpoint while this one took the lead".into(),
                ),
                e => zk_err(&p, e),
            })?;
        if let Ok(mut v) = s.fence.version.lock() {
            *v = Some(stat.version);
        }
        Ok(ZkBook::follower(task, s))
    }

    /// A follower's book: it copies units it leases and writes no checkpoint of the stream.
    pub fn follower(task: &'a str, s: &'a Session) -> ZkBook<'a> {
        ZkBook {
            task,
            s,
            units: Mutex::new(HashMap::new()),
        }
    }

    /// The version of `unit`'s progress znode this worker may write: on its first write, the
    /// znode is rewritten as it is (next version), so whoever copied the unit before cannot
    /// write it any more; -1 when it does not exist yet.
    fn unit_version(&self, unit: &str) -> Result<i32, SyncError> {
        if let Some(v) = self.units.lock().ok().and_then(|m| m.get(unit).copied()) {
            return Ok(v);
        }
        let p = self.s.paths.unit(unit);
        let t = self.s.timeout;
        let v = block(async {
            match within(t, self.s.client.get_data(&p)).await {
                Ok((d, stat)) => within(t, self.s.client.set_data(&p, &d, Some(stat.version)))
                    .await
                    .map(|s| s.version),
                Err(zkc::Error::NoNode) => Ok(-1),
                Err(e) => Err(e),
            }
        })
        .map_err(|e| self.failed_unit(unit, e))?;
        self.set_unit_version(unit, v);
        Ok(v)
    }

    fn set_unit_version(&self, unit: &str, v: i32) {
        if let Ok(mut m) = self.units.lock() {
            m.insert(unit.to_string(), v);
        }
    }

    /// A unit write that failed: another worker copies it now, or in doubt.
    fn failed_unit(&self, unit: &str, e: zkc::Error) -> SyncError {
        match e {
            zkc::Error::BadVersion | zkc::Error::NodeExists => {
                SyncError::Fenced(format!("another worker took unit {unit} over"))
            }
            e => SyncError::Fenced(format!("cannot write unit {unit} to ZooKeeper: {e}")),
        }
    }

    fn version(&self) -> Result<i32, SyncError> {
        self.s
            .fence
            .version
            .lock()
            .ok()
            .and_then(|v| *v)
            .ok_or_else(|| SyncError::Fenced("it does not lead the task".into()))
    }

    /// A write that failed: stale (another leader) or in doubt; either way this worker stops.
    fn failed(&self, path: &str, e: zkc::Error) -> SyncError {
        if matches!(e, zkc::Error::BadVersion) {
            self.s.fence.set_stale();
            return SyncError::Fenced(format!(
                "another worker wrote the checkpoint ({path}): it leads the task now"
            ));
        }
        SyncError::Fenced(format!("cannot write {path} to ZooKeeper: {e}"))
    }

    /// Write (or delete, `data` None) `path` if the checkpoint is still at our version.
    fn write_checked(&self, path: &str, data: Option<&[u8]>) -> Result<(), SyncError> {
        let version = self.version()?;
        self.write_guarded(path, data, &self.s.paths.checkpoint(), version)
    }

    /// Write (or delete) `path` if `guard` is still at `version`.
    fn write_guarded(
        &self,
        path: &str,
        data: Option<&[u8]>,
        guard: &str,
        version: i32,
    ) -> Result<(), SyncError> {
        self.s.fence.check()?;
        let cp = guard.to_string();
        let opts = zkc::CreateMode::Persistent.with_acls(self.s.acls);
        let attempt = |create: bool| {
            let mut w = self.s.client.new_multi_writer();
            let built = w.add_check_version(&cp, version).and_then(|_| match data {
                Some(d) if create => w.add_create(path, d, &opts),
                Some(d) => w.add_set_data(path, d, None),
                None => w.add_delete(path, None),
            });
            async move {
                built?;
                w.commit().await.map_err(|e| match e {
                    zkc::MultiWriteError::OperationFailed { index: 0, source } => source,
                    zkc::MultiWriteError::OperationFailed { source, .. } => match source {
                        zkc::Error::NoNode => zkc::Error::NoNode,
                        zkc::Error::NodeExists => zkc::Error::NodeExists,
                        other => other,
                    },
                    other => other.into(),
                })
            }
        };
        let mut create = false;
        loop {
            match block(within(self.s.timeout, attempt(create))) {
                Ok(_) => return Ok(()),
                Err(zkc::Error::NoNode) if data.is_some() && !create => create = true,
                Err(zkc::Error::NoNode) if data.is_none() => return Ok(()),
                Err(e) if in_doubt(&e) => {
                    // did it go through before the connection was lost?
                    self.await_reconnect(path, e)?;
                    let now = block(within(self.s.timeout, self.s.client.get_data(path)));
                    match (now, data) {
                        (Ok((d, _)), Some(want)) if d == want => return Ok(()),
                        (Err(zkc::Error::NoNode), None) => return Ok(()),
                        _ => {}
                    }
                }
                Err(e) => return Err(self.failed(path, e)),
            }
        }
    }

    /// After a request lost with its connection: wait a moment for the client to reconnect,
    /// unless the fence says this worker may no longer write.
    fn await_reconnect(&self, path: &str, e: zkc::Error) -> Result<(), SyncError> {
        if let Err(fenced) = self.s.fence.check() {
            tracing::debug!("{path}: {e}");
            return Err(fenced);
        }
        block(tokio::time::sleep(RECONNECT_PAUSE));
        Ok(())
    }

    /// `setData` of `path` at `version`; a request lost with its connection is retried while the
    /// fence holds (and counted as written when the znode holds `data` at the next version).
    fn set_versioned(&self, path: &str, data: &[u8], version: i32) -> Result<i32, zkc::Error> {
        let t = self.s.timeout;
        loop {
            match block(within(t, self.s.client.set_data(path, data, Some(version)))) {
                Err(e) if in_doubt(&e) => {
                    if self.await_reconnect(path, e).is_err() {
                        return Err(zkc::Error::ConnectionLoss);
                    }
                    match block(within(t, self.s.client.get_data(path))) {
                        Ok((d, stat)) if d == data && stat.version == version + 1 => {
                            return Ok(stat.version);
                        }
                        Ok((_, stat)) if stat.version != version => {
                            return Err(zkc::Error::BadVersion);
                        }
                        _ => {}
                    }
                }
                other => return other.map(|s| s.version),
            }
        }
    }
}

/// Pause between a lost request and its retry.
const RECONNECT_PAUSE: std::time::Duration = std::time::Duration::from_millis(200);

/// A request whose fate is unknown: the connection went while it was in flight (an I/O error
/// of the client's connection comes as `Custom`).
fn in_doubt(e: &zkc::Error) -> bool {
    matches!(
        e,
        zkc::Error::ConnectionLoss
            | zkc::Error::Timeout
            | zkc::Error::Throttled
            | zkc::Error::Custom(_)
            | zkc::Error::UnexpectedError(_)
    )
}

impl Book for ZkBook<'_> {
    fn checkpoint(&self, unit: &str) -> Result<Option<Checkpoint>, SyncError> {
        block(read_checkpoint(
            &self.s.client,
            &self.s.paths,
            self.task,
            unit,
        ))
    }

    fn checkpoints(&self) -> Result<Vec<Checkpoint>, SyncError> {
        let client = &self.s.client;
        let paths = &self.s.paths;
        block(async {
            let mut out = vec![];
            let names = within(self.s.timeout, client.list_children(&paths.checkpoints()))
                .await
                .map_err(|e| zk_err(&paths.checkpoints(), e))?;
            let mut units: Vec<String> = names.iter().map(|n| super::decode(n)).collect();
            units.push(BINLOG.to_string());
            units.sort();
            for u in units {
                if let Some(cp) = read_checkpoint(client, paths, self.task, &u).await? {
                    out.push(cp);
                }
            }
            Ok(out)
        })
    }

    fn save_checkpoint(
        &self,
        unit: &str,
        position: &serde_json::Value,
        progress: &serde_json::Value,
    ) -> Result<(), SyncError> {
        let data = serde_json::to_vec(&Stored {
            position: position.clone(),
            progress: progress.clone(),
            updated_at: now_rfc3339(),
        })
        .map_err(|e| SyncError::Usage(format!("{}: cannot encode a checkpoint: {e}", self.task)))?;
        // a key-less unit's snapshot position goes with the unit, whoever copies it
        if let Some(copied) = unit.strip_prefix("__snapshot__:") {
            let v = self.unit_version(copied)?;
            if v >= 0 {
                let guard = self.s.paths.unit(copied);
                return self.write_guarded(
                    &self.s.paths.other_checkpoint(unit),
                    Some(&data),
                    &guard,
                    v,
                );
            }
        }
        if unit != BINLOG {
            return self.write_checked(&self.s.paths.other_checkpoint(unit), Some(&data));
        }
        self.s.fence.check()?;
        let p = self.s.paths.checkpoint();
        // held during the write, so the keeper does not take our own write for another's
        let mut v = self
            .s
            .fence
            .version
            .lock()
            .map_err(|_| SyncError::Fenced("its fence state is poisoned".into()))?;
        let Some(version) = *v else {
            return Err(SyncError::Fenced("it does not lead the task".into()));
        };
        let written = self
            .set_versioned(&p, &data, version)
            .map_err(|e| self.failed(&p, e))?;
        *v = Some(written);
        drop(v);
        let lag = progress["lag_s"].as_i64();
        self.s.update(|i| i.lag_s = lag);
        Ok(())
    }

    fn clear_checkpoint(&self, unit: &str) -> Result<(), SyncError> {
        self.write_checked(&self.s.paths.other_checkpoint(unit), None)
    }

    fn units(&self) -> Result<Vec<UnitRow>, SyncError> {
        block(read_units(&self.s.client, &self.s.paths, self.task))
    }

    fn save_unit(&self, u: &UnitRow) -> Result<(), SyncError> {
        let mut row = u.clone();
        row.updated_at = now_rfc3339();
        let data = serde_json::to_vec(&row).map_err(|e| {
            SyncError::Usage(format!("{}: cannot encode unit {}: {e}", self.task, u.unit))
        })?;
        self.s.fence.check()?;
        let v = self.unit_version(&u.unit)?;
        let p = self.s.paths.unit(&u.unit);
        let t = self.s.timeout;
        let written = if v < 0 {
            let opts = zkc::CreateMode::Persistent.with_acls(self.s.acls);
            block(within(t, self.s.client.create(&p, &data, &opts))).map(|(stat, _)| stat.version)
        } else {
            self.set_versioned(&p, &data, v)
        };
        let v = written.map_err(|e| self.failed_unit(&u.unit, e))?;
        self.set_unit_version(&u.unit, v);
        let copying = matches!(u.phase, Phase::Copying | Phase::Recopy | Phase::Swapping);
        self.s.update(|i| {
            i.units.retain(|x| *x != u.unit);
            if copying {
                i.units.push(u.unit.clone());
            }
        });
        Ok(())
    }

    fn fence(&self) -> Result<(), SyncError> {
        self.s.fence.check()
    }

    fn shared(&self) -> bool {
        true
    }

    fn take_unit(&self, unit: &str) -> Result<bool, SyncError> {
        self.s.fence.check()?;
        block(super::lease::take(self.s, unit))
    }

    fn release_unit(&self, unit: &str) -> Result<(), SyncError> {
        block(super::lease::release(self.s, unit))
    }
}
