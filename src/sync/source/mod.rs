//! Sources: the MySQL full copy (keyset pages) and the binlog stream.

pub mod binlog;
pub mod copy;

use crate::conn::Connection;
use crate::sync::error::{SyncError, source_err};

/// A source connection in UTC, so TIMESTAMP values read the same as from the binlog.
pub async fn connect(conn: &Connection) -> Result<mysql_async::Conn, SyncError> {
    let opts = crate::conn::probe::mysql::opts(conn)?;
    let opts = mysql_async::OptsBuilder::from_opts(opts).init(vec!["SET time_zone = '+00:00'"]);
    mysql_async::Conn::new(opts)
        .await
        .map_err(|e| source_err(conn, e))
}
