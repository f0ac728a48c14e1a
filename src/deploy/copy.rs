//! File transfer to one host over the session's SFTP channel, and checksum verification: the
//! host computes the SHA-256 of what landed, which must equal the local file's.

use super::remote;
use openssh::{Session, Stdio};
use openssh_sftp_client::Sftp;
use openssh_sftp_client::metadata::Permissions;
use std::path::Path;
use std::time::Duration;
use tokio::io::AsyncReadExt;

const CHUNK: usize = 256 * 1024;

/// Write the local file `local` to `remote_path` on the host (created or truncated, then given
/// `mode`). With `create_new` the remote file must not exist (scripts and staged copies in /tmp).
/// Returns the bytes written.
pub async fn upload(
    sftp: &Sftp,
    local: &Path,
    remote_path: &str,
    mode: u32,
    create_new: bool,
) -> Result<u64, String> {
    let mut src = tokio::fs::File::open(local)
        .await
        .map_err(|e| format!("cannot read {}: {e}", local.display()))?;
    let mut opts = sftp.options();
    opts.write(true);
    if create_new {
        opts.create_new(true);
    } else {
        opts.create(true).truncate(true);
    }
    let mut dst = opts.open(remote_path).await.map_err(|e| {
        format!(
            "cannot create {remote_path}: {}",
            super::ssh::error_text(&e)
        )
    })?;
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = src
            .read(&mut buf)
            .await
            .map_err(|e| format!("reading {}: {e}", local.display()))?;
        if n == 0 {
            break;
        }
        dst.write_all(&buf[..n])
            .await
            .map_err(|e| format!("writing {remote_path}: {}", super::ssh::error_text(&e)))?;
        total += n as u64;
    }
    dst.close()
        .await
        .map_err(|e| format!("closing {remote_path}: {}", super::ssh::error_text(&e)))?;
    sftp.fs()
        .set_permissions(remote_path, Permissions::from((mode & 0o7777) as u16))
        .await
        .map_err(|e| format!("chmod {remote_path}: {}", super::ssh::error_text(&e)))?;
    Ok(total)
}

/// Write bytes (a script) to a new remote file with `mode`.
pub async fn upload_bytes(
    sftp: &Sftp,
    bytes: &[u8],
    remote_path: &str,
    mode: u32,
) -> Result<(), String> {
    let mut opts = sftp.options();
    opts.write(true).create_new(true);
    let mut dst = opts.open(remote_path).await.map_err(|e| {
        format!(
            "cannot create {remote_path}: {}",
            super::ssh::error_text(&e)
        )
    })?;
    dst.write_all(bytes)
        .await
        .map_err(|e| format!("writing {remote_path}: {}", super::ssh::error_text(&e)))?;
    dst.close()
        .await
        .map_err(|e| format!("closing {remote_path}: {}", super::ssh::error_text(&e)))?;
    sftp.fs()
        .set_permissions(remote_path, Permissions::from((mode & 0o7777) as u16))
        .await
        .map_err(|e| format!("chmod {remote_path}: {}", super::ssh::error_text(&e)))?;
    Ok(())
}

/// Run a short helper command on the host; returns stdout, or the reason it failed.
pub async fn helper(session: &Session, cmd: &str, limit: Duration) -> Result<String, String> {
    let out = tokio::time::timeout(
        limit,
        session
            .raw_command(cmd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output(),
    )
    .await
    .map_err(|_| format!("no answer within {}s", limit.as_secs()))?
    .map_err(|e| super::ssh::error_text(&e))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "exit {}: {}",
            out.status.code().unwrap_or(-1),
            err.lines().last().unwrap_or("").trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The SHA-256 of a remote file, computed on the host.
pub async fn remote_sha256(session: &Session, path: &str, sudo: bool) -> Result<String, String> {
    let out = helper(
        session,
        &remote::sha256(path, sudo),
        Duration::from_secs(120),
    )
    .await
    .map_err(|e| format!("checksum of {path}: {e}"))?;
    let sum = out
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if sum.len() != 64 || !sum.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "checksum of {path}: unexpected output '{}'",
            out.trim()
        ));
    }
    Ok(sum)
}

/// SHA-256 of a local file, hex.
pub fn local_sha256(path: &Path) -> std::io::Result<(String, u64)> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        total += n as u64;
    }
    Ok((hex::encode(h.finalize()), total))
}
