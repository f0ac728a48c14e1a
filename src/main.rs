//! Entry point: parse the command line, set up logging, run the command, turn the outcome
//! into the documented exit code (see `shark --help`).

use clap::Parser;
use shark::cli::{Cli, LogFormat};
use shark::exit::{CliError, ExitKind};
use std::process::ExitCode;

/// mimalloc instead of glibc malloc: in sync CDC rows are decoded on the reader's thread and
/// freed on the applier's, and glibc's arenas spent ~40 % of shark's CPU on that churn.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// No transparent huge pages for this process: mimalloc asks for them on its arenas, and the
/// kernel then zeroes a whole 2 MiB page whenever memory mimalloc gave back is touched again.
/// In a sync CDC catch-up that zeroing was ~15 % of shark's CPU (sys time 0.2-0.4 s per 100k
/// row events, 0.05 s without; same wall time or better).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integer arguments and touches no memory
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    // reqwest is built without a default crypto provider: ring is the only one in the tree
    let _ = rustls::crypto::ring::default_provider().install_default();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                ExitKind::Usage.code()
            } else {
                0
            });
        }
    };
    init_logging(&cli);
    let ui = cli.ui();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(ExitKind::Runtime.code());
        }
    };
    let verbose = ui.verbose;
    let json = ui.json();
    match runtime.block_on(shark::cli::dispatch(cli, ui)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError { kind, error: e }) => {
            // an intended stop (Ctrl-C, SIGTERM) is not an error: one plain line, exit 130
            let text = if kind == ExitKind::Interrupted {
                e.to_string()
            } else {
                shark::ui::render_error(&e, verbose)
            };
            // a Problems report was already printed in full; its summary is enough
            eprintln!("{text}");
            if json && kind == ExitKind::Interrupted {
                println!(
                    "{}",
                    serde_json::json!({"stopped": text, "exit_code": kind.code()})
                );
            } else if json && kind != ExitKind::Problems {
                println!(
                    "{}",
                    serde_json::json!({"error": shark::ui::render_error(&e, 0).trim_start_matches("error: "), "exit_code": kind.code()})
                );
            }
            ExitCode::from(kind.code())
        }
    }
}

fn init_logging(cli: &Cli) {
    use tracing_subscriber::EnvFilter;
    let g = &cli.global;
    let default = match (g.quiet, g.verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        // our own crate gets the chosen level; dependencies stay one notch quieter below trace
        let deps = if g.verbose >= 3 { "trace" } else { "warn" };
        // the ZooKeeper client warns at every reconnection attempt; shark reports an outage
        // itself, once (`sync run` of a shared task)
        let zk = if g.verbose >= 2 { deps } else { "error" };
        EnvFilter::new(format!("{deps},zookeeper_client={zk},shark={default}"))
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(g.verbose >= 2);
    if g.log_format == LogFormat::Json {
        builder.json().init();
    } else {
        builder
            .with_ansi(!g.no_color && std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .init();
    }
}
