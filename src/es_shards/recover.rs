//! `recover`: enable allocation, retry allocations that gave up after
//! `index.allocation.max_retries` (`POST /_cluster/reroute?retry_failed=true`), follow the
//! recoveries, then explain whatever is still unassigned.

use super::cluster::Cluster;
use super::cluster::{change_settings, recorded};
use super::error::EsShardsError;
use super::follow::{self, Follow};
use super::model::{Health, RerouteResponse};
use super::rebalance::ALLOCATION_ENABLE;
use super::status::{UnassignedRow, unassigned};
use super::store::Ops;
use crate::conn::es::Client;
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

/// How long nothing may move before `recover` stops waiting for what is still unassigned.
const QUIET: Duration = Duration::from_secs(5);

#[derive(Debug, Serialize)]
pub struct RecoverReport {
    /// `cluster.routing.allocation.enable` was not `all` and was set to `all` (op id).
    pub allocation_enabled: Option<i64>,
    pub failed_before: usize,
    pub unassigned_before: u64,
    pub recoveries_seen: usize,
    pub health: Health,
    pub still_unassigned: Vec<UnassignedRow>,
    pub note: Option<String>,
}

impl RecoverReport {
    pub fn problems(&self) -> Option<String> {
        (!self.still_unassigned.is_empty()).then(|| {
            format!(
                "{} shard cop{} still unassigned (reasons above); cluster is {}",
                self.still_unassigned.len(),
                if self.still_unassigned.len() == 1 {
                    "y is"
                } else {
                    "ies are"
                },
                self.health.status
            )
        })
    }
}

pub async fn recover(
    client: &Client,
    ops: &Ops<'_>,
    f: &Follow<'_>,
) -> Result<RecoverReport, EsShardsError> {
    let obs = f.obs;
    let before = client.health().await?;
    let shards = client.shards(None).await?;
    let failed: Vec<String> = shards
        .iter()
        .filter(|c| {
            c.state == "UNASSIGNED" && c.unassigned_reason.as_deref() == Some("ALLOCATION_FAILED")
        })
        .map(|c| {
            format!(
                "{}[{}]{}",
                c.index,
                c.shard,
                if c.primary { "p" } else { "r" }
            )
        })
        .collect();
    let settings = client.settings().await?;
    let mut allocation_enabled = None;
    if settings
        .effective(ALLOCATION_ENABLE)
        .is_some_and(|v| v != "all")
    {
        let mut m = BTreeMap::new();
        m.insert(ALLOCATION_ENABLE.to_string(), Some("all".to_string()));
        let c = change_settings(client, ops, "recover-allocation", None, &m).await?;
        obs.note(&format!("allocation enabled (op {}): {}", c.op_id, c.after));
        allocation_enabled = Some(c.op_id);
    }
    let path = "/_cluster/reroute?retry_failed=true&metric=none";
    recorded(
        client,
        ops,
        "retry-failed",
        None,
        json!({"unassigned_shards": before.unassigned_shards, "allocation_failed": failed}),
        async {
            let r: RerouteResponse = client.post(path, None).await?;
            if !r.acknowledged {
                return Err(EsShardsError::Failed(
                    "POST /_cluster/reroute?retry_failed=true was not acknowledged".into(),
                ));
            }
            Ok(((), json!({"acknowledged": true})))
        },
    )
    .await?;
    obs.note(&format!(
        "retrying {} failed allocation(s); {} unassigned cop(ies) before",
        failed.len(),
        before.unassigned_shards
    ));
    let mut seen: HashSet<String> = HashSet::new();
    let mut quiet: Option<(u32, Instant)> = None;
    let last = follow::until(
        client,
        f,
        false,
        "recover",
        "recoveries are still running; check again with `shark es-shards replication --watch`",
        |p| {
            seen.extend(p.active.iter().map(|r| r.key()));
            // stop when everything is assigned, or when nothing has moved for a while: the
            // cluster allocates in batches (a reroute queued behind the settings change, store
            // fetches from a node that came back), and a copy waiting out its delayed allocation
            // will move
            let still = p.settled()
                && p.health.delayed_unassigned_shards == 0
                && p.health.number_of_pending_tasks == 0;
            quiet = match (still, quiet) {
                (false, _) => None,
                (true, None) => Some((p.n, Instant::now())),
                (true, q) => q,
            };
            (p.health.unassigned_shards == 0 && p.settled())
                || quiet.is_some_and(|(n, t)| p.n >= n + 2 && t.elapsed() >= QUIET)
        },
    )
    .await?;
    let shards = client.shards(None).await?;
    let (still, note) = unassigned(client, &shards).await?;
    Ok(RecoverReport {
        allocation_enabled,
        failed_before: failed.len(),
        unassigned_before: before.unassigned_shards,
        recoveries_seen: seen.len(),
        health: last.health,
        still_unassigned: still,
        note,
    })
}
