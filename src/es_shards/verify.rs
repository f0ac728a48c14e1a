//! `verify INDEX`: per shard, the primary against each active replica — document count and store
//! size. Counts come from `_cat/shards` and from a `_count` pinned to each copy
//! (`preference=_shards:N|_only_nodes:NODE`). A copy whose count differs from its primary's is
//! re-checked `rounds` times, `pause` apart, so writes in flight do not raise an alarm; only a
//! difference that persists is a mismatch (exit 1). Sizes legitimately differ (segment merges,
//! deleted docs), so a size gap beyond `size_tolerance` % is a warning, never a mismatch.

use super::cluster::Cluster;
use super::cluster::unsupported_api;
use super::error::EsShardsError;
use super::model::{Count, ShardCopy};
use crate::cancel::Cancel;
use crate::conn::es::Client;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct VerifyOpts {
    pub rounds: u32,
    pub pause: Duration,
    pub size_tolerance: f64,
}

#[derive(Debug, Serialize)]
pub struct VerifyReport {
    pub index: String,
    /// `index.blocks.write` is set: counts are stable, a mismatch is real divergence.
    pub write_blocked: Option<bool>,
    pub shards: Vec<ShardCheck>,
    pub mismatches: usize,
    pub size_warnings: usize,
    /// Copies not compared (unassigned, initializing, or no primary to compare with).
    pub not_compared: usize,
}

#[derive(Debug, Serialize)]
pub struct ShardCheck {
    pub index: String,
    pub shard: u64,
    pub primary_node: Option<String>,
    pub primary_docs: Option<u64>,
    pub primary_count: Option<u64>,
    pub primary_store: Option<u64>,
    pub replicas: Vec<CopyCheck>,
}

#[derive(Debug, Serialize)]
pub struct CopyCheck {
    pub node: Option<String>,
    pub state: String,
    pub docs: Option<u64>,
    pub count: Option<u64>,
    pub store: Option<u64>,
    /// "ok", "mismatch", "size-differs", or "not-compared: WHY".
    pub verdict: String,
}

impl VerifyReport {
    pub fn problems(&self) -> Option<String> {
        (self.mismatches > 0).then(|| {
            format!(
                "{}: {} replica {} from {} primary",
                self.index,
                self.mismatches,
                if self.mismatches == 1 {
                    "copy differs"
                } else {
                    "copies differ"
                },
                if self.mismatches == 1 { "its" } else { "their" }
            )
        })
    }
}

fn active(c: &ShardCopy) -> bool {
    c.state == "STARTED" || c.state == "RELOCATING"
}

/// Searchable docs of one copy, or None when the server cannot pin a count to a copy.
async fn count(client: &Client, c: &ShardCopy) -> Result<Option<u64>, EsShardsError> {
    // names resolve in `_only_nodes` like ids do, and `_cat` may shorten ids
    let Some(node) = c.node.as_deref().or(c.node_id.as_deref()) else {
        return Ok(None);
    };
    let path = format!(
        "/{}/_count?preference=_shards:{}%7C_only_nodes:{}",
        c.index, c.shard, node
    );
    match client
        .get::<Count>(&path)
        .await
        .map_err(EsShardsError::from)
    {
        Ok(n) if n.shards.successful == 1 && n.shards.failed == 0 => Ok(Some(n.count)),
        Ok(_) => Ok(None),
        // no pinned count on this server, or the copy moved since `_cat/shards` was read:
        // fall back to the `_cat/shards` docs
        Err(e) if unsupported_api(&e) || matches!(e, EsShardsError::Http { status: 400, .. }) => {
            tracing::debug!(error = %e, "no count pinned to {}[{}] on {node}", c.index, c.shard);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

async fn write_blocked(client: &Client, index: &str) -> Option<bool> {
    let path = format!("/{index}/_settings/index.blocks.write?flat_settings=true");
    let v: serde_json::Value = client.get(&path).await.ok()?;
    let obj = v.as_object()?;
    Some(
        obj.values().all(|i| {
            i.pointer("/settings/index.blocks.write")
                .is_some_and(|b| b == "true" || b == true)
        }) && !obj.is_empty(),
    )
}

pub async fn verify(
    client: &Client,
    index: &str,
    opts: &VerifyOpts,
    cancel: &Cancel,
) -> Result<VerifyReport, EsShardsError> {
    let copies = client.shards(Some(index)).await?;
    if copies.is_empty() {
        return Err(EsShardsError::Usage(format!(
            "index '{index}' has no shards (does it exist?)"
        )));
    }
    let mut groups: BTreeMap<(String, u64), Vec<ShardCopy>> = BTreeMap::new();
    for c in copies {
        groups
            .entry((c.index.clone(), c.shard))
            .or_default()
            .push(c);
    }
    let mut report = VerifyReport {
        index: index.to_string(),
        write_blocked: write_blocked(client, index).await,
        shards: vec![],
        mismatches: 0,
        size_warnings: 0,
        not_compared: 0,
    };
    for ((idx, shard), group) in groups {
        let primary = group.iter().find(|c| c.primary && active(c));
        let mut check = ShardCheck {
            index: idx,
            shard,
            primary_node: primary.and_then(|p| p.node.clone()),
            primary_docs: primary.and_then(|p| p.docs),
            primary_count: None,
            primary_store: primary.and_then(|p| p.store_bytes),
            replicas: vec![],
        };
        if let Some(p) = primary {
            check.primary_count = count(client, p).await?;
        }
        for r in group.iter().filter(|c| !c.primary) {
            let mut cc = CopyCheck {
                node: r.node.clone(),
                state: r.state.clone(),
                docs: r.docs,
                count: None,
                store: r.store_bytes,
                verdict: String::new(),
            };
            let Some(p) = primary else {
                cc.verdict = "not-compared: no active primary".into();
                report.not_compared += 1;
                check.replicas.push(cc);
                continue;
            };
            if !active(r) {
                cc.verdict = format!("not-compared: {}", r.state);
                report.not_compared += 1;
                check.replicas.push(cc);
                continue;
            }
            cc.count = count(client, r).await?;
            let mut differ = differs(check.primary_count, cc.count, p.docs, r.docs);
            let mut round = 1;
            while differ && round < opts.rounds {
                tokio::select! {
                    _ = tokio::time::sleep(opts.pause) => {}
                    _ = cancel.cancelled() => return Err(EsShardsError::Interrupted),
                }
                round += 1;
                let now: Vec<ShardCopy> = client
                    .shards(Some(index))
                    .await?
                    .into_iter()
                    .filter(|c| c.shard == shard && c.index == check.index)
                    .collect();
                let np = now
                    .iter()
                    .find(|c| c.primary)
                    .map(|c| c.docs)
                    .unwrap_or(p.docs);
                let nr = now
                    .iter()
                    .find(|c| !c.primary && c.node == r.node)
                    .map(|c| c.docs)
                    .unwrap_or(r.docs);
                check.primary_count = count(client, p).await?;
                check.primary_docs = np;
                cc.count = count(client, r).await?;
                cc.docs = nr;
                differ = differs(check.primary_count, cc.count, np, nr);
            }
            if differ {
                cc.verdict = "mismatch".into();
                report.mismatches += 1;
            } else if size_gap(p.store_bytes, r.store_bytes) > opts.size_tolerance {
                cc.verdict = "size-differs".into();
                report.size_warnings += 1;
            } else {
                cc.verdict = "ok".into();
            }
            check.replicas.push(cc);
        }
        report.shards.push(check);
    }
    Ok(report)
}

/// Counts pinned to each copy decide when both exist; otherwise `_cat/shards` docs do.
fn differs(pc: Option<u64>, rc: Option<u64>, pd: Option<u64>, rd: Option<u64>) -> bool {
    match (pc, rc) {
        (Some(a), Some(b)) => a != b,
        _ => matches!((pd, rd), (Some(a), Some(b)) if a != b),
    }
}

/// Relative size difference in %, 0 when unknown.
fn size_gap(p: Option<u64>, r: Option<u64>) -> f64 {
    match (p, r) {
        (Some(a), Some(b)) if a.max(b) > 0 => (a as f64 - b as f64).abs() * 100.0 / a.max(b) as f64,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_counts_decide_then_cat_docs() {
        assert!(differs(Some(10), Some(9), Some(10), Some(10)));
        assert!(!differs(Some(10), Some(10), Some(10), Some(9)));
        assert!(differs(None, None, Some(10), Some(9)));
        assert!(!differs(None, None, None, Some(9)));
        assert_eq!(size_gap(Some(100), Some(50)), 50.0);
        assert_eq!(size_gap(None, Some(50)), 0.0);
    }
}
