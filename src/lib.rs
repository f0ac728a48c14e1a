//! shark: one binary to run data pipelines and clusters from the terminal. `main.rs` parses
//! and dispatches; `cli` holds the clap definitions; engines share `state`, `conn` and `ui`.

pub mod cli;
pub mod config;
pub mod conn;
pub mod deploy;
pub mod exit;
pub mod inspect;
pub mod state;
pub mod sync;
pub mod ui;
pub mod zk;
