//! Typed shapes of the responses es-shards reads, as documented by Elasticsearch 7.17/8.x and
//! OpenSearch 2.x (each struct names its page). Only the fields used are declared; unknown
//! fields are ignored, missing required ones are a parse error naming the endpoint.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `_cat` APIs in JSON give numbers as strings (and `null` for unassigned copies); accept both.
fn opt_num<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("{n} is not a count"))),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("'{s}' is not a count"))),
        Some(v) => Err(serde::de::Error::custom(format!("{v} is not a count"))),
    }
}

fn num<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    opt_num(d)?.ok_or_else(|| serde::de::Error::custom("missing count"))
}

/// Percent strings like "45.2%" (recovery) or numbers.
fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    match Value::deserialize(d)? {
        Value::Number(n) => Ok(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => s
            .trim_end_matches('%')
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("'{s}' is not a percentage"))),
        Value::Null => Ok(0.0),
        v => Err(serde::de::Error::custom(format!("{v} is not a percentage"))),
    }
}

/// `GET /_cluster/health`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/cluster-health.html>).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Health {
    pub cluster_name: String,
    pub status: String,
    pub number_of_nodes: u64,
    pub number_of_data_nodes: u64,
    pub active_primary_shards: u64,
    pub active_shards: u64,
    pub relocating_shards: u64,
    pub initializing_shards: u64,
    pub unassigned_shards: u64,
    /// Unassigned copies waiting for `index.unassigned.node_left.delayed_timeout`.
    #[serde(default)]
    pub delayed_unassigned_shards: u64,
    /// Shard-store reads from the nodes in progress: allocation decisions are still to come
    /// (a node that just rejoined is asked what copies it holds).
    #[serde(default)]
    pub number_of_in_flight_fetch: u64,
    /// Cluster-state changes queued at the master (a reroute after a settings change).
    #[serde(default)]
    pub number_of_pending_tasks: u64,
    #[serde(default)]
    pub active_shards_percent_as_number: f64,
}

/// One row of `GET /_cat/shards?format=json&bytes=b&h=...`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/cat-shards.html>).
#[derive(Debug, Clone, Deserialize)]
pub struct CatShard {
    pub index: String,
    #[serde(deserialize_with = "num")]
    pub shard: u64,
    pub prirep: String,
    pub state: String,
    #[serde(default, deserialize_with = "opt_num")]
    pub docs: Option<u64>,
    #[serde(default, deserialize_with = "opt_num")]
    pub store: Option<u64>,
    #[serde(default)]
    pub id: Option<String>,
    /// "node-1", or for a RELOCATING copy "node-1 -> 10.0.0.3 NODEID node-3".
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default, rename = "unassigned.reason")]
    pub unassigned_reason: Option<String>,
}

/// The `h=` columns requested from `_cat/shards`.
pub const CAT_SHARDS_COLUMNS: &str =
    "index,shard,prirep,state,docs,store,id,node,unassigned.reason";

/// A shard copy, as the engine reasons about it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ShardCopy {
    pub index: String,
    pub shard: u64,
    pub primary: bool,
    pub state: String,
    pub docs: Option<u64>,
    pub store_bytes: Option<u64>,
    pub node: Option<String>,
    pub node_id: Option<String>,
    pub relocating_to: Option<String>,
    pub unassigned_reason: Option<String>,
}

impl From<CatShard> for ShardCopy {
    fn from(c: CatShard) -> ShardCopy {
        let (node, relocating_to) = match c.node.as_deref() {
            Some(n) if n.contains(" -> ") => {
                let (src, dst) = n.split_once(" -> ").unwrap_or((n, ""));
                (
                    Some(src.trim().to_string()),
                    dst.split_whitespace().last().map(str::to_string),
                )
            }
            Some(n) if !n.is_empty() => (Some(n.to_string()), None),
            _ => (None, None),
        };
        ShardCopy {
            index: c.index,
            shard: c.shard,
            primary: c.prirep == "p" || c.prirep == "primary",
            state: c.state,
            docs: c.docs,
            store_bytes: c.store,
            node,
            node_id: c.id.filter(|s| !s.is_empty()),
            relocating_to,
            unassigned_reason: c.unassigned_reason.filter(|s| !s.is_empty()),
        }
    }
}

/// One row of `GET /_cat/nodes?format=json&h=id,name,ip,node.role,<master>&full_id=true`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/cat-nodes.html>; OpenSearch 2
/// names the master column `cluster_manager`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct CatNode {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub ip: Option<String>,
    #[serde(rename = "node.role", default)]
    pub role: String,
    #[serde(alias = "cluster_manager", default)]
    pub master: Option<String>,
}

impl CatNode {
    /// Holds data (`d`, or a tiered data role h/s/w/c/f).
    pub fn is_data(&self) -> bool {
        self.role.chars().any(|c| "dhswcf".contains(c))
    }
    pub fn is_master(&self) -> bool {
        self.master.as_deref() == Some("*")
    }
}

/// `GET /_cluster/settings?flat_settings=true`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/cluster-get-settings.html>).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ClusterSettings {
    #[serde(default)]
    pub persistent: BTreeMap<String, Value>,
    #[serde(default)]
    pub transient: BTreeMap<String, Value>,
}

impl ClusterSettings {
    /// The effective value of an explicitly set key: transient wins over persistent.
    pub fn effective(&self, key: &str) -> Option<String> {
        self.transient
            .get(key)
            .or_else(|| self.persistent.get(key))
            .and_then(value_text)
    }
    /// The scope holding `key` ("transient" only when set there), for updates that must stay
    /// effective.
    pub fn scope_of(&self, key: &str) -> &'static str {
        if self.transient.contains_key(key) {
            "transient"
        } else {
            "persistent"
        }
    }
}

/// A setting value as text: strings as they are, arrays joined with ",".
pub fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => Some(
            a.iter()
                .filter_map(value_text)
                .collect::<Vec<_>>()
                .join(","),
        ),
        other => Some(other.to_string()),
    }
}

/// `PUT /_cluster/settings` answer.
#[derive(Debug, Deserialize)]
pub struct Acknowledged {
    pub acknowledged: bool,
}

/// `GET /_recovery?active_only=true`: index name → shards
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/indices-recovery.html>).
pub type Recoveries = BTreeMap<String, IndexRecovery>;

#[derive(Debug, Clone, Deserialize)]
pub struct IndexRecovery {
    pub shards: Vec<RecoveryShard>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecoveryShard {
    pub id: u64,
    #[serde(rename = "type")]
    pub kind: String,
    pub stage: String,
    pub primary: bool,
    #[serde(default)]
    pub source: RecoveryNode,
    #[serde(default)]
    pub target: RecoveryNode,
    pub index: RecoveryIndex,
    #[serde(default)]
    pub translog: Option<RecoveryTranslog>,
}

/// `source` is `{}` for EMPTY_STORE, a node for PEER, a repository/snapshot for SNAPSHOT.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RecoveryNode {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub repository: Option<String>,
    #[serde(default)]
    pub snapshot: Option<String>,
}

impl RecoveryNode {
    pub fn describe(&self) -> String {
        match (&self.name, &self.repository, &self.snapshot) {
            (Some(n), _, _) => n.clone(),
            (None, Some(r), Some(s)) => format!("{r}:{s}"),
            _ => "-".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecoveryIndex {
    pub size: RecoverySize,
    pub files: RecoveryFiles,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecoverySize {
    #[serde(deserialize_with = "num")]
    pub total_in_bytes: u64,
    #[serde(deserialize_with = "num")]
    pub recovered_in_bytes: u64,
    #[serde(default, deserialize_with = "opt_num")]
    pub reused_in_bytes: Option<u64>,
    #[serde(deserialize_with = "percent")]
    pub percent: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecoveryFiles {
    #[serde(deserialize_with = "num")]
    pub total: u64,
    #[serde(deserialize_with = "num")]
    pub recovered: u64,
    #[serde(deserialize_with = "percent")]
    pub percent: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RecoveryTranslog {
    #[serde(default, deserialize_with = "percent")]
    pub percent: f64,
}

/// One shard's recovery as shown and emitted (`-o json` events).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Recovery {
    pub index: String,
    pub shard: u64,
    pub primary: bool,
    #[serde(rename = "type")]
    pub kind: String,
    pub stage: String,
    pub source: String,
    pub target: String,
    pub bytes_total: u64,
    pub bytes_recovered: u64,
    pub bytes_percent: f64,
    pub files_total: u64,
    pub files_recovered: u64,
    pub files_percent: f64,
    pub translog_percent: Option<f64>,
}

impl Recovery {
    pub fn key(&self) -> String {
        format!(
            "{}[{}]{}",
            self.index,
            self.shard,
            if self.primary { "p" } else { "r" }
        )
    }
    pub fn done(&self) -> bool {
        self.stage == "DONE"
    }
}

/// Flatten `_recovery` into one row per shard, ordered by index and shard.
pub fn flatten(r: Recoveries) -> Vec<Recovery> {
    let mut out = vec![];
    for (index, ir) in r {
        for s in ir.shards {
            out.push(Recovery {
                index: index.clone(),
                shard: s.id,
                primary: s.primary,
                kind: s.kind,
                stage: s.stage,
                source: s.source.describe(),
                target: s.target.describe(),
                bytes_total: s.index.size.total_in_bytes,
                bytes_recovered: s.index.size.recovered_in_bytes,
                bytes_percent: s.index.size.percent,
                files_total: s.index.files.total,
                files_recovered: s.index.files.recovered,
                files_percent: s.index.files.percent,
                translog_percent: s.translog.map(|t| t.percent),
            });
        }
    }
    out
}

/// One row of `GET /_cat/recovery?format=json&bytes=b`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/cat-recovery.html>): the
/// fallback where `_recovery` is missing. It has no primary flag; type and stage are lowercase.
#[derive(Debug, Clone, Deserialize)]
pub struct CatRecovery {
    pub index: String,
    #[serde(deserialize_with = "num")]
    pub shard: u64,
    #[serde(rename = "type")]
    pub kind: String,
    pub stage: String,
    #[serde(default)]
    pub source_node: Option<String>,
    #[serde(default)]
    pub target_node: Option<String>,
    #[serde(default)]
    pub repository: Option<String>,
    #[serde(default)]
    pub snapshot: Option<String>,
    #[serde(deserialize_with = "num")]
    pub files_total: u64,
    #[serde(deserialize_with = "num")]
    pub files_recovered: u64,
    #[serde(deserialize_with = "percent")]
    pub files_percent: f64,
    #[serde(deserialize_with = "num")]
    pub bytes_total: u64,
    #[serde(deserialize_with = "num")]
    pub bytes_recovered: u64,
    #[serde(deserialize_with = "percent")]
    pub bytes_percent: f64,
    #[serde(default, deserialize_with = "opt_percent")]
    pub translog_ops_percent: Option<f64>,
}

fn opt_percent<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    percent(d).map(Some)
}

impl From<CatRecovery> for Recovery {
    fn from(c: CatRecovery) -> Recovery {
        let dash = |s: Option<String>| s.filter(|s| !s.is_empty() && s != "n/a");
        let source = match (dash(c.source_node), dash(c.repository), dash(c.snapshot)) {
            (Some(n), _, _) => n,
            (None, Some(r), Some(s)) => format!("{r}:{s}"),
            _ => "-".into(),
        };
        Recovery {
            index: c.index,
            shard: c.shard,
            // _cat/recovery has no primary column: only a peer recovery targets a replica
            primary: !c.kind.eq_ignore_ascii_case("peer"),
            kind: c.kind.to_ascii_uppercase(),
            stage: c.stage.to_ascii_uppercase(),
            source,
            target: dash(c.target_node).unwrap_or_else(|| "-".into()),
            bytes_total: c.bytes_total,
            bytes_recovered: c.bytes_recovered,
            bytes_percent: c.bytes_percent,
            files_total: c.files_total,
            files_recovered: c.files_recovered,
            files_percent: c.files_percent,
            translog_percent: c.translog_ops_percent,
        }
    }
}

/// `GET /_cluster/allocation/explain` with `{"index","shard","primary"}`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/cluster-allocation-explain.html>).
#[derive(Debug, Clone, Deserialize)]
pub struct Explain {
    pub index: String,
    pub shard: u64,
    pub primary: bool,
    pub current_state: String,
    #[serde(default)]
    pub unassigned_info: Option<UnassignedInfo>,
    #[serde(default)]
    pub can_allocate: Option<String>,
    #[serde(default)]
    pub allocate_explanation: Option<String>,
    #[serde(default)]
    pub node_allocation_decisions: Vec<NodeDecision>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UnassignedInfo {
    pub reason: String,
    #[serde(default)]
    pub failed_allocation_attempts: Option<u64>,
    #[serde(default)]
    pub details: Option<String>,
    #[serde(default)]
    pub last_allocation_status: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NodeDecision {
    pub node_name: String,
    #[serde(default)]
    pub node_decision: Option<String>,
    #[serde(default)]
    pub deciders: Vec<Decider>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Decider {
    pub decider: String,
    pub decision: String,
    #[serde(default)]
    pub explanation: String,
}

impl Explain {
    /// One line: why this copy is unassigned and what blocks it.
    pub fn summary(&self) -> String {
        let mut parts = vec![];
        if let Some(u) = &self.unassigned_info {
            let mut s = u.reason.clone();
            if let Some(n) = u.failed_allocation_attempts {
                s.push_str(&format!(" after {n} failed attempt(s)"));
            }
            if let Some(d) = &u.details {
                s.push_str(&format!(" ({})", d.lines().next().unwrap_or("")));
            }
            parts.push(s);
        }
        let mut no: Vec<String> = vec![];
        for d in &self.node_allocation_decisions {
            for dec in d.deciders.iter().filter(|x| x.decision == "NO") {
                let s = format!("{}: {}", dec.decider, dec.explanation);
                if !no.contains(&s) {
                    no.push(s);
                }
            }
        }
        match (no.first(), &self.allocate_explanation) {
            (Some(first), _) => parts.push(first.clone()),
            (None, Some(e)) => parts.push(e.clone()),
            (None, None) => {}
        }
        parts.join("; ")
    }
}

/// `POST /_cluster/reroute` answer with `explain=true`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/cluster-reroute.html>).
#[derive(Debug, Clone, Deserialize)]
pub struct RerouteResponse {
    pub acknowledged: bool,
    #[serde(default)]
    pub explanations: Vec<RerouteExplanation>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct RerouteExplanation {
    pub command: String,
    #[serde(default)]
    pub parameters: Value,
    #[serde(default)]
    pub decisions: Vec<Decider>,
}

/// `GET /{index}/_count` (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/search-count.html>).
#[derive(Debug, Clone, Deserialize)]
pub struct Count {
    pub count: u64,
    #[serde(rename = "_shards")]
    pub shards: CountShards,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CountShards {
    pub successful: u64,
    #[serde(default)]
    pub failed: u64,
}

/// `GET /_snapshot/{repo}/{snapshot}` (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/get-snapshot-api.html>).
#[derive(Debug, Clone, Deserialize)]
pub struct Snapshots {
    pub snapshots: Vec<SnapshotInfo>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SnapshotInfo {
    pub snapshot: String,
    #[serde(default)]
    pub uuid: Option<String>,
    pub state: String,
    #[serde(default)]
    pub indices: Vec<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    #[serde(default)]
    pub duration_in_millis: Option<u64>,
    #[serde(default)]
    pub shards: Option<SnapshotShards>,
    #[serde(default)]
    pub failures: Vec<Value>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SnapshotShards {
    pub total: u64,
    pub failed: u64,
    pub successful: u64,
}

/// `GET /_snapshot/{repo}/{snapshot}/_status`
/// (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/get-snapshot-status-api.html>).
#[derive(Debug, Clone, Deserialize)]
pub struct SnapshotStatuses {
    pub snapshots: Vec<SnapshotStatus>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SnapshotStatus {
    pub snapshot: String,
    pub state: String,
    pub shards_stats: ShardsStats,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ShardsStats {
    pub initializing: u64,
    pub started: u64,
    pub finalizing: u64,
    pub done: u64,
    pub failed: u64,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conn::es::parse;

    fn fixture(name: &str) -> String {
        let path = format!(
            "{}/tests/infra/es-fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(
            v["doc"].as_str().unwrap().starts_with("https://"),
            "{name} cites no page"
        );
        v["response"].to_string()
    }

    #[test]
    fn documented_shapes_parse() {
        let h: Health = parse("h", &fixture("cluster-health.json")).unwrap();
        assert_eq!(h.status, "green");
        let s: Vec<CatShard> = parse("s", &fixture("cat-shards.json")).unwrap();
        let copies: Vec<ShardCopy> = s.into_iter().map(ShardCopy::from).collect();
        let reloc = copies.iter().find(|c| c.state == "RELOCATING").unwrap();
        assert_eq!(reloc.node.as_deref(), Some("node-1"));
        assert_eq!(reloc.relocating_to.as_deref(), Some("node-3"));
        assert!(
            copies
                .iter()
                .any(|c| c.docs.is_none() && c.state == "UNASSIGNED")
        );
        let n: Vec<CatNode> = parse("n", &fixture("cat-nodes.json")).unwrap();
        assert!(n.iter().any(CatNode::is_master));
        let r: Recoveries = parse("r", &fixture("recovery.json")).unwrap();
        let rows = flatten(r);
        assert!(
            rows.iter()
                .any(|r| r.kind == "PEER" && r.bytes_percent > 0.0)
        );
        let e: Explain = parse("e", &fixture("allocation-explain.json")).unwrap();
        assert!(e.summary().contains("max_retry"), "{}", e.summary());
        let rr: RerouteResponse = parse("rr", &fixture("reroute-explain.json")).unwrap();
        assert!(!rr.explanations.is_empty());
        let st: ClusterSettings = parse("st", &fixture("cluster-settings.json")).unwrap();
        assert!(st.effective("cluster.routing.allocation.enable").is_some());
        let _: Count = parse("c", &fixture("count.json")).unwrap();
        let cr: Vec<CatRecovery> = parse("cr", &fixture("cat-recovery.json")).unwrap();
        let r: Vec<Recovery> = cr.into_iter().map(Recovery::from).collect();
        assert_eq!((r[0].kind.as_str(), r[0].stage.as_str()), ("PEER", "INDEX"));
        assert_eq!(
            (r[0].source.as_str(), r[0].target.as_str()),
            ("node-1", "node-3")
        );
        assert!(!r[0].primary && r[1].primary && r[1].source == "backups:snap-1");
        let sn: Snapshots = parse("sn", &fixture("snapshot-get.json")).unwrap();
        assert_eq!(sn.snapshots[0].state, "SUCCESS");
        let ss: SnapshotStatuses = parse("ss", &fixture("snapshot-status.json")).unwrap();
        assert!(ss.snapshots[0].shards_stats.total > 0);
    }

    #[test]
    fn malformed_bodies_are_errors_naming_the_endpoint() {
        for (body, want) in [
            (
                r#"[{"index":"a","shard":"zero","prirep":"p","state":"STARTED"}]"#,
                "[0].shard",
            ),
            (
                r#"[{"index":"a","shard":"0","prirep":"p","state":"STARTED","docs":"-"}]"#,
                "[0].docs",
            ),
            (r#"{"error":"x"}"#, "invalid type"),
            ("", "not JSON"),
        ] {
            let e = parse::<Vec<CatShard>>("GET /_cat/shards", body).unwrap_err();
            let s = e.to_string();
            assert!(
                s.starts_with("GET /_cat/shards: unexpected response"),
                "{s}"
            );
            assert!(s.contains(want), "{s}");
        }
        let e = parse::<Recoveries>(
            "GET /_recovery",
            r#"{"i":{"shards":[{"id":0,"type":"PEER","stage":"INDEX","primary":false,"index":{"size":{"total_in_bytes":1,"recovered_in_bytes":0,"percent":"half"},"files":{"total":1,"recovered":0,"percent":"0%"}}}]}}"#,
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("i.shards[0].index.size.percent"),
            "{e}"
        );
        let e = parse::<Health>("GET /_cluster/health", r#"{"status":"green"}"#).unwrap_err();
        assert!(e.to_string().contains("missing field"), "{e}");
    }
}
