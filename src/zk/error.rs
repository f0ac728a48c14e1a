//! Errors of the zk engine, each saying what to do, with the exit code it maps to.

use crate::exit::{Classify, ExitKind};

#[derive(Debug, thiserror::Error)]
pub enum ZkError {
    /// Bad arguments or configuration: exit 2.
    #[error("{0}")]
    Usage(String),
    /// No member of the ensemble could be reached: exit 3.
    #[error(
        "cannot connect to ZooKeeper at {endpoint}: {reason}; check that the members run and the connection URL is right (`shark conn test`)"
    )]
    Connect { endpoint: String, reason: String },
    /// A ZooKeeper operation failed: exit 4 (or 2 for a path/version the user got wrong).
    #[error("{op} {path}: {source}{}", hint(op, source))]
    Op {
        op: &'static str,
        path: String,
        #[source]
        source: zookeeper_client::Error,
    },
    /// Anything else that went wrong while working: exit 4.
    #[error("{0}")]
    Runtime(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// Stored data (a znode shark wrote, a row of its tables) that cannot be read back: exit 4.
    /// Never replaced by defaults: `what` names the znode path or the table row.
    #[error("{what}: {reason}")]
    Stored { what: String, reason: String },
    /// The command ran and found what the user asked to fail on (`--fail-on`, a damaged
    /// stored file): exit 1.
    #[error("{0}")]
    Unhealthy(String),
    /// Stopped by Ctrl-C/SIGTERM (or `shark state stop`) at a clean point: exit 130.
    #[error("{0}")]
    Interrupted(String),
    #[error(transparent)]
    State(#[from] crate::state::StateError),
    #[error(transparent)]
    Conn(#[from] crate::conn::ConnError),
}

fn hint(op: &str, e: &zookeeper_client::Error) -> &'static str {
    use zookeeper_client::Error as E;
    match e {
        E::NoNode if op == "create" => "; its parent does not exist: add --parents",
        E::NoNode => "; check the path with `shark zk ls`",
        E::NodeExists => "; pick another path or remove it first with `shark zk rm`",
        E::BadVersion => {
            "; the znode changed since you read it: `shark zk get` shows its current version"
        }
        E::NotEmpty => "; it has children: add --recursive to delete them too",
        E::NoAuth => "; the znode's ACL does not allow this client",
        E::NoChildrenForEphemerals => "; ephemeral znodes cannot have children",
        _ => "",
    }
}

impl ZkError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> ZkError {
        ZkError::Io {
            context: context.into(),
            source,
        }
    }

    pub fn op(op: &'static str, path: &str, source: zookeeper_client::Error) -> ZkError {
        ZkError::Op {
            op,
            path: path.to_string(),
            source,
        }
    }
}

impl Classify for ZkError {
    fn exit_kind(&self) -> ExitKind {
        use zookeeper_client::Error as E;
        match self {
            ZkError::Usage(_) => ExitKind::Usage,
            ZkError::Connect { .. } => ExitKind::Connect,
            ZkError::Op { source, .. } => match source {
                E::NoNode
                | E::NodeExists
                | E::BadVersion
                | E::NotEmpty
                | E::NoChildrenForEphemerals
                | E::BadArguments(_) => ExitKind::Usage,
                E::NoAuth | E::AuthFailed => ExitKind::Connect,
                _ => ExitKind::Runtime,
            },
            ZkError::Runtime(_) | ZkError::Io { .. } | ZkError::Stored { .. } => ExitKind::Runtime,
            ZkError::Unhealthy(_) => ExitKind::Problems,
            ZkError::Interrupted(_) => ExitKind::Interrupted,
            ZkError::State(e) => e.exit_kind(),
            ZkError::Conn(e) => e.exit_kind(),
        }
    }
}

pub type Result<T, E = ZkError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use zookeeper_client::Error as E;

    /// The documented exit code of each variant, numbered by arm. No wildcard: a new variant
    /// does not compile until it is listed here with its code (and a sample below).
    fn documented(e: &ZkError) -> (usize, u8) {
        match e {
            ZkError::Usage(_) => (0, 2),
            ZkError::Connect { .. } => (1, 3),
            ZkError::Op {
                source:
                    E::NoNode
                    | E::NodeExists
                    | E::BadVersion
                    | E::NotEmpty
                    | E::NoChildrenForEphemerals
                    | E::BadArguments(_),
                ..
            } => (2, 2),
            ZkError::Op {
                source: E::NoAuth | E::AuthFailed,
                ..
            } => (3, 3),
            // any other ZooKeeper failure (lost connection, timeouts, server errors)
            ZkError::Op { .. } => (4, 4),
            ZkError::Runtime(_) => (5, 4),
            ZkError::Io { .. } => (6, 4),
            ZkError::Stored { .. } => (7, 4),
            ZkError::Unhealthy(_) => (8, 1),
            ZkError::Interrupted(_) => (9, 130),
            // wrapped errors keep the code of the error they wrap (mapped by state / conn)
            ZkError::State(inner) => (10, inner.exit_kind().code()),
            ZkError::Conn(inner) => (11, inner.exit_kind().code()),
        }
    }
    const ARMS: usize = 12;

    #[test]
    fn every_variant_has_its_documented_exit_code() {
        let s = || "x".to_string();
        let samples = vec![
            ZkError::Usage(s()),
            ZkError::Connect {
                endpoint: s(),
                reason: s(),
            },
            ZkError::op("create", "/a", E::NoNode),
            ZkError::op("get", "/a", E::NoAuth),
            ZkError::op("get", "/a", E::ConnectionLoss),
            ZkError::Runtime(s()),
            ZkError::io("reading", std::io::Error::other("x")),
            ZkError::Stored {
                what: s(),
                reason: s(),
            },
            ZkError::Unhealthy(s()),
            ZkError::Interrupted(s()),
            ZkError::State(crate::state::StateError::ComponentTooNew {
                path: "/s".into(),
                component: "zk",
                found: 2,
                supported: 1,
            }),
            ZkError::Conn(crate::conn::ConnError::Unreachable {
                name: s(),
                endpoint: s(),
                reason: s(),
            }),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for e in &samples {
            let (arm, code) = documented(e);
            if let ZkError::State(_) = e {
                assert_eq!(code, 2, "a newer state file is a usage error");
            }
            if let ZkError::Conn(_) = e {
                assert_eq!(code, 3, "an unreachable endpoint is a connect error");
            }
            assert_eq!(e.exit_kind().code(), code, "{e:?}");
            seen.insert(arm);
        }
        assert_eq!(seen, (0..ARMS).collect(), "a documented arm has no sample");
    }
}
