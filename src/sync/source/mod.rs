//! Sources: the MySQL full copy (keyset pages) and the binlog stream.

pub mod binlog;
pub mod copy;

use crate::conn::{ConnError, Connection};
use crate::sync::error::{Fault, SyncError, source_err};
use std::future::Future;
use std::time::Duration;

/// How long opening a source connection (TCP, TLS, handshake, session setup) may take.
pub const CONNECT_DEADLINE: Duration = Duration::from_secs(30);
/// TCP keepalive of source connections, so a peer that vanished is noticed by the kernel too.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// A source connection in UTC, so TIMESTAMP values read the same as from the binlog; with TCP
/// keepalive, within [`CONNECT_DEADLINE`].
pub async fn connect(conn: &Connection) -> Result<mysql_async::Conn, SyncError> {
    connect_within(conn, CONNECT_DEADLINE).await
}

/// [`connect`] with its own deadline (the binlog reader gives up sooner on a silent server).
pub async fn connect_within(
    conn: &Connection,
    deadline: Duration,
) -> Result<mysql_async::Conn, SyncError> {
    let opts = crate::conn::probe::mysql::opts(conn)?;
    let opts = mysql_async::OptsBuilder::from_opts(opts)
        .tcp_keepalive(Some(KEEPALIVE))
        .init(vec!["SET time_zone = '+00:00'"]);
    match tokio::time::timeout(deadline, mysql_async::Conn::new(opts)).await {
        Ok(r) => r.map_err(|e| source_err(conn, e)),
        Err(_) => Err(SyncError::Conn(ConnError::Unreachable {
            name: conn.name.clone(),
            endpoint: conn.endpoint(),
            reason: format!(
                "no answer within {:.0}s (TCP connected or not, the server did not complete the handshake)",
                deadline.as_secs_f64()
            ),
        })),
    }
}

/// `fut` (a call on the source described by `what`) unless it takes longer than `d`: a
/// transient error then (the connection is dropped and the work retried).
pub async fn within<T>(
    conn: &Connection,
    d: Duration,
    what: &str,
    fut: impl Future<Output = Result<T, SyncError>>,
) -> Result<T, SyncError> {
    match tokio::time::timeout(d, fut).await {
        Ok(r) => r,
        Err(_) => Err(SyncError::Source(
            conn.name.clone(),
            format!("no answer within {}s to {what}", d.as_secs()),
            Fault::Transient,
        )),
    }
}
