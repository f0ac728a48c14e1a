//! shark: one binary to run data pipelines and clusters from the terminal.
//!
//! # Layers
//!
//! ```text
//! main.rs      parse, dispatch, turn a CliError into the exit code
//! cli/         clap args per subcommand → one engine call → rendering of what it returns
//! engines      sync/  inspect/  deploy/  zk/  monitor/  es_shards/
//! shared       state/ (the SQLite file)  conn/ (connections, secrets, probes, shared clients)
//!              config/ (TOML)
//!              ui/ (tables, progress, JSON, errors)  cancel (Ctrl-C/SIGTERM)  exit (exit codes)
//! ```
//!
//! # Rules
//!
//! - Engines import only the shared layer (`state`, `conn`, `config`, `ui`, `cancel`, `exit`),
//!   never `cli` and never another engine (`tests/layers.rs` checks these rules on the source).
//! - `state` imports nothing above it: it owns the file (open, WAL, application id, core
//!   migrations), run history, leases, checkpoints and the stop flag. `config` imports `conn`;
//!   `conn` does not import `config`.
//! - `cli` never touches SQL and holds no engine logic: no function there runs over ~80 lines.
//!   Checks, orchestration, time limits and cancellation live in the engine.
//! - Engine errors are `thiserror` enums implementing [`exit::Classify`]; the command layer
//!   returns [`exit::CliResult`], so an error without an exit code does not compile at its `?`.
//! - Stored data is never replaced by defaults: unreadable stored data is an error naming what
//!   and where.
//!
//! # Recipe for a new engine (`monitor` as the example)
//!
//! 1. `src/monitor/mod.rs` with the engine's public entry points, taking plain option structs,
//!    a `&Store`, a `&conn::Registry` and, for long verbs, a [`cancel::Cancel`]; progress goes
//!    through `ui::Progress` or an observer trait the engine defines.
//! 2. `src/monitor/error.rs`: `MonitorError` (`thiserror`) with `impl Classify`, and a unit test
//!    that walks every variant and checks its exit code.
//! 3. `src/monitor/store.rs`: `pub static SCHEMA: Schema` (append-only migrations) and a typed
//!    view over `Store` for the engine's rows; add `&monitor::store::SCHEMA` to
//!    `cli::ENGINE_SCHEMAS`.
//! 4. `src/cli/monitor.rs`: clap args, the call, rendering; one variant in `cli::Command` and its
//!    arm in `dispatch` (run name and target for the history).
//! 5. `tests/monitor.rs` against real servers started by `tests/infra/`; regenerate `man/` and
//!    `completions/` (`SHARK_REGENERATE=1 cargo test --test generated`).
//!
//! # Adding a sync source or sink
//!
//! `sync` drives every pair through two traits: [`sync::source::Source`] (units, keyset or
//! PIT pages with opaque resume points, an optional change stream) and [`sync::sink::Sink`]
//! (create the target, write rows, apply changes, refuse rows one by one, read back for
//! `verify`). Rows travel in BSON's value model. A new end is one module implementing the trait,
//! one arm in `sync/endpoints.rs` (kinds, and which options fit the pair), and a direction in
//! `tests/sync_matrix.rs`.

pub mod cancel;
pub mod cli;
pub mod config;
pub mod conn;
pub mod deploy;
pub mod es_shards;
pub mod exit;
pub mod inspect;
pub mod monitor;
pub mod state;
pub mod sync;
pub mod ui;
pub mod zk;
