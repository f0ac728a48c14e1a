//! Deploy inventory, plans, executions, per-host results and output: the deploy engine's tables
//! (deploy_hosts, deploy_plans, deploy_execs, deploy_results, deploy_output) in the shared state
//! file, and [`DeployStore`], the typed view over them. Statuses are enums in Rust and their
//! lower-case names in SQL; a row this build cannot read is an error naming the row, never a
//! default.

use super::{DeployError, ExecStatus, Host, HostStatus, Stream};
use crate::state::{Schema, StateError, Store, now_rfc3339};
use rusqlite::{OptionalExtension, params};

/// The deploy engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "deploy",
    migrations: &[
        // v1 (created by the state file's own v5 in builds before per-engine schemas)
        r#"
    CREATE TABLE IF NOT EXISTS deploy_hosts (
        name       TEXT PRIMARY KEY,
        address    TEXT NOT NULL,
        port       INTEGER,
        user       TEXT,
        key_file   TEXT,
        groups     TEXT NOT NULL DEFAULT '[]',
        tags       TEXT NOT NULL DEFAULT '[]',
        vars       TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS deploy_plans (
        id         INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        selector   TEXT NOT NULL,
        spec       TEXT NOT NULL,
        hosts      TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS deploy_execs (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES deploy_plans(id) ON DELETE CASCADE,
        run_id     INTEGER,
        started_at TEXT NOT NULL,
        ended_at   TEXT,
        status     TEXT NOT NULL,
        summary    TEXT
    );
    CREATE INDEX IF NOT EXISTS deploy_execs_by_plan ON deploy_execs(plan_id, id);
    CREATE TABLE IF NOT EXISTS deploy_results (
        exec_id     INTEGER NOT NULL REFERENCES deploy_execs(id) ON DELETE CASCADE,
        host        TEXT NOT NULL,
        batch       INTEGER NOT NULL,
        status      TEXT NOT NULL,
        reason      TEXT,
        exit_code   INTEGER,
        started_at  TEXT,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        bytes       INTEGER NOT NULL DEFAULT 0,
        truncated   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (exec_id, host)
    );
    CREATE TABLE IF NOT EXISTS deploy_output (
        exec_id INTEGER NOT NULL,
        host    TEXT NOT NULL,
        seq     INTEGER NOT NULL,
        stream  TEXT NOT NULL,
        line    TEXT NOT NULL,
        PRIMARY KEY (exec_id, host, seq),
        FOREIGN KEY (exec_id, host) REFERENCES deploy_results(exec_id, host) ON DELETE CASCADE
    );
    "#,
    ],
};

/// The deploy engine's rows in the shared state file.
pub struct DeployStore<'a> {
    store: &'a Store,
}

/// A stored plan, as read back: the engine's JSON for the spec and the hosts (see
/// [`super::Plan::from_row`]).
#[derive(Debug, Clone)]
pub struct PlanRow {
    pub id: i64,
    pub created_at: String,
    pub selector: String,
    pub spec: serde_json::Value,
    pub hosts: serde_json::Value,
}

/// What an execution's summary column holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExecSummary {
    /// "12 hosts: 9 ok, 1 failed, 2 unreachable"
    pub summary: String,
    pub ok: usize,
    pub hosts: usize,
    pub stopped: Option<String>,
}

/// One execution of a plan.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExecRow {
    pub id: i64,
    pub plan_id: i64,
    pub run_id: Option<i64>,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub status: ExecStatus,
    /// None while the execution runs (or if shark died during it).
    pub summary: Option<ExecSummary>,
}

/// One host's result in an execution.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResultRow {
    pub host: String,
    pub batch: i64,
    pub status: HostStatus,
    pub reason: Option<String>,
    pub exit_code: Option<i64>,
    pub started_at: Option<String>,
    pub duration_ms: i64,
    pub bytes: i64,
    pub truncated: bool,
}

/// One line of a host's output.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OutputLine {
    pub host: String,
    pub stream: Stream,
    pub line: String,
}

/// Parse a stored JSON column, or say which row is damaged.
fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
    what: impl FnOnce() -> String,
) -> Result<T, DeployError> {
    serde_json::from_str(text).map_err(|e| DeployError::Damaged {
        what: what(),
        detail: e.to_string(),
    })
}

/// Parse a stored status word, or say which row is damaged.
fn parse_word<T: std::str::FromStr<Err = String>>(
    text: &str,
    what: impl FnOnce() -> String,
) -> Result<T, DeployError> {
    text.parse().map_err(|detail| DeployError::Damaged {
        what: what(),
        detail,
    })
}

fn to_json<T: serde::Serialize>(v: &T, what: &str) -> Result<String, DeployError> {
    serde_json::to_string(v).map_err(|e| DeployError::Invalid(format!("cannot store {what}: {e}")))
}

impl<'a> DeployStore<'a> {
    /// The deploy tables of `store`, created or migrated if the file lacks them.
    pub fn new(store: &'a Store) -> Result<DeployStore<'a>, StateError> {
        store.ensure(&SCHEMA)?;
        Ok(DeployStore { store })
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> StateError + '_ {
        |e| StateError::sql(self.store.path(), e)
    }

    /// Insert or replace hosts in one transaction. With `prune`, hosts not in `hosts` are
    /// removed. Returns (added, updated, removed).
    pub fn hosts_upsert(
        &self,
        hosts: &[Host],
        prune: bool,
    ) -> Result<(usize, usize, usize), DeployError> {
        let mut encoded = Vec::with_capacity(hosts.len());
        for h in hosts {
            let what = format!("host {}", h.name);
            encoded.push((
                h,
                to_json(&h.groups, &what)?,
                to_json(&h.tags, &what)?,
                to_json(&h.vars, &what)?,
            ));
        }
        let sql = self.sql();
        Ok(self.store.tx(|tx| {
            let (mut added, mut updated, mut removed) = (0, 0, 0);
            let now = now_rfc3339();
            for (h, groups, tags, vars) in &encoded {
                let exists: bool = tx
                    .query_row(
                        "SELECT count(*) FROM deploy_hosts WHERE name = ?1",
                        [&h.name],
                        |r| r.get::<_, i64>(0),
                    )
                    .map_err(&sql)?
                    > 0;
                tx.execute(
                    "INSERT INTO deploy_hosts(name, address, port, user, key_file, groups, tags, vars, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                     ON CONFLICT(name) DO UPDATE SET address = excluded.address, port = excluded.port,
                       user = excluded.user, key_file = excluded.key_file, groups = excluded.groups,
                       tags = excluded.tags, vars = excluded.vars, updated_at = excluded.updated_at",
                    params![h.name, h.address, h.port, h.user, h.key_file, groups, tags, vars, now],
                )
                .map_err(&sql)?;
                if exists {
                    updated += 1
                } else {
                    added += 1
                }
            }
            if prune {
                let keep: Vec<&str> = hosts.iter().map(|h| h.name.as_str()).collect();
                let names: Vec<String> = {
                    let mut st = tx.prepare("SELECT name FROM deploy_hosts").map_err(&sql)?;
                    st.query_map([], |r| r.get(0))
                        .and_then(|it| it.collect::<Result<Vec<String>, _>>())
                        .map_err(&sql)?
                };
                for n in names.iter().filter(|n| !keep.contains(&n.as_str())) {
                    tx.execute("DELETE FROM deploy_hosts WHERE name = ?1", [n])
                        .map_err(&sql)?;
                    removed += 1;
                }
            }
            Ok((added, updated, removed))
        })?)
    }

    /// Add one host; refuses a name that exists.
    pub fn host_add(&self, host: &Host) -> Result<(), DeployError> {
        if self.hosts()?.iter().any(|h| h.name == host.name) {
            return Err(StateError::Exists {
                what: "host",
                name: host.name.clone(),
                hint: "remove it first with `shark deploy hosts rm`, or re-import your inventory"
                    .into(),
            }
            .into());
        }
        self.hosts_upsert(std::slice::from_ref(host), false)
            .map(|_| ())
    }

    /// Every stored host, by name. A host whose groups, tags or vars column cannot be read is
    /// an error naming the host.
    pub fn hosts(&self) -> Result<Vec<Host>, DeployError> {
        type Raw = (
            String,
            String,
            Option<u16>,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
        );
        let raw: Vec<Raw> = self.store.rows(
            "SELECT name, address, port, user, key_file, groups, tags, vars FROM deploy_hosts ORDER BY name",
            [],
        )?;
        raw.into_iter()
            .map(
                |(name, address, port, user, key_file, groups, tags, vars)| {
                    let what = |col: &str| {
                        let name = name.clone();
                        let col = col.to_string();
                        move || format!("the {col} of host '{name}'")
                    };
                    Ok(Host {
                        groups: parse_json(&groups, what("groups"))?,
                        tags: parse_json(&tags, what("tags"))?,
                        vars: parse_json(&vars, what("vars"))?,
                        name,
                        address,
                        port,
                        user,
                        key_file,
                    })
                },
            )
            .collect()
    }

    /// Remove hosts by name; unknown names are an error and nothing is removed.
    pub fn hosts_rm(&self, names: &[String]) -> Result<(), DeployError> {
        let sql = self.sql();
        Ok(self.store.tx(|tx| {
            for n in names {
                if tx
                    .execute("DELETE FROM deploy_hosts WHERE name = ?1", [n])
                    .map_err(&sql)?
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
        })?)
    }

    /// Store a new plan; returns its id.
    pub fn plan_save(
        &self,
        selector: &str,
        spec: &serde_json::Value,
        hosts: &serde_json::Value,
    ) -> Result<i64, DeployError> {
        let sql = self.sql();
        Ok(self.store.tx(|tx| {
            tx.execute(
                "INSERT INTO deploy_plans(created_at, selector, spec, hosts) VALUES (?1, ?2, ?3, ?4)",
                params![now_rfc3339(), selector, spec.to_string(), hosts.to_string()],
            )
            .map_err(&sql)?;
            Ok(tx.last_insert_rowid())
        })?)
    }

    /// One plan by id.
    pub fn plan(&self, id: i64) -> Result<PlanRow, DeployError> {
        let raw = self
            .store
            .with(|c| {
                c.query_row(
                    "SELECT id, created_at, selector, spec, hosts FROM deploy_plans WHERE id = ?1",
                    [id],
                    raw_plan,
                )
                .optional()
                .map_err(self.sql())
            })?
            .ok_or_else(|| StateError::NotFound {
                what: "deploy plan",
                name: id.to_string(),
                hint: "see `shark deploy plans`".into(),
            })?;
        plan_row(raw)
    }

    /// Most recent plans first.
    pub fn plans(&self, limit: i64) -> Result<Vec<PlanRow>, DeployError> {
        let raw = self.store.with(|c| {
            let mut st = c
                .prepare("SELECT id, created_at, selector, spec, hosts FROM deploy_plans ORDER BY id DESC LIMIT ?1")
                .map_err(self.sql())?;
            st.query_map([limit], raw_plan)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(self.sql())
        })?;
        raw.into_iter().map(plan_row).collect()
    }

    /// Record the start of an execution of a plan.
    pub fn exec_start(&self, plan_id: i64, run_id: Option<i64>) -> Result<i64, DeployError> {
        let sql = self.sql();
        Ok(self.store.tx(|tx| {
            tx.execute(
                "INSERT INTO deploy_execs(plan_id, run_id, started_at, status) VALUES (?1, ?2, ?3, ?4)",
                params![plan_id, run_id, now_rfc3339(), ExecStatus::Running.as_str()],
            )
            .map_err(&sql)?;
            Ok(tx.last_insert_rowid())
        })?)
    }

    /// Record the end of an execution.
    pub fn exec_finish(
        &self,
        exec_id: i64,
        status: ExecStatus,
        summary: &ExecSummary,
    ) -> Result<(), DeployError> {
        let summary = to_json(summary, "the execution summary")?;
        Ok(self.store.with(|c| {
            c.execute(
                "UPDATE deploy_execs SET ended_at = ?1, status = ?2, summary = ?3 WHERE id = ?4",
                params![now_rfc3339(), status.as_str(), summary, exec_id],
            )
            .map_err(self.sql())?;
            Ok(())
        })?)
    }

    /// Executions of a plan, most recent first.
    pub fn execs(&self, plan_id: i64) -> Result<Vec<ExecRow>, DeployError> {
        type Raw = (
            i64,
            i64,
            Option<i64>,
            String,
            Option<String>,
            String,
            Option<String>,
        );
        let raw: Vec<Raw> = self.store.rows(
            "SELECT id, plan_id, run_id, started_at, ended_at, status, summary
                     FROM deploy_execs WHERE plan_id = ?1 ORDER BY id DESC",
            [plan_id],
        )?;
        raw.into_iter()
            .map(
                |(id, plan_id, run_id, started_at, ended_at, status, summary)| {
                    let what = |col: &'static str| {
                        move || format!("the {col} of execution {id} of plan {plan_id}")
                    };
                    Ok(ExecRow {
                        status: parse_word(&status, what("status"))?,
                        summary: summary
                            .map(|s| parse_json(&s, what("summary")))
                            .transpose()?,
                        id,
                        plan_id,
                        run_id,
                        started_at,
                        ended_at,
                    })
                },
            )
            .collect()
    }

    /// Store one host's result and its output lines together (one transaction).
    pub fn result_save(
        &self,
        exec_id: i64,
        result: &ResultRow,
        output: &[(Stream, String)],
    ) -> Result<(), DeployError> {
        let sql = self.sql();
        Ok(self.store.tx(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO deploy_results(exec_id, host, batch, status, reason, exit_code, started_at, duration_ms, bytes, truncated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    exec_id,
                    result.host,
                    result.batch,
                    result.status.as_str(),
                    result.reason,
                    result.exit_code,
                    result.started_at,
                    result.duration_ms,
                    result.bytes,
                    result.truncated
                ],
            )
            .map_err(&sql)?;
            let mut st = tx
                .prepare("INSERT INTO deploy_output(exec_id, host, seq, stream, line) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(&sql)?;
            for (i, (stream, line)) in output.iter().enumerate() {
                st.execute(params![exec_id, result.host, i as i64, stream.as_str(), line])
                    .map_err(&sql)?;
            }
            Ok(())
        })?)
    }

    /// Results of an execution, in the order hosts finished.
    pub fn results(&self, exec_id: i64) -> Result<Vec<ResultRow>, DeployError> {
        type Raw = (
            String,
            i64,
            String,
            Option<String>,
            Option<i64>,
            Option<String>,
            i64,
            i64,
            bool,
        );
        let raw: Vec<Raw> = self.store.rows(
            "SELECT host, batch, status, reason, exit_code, started_at, duration_ms, bytes, truncated
                     FROM deploy_results WHERE exec_id = ?1 ORDER BY rowid",
            [exec_id],
        )?;
        raw.into_iter()
            .map(
                |(
                    host,
                    batch,
                    status,
                    reason,
                    exit_code,
                    started_at,
                    duration_ms,
                    bytes,
                    truncated,
                )| {
                    Ok(ResultRow {
                        status: parse_word(&status, || {
                            format!("the status of host '{host}' in execution {exec_id}")
                        })?,
                        host,
                        batch,
                        reason,
                        exit_code,
                        started_at,
                        duration_ms,
                        bytes,
                        truncated,
                    })
                },
            )
            .collect()
    }

    /// Output lines of an execution (optionally one host), host by host in order.
    pub fn output(&self, exec_id: i64, host: Option<&str>) -> Result<Vec<OutputLine>, DeployError> {
        let raw: Vec<(String, String, String)> = self.store.rows(
            "SELECT o.host, o.stream, o.line FROM deploy_output o
                     JOIN deploy_results r ON r.exec_id = o.exec_id AND r.host = o.host
                     WHERE o.exec_id = ?1 AND (?2 IS NULL OR o.host = ?2) ORDER BY r.rowid, o.seq",
            params![exec_id, host],
        )?;
        raw.into_iter()
            .map(|(host, stream, line)| {
                Ok(OutputLine {
                    stream: parse_word(&stream, || {
                        format!("an output line of host '{host}' in execution {exec_id}")
                    })?,
                    host,
                    line,
                })
            })
            .collect()
    }
}

type RawPlan = (i64, String, String, String, String);

fn raw_plan(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawPlan> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn plan_row((id, created_at, selector, spec, hosts): RawPlan) -> Result<PlanRow, DeployError> {
    let bad = |col: &str, e: serde_json::Error| DeployError::BadPlan(id, format!("{col}: {e}"));
    Ok(PlanRow {
        spec: serde_json::from_str(&spec).map_err(|e| bad("spec", e))?,
        hosts: serde_json::from_str(&hosts).map_err(|e| bad("hosts", e))?,
        id,
        created_at,
        selector,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(name: &str) -> Host {
        Host {
            name: name.into(),
            address: name.into(),
            port: Some(22),
            user: None,
            key_file: None,
            groups: vec!["web".into()],
            tags: vec![],
            vars: Default::default(),
        }
    }

    #[test]
    fn statuses_round_trip_and_damaged_rows_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let ds = DeployStore::new(&store).unwrap();
        ds.hosts_upsert(&[host("a1")], false).unwrap();
        assert_eq!(ds.hosts().unwrap(), vec![host("a1")]);
        let plan = ds
            .plan_save("a1", &serde_json::json!({}), &serde_json::json!([]))
            .unwrap();
        let exec = ds.exec_start(plan, None).unwrap();
        for (i, s) in HostStatus::ALL.iter().enumerate() {
            let row = ResultRow {
                host: format!("h{i}"),
                batch: 1,
                status: *s,
                reason: None,
                exit_code: None,
                started_at: None,
                duration_ms: 0,
                bytes: 0,
                truncated: false,
            };
            ds.result_save(exec, &row, &[(Stream::Stderr, "x".into())])
                .unwrap();
        }
        let back: Vec<HostStatus> = ds.results(exec).unwrap().iter().map(|r| r.status).collect();
        assert_eq!(back, HostStatus::ALL);
        assert!(
            ds.output(exec, None)
                .unwrap()
                .iter()
                .all(|l| l.stream == Stream::Stderr)
        );
        let summary = ExecSummary {
            summary: "1 host: 1 ok".into(),
            ok: 1,
            hosts: 1,
            stopped: None,
        };
        ds.exec_finish(exec, ExecStatus::Problems, &summary)
            .unwrap();
        let e = &ds.execs(plan).unwrap()[0];
        assert_eq!(e.status, ExecStatus::Problems);
        assert_eq!(e.summary.as_ref(), Some(&summary));

        // damaged rows: an error naming the row, never defaults
        store
            .with(|c| {
                c.execute_batch(
                    "UPDATE deploy_hosts SET vars = 'nope';
                     UPDATE deploy_results SET status = 'weird' WHERE host = 'h0';
                     UPDATE deploy_execs SET summary = '{';
                     UPDATE deploy_plans SET hosts = '[';",
                )
                .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let err = ds.hosts().unwrap_err().to_string();
        assert!(err.contains("vars of host 'a1'"), "{err}");
        let err = ds.results(exec).unwrap_err().to_string();
        assert!(err.contains("host 'h0' in execution"), "{err}");
        let err = ds.execs(plan).unwrap_err().to_string();
        assert!(
            err.contains(&format!("execution {exec} of plan {plan}")),
            "{err}"
        );
        let err = ds.plan(plan).unwrap_err().to_string();
        assert!(err.contains(&format!("plan {plan}")), "{err}");
    }
}
