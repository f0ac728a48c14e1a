//! A plan: the selected hosts (as they were when the plan was made), what to run, what to copy
//! and how (parallelism, timeouts, rolling batches). Plans are stored before they run, so
//! `deploy execute PLAN` repeats one exactly and `deploy show PLAN` replays its executions.

use super::copy::local_sha256;
use super::store::{DeployStore, PlanRow};
use super::{DeployError, Host};
use crate::state::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What runs on each host.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Action {
    /// A shell command line, run with /bin/sh -c.
    Command { command: String },
    /// A script, uploaded over SFTP and executed (by its `#!` line, else /bin/sh).
    Script {
        name: String,
        body: String,
        sha256: String,
    },
    /// Only the copies.
    None,
}

/// One file to copy, with the checksum it had when the plan was made.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CopySpec {
    pub src: PathBuf,
    pub dest: String,
    pub size: u64,
    pub sha256: String,
    pub mode: u32,
}

/// How many failed hosts stop a rollout.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MaxFail {
    Count(usize),
    Percent(u8),
}

impl MaxFail {
    /// Whether `failures` out of `total` hosts is beyond the threshold.
    pub fn exceeded(self, failures: usize, total: usize) -> bool {
        match self {
            MaxFail::Count(n) => failures > n,
            MaxFail::Percent(p) => failures * 100 > p as usize * total,
        }
    }
}

impl std::str::FromStr for MaxFail {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if let Some(p) = s.strip_suffix('%') {
            let v: u8 = p
                .trim()
                .parse()
                .ok()
                .filter(|v| *v <= 100)
                .ok_or(format!("'{s}': a percentage is 0% to 100%"))?;
            return Ok(MaxFail::Percent(v));
        }
        s.parse()
            .map(MaxFail::Count)
            .map_err(|_| format!("'{s}': give a number of hosts (2) or a percentage (25%)"))
    }
}

impl std::fmt::Display for MaxFail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MaxFail::Count(n) => write!(f, "{n}"),
            MaxFail::Percent(p) => write!(f, "{p}%"),
        }
    }
}

/// Execution options stored with the plan.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Options {
    pub parallel: usize,
    /// Command timeout; None = no limit.
    pub timeout_ms: Option<u64>,
    pub connect_timeout_ms: u64,
    /// Rolling batches of this many hosts.
    pub serial: Option<usize>,
    /// Stop after this many failures (default with --serial: 0, i.e. the first failure).
    pub max_fail: Option<MaxFail>,
    pub sudo: bool,
    pub accept_new_host_keys: bool,
    pub known_hosts: Option<PathBuf>,
    pub ssh_config: Option<PathBuf>,
}

impl Options {
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout_ms.map(Duration::from_millis)
    }
    pub fn connect_timeout(&self) -> Duration {
        Duration::from_millis(self.connect_timeout_ms)
    }
    /// The failure threshold in force (explicit, or 0 for rolling batches).
    pub fn effective_max_fail(&self) -> Option<MaxFail> {
        self.max_fail.or(self.serial.map(|_| MaxFail::Count(0)))
    }
}

/// Everything a plan does, apart from its hosts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Spec {
    pub action: Action,
    pub copies: Vec<CopySpec>,
    pub options: Options,
}

/// What the user asked for, before files are read and hashed.
#[derive(Debug, Clone)]
pub enum ActionInput {
    Command(String),
    Script(PathBuf),
    None,
}

/// A stored plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub id: i64,
    pub created_at: String,
    pub selector: String,
    pub spec: Spec,
    pub hosts: Vec<Host>,
}

impl Spec {
    /// Read the script, hash the copy sources, check the options.
    pub fn build(
        action: ActionInput,
        copies: &[(PathBuf, String)],
        options: Options,
    ) -> Result<Spec, DeployError> {
        if options.parallel == 0 {
            return Err(DeployError::Invalid("--parallel must be at least 1".into()));
        }
        if options.serial == Some(0) {
            return Err(DeployError::Invalid("--serial must be at least 1".into()));
        }
        let action = match action {
            ActionInput::Command(c) if c.trim().is_empty() => {
                return Err(DeployError::Invalid("--command is empty".into()));
            }
            ActionInput::Command(command) => Action::Command { command },
            ActionInput::Script(path) => {
                let bytes = std::fs::read(&path).map_err(|e| DeployError::Read {
                    path: path.clone(),
                    source: e,
                })?;
                let body = String::from_utf8(bytes).map_err(|_| {
                    DeployError::Invalid(format!(
                        "--script {}: not a text file (UTF-8); copy binaries with --copy and run them with --command",
                        path.display()
                    ))
                })?;
                let (sha256, _) = local_sha256(&path).map_err(|e| DeployError::Read {
                    path: path.clone(),
                    source: e,
                })?;
                Action::Script {
                    name: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "script".into()),
                    body,
                    sha256,
                }
            }
            ActionInput::None => Action::None,
        };
        let mut specs = Vec::new();
        for (src, dest) in copies {
            let meta = std::fs::metadata(src).map_err(|e| DeployError::Read {
                path: src.clone(),
                source: e,
            })?;
            if !meta.is_file() {
                return Err(DeployError::Invalid(format!(
                    "--copy {}: only regular files are copied (pack a directory with tar first)",
                    src.display()
                )));
            }
            let (sha256, size) = local_sha256(src).map_err(|e| DeployError::Read {
                path: src.clone(),
                source: e,
            })?;
            let mut dest = dest.clone();
            if dest.is_empty() {
                return Err(DeployError::Invalid(format!(
                    "--copy {}: give a destination (SRC:DEST)",
                    src.display()
                )));
            }
            if dest.ends_with('/') {
                dest.push_str(&src.file_name().unwrap_or_default().to_string_lossy());
            }
            use std::os::unix::fs::PermissionsExt;
            specs.push(CopySpec {
                src: std::path::absolute(src).unwrap_or_else(|_| src.clone()),
                dest,
                size,
                sha256,
                mode: meta.permissions().mode() & 0o7777,
            });
        }
        if matches!(action, Action::None) && specs.is_empty() {
            return Err(DeployError::Invalid(
                "nothing to do: give --command, --script or --copy".into(),
            ));
        }
        Ok(Spec {
            action,
            copies: specs,
            options,
        })
    }
}

impl Plan {
    /// Store a new plan for `hosts`.
    pub fn create(
        store: &Store,
        selector: &str,
        spec: Spec,
        hosts: Vec<Host>,
    ) -> Result<Plan, DeployError> {
        let json =
            |e: serde_json::Error| DeployError::Invalid(format!("cannot store the plan: {e}"));
        for h in &hosts {
            h.check().map_err(DeployError::Invalid)?;
        }
        let ds = DeployStore::new(store)?;
        let id = ds.plan_save(
            selector,
            &serde_json::to_value(&spec).map_err(json)?,
            &serde_json::to_value(&hosts).map_err(json)?,
        )?;
        Plan::from_row(ds.plan(id)?)
    }

    /// A stored plan by id.
    pub fn load(store: &Store, id: i64) -> Result<Plan, DeployError> {
        Plan::from_row(DeployStore::new(store)?.plan(id)?)
    }

    /// Refuse hosts ssh would misread (a plan stored by an earlier build may hold one).
    pub fn check_hosts(&self) -> Result<(), DeployError> {
        for h in &self.hosts {
            h.check()
                .map_err(|e| DeployError::Invalid(format!("plan {}: {e}", self.id)))?;
        }
        Ok(())
    }

    /// A plan read back from the state file.
    pub fn from_row(row: PlanRow) -> Result<Plan, DeployError> {
        let spec: Spec = serde_json::from_value(row.spec)
            .map_err(|e| DeployError::BadPlan(row.id, e.to_string()))?;
        let hosts: Vec<Host> = serde_json::from_value(row.hosts)
            .map_err(|e| DeployError::BadPlan(row.id, e.to_string()))?;
        Ok(Plan {
            id: row.id,
            created_at: row.created_at,
            selector: row.selector,
            spec,
            hosts,
        })
    }

    /// One line saying what the plan does.
    pub fn describe(&self) -> String {
        let mut parts = vec![];
        if !self.spec.copies.is_empty() {
            let files: Vec<String> = self
                .spec
                .copies
                .iter()
                .map(|c| format!("{} -> {}", short(&c.src), c.dest))
                .collect();
            parts.push(format!("copy {}", files.join(", ")));
        }
        match &self.spec.action {
            Action::Command { command } => parts.push(format!("command: {command}")),
            Action::Script { name, sha256, .. } => {
                parts.push(format!("script {name} (sha256 {})", &sha256[..12]))
            }
            Action::None => {}
        }
        if self.spec.options.sudo {
            parts.push("as root (sudo)".into());
        }
        parts.join("; ")
    }

    /// Refuse to run copies whose source changed since the plan was made.
    pub fn check_sources(&self) -> Result<(), DeployError> {
        for c in &self.spec.copies {
            let (now, _) = local_sha256(&c.src).map_err(|e| DeployError::Read {
                path: c.src.clone(),
                source: e,
            })?;
            if now != c.sha256 {
                return Err(DeployError::SourceChanged {
                    plan: self.id,
                    path: c.src.clone(),
                    then: c.sha256[..12].to_string(),
                    now: now[..12].to_string(),
                });
            }
        }
        Ok(())
    }
}

fn short(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_fail() {
        assert_eq!("2".parse::<MaxFail>().unwrap(), MaxFail::Count(2));
        assert_eq!("25%".parse::<MaxFail>().unwrap(), MaxFail::Percent(25));
        assert!("x".parse::<MaxFail>().is_err());
        assert!("101%".parse::<MaxFail>().is_err());
        assert!(!MaxFail::Count(1).exceeded(1, 10));
        assert!(MaxFail::Count(1).exceeded(2, 10));
        assert!(!MaxFail::Percent(20).exceeded(2, 10));
        assert!(MaxFail::Percent(20).exceeded(3, 10));
    }
}
