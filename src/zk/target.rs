//! Which ensemble a command talks to: the zookeeper connection (named with --conn, or the only
//! one there is, or `[zk] conn` in the config), its members and AdminServer ports, and a
//! ZooKeeper client session to it.

use super::error::{Result, ZkError};
use crate::conn::{Connection, Kind, Secret};
use std::time::Duration;
use zookeeper_client as zkc;

/// One ensemble member: client address and, when configured, its AdminServer port.
#[derive(Debug, Clone)]
pub struct MemberAddr {
    pub addr: String,
    pub admin_port: Option<u16>,
}

/// A resolved zookeeper connection.
#[derive(Debug, Clone)]
pub struct Target {
    pub conn: String,
    pub members: Vec<MemberAddr>,
    pub chroot: Option<String>,
    /// Digest credentials (`user:password`) when the connection has a user and a secret.
    pub digest: Option<(String, Secret)>,
}

impl Target {
    pub fn from_connection(c: &Connection) -> Result<Target> {
        if c.kind != Kind::Zookeeper {
            return Err(ZkError::Usage(format!(
                "connection '{}' is a {} connection; pass a zookeeper one with --conn",
                c.name, c.kind
            )));
        }
        use crate::conn::probe::zk::{admin_port, hosts};
        let members = hosts(c)
            .into_iter()
            .enumerate()
            .map(|(i, addr)| MemberAddr {
                addr,
                admin_port: admin_port(c, i),
            })
            .collect();
        Ok(Target {
            conn: c.name.clone(),
            members,
            chroot: c
                .option("chroot")
                .map(|s| s.to_string())
                .filter(|s| !s.is_empty() && s != "/"),
            digest: match (&c.user, &c.secret) {
                (Some(u), Some(s)) => Some((u.clone(), s.clone())),
                _ => None,
            },
        })
    }

    /// The connect string the client library takes: "h1:p1,h2:p2[/chroot]".
    pub fn connect_string(&self) -> String {
        let hosts: Vec<&str> = self.members.iter().map(|m| m.addr.as_str()).collect();
        let mut s = hosts.join(",");
        if let Some(c) = &self.chroot {
            if !c.starts_with('/') {
                s.push('/');
            }
            s.push_str(c);
        }
        s
    }

    /// The ACL of every znode shark creates (`zk create`, `zk files` metadata and its root,
    /// workload znodes): with digest credentials (the connection has a user and a secret) the
    /// creator-only `CREATOR_ALL_ACL`, so a session without those credentials can neither read
    /// nor change them; without credentials `OPEN_ACL_UNSAFE`, as `zkCli.sh create` does.
    pub fn acls(&self) -> zkc::Acls<'static> {
        if self.digest.is_some() {
            zkc::Acls::creator_all()
        } else {
            zkc::Acls::anyone_all()
        }
    }

    /// Open a session (fails within ~15 s when no member answers).
    pub async fn client(&self) -> Result<zkc::Client> {
        let cs = self.connect_string();
        let mut connector = zkc::Client::connector()
            .with_session_timeout(Duration::from_secs(10))
            .with_connection_timeout(Duration::from_secs(5));
        if let Some((user, secret)) = &self.digest {
            let cred = zeroize::Zeroizing::new(format!("{user}:{}", secret.expose()));
            connector = connector.with_auth("digest", cred.as_bytes());
        }
        let fut = connector.connect(&cs);
        match tokio::time::timeout(Duration::from_secs(15), fut).await {
            Ok(Ok(c)) => Ok(c),
            Ok(Err(e)) => Err(ZkError::Connect {
                endpoint: cs,
                reason: e.to_string(),
            }),
            Err(_) => Err(ZkError::Connect {
                endpoint: cs,
                reason: "no session within 15 s".into(),
            }),
        }
    }
}

/// Pick the zookeeper connection: `explicit`, else `[zk] conn`, else the only one.
pub fn pick_connection(
    list: &[Connection],
    explicit: Option<&str>,
    configured: Option<&str>,
) -> Result<String> {
    if let Some(n) = explicit.or(configured) {
        return Ok(n.to_string());
    }
    let zks: Vec<&Connection> = list.iter().filter(|c| c.kind == Kind::Zookeeper).collect();
    match zks.as_slice() {
        [one] => Ok(one.name.clone()),
        [] => Err(ZkError::Usage(
            "no zookeeper connection: add one with `shark conn add zk --kind zookeeper --url HOST:2181,HOST:2182,HOST:2183`".into(),
        )),
        many => Err(ZkError::Usage(format!(
            "{} zookeeper connections ({}): pick one with --conn NAME or set `conn` in the [zk] config section",
            many.len(),
            many.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}
