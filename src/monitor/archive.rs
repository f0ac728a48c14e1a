//! The S3 archive: lines buffered per container and time window, written as one gzip object per
//! flush, keyed `[conn prefix/][prefix/]ns/pod/container/YYYY/MM/DD/HH-MM-SS.nnnnnnnnn-N.log.gz`
//! after the object's first line. The key is a function of that line's position, so an object
//! rewritten after a crash (same first line, same or more lines) replaces the earlier one and
//! no line is archived twice. Big objects go up as multipart uploads.

use super::error::MonitorError;
use super::kube::Unit;
use super::position::Pos;
use crate::conn::Connection;
use crate::conn::clients::{self, S3Limits};
use chrono::{Datelike, Timelike};
use futures_util::StreamExt;
use object_store::aws::AmazonS3;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use std::io::Write;
use std::time::Duration;

/// Compressed objects above this go up as multipart uploads.
pub const MULTIPART_THRESHOLD: usize = 8 << 20;
/// Part size of multipart uploads (S3's minimum is 5 MiB).
pub const PART_SIZE: usize = 5 << 20;
/// A buffer is flushed when it holds this many uncompressed bytes, whatever its window.
pub const MAX_BUFFER: usize = 64 << 20;
/// Archive buffers of all containers together stay under this; the biggest is written early.
pub const MAX_TOTAL_BUFFER: usize = 256 << 20;

/// An S3 client for the archive connection: long requests (multipart parts), a few retries.
pub fn store(conn: &Connection) -> Result<AmazonS3, MonitorError> {
    let limits = S3Limits {
        request: Duration::from_secs(120),
        connect: Duration::from_secs(10),
        retries: 3,
    };
    clients::s3(conn, limits).map_err(|e| err(conn, "setup", e))
}

pub fn err(conn: &Connection, what: &str, e: impl std::fmt::Display) -> MonitorError {
    let mut reason = e.to_string().replace('\n', " ");
    if let Some(s) = &conn.secret
        && !s.expose().is_empty()
    {
        reason = reason.replace(s.expose(), "***");
    }
    MonitorError::Archive {
        conn: conn.name.clone(),
        what: what.to_string(),
        reason,
    }
}

/// The key prefix of a monitor's archive: the connection's prefix option, then the monitor's.
pub fn base(conn: &Connection, prefix: &str) -> String {
    [conn.option("prefix").unwrap_or(""), prefix]
        .iter()
        .map(|p| p.trim_matches('/'))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

/// The key of an object whose first line is at `first`.
pub fn key(base: &str, unit: &Unit, first: Pos) -> String {
    let t = chrono::DateTime::from_timestamp_nanos(first.ts);
    let rel = format!(
        "{}/{}/{}/{:04}/{:02}/{:02}/{:02}-{:02}-{:02}.{:09}-{}.log.gz",
        unit.namespace,
        unit.pod,
        unit.container,
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond() % 1_000_000_000,
        first.n
    );
    if base.is_empty() {
        rel
    } else {
        format!("{base}/{rel}")
    }
}

/// Lines of one container waiting to be written.
pub struct Buffer {
    pub window_start: i64,
    pub first: Pos,
    pub lines: u64,
    pub data: Vec<u8>,
}

/// What a flush wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Flushed {
    pub key: String,
    pub lines: u64,
    pub bytes: usize,
    pub gzip_bytes: usize,
    pub multipart: bool,
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 4),
        flate2::Compression::fast(),
    );
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

/// Upload `body` to `key`: one PUT, or a multipart upload above `threshold` bytes.
pub async fn upload(
    s3: &AmazonS3,
    conn: &Connection,
    key: &str,
    body: Vec<u8>,
    threshold: usize,
) -> Result<bool, MonitorError> {
    let path = Path::from(key);
    if body.len() <= threshold {
        s3.put(&path, PutPayload::from(body))
            .await
            .map_err(|e| err(conn, "put", e))?;
        return Ok(false);
    }
    let up = s3
        .put_multipart(&path)
        .await
        .map_err(|e| err(conn, "multipart start", e))?;
    let mut w = WriteMultipart::new_with_chunk_size(up, PART_SIZE);
    w.put(body.into());
    w.finish()
        .await
        .map_err(|e| err(conn, "multipart upload", e))?;
    Ok(true)
}

/// An archived object.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Object {
    pub key: String,
    pub size: u64,
    pub last_modified: String,
}

/// Objects under the monitor's prefix (and `under` inside it, e.g. `ns/pod`), sorted by key.
pub async fn list(
    s3: &AmazonS3,
    conn: &Connection,
    base: &str,
    under: Option<&str>,
) -> Result<Vec<Object>, MonitorError> {
    let p = [base, under.unwrap_or("")]
        .iter()
        .map(|x| x.trim_matches('/'))
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    let prefix = (!p.is_empty()).then(|| Path::from(p.as_str()));
    let mut out = Vec::new();
    let mut s = s3.list(prefix.as_ref());
    while let Some(m) = s.next().await {
        let m = m.map_err(|e| err(conn, "list", e))?;
        if !m.location.as_ref().ends_with(".log.gz") {
            continue;
        }
        out.push(Object {
            key: m.location.to_string(),
            size: m.size,
            last_modified: m
                .last_modified
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        });
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(out)
}

/// Read one object, decompressed.
pub async fn get(s3: &AmazonS3, conn: &Connection, key: &str) -> Result<Vec<u8>, MonitorError> {
    let r = match s3.get(&Path::from(key)).await {
        Err(object_store::Error::NotFound { .. }) => {
            return Err(MonitorError::NoObject(key.to_string()));
        }
        r => r.map_err(|e| err(conn, "get", e))?,
    };
    let gz = r.bytes().await.map_err(|e| err(conn, "get", e))?;
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&gz[..]), &mut out)
        .map_err(|e| err(conn, "gunzip", format!("{key}: {e}")))?;
    Ok(out)
}

/// Whether `key` is an object this monitor writes: directly under `base`, then exactly
/// `ns/pod/container/YYYY/MM/DD/HH-MM-SS.nnnnnnnnn-N.log.gz`. Another monitor's objects under a
/// nested prefix have more segments (names hold no `/`), anything else another layout.
pub fn own_key(base: &str, key: &str) -> bool {
    let rel = if base.is_empty() {
        key
    } else {
        match key.strip_prefix(base).and_then(|r| r.strip_prefix('/')) {
            Some(r) => r,
            None => return false,
        }
    };
    let seg: Vec<&str> = rel.split('/').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let name_ok = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    };
    if seg.len() != 7 || !seg[..3].iter().all(|s| name_ok(s)) {
        return false;
    }
    if !(digits(seg[3], 4) && digits(seg[4], 2) && digits(seg[5], 2)) {
        return false;
    }
    // HH-MM-SS.nnnnnnnnn-N.log.gz
    let Some(stem) = seg[6].strip_suffix(".log.gz") else {
        return false;
    };
    let Some((time, n)) = stem.rsplit_once('-') else {
        return false;
    };
    let Some((hms, nanos)) = time.split_once('.') else {
        return false;
    };
    let hms: Vec<&str> = hms.split('-').collect();
    hms.len() == 3
        && hms.iter().all(|p| digits(p, 2))
        && digits(nanos, 9)
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
}

/// Delete this monitor's objects (see [`own_key`]) older than `retention` (at most 1000 per
/// pass); returns how many. Only `base` is listed; an empty `base` is refused (it would be the
/// whole bucket).
pub async fn expire(
    s3: &AmazonS3,
    conn: &Connection,
    base: &str,
    retention: Duration,
) -> Result<usize, MonitorError> {
    if base.is_empty() {
        return Err(err(
            conn,
            "retention",
            "no key prefix: refusing to expire objects across the whole bucket",
        ));
    }
    let cutoff =
        chrono::Utc::now() - chrono::Duration::from_std(retention).unwrap_or(chrono::Duration::MAX);
    let mut n = 0;
    for o in list(s3, conn, base, None).await? {
        if n >= 1000 {
            break;
        }
        let old = chrono::DateTime::parse_from_rfc3339(&o.last_modified).is_ok_and(|t| t < cutoff);
        if old && own_key(base, &o.key) {
            s3.delete(&Path::from(o.key.as_str()))
                .await
                .map_err(|e| err(conn, "delete", e))?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_first_line_and_sort_by_time() {
        let u = Unit {
            namespace: "prod".into(),
            pod: "web-1".into(),
            container: "app".into(),
            uid: String::new(),
        };
        let ts = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:05:07.000000042Z")
            .unwrap()
            .timestamp_nanos_opt()
            .unwrap();
        let a = key("logs", &u, Pos { ts, n: 3 });
        assert_eq!(
            a,
            "logs/prod/web-1/app/2026/12/01/09-05-07.000000042-3.log.gz"
        );
        let b = key(
            "logs",
            &u,
            Pos {
                ts: ts + 1_000_000_000,
                n: 1,
            },
        );
        assert!(a < b);
        assert_eq!(
            key("", &u, Pos { ts, n: 1 }).split('/').next(),
            Some("prod")
        );
        // retention recognises its own keys only
        assert!(own_key("logs", &a));
        assert!(!own_key("log", &a));
        assert!(!own_key("logs/prod", &a), "a nested monitor's view");
        assert!(!own_key("logs", &key("logs/b", &u, Pos { ts, n: 1 })));
        assert!(!own_key(
            "logs",
            "logs/prod/web-1/app/2026/12/01/notes.log.gz"
        ));
        assert!(!own_key("logs", "logs/other.log.gz"));
    }
}
