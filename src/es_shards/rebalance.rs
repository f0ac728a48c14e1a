//! `rebalance`: apply allocation/rebalance settings (recording the previous values so
//! `--restore` can put them back), optionally submit a balancing reroute plan (`--dry-run`
//! prints it with the cluster's decisions and changes nothing), then follow `_recovery` until the
//! cluster settles or the timeout.

use super::cluster::Cluster;
use super::cluster::{SettingsChange, change_settings, diff_settings, put_recorded, recorded};
use super::error::EsShardsError;
use super::follow::{self, Follow, Observer, Wait};
use super::model::{Health, RerouteExplanation, RerouteResponse, ShardCopy};
use super::store::Ops;
use crate::cancel::Cancel;
use crate::conn::es::{Call, Client};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};

pub const ALLOCATION_ENABLE: &str = "cluster.routing.allocation.enable";
pub const REBALANCE_ENABLE: &str = "cluster.routing.rebalance.enable";
pub const CONCURRENT_REBALANCE: &str = "cluster.routing.allocation.cluster_concurrent_rebalance";
pub const NODE_RECOVERIES: &str = "cluster.routing.allocation.node_concurrent_recoveries";
pub const MAX_BYTES: &str = "indices.recovery.max_bytes_per_sec";

#[derive(Debug, Clone, Default)]
pub struct RebalanceOpts {
    /// `cluster.routing.allocation.enable`: all | primaries | new_primaries | none
    pub allocation: String,
    /// `cluster.routing.rebalance.enable`: all | primaries | replicas | none
    pub rebalance: String,
    pub concurrent: Option<u32>,
    pub node_recoveries: Option<u32>,
    pub max_bytes_per_sec: Option<String>,
    /// Compute and submit balancing moves (at most this many); None = let the cluster balance.
    pub plan_moves: Option<usize>,
    pub dry_run: bool,
    /// None = apply and return without following recoveries.
    pub wait: Option<Wait>,
}

/// One planned shard move.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Move {
    pub index: String,
    pub shard: u64,
    pub primary: bool,
    pub from_node: String,
    pub to_node: String,
}

#[derive(Debug, Serialize)]
pub struct RebalanceReport {
    pub dry_run: bool,
    /// Settings before/after (for a dry run: what would be sent).
    pub settings_before: Value,
    pub settings_after: Value,
    pub op_id: Option<i64>,
    pub plan: Vec<Move>,
    /// The cluster's decision for each move (reroute with explain=true).
    pub decisions: Vec<RerouteExplanation>,
    /// Shard recoveries seen while following.
    pub recoveries_seen: usize,
    pub health: Option<Health>,
}

fn setting_changes(o: &RebalanceOpts) -> BTreeMap<String, Option<String>> {
    let mut m = BTreeMap::new();
    m.insert(ALLOCATION_ENABLE.to_string(), Some(o.allocation.clone()));
    m.insert(REBALANCE_ENABLE.to_string(), Some(o.rebalance.clone()));
    if let Some(n) = o.concurrent {
        m.insert(CONCURRENT_REBALANCE.to_string(), Some(n.to_string()));
    }
    if let Some(n) = o.node_recoveries {
        m.insert(NODE_RECOVERIES.to_string(), Some(n.to_string()));
    }
    if let Some(b) = &o.max_bytes_per_sec {
        m.insert(MAX_BYTES.to_string(), Some(b.clone()));
    }
    m
}

pub async fn rebalance(
    client: &Client,
    ops: &Ops<'_>,
    o: &RebalanceOpts,
    cancel: &Cancel,
    obs: &dyn Observer,
) -> Result<RebalanceReport, EsShardsError> {
    let changes = setting_changes(o);
    let mut report = RebalanceReport {
        dry_run: o.dry_run,
        settings_before: json!({}),
        settings_after: json!({}),
        op_id: None,
        plan: vec![],
        decisions: vec![],
        recoveries_seen: 0,
        health: None,
    };
    if o.dry_run {
        let (b, a) = diff_settings(client, &changes).await?;
        report.settings_before = b;
        report.settings_after = a;
    } else {
        let c: SettingsChange = change_settings(client, ops, "rebalance", None, &changes).await?;
        if c.changed {
            obs.note(&format!("settings applied (op {}): {}", c.op_id, c.after));
            report.op_id = Some(c.op_id);
        } else {
            obs.note("settings already as asked; nothing changed");
        }
        report.settings_before = c.before;
        report.settings_after = c.after;
    }
    if let Some(max) = o.plan_moves {
        let shards = client.shards(None).await?;
        let excluded = super::status::excluded_nodes(client).await?;
        let nodes: Vec<String> = client
            .nodes()
            .await?
            .into_iter()
            .filter(|n| n.is_data() && !excluded.contains(&n.name))
            .map(|n| n.name)
            .collect();
        report.plan = balance_plan(&shards, &nodes, max);
        if !report.plan.is_empty() {
            report.decisions = reroute(client, ops, &report.plan, o.dry_run).await?;
        } else {
            obs.note("shard counts per node are already within one of each other: no moves");
        }
    }
    if o.dry_run {
        return Ok(report);
    }
    let Some(wait) = o.wait else {
        return Ok(report);
    };
    obs.note("following shard recoveries until the cluster settles");
    let mut seen: HashSet<String> = HashSet::new();
    let mut quiet = 0;
    let f = Follow { wait, cancel, obs };
    let last = follow::until(
        client,
        &f,
        false,
        "rebalance",
        "recoveries are still running; the new settings stay (undo with `shark es-shards rebalance --restore`)",
        |p| {
            seen.extend(p.active.iter().map(|r| r.key()));
            quiet = if p.settled() { quiet + 1 } else { 0 };
            quiet >= 2
        },
    )
    .await?;
    report.recoveries_seen = seen.len();
    report.health = Some(last.health);
    Ok(report)
}

/// Submit the moves (or only ask for the decisions with `dry_run`).
async fn reroute(
    client: &Client,
    ops: &Ops<'_>,
    plan: &[Move],
    dry_run: bool,
) -> Result<Vec<RerouteExplanation>, EsShardsError> {
    let commands: Vec<Value> = plan
        .iter()
        .map(|m| {
            json!({"move": {"index": m.index, "shard": m.shard, "from_node": m.from_node, "to_node": m.to_node}})
        })
        .collect();
    let body = json!({ "commands": commands });
    let path = format!(
        "/_cluster/reroute?metric=none&explain=true{}",
        if dry_run { "&dry_run=true" } else { "" }
    );
    if dry_run {
        let r: RerouteResponse = client.post(&path, Some(&body)).await?;
        return Ok(r.explanations);
    }
    recorded(
        client,
        ops,
        "reroute",
        None,
        json!({ "commands": commands }),
        async {
            // a move applied once cannot be applied again (the copy left `from_node`)
            let r: RerouteResponse = client.call(&Call::post(&path).json(body).once()).await?;
            if !r.acknowledged {
                return Err(EsShardsError::Failed(
                    "POST /_cluster/reroute was not acknowledged".into(),
                ));
            }
            let after = json!({"acknowledged": true, "explanations": r.explanations});
            Ok((r.explanations, after))
        },
    )
    .await
}

/// Greedy balancing: move STARTED copies from the fullest to the emptiest data node until shard
/// counts are within one, never putting two copies of a shard on one node.
pub fn balance_plan(shards: &[ShardCopy], nodes: &[String], max_moves: usize) -> Vec<Move> {
    let mut load: BTreeMap<String, Vec<ShardCopy>> =
        nodes.iter().map(|n| (n.clone(), vec![])).collect();
    for c in shards {
        if let Some(n) = &c.node
            && let Some(v) = load.get_mut(n)
            && c.state != "UNASSIGNED"
        {
            v.push(c.clone());
        }
    }
    let mut plan = vec![];
    while plan.len() < max_moves {
        let Some(full) = load
            .iter()
            .max_by_key(|(n, v)| (v.len(), std::cmp::Reverse((*n).clone())))
            .map(|(n, _)| n.clone())
        else {
            break;
        };
        let Some(empty) = load
            .iter()
            .min_by_key(|(n, v)| (v.len(), (*n).clone()))
            .map(|(n, _)| n.clone())
        else {
            break;
        };
        if load[&full].len() <= load[&empty].len() + 1 {
            break;
        }
        let on_empty: HashSet<(String, u64)> = load[&empty]
            .iter()
            .map(|c| (c.index.clone(), c.shard))
            .collect();
        let pick = load[&full]
            .iter()
            .position(|c| c.state == "STARTED" && !on_empty.contains(&(c.index.clone(), c.shard)));
        let Some(mut c) = pick.and_then(|i| load.get_mut(&full).map(|v| v.remove(i))) else {
            break;
        };
        plan.push(Move {
            index: c.index.clone(),
            shard: c.shard,
            primary: c.primary,
            from_node: full.clone(),
            to_node: empty.clone(),
        });
        c.node = Some(empty.clone());
        if let Some(v) = load.get_mut(&empty) {
            v.push(c);
        }
    }
    plan
}

/// What `--restore` did.
#[derive(Debug, Serialize)]
pub struct RestoreReport {
    /// The rebalance put back, and how it had ended ("started" when the process died mid-way).
    pub restored_op: i64,
    pub restored_outcome: String,
    /// The settings that differed from their values before that rebalance, as they were now
    /// (`before`) and as they are put back (`after`); empty when nothing differed.
    pub before: Value,
    pub after: Value,
    /// The restore's own op id; None when nothing had to change.
    pub op_id: Option<i64>,
}

/// `--restore`: put back the settings the last rebalance on this connection replaced. What is
/// put back is decided by the cluster's settings now, not by how the rebalance was recorded to
/// end: one that died in flight or got no answer may have been applied late, one undone by hand
/// needs nothing.
pub async fn restore(client: &Client, ops: &Ops<'_>) -> Result<RestoreReport, EsShardsError> {
    let Some(last) = ops.last_unrestored(client.conn_name(), "rebalance")? else {
        return Err(EsShardsError::Usage(format!(
            "nothing to restore: no `rebalance` on connection '{}' is recorded that could have changed the cluster (see `shark es-shards ops`)",
            client.conn_name()
        )));
    };
    let current = client.settings().await?;
    let mut now = json!({"persistent": {}, "transient": {}});
    let mut back = json!({"persistent": {}, "transient": {}});
    for scope in ["persistent", "transient"] {
        let Some(o) = last.before[scope].as_object() else {
            continue;
        };
        let m = if scope == "transient" {
            &current.transient
        } else {
            &current.persistent
        };
        for (k, was) in o {
            let is = m.get(k).and_then(super::model::value_text);
            if is.as_deref() == super::model::value_text(was).as_deref() {
                continue;
            }
            now[scope][k] = is.map(Value::String).unwrap_or(Value::Null);
            back[scope][k] = was.clone();
        }
    }
    let c = put_recorded(
        client,
        ops,
        "rebalance-restore",
        Some(&format!("op {}", last.id)),
        now,
        back,
    )
    .await?;
    // 0: nothing had to be put back
    ops.mark_restored(last.id, if c.changed { c.op_id } else { 0 })?;
    Ok(RestoreReport {
        restored_op: last.id,
        restored_outcome: last.outcome,
        before: c.before,
        after: c.after,
        op_id: c.changed.then_some(c.op_id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(index: &str, shard: u64, primary: bool, node: &str) -> ShardCopy {
        ShardCopy {
            index: index.into(),
            shard,
            primary,
            state: "STARTED".into(),
            docs: Some(1),
            store_bytes: Some(1),
            node: Some(node.into()),
            node_id: None,
            relocating_to: None,
            unassigned_reason: None,
        }
    }

    #[test]
    fn plan_evens_out_without_colocating_copies() {
        let shards = vec![
            on("a", 0, true, "n1"),
            on("a", 0, false, "n2"),
            on("a", 1, true, "n1"),
            on("a", 1, false, "n2"),
            on("a", 2, true, "n1"),
            on("a", 2, false, "n2"),
        ];
        let nodes = vec!["n1".to_string(), "n2".into(), "n3".into()];
        let plan = balance_plan(&shards, &nodes, 10);
        assert_eq!(plan.len(), 2, "{plan:?}");
        assert!(plan.iter().all(|m| m.to_node == "n3"));
        let moved: HashSet<_> = plan.iter().map(|m| m.shard).collect();
        assert_eq!(moved.len(), 2, "two copies of one shard on n3: {plan:?}");
        assert!(balance_plan(&shards, &nodes, 1).len() == 1);
        assert!(balance_plan(&shards[..2], &nodes[..2], 10).is_empty());
    }
}
