//! The `[zk]` config section: which connection, the files root and rebalance threshold, the
//! load-score weights, and `[zk.nodes.NAME]` (member address, storage directory, start/stop
//! commands). Unknown keys are errors naming their path.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// Default znode root of `zk files` metadata.
pub const DEFAULT_FILES_ROOT: &str = "/shark/files";
/// Default rebalance threshold: max − min load score (the seed's SCHEDULER_THRESHOLD of 5 files).
pub const DEFAULT_THRESHOLD: f64 = 5.0;

/// Weights of the load score: `files·count + mib·MiB + connections·conns + latency_ms·avg latency`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
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
#[derive(Debug, Clone, Default)]
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
#[derive(Debug, Clone)]
pub struct ZkConfig {
    pub conn: Option<String>,
    pub files_root: String,
    pub threshold: f64,
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

fn string(v: &toml::Value, at: &str) -> Result<String, String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("{at}: expected a string"))
}

fn number(v: &toml::Value, at: &str) -> Result<f64, String> {
    match v {
        toml::Value::Float(f) if *f >= 0.0 => Ok(*f),
        toml::Value::Integer(i) if *i >= 0 => Ok(*i as f64),
        _ => Err(format!("{at}: expected a number ≥ 0")),
    }
}

pub fn parse(v: &toml::Value) -> Result<ZkConfig, String> {
    let t = v.as_table().ok_or("zk: expected a table")?;
    let mut cfg = ZkConfig::default();
    for (k, val) in t {
        let at = format!("zk.{k}");
        match k.as_str() {
            "conn" => cfg.conn = Some(string(val, &at)?),
            "files_root" => {
                let r = string(val, &at)?;
                if !r.starts_with('/') || r.len() < 2 || r.ends_with('/') {
                    return Err(format!(
                        "{at}: expected an absolute znode path like /shark/files"
                    ));
                }
                cfg.files_root = r;
            }
            "threshold" => cfg.threshold = number(val, &at)?,
            "settle_timeout" => {
                cfg.settle_timeout = humantime::parse_duration(&string(val, &at)?)
                    .map_err(|e| format!("{at}: {e} (e.g. \"60s\", \"2m\")"))?
            }
            "load" => {
                let lt = val
                    .as_table()
                    .ok_or_else(|| format!("{at}: expected a table"))?;
                for (lk, lv) in lt {
                    let lat = format!("{at}.{lk}");
                    let n = number(lv, &lat)?;
                    match lk.as_str() {
                        "files" => cfg.load.files = n,
                        "mib" => cfg.load.mib = n,
                        "connections" => cfg.load.connections = n,
                        "latency_ms" => cfg.load.latency_ms = n,
                        _ => {
                            return Err(format!(
                                "{lat}: unknown key (known: files, mib, connections, latency_ms)"
                            ));
                        }
                    }
                }
            }
            "nodes" => {
                let nt = val
                    .as_table()
                    .ok_or_else(|| format!("{at}: expected a table of [zk.nodes.NAME]"))?;
                for (name, nv) in nt {
                    let nat = format!("{at}.{name}");
                    let node = nv
                        .as_table()
                        .ok_or_else(|| format!("{nat}: expected a table"))?;
                    let mut d = ZkNodeDecl::default();
                    for (nk, v) in node {
                        let kat = format!("{nat}.{nk}");
                        match nk.as_str() {
                            "member" => d.member = Some(string(v, &kat)?),
                            "storage" => d.storage = Some(PathBuf::from(string(v, &kat)?)),
                            "start" => d.start = Some(string(v, &kat)?),
                            "stop" => d.stop = Some(string(v, &kat)?),
                            "restart" => d.restart = Some(string(v, &kat)?),
                            _ => {
                                return Err(format!(
                                    "{kat}: unknown key (known: member, storage, start, stop, restart)"
                                ));
                            }
                        }
                    }
                    cfg.nodes.insert(name.clone(), d);
                }
            }
            _ => {
                return Err(format!(
                    "{at}: unknown key (known: conn, files_root, threshold, settle_timeout, load, nodes)"
                ));
            }
        }
    }
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_and_unknown_keys() {
        let v: toml::Value = "threshold = 3\n[load]\nfiles = 2\n[nodes.a]\nmember = 'h:1'\nstorage = '/s'\nstart = 'x'\n"
            .parse::<toml::Table>()
            .map(toml::Value::Table)
            .unwrap();
        let c = parse(&v).unwrap();
        assert_eq!(c.threshold, 3.0);
        assert_eq!(c.load.files, 2.0);
        assert_eq!(c.nodes["a"].member.as_deref(), Some("h:1"));
        let v: toml::Value = "[nodes.a]\nstrage = '/s'\n"
            .parse::<toml::Table>()
            .map(toml::Value::Table)
            .unwrap();
        assert!(parse(&v).unwrap_err().contains("zk.nodes.a.strage"));
    }
}
