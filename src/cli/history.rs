//! `shark history [--command C] [--limit N]` and `shark history RUN_ID` (one run and its log).

use super::Ctx;
use crate::ui::Table;
use clap::Args;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Show this run and its log
    pub run: Option<i64>,
    /// Only runs of this command (e.g. "conn test", or "conn" for all conn verbs)
    #[arg(short, long)]
    pub command: Option<String>,
    /// Most recent runs to show
    #[arg(short = 'n', long, default_value_t = 20)]
    pub limit: i64,
}

pub fn run(a: HistoryArgs, ctx: &Ctx) -> crate::exit::CliResult {
    let store = ctx.store()?;
    let ui = &ctx.ui;
    if let Some(id) = a.run {
        let row = store
            .runs(None, i64::MAX)?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| crate::state::StateError::NotFound {
                what: "run",
                name: id.to_string(),
                hint: "`shark history` lists the recent runs".into(),
            })?;
        let logs = store.run_logs(id)?;
        if ui.json() {
            let lines: Vec<serde_json::Value> = logs
                .iter()
                .map(|(ts, level, msg)| serde_json::json!({"ts": ts, "level": level, "message": msg}))
                .collect();
            ui.print_json(&serde_json::json!({"run": row, "log": lines}));
            return Ok(());
        }
        ui.line(format!(
            "run {} · {} {} · {} · started {} · ended {} · exit {}",
            row.id,
            row.command,
            row.target.as_deref().unwrap_or(""),
            ui.status(&row.status),
            row.started_at,
            row.ended_at.as_deref().unwrap_or("-"),
            row.exit_code
                .map(|c| c.to_string())
                .unwrap_or_else(|| "-".into())
        ));
        if let Some(err) = row.summary.as_ref().and_then(|s| s["error"].as_str()) {
            ui.line(err);
        }
        for (ts, level, msg) in logs {
            ui.line(format!("{ts} {level:>5} {msg}"));
        }
        return Ok(());
    }
    let rows = store.runs(a.command.as_deref(), a.limit)?;
    if ui.json() {
        ui.print_json(&rows);
        return Ok(());
    }
    if rows.is_empty() {
        ui.note("no runs recorded yet");
        return Ok(());
    }
    let mut t = Table::new([
        "ID", "COMMAND", "TARGET", "STARTED", "DURATION", "STATUS", "EXIT",
    ]);
    for r in rows {
        let duration = match (
            &r.ended_at,
            chrono::DateTime::parse_from_rfc3339(&r.started_at),
        ) {
            (Some(end), Ok(start)) => chrono::DateTime::parse_from_rfc3339(end)
                .map(|e| format!("{:.1}s", (e - start).num_milliseconds() as f64 / 1000.0))
                .unwrap_or_default(),
            _ => String::new(),
        };
        t.row([
            r.id.to_string(),
            r.command,
            r.target.unwrap_or_default(),
            r.started_at,
            duration,
            ui.status(&r.status),
            r.exit_code.map(|c| c.to_string()).unwrap_or_default(),
        ]);
    }
    ui.print_table(&t);
    Ok(())
}
