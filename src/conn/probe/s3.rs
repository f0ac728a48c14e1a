//! S3 probe: list the bucket, then write and delete a small probe object (the archive writes).

use super::{Found, PROBE_TIMEOUT, auth_failed, protocol, scrub, unreachable};
use crate::conn::clients::{self, S3Limits};
use crate::conn::{Check, ConnError, Connection};
use object_store::aws::AmazonS3;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

/// An object store client with the probe's timeouts (one retry).
pub fn store(conn: &Connection) -> Result<AmazonS3, ConnError> {
    clients::s3(
        conn,
        S3Limits {
            request: PROBE_TIMEOUT,
            connect: PROBE_TIMEOUT,
            retries: 1,
        },
    )
}

pub fn classify(conn: &Connection, e: object_store::Error) -> ConnError {
    let text = scrub(conn, chain(&e));
    match e {
        object_store::Error::Unauthenticated { .. }
        | object_store::Error::PermissionDenied { .. } => auth_failed(conn, text),
        _ if text.contains("InvalidAccessKeyId")
            || text.contains("SignatureDoesNotMatch")
            || text.contains("AccessDenied")
            || text.contains("403") =>
        {
            auth_failed(conn, text)
        }
        _ if text.contains("onnection refused")
            || text.contains("error sending request")
            || text.contains("timed out")
            || text.contains("dns") =>
        {
            unreachable(conn, text)
        }
        _ => protocol(conn, text),
    }
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        let t = x.to_string();
        if !s.contains(&t) {
            s = format!("{s}: {t}");
        }
        src = x.source();
    }
    s
}

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let store = store(conn)?;
    let bucket = conn.option("bucket").unwrap_or_default();
    let prefix = conn.option("prefix").map(Path::from);
    let listed = store.list_with_delimiter(prefix.as_ref()).await;
    let listed = match listed {
        Err(e) if chain(&e).contains("NoSuchBucket") => {
            return Ok(Found {
                server: Some("S3".into()),
                checks: vec![Check::fail(
                    "bucket",
                    format!("bucket '{bucket}' does not exist"),
                    "create it, or fix the bucket option with `shark conn edit NAME --option bucket=NAME`",
                )],
            });
        }
        other => other.map_err(|e| classify(conn, e))?,
    };
    let mut checks = vec![Check::ok(
        "list",
        format!(
            "bucket '{bucket}': {} object(s), {} prefix(es) at the top",
            listed.objects.len(),
            listed.common_prefixes.len()
        ),
    )];
    let probe_key = format!(
        "{}.shark-conn-test-{}",
        conn.option("prefix")
            .map(|p| format!("{}/", p.trim_end_matches('/')))
            .unwrap_or_default(),
        std::process::id()
    );
    let path = Path::from(probe_key.as_str());
    match store
        .put(&path, PutPayload::from_static(b"shark conn test\n"))
        .await
    {
        Ok(_) => {
            let del = store.delete(&path).await;
            checks.push(match del {
                Ok(()) => Check::ok("write", "put and delete of a probe object succeeded"),
                Err(e) => Check::warn(
                    "write",
                    format!(
                        "probe object written but not deleted: {}",
                        scrub(conn, chain(&e))
                    ),
                    format!("delete {probe_key} by hand and grant s3:DeleteObject"),
                ),
            });
        }
        Err(e) => checks.push(Check::fail(
            "write",
            format!("cannot write: {}", scrub(conn, chain(&e))),
            "grant s3:PutObject on the bucket (shark monitor archives there)",
        )),
    }
    Ok(Found {
        server: Some("S3".into()),
        checks,
    })
}
