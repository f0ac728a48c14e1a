//! `zk files verify`: every stored file's checksum on its node, and orphans — files in a storage
//! directory that no metadata znode points at (left by an interrupted put or migration).

use super::{Files, key_of, storage};
use crate::zk::error::{Result, ZkError};
use serde::Serialize;
use std::collections::BTreeSet;

/// What `verify` found for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    Ok,
    /// No data at the recorded node.
    Missing,
    /// Size or checksum differ from the record.
    Mismatch,
    /// The record names a node without a storage directory in the config.
    UnknownNode,
    /// The metadata znode cannot be read (its data is kept; nothing is treated as orphaned).
    Unreadable,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Ok => "ok",
            CheckStatus::Missing => "missing",
            CheckStatus::Mismatch => "mismatch",
            CheckStatus::UnknownNode => "unknown-node",
            CheckStatus::Unreadable => "unreadable",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FileCheck {
    pub name: String,
    pub node: String,
    pub status: CheckStatus,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Orphan {
    pub node: String,
    pub path: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub files: Vec<FileCheck>,
    pub orphans: Vec<Orphan>,
    pub problems: usize,
}

pub async fn run(files: &Files) -> Result<Report> {
    let mut checks = vec![];
    let mut expected: BTreeSet<(String, String)> = BTreeSet::new();
    // keys whose record is unreadable: their data is on some node, and must not look orphaned
    let mut unreadable: BTreeSet<String> = BTreeSet::new();
    let mut metas = vec![];
    for (key, rec) in files.records().await? {
        match rec {
            Ok(m) => metas.push(m),
            Err(e) => {
                checks.push(FileCheck {
                    name: key.clone(),
                    node: "?".into(),
                    status: CheckStatus::Unreadable,
                    detail: Some(e.to_string()),
                });
                unreadable.insert(key);
            }
        }
    }
    for m in &metas {
        let key = key_of(&m.name);
        expected.insert((m.node.clone(), key.clone()));
        let Some(node) = files.nodes.get(&m.node) else {
            checks.push(FileCheck {
                name: m.name.clone(),
                node: m.node.clone(),
                status: CheckStatus::UnknownNode,
                detail: Some(format!("no [zk.nodes.{}] with a storage directory", m.node)),
            });
            continue;
        };
        let (status, detail) = match storage::checksum(&node.dir, &key)? {
            None => (
                CheckStatus::Missing,
                Some(format!(
                    "{} does not exist",
                    storage::path_of(&node.dir, &key).display()
                )),
            ),
            Some((n, sum)) if sum == m.sha256 && n == m.size => (CheckStatus::Ok, None),
            Some((n, sum)) => (
                CheckStatus::Mismatch,
                Some(format!(
                    "recorded {} bytes sha256 {}, found {n} bytes sha256 {sum}",
                    m.size, m.sha256
                )),
            ),
        };
        checks.push(FileCheck {
            name: m.name.clone(),
            node: m.node.clone(),
            status,
            detail,
        });
    }
    let mut orphans = vec![];
    for (name, node) in &files.nodes {
        let rd = match std::fs::read_dir(&node.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(ZkError::io(format!("listing {}", node.dir.display()), e)),
        };
        for entry in rd.flatten() {
            let f = entry.file_name().to_string_lossy().into_owned();
            if !expected.contains(&(name.clone(), f.clone())) && !unreadable.contains(&f) {
                orphans.push(Orphan {
                    node: name.clone(),
                    path: entry.path().display().to_string(),
                    bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                });
            }
        }
    }
    let problems = checks
        .iter()
        .filter(|c| c.status != CheckStatus::Ok)
        .count();
    Ok(Report {
        files: checks,
        orphans,
        problems,
    })
}
