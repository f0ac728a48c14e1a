//! The sync engine's rows in the shared state file: task definitions (`sync_tasks`, the spec as
//! JSON) and per-unit progress of the full copy (`sync_units`: phase, the last copied key, row
//! counts). `SyncStore` is a typed view over the shared `Store`; what it reads back is parsed
//! strictly: a row this build cannot read is an error naming the task, unit and column, never a
//! default. Binlog checkpoints, leases and run history stay in `state`.

use crate::state::{Schema, StateError, Store, now_rfc3339};
use crate::sync::error::SyncError;
use crate::sync::task::TaskSpec;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The sync engine's tables. Append-only: a released migration is never edited.
pub static SCHEMA: Schema = Schema {
    component: "sync",
    migrations: &[
        // v1 (created by the state file's own v3 in builds before per-engine schemas)
        r#"
    CREATE TABLE IF NOT EXISTS sync_tasks (
        name       TEXT PRIMARY KEY,
        spec       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS sync_units (
        task       TEXT NOT NULL REFERENCES sync_tasks(name) ON DELETE CASCADE,
        unit       TEXT NOT NULL,
        phase      TEXT NOT NULL,
        last_key   TEXT,
        rows_done  INTEGER NOT NULL DEFAULT 0,
        rows_total INTEGER,
        note       TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (task, unit)
    );
    "#,
        // v2: rows a sink refused with `--on-error skip` (one row per row key and unit: a row
        // refused again replaces its entry)
        r#"
    CREATE TABLE sync_skipped (
        task     TEXT NOT NULL REFERENCES sync_tasks(name) ON DELETE CASCADE,
        unit     TEXT NOT NULL,
        row_key  TEXT NOT NULL,
        phase    TEXT NOT NULL,
        error    TEXT NOT NULL,
        at       TEXT NOT NULL,
        PRIMARY KEY (task, unit, row_key)
    );
    "#,
        // v3: the shadow a unit's copy went into, recorded when its swap starts (phase
        // `swapping`), so a run after a crash finishes that swap instead of copying again
        r#"
    ALTER TABLE sync_units ADD COLUMN shadow TEXT;
    "#,
    ],
};

/// A row a sink refused and `--on-error skip` recorded.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedRow {
    pub unit: String,
    /// The row's key (`_id`) as canonical JSON-like text.
    pub key: String,
    /// `copy` or `cdc`.
    pub phase: String,
    pub error: String,
    pub at: String,
}

/// The checkpoint task key of a sync task (`checkpoints.task`, `leases.task`).
pub fn task_key(name: &str) -> String {
    format!("sync:{name}")
}

/// Where a unit (table) is in its full copy; stored as text in `sync_units.phase` and shown by
/// `sync status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Selected, not copied yet (a new table found while following starts here too).
    Pending,
    /// Being copied; resumes after `last_key` when the run stops or crashes.
    Copying,
    /// Copied again from the start (its table was altered or re-created, or `sync reset`):
    /// into a shadow that replaces the target when complete, where the sink has shadows.
    Recopy,
    /// The copy is complete and its shadow is being swapped in (`UnitRow::shadow`): a run
    /// that finds a unit here finishes the swap and copies nothing.
    Swapping,
    /// Full copy done; the unit now follows the binlog.
    Copied,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Pending,
        Phase::Copying,
        Phase::Recopy,
        Phase::Swapping,
        Phase::Copied,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pending => "pending",
            Phase::Copying => "copying",
            Phase::Recopy => "recopy",
            Phase::Swapping => "swapping",
            Phase::Copied => "copied",
        }
    }

    /// What the phase means, for `sync status --help` and the README.
    pub fn describe(self) -> &'static str {
        match self {
            Phase::Pending => "selected, not copied yet",
            Phase::Copying => "being copied; resumes after the last written key",
            Phase::Recopy => {
                "copied again from the start (table altered or re-created, or `sync reset`), into a shadow that replaces the target when complete"
            }
            Phase::Swapping => {
                "copy complete, its shadow being swapped in; the next run finishes the swap"
            }
            Phase::Copied => "full copy done; changes come from the binlog",
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Phase {
    type Err = String;
    fn from_str(s: &str) -> Result<Phase, String> {
        Phase::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| format!("unknown phase '{s}'"))
    }
}

/// Where a whole task is: shown by `sync status`, stored (but `new`) in the binlog
/// checkpoint's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskPhase {
    /// Never run: no binlog position recorded yet.
    New,
    /// The full copy of the selected tables (the binlog position is recorded).
    Copy,
    /// Following the binlog.
    Cdc,
    /// The full copy is done and the source has no change stream (Elasticsearch): the task is
    /// complete; a new run copies what is not copied yet.
    Copied,
}

impl TaskPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskPhase::New => "new",
            TaskPhase::Copy => "copy",
            TaskPhase::Cdc => "cdc",
            TaskPhase::Copied => "copied",
        }
    }
}

/// The progress stored with the binlog checkpoint (`checkpoints.progress`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BinlogProgress {
    pub phase: TaskPhase,
    /// Row changes applied from the binlog so far.
    pub events: u64,
    /// Timestamp of the last binlog event read (CDC only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_event_ts: Option<u32>,
    /// Seconds between that event and the checkpoint (CDC only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lag_s: Option<i64>,
}

impl BinlogProgress {
    /// Read the progress stored with `task`'s binlog checkpoint.
    pub fn parse(task: &str, v: &serde_json::Value) -> Result<BinlogProgress, SyncError> {
        serde_json::from_value(v.clone()).map_err(|e| SyncError::Unreadable {
            task: task.into(),
            what: "binlog checkpoint progress (checkpoints.progress)".into(),
            detail: format!("{e}: {v}"),
            hint: format!("run `shark sync reset {task}` to copy everything again"),
        })
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::json!(self)
    }
}

/// A unit (table) of a sync task.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnitRow {
    pub unit: String,
    pub phase: Phase,
    /// Resume key of the full copy (JSON), when copying.
    pub last_key: Option<serde_json::Value>,
    pub rows_done: i64,
    pub rows_total: Option<i64>,
    pub note: Option<String>,
    /// The shadow (a name in the target's database) being swapped in, in phase `swapping`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shadow: Option<String>,
    pub updated_at: String,
}

impl UnitRow {
    /// A unit that has not been copied yet.
    pub fn new(unit: String, phase: Phase) -> UnitRow {
        UnitRow {
            unit,
            phase,
            last_key: None,
            rows_done: 0,
            rows_total: None,
            note: None,
            shadow: None,
            updated_at: String::new(),
        }
    }
}

/// A stored task definition.
#[derive(Debug, Clone)]
pub struct TaskRow {
    pub name: String,
    pub spec: TaskSpec,
    pub created_at: String,
}

/// The sync engine's typed view over the shared state file.
#[derive(Clone, Copy)]
pub struct SyncStore<'a>(&'a Store);

fn not_found(name: &str) -> StateError {
    StateError::NotFound {
        what: "sync task",
        name: name.into(),
        hint: "`shark sync list` shows the tasks".into(),
    }
}

fn parse_spec(name: &str, text: &str) -> Result<TaskSpec, SyncError> {
    serde_json::from_str(text).map_err(|e| SyncError::Unreadable {
        task: name.into(),
        what: "its definition (sync_tasks.spec)".into(),
        detail: e.to_string(),
        hint: format!(
            "it was written by another shark version; `shark sync rm {name}` and create it again"
        ),
    })
}

/// A task definition as the state file stores it.
fn encode(name: &str, spec: &TaskSpec) -> Result<String, SyncError> {
    serde_json::to_string(spec)
        .map_err(|e| SyncError::Usage(format!("task {name}: cannot encode its definition: {e}")))
}

impl<'a> SyncStore<'a> {
    /// The view, with the sync tables brought up to date.
    pub fn new(store: &'a Store) -> Result<SyncStore<'a>, SyncError> {
        store.ensure(&SCHEMA)?;
        Ok(SyncStore(store))
    }

    /// The shared store (checkpoints, leases, runs).
    pub fn state(&self) -> &'a Store {
        self.0
    }

    fn sql(&self, e: rusqlite::Error) -> StateError {
        StateError::sql(self.0.path(), e)
    }

    pub fn insert_task(&self, name: &str, spec: &TaskSpec) -> Result<(), SyncError> {
        let spec = encode(name, spec)?;
        self.0.tx(|tx| {
            let exists = tx
                .query_row("SELECT 1 FROM sync_tasks WHERE name = ?1", [name], |_| Ok(()))
                .optional()
                .map_err(|e| self.sql(e))?
                .is_some();
            if exists {
                return Err(StateError::Exists {
                    what: "sync task",
                    name: name.into(),
                    hint: "pick another name or `shark sync rm` it first".into(),
                });
            }
            tx.execute(
                "INSERT INTO sync_tasks(name, spec, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![name, spec, now_rfc3339()],
            )
            .map_err(|e| self.sql(e))?;
            Ok(())
        })?;
        Ok(())
    }

    /// Replace the definition of task `name` (which exists).
    pub fn update_task(&self, name: &str, spec: &TaskSpec) -> Result<(), SyncError> {
        let spec = encode(name, spec)?;
        self.0.tx(|tx| {
            tx.execute(
                "UPDATE sync_tasks SET spec = ?2, updated_at = ?3 WHERE name = ?1",
                params![name, spec, now_rfc3339()],
            )
            .map_err(|e| self.sql(e))?;
            Ok(())
        })?;
        Ok(())
    }

    /// Every task, by name.
    pub fn tasks(&self) -> Result<Vec<TaskRow>, SyncError> {
        let raw: Vec<(String, String, String)> = self.0.rows(
            "SELECT name, spec, created_at FROM sync_tasks ORDER BY name",
            [],
        )?;
        raw.into_iter()
            .map(|(name, spec, created_at)| {
                Ok(TaskRow {
                    spec: parse_spec(&name, &spec)?,
                    name,
                    created_at,
                })
            })
            .collect()
    }

    /// Every task's name (readable or not).
    pub fn task_names(&self) -> Result<Vec<String>, SyncError> {
        Ok(self.0.with(|c| {
            let mut st = c
                .prepare("SELECT name FROM sync_tasks ORDER BY name")
                .map_err(|e| self.sql(e))?;
            st.query_map([], |r| r.get(0))
                .and_then(|it| it.collect::<Result<Vec<String>, _>>())
                .map_err(|e| self.sql(e))
        })?)
    }

    /// One task's definition.
    pub fn task(&self, name: &str) -> Result<TaskSpec, SyncError> {
        let text: Option<String> = self.0.with(|c| {
            c.query_row("SELECT spec FROM sync_tasks WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql(e))
        })?;
        let text = text.ok_or_else(|| not_found(name))?;
        parse_spec(name, &text)
    }

    /// Delete a task with its units and checkpoints.
    pub fn delete_task(&self, name: &str) -> Result<(), SyncError> {
        self.0.tx(|tx| {
            let n = tx
                .execute("DELETE FROM sync_tasks WHERE name = ?1", [name])
                .map_err(|e| self.sql(e))?;
            if n == 0 {
                return Err(not_found(name));
            }
            // in the same transaction, so a crash never leaves checkpoints without their task
            tx.execute("DELETE FROM checkpoints WHERE task = ?1", [task_key(name)])
                .map_err(|e| self.sql(e))?;
            Ok(())
        })?;
        Ok(())
    }

    /// The units of a task, by name.
    pub fn units(&self, task: &str) -> Result<Vec<UnitRow>, SyncError> {
        type Raw = (
            String,
            String,
            Option<String>,
            i64,
            Option<i64>,
            Option<String>,
            Option<String>,
            String,
        );
        let raw: Vec<Raw> = self.0.rows(
            "SELECT unit, phase, last_key, rows_done, rows_total, note, shadow, updated_at FROM sync_units WHERE task = ?1 ORDER BY unit",
            [task],
        )?;
        let unreadable = |unit: &str, column: &str, detail: String| SyncError::Unreadable {
            task: task.into(),
            what: format!("sync_units.{column} of unit {unit}"),
            detail,
            hint: format!("`shark sync reset {task} --unit {unit}` copies that unit again"),
        };
        raw.into_iter()
            .map(
                |(unit, phase, last_key, rows_done, rows_total, note, shadow, updated_at)| {
                    let phase = phase
                        .parse::<Phase>()
                        .map_err(|e| unreadable(&unit, "phase", e))?;
                    let last_key = last_key
                        .map(|k| serde_json::from_str(&k))
                        .transpose()
                        .map_err(|e| unreadable(&unit, "last_key", e.to_string()))?;
                    if phase == Phase::Swapping && shadow.is_none() {
                        return Err(unreadable(
                            &unit,
                            "shadow",
                            "phase swapping without the shadow's name".into(),
                        ));
                    }
                    Ok(UnitRow {
                        unit,
                        phase,
                        last_key,
                        rows_done,
                        rows_total,
                        note,
                        shadow,
                        updated_at,
                    })
                },
            )
            .collect()
    }

    /// Write a unit's progress.
    pub fn save_unit(&self, task: &str, u: &UnitRow) -> Result<(), SyncError> {
        self.0.tx(|tx| {
            tx.execute(
                "INSERT INTO sync_units(task, unit, phase, last_key, rows_done, rows_total, note, shadow, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT(task, unit) DO UPDATE SET phase = excluded.phase, last_key = excluded.last_key,
                   rows_done = excluded.rows_done, rows_total = excluded.rows_total, note = excluded.note,
                   shadow = excluded.shadow, updated_at = excluded.updated_at",
                params![
                    task,
                    u.unit,
                    u.phase.as_str(),
                    u.last_key.as_ref().map(|k| k.to_string()),
                    u.rows_done,
                    u.rows_total,
                    u.note,
                    u.shadow,
                    now_rfc3339()
                ],
            )
            .map_err(|e| self.sql(e))?;
            Ok(())
        })?;
        Ok(())
    }

    /// Record rows a sink refused (`--on-error skip`).
    pub fn save_skipped(&self, task: &str, rows: &[SkippedRow]) -> Result<(), SyncError> {
        if rows.is_empty() {
            return Ok(());
        }
        self.0.tx(|tx| {
            for r in rows {
                tx.execute(
                    "INSERT INTO sync_skipped(task, unit, row_key, phase, error, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT(task, unit, row_key) DO UPDATE SET phase = excluded.phase, error = excluded.error, at = excluded.at",
                    params![task, r.unit, r.key, r.phase, r.error, r.at],
                )
                .map_err(|e| self.sql(e))?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// The rows refused so far, of every unit or of one, newest first.
    pub fn skipped(&self, task: &str, unit: Option<&str>) -> Result<Vec<SkippedRow>, SyncError> {
        let raw: Vec<(String, String, String, String, String)> = self.0.rows(
            "SELECT unit, row_key, phase, error, at FROM sync_skipped WHERE task = ?1 AND (?2 IS NULL OR unit = ?2) ORDER BY at DESC, unit, row_key",
            params![task, unit],
        )?;
        Ok(raw
            .into_iter()
            .map(|(unit, key, phase, error, at)| SkippedRow {
                unit,
                key,
                phase,
                error,
                at,
            })
            .collect())
    }

    /// Copy units (all, or one) again: each goes to phase `recopy` from the start, so the
    /// next run copies it into a shadow and swaps that in (the target ends up exactly the
    /// source, rows deleted since included); the binlog checkpoint goes too when all units are
    /// reset (the next run records the current position before copying).
    pub fn reset(&self, task: &str, unit: Option<&str>) -> Result<usize, SyncError> {
        Ok(self.0.tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE sync_units SET phase = ?3, last_key = NULL, rows_done = 0, shadow = NULL,
                       updated_at = ?4
                     WHERE task = ?1 AND (?2 IS NULL OR unit = ?2)",
                    params![task, unit, Phase::Recopy.as_str(), now_rfc3339()],
                )
                .map_err(|e| self.sql(e))?;
            if unit.is_none() {
                tx.execute("DELETE FROM checkpoints WHERE task = ?1", [task_key(task)])
                    .map_err(|e| self.sql(e))?;
            }
            tx.execute(
                "DELETE FROM sync_skipped WHERE task = ?1 AND (?2 IS NULL OR unit = ?2)",
                params![task, unit],
            )
            .map_err(|e| self.sql(e))?;
            Ok(n)
        })?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::task::Mode;

    fn spec() -> TaskSpec {
        serde_json::from_value(serde_json::json!({
            "source": "s", "target": "t", "tables": ["a.*"], "mode": "mirror"
        }))
        .unwrap()
    }

    #[test]
    fn phases_round_trip_through_serde_and_sql_text() {
        for p in Phase::ALL {
            let json = serde_json::to_value(p).unwrap();
            assert_eq!(json, serde_json::Value::String(p.as_str().into()));
            assert_eq!(serde_json::from_value::<Phase>(json).unwrap(), p);
            assert_eq!(p.as_str().parse::<Phase>().unwrap(), p);
        }
        assert!("copy".parse::<Phase>().is_err());
        let p = BinlogProgress {
            phase: TaskPhase::Cdc,
            events: 3,
            last_event_ts: Some(7),
            lag_s: Some(1),
        };
        assert_eq!(BinlogProgress::parse("t", &p.json()).unwrap(), p);
        let copying = serde_json::json!({"phase": "copy", "events": 0});
        assert_eq!(
            BinlogProgress::parse("t", &copying).unwrap().phase,
            TaskPhase::Copy
        );
        let e = BinlogProgress::parse("t", &serde_json::json!({"phase": "copy"})).unwrap_err();
        assert!(e.to_string().contains("checkpoints.progress"), "{e}");
    }

    #[test]
    fn reset_puts_units_in_recopy_and_swapping_keeps_its_shadow() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let s = SyncStore::new(&store).unwrap();
        s.insert_task("t1", &spec()).unwrap();
        let mut u = UnitRow::new("a.b".into(), Phase::Swapping);
        u.shadow = Some("b__shark_shadow".into());
        u.last_key = Some(serde_json::json!([9]));
        u.rows_done = 9;
        s.save_unit("t1", &u).unwrap();
        let back = s.units("t1").unwrap();
        assert_eq!(back[0].phase, Phase::Swapping);
        assert_eq!(back[0].shadow.as_deref(), Some("b__shark_shadow"));
        assert_eq!(s.reset("t1", Some("a.b")).unwrap(), 1);
        let back = s.units("t1").unwrap();
        assert_eq!(
            (
                back[0].phase,
                &back[0].last_key,
                &back[0].shadow,
                back[0].rows_done
            ),
            (Phase::Recopy, &None, &None, 0)
        );
        // swapping without the shadow's name cannot be finished: an error naming the column
        store
            .with(|c| {
                c.execute_batch("UPDATE sync_units SET phase = 'swapping'")
                    .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let e = s.units("t1").unwrap_err().to_string();
        assert!(e.contains("sync_units.shadow"), "{e}");
    }

    #[test]
    fn units_round_trip_and_unreadable_rows_are_errors_naming_where() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        let s = SyncStore::new(&store).unwrap();
        s.insert_task("t1", &spec()).unwrap();
        assert_eq!(s.task("t1").unwrap().mode, Mode::Mirror);
        let mut u = UnitRow::new("a.b".into(), Phase::Recopy);
        u.last_key = Some(serde_json::json!([1, "x"]));
        s.save_unit("t1", &u).unwrap();
        let back = s.units("t1").unwrap();
        assert_eq!(back[0].phase, Phase::Recopy);
        assert_eq!(back[0].last_key, u.last_key);

        store
            .with(|c| {
                c.execute_batch(
                    "UPDATE sync_units SET phase = 'halfway', last_key = 'nope';
                     UPDATE sync_tasks SET spec = '{\"source\": 1}'",
                )
                .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let e = s.units("t1").unwrap_err().to_string();
        assert!(
            e.contains("t1") && e.contains("a.b") && e.contains("sync_units.phase"),
            "{e}"
        );
        store
            .with(|c| {
                c.execute_batch("UPDATE sync_units SET phase = 'copying'")
                    .map_err(|e| StateError::sql(store.path(), e))
            })
            .unwrap();
        let e = s.units("t1").unwrap_err().to_string();
        assert!(e.contains("sync_units.last_key"), "{e}");
        let e = s.task("t1").unwrap_err().to_string();
        assert!(e.contains("t1") && e.contains("sync_tasks.spec"), "{e}");
        assert!(s.tasks().is_err());
        assert_eq!(s.task_names().unwrap(), vec!["t1".to_string()]);
    }
}
