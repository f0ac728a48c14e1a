//! `sync run` of a task shared through a coordinator (`sync create --coordinator`): this
//! process is one of its workers. It joins the coordinator, waits as a follower while another
//! worker leads (copying the units of the full copy that no other worker copies), and leads
//! from the last committed checkpoint once it is first in the election. A leader that may have been replaced (fence) stops writing at once, closes its
//! session and rejoins as a follower; while the ensemble cannot be reached it writes nothing
//! and keeps trying.

use crate::state::LogLevel;
use crate::sync::coord::{self, Session, ZkBook, election};
use crate::sync::engine::runner::{Outcome, Term};
use crate::sync::error::SyncError;
use std::time::Duration;

/// How often a leader looks at its fence while nothing is written (so a leader that lost its
/// session steps down even on an idle source).
const FENCE_POLL: Duration = Duration::from_millis(100);

/// Longest wait between two attempts to reach an unreachable ensemble.
const MAX_RETRY: Duration = Duration::from_secs(2);

/// Errors after which the worker rejoins (the coordinator, not the task, is in trouble).
fn rejoins(e: &SyncError) -> bool {
    matches!(e, SyncError::Fenced(_) | SyncError::Coordinator { .. })
        || matches!(e, SyncError::Conn(c) if crate::exit::Classify::exit_kind(c) == crate::exit::ExitKind::Connect)
}

pub(super) async fn run(term: &Term<'_>) -> Result<Outcome, SyncError> {
    let Some(coordinator) = term.spec.coordinator.as_deref() else {
        return Err(SyncError::Usage(format!("{}: no coordinator", term.name)));
    };
    let conn = coord::connection(term.reg, coordinator)?;
    let timeout = term
        .spec
        .session_timeout_ms
        .map_or(coord::DEFAULT_SESSION_TIMEOUT, Duration::from_millis);
    let state = term.store.path().display().to_string();
    let stop = term.stop;
    let mut first = true;
    let mut retry = Duration::from_millis(500);
    // an outage is reported once, and its end once
    let mut outage = false;
    loop {
        if stop.stopping() {
            return Ok(stop.outcome());
        }
        let opened = stop
            .wait(Session::open(
                &conn,
                term.name,
                timeout,
                &state,
                stop.remote.clone(),
            ))
            .await;
        let session = match opened {
            Ok(s) => s,
            Err(SyncError::Halted) => return Ok(stop.outcome()),
            // unreachable at start: say so and exit (3), like any connection
            Err(e) if first || !rejoins(&e) => return Err(e),
            Err(e) => {
                if !outage {
                    term.log(
                        LogLevel::Warn,
                        &format!("not writing while the coordinator cannot be reached: {e}; trying again every few seconds"),
                    );
                    outage = true;
                }
                if !stop.sleep(retry).await {
                    return Ok(stop.outcome());
                }
                retry = (retry * 2).min(MAX_RETRY);
                continue;
            }
        };
        first = false;
        retry = Duration::from_millis(500);
        if outage {
            term.log(
                LogLevel::Info,
                &format!("coordinator {coordinator} reachable again"),
            );
            outage = false;
        }
        let led = lead(term, &session, coordinator).await;
        session.close().await;
        match led {
            Err(e) if rejoins(&e) => {
                term.log(
                    LogLevel::Warn,
                    &format!("{e}; rejoining {coordinator} as a follower"),
                );
            }
            Err(SyncError::Halted) => return Ok(stop.outcome()),
            other => return other,
        }
    }
}

/// One session: wait for the lead, then lead until the run ends or the fence fails.
async fn lead(term: &Term<'_>, s: &Session, coordinator: &str) -> Result<Outcome, SyncError> {
    let stop = term.stop;
    let me = election::join(s).await?;
    term.log(
        LogLevel::Info,
        &format!("joined coordinator {coordinator} as worker {}", s.id),
    );
    let on_wait = |leader: &str| {
        term.log(
            LogLevel::Info,
            &format!("following: {leader} leads; taking over if its session ends"),
        )
    };
    // while another worker leads, copy the units nobody copies yet
    let copying = async {
        let book = ZkBook::follower(term.name, s);
        match term.run(&book, true).await {
            Ok(_) => std::future::pending().await,
            Err(e) => e,
        }
    };
    tokio::select! {
        r = stop.wait(election::wait_first(s, &me, &on_wait)) => r?,
        e = copying => return Err(e),
    }
    let book = ZkBook::claim(term.name, s).await?;
    s.update(|i| i.role = "leader".into());
    term.log(
        LogLevel::Info,
        &format!(
            "leading (worker {}): resuming from the last committed checkpoint",
            s.id
        ),
    );
    let fenced = async {
        loop {
            tokio::time::sleep(FENCE_POLL).await;
            if let Err(e) = s.fence.check() {
                return e;
            }
        }
    };
    tokio::select! {
        r = term.run(&book, false) => r,
        e = fenced => Err(e),
    }
}
