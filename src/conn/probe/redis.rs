//! Redis probe over RESP: AUTH when a password is set, PING, and the server version from INFO.

use super::{Found, PROBE_TIMEOUT, auth_failed, protocol, unreachable};
use crate::conn::{Check, ConnError, Connection};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

type Stream = BufReader<TcpStream>;

/// Longest status/error line and bulk string the probe accepts: a server (or something that
/// is not Redis) announcing more is refused instead of being allocated.
const MAX_LINE: u64 = 64 * 1024;
const MAX_BULK: i64 = 16 * 1024 * 1024;

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let u = url::Url::parse(&conn.url)
        .map_err(|e| ConnError::Invalid(format!("{}: {e}", conn.name)))?;
    if u.scheme() == "rediss" || conn.flag("tls") == Some(true) {
        return Err(ConnError::Invalid(format!(
            "{}: TLS to Redis is not supported yet; use a redis:// URL",
            conn.name
        )));
    }
    let addr = format!(
        "{}:{}",
        u.host_str().unwrap_or("127.0.0.1"),
        u.port().unwrap_or(6379)
    );
    let tcp = tokio::time::timeout(PROBE_TIMEOUT, TcpStream::connect(&addr))
        .await
        .map_err(|_| unreachable(conn, "no answer within 10s"))?
        .map_err(|e| unreachable(conn, e.to_string()))?;
    let mut s = BufReader::new(tcp);
    let user = conn
        .user
        .clone()
        .or_else(|| Some(u.username().to_string()).filter(|s| !s.is_empty()));
    if let Some(pw) = &conn.secret {
        let mut args = vec!["AUTH".to_string()];
        args.extend(user.clone());
        args.push(pw.expose().to_string());
        match command(conn, &mut s, &args).await? {
            Reply::Simple(_) => {}
            Reply::Error(e) => return Err(auth_failed(conn, super::http::excerpt(conn, &e))),
            Reply::Bulk(_) => return Err(protocol(conn, "unexpected AUTH reply")),
        }
    }
    let mut checks = vec![];
    match command(conn, &mut s, &["PING".into()]).await? {
        Reply::Simple(p) if p == "PONG" => checks.push(Check::ok("ping", "PONG")),
        Reply::Error(e) if e.starts_with("NOAUTH") => {
            return Err(auth_failed(
                conn,
                "the server requires a password; set it with --secret-stdin",
            ));
        }
        other => {
            let other = super::http::excerpt(conn, &format!("{other:?}"));
            return Err(protocol(conn, format!("PING answered {other}")));
        }
    }
    let db = u.path().trim_start_matches('/');
    if !db.is_empty() {
        match command(conn, &mut s, &["SELECT".into(), db.into()]).await? {
            Reply::Error(e) => checks.push(Check::fail(
                "database",
                format!("SELECT {db}: {}", super::http::excerpt(conn, &e)),
                "use a database number the server has (databases in redis.conf)",
            )),
            _ => checks.push(Check::ok("database", format!("db {db}"))),
        }
    }
    let version = match command(conn, &mut s, &["INFO".into(), "server".into()]).await? {
        Reply::Bulk(Some(info)) => info
            .lines()
            .find_map(|l| l.strip_prefix("redis_version:"))
            .map(|v| v.trim().to_string()),
        _ => None,
    };
    Ok(Found {
        server: version.map(|v| format!("Redis {v}")),
        checks,
    })
}

#[derive(Debug)]
enum Reply {
    Simple(String),
    Error(String),
    Bulk(Option<String>),
}

async fn command(conn: &Connection, s: &mut Stream, args: &[String]) -> Result<Reply, ConnError> {
    let mut buf = format!("*{}\r\n", args.len());
    for a in args {
        buf.push_str(&format!("${}\r\n{a}\r\n", a.len()));
    }
    let io = |e: std::io::Error| unreachable(conn, e.to_string());
    let fut = async {
        s.get_mut().write_all(buf.as_bytes()).await.map_err(io)?;
        let mut line = String::new();
        (&mut *s)
            .take(MAX_LINE)
            .read_line(&mut line)
            .await
            .map_err(io)?;
        if !line.is_empty() && !line.ends_with('\n') && line.len() as u64 >= MAX_LINE {
            return Err(protocol(
                conn,
                format!("a reply line is longer than {MAX_LINE} bytes"),
            ));
        }
        let line = line.trim_end().to_string();
        let (tag, rest) = line.split_at(line.len().min(1));
        Ok(match tag {
            "+" => Reply::Simple(rest.to_string()),
            "-" => Reply::Error(rest.to_string()),
            ":" => Reply::Simple(rest.to_string()),
            "$" => {
                let n: i64 = rest
                    .parse()
                    .map_err(|_| protocol(conn, "bad bulk length"))?;
                if n < 0 {
                    Reply::Bulk(None)
                } else if n > MAX_BULK {
                    return Err(protocol(
                        conn,
                        format!("a bulk reply announces {n} bytes (more than {MAX_BULK})"),
                    ));
                } else {
                    let mut data = vec![0u8; n as usize + 2];
                    s.read_exact(&mut data).await.map_err(io)?;
                    data.truncate(n as usize);
                    Reply::Bulk(Some(String::from_utf8_lossy(&data).into_owned()))
                }
            }
            "" => return Err(unreachable(conn, "connection closed by the server")),
            _ => {
                return Err(protocol(
                    conn,
                    format!(
                        "not a Redis reply: {}",
                        super::http::excerpt(conn, &line)
                            .chars()
                            .take(60)
                            .collect::<String>()
                    ),
                ));
            }
        })
    };
    tokio::time::timeout(PROBE_TIMEOUT, fut)
        .await
        .map_err(|_| unreachable(conn, "no answer within 10s"))?
}
