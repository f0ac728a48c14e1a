//! `zk files`: files kept in per-node storage directories, with their metadata (node, size,
//! SHA-256) as znodes under a root path (`[zk] files_root`, default /shark/files; the root's own
//! data lists drained nodes). `put` places a file on the least-loaded node (see [`load`]),
//! `rebalance` moves files until the load spread is within a threshold (see [`rebalance`]),
//! `verify` checks every checksum and finds orphaned data (see [`verify`]).

pub mod load;
pub mod rebalance;
pub mod storage;
pub mod verify;

use super::ensemble::Snapshot;
use super::error::{Result, ZkError};
use crate::zk::settings::{LoadWeights, ZkConfig};
use load::NodeLoad;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zookeeper_client as zkc;

/// A storage node: its directory and (for the load score) its ZooKeeper member.
#[derive(Debug, Clone)]
pub struct StorageNode {
    pub dir: PathBuf,
    pub member: Option<String>,
}

/// A file's metadata znode.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileMeta {
    pub name: String,
    pub node: String,
    pub size: u64,
    pub sha256: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The root znode's data. Keys this build does not know are kept as they are when it is
/// written back.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct RootData {
    #[serde(default)]
    drained: Vec<String>,
    #[serde(flatten)]
    other: serde_json::Map<String, serde_json::Value>,
}

/// The error for a metadata znode whose data is not what shark wrote there.
fn unreadable(path: &str, what: &str, e: impl std::fmt::Display) -> ZkError {
    ZkError::Stored {
        what: format!("metadata znode {path}"),
        reason: format!(
            "its data is not {what} ({e}); nothing was changed: `shark zk get {path}` shows it, fix it with `shark zk set {path} ...`"
        ),
    }
}

/// One file's metadata as JSON (what `put` and `rebalance` write).
pub(crate) fn encode(meta: &FileMeta) -> Result<Vec<u8>> {
    serde_json::to_vec(meta).map_err(|e| {
        ZkError::Runtime(format!(
            "cannot encode the metadata of '{}': {e}",
            meta.name
        ))
    })
}

/// Escape a file name into one znode / file name component: bytes outside
/// `[A-Za-z0-9_.-]`, and a leading dot, become `%XX`.
pub fn key_of(name: &str) -> String {
    let mut out = String::new();
    for (i, b) in name.bytes().enumerate() {
        let plain = b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || (b == b'.' && i > 0);
        if plain {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The files of one ensemble, with a session to it.
pub struct Files {
    pub client: zkc::Client,
    pub root: String,
    pub nodes: BTreeMap<String, StorageNode>,
    pub weights: LoadWeights,
    /// ACL of the znodes this creates (see [`crate::zk::target::Target::acls`]).
    pub acls: zkc::Acls<'static>,
}

impl Files {
    /// Use the `[zk]` config's storage nodes with a connected client; creates the root znode
    /// (and its parents) with `acls` when missing.
    pub async fn open(
        client: zkc::Client,
        cfg: &ZkConfig,
        acls: zkc::Acls<'static>,
    ) -> Result<Files> {
        let nodes: BTreeMap<String, StorageNode> = cfg
            .nodes
            .iter()
            .filter_map(|(n, d)| {
                d.storage.as_ref().map(|dir| {
                    (
                        n.clone(),
                        StorageNode {
                            dir: dir.clone(),
                            member: d.member.clone(),
                        },
                    )
                })
            })
            .collect();
        if nodes.is_empty() {
            return Err(ZkError::Usage(
                "no storage nodes: add `storage = \"/path\"` to [zk.nodes.NAME] sections of the config file (see examples/shark.toml)".into(),
            ));
        }
        let opts = zkc::CreateMode::Persistent.with_acls(acls);
        client
            .mkdir(&cfg.files_root, &opts)
            .await
            .map_err(|e| ZkError::op("create", &cfg.files_root, e))?;
        Ok(Files {
            client,
            root: cfg.files_root.clone(),
            nodes,
            weights: cfg.load,
            acls,
        })
    }

    fn znode(&self, name: &str) -> String {
        format!("{}/{}", self.root, key_of(name))
    }

    pub fn node(&self, name: &str) -> Result<&StorageNode> {
        self.nodes.get(name).ok_or_else(|| {
            ZkError::Usage(format!(
                "no storage node '{name}' (known: {}); nodes come from [zk.nodes.NAME] with a `storage` directory",
                self.nodes.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
        })
    }

    /// Every file's metadata, sorted by name. A record that cannot be read is an error naming
    /// its znode.
    pub async fn list(&self) -> Result<Vec<FileMeta>> {
        let mut out = vec![];
        for (_, rec) in self.records().await? {
            out.push(rec?);
        }
        Ok(out)
    }

    /// Every metadata znode under the root, by key (sorted by file name, unreadable ones last),
    /// each with its record or the error reading it (for `verify`, which reports them).
    pub async fn records(&self) -> Result<Vec<(String, Result<FileMeta>)>> {
        let keys = self
            .client
            .list_children(&self.root)
            .await
            .map_err(|e| ZkError::op("ls", &self.root, e))?;
        let mut out = vec![];
        for k in keys {
            let p = format!("{}/{k}", self.root);
            match self.client.get_data(&p).await {
                Ok((data, _)) => out.push((k, parse_meta(&p, &data))),
                Err(zkc::Error::NoNode) => {}
                Err(e) => return Err(ZkError::op("get", &p, e)),
            }
        }
        out.sort_by(|(ka, a), (kb, b)| match (a, b) {
            (Ok(a), Ok(b)) => a.name.cmp(&b.name),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => ka.cmp(kb),
        });
        Ok(out)
    }

    /// One file's metadata and its znode version.
    pub async fn meta(&self, name: &str) -> Result<Option<(FileMeta, i32)>> {
        let p = self.znode(name);
        match self.client.get_data(&p).await {
            Ok((data, stat)) => Ok(Some((parse_meta(&p, &data)?, stat.version))),
            Err(zkc::Error::NoNode) => Ok(None),
            Err(e) => Err(ZkError::op("get", &p, e)),
        }
    }

    async fn root_data(&self) -> Result<(RootData, i32)> {
        let (data, stat) = self
            .client
            .get_data(&self.root)
            .await
            .map_err(|e| ZkError::op("get", &self.root, e))?;
        if data.is_empty() {
            // created by `open`, no node drained yet
            return Ok((RootData::default(), stat.version));
        }
        let d = serde_json::from_slice(&data).map_err(|e| {
            unreadable(
                &self.root,
                r#"the files root's JSON (like {"drained": ["n2"]})"#,
                e,
            )
        })?;
        Ok((d, stat.version))
    }

    /// Nodes that take no new files.
    pub async fn drained(&self) -> Result<Vec<String>> {
        Ok(self.root_data().await?.0.drained)
    }

    /// Mark `node` drained (or not); compare-and-set on the root znode.
    pub async fn set_drained(&self, node: &str, drained: bool) -> Result<()> {
        loop {
            let (mut d, v) = self.root_data().await?;
            d.drained.retain(|n| n != node);
            if drained {
                d.drained.push(node.to_string());
            }
            let data = serde_json::to_vec(&d).map_err(|e| {
                ZkError::Runtime(format!(
                    "cannot encode the drained nodes of {}: {e}",
                    self.root
                ))
            })?;
            match self.client.set_data(&self.root, &data, Some(v)).await {
                Ok(_) => return Ok(()),
                Err(zkc::Error::BadVersion) => continue,
                Err(e) => return Err(ZkError::op("set", &self.root, e)),
            }
        }
    }

    /// Load of every storage node given the files and (optionally) the ensemble's metrics.
    pub fn loads(
        &self,
        files: &[FileMeta],
        snap: Option<&Snapshot>,
        drained: &[String],
    ) -> Vec<NodeLoad> {
        let mut loads: Vec<NodeLoad> = self
            .nodes
            .iter()
            .map(|(n, s)| NodeLoad::new(n, s.member.as_deref(), snap, drained.contains(n)))
            .collect();
        for f in files {
            if let Some(l) = loads.iter_mut().find(|l| l.node == f.node) {
                l.files += 1;
                l.bytes += f.size;
            }
        }
        for l in &mut loads {
            l.rescore(&self.weights);
        }
        loads
    }

    /// Store `src` as `name` on `node` or, by default, on the least-loaded node.
    pub async fn put(
        &self,
        src: &Path,
        name: &str,
        node: Option<&str>,
        snap: Option<&Snapshot>,
    ) -> Result<FileMeta> {
        if name.is_empty() {
            return Err(ZkError::Usage("empty file name: pass --name NAME".into()));
        }
        if self.meta(name).await?.is_some() {
            return Err(ZkError::Usage(format!(
                "'{name}' is already stored; remove it first with `shark zk files rm {name}` or pick another --name"
            )));
        }
        let drained = self.drained().await?;
        let target = match node {
            Some(n) => {
                self.node(n)?;
                n.to_string()
            }
            None => {
                let files = self.list().await?;
                let loads = self.loads(&files, snap, &drained);
                load::least_loaded(&loads)
                    .map(|l| l.node.clone())
                    .ok_or_else(|| ZkError::Usage("every storage node is drained: undrain one with `shark zk files undrain NODE`".into()))?
            }
        };
        let dir = &self.node(&target)?.dir;
        let f = std::fs::File::open(src)
            .map_err(|e| ZkError::Usage(format!("cannot read {}: {e}", src.display())))?;
        let key = key_of(name);
        let (size, sha256) = storage::write_verified(f, dir, &key, None, storage::Land::New)?;
        let now = crate::state::now_rfc3339();
        let meta = FileMeta {
            name: name.to_string(),
            node: target,
            size,
            sha256,
            created_at: now.clone(),
            updated_at: now,
        };
        let opts = zkc::CreateMode::Persistent.with_acls(self.acls);
        let data = encode(&meta)?;
        if let Err(e) = self.client.create(&self.znode(name), &data, &opts).await {
            let _ = storage::remove(dir, &key);
            return Err(ZkError::op("create", &self.znode(name), e));
        }
        Ok(meta)
    }

    /// Copy a stored file to `out`, verifying its checksum.
    pub async fn get(&self, name: &str, out: &mut dyn std::io::Write) -> Result<FileMeta> {
        let (meta, _) = self.meta(name).await?.ok_or_else(|| not_stored(name))?;
        let dir = &self.node(&meta.node)?.dir;
        let p = storage::path_of(dir, &key_of(name));
        let data = std::fs::read(&p).map_err(|e| {
            ZkError::io(format!("reading {} on node {}", p.display(), meta.node), e)
        })?;
        let sum = {
            use sha2::Digest;
            hex::encode(sha2::Sha256::digest(&data))
        };
        if sum != meta.sha256 {
            return Err(ZkError::Runtime(format!(
                "checksum mismatch for '{name}' on node {}: recorded {}, found {sum}; the stored copy is damaged",
                meta.node, meta.sha256
            )));
        }
        out.write_all(&data)
            .map_err(|e| ZkError::io("writing the file", e))?;
        Ok(meta)
    }

    /// Remove a file: its metadata first (so it is never listed without data), then its data.
    pub async fn rm(&self, name: &str) -> Result<FileMeta> {
        let (meta, version) = self.meta(name).await?.ok_or_else(|| not_stored(name))?;
        self.client
            .delete(&self.znode(name), Some(version))
            .await
            .map_err(|e| ZkError::op("rm", &self.znode(name), e))?;
        if let Some(n) = self.nodes.get(&meta.node) {
            storage::remove(&n.dir, &key_of(name))?;
        }
        Ok(meta)
    }
}

/// A metadata znode's record.
fn parse_meta(path: &str, data: &[u8]) -> Result<FileMeta> {
    serde_json::from_slice(data).map_err(|e| unreadable(path, "a shark file record", e))
}

fn not_stored(name: &str) -> ZkError {
    ZkError::Usage(format!(
        "no file '{name}' is stored; `shark zk files ls` lists them"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_metadata_is_an_error_naming_the_znode() {
        let err = parse_meta("/shark/files/a.txt", b"{\"name\": 1}").unwrap_err();
        assert!(matches!(err, ZkError::Stored { .. }));
        assert!(
            err.to_string()
                .contains("metadata znode /shark/files/a.txt"),
            "{err}"
        );
        // unknown keys of the root's data survive a rewrite
        let d: RootData = serde_json::from_str(r#"{"drained":["a"],"owner":"ops"}"#).unwrap();
        let back = serde_json::to_value(&d).unwrap();
        assert_eq!(back, serde_json::json!({"drained": ["a"], "owner": "ops"}));
    }

    #[test]
    fn keys_escape_slashes_and_leading_dots() {
        assert_eq!(super::key_of("a/b.txt"), "a%2Fb.txt");
        assert_eq!(super::key_of(".hidden"), "%2Ehidden");
        assert_eq!(super::key_of("50%"), "50%25");
    }
}
