//! `zk workload`: bounded demo traffic for demos and tests — znode creates, reads, updates and
//! deletes under /shark/workload, extra client sessions each holding an ephemeral znode, and
//! (when storage nodes are configured) small demo files put and removed through `zk files`.
//! Stops after the duration and cleans up what it created unless asked to keep it.

use super::error::{Result, ZkError};
use super::files::Files;
use super::target::Target;
use super::znode;
use crate::cancel::Cancel;
use crate::ui::Progress;
use serde::Serialize;
use std::time::{Duration, Instant};
use zookeeper_client as zkc;

pub const ROOT: &str = "/shark/workload";

pub struct Options {
    pub duration: Duration,
    /// Operations per second (znode ops).
    pub rate: u32,
    pub sessions: u32,
    /// Demo files kept at most at any time (0: no files).
    pub max_files: u32,
    pub keep: bool,
}

/// The longest workload: bounded demo traffic, not a load test.
pub const MAX_DURATION: Duration = Duration::from_secs(3600);

#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub seconds: f64,
    pub creates: u64,
    pub reads: u64,
    pub updates: u64,
    pub deletes: u64,
    pub sessions: u32,
    pub files_put: u64,
    pub files_removed: u64,
    pub errors: u64,
    pub kept: bool,
    /// Ended early by Ctrl-C/SIGTERM (the cleanup still ran).
    pub stopped: bool,
}

/// Run the workload. `files` is None when no storage node is configured. `cancel` ends the
/// traffic early; the cleanup still runs.
pub async fn run(
    target: &Target,
    client: &zkc::Client,
    files: Option<&Files>,
    opts: &Options,
    cancel: &Cancel,
    progress: &dyn Progress,
) -> Result<Report> {
    let started = Instant::now();
    let mut r = Report {
        kept: opts.keep,
        ..Report::default()
    };
    let acls = target.acls();
    let persistent = zkc::CreateMode::Persistent.with_acls(acls);
    client
        .mkdir(&format!("{ROOT}/sessions"), &persistent)
        .await
        .map_err(|e| ZkError::op("create", ROOT, e))?;
    // extra sessions, each holding an ephemeral znode until the end
    let mut extra = vec![];
    for i in 0..opts.sessions {
        let c = target.client().await?;
        let eph = zkc::CreateMode::Ephemeral.with_acls(acls);
        let p = format!("{ROOT}/sessions/s-{}-{i}", std::process::id());
        match c.create(&p, b"demo session", &eph).await {
            Ok(_) => r.sessions += 1,
            Err(_) => r.errors += 1,
        }
        extra.push(c);
    }
    progress.start("workload", None);
    let period = Duration::from_secs_f64(1.0 / opts.rate.max(1) as f64);
    let mut live: std::collections::VecDeque<String> = Default::default();
    let mut demo_files: std::collections::VecDeque<String> = Default::default();
    let mut n: u64 = 0;
    let tmp = std::env::temp_dir().join(format!("shark-workload-{}", std::process::id()));
    while started.elapsed() < opts.duration && !cancel.is_cancelled() {
        n += 1;
        let op = n % 4;
        let res: std::result::Result<(), zkc::Error> = async {
            match op {
                1 | 2 => {
                    let seq = zkc::CreateMode::PersistentSequential.with_acls(acls);
                    let (_, s) = client
                        .create(
                            &format!("{ROOT}/item-"),
                            format!("payload {n}").as_bytes(),
                            &seq,
                        )
                        .await?;
                    live.push_back(format!("{ROOT}/item-{s}"));
                    r.creates += 1;
                }
                3 => {
                    if let Some(p) = live.back() {
                        client.get_data(p).await?;
                        client
                            .set_data(p, format!("updated {n}").as_bytes(), None)
                            .await?;
                        r.reads += 1;
                        r.updates += 1;
                    }
                }
                _ => {
                    while live.len() > 20 {
                        if let Some(p) = live.pop_front() {
                            client.delete(&p, None).await?;
                            r.deletes += 1;
                        }
                    }
                }
            }
            Ok(())
        }
        .await;
        if res.is_err() {
            r.errors += 1;
        }
        if let Some(f) = files
            && opts.max_files > 0
            && n.is_multiple_of(opts.rate.max(1) as u64 * 2)
        {
            let name = format!("workload-{}-{n}.bin", std::process::id());
            let size = 1024 + (n as usize * 7919) % (64 * 1024);
            let body: Vec<u8> = (0..size).map(|i| (i as u64 ^ n) as u8).collect();
            if std::fs::write(&tmp, &body).is_ok() && f.put(&tmp, &name, None, None).await.is_ok() {
                r.files_put += 1;
                demo_files.push_back(name);
            } else {
                r.errors += 1;
            }
            while demo_files.len() > opts.max_files as usize {
                if let Some(old) = demo_files.pop_front()
                    && f.rm(&old).await.is_ok()
                {
                    r.files_removed += 1;
                }
            }
        }
        progress.advance("workload", 1);
        tokio::select! {
            _ = tokio::time::sleep(period) => {}
            _ = cancel.cancelled() => {}
        }
    }
    r.stopped = cancel.is_cancelled();
    let _ = std::fs::remove_file(&tmp);
    if !opts.keep {
        for p in live.drain(..) {
            if client.delete(&p, None).await.is_ok() {
                r.deletes += 1;
            }
        }
        if let Some(f) = files {
            for name in demo_files.drain(..) {
                if f.rm(&name).await.is_ok() {
                    r.files_removed += 1;
                }
            }
        }
    }
    drop(extra); // closes the extra sessions; their ephemeral znodes go with them
    if !opts.keep && !remove_root(client).await {
        r.errors += 1;
    }
    progress.finish("workload", "done");
    r.seconds = started.elapsed().as_secs_f64();
    Ok(r)
}

/// Remove [`ROOT`] and everything under it; false when it is still there after a few tries (a
/// closing session's ephemeral znode can make a pass fail, e.g. `sessions` not empty yet).
async fn remove_root(client: &zkc::Client) -> bool {
    for _ in 0..10 {
        if znode::rm(client, ROOT, None, true).await.is_ok() {
            return true;
        }
        if matches!(client.check_stat(ROOT).await, Ok(None)) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    false
}
