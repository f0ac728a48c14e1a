//! What flows between a source and a sink: table schemas ([`schema`]), source values and their
//! mapping ([`value`]; decimals packed by [`dec128`]), JSON values that keep their text and exact numbers ([`json`]; its doc
//! says how sources and sinks must use the row model), rows as documents with their keys
//! ([`doc`]), changes ([`change`]) and the field mapping a task applies on the way ([`fields`]).
//!
//! **The row model in one paragraph.** A row is a `bson::Document` of field → value; the values
//! are what `value` maps the source's to (exact: DECIMAL as Decimal128 or its exact string,
//! integers as Int32/Int64 or Decimal128 beyond, doubles only for FLOAT/DOUBLE, dates at the
//! task's time precision, bytes as Binary, ENUM/SET/TIME as strings), and a JSON value as a
//! [`json::JSON_TEXT`] carrier holding the source's text. Nothing in between converts a number
//! through an `f64`. Each sink converts the row once into what it stores (see `json`).

pub mod change;
pub mod dec128;
pub mod doc;
pub mod fields;
pub mod json;
pub mod schema;
pub mod value;
