//! Node control: `zk node start|stop|restart NODE` runs the node's configured command in a
//! local shell (SSH through the deploy engine is not wired yet), waits until the ensemble
//! settles, and records an audit entry holding the ensemble snapshot before and after.

use super::ensemble::{self, Snapshot};
use super::error::{Result, ZkError};
use super::store::{AuditOutcome, ZkStore};
use super::target::Target;
use crate::cancel::Cancel;
use crate::ui::Progress;
use crate::zk::settings::ZkNodeDecl;
use std::time::{Duration, Instant};

/// A node action, stored as text in the audit (`start`, `stop`, `restart`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Start,
    Stop,
    Restart,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Start => "start",
            Action::Stop => "stop",
            Action::Restart => "restart",
        }
    }

    /// The action stored as `s`.
    pub fn parse(s: &str) -> Option<Action> {
        [Action::Start, Action::Stop, Action::Restart]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl rusqlite::ToSql for Action {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// What a node action did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    pub audit_id: i64,
    pub node: String,
    pub action: Action,
    pub command: String,
    pub exit_code: Option<i32>,
    /// settled, unsettled, failed, or interrupted (Ctrl-C/SIGTERM)
    pub outcome: AuditOutcome,
    pub message: Option<String>,
    pub before: Snapshot,
    pub after: Snapshot,
    pub seconds: f64,
}

/// The shell command for `action` on `node`: `restart` falls back to stop then start.
pub fn command_for(name: &str, node: &ZkNodeDecl, action: Action) -> Result<String> {
    let missing = |what: &str| {
        ZkError::Usage(format!(
            "node '{name}' has no `{what}` command: set it under [zk.nodes.{name}] in the config file"
        ))
    };
    Ok(match action {
        Action::Start => node.start.clone().ok_or_else(|| missing("start"))?,
        Action::Stop => node.stop.clone().ok_or_else(|| missing("stop"))?,
        Action::Restart => match &node.restart {
            Some(r) => r.clone(),
            None => format!(
                "{} && {}",
                node.stop
                    .clone()
                    .ok_or_else(|| missing("restart` (or `stop"))?,
                node.start
                    .clone()
                    .ok_or_else(|| missing("restart` (or `start"))?
            ),
        },
    })
}

/// Whether the ensemble has settled after `action` on the node whose member is `member`.
fn settled(s: &Snapshot, member: Option<&str>, action: Action) -> bool {
    let m = member.and_then(|a| s.member(a));
    // no member still electing: every member either serves or is down
    let calm = s.members.iter().all(|m| m.serving() || m.mode == "down");
    match action {
        Action::Stop => match m {
            Some(m) => !m.serving() && (calm || s.serving < s.quorum),
            None => calm,
        },
        Action::Start | Action::Restart => {
            // once every member serves, also wait until the leader counts them all in sync
            let all = s.serving == s.members.len();
            m.is_none_or(|m| m.serving())
                && s.leaders == 1
                && calm
                && (!all || s.verdict == ensemble::Verdict::Ok)
        }
    }
}

/// What `control` runs.
pub struct Request<'a> {
    pub name: &'a str,
    pub node: &'a ZkNodeDecl,
    pub action: Action,
    /// How long to wait for the ensemble to settle (also bounds the command, at least 5 s).
    pub settle: Duration,
    pub run_id: Option<i64>,
}

/// Run `action` on node `name`, wait up to `settle` for the ensemble to settle, audit it.
/// `cancel` (Ctrl-C/SIGTERM) kills a command still running or stops the wait; the entry is
/// then finished as `interrupted` with the snapshot at that moment.
pub async fn control(
    store: &ZkStore<'_>,
    target: &Target,
    req: &Request<'_>,
    cancel: &Cancel,
    progress: &dyn Progress,
) -> Result<Outcome> {
    let Request {
        name,
        node,
        action,
        settle,
        run_id,
    } = *req;
    let command = command_for(name, node, action)?;
    if let Some(m) = &node.member
        && !target.members.iter().any(|t| &t.addr == m)
    {
        return Err(ZkError::Usage(format!(
            "node '{name}' has member {m}, which is not in connection '{}' ({}); fix [zk.nodes.{name}] member",
            target.conn,
            target.connect_string()
        )));
    }
    let started = Instant::now();
    let before = ensemble::snapshot(target).await;
    let audit_id = store.audit_start(&target.conn, name, action, &command, &before, run_id)?;
    progress.message(
        name,
        &format!(
            "{} ({}); running: {command}",
            action.as_str(),
            before.summary()
        ),
    );

    let mut cmd = tokio::process::Command::new("sh");
    cmd.arg("-c")
        .arg(&command)
        .env("SHARK_ZK_NODE", name)
        .env("SHARK_ZK_ACTION", action.as_str())
        .env("SHARK_ZK_MEMBER", node.member.as_deref().unwrap_or(""))
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    // the command runs for the user: it never sees the master key or a secret's variable
    crate::conn::child_env::scrub(cmd.as_std_mut());
    let run = tokio::select! {
        r = tokio::time::timeout(settle.max(Duration::from_secs(5)), cmd.output()) => Some(r),
        _ = cancel.cancelled() => None,
    };
    let (exit_code, mut message) = match run {
        // dropping the output future killed the command (kill_on_drop)
        None => (
            None,
            Some("interrupted while the command ran; it was killed".to_string()),
        ),
        Some(Ok(Ok(out))) => {
            let tail = |b: &[u8]| {
                let s = String::from_utf8_lossy(b);
                let lines: Vec<&str> = s.lines().rev().take(3).collect();
                lines.into_iter().rev().collect::<Vec<_>>().join(" | ")
            };
            let code = out.status.code();
            let msg = if out.status.success() {
                None
            } else {
                Some(format!(
                    "command exited {}: {}",
                    code.map(|c| c.to_string())
                        .unwrap_or_else(|| "by a signal".into()),
                    tail(if out.stderr.is_empty() {
                        &out.stdout
                    } else {
                        &out.stderr
                    })
                ))
            };
            (code, msg)
        }
        Some(Ok(Err(e))) => (None, Some(format!("cannot run sh: {e}"))),
        Some(Err(_)) => (
            None,
            Some(format!(
                "command still running after {}s; killed",
                settle.as_secs()
            )),
        ),
    };
    let command_ok = exit_code == Some(0);

    // wait for the ensemble to settle (also after a failed command: record where it ended up)
    let deadline = Instant::now()
        + if command_ok {
            settle
        } else {
            Duration::from_secs(3)
        };
    let mut after = ensemble::snapshot(target).await;
    while !settled(&after, node.member.as_deref(), action)
        && Instant::now() < deadline
        && !cancel.is_cancelled()
    {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            _ = cancel.cancelled() => {}
        }
        after = ensemble::snapshot(target).await;
    }
    let is_settled = settled(&after, node.member.as_deref(), action);
    let outcome = if cancel.is_cancelled() && !(command_ok && is_settled) {
        if message.is_none() {
            message = Some(format!(
                "interrupted while waiting for the ensemble to settle: {}",
                after.summary()
            ));
        }
        AuditOutcome::Interrupted
    } else if !command_ok {
        AuditOutcome::Failed
    } else if is_settled {
        AuditOutcome::Settled
    } else {
        message = Some(format!(
            "the ensemble did not settle within {}s: {}",
            settle.as_secs(),
            after.summary()
        ));
        AuditOutcome::Unsettled
    };
    store.audit_finish(audit_id, exit_code, outcome, message.as_deref(), &after)?;
    progress.message(name, &format!("{outcome}: {}", after.summary()));
    Ok(Outcome {
        audit_id,
        node: name.to_string(),
        action,
        command,
        exit_code,
        outcome,
        message,
        before,
        after,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zk::ensemble::{Member, judge};

    fn snap(modes: &[&str], synced: Option<u64>) -> Snapshot {
        let members = modes
            .iter()
            .enumerate()
            .map(|(i, m)| Member {
                addr: format!("h:{i}"),
                mode: m.to_string(),
                followers_synced: (*m == "leader").then_some(synced).flatten(),
                ..Member::default()
            })
            .collect();
        judge(members, vec![])
    }

    #[test]
    fn settling() {
        let stopped = snap(&["leader", "follower", "down"], Some(1));
        assert!(settled(&stopped, Some("h:2"), Action::Stop));
        assert!(!settled(&stopped, Some("h:2"), Action::Start));
        let electing = snap(&["not serving", "not serving", "down"], None);
        assert!(!settled(&electing, Some("h:1"), Action::Start));
        // member back but the leader does not count it in sync yet
        let syncing = snap(&["leader", "follower", "follower"], Some(1));
        assert!(!settled(&syncing, Some("h:2"), Action::Start));
        let whole = snap(&["leader", "follower", "follower"], Some(2));
        assert!(settled(&whole, Some("h:2"), Action::Restart));
    }
}
