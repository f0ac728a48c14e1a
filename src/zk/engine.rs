//! The zk engine's entry points: one method per verb of `shark zk`, taking plain options and
//! returning data for the command layer to render. Checks, orchestration (leases, metrics for
//! the load score, resuming migrations), time limits and cancellation live here.

use super::ensemble::{self, Snapshot, Verdict};
use super::error::{Result, ZkError};
use super::files::{FileMeta, Files, load, rebalance, verify};
use super::nodes::{self, Action, Outcome};
use super::settings::{ZkConfig, ZkNodeDecl};
use super::store::{AuditOutcome, AuditRow, MigrationRow, ZkStore};
use super::target::{self, Target};
use super::{workload, znode};
use crate::cancel::Cancel;
use crate::conn::Registry;
use crate::state::{Lease, Store};
use crate::ui::Progress;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// The zk engine bound to the state file, the `[zk]` config section and (for the history)
/// the run this command records.
pub struct Zk<'a> {
    store: ZkStore<'a>,
    cfg: ZkConfig,
    run_id: Option<i64>,
}

/// `status --watch`: how often and how many times.
#[derive(Debug, Clone, Copy)]
pub struct Watch {
    pub interval: Duration,
    /// Stop after this many snapshots (None: until cancelled).
    pub count: Option<u64>,
}

/// `files ls`: every file, every node's load and the spread of load scores.
#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    pub files: Vec<FileMeta>,
    pub nodes: Vec<load::NodeLoad>,
    pub spread: f64,
}

/// `files rebalance` options.
#[derive(Debug, Clone, Default)]
pub struct RebalanceOptions {
    /// Allowed spread (default `[zk] threshold`).
    pub threshold: Option<f64>,
    /// Move every file off this node and mark it drained.
    pub drain: Option<String>,
    pub dry_run: bool,
}

impl<'a> Zk<'a> {
    /// Check the `[zk]` section and bring the zk tables of `store` up to date.
    pub fn new(store: &'a Store, cfg: ZkConfig, run_id: Option<i64>) -> Result<Zk<'a>> {
        cfg.validate()?;
        Ok(Zk {
            store: ZkStore::new(store)?,
            cfg,
            run_id,
        })
    }

    /// The ensemble to talk to: `explicit` (--conn), else `[zk] conn`, else the only
    /// zookeeper connection.
    pub fn target(&self, reg: &Registry<'_>, explicit: Option<&str>) -> Result<Target> {
        let name = target::pick_connection(&reg.list()?, explicit, self.cfg.conn.as_deref())?;
        Target::from_connection(&reg.get(&name)?)
    }

    /// The nodes declared under `[zk.nodes.NAME]`.
    pub fn nodes(&self) -> &BTreeMap<String, ZkNodeDecl> {
        &self.cfg.nodes
    }

    // ---- status -------------------------------------------------------------------------

    /// One snapshot of the ensemble.
    pub async fn status(&self, t: &Target) -> Snapshot {
        ensemble::snapshot(t).await
    }

    /// Snapshots every `w.interval`, each handed to `each` with its sequence number, until
    /// `w.count` or `cancel`. Returns the last one, or `ZkError::Interrupted` when cancelled.
    pub async fn watch(
        &self,
        t: &Target,
        w: Watch,
        cancel: &Cancel,
        each: &mut dyn FnMut(&Snapshot, u64),
    ) -> Result<Snapshot> {
        let mut n = 0u64;
        loop {
            let s = ensemble::snapshot(t).await;
            each(&s, n);
            n += 1;
            if w.count.is_some_and(|c| n >= c) {
                return Ok(s);
            }
            tokio::select! {
                _ = tokio::time::sleep(w.interval) => {}
                _ = cancel.cancelled() => {
                    return Err(ZkError::Interrupted(format!(
                        "watch of {} stopped after {n} snapshot(s)",
                        t.conn
                    )));
                }
            }
        }
    }

    /// The exit status of a snapshot: no member answering is a connection failure (exit 3);
    /// a verdict at least as bad as `fail_on` is `Unhealthy` (exit 1).
    pub fn judge(&self, t: &Target, s: &Snapshot, fail_on: Option<Verdict>) -> Result<()> {
        if s.members.iter().all(|m| m.mode == "down") {
            return Err(ZkError::Connect {
                endpoint: t.connect_string(),
                reason: "no member answered".into(),
            });
        }
        match fail_on {
            Some(limit) if s.verdict >= limit => Err(ZkError::Unhealthy(format!(
                "ensemble {} is {}: {}",
                t.conn,
                s.verdict.as_str(),
                s.problems.join("; ")
            ))),
            _ => Ok(()),
        }
    }

    // ---- znodes -------------------------------------------------------------------------

    pub async fn ls(&self, t: &Target, path: &str) -> Result<Vec<znode::Entry>> {
        znode::ls(&t.client().await?, path).await
    }

    pub async fn tree(
        &self,
        t: &Target,
        path: &str,
        depth: Option<usize>,
    ) -> Result<Vec<znode::Entry>> {
        znode::tree(&t.client().await?, path, depth).await
    }

    pub async fn get(&self, t: &Target, path: &str) -> Result<znode::Data> {
        znode::get(&t.client().await?, path).await
    }

    pub async fn set(
        &self,
        t: &Target,
        path: &str,
        data: &[u8],
        version: Option<i32>,
    ) -> Result<znode::StatView> {
        znode::set(&t.client().await?, path, data, version).await
    }

    /// Create a znode with the connection's ACL ([`Target::acls`]).
    pub async fn create(
        &self,
        t: &Target,
        path: &str,
        data: &[u8],
        flags: znode::CreateFlags,
    ) -> Result<(String, znode::StatView)> {
        znode::create(&t.client().await?, path, data, flags, t.acls()).await
    }

    pub async fn rm(
        &self,
        t: &Target,
        path: &str,
        version: Option<i32>,
        recursive: bool,
    ) -> Result<Vec<String>> {
        znode::rm(&t.client().await?, path, version, recursive).await
    }

    // ---- nodes and audit ----------------------------------------------------------------

    /// Run `action` on node `name` (its configured command), wait up to `timeout` (default
    /// `[zk] settle_timeout`) for the ensemble to settle, and audit it. Returns the outcome
    /// whatever it was; [`Outcome::check`] turns it into the command's exit status.
    pub async fn node(
        &self,
        t: &Target,
        name: &str,
        action: Action,
        timeout: Option<Duration>,
        cancel: &Cancel,
        progress: &dyn Progress,
    ) -> Result<Outcome> {
        let node = self.cfg.nodes.get(name).ok_or_else(|| {
            ZkError::Usage(format!(
                "no node '{name}' in the config file: declare it under [zk.nodes.{name}] (see `shark zk --help`)"
            ))
        })?;
        let req = nodes::Request {
            name,
            node,
            action,
            settle: timeout.unwrap_or(self.cfg.settle_timeout),
            run_id: self.run_id,
        };
        nodes::control(&self.store, t, &req, cancel, progress).await
    }

    pub fn audit_list(&self, node: Option<&str>, limit: i64) -> Result<Vec<AuditRow>> {
        self.store.audit_list(node, limit)
    }

    pub fn audit_get(&self, id: i64) -> Result<AuditRow> {
        self.store.audit_get(id)?.ok_or_else(|| {
            ZkError::Usage(format!("no audit entry #{id}; `shark zk audit` lists them"))
        })
    }

    // ---- files --------------------------------------------------------------------------

    /// Migrations under the files root, newest first.
    pub fn files_history(&self, name: Option<&str>, limit: i64) -> Result<Vec<MigrationRow>> {
        self.store
            .migrations_history(&self.cfg.files_root, name, limit)
    }

    /// The ensemble's metrics for the load score, when its weights use them; taken before
    /// our own session adds a connection to a member.
    async fn metrics(&self, t: &Target) -> Option<Snapshot> {
        let w = &self.cfg.load;
        if w.connections > 0.0 || w.latency_ms > 0.0 {
            Some(ensemble::snapshot(t).await)
        } else {
            None
        }
    }

    async fn files(&self, t: &Target) -> Result<Files> {
        Files::open(t.client().await?, &self.cfg, t.acls()).await
    }

    /// Store `src` as `name` (default: its file name) on `node` or the least-loaded node.
    pub async fn files_put(
        &self,
        t: &Target,
        src: &Path,
        name: Option<&str>,
        node: Option<&str>,
    ) -> Result<FileMeta> {
        let name = match name {
            Some(n) => n.to_string(),
            None => src
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .ok_or_else(|| {
                    ZkError::Usage(format!("{} has no file name: pass --name", src.display()))
                })?,
        };
        let snap = match node {
            None => self.metrics(t).await,
            Some(_) => None,
        };
        let files = self.files(t).await?;
        files.put(src, &name, node, snap.as_ref()).await
    }

    pub async fn files_ls(&self, t: &Target) -> Result<Listing> {
        let snap = self.metrics(t).await;
        let files = self.files(t).await?;
        let list = files.list().await?;
        let drained = files.drained().await?;
        let nodes = files.loads(&list, snap.as_ref(), &drained);
        Ok(Listing {
            spread: load::spread(&nodes),
            files: list,
            nodes,
        })
    }

    /// Write a stored file to `out` after verifying its checksum.
    pub async fn files_get(
        &self,
        t: &Target,
        name: &str,
        out: &mut dyn std::io::Write,
    ) -> Result<FileMeta> {
        self.files(t).await?.get(name, out).await
    }

    /// Write a stored file to the file `dest`, created only once its checksum is verified.
    pub async fn files_get_to(&self, t: &Target, name: &str, dest: &Path) -> Result<FileMeta> {
        let mut buf = vec![];
        let meta = self.files_get(t, name, &mut buf).await?;
        std::fs::write(dest, &buf)
            .map_err(|e| ZkError::io(format!("writing {}", dest.display()), e))?;
        Ok(meta)
    }

    pub async fn files_rm(&self, t: &Target, name: &str) -> Result<FileMeta> {
        self.files(t).await?.rm(name).await
    }

    /// Check every stored file; [`verify::Report::check`] turns problems into exit 1.
    pub async fn files_verify(&self, t: &Target) -> Result<verify::Report> {
        verify::run(&self.files(t).await?).await
    }

    /// Let a drained node take files again.
    pub async fn files_undrain(&self, t: &Target, node: &str) -> Result<()> {
        let files = self.files(t).await?;
        files.node(node)?;
        files.set_drained(node, false).await
    }

    /// Rebalance (or drain) under the task's lease. Stops after the move in flight on
    /// `cancel` (Ctrl-C/SIGTERM) or `shark state stop zk-files:CONN:ROOT`;
    /// [`rebalance::Report::check`] then turns it into exit 130.
    pub async fn files_rebalance(
        &self,
        t: &Target,
        opts: &RebalanceOptions,
        cancel: &Cancel,
        progress: &dyn Progress,
    ) -> Result<rebalance::Report> {
        let snap = self.metrics(t).await;
        let files = self.files(t).await?;
        let lease = if opts.dry_run {
            None
        } else {
            Some(Lease::acquire(
                self.store.store(),
                &format!("zk-files:{}:{}", t.conn, self.cfg.files_root),
                self.run_id,
                "zk files rebalance (wait for it, or stop it with Ctrl-C)",
            )?)
        };
        let should_stop =
            || cancel.is_cancelled() || lease.as_ref().is_some_and(|l| l.stop_requested());
        let ropts = rebalance::Options {
            threshold: opts.threshold.unwrap_or(self.cfg.threshold),
            drain: opts.drain.as_deref(),
            dry_run: opts.dry_run,
            run_id: self.run_id,
            should_stop: &should_stop,
        };
        rebalance::run(&files, &self.store, snap.as_ref(), &ropts, progress).await
    }

    // ---- workload -----------------------------------------------------------------------

    /// Bounded demo traffic (at most [`workload::MAX_DURATION`]); files only when storage
    /// nodes are configured. `cancel` ends it early, after its cleanup; [`workload::Report::check`]
    /// then turns it into exit 130.
    pub async fn workload(
        &self,
        t: &Target,
        opts: &workload::Options,
        cancel: &Cancel,
        progress: &dyn Progress,
    ) -> Result<workload::Report> {
        if opts.duration > workload::MAX_DURATION {
            return Err(ZkError::Usage(
                "--duration is at most 1h: the workload is bounded demo traffic".into(),
            ));
        }
        let client = t.client().await?;
        let files = if opts.max_files > 0 && self.cfg.nodes.values().any(|n| n.storage.is_some()) {
            Some(self.files(t).await?)
        } else {
            None
        };
        workload::run(t, &client, files.as_ref(), opts, cancel, progress).await
    }
}

impl Outcome {
    /// Exit status of a node action: settled → ok; interrupted → 130; otherwise exit 4 with
    /// the reason and where the audit entry is.
    pub fn check(&self) -> Result<()> {
        let what = || {
            format!(
                "{} {}: {}; see `shark zk audit --id {}`",
                self.action,
                self.node,
                self.message.as_deref().unwrap_or(self.outcome.as_str()),
                self.audit_id
            )
        };
        match self.outcome {
            AuditOutcome::Settled => Ok(()),
            AuditOutcome::Interrupted => Err(ZkError::Interrupted(what())),
            AuditOutcome::Running | AuditOutcome::Unsettled | AuditOutcome::Failed => {
                Err(ZkError::Runtime(what()))
            }
        }
    }
}

impl rebalance::Report {
    /// Exit status: stopped early → 130 (nothing half done: the move in flight completed).
    pub fn check(&self) -> Result<()> {
        if self.stopped {
            return Err(ZkError::Interrupted(format!(
                "rebalance stopped after {} move(s), each complete; run it again to continue",
                self.moves.len()
            )));
        }
        Ok(())
    }
}

impl verify::Report {
    /// Exit status: any missing, damaged or unreadable file → exit 1.
    pub fn check(&self) -> Result<()> {
        if self.problems > 0 {
            return Err(ZkError::Unhealthy(format!(
                "{} stored file(s) missing, damaged or unreadable",
                self.problems
            )));
        }
        Ok(())
    }
}

impl workload::Report {
    /// Exit status: ended early by Ctrl-C/SIGTERM → 130 (after the cleanup).
    pub fn check(&self) -> Result<()> {
        if self.stopped {
            return Err(ZkError::Interrupted(format!(
                "workload stopped after {:.1}s{}",
                self.seconds,
                if self.kept {
                    ""
                } else {
                    "; what it created was removed"
                }
            )));
        }
        Ok(())
    }
}
