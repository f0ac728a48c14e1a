//! Sinks: where rows and changes are written.

pub mod mongo;
