//! Unit leases: a worker copies a unit of the full copy only while it holds the unit's
//! ephemeral znode `leases/<unit>` (one worker per unit). When the holder's session ends the
//! znode goes and another worker takes the unit over from its last committed progress; the
//! unit's progress znode is written at the version its holder last wrote, so a holder that was
//! replaced cannot write it any more.

use super::{Session, within, zk_err};
use crate::sync::error::SyncError;
use zookeeper_client as zkc;

/// Take the lease on `unit`: true when this session holds it (now or already).
pub async fn take(s: &Session, unit: &str) -> Result<bool, SyncError> {
    let p = s.paths.lease(unit);
    let opts = zkc::CreateMode::Ephemeral.with_acls(s.acls);
    match within(s.timeout, s.client.create(&p, s.id.as_bytes(), &opts)).await {
        Ok(_) => Ok(true),
        Err(zkc::Error::NodeExists) => match within(s.timeout, s.client.check_stat(&p)).await {
            Ok(Some(stat)) => Ok(stat.ephemeral_owner == s.client.session_id().0),
            Ok(None) => Ok(false),
            Err(e) => Err(zk_err(&p, e)),
        },
        Err(e) => Err(zk_err(&p, e)),
    }
}

/// Give the lease on `unit` back (its copy ended).
pub async fn release(s: &Session, unit: &str) -> Result<(), SyncError> {
    let p = s.paths.lease(unit);
    match within(s.timeout, s.client.delete(&p, None)).await {
        Ok(()) | Err(zkc::Error::NoNode) => Ok(()),
        Err(e) => Err(zk_err(&p, e)),
    }
}

/// A unit being copied and the worker copying it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Holder {
    pub unit: String,
    /// `host:pid:token`
    pub worker: String,
}

/// Who holds the lease of each unit being copied.
pub async fn holders(client: &zkc::Client, paths: &super::Paths) -> Result<Vec<Holder>, SyncError> {
    let t = super::COMMAND_SESSION;
    let names = match within(t, client.list_children(&paths.leases())).await {
        Ok(n) => n,
        Err(zkc::Error::NoNode) => return Ok(vec![]),
        Err(e) => return Err(zk_err(&paths.leases(), e)),
    };
    let mut out = vec![];
    for n in names {
        let p = format!("{}/{n}", paths.leases());
        if let Ok((d, _)) = within(t, client.get_data(&p)).await {
            out.push(Holder {
                unit: super::decode(&n),
                worker: String::from_utf8_lossy(&d).into_owned(),
            });
        }
    }
    out.sort();
    Ok(out)
}
