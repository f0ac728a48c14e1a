//! What changed between two reports: score and verdict, findings that appeared or were
//! resolved, metric movements per instance, dependency status changes and vulnerability counts.

use super::model::{Finding, Report};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct Diff {
    pub from: i64,
    pub to: i64,
    pub score: (i64, i64),
    pub verdict: (String, String),
    pub new_findings: Vec<Finding>,
    pub resolved_findings: Vec<Finding>,
    /// (instance, metric, before, after)
    pub metrics: Vec<(String, String, Option<f64>, Option<f64>)>,
    /// (dependency, status before, status after)
    pub health: Vec<(String, String, String)>,
    /// (severity, before, after)
    pub vulns: Vec<(String, u64, u64)>,
}

pub fn diff(a: &Report, b: &Report) -> Diff {
    let keys = |r: &Report| {
        r.findings
            .iter()
            .map(|f| (f.key(), f.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let (ka, kb) = (keys(a), keys(b));
    let new_findings = kb
        .iter()
        .filter(|(k, _)| !ka.contains_key(*k))
        .map(|(_, f)| f.clone())
        .collect();
    let resolved_findings = ka
        .iter()
        .filter(|(k, _)| !kb.contains_key(*k))
        .map(|(_, f)| f.clone())
        .collect();
    let mut metrics = vec![];
    let values = |r: &Report| {
        let mut m: BTreeMap<(String, String), f64> = BTreeMap::new();
        for i in r.metrics.iter().flat_map(|m| &m.instances) {
            for (k, v) in [
                ("cpu %", i.cpu_pct),
                ("memory %", i.mem_pct),
                ("load5", i.load5),
            ] {
                if let Some(v) = v {
                    m.insert((i.instance.clone(), k.to_string()), v);
                }
            }
            for d in &i.disks {
                m.insert(
                    (i.instance.clone(), format!("disk {} %", d.mountpoint)),
                    d.used_pct,
                );
            }
        }
        m
    };
    let (va, vb) = (values(a), values(b));
    let mut all: Vec<&(String, String)> = va.keys().chain(vb.keys()).collect();
    all.sort();
    all.dedup();
    for k in all {
        let (x, y) = (va.get(k).copied(), vb.get(k).copied());
        let moved = match (x, y) {
            (Some(x), Some(y)) => (x - y).abs() >= 0.05,
            _ => true,
        };
        if moved {
            metrics.push((k.0.clone(), k.1.clone(), x, y));
        }
    }
    let status = |r: &Report| {
        r.health
            .iter()
            .map(|h| (h.name.clone(), h.status.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let (ha, hb) = (status(a), status(b));
    let mut health = vec![];
    for name in ha
        .keys()
        .chain(hb.keys())
        .collect::<std::collections::BTreeSet<_>>()
    {
        let (x, y) = (
            ha.get(name).cloned().unwrap_or_else(|| "-".into()),
            hb.get(name).cloned().unwrap_or_else(|| "-".into()),
        );
        if x != y {
            health.push((name.clone(), x, y));
        }
    }
    let counts = |r: &Report| {
        r.vulns
            .as_ref()
            .map(|v| [v.critical, v.high, v.medium, v.low])
            .unwrap_or_default()
    };
    let (ca, cb) = (counts(a), counts(b));
    let vulns = ["critical", "high", "medium", "low"]
        .iter()
        .enumerate()
        .filter(|(i, _)| ca[*i] != cb[*i])
        .map(|(i, s)| (s.to_string(), ca[i], cb[i]))
        .collect();
    Diff {
        from: a.id,
        to: b.id,
        score: (a.score, b.score),
        verdict: (a.verdict.clone(), b.verdict.clone()),
        new_findings,
        resolved_findings,
        metrics,
        health,
        vulns,
    }
}
