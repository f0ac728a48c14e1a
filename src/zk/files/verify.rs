//! `zk files verify`: every stored file's checksum on its node, and orphans — files in a storage
//! directory that no metadata znode points at (left by an interrupted put or migration).

use super::{Files, key_of, storage};
use crate::zk::error::{Result, ZkError};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Serialize)]
pub struct FileCheck {
    pub name: String,
    pub node: String,
    /// ok, missing, mismatch, unknown-node
    pub status: String,
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
    let metas = files.list().await?;
    let mut checks = vec![];
    let mut expected: BTreeSet<(String, String)> = BTreeSet::new();
    for m in &metas {
        let key = key_of(&m.name);
        expected.insert((m.node.clone(), key.clone()));
        let Some(node) = files.nodes.get(&m.node) else {
            checks.push(FileCheck {
                name: m.name.clone(),
                node: m.node.clone(),
                status: "unknown-node".into(),
                detail: Some(format!("no [zk.nodes.{}] with a storage directory", m.node)),
            });
            continue;
        };
        let (status, detail) = match storage::checksum(&node.dir, &key)? {
            None => (
                "missing",
                Some(format!(
                    "{} does not exist",
                    storage::path_of(&node.dir, &key).display()
                )),
            ),
            Some((n, sum)) if sum == m.sha256 && n == m.size => ("ok", None),
            Some((n, sum)) => (
                "mismatch",
                Some(format!(
                    "recorded {} bytes sha256 {}, found {n} bytes sha256 {sum}",
                    m.size, m.sha256
                )),
            ),
        };
        checks.push(FileCheck {
            name: m.name.clone(),
            node: m.node.clone(),
            status: status.into(),
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
            if !expected.contains(&(name.clone(), f.clone())) {
                orphans.push(Orphan {
                    node: name.clone(),
                    path: entry.path().display().to_string(),
                    bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                });
            }
        }
    }
    let problems = checks.iter().filter(|c| c.status != "ok").count();
    Ok(Report {
        files: checks,
        orphans,
        problems,
    })
}
