//! `shark deploy`: fleet execution over SSH. An inventory of hosts (Ansible-style INI/YAML),
//! plans stored before they run, execution with bounded parallelism and rolling batches over one
//! multiplexed OpenSSH master per host, SFTP copies verified by checksum, scripts uploaded and
//! executed, live per-host output, remote kill at the timeout, results and output kept in the
//! state file. Knows nothing of clap or the terminal: it reports through [`Observer`].

mod copy;
mod error;
mod events;
mod host;
mod inventory;
mod ops;
mod plan;
mod remote;
mod runner;
mod select;
mod ssh;
mod status;
pub mod store;

pub use error::DeployError;
pub use events::{Observer, Silent};
pub use inventory::{Host, MAX_RANGE_HOSTS, load as load_inventory};
pub use ops::{
    Imported, Replay, RunRequest, add_host, import_hosts, list_hosts, make_plan, plans,
    remove_hosts, replay,
};
pub use plan::{Action, ActionInput, CopySpec, MaxFail, Options, Plan, Spec};
pub use runner::{Execution, execute};
pub use select::{natural_key, select};
pub use status::{ExecStatus, HostResult, HostStatus, Stream};
