//! `shark history [--command C] [--limit N]` and `shark history RUN_ID` (one run and its log).

use super::Ctx;
use crate::exit::CliResult;
use crate::state::{LogLine, RunRow};
use crate::ui::{Table, Ui};
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

pub fn run(a: HistoryArgs, ctx: &Ctx) -> CliResult {
    let store = ctx.store()?;
    let ui = &ctx.ui;
    if let Some(id) = a.run {
        let row = store.run(id)?;
        let log = store.run_log_lines(id)?;
        if ui.json() {
            ui.print_json(&serde_json::json!({"run": row, "log": log}));
        } else {
            print_run(ui, &row, &log);
        }
        return Ok(());
    }
    let rows = store.runs(a.command.as_deref(), a.limit)?;
    if ui.json() {
        ui.print_json(&rows);
    } else if rows.is_empty() {
        ui.note("no runs recorded yet");
    } else {
        print_runs(ui, rows);
    }
    Ok(())
}

fn print_run(ui: &Ui, row: &RunRow, log: &[LogLine]) {
    ui.line(format!(
        "run {} · {} {} · {} · started {} · ended {} · exit {}",
        row.id,
        row.command,
        row.target.as_deref().unwrap_or(""),
        ui.status(row.status.as_str()),
        row.started_at,
        row.ended_at.as_deref().unwrap_or("-"),
        row.exit_code
            .map(|c| c.to_string())
            .unwrap_or_else(|| "-".into())
    ));
    if let Some(err) = row.error() {
        ui.line(err);
    }
    for l in log {
        ui.line(format!("{} {:>5} {}", l.ts, l.level, l.message));
    }
}

fn print_runs(ui: &Ui, rows: Vec<RunRow>) {
    let mut t = Table::new([
        "ID", "COMMAND", "TARGET", "STARTED", "DURATION", "STATUS", "EXIT",
    ]);
    for r in rows {
        let duration = r
            .duration_s()
            .map(|s| format!("{s:.1}s"))
            .unwrap_or_default();
        t.row([
            r.id.to_string(),
            r.command,
            r.target.unwrap_or_default(),
            r.started_at,
            duration,
            ui.status(r.status.as_str()),
            r.exit_code.map(|c| c.to_string()).unwrap_or_default(),
        ]);
    }
    ui.print_table(&t);
}
