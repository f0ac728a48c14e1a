//! One way to stop a long-running verb. `Cancel::on_signals()` turns the first SIGINT/SIGTERM
//! into a cancellation the engine honours at its next clean checkpoint (the command then exits
//! 130), and the second into an immediate exit 130, so a run that hangs (an unreachable server,
//! a stuck write) can always be interrupted. Engines take a `Cancel`; they never install signal
//! handlers themselves. Short commands install nothing and keep the default signal behaviour.

use std::sync::OnceLock;
use tokio_util::sync::CancellationToken;

/// A cancellation handle shared by everything one command runs. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Cancel {
    token: CancellationToken,
}

impl Cancel {
    /// A handle nothing but `cancel()` triggers (tests, library use).
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// The process-wide handle wired to SIGINT and SIGTERM. The first call installs the signal
    /// listener (it needs a running tokio runtime); later calls return the same handle.
    pub fn on_signals() -> Cancel {
        static SIGNALS: OnceLock<Cancel> = OnceLock::new();
        SIGNALS
            .get_or_init(|| {
                let c = Cancel::new();
                let token = c.token.clone();
                tokio::spawn(listen(token));
                c
            })
            .clone()
    }

    /// Ask everything holding this handle to stop at its next checkpoint.
    pub fn cancel(&self) {
        self.token.cancel();
    }

    pub fn is_cancelled(&self) -> bool {
        self.token.is_cancelled()
    }

    /// Resolves once cancellation was asked for (use in `tokio::select!`).
    pub async fn cancelled(&self) {
        self.token.cancelled().await
    }

    /// A handle cancelled with this one, that can also be cancelled on its own (one host, one
    /// worker) without stopping the rest.
    pub fn child(&self) -> Cancel {
        Cancel {
            token: self.token.child_token(),
        }
    }

    /// The underlying token, for libraries that take one.
    pub fn token(&self) -> &CancellationToken {
        &self.token
    }
}

/// First signal: cancel and say so; second: exit at once.
async fn listen(token: CancellationToken) {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        tracing::warn!("cannot listen for SIGINT/SIGTERM; Ctrl-C ends the process at once");
        return;
    };
    let next = async |int: &mut tokio::signal::unix::Signal,
                      term: &mut tokio::signal::unix::Signal| {
        tokio::select! {
            _ = int.recv() => "interrupt",
            _ = term.recv() => "terminate",
        }
    };
    let first = next(&mut int, &mut term).await;
    tracing::debug!(signal = first, "stop requested by signal");
    eprintln!(
        "\nstopping at the next checkpoint (press Ctrl-C again to exit at once; progress since the last checkpoint is then redone on the next run)"
    );
    token.cancel();
    let second = next(&mut int, &mut term).await;
    eprintln!("error: second {second} signal: exiting now without waiting for a checkpoint");
    std::process::exit(130);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn child_follows_parent_but_not_the_reverse() {
        let parent = Cancel::new();
        let child = parent.child();
        child.cancel();
        assert!(!parent.is_cancelled());
        let other = parent.child();
        parent.cancel();
        assert!(other.is_cancelled());
        other.cancelled().await;
    }
}
