//! ZooKeeper probe: `srvr` on every member (mode, zxid, version), which four-letter words the
//! members whitelist, the AdminServer when configured, and the ensemble's leader count.

use super::http;
use super::{Found, auth_failed, unreachable};
use crate::conn::{Check, ConnError, Connection};
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const WORD_TIMEOUT: Duration = Duration::from_secs(3);
/// Words the zk engine uses besides `srvr`.
pub const WANTED_WORDS: [&str; 5] = ["mntr", "cons", "ruok", "stat", "conf"];

/// The answer to a four-letter word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordReply {
    Answer(String),
    NotWhitelisted,
}

/// Send a four-letter word to `host:port` and read the reply to EOF.
pub async fn four_letter(addr: &str, word: &str) -> std::io::Result<WordReply> {
    let fut = async {
        let mut s = tokio::net::TcpStream::connect(addr).await?;
        s.write_all(word.as_bytes()).await?;
        let mut out = String::new();
        s.read_to_string(&mut out).await?;
        Ok::<_, std::io::Error>(out)
    };
    let out = tokio::time::timeout(WORD_TIMEOUT, fut)
        .await
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "no answer within 3s"))??;
    if out.contains("is not executed because it is not in the whitelist") {
        Ok(WordReply::NotWhitelisted)
    } else {
        Ok(WordReply::Answer(out))
    }
}

/// Parse `key: value` lines of `srvr`/`stat` (and tab-separated `mntr`).
pub fn parse_kv(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once(':').or_else(|| l.split_once('\t')))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The hosts of a zookeeper connection URL.
pub fn hosts(conn: &Connection) -> Vec<String> {
    conn.url.split(',').map(|h| h.trim().to_string()).collect()
}

/// AdminServer port for the i-th host, if configured.
pub fn admin_port(conn: &Connection, i: usize) -> Option<u16> {
    if let Some(list) = conn.option("admin_ports") {
        return list.split(',').nth(i).and_then(|p| p.trim().parse().ok());
    }
    conn.option("admin_port").and_then(|p| p.parse().ok())
}

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let hosts = hosts(conn);
    let mut checks = vec![];
    let mut reached = 0;
    let mut leaders = 0;
    let mut version = None;
    let mut last_err = String::new();
    let mut missing: BTreeMap<&str, usize> = BTreeMap::new();
    let client = http::client()?;
    for (i, addr) in hosts.iter().enumerate() {
        match four_letter(addr, "srvr").await {
            Ok(WordReply::Answer(text)) => {
                reached += 1;
                let kv = parse_kv(&text);
                let mode = kv.get("Mode").cloned().unwrap_or_else(|| "unknown".into());
                if mode == "leader" || mode == "standalone" {
                    leaders += 1;
                }
                if version.is_none() {
                    version = kv.get("Zookeeper version").map(|v| {
                        // Debian's build leaves a literal ${mvngit.commit.id} in the version
                        v.split([',', '-']).next().unwrap_or(v).trim().to_string()
                    });
                }
                checks.push(Check::ok(
                    format!("member {addr}"),
                    format!(
                        "mode {mode}, zxid {}, latency {}",
                        kv.get("Zxid").map(String::as_str).unwrap_or("?"),
                        kv.get("Latency min/avg/max")
                            .map(String::as_str)
                            .unwrap_or("?")
                    ),
                ));
                for w in WANTED_WORDS {
                    if let Ok(WordReply::NotWhitelisted) = four_letter(addr, w).await {
                        *missing.entry(w).or_default() += 1;
                    }
                }
                if let Some(port) = admin_port(conn, i) {
                    let host = addr.rsplit_once(':').map(|(h, _)| h).unwrap_or(addr);
                    let url = format!("http://{host}:{port}/commands/ruok");
                    checks.push(match client.get(&url).send().await {
                        Ok(r) if r.status().is_success() => {
                            Check::ok(format!("adminserver {host}:{port}"), "answers /commands")
                        }
                        Ok(r) if r.status().as_u16() == 401 || r.status().as_u16() == 403 => {
                            return Err(auth_failed(conn, format!("AdminServer {host}:{port} answered {}", r.status())));
                        }
                        Ok(r) => Check::warn(
                            format!("adminserver {host}:{port}"),
                            format!("answered HTTP {}", r.status()),
                            "check admin.serverPort / admin.enableServer in zoo.cfg",
                        ),
                        Err(e) => Check::warn(
                            format!("adminserver {host}:{port}"),
                            format!("not reachable: {}", e.without_url()),
                            "enable it with admin.enableServer=true and admin.serverPort in zoo.cfg, or drop the admin_port option",
                        ),
                    });
                }
            }
            Ok(WordReply::NotWhitelisted) => {
                reached += 1;
                checks.push(Check::fail(
                    format!("member {addr}"),
                    "even `srvr` is not whitelisted",
                    "add `4lw.commands.whitelist=srvr,mntr,cons,ruok,stat,conf` to zoo.cfg and restart the member",
                ));
            }
            Err(e) => {
                last_err = format!("{addr}: {e}");
                checks.push(Check::fail(
                    format!("member {addr}"),
                    format!("unreachable: {e}"),
                    "start the member or remove it from the connection URL",
                ));
            }
        }
    }
    if reached == 0 {
        return Err(unreachable(conn, last_err));
    }
    if missing.is_empty() {
        checks.push(Check::ok(
            "four-letter words",
            format!("srvr, {} whitelisted", WANTED_WORDS.join(", ")),
        ));
    } else {
        let words: Vec<&str> = missing.keys().copied().collect();
        let has_admin = (0..hosts.len()).any(|i| admin_port(conn, i).is_some());
        checks.push(Check::warn(
            "four-letter words",
            format!(
                "not whitelisted: {} (status falls back to {})",
                words.join(", "),
                if has_admin { "the AdminServer" } else { "`srvr` only: no connection or watch counts" }
            ),
            "add `4lw.commands.whitelist=srvr,mntr,cons,ruok,stat,conf` to zoo.cfg on every member and restart them one by one, or set the admin_port option to use the AdminServer",
        ));
    }
    let quorum = hosts.len() / 2 + 1;
    checks.push(if hosts.len() == 1 {
        Check::expect(
            "ensemble",
            leaders == 1,
            "single server",
            "the server is not serving: check its log",
        )
    } else {
        Check::expect(
            "ensemble",
            leaders == 1 && reached >= quorum,
            format!(
                "{reached}/{} members reachable, {leaders} leader(s)",
                hosts.len()
            ),
            if leaders == 0 {
                "no leader: quorum is lost; bring members back until a majority runs"
            } else {
                "more than one leader or too few members: check the server.N lines of every zoo.cfg"
            },
        )
    });
    Ok(Found {
        server: version.map(|v| format!("ZooKeeper {v}")),
        checks,
    })
}
