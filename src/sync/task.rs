//! A sync task's definition: source and target connections, the unit selector, the mode and
//! options. Stored as JSON in the state file.

use crate::sync::model::fields::FieldMap;
use crate::sync::model::value::TimePrecision;
use serde::{Deserialize, Serialize};

/// What a row the sink refuses on its own merits (a value the target cannot hold, a mapping
/// conflict) does to the task.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnError {
    /// The task stops (exit 4) with its checkpoint before the batch.
    #[default]
    Stop,
    /// The row is recorded in the state file (`sync skipped`, `sync logs`) and the task goes on.
    Skip,
}

impl OnError {
    pub fn as_str(self) -> &'static str {
        match self {
            OnError::Stop => "stop",
            OnError::Skip => "skip",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `_id` = primary key; update replaces, delete deletes (or marks with `--soft-delete`).
    Mirror,
    /// One version document per change; deletes are tombstones.
    History,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Mirror => "mirror",
            Mode::History => "history",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaskSpec {
    pub source: String,
    pub target: String,
    /// `db.table`, `db.*`, or `/regex/` matched against `db.table`.
    pub tables: Vec<String>,
    pub mode: Mode,
    #[serde(default)]
    pub soft_delete: bool,
    /// Target database; default: the source database's name.
    #[serde(default)]
    pub target_db: Option<String>,
    #[serde(default = "default_batch_rows")]
    pub batch_rows: usize,
    #[serde(default = "default_batch_bytes")]
    pub batch_bytes: usize,
    #[serde(default = "default_parallel")]
    pub parallel: usize,
    /// Replica server id used for the binlog stream (unique among the source's replicas).
    #[serde(default)]
    pub server_id: Option<u32>,
    /// How DATETIME/TIMESTAMP values are stored: Date at ms (default) or Int64 µs.
    #[serde(default)]
    pub time_precision: TimePrecision,
    /// Field include/exclude/rename per unit.
    #[serde(default, skip_serializing_if = "FieldMap::is_empty")]
    pub fields: FieldMap,
    #[serde(default)]
    pub on_error: OnError,
    /// Elasticsearch sinks: mapping entries (field → mapping) merged over the derived mapping
    /// of every index the task creates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es_mapping: Option<serde_json::Value>,
    /// The `_id` form of composite keys at Elasticsearch targets: [`ID_FORMAT`] (the JSON array
    /// of the key values, `["acme",5]`) for tasks created or reset since; 1 (absent) for older
    /// tasks, whose indexes hold an internal text form (the sink refuses them until `sync
    /// reset` of the whole task copies them again).
    #[serde(default = "legacy_id_format")]
    pub id_format: u8,
    /// The zookeeper connection that holds the task's checkpoint and unit progress when it
    /// runs on several hosts (`sync create --coordinator`); None: the local state file only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
    /// The ZooKeeper session timeout of the task's workers, in ms (None: the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_timeout_ms: Option<u64>,
}

/// The current `_id` form of composite keys (see [`TaskSpec::id_format`]).
pub const ID_FORMAT: u8 = 2;

fn legacy_id_format() -> u8 {
    1
}

fn default_batch_rows() -> usize {
    2000
}
fn default_batch_bytes() -> usize {
    8 << 20
}
fn default_parallel() -> usize {
    2
}

impl TaskSpec {
    /// Replica server id: explicit, or derived from `identity` (stable, in a high range
    /// unlikely to collide with real replicas).
    pub fn server_id(&self, identity: &str) -> u32 {
        self.server_id.unwrap_or_else(|| {
            let h = identity
                .bytes()
                .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
            0x5000_0000 | (h & 0x0fff_ffff)
        })
    }

    /// Whether `db.table` is selected.
    pub fn selects(&self, db: &str, table: &str) -> bool {
        let full = format!("{db}.{table}");
        self.tables.iter().any(|p| matches(p, db, table, &full))
    }

    /// The databases named by the selector (None when a regex may match any database).
    pub fn databases(&self) -> Option<Vec<String>> {
        let mut out = vec![];
        for p in &self.tables {
            if p.starts_with('/') {
                return None;
            }
            if let Some((db, _)) = p.split_once('.')
                && !out.contains(&db.to_string())
            {
                out.push(db.to_string());
            }
        }
        Some(out)
    }

    pub fn target_db<'a>(&'a self, source_db: &'a str) -> &'a str {
        self.target_db.as_deref().unwrap_or(source_db)
    }

    /// Check the selector patterns.
    pub fn validate(&self) -> Result<(), String> {
        if self.tables.is_empty() {
            return Err("select tables with --tables db.table, db.* or /regex/".into());
        }
        for p in &self.tables {
            if let Some(re) = p.strip_prefix('/').and_then(|r| r.strip_suffix('/')) {
                regex::Regex::new(re).map_err(|e| format!("--tables {p}: bad regex: {e}"))?;
            } else if p
                .split_once('.')
                .is_none_or(|(d, t)| d.is_empty() || t.is_empty())
            {
                return Err(format!("--tables {p}: expected db.table, db.* or /regex/"));
            }
        }
        if self.batch_rows == 0 || self.parallel == 0 {
            return Err("--batch-rows and --parallel must be at least 1".into());
        }
        Ok(())
    }
}

impl TaskSpec {
    /// Elasticsearch sources: whether index `index` is selected. A selector is an index name, a
    /// wildcard pattern (`logs-*`, `?` for one character) or `/regex/` matched against the name.
    pub fn selects_index(&self, index: &str) -> bool {
        self.tables.iter().any(|p| index_matches(p, index))
    }

    /// Elasticsearch sources: check the selectors (index names, wildcards, `/regex/`) instead
    /// of [`TaskSpec::validate`]'s `db.table` rule; the other checks are the same.
    pub fn validate_indexes(&self) -> Result<(), String> {
        if self.tables.is_empty() {
            return Err(
                "select indexes with --tables NAME, a wildcard like logs-* or /regex/".into(),
            );
        }
        for p in &self.tables {
            if let Some(re) = p.strip_prefix('/').and_then(|r| r.strip_suffix('/')) {
                regex::Regex::new(re).map_err(|e| format!("--tables {p}: bad regex: {e}"))?;
            } else if p.is_empty() || p.contains([',', ' ', '"', '\\', '<', '>', '|', '#']) {
                return Err(format!(
                    "--tables {p}: expected an index name, a wildcard pattern (logs-*) or /regex/"
                ));
            }
        }
        if self.batch_rows == 0 || self.parallel == 0 {
            return Err("--batch-rows and --parallel must be at least 1".into());
        }
        Ok(())
    }
}

/// An index selector against an index name: `/regex/`, a glob with `*` and `?`, or the name.
fn index_matches(p: &str, index: &str) -> bool {
    if let Some(re) = p.strip_prefix('/').and_then(|r| r.strip_suffix('/')) {
        return regex::Regex::new(re).is_ok_and(|r| r.is_match(index));
    }
    if !p.contains(['*', '?']) {
        return p == index;
    }
    let mut re = String::from("^");
    for c in p.chars() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re).is_ok_and(|r| r.is_match(index))
}

fn matches(p: &str, db: &str, table: &str, full: &str) -> bool {
    if let Some(re) = p.strip_prefix('/').and_then(|r| r.strip_suffix('/')) {
        return regex::Regex::new(re).is_ok_and(|r| r.is_match(full));
    }
    match p.split_once('.') {
        Some((d, "*")) => d == db,
        Some((d, t)) => d == db && t == table,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(t: &[&str]) -> TaskSpec {
        TaskSpec {
            source: "s".into(),
            target: "t".into(),
            tables: t.iter().map(|s| s.to_string()).collect(),
            mode: Mode::Mirror,
            soft_delete: false,
            target_db: None,
            batch_rows: 10,
            batch_bytes: 10,
            parallel: 1,
            server_id: None,
            time_precision: TimePrecision::Ms,
            fields: FieldMap::default(),
            on_error: OnError::Stop,
            es_mapping: None,
            id_format: ID_FORMAT,
            coordinator: None,
            session_timeout_ms: None,
        }
    }

    #[test]
    fn selectors() {
        let s = spec(&["shop.*", "crm.users", "/^logs\\.day_\\d+$/"]);
        assert!(s.selects("shop", "orders"));
        assert!(s.selects("crm", "users"));
        assert!(!s.selects("crm", "leads"));
        assert!(s.selects("logs", "day_12"));
        assert!(!s.selects("logs", "day_x"));
        assert!(s.validate().is_ok());
        assert!(spec(&["nodot"]).validate().is_err());
        assert!(spec(&["/[/"]).validate().is_err());
        let es = spec(&["logs-*", "users", "/^m\\d$/", "a?c"]);
        assert!(es.validate_indexes().is_ok());
        assert!(es.selects_index("logs-2024.01"));
        assert!(es.selects_index("users"));
        assert!(!es.selects_index("users2"));
        assert!(es.selects_index("m7") && !es.selects_index("m77"));
        assert!(es.selects_index("abc") && !es.selects_index("a.bc"));
        assert!(spec(&["a,b"]).validate_indexes().is_err());
        assert!(spec(&["/[/"]).validate_indexes().is_err());
        assert_eq!(
            spec(&["a.*", "b.c", "a.d"]).databases(),
            Some(vec!["a".to_string(), "b".to_string()])
        );
    }
}
