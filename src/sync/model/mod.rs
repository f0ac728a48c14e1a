//! What flows between a source and a sink: table schemas ([`schema`]), source values and their
//! mapping ([`value`]), rows as documents with their keys ([`doc`]), changes ([`change`]) and the
//! field mapping a task applies on the way ([`fields`]).

pub mod change;
pub mod doc;
pub mod fields;
pub mod schema;
pub mod value;
