//! Where a binlog connection resumes a checkpoint: by file and offset on the server the
//! checkpoint was taken on, by GTID position on another one (a promoted replica, a planned
//! switchover), after the checks that make the switch safe: a distinct server_id, the new
//! server's binlog holding what it replicated (`log_slave_updates`), and every transaction
//! after the checkpoint still in it (not purged, not behind).

use super::binlog::{self, Pos};
use super::gtid::{self, GtidSet, Refusal, ServerInfo};
use super::{QUERY_DEADLINE, within};
use crate::conn::Connection;
use crate::sync::error::SyncError;

/// How a connection resumes a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resume {
    /// On the checkpoint's server, by file and offset; the GTID position there when the
    /// server can tell it (a checkpoint of an older build, or of a task created before).
    Same(Option<GtidSet>),
    /// On another server, by this GTID position.
    Gtid(GtidSet),
}

/// Check that the server `src` (described by `info`, connected as `c`) can serve the binlog
/// after `from`, and say how. `several`: the connection lists several hosts.
pub async fn check(
    task: &str,
    several: bool,
    src: &Connection,
    c: &mut mysql_async::Conn,
    info: &ServerInfo,
    from: &Pos,
) -> Result<Resume, SyncError> {
    let same = from.server_id.is_none_or(|id| id == info.server_id);
    let moved = from.host.as_ref().is_some_and(|h| *h != src.host());
    if same && moved && several {
        return Err(SyncError::SourceConfig(format!(
            "{task}: {} has server_id {}, like {} where the checkpoint was taken: two servers with one server_id cannot be told apart; give each server a unique `server-id` in its my.cnf, restart it and run again",
            src.host(),
            info.server_id,
            from.host.as_deref().unwrap_or("?")
        )));
    }
    if same {
        within(
            src,
            QUERY_DEADLINE,
            "SHOW BINARY LOGS",
            binlog::check_not_purged(task, src, c, from),
        )
        .await?;
        let gtid = match (&from.gtid, info.mariadb) {
            (Some(g), _) => Some(g.clone()),
            (None, true) => {
                within(
                    src,
                    QUERY_DEADLINE,
                    "BINLOG_GTID_POS",
                    binlog::gtid_at(src, c, &from.file, from.pos),
                )
                .await?
            }
            (None, false) => None,
        };
        return Ok(Resume::Same(gtid));
    }
    let from_host = from.host.as_deref().unwrap_or("the checkpoint's server");
    let Some(gtid) = from.gtid.clone() else {
        return Err(SyncError::GtidGap {
            task: task.into(),
            server: src.host(),
            missing: format!(
                "the checkpoint ({from} on server_id {}) has no GTID position to resume by on another server (server_id {})",
                from.server_id.unwrap_or(0),
                info.server_id
            ),
        });
    };
    if !info.mariadb {
        return Err(SyncError::SourceConfig(format!(
            "{task}: {} is another server than the checkpoint's (server_id {} instead of {}), and resuming by GTID is supported on MariaDB only; run `shark sync reset {task}` to copy everything again",
            src.host(),
            info.server_id,
            from.server_id.unwrap_or(0)
        )));
    }
    let oldest = within(
        src,
        QUERY_DEADLINE,
        "SHOW BINLOG EVENTS",
        binlog::oldest_gtid(src, c),
    )
    .await?;
    match gtid::can_resume(info, &gtid, &oldest) {
        Ok(()) => Ok(Resume::Gtid(gtid)),
        Err(Refusal::NoLogSlaveUpdates) => Err(SyncError::SourceConfig(format!(
            "{task}: cannot fail over to {}: log_slave_updates is OFF there, so its binlog lacks the changes it replicated from {from_host}; add `log_slave_updates = ON` to the [mariadbd] section of its my.cnf, restart it, and run `shark sync run {task}` again (the checkpoint is kept)",
            src.host()
        ))),
        Err(Refusal::Missing(m)) => Err(SyncError::GtidGap {
            task: task.into(),
            server: src.host(),
            missing: m.join("; "),
        }),
    }
}
