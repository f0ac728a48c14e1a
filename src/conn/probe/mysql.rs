//! MySQL / MariaDB probe: connect, then check what binlog CDC needs (log_bin, ROW format, FULL
//! row image and metadata, a server id, replication privileges), with the my.cnf lines to fix.

use super::{Found, PROBE_TIMEOUT, auth_failed, protocol, scrub, unreachable};
use crate::conn::{Check, ConnError, Connection};
use mysql_async::prelude::Queryable;

/// Client options for a mysql connection (password from the secret, never from the URL); of a
/// connection listing several hosts, for the first (`Connection::hosts` gives each).
pub fn opts(conn: &Connection) -> Result<mysql_async::Opts, ConnError> {
    let url = crate::conn::split_hosts(&conn.url).swap_remove(0);
    let base = mysql_async::Opts::from_url(&url)
        .map_err(|e| ConnError::Invalid(format!("{}: bad mysql URL: {e}", conn.name)))?;
    let mut b = mysql_async::OptsBuilder::from_opts(base)
        .prefer_socket(false)
        .wait_timeout(Some(28_800));
    if let Some(u) = &conn.user {
        b = b.user(Some(u.clone()));
    }
    if let Some(s) = &conn.secret {
        b = b.pass(Some(s.expose().to_string()));
    }
    if conn.flag("tls") == Some(true) {
        b = b.ssl_opts(Some(mysql_async::SslOpts::default()));
    }
    Ok(b.into())
}

/// Map a driver error to unreachable / auth / protocol.
pub fn classify(conn: &Connection, e: mysql_async::Error) -> ConnError {
    match e {
        mysql_async::Error::Server(s) if matches!(s.code, 1044 | 1045 | 1698 | 1251) => {
            auth_failed(
                conn,
                scrub(conn, format!("ERROR {}: {}", s.code, s.message)),
            )
        }
        mysql_async::Error::Io(io) => unreachable(conn, io.to_string()),
        other => protocol(conn, scrub(conn, other.to_string())),
    }
}

/// Probe a connection: of one listing several hosts, each host, its checks named after it
/// (a host that does not answer is a warning while another one does).
pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let hosts = conn.hosts();
    if hosts.len() == 1 {
        return probe_host(conn, false).await;
    }
    let mut server = None;
    let mut checks = vec![];
    let mut last_err = None;
    for h in &hosts {
        let name = h.host();
        match probe_host(h, true).await {
            Ok(found) => {
                server = server.or(found.server);
                checks.extend(found.checks.into_iter().map(|mut c| {
                    c.name = format!("{name} {}", c.name);
                    c
                }));
            }
            Err(e) => {
                checks.push(Check::warn(
                    format!("{name} role"),
                    format!("does not answer: {e}"),
                    "start it, or remove it from the connection's URL",
                ));
                last_err = Some(e);
            }
        }
    }
    match (server, last_err) {
        (None, Some(e)) => Err(e),
        (server, _) => Ok(Found { server, checks }),
    }
}

/// The role a server plays: primary (writable) or replica (`read_only`, replicating from).
async fn role(c: &mut mysql_async::Conn) -> Check {
    let read_only = first_text(c, "SELECT @@read_only").await;
    let source = match c
        .query_first::<mysql_async::Row, _>("SHOW SLAVE STATUS")
        .await
    {
        Ok(Some(r)) => {
            let col = |n: &str| {
                r.columns_ref()
                    .iter()
                    .position(|c| c.name_str().eq_ignore_ascii_case(n))
                    .and_then(|i| text(&r, i))
            };
            match (col("Master_Host"), col("Master_Port")) {
                (Some(h), Some(p)) => format!(", replicating from {h}:{p}"),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    let writable = read_only.as_deref() == Some("0");
    Check::ok(
        "role",
        if writable {
            format!("primary (read_only OFF{source})")
        } else {
            format!("replica (read_only ON{source})")
        },
    )
}

async fn probe_host(conn: &Connection, several: bool) -> Result<Found, ConnError> {
    let opts = opts(conn)?;
    let mut c = tokio::time::timeout(PROBE_TIMEOUT, mysql_async::Conn::new(opts))
        .await
        .map_err(|_| {
            unreachable(
                conn,
                format!("no answer within {}s", PROBE_TIMEOUT.as_secs()),
            )
        })?
        .map_err(|e| classify(conn, e))?;
    let row: mysql_async::Row = c
        .query_first(
            "SELECT @@version, @@version_comment, @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id",
        )
        .await
        .map_err(|e| classify(conn, e))?
        .ok_or_else(|| protocol(conn, "SELECT @@version returned no row"))?;
    let (version, comment, log_bin, format, image, server_id) = (
        text(&row, 0).unwrap_or_default(),
        text(&row, 1).unwrap_or_default(),
        text(&row, 2),
        text(&row, 3),
        text(&row, 4),
        text(&row, 5)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0),
    );
    let mariadb = version.to_ascii_lowercase().contains("mariadb")
        || comment.to_ascii_lowercase().contains("mariadb");
    let short = version.split("-MariaDB").next().unwrap_or(&version);
    let server = format!("{} {short}", if mariadb { "MariaDB" } else { "MySQL" });
    let mut checks = vec![];
    let on = |v: &Option<String>| {
        v.as_deref()
            .is_some_and(|s| s == "1" || s.eq_ignore_ascii_case("ON"))
    };
    checks.push(Check::expect(
        "log_bin",
        on(&log_bin),
        format!("log_bin = {}", if on(&log_bin) { "ON" } else { "OFF" }),
        "add `log-bin = mysql-bin` and `server-id = 1` (unique per server) to the [mysqld] section of my.cnf and restart the server",
    ));
    let fmt = format.unwrap_or_default();
    checks.push(Check::expect(
        "binlog_format",
        fmt.eq_ignore_ascii_case("ROW"),
        format!("binlog_format = {fmt}"),
        "add `binlog_format = ROW` to the [mysqld] section of my.cnf and restart (or `SET GLOBAL binlog_format = 'ROW'` now; sessions opened before keep the old format)",
    ));
    let img = image.unwrap_or_default();
    checks.push(Check::expect(
        "binlog_row_image",
        img.eq_ignore_ascii_case("FULL"),
        format!("binlog_row_image = {img}"),
        "add `binlog_row_image = FULL` to the [mysqld] section of my.cnf and restart (or `SET GLOBAL binlog_row_image = 'FULL'`)",
    ));
    match c
        .query_first::<mysql_async::Row, _>("SELECT @@binlog_row_metadata")
        .await
        .map(|r| r.and_then(|r| text(&r, 0)))
    {
        Ok(Some(m)) => checks.push(if m.eq_ignore_ascii_case("FULL") {
            Check::ok("binlog_row_metadata", format!("binlog_row_metadata = {m}"))
        } else {
            Check::warn(
                "binlog_row_metadata",
                format!("binlog_row_metadata = {m}: column names come from information_schema, so a rename racing the stream can mislabel values"),
                "add `binlog_row_metadata = FULL` to the [mysqld] section of my.cnf",
            )
        }),
        _ => checks.push(Check::warn(
            "binlog_row_metadata",
            "not supported by this server (MySQL < 8.0.1 / MariaDB < 10.5)",
            "upgrade the server to get column names in the binlog",
        )),
    }
    checks.push(Check::expect(
        "server_id",
        server_id != 0,
        format!("server_id = {server_id}"),
        "set `server-id = N` (non-zero, unique) in the [mysqld] section of my.cnf",
    ));
    checks.push(privileges(conn, &mut c, mariadb).await?);
    checks.push(role(&mut c).await);
    if mariadb {
        if let Some(pos) = first_text(&mut c, "SELECT @@gtid_binlog_pos").await {
            checks.push(Check::ok(
                "gtid",
                format!(
                    "MariaDB GTID, gtid_binlog_pos = {}",
                    if pos.is_empty() { "(empty)" } else { &pos }
                ),
            ));
        }
        let lsu = first_text(&mut c, "SELECT @@log_slave_updates").await;
        if several && lsu.as_deref() != Some("1") {
            checks.push(Check::warn(
                "log_slave_updates",
                "log_slave_updates = OFF: this server's binlog lacks what it replicates, so a sync cannot fail over to it",
                "add `log_slave_updates = ON` to the [mariadbd] section of its my.cnf and restart it",
            ));
        }
    } else if let Some(mode) = first_text(&mut c, "SELECT @@gtid_mode").await {
        checks.push(Check::ok("gtid", format!("gtid_mode = {mode}")));
    }
    if let Ok(Some(r)) = c
        .query_first::<mysql_async::Row, _>("SHOW MASTER STATUS")
        .await
        && let (Some(file), Some(pos)) = (text(&r, 0), text(&r, 1))
    {
        checks.push(Check::ok("binlog position", format!("{file}:{pos}")));
    }
    let _ = c.disconnect().await;
    Ok(Found {
        server: Some(server),
        checks,
    })
}

async fn privileges(
    conn: &Connection,
    c: &mut mysql_async::Conn,
    mariadb: bool,
) -> Result<Check, ConnError> {
    let grants: Vec<String> = c
        .query::<mysql_async::Row, _>("SHOW GRANTS FOR CURRENT_USER()")
        .await
        .map_err(|e| classify(conn, e))?
        .iter()
        .filter_map(|r| text(r, 0))
        .collect();
    let global: Vec<String> = grants
        .iter()
        .filter(|g| g.contains(" ON *.* "))
        .map(|g| g.to_ascii_uppercase())
        .collect();
    let has = |p: &str| {
        global
            .iter()
            .any(|g| g.contains("ALL PRIVILEGES") || g.contains(p))
    };
    let client_priv = if mariadb {
        has("REPLICATION CLIENT") || has("BINLOG MONITOR")
    } else {
        has("REPLICATION CLIENT")
    };
    let mut missing = vec![];
    if !has("SELECT") {
        missing.push("SELECT");
    }
    if !has("REPLICATION SLAVE") && !has("REPLICATION REPLICA") {
        missing.push("REPLICATION SLAVE");
    }
    if !client_priv {
        missing.push(if mariadb {
            "BINLOG MONITOR"
        } else {
            "REPLICATION CLIENT"
        });
    }
    let user = first_text(c, "SELECT CURRENT_USER()")
        .await
        .unwrap_or_else(|| "USER@HOST".into());
    let quoted = match user.rsplit_once('@') {
        Some((u, h)) => format!("'{u}'@'{h}'"),
        None => user.clone(),
    };
    Ok(if missing.is_empty() {
        Check::ok(
            "privileges",
            format!("{user} has SELECT and replication privileges"),
        )
    } else {
        Check::fail(
            "privileges",
            format!("{user} lacks {}", missing.join(", ")),
            format!("GRANT {} ON *.* TO {quoted};", missing.join(", ")),
        )
    })
}

/// Column `i` of a row as text, whatever its wire type; None for NULL or a missing column.
pub fn text(row: &mysql_async::Row, i: usize) -> Option<String> {
    use mysql_async::Value;
    match row.as_ref(i)? {
        Value::NULL => None,
        Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Value::Int(n) => Some(n.to_string()),
        Value::UInt(n) => Some(n.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Double(f) => Some(f.to_string()),
        other => Some(other.as_sql(true)),
    }
}

async fn first_text(c: &mut mysql_async::Conn, sql: &str) -> Option<String> {
    c.query_first::<mysql_async::Row, _>(sql)
        .await
        .ok()
        .flatten()
        .and_then(|r| text(&r, 0))
}
