//! `status`: health, nodes with their shard counts, and every unassigned copy with the reason
//! the allocation-explain API gives (falling back to `_cat/shards`' `unassigned.reason` where the
//! server has no explain API).

use super::cluster::Cluster;
use super::cluster::unsupported_api;
use super::error::EsShardsError;
use super::model::{Health, ShardCopy};
use crate::conn::es::{Client, Server};
use serde::Serialize;

/// Explain at most this many unassigned copies (one request each); the rest show `_cat` reasons.
pub const MAX_EXPLAINED: usize = 20;

#[derive(Debug, Serialize)]
pub struct Status {
    pub server: Server,
    pub health: Health,
    pub nodes: Vec<NodeRow>,
    pub unassigned: Vec<UnassignedRow>,
    /// Why some reasons come from `_cat/shards` only.
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct NodeRow {
    pub name: String,
    pub id: String,
    pub ip: Option<String>,
    pub roles: String,
    pub master: bool,
    pub shards: usize,
    pub primaries: usize,
    pub relocating_away: usize,
    pub initializing: usize,
    /// Excluded from allocation by `cluster.routing.allocation.exclude._name` (draining).
    pub excluded: bool,
}

#[derive(Debug, Serialize)]
pub struct UnassignedRow {
    pub index: String,
    pub shard: u64,
    pub primary: bool,
    pub reason: String,
}

pub async fn status(client: &Client) -> Result<Status, EsShardsError> {
    let health = client.health().await?;
    let nodes = client.nodes().await?;
    let shards = client.shards(None).await?;
    let excluded = excluded_nodes(client).await?;
    let mut rows: Vec<NodeRow> = nodes
        .iter()
        .map(|n| {
            let on = |c: &&ShardCopy| c.node.as_deref() == Some(n.name.as_str());
            NodeRow {
                name: n.name.clone(),
                id: n.id.clone(),
                ip: n.ip.clone(),
                roles: n.role.clone(),
                master: n.is_master(),
                shards: shards.iter().filter(on).count(),
                primaries: shards.iter().filter(on).filter(|c| c.primary).count(),
                relocating_away: shards
                    .iter()
                    .filter(on)
                    .filter(|c| c.state == "RELOCATING")
                    .count(),
                initializing: shards
                    .iter()
                    .filter(on)
                    .filter(|c| c.state == "INITIALIZING")
                    .count(),
                excluded: excluded.contains(&n.name),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let (unassigned, note) = unassigned(client, &shards).await?;
    Ok(Status {
        server: client.server.clone(),
        health,
        nodes: rows,
        unassigned,
        note,
    })
}

/// Every unassigned copy with its reason; explain is asked for the first [`MAX_EXPLAINED`].
pub async fn unassigned(
    client: &Client,
    shards: &[ShardCopy],
) -> Result<(Vec<UnassignedRow>, Option<String>), EsShardsError> {
    let mut out = vec![];
    let mut note = None;
    let mut explain = true;
    for c in shards.iter().filter(|c| c.state == "UNASSIGNED") {
        let fallback = c
            .unassigned_reason
            .clone()
            .unwrap_or_else(|| "unknown".into());
        let reason = if explain && out.len() < MAX_EXPLAINED {
            match client.explain(&c.index, c.shard, c.primary).await {
                Ok(e) => e.summary(),
                Err(e) if unsupported_api(&e) => {
                    explain = false;
                    note = Some(format!(
                        "{} has no allocation explain API ({e}); reasons are _cat/shards' unassigned.reason",
                        client.server.label()
                    ));
                    fallback
                }
                Err(e) => return Err(e),
            }
        } else {
            if explain && note.is_none() {
                note = Some(format!(
                    "only the first {MAX_EXPLAINED} unassigned copies were explained"
                ));
            }
            fallback
        };
        out.push(UnassignedRow {
            index: c.index.clone(),
            shard: c.shard,
            primary: c.primary,
            reason,
        });
    }
    Ok((out, note))
}

pub const EXCLUDE_NAME: &str = "cluster.routing.allocation.exclude._name";

/// Node names in the effective `exclude._name` list.
pub async fn excluded_nodes(client: &Client) -> Result<Vec<String>, EsShardsError> {
    let s = client.settings().await?;
    Ok(split_list(s.effective(EXCLUDE_NAME).as_deref()))
}

pub fn split_list(v: Option<&str>) -> Vec<String> {
    v.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
