//! Progress reporting for engines. Engines call the [`Progress`] trait; the UI decides whether
//! that becomes indicatif bars (TTY), NDJSON events (`-o json`) or nothing (`-q`, pipes).

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::sync::Mutex;

/// What an engine reports while it works. Units are tables, hosts, files... named by the engine.
pub trait Progress: Send + Sync {
    /// A unit starts; `total` when known (rows, bytes).
    fn start(&self, unit: &str, total: Option<u64>);
    /// `n` more done in a unit.
    fn advance(&self, unit: &str, n: u64);
    /// A unit finished with a short status.
    fn finish(&self, unit: &str, status: &str);
    /// A free-form line (a host's output line, a phase change).
    fn message(&self, unit: &str, text: &str);
}

/// Reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: &str, _: Option<u64>) {}
    fn advance(&self, _: &str, _: u64) {}
    fn finish(&self, _: &str, _: &str) {}
    fn message(&self, _: &str, _: &str) {}
}

/// Messages become log lines on stderr (info); for short verbs whose `-o json` output must stay
/// one document.
pub struct LogProgress;

impl Progress for LogProgress {
    fn start(&self, _: &str, _: Option<u64>) {}
    fn advance(&self, _: &str, _: u64) {}
    fn finish(&self, _: &str, _: &str) {}
    fn message(&self, unit: &str, text: &str) {
        tracing::info!("{unit}: {text}");
    }
}

/// The UI's implementation: bars on a TTY, NDJSON events in JSON mode, plain lines otherwise.
pub struct UiProgress {
    ui: super::Ui,
    multi: Option<MultiProgress>,
    bars: Mutex<HashMap<String, ProgressBar>>,
}

impl UiProgress {
    pub fn new(ui: &super::Ui) -> UiProgress {
        let multi = ui
            .bars()
            .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));
        UiProgress {
            ui: ui.clone(),
            multi,
            bars: Mutex::new(HashMap::new()),
        }
    }

    fn bars(&self) -> std::sync::MutexGuard<'_, HashMap<String, ProgressBar>> {
        self.bars.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Progress for UiProgress {
    fn start(&self, unit: &str, total: Option<u64>) {
        if self.ui.json() {
            self.ui
                .event(&serde_json::json!({"event": "start", "unit": unit, "total": total}));
            return;
        }
        let Some(multi) = &self.multi else { return };
        let bar = match total {
            Some(t) => ProgressBar::new(t).with_style(
                ProgressStyle::with_template(
                    "{prefix:>20} [{bar:30}] {pos}/{len} {per_sec} eta {eta} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{prefix:>20} {spinner} {pos} {per_sec} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        let bar = multi.add(bar.with_prefix(unit.to_string()));
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        self.bars().insert(unit.to_string(), bar);
    }

    fn advance(&self, unit: &str, n: u64) {
        if let Some(b) = self.bars().get(unit) {
            b.inc(n);
        }
    }

    fn finish(&self, unit: &str, status: &str) {
        if self.ui.json() {
            self.ui
                .event(&serde_json::json!({"event": "finish", "unit": unit, "status": status}));
            return;
        }
        if let Some(b) = self.bars().remove(unit) {
            b.finish_with_message(status.to_string());
        }
    }

    fn message(&self, unit: &str, text: &str) {
        if self.ui.json() {
            self.ui
                .event(&serde_json::json!({"event": "line", "unit": unit, "text": text}));
        } else if let Some(m) = &self.multi {
            let _ = m.println(format!("{unit}: {text}"));
        } else if !self.ui.quiet {
            println!("{unit}: {text}");
        }
    }
}
