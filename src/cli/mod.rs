//! clap definitions (one file per subcommand) and dispatch: parse, open the state file and
//! config, record the run, call the engine. Thin: no engine logic lives here.

mod completions;
mod conn;
mod deploy;
mod es_shards;
mod history;
mod inspect;
mod monitor;
mod state;
mod sync;
mod zk;

pub use completions::{SHELLS, generate_completions, generate_man_pages, write_all};

use crate::cancel::Cancel;
use crate::config::Config;
use crate::exit::{CliError, CliResult, EXIT_CODES_HELP, ExitKind};
use crate::state::{RunStatus, Schema, Store};
use crate::ui::{OutputMode, Ui};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "shark",
    version,
    about = "Run data pipelines and clusters from the terminal",
    long_about = "shark drives data pipelines (sync), log alerts (monitor), health reports (inspect), \
fleet execution (deploy), ZooKeeper (zk) and Elasticsearch shards (es-shards) in the foreground, \
keeping connections, checkpoints, run history and reports in one local SQLite state file.",
    after_long_help = EXIT_CODES_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml
    #[arg(long, global = true, env = "SHARK_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// State file (SQLite); default $XDG_DATA_HOME/shark/shark.db
    #[arg(long, global = true, env = "SHARK_STATE", value_name = "PATH")]
    pub state: Option<PathBuf>,
    /// Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)
    #[arg(short, long, global = true, value_enum, default_value = "table")]
    pub output: Output,
    /// Print only errors and the data asked for
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Log line format on stderr
    #[arg(long, global = true, value_enum, default_value = "text")]
    pub log_format: LogFormat,
    /// No colours (also when NO_COLOR is set or stdout is not a terminal)
    #[arg(long, global = true)]
    pub no_color: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Output {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)
    #[command(subcommand, after_long_help = EXIT_CODES_HELP)]
    Conn(Box<conn::ConnCmd>),
    /// Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies
    #[command(subcommand, after_long_help = EXIT_CODES_HELP)]
    Deploy(Box<deploy::DeployCmd>),
    /// Data pipelines: MySQL/MariaDB or Elasticsearch/OpenSearch → MongoDB, MySQL or Elasticsearch; full copy, then binlog CDC from MySQL
    #[command(subcommand, after_long_help = EXIT_CODES_HELP)]
    Sync(sync::SyncCmd),
    /// Health reports: Prometheus metrics, dependency checks, vulnerabilities and an AI analysis, with history
    #[command(subcommand, after_long_help = EXIT_CODES_HELP)]
    Inspect(inspect::InspectCmd),
    /// Kubernetes log alerts: follow pods' containers, match rules, alert to Slack, archive to S3
    #[command(subcommand, after_long_help = EXIT_CODES_HELP)]
    Monitor(monitor::MonitorCmd),
    /// Show the run history of every command, and one run's log
    #[command(after_long_help = EXIT_CODES_HELP)]
    History(history::HistoryArgs),
    /// Inspect the state file: path, schema, sizes, task leases
    #[command(subcommand)]
    State(state::StateCmd),
    /// ZooKeeper: ensemble status, znodes, node control with audit, file placement and rebalancing
    #[command(after_long_help = zk::long_help())]
    Zk(Box<zk::ZkArgs>),
    /// Elasticsearch / OpenSearch shards: status, rebalance with recovery progress, replication health, recover, verify, drain, snapshots
    #[command(name = "es-shards", after_long_help = es_shards::long_help())]
    EsShards(Box<es_shards::EsShardsArgs>),
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    Completions(completions::CompletionsArgs),
}

impl Command {
    /// Name recorded in run history, e.g. "conn test"; None for commands that record nothing.
    fn run_name(&self) -> Option<String> {
        match self {
            Command::Conn(c) => Some(format!("conn {}", c.verb())),
            Command::Deploy(d) => d.run_name(),
            Command::Zk(z) => Some(format!("zk {}", z.verb())),
            Command::Inspect(c) => c.verb().map(|v| format!("inspect {v}")),
            Command::Sync(c) => c.verb().map(|v| format!("sync {v}")),
            Command::EsShards(c) => Some(format!("es-shards {}", c.verb())),
            Command::Monitor(c) => c.verb().map(|v| format!("monitor {v}")),
            Command::History(_) | Command::State(_) | Command::Completions(_) => None,
        }
    }
}

/// The clap command tree (for completions and man pages).
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Every engine's tables, brought up to date when a command opens the state file. An engine
/// with tables adds its `store::SCHEMA` here (step 3 of the recipe in `lib.rs`).
pub const ENGINE_SCHEMAS: &[&Schema] = &[
    &crate::inspect::store::SCHEMA,
    &crate::sync::store::SCHEMA,
    &crate::zk::store::SCHEMA,
    &crate::deploy::store::SCHEMA,
    &crate::es_shards::store::SCHEMA,
    &crate::monitor::store::SCHEMA,
];

/// Open the state file at `path` with every engine's tables up to date.
pub fn open_store(path: &std::path::Path) -> Result<Store, crate::state::StateError> {
    let store = Store::open(path)?;
    for schema in ENGINE_SCHEMAS {
        store.ensure(schema)?;
    }
    Ok(store)
}

/// What every subcommand gets: the UI, the config and (opened on demand) the state file.
pub struct Ctx {
    pub ui: Ui,
    pub config: Config,
    pub state_path: PathBuf,
    store: std::sync::OnceLock<Store>,
}

impl Ctx {
    pub fn store(&self) -> CliResult<&Store> {
        if let Some(s) = self.store.get() {
            return Ok(s);
        }
        let s = open_store(&self.state_path)?;
        Ok(self.store.get_or_init(|| s))
    }

    /// The cancellation handle of a long-running verb: first Ctrl-C/SIGTERM stops it at the
    /// next checkpoint, the second exits at once (see `crate::cancel`). Short verbs never call
    /// this and keep the default signal behaviour.
    pub fn cancel(&self) -> Cancel {
        Cancel::on_signals()
    }
}

impl Cli {
    pub fn ui(&self) -> Ui {
        let mode = match self.global.output {
            Output::Table => OutputMode::Table,
            Output::Json => OutputMode::Json,
        };
        Ui::new(
            mode,
            self.global.quiet,
            self.global.verbose,
            self.global.no_color,
        )
    }
}

/// Run the parsed command. Commands that do work are recorded in the run history with their
/// outcome.
pub async fn dispatch(cli: Cli, ui: Ui) -> CliResult {
    if let Command::Completions(a) = &cli.command {
        return completions::run(a);
    }
    let config = Config::discover(cli.global.config.as_deref())?;
    let ctx = Ctx {
        ui,
        config,
        state_path: cli
            .global
            .state
            .clone()
            .unwrap_or_else(crate::state::default_path),
        store: std::sync::OnceLock::new(),
    };
    let run = match cli.command.run_name() {
        Some(name) => {
            let store = ctx.store()?;
            let target = match &cli.command {
                Command::Conn(c) => c.target(),
                Command::Deploy(d) => d.target(),
                Command::Zk(z) => z.target(),
                Command::Sync(c) => c.target(),
                Command::EsShards(c) => c.target(),
                Command::Monitor(c) => c.target(),
                _ => None,
            };
            Some(store.run_start(&name, target.as_deref())?)
        }
        None => None,
    };
    let result = match cli.command {
        Command::Conn(c) => conn::run(*c, &ctx, run.as_ref()).await,
        Command::Deploy(d) => deploy::run(*d, &ctx, run.as_ref()).await,
        Command::Zk(z) => zk::run(*z, &ctx, run.as_ref()).await,
        Command::Inspect(c) => inspect::run(c, &ctx, run.as_ref()).await,
        Command::Sync(c) => sync::run(c, &ctx, run.as_ref()).await,
        Command::EsShards(c) => es_shards::run(*c, &ctx).await,
        Command::Monitor(c) => monitor::run(c, &ctx, run.as_ref()).await,
        Command::History(a) => history::run(a, &ctx),
        Command::State(c) => state::run(c, &ctx),
        Command::Completions(_) => Ok(()),
    };
    if let (Some(run), Ok(store)) = (run, ctx.store()) {
        let (status, code, summary) = match &result {
            Ok(()) => (RunStatus::Ok, 0, serde_json::Value::Null),
            Err(CliError { kind, error }) => {
                let kind = *kind;
                let status = match kind {
                    ExitKind::Problems => RunStatus::Problems,
                    ExitKind::Interrupted => RunStatus::Interrupted,
                    _ => RunStatus::Failed,
                };
                (
                    status,
                    kind.code() as i32,
                    serde_json::json!({"error": crate::ui::render_error(error, 0)}),
                )
            }
        };
        if let Err(e) = store.run_finish(&run, status, code, &summary) {
            tracing::warn!(error = %e, "could not record the end of this run");
        }
    }
    result
}
