//! The `[zk]` config section: which connection, the files root and rebalance threshold, the
//! load-score weights, and `[zk.nodes.NAME]` (member address, storage directory, start/stop
//! commands). Deserialized strictly: unknown keys are errors naming their path.

use super::error::{Result, ZkError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// Default znode root of `zk files` metadata.
pub const DEFAULT_FILES_ROOT: &str = "/shark/files";
/// Default rebalance threshold: max − min load score (the seed's SCHEDULER_THRESHOLD of 5 files).
pub const DEFAULT_THRESHOLD: f64 = 5.0;

/// Weights of the load score: `files·count + mib·MiB + connections·conns + latency_ms·avg latency`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LoadWeights {
    pub files: f64,
    pub mib: f64,
    pub connections: f64,
    pub latency_ms: f64,
}

impl Default for LoadWeights {
    fn default() -> Self {
        LoadWeights {
            files: 1.0,
            mib: 1.0,
            connections: 0.5,
            latency_ms: 0.1,
        }
    }
}

/// One `[zk.nodes.NAME]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZkNodeDecl {
    /// Client address of this node's ZooKeeper member (as in the connection URL).
    pub member: Option<String>,
    /// Local directory holding this node's files.
    pub storage: Option<PathBuf>,
    pub start: Option<String>,
    pub stop: Option<String>,
    pub restart: Option<String>,
}

/// The `[zk]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ZkConfig {
    pub conn: Option<String>,
    pub files_root: String,
    pub threshold: f64,
    #[serde(with = "humantime_serde")]
    pub settle_timeout: Duration,
    pub load: LoadWeights,
    pub nodes: BTreeMap<String, ZkNodeDecl>,
}

impl Default for ZkConfig {
    fn default() -> Self {
        ZkConfig {
            conn: None,
            files_root: DEFAULT_FILES_ROOT.into(),
            threshold: DEFAULT_THRESHOLD,
            settle_timeout: Duration::from_secs(60),
            load: LoadWeights::default(),
            nodes: BTreeMap::new(),
        }
    }
}

impl ZkConfig {
    /// Checks serde cannot express: an absolute files root, no negative numbers.
    pub fn validate(&self) -> Result<()> {
        let r = &self.files_root;
        if !r.starts_with('/') || r.len() < 2 || r.ends_with('/') || r.contains("//") {
            return Err(ZkError::Usage(format!(
                "config zk.files_root: '{r}' is not an absolute znode path like /shark/files"
            )));
        }
        let w = &self.load;
        for (k, v) in [
            ("threshold", self.threshold),
            ("load.files", w.files),
            ("load.mib", w.mib),
            ("load.connections", w.connections),
            ("load.latency_ms", w.latency_ms),
        ] {
            if !(v >= 0.0 && v.is_finite()) {
                return Err(ZkError::Usage(format!(
                    "config zk.{k}: expected a number ≥ 0, got {v}"
                )));
            }
        }
        Ok(())
    }
}

/// `60s`, `2m` ... in the config file.
mod humantime_serde {
    use serde::{Deserialize, Deserializer};
    use std::time::Duration;
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let s = String::deserialize(d)?;
        humantime::parse_duration(&s).map_err(|e| {
            serde::de::Error::custom(format!("'{s}' is not a duration like 60s or 2m: {e}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_defaults_and_validation() {
        let c: ZkConfig = toml::from_str(
            "threshold = 3\nsettle_timeout = '2m'\n[load]\nfiles = 2\n[nodes.a]\nmember = 'h:1'\nstorage = '/s'\nstart = 'x'\n",
        )
        .unwrap();
        assert_eq!((c.threshold, c.load.files, c.load.mib), (3.0, 2.0, 1.0));
        assert_eq!(c.settle_timeout, Duration::from_secs(120));
        assert_eq!(c.nodes["a"].member.as_deref(), Some("h:1"));
        c.validate().unwrap();
        assert!(toml::from_str::<ZkConfig>("[nodes.a]\nstrage = '/s'\n").is_err());
        let bad: ZkConfig = toml::from_str("files_root = 'shark'\n").unwrap();
        assert!(bad.validate().is_err());
    }
}
