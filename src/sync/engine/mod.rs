//! The sync engine: the run loop that copies every unit ([`copier`]), follows the change stream
//! ([`applier`]), handles DDL and checkpoints ([`runner`]), over bounded channels ([`pipe`]). It
//! drives any [`Source`](super::source::Source) and [`Sink`](super::sink::Sink) pair and knows
//! no end by name.

pub(crate) mod applier;
pub(crate) mod copier;
pub mod pipe;
pub mod runner;
pub(crate) mod shared;
