//! Deploy inventory: the hosts `shark deploy hosts add|import` stored, with their groups, tags
//! and connection settings.

use super::{StateError, Store, now_rfc3339};
use crate::deploy::Host;
use rusqlite::params;

impl Store {
    /// Insert or replace hosts in one transaction. With `prune`, hosts not in `hosts` are removed.
    /// Returns (added, updated, removed).
    pub fn deploy_hosts_upsert(
        &self,
        hosts: &[Host],
        prune: bool,
    ) -> Result<(usize, usize, usize), StateError> {
        let sql = |e| StateError::sql(self.path(), e);
        self.tx(|tx| {
            let (mut added, mut updated, mut removed) = (0, 0, 0);
            let now = now_rfc3339();
            for h in hosts {
                let exists: bool = tx
                    .query_row(
                        "SELECT count(*) FROM deploy_hosts WHERE name = ?1",
                        [&h.name],
                        |r| r.get::<_, i64>(0),
                    )
                    .map_err(sql)?
                    > 0;
                tx.execute(
                    "INSERT INTO deploy_hosts(name, address, port, user, key_file, groups, tags, vars, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                     ON CONFLICT(name) DO UPDATE SET address = excluded.address, port = excluded.port,
                       user = excluded.user, key_file = excluded.key_file, groups = excluded.groups,
                       tags = excluded.tags, vars = excluded.vars, updated_at = excluded.updated_at",
                    params![
                        h.name,
                        h.address,
                        h.port,
                        h.user,
                        h.key_file,
                        serde_json::to_string(&h.groups).unwrap_or_default(),
                        serde_json::to_string(&h.tags).unwrap_or_default(),
                        serde_json::to_string(&h.vars).unwrap_or_default(),
                        now
                    ],
                )
                .map_err(sql)?;
                if exists {
                    updated += 1
                } else {
                    added += 1
                }
            }
            if prune {
                let keep: Vec<&str> = hosts.iter().map(|h| h.name.as_str()).collect();
                let names: Vec<String> = {
                    let mut st = tx.prepare("SELECT name FROM deploy_hosts").map_err(sql)?;
                    st.query_map([], |r| r.get(0))
                        .and_then(|it| it.collect::<Result<Vec<String>, _>>())
                        .map_err(sql)?
                };
                for n in names.iter().filter(|n| !keep.contains(&n.as_str())) {
                    tx.execute("DELETE FROM deploy_hosts WHERE name = ?1", [n])
                        .map_err(sql)?;
                    removed += 1;
                }
            }
            Ok((added, updated, removed))
        })
    }

    /// Add one host; refuses a name that exists.
    pub fn deploy_host_add(&self, host: &Host) -> Result<(), StateError> {
        if self.deploy_hosts()?.iter().any(|h| h.name == host.name) {
            return Err(StateError::Exists {
                what: "host",
                name: host.name.clone(),
                hint: "remove it first with `shark deploy hosts rm`, or re-import your inventory"
                    .into(),
            });
        }
        self.deploy_hosts_upsert(std::slice::from_ref(host), false)
            .map(|_| ())
    }

    /// Every stored host, by name.
    pub fn deploy_hosts(&self) -> Result<Vec<Host>, StateError> {
        let sql = |e| StateError::sql(self.path(), e);
        self.with(|c| {
            let mut st = c
                .prepare("SELECT name, address, port, user, key_file, groups, tags, vars FROM deploy_hosts ORDER BY name")
                .map_err(sql)?;
            st.query_map([], |r| {
                let groups: String = r.get(5)?;
                let tags: String = r.get(6)?;
                let vars: String = r.get(7)?;
                Ok(Host {
                    name: r.get(0)?,
                    address: r.get(1)?,
                    port: r.get(2)?,
                    user: r.get(3)?,
                    key_file: r.get(4)?,
                    groups: serde_json::from_str(&groups).unwrap_or_default(),
                    tags: serde_json::from_str(&tags).unwrap_or_default(),
                    vars: serde_json::from_str(&vars).unwrap_or_default(),
                })
            })
            .and_then(|it| it.collect::<Result<Vec<_>, _>>())
            .map_err(sql)
        })
    }

    /// Remove hosts by name; unknown names are an error and nothing is removed.
    pub fn deploy_hosts_rm(&self, names: &[String]) -> Result<(), StateError> {
        let sql = |e| StateError::sql(self.path(), e);
        self.tx(|tx| {
            for n in names {
                if tx
                    .execute("DELETE FROM deploy_hosts WHERE name = ?1", [n])
                    .map_err(sql)?
                    == 0
                {
                    return Err(StateError::NotFound {
                        what: "host",
                        name: n.clone(),
                        hint: "see `shark deploy hosts list`".into(),
                    });
                }
            }
            Ok(())
        })
    }
}
