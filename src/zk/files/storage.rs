//! Per-node file storage in local directories: verified copies (write to a temporary name,
//! fsync, check the SHA-256, rename), checksums and removal. SSH storage is not wired yet.

use crate::zk::error::{Result, ZkError};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Where `key` lives in a storage directory.
pub fn path_of(dir: &Path, key: &str) -> PathBuf {
    dir.join(key)
}

fn tmp_of(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!(".shark-tmp-{key}"))
}

/// How a verified copy lands in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Land {
    /// Replace whatever is there (migrations: an earlier attempt may have left a copy). The
    /// temporary name is per key: the rebalance lease keeps it single-writer.
    Replace,
    /// Fail if the name exists (put: never clobber another file). The temporary name is per
    /// process, so concurrent puts of one name cannot mix their bytes.
    New,
}

/// Copy `src` (a reader) into `dir/key` through a temporary file; returns (bytes, sha256 hex).
/// When `expect` is given and the copy's checksum differs, the temporary file is removed and
/// nothing lands in place.
pub fn write_verified(
    mut src: impl Read,
    dir: &Path,
    key: &str,
    expect: Option<&str>,
    land: Land,
) -> Result<(u64, String)> {
    std::fs::create_dir_all(dir)
        .map_err(|e| ZkError::io(format!("creating storage directory {}", dir.display()), e))?;
    let tmp = match land {
        Land::Replace => tmp_of(dir, key),
        Land::New => dir.join(format!(".shark-put-{}-{key}", std::process::id())),
    };
    let res = (|| {
        let mut f = std::fs::File::create(&tmp)
            .map_err(|e| ZkError::io(format!("creating {}", tmp.display()), e))?;
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut n = 0u64;
        loop {
            let r = src
                .read(&mut buf)
                .map_err(|e| ZkError::io("reading the source file", e))?;
            if r == 0 {
                break;
            }
            h.update(&buf[..r]);
            f.write_all(&buf[..r])
                .map_err(|e| ZkError::io(format!("writing {}", tmp.display()), e))?;
            n += r as u64;
        }
        f.sync_all()
            .map_err(|e| ZkError::io(format!("syncing {}", tmp.display()), e))?;
        let sum = hex::encode(h.finalize());
        if let Some(want) = expect
            && want != sum
        {
            return Err(ZkError::Runtime(format!(
                "checksum mismatch copying {key}: expected {want}, got {sum}; the source copy may be damaged"
            )));
        }
        let dst = path_of(dir, key);
        match land {
            Land::Replace => std::fs::rename(&tmp, &dst)
                .map_err(|e| ZkError::io(format!("renaming into {}", dst.display()), e))?,
            Land::New => {
                // link(2) never replaces: an existing file makes it fail atomically
                std::fs::hard_link(&tmp, &dst).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        ZkError::Usage(format!(
                            "{} already exists without metadata (an interrupted put, or a put of the same name running now); remove it or pick another --name",
                            dst.display()
                        ))
                    } else {
                        ZkError::io(format!("linking {}", dst.display()), e)
                    }
                })?;
                let _ = std::fs::remove_file(&tmp);
            }
        }
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok((n, sum))
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

/// SHA-256 and size of `dir/key`, or None when it does not exist.
pub fn checksum(dir: &Path, key: &str) -> Result<Option<(u64, String)>> {
    let p = path_of(dir, key);
    let mut f = match std::fs::File::open(&p) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ZkError::io(format!("opening {}", p.display()), e)),
    };
    let mut h = Sha256::new();
    let n = std::io::copy(&mut f, &mut h)
        .map_err(|e| ZkError::io(format!("reading {}", p.display()), e))?;
    Ok(Some((n, hex::encode(h.finalize()))))
}

/// Remove `dir/key` and any temporary copy; missing files are fine.
pub fn remove(dir: &Path, key: &str) -> Result<()> {
    for p in [path_of(dir, key), tmp_of(dir, key)] {
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(ZkError::io(format!("removing {}", p.display()), e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verified_copy_refuses_a_bad_checksum() {
        let d = tempfile::tempdir().unwrap();
        let (n, sum) = write_verified(&b"hello"[..], d.path(), "a", None, Land::New).unwrap();
        assert!(write_verified(&b"other"[..], d.path(), "a", None, Land::New).is_err());
        write_verified(&b"hello"[..], d.path(), "a", Some(&sum), Land::Replace).unwrap();
        assert_eq!(n, 5);
        assert_eq!(checksum(d.path(), "a").unwrap().unwrap().1, sum);
        assert!(write_verified(&b"hellO"[..], d.path(), "b", Some(&sum), Land::Replace).is_err());
        assert!(!d.path().join("b").exists() && !d.path().join(".shark-tmp-b").exists());
        remove(d.path(), "a").unwrap();
        assert!(checksum(d.path(), "a").unwrap().is_none());
    }
}
