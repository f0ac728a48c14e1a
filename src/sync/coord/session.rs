//! One worker's ZooKeeper session: its ephemeral worker znode (who it is, its role, its lag,
//! the units it copies), a keeper task that rewrites that znode every few hundred ms (which
//! confirms the session) and watches the task's stop znode, and the fence state the runner
//! reads before every write to the target, from memory.
//!
//! Fencing: a worker's ephemeral znodes (its election node among them) outlive it by the
//! session timeout, so no other worker can lead before that. The keeper records when it sent
//! the last round the ensemble confirmed; the fence refuses once that is older than half the
//! session timeout, so a worker that was paused or cut off stops writing before its session can
//! expire and another worker take over. The checkpoint's version catches the rest: a new
//! leader rewrites it on takeover, so a stale leader's next checkpoint write fails.

use super::{Paths, zk_err};
use crate::conn::Connection;
use crate::sync::error::SyncError;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use zookeeper_client as zkc;

/// A token drawn once per process: with host and pid it names this worker (`host:pid:token`)
/// even where two hosts share a name and two workers a pid (containers on the host network).
fn process_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    static TOKEN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TOKEN
        .get_or_init(|| {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u32(std::process::id());
            format!("{:06x}", h.finish() & 0xff_ffff)
        })
        .clone()
}

/// What a worker publishes in its znode, shown by `sync status`.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct WorkerInfo {
    /// `host:pid:token` (the token tells apart workers whose host and pid are alike)
    pub id: String,
    pub host: String,
    pub pid: u32,
    /// leader | follower
    pub role: String,
    /// Seconds the target is behind the source, when leading the change stream.
    #[serde(default)]
    pub lag_s: Option<i64>,
    /// Units this worker is copying now.
    #[serde(default)]
    pub units: Vec<String>,
    /// When this worker joined (RFC 3339).
    pub since: String,
    /// The state file holding this worker's run history and logs.
    #[serde(default)]
    pub state: String,
}

/// Why the fence refuses, and since when things were fine.
pub struct Fence {
    base: Instant,
    timeout: Duration,
    /// ms since `base` at which the last confirmed keeper round was sent.
    confirmed_ms: AtomicU64,
    /// The session is gone (expired, closed, our worker znode deleted).
    lost: AtomicBool,
    /// Another worker wrote the checkpoint after us.
    stale: AtomicBool,
    /// The checkpoint version this worker last wrote or claimed (None: not leading).
    pub(super) version: Mutex<Option<i32>>,
    /// `sync stop` from any host: the task's stop znode exists.
    stop: Arc<AtomicBool>,
}

impl Fence {
    fn elapsed_ms(&self) -> u64 {
        self.base.elapsed().as_millis() as u64
    }

    /// Ok while this worker may write: its session is confirmed within half the session
    /// timeout and nobody wrote the checkpoint after it.
    pub fn check(&self) -> Result<(), SyncError> {
        if self.lost.load(Ordering::Relaxed) {
            return Err(SyncError::Fenced(
                "its ZooKeeper session ended (expired or closed)".into(),
            ));
        }
        if self.stale.load(Ordering::Relaxed) {
            return Err(SyncError::Fenced(
                "another worker wrote the checkpoint (it leads the task now)".into(),
            ));
        }
        let age = self
            .elapsed_ms()
            .saturating_sub(self.confirmed_ms.load(Ordering::Relaxed));
        if age > self.timeout.as_millis() as u64 / 2 {
            return Err(SyncError::Fenced(format!(
                "ZooKeeper has not confirmed its session for {:.1} s (session timeout {} s)",
                age as f64 / 1000.0,
                self.timeout.as_secs_f64()
            )));
        }
        Ok(())
    }

    /// Ok while the session lives (a follower waiting to lead needs no more).
    pub fn check_session(&self) -> Result<(), SyncError> {
        if self.lost.load(Ordering::Relaxed) {
            return Err(SyncError::Fenced(
                "its ZooKeeper session ended (expired or closed)".into(),
            ));
        }
        Ok(())
    }

    /// The checkpoint was written by someone else.
    pub fn set_stale(&self) {
        self.stale.store(true, Ordering::Relaxed);
    }

    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// A worker's session; the keeper stops when it is dropped.
pub struct Session {
    pub client: zkc::Client,
    pub paths: Paths,
    pub timeout: Duration,
    pub id: String,
    pub fence: Arc<Fence>,
    pub info: Arc<Mutex<WorkerInfo>>,
    /// The ACL of the znodes this worker creates (creator-only with digest credentials).
    pub acls: zkc::Acls<'static>,
    keeper: tokio::task::JoinHandle<()>,
}

impl Drop for Session {
    fn drop(&mut self) {
        self.keeper.abort();
    }
}

impl Session {
    /// Open a session to `conn`, register this worker under the task's root (which must exist:
    /// the task was created with this coordinator) and start the keeper. `stop` is set when
    /// `sync stop` asks the task to stop.
    pub async fn open(
        conn: &Connection,
        task: &str,
        timeout: Duration,
        state: &str,
        stop: Arc<AtomicBool>,
    ) -> Result<Session, SyncError> {
        let connect = (timeout / 4).clamp(Duration::from_secs(1), MAX_CONNECT);
        let client = crate::conn::clients::zookeeper(conn, timeout, connect).await?;
        // what the ensemble granted (it narrows the timeout asked for to its own bounds)
        let timeout = client.session_timeout();
        let paths = Paths::new(task);
        let deadline = timeout;
        let root = super::within(deadline, client.check_stat(&paths.root)).await;
        match root.map_err(|e| zk_err(&paths.root, e))? {
            Some(_) => {}
            None => {
                return Err(SyncError::Usage(format!(
                    "{task}: coordinator {} holds no task {task} (no {}); create it with `shark sync create {task} ... --coordinator {}`",
                    conn.name, paths.root, conn.name
                )));
            }
        }
        let host = crate::state::Holder::current().host;
        let pid = std::process::id();
        let id = format!("{host}:{pid}:{}", process_token());
        let info = WorkerInfo {
            id: id.clone(),
            host,
            pid,
            role: "follower".into(),
            lag_s: None,
            units: vec![],
            since: crate::state::now_rfc3339(),
            state: state.into(),
        };
        // a stop request nobody is left to honour (an earlier `sync stop` that timed out)
        let workers = super::within(deadline, client.list_children(&paths.workers())).await;
        if workers.map_err(|e| zk_err(&paths.workers(), e))?.is_empty() {
            super::clear_stop(&client, &paths).await?;
        }
        let worker = paths.worker(&id);
        let data = serde_json::to_vec(&info).unwrap_or_default();
        let opts = zkc::CreateMode::Ephemeral.with_acls(super::acls(conn));
        // a znode left by this pid's earlier session (same host, pid reused) goes first
        let _ = super::within(deadline, client.delete(&worker, None)).await;
        super::within(deadline, client.create(&worker, &data, &opts))
            .await
            .map_err(|e| zk_err(&worker, e))?;
        let base = Instant::now();
        let fence = Arc::new(Fence {
            base,
            timeout,
            confirmed_ms: AtomicU64::new(0),
            lost: AtomicBool::new(false),
            stale: AtomicBool::new(false),
            version: Mutex::new(None),
            stop,
        });
        let info = Arc::new(Mutex::new(info));
        let keeper = tokio::spawn(keep(
            client.clone(),
            paths.clone(),
            worker,
            fence.clone(),
            info.clone(),
        ));
        Ok(Session {
            client,
            paths,
            timeout,
            id,
            fence,
            info,
            acls: super::acls(conn),
            keeper,
        })
    }

    /// Change what this worker publishes (role, lag, units).
    pub fn update(&self, f: impl FnOnce(&mut WorkerInfo)) {
        if let Ok(mut i) = self.info.lock() {
            f(&mut i);
        }
    }

    /// End the session now, so its ephemeral znodes (leadership included) go at once instead
    /// of at the session timeout.
    /// (The client closes the session once its last handle is dropped.)
    pub async fn close(self) {
        self.keeper.abort();
        drop(self);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Longest wait for one member to answer when a session is opened (a quarter of the session
/// timeout, at least 1 s): a worker waiting out an outage tries again soon after it ends.
const MAX_CONNECT: Duration = Duration::from_secs(3);

/// Every `timeout / 8`: rewrite the worker znode (confirms the session, publishes the role and
/// lag), look for the stop znode, and compare the checkpoint's version with ours.
async fn keep(
    client: zkc::Client,
    paths: Paths,
    worker: String,
    fence: Arc<Fence>,
    info: Arc<Mutex<WorkerInfo>>,
) {
    let every = (fence.timeout / 8).max(Duration::from_millis(100));
    loop {
        let sent = fence.elapsed_ms();
        let data = info
            .lock()
            .map(|i| serde_json::to_vec(&*i).unwrap_or_default())
            .unwrap_or_default();
        let round = async {
            client.set_data(&worker, &data, None).await?;
            let stop = client.check_stat(&paths.stop()).await?;
            let cp = client.check_stat(&paths.checkpoint()).await?;
            Ok::<_, zkc::Error>((stop.is_some(), cp.map(|s| s.version)))
        };
        match tokio::time::timeout(fence.timeout / 2, round).await {
            Ok(Ok((stop, version))) => {
                fence.stop.store(stop, Ordering::Relaxed);
                // a write of ours in flight holds the lock: its own result tells; versions only
                // grow, so a newer one than ours is another worker's (an older one is a read
                // that crossed our write)
                if let Ok(ours) = fence.version.try_lock()
                    && let (Some(ours), Some(now)) = (*ours, version)
                    && now > ours
                {
                    fence.set_stale();
                }
                fence.confirmed_ms.store(sent, Ordering::Relaxed);
            }
            Ok(Err(zkc::Error::NoNode | zkc::Error::SessionExpired | zkc::Error::ClientClosed)) => {
                fence.lost.store(true, Ordering::Relaxed);
                return;
            }
            // disconnected, timed out: the fence ages until a round gets through
            Ok(Err(e)) => tracing::debug!("coordinator round failed: {e}"),
            Err(_) => tracing::debug!("coordinator round timed out"),
        }
        tokio::time::sleep(every).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fence(confirmed_ago: Duration) -> Fence {
        let base = Instant::now().checked_sub(Duration::from_secs(60)).unwrap();
        Fence {
            base,
            timeout: Duration::from_secs(4),
            confirmed_ms: AtomicU64::new(
                (Duration::from_secs(60) - confirmed_ago).as_millis() as u64
            ),
            lost: AtomicBool::new(false),
            stale: AtomicBool::new(false),
            version: Mutex::new(Some(3)),
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    #[test]
    fn the_fence_holds_only_while_the_session_is_confirmed_and_ours() {
        assert!(fence(Duration::from_millis(500)).check().is_ok());
        // unconfirmed for more than half the session timeout: another worker may take over
        // once the session expires, so this one stops before
        let e = fence(Duration::from_millis(2500)).check().unwrap_err();
        assert!(
            e.to_string().contains("has not confirmed its session"),
            "{e}"
        );
        let f = fence(Duration::ZERO);
        f.set_stale();
        assert!(
            f.check()
                .unwrap_err()
                .to_string()
                .contains("another worker")
        );
        let f = fence(Duration::ZERO);
        f.lost.store(true, Ordering::Relaxed);
        assert!(f.check().is_err() && f.check_session().is_err());
        assert!(fence(Duration::from_secs(30)).check_session().is_ok());
    }
}
