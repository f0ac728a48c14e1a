//! A task shared by workers on several hosts through ZooKeeper (`sync create --coordinator
//! ZKCONN`). Everything lives under one root, `/shark/sync/<task>`:
//!
//! ```text
//! /shark/sync/<task>            the task's definition (JSON)
//!   checkpoint                  the binlog checkpoint (position with GTID, progress); its
//!                               version fences writers: a new leader rewrites it on takeover
//!   checkpoints/<unit>          the other checkpoints (key-less counts, snapshot positions)
//!   units/<unit>                each unit's full-copy progress
//!   workers/<host:pid:token>    ephemeral: one per running worker (role, lag, units)
//!   election/n_<seq>            ephemeral sequential: the lowest leads
//!   leases/<unit>               ephemeral: the worker copying that unit
//!   stop                        present while `sync stop` asks every worker to stop
//! ```
//!
//! Each host's state file keeps the task's definition, its run history and logs. Writes of
//! progress are conditional on the checkpoint's version (see [`zk_store`]); the fence
//! ([`session::Fence`]) is checked from memory before every write to the target.

pub mod election;
pub mod lease;
pub mod session;
pub mod zk_store;

use crate::conn::Connection;
use crate::state::Checkpoint;
use crate::sync::error::SyncError;
use crate::sync::store::UnitRow;
use crate::sync::task::TaskSpec;
use session::WorkerInfo;
use std::future::Future;
use std::time::Duration;
use zookeeper_client as zkc;

pub use session::Session;
pub use zk_store::ZkBook;

/// The session timeout of a task's workers unless `sync create --session-timeout` says
/// otherwise: a dead leader is replaced about this long (plus a few seconds) after it died.
pub const DEFAULT_SESSION_TIMEOUT: Duration = Duration::from_secs(10);

/// Bounds of `--session-timeout` (the ensemble narrows it further to its own bounds, 2 to 20
/// ticks: 4 to 40 s with the default tickTime).
pub const MIN_SESSION_TIMEOUT: Duration = Duration::from_secs(2);
pub const MAX_SESSION_TIMEOUT: Duration = Duration::from_secs(60);

/// How long a one-off command (`status`, `stop`, ...) keeps its session.
const COMMAND_SESSION: Duration = Duration::from_secs(10);

/// The znodes of one task.
#[derive(Debug, Clone)]
pub struct Paths {
    pub root: String,
}

/// A unit name as one znode name (`/` and `%` escaped).
fn encode(unit: &str) -> String {
    unit.replace('%', "%25").replace('/', "%2F")
}

fn decode(name: &str) -> String {
    name.replace("%2F", "/").replace("%25", "%")
}

impl Paths {
    pub fn new(task: &str) -> Paths {
        Paths {
            root: format!("/shark/sync/{task}"),
        }
    }
    pub fn checkpoint(&self) -> String {
        format!("{}/checkpoint", self.root)
    }
    pub fn checkpoints(&self) -> String {
        format!("{}/checkpoints", self.root)
    }
    pub fn other_checkpoint(&self, unit: &str) -> String {
        format!("{}/checkpoints/{}", self.root, encode(unit))
    }
    pub fn units(&self) -> String {
        format!("{}/units", self.root)
    }
    pub fn unit(&self, unit: &str) -> String {
        format!("{}/units/{}", self.root, encode(unit))
    }
    pub fn workers(&self) -> String {
        format!("{}/workers", self.root)
    }
    pub fn worker(&self, id: &str) -> String {
        format!("{}/workers/{}", self.root, encode(id))
    }
    pub fn election(&self) -> String {
        format!("{}/election", self.root)
    }
    pub fn leases(&self) -> String {
        format!("{}/leases", self.root)
    }
    pub fn lease(&self, unit: &str) -> String {
        format!("{}/leases/{}", self.root, encode(unit))
    }
    pub fn stop(&self) -> String {
        format!("{}/stop", self.root)
    }
}

/// A ZooKeeper request bounded by `d` (a timeout is a [`zkc::Error::Timeout`]).
pub(crate) async fn within<T>(
    d: Duration,
    fut: impl Future<Output = Result<T, zkc::Error>>,
) -> Result<T, zkc::Error> {
    tokio::time::timeout(d, fut)
        .await
        .unwrap_or(Err(zkc::Error::Timeout))
}

/// A failed ZooKeeper request on `path`: exit 3 when the ensemble cannot be reached, else 4.
pub(crate) fn zk_err(path: &str, e: zkc::Error) -> SyncError {
    use zkc::Error as E;
    let unreachable = matches!(
        e,
        E::ConnectionLoss
            | E::Timeout
            | E::Custom(_)
            | E::SessionExpired
            | E::ClientClosed
            | E::NoHosts
            | E::SessionMoved
    );
    SyncError::Coordinator {
        detail: format!("{path}: {e}"),
        unreachable,
    }
}

/// The ACL of the znodes a task creates: creator-only with digest credentials.
pub(crate) fn acls(conn: &Connection) -> zkc::Acls<'static> {
    if conn.user.is_some() && conn.secret.is_some() {
        zkc::Acls::creator_all()
    } else {
        zkc::Acls::anyone_all()
    }
}

/// A short session for one command.
async fn command_client(conn: &Connection) -> Result<zkc::Client, SyncError> {
    Ok(crate::conn::clients::zookeeper(conn, COMMAND_SESSION, Duration::from_secs(3)).await?)
}

/// `sync create --coordinator`: the task's root with its definition and empty progress.
/// Refuses when the coordinator holds a task of that name already.
pub async fn publish(conn: &Connection, task: &str, spec: &TaskSpec) -> Result<(), SyncError> {
    let client = command_client(conn).await?;
    let paths = Paths::new(task);
    let acls = acls(conn);
    let persistent = zkc::CreateMode::Persistent.with_acls(acls);
    for p in ["/shark", "/shark/sync"] {
        match within(COMMAND_SESSION, client.create(p, b"", &persistent)).await {
            Ok(_) | Err(zkc::Error::NodeExists) => {}
            Err(e) => return Err(zk_err(p, e)),
        }
    }
    let data = serde_json::to_vec(spec)
        .map_err(|e| SyncError::Usage(format!("{task}: cannot encode its definition: {e}")))?;
    let mut w = client.new_multi_writer();
    let add = |w: &mut zkc::MultiWriter<'_>, p: &str, d: &[u8]| {
        w.add_create(p, d, &persistent).map_err(|e| zk_err(p, e))
    };
    add(&mut w, &paths.root, &data)?;
    for p in [
        paths.checkpoint(),
        paths.checkpoints(),
        paths.units(),
        paths.workers(),
        paths.election(),
        paths.leases(),
    ] {
        add(&mut w, &p, b"")?;
    }
    match within(COMMAND_SESSION, async {
        w.commit().await.map_err(zkc::Error::from)
    })
    .await
    {
        Ok(_) => Ok(()),
        Err(zkc::Error::NodeExists) => Err(SyncError::Usage(format!(
            "coordinator {} holds a task {task} already; to run it on this host too: `shark sync run {task} --coordinator {}`",
            conn.name, conn.name
        ))),
        Err(e) => Err(zk_err(&paths.root, e)),
    }
}

/// The definition of `task` as the coordinator holds it (a host joining the task).
pub async fn fetch(conn: &Connection, task: &str) -> Result<TaskSpec, SyncError> {
    let client = command_client(conn).await?;
    let paths = Paths::new(task);
    let (data, _) = match within(COMMAND_SESSION, client.get_data(&paths.root)).await {
        Ok(d) => d,
        Err(zkc::Error::NoNode) => {
            return Err(SyncError::Usage(format!(
                "coordinator {} holds no task {task}; `shark sync create {task} ... --coordinator {}` defines it",
                conn.name, conn.name
            )));
        }
        Err(e) => return Err(zk_err(&paths.root, e)),
    };
    serde_json::from_slice(&data).map_err(|e| SyncError::Unreadable {
        task: task.into(),
        what: format!("definition in ZooKeeper ({})", paths.root),
        detail: e.to_string(),
        hint: "it was written by another shark version; create the task again under another name"
            .into(),
    })
}

/// What the coordinator says about a task, for `sync status`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct View {
    /// The zookeeper connection.
    pub coordinator: String,
    /// The leading worker's id (`host:pid:token`), when one leads.
    pub leader: Option<String>,
    pub workers: Vec<WorkerInfo>,
    /// Units being copied and the worker holding each.
    pub leases: Vec<lease::Holder>,
    /// `sync stop` asked the workers to stop and some still run.
    pub stopping: bool,
    #[serde(skip)]
    pub checkpoint: Option<Checkpoint>,
    #[serde(skip)]
    pub units: Vec<UnitRow>,
}

/// Read the task's workers, leader, checkpoint and units.
pub async fn view(conn: &Connection, task: &str) -> Result<View, SyncError> {
    let client = command_client(conn).await?;
    let paths = Paths::new(task);
    let t = COMMAND_SESSION;
    let root = within(t, client.check_stat(&paths.root))
        .await
        .map_err(|e| zk_err(&paths.root, e))?;
    if root.is_none() {
        return Err(SyncError::Usage(format!(
            "coordinator {} holds no task {task} any more (`sync rm` on another host?); `shark sync rm {task}` removes it here too",
            conn.name
        )));
    }
    let mut workers = vec![];
    let names = within(t, client.list_children(&paths.workers()))
        .await
        .map_err(|e| zk_err(&paths.workers(), e))?;
    for n in names {
        let p = format!("{}/{n}", paths.workers());
        match within(t, client.get_data(&p)).await {
            Ok((d, _)) => {
                if let Ok(w) = serde_json::from_slice::<WorkerInfo>(&d) {
                    workers.push(w);
                }
            }
            Err(zkc::Error::NoNode) => {}
            Err(e) => return Err(zk_err(&p, e)),
        }
    }
    workers.sort_by(|a, b| a.id.cmp(&b.id));
    let leader = election::leader(&client, &paths).await?;
    let stopping = within(t, client.check_stat(&paths.stop()))
        .await
        .map_err(|e| zk_err(&paths.stop(), e))?
        .is_some()
        && !workers.is_empty();
    let checkpoint = zk_store::read_checkpoint(&client, &paths, task, zk_store::BINLOG).await?;
    let units = zk_store::read_units(&client, &paths, task).await?;
    let leases = lease::holders(&client, &paths).await?;
    Ok(View {
        coordinator: conn.name.clone(),
        leader,
        workers,
        leases,
        stopping,
        checkpoint,
        units,
    })
}

/// How long `sync stop` waits for every worker to leave.
const STOP_WAIT: Duration = Duration::from_secs(60);

/// `sync stop` of a shared task: the stop znode, until every worker has left (they stop at
/// their next checkpoint and exit 0). Returns the workers that were running.
pub async fn stop(conn: &Connection, task: &str) -> Result<Vec<String>, SyncError> {
    let client = command_client(conn).await?;
    let paths = Paths::new(task);
    let t = COMMAND_SESSION;
    let list = || async {
        within(t, client.list_children(&paths.workers()))
            .await
            .map_err(|e| zk_err(&paths.workers(), e))
    };
    let running: Vec<String> = list().await?.iter().map(|w| decode(w)).collect();
    if running.is_empty() {
        return Ok(running);
    }
    let opts = zkc::CreateMode::Persistent.with_acls(acls(conn));
    match within(t, client.create(&paths.stop(), b"", &opts)).await {
        Ok(_) | Err(zkc::Error::NodeExists) => {}
        Err(e) => return Err(zk_err(&paths.stop(), e)),
    }
    let deadline = tokio::time::Instant::now() + STOP_WAIT;
    let left = loop {
        let now = list().await?;
        if now.is_empty() || tokio::time::Instant::now() >= deadline {
            break now;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    if !left.is_empty() {
        return Err(SyncError::Usage(format!(
            "{task}: {} worker(s) did not stop within {} s ({}); they stop at their next checkpoint",
            left.len(),
            STOP_WAIT.as_secs(),
            left.iter()
                .map(|w| decode(w))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    clear_stop(&client, &paths).await?;
    Ok(running)
}

/// Remove a stop request nobody is left to honour (before a worker starts).
pub(crate) async fn clear_stop(client: &zkc::Client, paths: &Paths) -> Result<(), SyncError> {
    match within(COMMAND_SESSION, client.delete(&paths.stop(), None)).await {
        Ok(()) | Err(zkc::Error::NoNode) => Ok(()),
        Err(e) => Err(zk_err(&paths.stop(), e)),
    }
}

/// Refuse to change a shared task's progress while any worker runs it.
async fn refuse_if_running(
    client: &zkc::Client,
    paths: &Paths,
    task: &str,
) -> Result<(), SyncError> {
    let workers = match within(COMMAND_SESSION, client.list_children(&paths.workers())).await {
        Ok(w) => w,
        // the task is gone from the coordinator: nobody runs it
        Err(zkc::Error::NoNode) => vec![],
        Err(e) => return Err(zk_err(&paths.workers(), e)),
    };
    if workers.is_empty() {
        return Ok(());
    }
    Err(SyncError::Usage(format!(
        "{task} is running on {} worker(s) ({}); `shark sync stop {task}` first",
        workers.len(),
        workers
            .iter()
            .map(|w| decode(w))
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

/// `sync reset` of a shared task, as for a local one: the units (one, or every one) go to
/// phase `recopy` from the start; without a unit every checkpoint is forgotten too.
pub async fn reset(conn: &Connection, task: &str, unit: Option<&str>) -> Result<usize, SyncError> {
    let client = command_client(conn).await?;
    let paths = Paths::new(task);
    refuse_if_running(&client, &paths, task).await?;
    let t = COMMAND_SESSION;
    let mut n = 0;
    for mut row in zk_store::read_units(&client, &paths, task).await? {
        if unit.is_some_and(|u| u != row.unit) {
            continue;
        }
        row.phase = crate::sync::store::Phase::Recopy;
        row.last_key = None;
        row.rows_done = 0;
        row.shadow = None;
        row.updated_at = crate::state::now_rfc3339();
        let p = paths.unit(&row.unit);
        let data = serde_json::to_vec(&row).map_err(|e| {
            SyncError::Usage(format!("{task}: cannot encode unit {}: {e}", row.unit))
        })?;
        within(t, client.set_data(&p, &data, None))
            .await
            .map_err(|e| zk_err(&p, e))?;
        n += 1;
    }
    if unit.is_some() {
        return Ok(n);
    }
    let cps = within(t, client.list_children(&paths.checkpoints()))
        .await
        .map_err(|e| zk_err(&paths.checkpoints(), e))?;
    for c in cps {
        let p = format!("{}/{c}", paths.checkpoints());
        match within(t, client.delete(&p, None)).await {
            Ok(()) | Err(zkc::Error::NoNode) => {}
            Err(e) => return Err(zk_err(&p, e)),
        }
    }
    within(t, client.set_data(&paths.checkpoint(), b"", None))
        .await
        .map_err(|e| zk_err(&paths.checkpoint(), e))?;
    Ok(n)
}

/// `sync rm` of a shared task: its root and everything below (the target's data stays).
pub async fn remove(conn: &Connection, task: &str) -> Result<(), SyncError> {
    let client = command_client(conn).await?;
    let paths = Paths::new(task);
    refuse_if_running(&client, &paths, task).await?;
    let t = COMMAND_SESSION;
    let mut stack = vec![paths.root.clone()];
    let mut order = vec![];
    while let Some(p) = stack.pop() {
        match within(t, client.list_children(&p)).await {
            Ok(children) => stack.extend(children.into_iter().map(|c| format!("{p}/{c}"))),
            Err(zkc::Error::NoNode) => continue,
            Err(e) => return Err(zk_err(&p, e)),
        }
        order.push(p);
    }
    for p in order.iter().rev() {
        match within(t, client.delete(p, None)).await {
            Ok(()) | Err(zkc::Error::NoNode) => {}
            Err(e) => return Err(zk_err(p, e)),
        }
    }
    Ok(())
}

/// The zookeeper connection `name` (a task's coordinator).
pub fn connection(reg: &crate::conn::Registry<'_>, name: &str) -> Result<Connection, SyncError> {
    let c = reg.get(name)?;
    if c.kind != crate::conn::Kind::Zookeeper {
        return Err(SyncError::Usage(format!(
            "--coordinator {name}: a {} connection; name a zookeeper connection (`shark conn add zk --kind zookeeper --url H1:2181,H2:2181,H3:2181`)",
            c.kind
        )));
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_become_one_znode_name_and_back() {
        for u in ["shop.orders", "__snapshot__:a.b", "logs/2024%x", "%2F"] {
            let e = encode(u);
            assert!(!e.contains('/'), "{e}");
            assert_eq!(decode(&e), u);
        }
        let p = Paths::new("t1");
        assert_eq!(p.unit("a/b"), "/shark/sync/t1/units/a%2Fb");
        assert_eq!(p.checkpoint(), "/shark/sync/t1/checkpoint");
    }
}
