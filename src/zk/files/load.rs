//! The load score that places and rebalances files:
//! `score = files·count + mib·(bytes / MiB) + connections·(member's client connections)
//!          + latency_ms·(member's average latency in ms)`, weights from `[zk.load]`
//! (defaults 1, 1, 0.5, 0.1). Lower is less loaded; drained nodes take no files.

use crate::zk::ensemble::Snapshot;
use crate::zk::settings::LoadWeights;
use serde::Serialize;

/// One storage node's load.
#[derive(Debug, Clone, Serialize)]
pub struct NodeLoad {
    pub node: String,
    pub files: u64,
    pub bytes: u64,
    pub connections: Option<u64>,
    pub latency_avg: Option<f64>,
    pub drained: bool,
    pub score: f64,
}

/// Bytes per MiB.
pub const MIB: f64 = 1024.0 * 1024.0;

impl NodeLoad {
    pub fn new(
        node: &str,
        member: Option<&str>,
        snap: Option<&Snapshot>,
        drained: bool,
    ) -> NodeLoad {
        let m = member.and_then(|a| snap.and_then(|s| s.member(a)));
        NodeLoad {
            node: node.to_string(),
            files: 0,
            bytes: 0,
            connections: m.and_then(|m| m.connections),
            latency_avg: m.and_then(|m| m.latency_avg),
            drained,
            score: 0.0,
        }
    }

    /// Recompute `score` with `w`.
    pub fn rescore(&mut self, w: &LoadWeights) {
        self.score = w.files * self.files as f64
            + w.mib * self.bytes as f64 / MIB
            + w.connections * self.connections.unwrap_or(0) as f64
            + w.latency_ms * self.latency_avg.unwrap_or(0.0);
    }
}

/// What one file adds to a node's score.
pub fn file_score(w: &LoadWeights, size: u64) -> f64 {
    w.files + w.mib * size as f64 / MIB
}

/// max − min score over nodes that take files (not drained).
pub fn spread(loads: &[NodeLoad]) -> f64 {
    let live: Vec<f64> = loads
        .iter()
        .filter(|l| !l.drained)
        .map(|l| l.score)
        .collect();
    if live.is_empty() {
        return 0.0;
    }
    let max = live.iter().cloned().fold(f64::MIN, f64::max);
    let min = live.iter().cloned().fold(f64::MAX, f64::min);
    max - min
}

/// The least-loaded node that takes files.
pub fn least_loaded(loads: &[NodeLoad]) -> Option<&NodeLoad> {
    loads
        .iter()
        .filter(|l| !l.drained)
        .min_by(|a, b| a.score.total_cmp(&b.score).then(a.node.cmp(&b.node)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_and_spread() {
        let w = LoadWeights::default();
        let mut a = NodeLoad::new("a", None, None, false);
        a.files = 4;
        a.bytes = 2 * 1024 * 1024;
        a.rescore(&w);
        assert_eq!(a.score, 6.0);
        let mut b = NodeLoad::new("b", None, None, false);
        b.rescore(&w);
        let mut c = NodeLoad::new("c", None, None, true);
        c.files = 100;
        c.rescore(&w);
        let loads = vec![a, b, c];
        assert_eq!(spread(&loads), 6.0);
        assert_eq!(least_loaded(&loads).unwrap().node, "b");
    }

    #[test]
    fn zookeeper_metrics_count_in_the_score() {
        use crate::zk::ensemble::{Member, judge};
        let member = |addr: &str, mode: &str, conns: u64, lat: f64| Member {
            addr: addr.into(),
            mode: mode.into(),
            connections: Some(conns),
            latency_avg: Some(lat),
            ..Member::default()
        };
        let snap = judge(
            vec![
                member("h:1", "leader", 40, 2.0),
                member("h:2", "follower", 2, 0.0),
            ],
            vec![],
        );
        let w = LoadWeights::default();
        let mut busy = NodeLoad::new("busy", Some("h:1"), Some(&snap), false);
        busy.rescore(&w);
        assert_eq!(busy.score, 0.5 * 40.0 + 0.1 * 2.0);
        let mut quiet = NodeLoad::new("quiet", Some("h:2"), Some(&snap), false);
        quiet.files = 10;
        quiet.rescore(&w);
        assert_eq!(quiet.score, 10.0 + 1.0);
        // ten files on the quiet node still weigh less than the busy member's sessions
        assert_eq!(least_loaded(&[busy, quiet]).unwrap().node, "quiet");
    }
}
