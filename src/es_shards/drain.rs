//! `drain NODE` / `undrain NODE`: add the node to (or remove it from)
//! `cluster.routing.allocation.exclude._name` and, for a drain, follow the relocations until
//! the node holds no shard copy.

use super::cluster::Cluster;
use super::cluster::{SettingsChange, change_settings};
use super::error::EsShardsError;
use super::follow::{self, Follow, Observer, Wait};
use super::status::{EXCLUDE_NAME, split_list};
use super::store::Ops;
use crate::cancel::Cancel;
use crate::conn::es::Client;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Serialize)]
pub struct DrainReport {
    pub node: String,
    pub excluded: Vec<String>,
    pub op_id: Option<i64>,
    pub shards_before: usize,
    /// Copies still on the node (0 after a completed wait; None with --no-wait).
    pub shards_left: Option<usize>,
    pub recoveries_seen: usize,
}

async fn check_node(client: &Client, node: &str) -> Result<(), EsShardsError> {
    let nodes = client.nodes().await?;
    if nodes.iter().any(|n| n.name == node) {
        return Ok(());
    }
    Err(EsShardsError::Usage(format!(
        "no node named '{node}' in the cluster (nodes: {})",
        nodes
            .iter()
            .map(|n| n.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

async fn set_excluded(
    client: &Client,
    ops: &Ops<'_>,
    op: &str,
    node: &str,
    list: &[String],
) -> Result<SettingsChange, EsShardsError> {
    let mut m = BTreeMap::new();
    m.insert(
        EXCLUDE_NAME.to_string(),
        (!list.is_empty()).then(|| list.join(",")),
    );
    change_settings(client, ops, op, Some(node), &m).await
}

pub async fn drain(
    client: &Client,
    ops: &Ops<'_>,
    node: &str,
    wait: Option<Wait>,
    cancel: &Cancel,
    obs: &dyn Observer,
) -> Result<DrainReport, EsShardsError> {
    check_node(client, node).await?;
    let settings = client.settings().await?;
    let mut list = split_list(settings.effective(EXCLUDE_NAME).as_deref());
    if !list.iter().any(|n| n == node) {
        list.push(node.to_string());
    }
    let c = set_excluded(client, ops, "drain", node, &list).await?;
    let on_node = |s: &[super::model::ShardCopy]| {
        s.iter()
            .filter(|c| c.node.as_deref() == Some(node) || c.relocating_to.as_deref() == Some(node))
            .count()
    };
    let before = on_node(&client.shards(None).await?);
    obs.note(&format!(
        "{node} excluded from allocation ({EXCLUDE_NAME}={}); {before} shard cop(ies) to move",
        list.join(",")
    ));
    let mut report = DrainReport {
        node: node.to_string(),
        excluded: list,
        op_id: c.changed.then_some(c.op_id),
        shards_before: before,
        shards_left: None,
        recoveries_seen: 0,
    };
    let Some(wait) = wait else {
        return Ok(report);
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut last_left = before;
    let f = Follow { wait, cancel, obs };
    let poll = follow::until(
        client,
        &f,
        true,
        &format!("drain of {node}"),
        &format!(
            "{node} stays excluded; check `shark es-shards status` for shards that cannot move (explain reasons) or undo with `shark es-shards undrain {node}`"
        ),
        |p| {
            seen.extend(p.active.iter().map(|r| r.key()));
            let left = on_node(&p.shards);
            if left != last_left {
                obs.note(&format!("{node}: {left} shard cop(ies) left"));
                last_left = left;
            }
            left == 0
        },
    )
    .await?;
    report.shards_left = Some(on_node(&poll.shards));
    report.recoveries_seen = seen.len();
    Ok(report)
}

pub async fn undrain(
    client: &Client,
    ops: &Ops<'_>,
    node: &str,
) -> Result<DrainReport, EsShardsError> {
    let settings = client.settings().await?;
    let before = split_list(settings.effective(EXCLUDE_NAME).as_deref());
    if !before.iter().any(|n| n == node) {
        return Err(EsShardsError::Usage(format!(
            "{node} is not drained ({EXCLUDE_NAME} = [{}])",
            before.join(",")
        )));
    }
    let list: Vec<String> = before.into_iter().filter(|n| n != node).collect();
    let c = set_excluded(client, ops, "undrain", node, &list).await?;
    Ok(DrainReport {
        node: node.to_string(),
        excluded: list,
        op_id: c.changed.then_some(c.op_id),
        shards_before: 0,
        shards_left: None,
        recoveries_seen: 0,
    })
}
