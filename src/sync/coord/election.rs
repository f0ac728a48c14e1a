//! Leader election among a task's workers: each worker creates an ephemeral sequential znode
//! under `election/` holding its id; the lowest sequence leads. A follower watches the znode
//! just before its own (no herd when the leader goes), and leads once it is the lowest.

use super::{Paths, Session, within, zk_err};
use crate::sync::error::SyncError;
use std::time::Duration;
use zookeeper_client as zkc;

/// How long a follower waits on its watch before looking again (a missed event costs this).
const RECHECK: Duration = Duration::from_secs(1);

/// The sequence number of an election znode (`n_0000000012` → 12).
fn sequence(name: &str) -> u64 {
    name.rsplit('_')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX)
}

async fn members(client: &zkc::Client, paths: &Paths) -> Result<Vec<String>, SyncError> {
    let mut names = within(
        Duration::from_secs(10),
        client.list_children(&paths.election()),
    )
    .await
    .map_err(|e| zk_err(&paths.election(), e))?;
    names.sort_by_key(|n| sequence(n));
    Ok(names)
}

/// Delete the ephemeral znodes under `dir` that an earlier session of this very process left
/// (they hold its id, `host:pid:token`): that session was given up (an outage), and its znodes would
/// otherwise stand in the way until it expires.
async fn forget_earlier_sessions(s: &Session, dir: &str) -> Result<(), SyncError> {
    let names = match within(s.timeout, s.client.list_children(dir)).await {
        Ok(n) => n,
        Err(zkc::Error::NoNode) => return Ok(()),
        Err(e) => return Err(zk_err(dir, e)),
    };
    let mine = s.client.session_id().0;
    for n in names {
        let p = format!("{dir}/{n}");
        if let Ok((d, stat)) = within(s.timeout, s.client.get_data(&p)).await
            && d == s.id.as_bytes()
            && stat.ephemeral_owner != mine
        {
            match within(s.timeout, s.client.delete(&p, Some(stat.version))).await {
                Ok(()) | Err(zkc::Error::NoNode) => {}
                Err(e) => return Err(zk_err(&p, e)),
            }
        }
    }
    Ok(())
}

/// Enter the election (after removing what an earlier session of this process left there and
/// among the unit leases); returns this worker's znode name.
pub async fn join(s: &Session) -> Result<String, SyncError> {
    forget_earlier_sessions(s, &s.paths.election()).await?;
    forget_earlier_sessions(s, &s.paths.leases()).await?;
    let prefix = format!("{}/n_", s.paths.election());
    let opts = zkc::CreateMode::EphemeralSequential.with_acls(s.acls);
    let (_, seq) = within(s.timeout, s.client.create(&prefix, s.id.as_bytes(), &opts))
        .await
        .map_err(|e| zk_err(&prefix, e))?;
    Ok(format!("n_{seq}"))
}

/// The id of the leading worker (the lowest election znode's data), if any.
pub async fn leader(client: &zkc::Client, paths: &Paths) -> Result<Option<String>, SyncError> {
    for n in members(client, paths).await? {
        let p = format!("{}/{n}", paths.election());
        match within(Duration::from_secs(10), client.get_data(&p)).await {
            Ok((d, _)) => return Ok(Some(String::from_utf8_lossy(&d).into_owned())),
            Err(zkc::Error::NoNode) => continue,
            Err(e) => return Err(zk_err(&p, e)),
        }
    }
    Ok(None)
}

/// Wait until `me` is the lowest election znode. `on_wait` is told the current leader's id
/// whenever it changes. Fails (fenced) when the session ends or `me` is gone.
pub async fn wait_first(
    s: &Session,
    me: &str,
    on_wait: &(dyn Fn(&str) + Sync),
) -> Result<(), SyncError> {
    let mut told = String::new();
    loop {
        s.fence.check_session()?;
        let names = members(&s.client, &s.paths).await?;
        let Some(i) = names.iter().position(|n| n == me) else {
            return Err(SyncError::Fenced(
                "its election znode is gone (session expired)".into(),
            ));
        };
        if i == 0 {
            return Ok(());
        }
        let first = format!("{}/{}", s.paths.election(), names[0]);
        if let Ok((d, _)) = within(s.timeout, s.client.get_data(&first)).await {
            let id = String::from_utf8_lossy(&d).into_owned();
            if id != told {
                on_wait(&id);
                told = id;
            }
        }
        let before = format!("{}/{}", s.paths.election(), names[i - 1]);
        let watched = within(s.timeout, s.client.check_and_watch_stat(&before)).await;
        match watched {
            Ok((Some(_), watcher)) => {
                let _ = tokio::time::timeout(RECHECK, watcher.changed()).await;
            }
            Ok((None, _)) => {}
            Err(e) => {
                tracing::debug!("election watch on {before}: {e}");
                tokio::time::sleep(RECHECK / 4).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sequences_order_numerically() {
        let mut v = vec!["n_0000000010", "n_0000000002", "n_0000000100"];
        v.sort_by_key(|n| super::sequence(n));
        assert_eq!(v, ["n_0000000002", "n_0000000010", "n_0000000100"]);
    }
}
