//! Znode operations: ls, tree, get, set (conditional on a version), create (persistent,
//! ephemeral, sequential, container, with parents), rm (conditional, recursive when asked).

use super::error::{Result, ZkError};
use serde::Serialize;
use zookeeper_client as zkc;

/// A znode's stat as shown to people and in JSON.
#[derive(Debug, Clone, Serialize)]
pub struct StatView {
    pub version: i32,
    pub cversion: i32,
    pub data_length: i32,
    pub num_children: i32,
    pub ephemeral: bool,
    pub ephemeral_owner: Option<String>,
    pub czxid: String,
    pub mzxid: String,
    pub ctime: String,
    pub mtime: String,
}

impl From<&zkc::Stat> for StatView {
    fn from(s: &zkc::Stat) -> StatView {
        let t = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                .unwrap_or_default()
        };
        StatView {
            version: s.version,
            cversion: s.cversion,
            data_length: s.data_length,
            num_children: s.num_children,
            ephemeral: s.ephemeral_owner != 0,
            ephemeral_owner: (s.ephemeral_owner != 0).then(|| format!("0x{:x}", s.ephemeral_owner)),
            czxid: format!("0x{:x}", s.czxid),
            mzxid: format!("0x{:x}", s.mzxid),
            ctime: t(s.ctime),
            mtime: t(s.mtime),
        }
    }
}

/// One child in `ls`, one line in `tree`.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub path: String,
    pub name: String,
    pub depth: usize,
    pub stat: Option<StatView>,
}

/// What `get` returns.
#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub path: String,
    /// UTF-8 text, or None when the data is binary (then `hex` holds it).
    pub text: Option<String>,
    pub hex: Option<String>,
    pub stat: StatView,
}

/// How to create a znode.
#[derive(Debug, Clone, Copy, Default)]
pub struct CreateFlags {
    pub ephemeral: bool,
    pub sequential: bool,
    pub container: bool,
    pub parents: bool,
}

/// Reject paths the server would refuse with a less helpful message.
pub fn check_path(path: &str) -> Result<()> {
    let bad = !path.starts_with('/')
        || (path.len() > 1 && path.ends_with('/'))
        || path.contains("//")
        || path.split('/').any(|c| c == "." || c == "..");
    if bad {
        return Err(ZkError::Usage(format!(
            "bad znode path '{path}': use an absolute path like /app/config (no trailing slash, no . or ..)"
        )));
    }
    Ok(())
}

pub fn join(parent: &str, child: &str) -> String {
    if parent == "/" {
        format!("/{child}")
    } else {
        format!("{parent}/{child}")
    }
}

/// Children of `path`, sorted, each with its stat.
pub async fn ls(c: &zkc::Client, path: &str) -> Result<Vec<Entry>> {
    check_path(path)?;
    let mut names = c
        .list_children(path)
        .await
        .map_err(|e| ZkError::op("ls", path, e))?;
    names.sort();
    let mut out = vec![];
    for n in names {
        let p = join(path, &n);
        let stat = c.check_stat(&p).await.ok().flatten();
        out.push(Entry {
            path: p,
            name: n,
            depth: 1,
            stat: stat.as_ref().map(StatView::from),
        });
    }
    Ok(out)
}

/// `path` and its descendants (depth-first, sorted), down to `max_depth` levels below it.
pub async fn tree(c: &zkc::Client, path: &str, max_depth: Option<usize>) -> Result<Vec<Entry>> {
    check_path(path)?;
    let (_, stat) = c
        .get_data(path)
        .await
        .map_err(|e| ZkError::op("tree", path, e))?;
    let mut out = vec![Entry {
        path: path.to_string(),
        name: path.to_string(),
        depth: 0,
        stat: Some(StatView::from(&stat)),
    }];
    let mut stack = vec![(path.to_string(), 0usize)];
    while let Some((p, d)) = stack.pop() {
        if max_depth.is_some_and(|m| d >= m) {
            continue;
        }
        let mut kids = match c.list_children(&p).await {
            Ok(k) => k,
            Err(zkc::Error::NoNode) => continue,
            Err(e) => return Err(ZkError::op("tree", &p, e)),
        };
        kids.sort();
        // insert after the parent, keeping depth-first order
        let pos = out
            .iter()
            .position(|e| e.path == p)
            .map(|i| i + 1)
            .unwrap_or(out.len());
        let mut entries = vec![];
        for k in kids.iter() {
            let cp = join(&p, k);
            let stat = c.check_stat(&cp).await.ok().flatten();
            entries.push(Entry {
                path: cp.clone(),
                name: k.clone(),
                depth: d + 1,
                stat: stat.as_ref().map(StatView::from),
            });
            stack.push((cp, d + 1));
        }
        // skip past the already inserted subtree of earlier siblings: none yet (pop order)
        out.splice(pos..pos, entries);
    }
    Ok(out)
}

pub async fn get(c: &zkc::Client, path: &str) -> Result<Data> {
    check_path(path)?;
    let (data, stat) = c
        .get_data(path)
        .await
        .map_err(|e| ZkError::op("get", path, e))?;
    let (text, hex) = match String::from_utf8(data) {
        Ok(s) => (Some(s), None),
        Err(e) => (None, Some(hex::encode(e.as_bytes()))),
    };
    Ok(Data {
        path: path.to_string(),
        text,
        hex,
        stat: StatView::from(&stat),
    })
}

/// Set data; with `version` only if the znode still has that version.
pub async fn set(
    c: &zkc::Client,
    path: &str,
    data: &[u8],
    version: Option<i32>,
) -> Result<StatView> {
    check_path(path)?;
    let stat = c
        .set_data(path, data, version)
        .await
        .map_err(|e| ZkError::op("set", path, e))?;
    Ok(StatView::from(&stat))
}

/// Create a znode (and, with `parents`, its missing parents) carrying `acls`; returns the path
/// created (with its sequence suffix) and its stat.
pub async fn create(
    c: &zkc::Client,
    path: &str,
    data: &[u8],
    flags: CreateFlags,
    acls: zkc::Acls<'_>,
) -> Result<(String, StatView)> {
    check_path(path)?;
    if path == "/" {
        return Err(ZkError::Usage("the root znode always exists".into()));
    }
    let mode = match (flags.ephemeral, flags.sequential, flags.container) {
        (_, _, true) if flags.ephemeral || flags.sequential => {
            return Err(ZkError::Usage(
                "--container cannot be combined with --ephemeral or --sequential".into(),
            ));
        }
        (_, _, true) => zkc::CreateMode::Container,
        (true, true, _) => zkc::CreateMode::EphemeralSequential,
        (true, false, _) => zkc::CreateMode::Ephemeral,
        (false, true, _) => zkc::CreateMode::PersistentSequential,
        (false, false, _) => zkc::CreateMode::Persistent,
    };
    if flags.parents
        && let Some((parent, _)) = path.rsplit_once('/')
        && !parent.is_empty()
    {
        let opts = zkc::CreateMode::Persistent.with_acls(acls);
        c.mkdir(parent, &opts)
            .await
            .map_err(|e| ZkError::op("create", parent, e))?;
    }
    let opts = mode.with_acls(acls);
    let (stat, seq) = c
        .create(path, data, &opts)
        .await
        .map_err(|e| ZkError::op("create", path, e))?;
    let created = if flags.sequential {
        format!("{path}{seq}")
    } else {
        path.to_string()
    };
    Ok((created, StatView::from(&stat)))
}

/// Delete a znode; with `recursive` its descendants first (deepest first). Returns the paths
/// deleted.
pub async fn rm(
    c: &zkc::Client,
    path: &str,
    version: Option<i32>,
    recursive: bool,
) -> Result<Vec<String>> {
    check_path(path)?;
    if path == "/" || path == "/zookeeper" || path.starts_with("/zookeeper/") {
        return Err(ZkError::Usage(format!(
            "refusing to delete {path}: it belongs to ZooKeeper itself"
        )));
    }
    let mut deleted = vec![];
    if recursive {
        let entries = tree(c, path, None).await?;
        let mut kids: Vec<&Entry> = entries.iter().filter(|e| e.depth > 0).collect();
        kids.sort_by_key(|e| std::cmp::Reverse(e.depth));
        for e in kids {
            match c.delete(&e.path, None).await {
                Ok(()) | Err(zkc::Error::NoNode) => deleted.push(e.path.clone()),
                Err(err) => return Err(ZkError::op("rm", &e.path, err)),
            }
        }
    }
    c.delete(path, version)
        .await
        .map_err(|e| ZkError::op("rm", path, e))?;
    deleted.push(path.to_string());
    Ok(deleted)
}
