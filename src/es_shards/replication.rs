//! `replication`: per index healthy / syncing / degraded / failed with progress, from shard
//! states (`_cat/shards`). The rules are [`RULES`], shown in `--help` and the README.

use super::cluster::Cluster;
use super::error::EsShardsError;
use super::follow::{Follow, Retry};
use super::model::ShardCopy;
use crate::conn::es::Client;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Instant;

/// The classification, word for word as applied by [`classify`].
pub const RULES: &str = "Per index, from the state of every shard copy (_cat/shards):
  failed    a primary is UNASSIGNED (data unavailable, index red), or a copy is UNASSIGNED with
            reason ALLOCATION_FAILED (allocation gave up after index.allocation.max_retries,
            default 5: run `shark es-shards recover`)
  degraded  all primaries assigned, but a replica is UNASSIGNED for another reason (node left,
            allocation disabled, no eligible node) and nothing is rebuilding it
  syncing   nothing unassigned, but a copy is INITIALIZING or RELOCATING (recovery in progress)
  healthy   every copy STARTED
Progress = active copies (STARTED or RELOCATING) / all copies, in %.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Healthy,
    Syncing,
    Degraded,
    Failed,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Healthy => "healthy",
            State::Syncing => "syncing",
            State::Degraded => "degraded",
            State::Failed => "failed",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct IndexReplication {
    pub index: String,
    pub status: State,
    pub copies: usize,
    pub active: usize,
    pub initializing: usize,
    pub relocating: usize,
    pub unassigned: usize,
    pub progress: f64,
    /// The copies that decided the status, e.g. "logs[1]r UNASSIGNED ALLOCATION_FAILED".
    pub detail: Vec<String>,
}

/// Classify every index present in `shards` (ordered by index name).
pub fn classify(shards: &[ShardCopy]) -> Vec<IndexReplication> {
    let mut by_index: BTreeMap<&str, Vec<&ShardCopy>> = BTreeMap::new();
    for c in shards {
        by_index.entry(&c.index).or_default().push(c);
    }
    by_index
        .into_iter()
        .map(|(index, copies)| {
            let count = |s: &str| copies.iter().filter(|c| c.state == s).count();
            let (started, init, reloc, unassigned) = (
                count("STARTED"),
                count("INITIALIZING"),
                count("RELOCATING"),
                count("UNASSIGNED"),
            );
            let name = |c: &ShardCopy| {
                format!(
                    "{}[{}]{} {}{}",
                    c.index,
                    c.shard,
                    if c.primary { "p" } else { "r" },
                    c.state,
                    c.unassigned_reason
                        .as_deref()
                        .map(|r| format!(" {r}"))
                        .unwrap_or_default()
                )
            };
            let failed: Vec<String> = copies
                .iter()
                .filter(|c| {
                    c.state == "UNASSIGNED"
                        && (c.primary
                            || c.unassigned_reason.as_deref() == Some("ALLOCATION_FAILED"))
                })
                .map(|c| name(c))
                .collect();
            let degraded: Vec<String> = copies
                .iter()
                .filter(|c| c.state == "UNASSIGNED")
                .map(|c| name(c))
                .collect();
            let moving: Vec<String> = copies
                .iter()
                .filter(|c| c.state == "INITIALIZING" || c.state == "RELOCATING")
                .map(|c| name(c))
                .collect();
            let (status, detail) = if !failed.is_empty() {
                (State::Failed, failed)
            } else if !degraded.is_empty() {
                (State::Degraded, degraded)
            } else if !moving.is_empty() {
                (State::Syncing, moving)
            } else {
                (State::Healthy, vec![])
            };
            let total = copies.len();
            let active = started + reloc;
            IndexReplication {
                index: index.to_string(),
                status,
                copies: total,
                active,
                initializing: init,
                relocating: reloc,
                unassigned,
                progress: if total == 0 {
                    100.0
                } else {
                    (active as f64 * 1000.0 / total as f64).round() / 10.0
                },
                detail,
            }
        })
        .collect()
}

/// Classify the copies of `index` (a name or pattern; every index when None).
pub async fn replication(
    client: &Client,
    index: Option<&str>,
) -> Result<Vec<IndexReplication>, EsShardsError> {
    Ok(classify(&client.shards(index).await?))
}

/// Re-classify every `f.wait.interval`, calling `on_change` whenever the picture changes, until
/// every index is healthy (then return the last picture), the timeout, or Ctrl-C.
pub async fn watch(
    client: &Client,
    index: Option<&str>,
    f: &Follow<'_>,
    on_change: &mut (dyn FnMut(&[IndexReplication]) + Send),
) -> Result<Vec<IndexReplication>, EsShardsError> {
    let started = Instant::now();
    let mut last: Option<Vec<IndexReplication>> = None;
    let mut retry = Retry::default();
    loop {
        if let Some(now) = retry.check(replication(client, index).await, f.obs)? {
            if last.as_ref() != Some(&now) {
                on_change(&now);
            }
            if now.iter().all(|i| i.status == State::Healthy) {
                return Ok(now);
            }
            last = Some(now);
        }
        if started.elapsed() >= f.wait.timeout {
            return Err(retry.timeout(
                "replication watch",
                f.wait.timeout.as_secs(),
                "some indices are not healthy yet (see the last table); `shark es-shards recover` retries failed allocations",
            ));
        }
        tokio::select! {
            _ = tokio::time::sleep(f.wait.interval) => {}
            _ = f.cancel.cancelled() => return Err(EsShardsError::Interrupted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(
        index: &str,
        shard: u64,
        primary: bool,
        state: &str,
        reason: Option<&str>,
    ) -> ShardCopy {
        ShardCopy {
            index: index.into(),
            shard,
            primary,
            state: state.into(),
            docs: None,
            store_bytes: None,
            node: None,
            node_id: None,
            relocating_to: None,
            unassigned_reason: reason.map(str::to_string),
        }
    }

    #[test]
    fn the_four_states_follow_the_rules() {
        let shards = vec![
            copy("a", 0, true, "STARTED", None),
            copy("a", 0, false, "STARTED", None),
            copy("b", 0, true, "STARTED", None),
            copy("b", 0, false, "INITIALIZING", None),
            copy("b", 1, true, "RELOCATING", None),
            copy("b", 1, false, "STARTED", None),
            copy("c", 0, true, "STARTED", None),
            copy("c", 0, false, "UNASSIGNED", Some("NODE_LEFT")),
            copy("d", 0, true, "STARTED", None),
            copy("d", 0, false, "UNASSIGNED", Some("ALLOCATION_FAILED")),
            copy("e", 0, true, "UNASSIGNED", Some("NODE_LEFT")),
        ];
        let r = classify(&shards);
        let st: Vec<(&str, State)> = r.iter().map(|i| (i.index.as_str(), i.status)).collect();
        assert_eq!(
            st,
            vec![
                ("a", State::Healthy),
                ("b", State::Syncing),
                ("c", State::Degraded),
                ("d", State::Failed),
                ("e", State::Failed)
            ]
        );
        assert_eq!(r[1].progress, 75.0);
        assert_eq!(r[4].progress, 0.0);
    }
}
