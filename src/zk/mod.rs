//! The zk engine: ensemble status (four-letter words or the AdminServer), znode operations,
//! node control with an audit trail, load-based file placement and crash-safe rebalancing, and
//! a bounded demo workload. Knows nothing of clap or the terminal: results are returned as
//! data, progress goes through [`crate::ui::Progress`]. [`Zk`] holds one entry point per verb.

pub mod engine;
pub mod ensemble;
pub mod error;
pub mod files;
pub mod nodes;
pub mod settings;
pub mod store;
pub mod target;
pub mod words;
pub mod workload;
pub mod znode;

pub use engine::{Listing, RebalanceOptions, Watch, Zk};
pub use error::ZkError;
