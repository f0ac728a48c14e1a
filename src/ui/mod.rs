//! Everything the user sees on the terminal: output mode (table or JSON), tables, JSON and
//! NDJSON documents, progress reporting for engines, and error rendering.

mod error;
mod progress;
mod sanitize;
mod table;

pub use error::render_error;
pub use progress::{LogProgress, NoProgress, Progress, UiProgress};
pub use sanitize::sanitize;
pub use table::Table;

use std::io::{IsTerminal, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputMode {
    Table,
    Json,
}

/// How to talk to the user, decided once from the global options.
#[derive(Debug, Clone)]
pub struct Ui {
    pub mode: OutputMode,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
    /// stdout is a terminal
    pub tty: bool,
}

impl Ui {
    pub fn new(mode: OutputMode, quiet: bool, verbose: u8, no_color: bool) -> Ui {
        let tty = std::io::stdout().is_terminal();
        let color = tty
            && !no_color
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && mode == OutputMode::Table;
        Ui {
            mode,
            quiet,
            verbose,
            color,
            tty,
        }
    }

    pub fn json(&self) -> bool {
        self.mode == OutputMode::Json
    }

    /// Whether progress bars and spinners may be drawn.
    pub fn bars(&self) -> bool {
        self.tty && !self.quiet && !self.json() && std::io::stderr().is_terminal()
    }

    /// Print one JSON document to stdout.
    pub fn print_json<T: serde::Serialize + ?Sized>(&self, value: &T) {
        let mut out = std::io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut out, value);
        let _ = writeln!(out);
    }

    /// Print one NDJSON event line to stdout (long-running verbs with `-o json`).
    pub fn event<T: serde::Serialize + ?Sized>(&self, value: &T) {
        let mut out = std::io::stdout().lock();
        let _ = serde_json::to_writer(&mut out, value);
        let _ = writeln!(out);
        let _ = out.flush();
    }

    /// Print a table (table mode only; JSON callers print their own document).
    pub fn print_table(&self, t: &Table) {
        println!("{}", t.render(self.tty, self.color));
    }

    /// A human line on stdout, unless quiet or JSON.
    pub fn line(&self, s: impl AsRef<str>) {
        if !self.quiet && !self.json() {
            println!("{}", s.as_ref());
        }
    }

    /// A note on stderr (not data), unless quiet.
    pub fn note(&self, s: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", s.as_ref());
        }
    }

    /// A warning on stderr, even when quiet: something went wrong that did not fail the command.
    pub fn warn(&self, s: impl AsRef<str>) {
        if self.color {
            eprintln!("\x1b[33mwarning:\x1b[0m {}", s.as_ref());
        } else {
            eprintln!("warning: {}", s.as_ref());
        }
    }

    /// Colour a status word when colour is on.
    pub fn status(&self, s: &str) -> String {
        if !self.color {
            return s.to_string();
        }
        let code = match s {
            "ok" | "up" | "green" => "32",
            "warn" | "yellow" | "degraded" | "running" => "33",
            "FAIL" | "failed" | "down" | "red" | "crashed" | "error" => "31",
            _ => return s.to_string(),
        };
        format!("\x1b[{code}m{s}\x1b[0m")
    }
}
