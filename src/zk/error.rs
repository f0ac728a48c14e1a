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
            ZkError::Runtime(_) | ZkError::Io { .. } => ExitKind::Runtime,
            ZkError::State(e) => e.exit_kind(),
            ZkError::Conn(e) => e.exit_kind(),
        }
    }
}

pub type Result<T, E = ZkError> = std::result::Result<T, E>;
