//! Source table schemas from information_schema: columns in ordinal order with the type facts
//! the value mapping needs (unsigned, enum/set members, JSON on MariaDB), and the primary key
//! (or the first unique key on NOT NULL columns), each column's charset and the field it maps to,
//! and each column's declaration (exact type, nullability, charset and collation) for targets that
//! re-create the table.

use crate::sync::model::value::{Charset, TimePrecision};
use mysql_async::prelude::Queryable;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColType {
    Int,
    UInt,
    BigInt,
    BigUInt,
    Decimal,
    Float,
    Date,
    DateTime,
    Timestamp,
    Time,
    Year,
    Text,
    Json,
    Binary,
    /// BINARY(n): always n bytes (the binlog drops trailing 0x00).
    FixedBinary(usize),
    Bit,
    Enum(Vec<String>),
    Set(Vec<String>),
    /// A boolean (Elasticsearch `boolean`); MySQL columns never map to it.
    Bool,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub ty: ColType,
    /// How the binlog's bytes of a text column read (the copy receives utf8mb4).
    pub charset: Charset,
    /// The column as MySQL declares it, when the schema comes from MySQL (None for schemas
    /// derived from elsewhere, such as an Elasticsearch mapping): a MySQL target re-creates
    /// the column exactly from it.
    pub sql: Option<SqlColumn>,
}

impl Column {
    /// A column known only by its mapped type (no MySQL declaration).
    pub fn new(name: impl Into<String>, ty: ColType, charset: Charset) -> Column {
        Column {
            name: name.into(),
            ty,
            charset,
            sql: None,
        }
    }
}

/// A column's declaration as information_schema.COLUMNS gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlColumn {
    /// `COLUMN_TYPE`, exactly (`decimal(10,2)`, `varchar(20)`, `enum('a','b')`, `int(10)
    /// unsigned`; MariaDB's JSON reads `longtext`, see [`ColType::Json`]).
    pub column_type: String,
    pub nullable: bool,
    /// `CHARACTER_SET_NAME` and `COLLATION_NAME` (text columns only).
    pub charset: Option<String>,
    pub collation: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TableSchema {
    pub db: String,
    pub table: String,
    pub columns: Vec<Column>,
    /// Indexes into `columns` of the key used for `_id` and keyset paging; empty: no key.
    pub key: Vec<usize>,
    /// How DATETIME/TIMESTAMP values are stored (the task's `--time-precision`).
    pub time: TimePrecision,
    /// The source's own definition of the unit when the target is of the same kind
    /// (an Elasticsearch index copied into an Elasticsearch index): its rows pass through as
    /// the source holds them and the target is created from it. None otherwise.
    pub index: Option<IndexDef>,
}

/// An Elasticsearch index's definition as `GET /<index>` gives it: `mappings` and `settings`
/// (the sink decides which settings a new index takes: `sync::sink::es_mapping::carried`).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDef {
    pub mappings: serde_json::Value,
    pub settings: serde_json::Value,
}

/// The document field of a source column named `_id` that is not the table's whole key: the
/// document's `_id` is always derived from the key.
pub const SOURCE_ID_FIELD: &str = "_id_";

impl TableSchema {
    /// The unit's name: `db.table`, or the table (index) alone when there is no database
    /// (Elasticsearch units).
    pub fn unit(&self) -> String {
        if self.db.is_empty() {
            self.table.clone()
        } else {
            format!("{}.{}", self.db, self.table)
        }
    }
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
    }
    /// The document field of column `i`: its name, except that a column named `_id` keeps that
    /// name only when it is the table's single-column key (then it *is* the document `_id`);
    /// otherwise it is stored as [`SOURCE_ID_FIELD`], in the copy and in CDC alike.
    pub fn field_name(&self, i: usize) -> &str {
        let name = self.columns[i].name.as_str();
        if name == "_id" && self.key != [i] {
            SOURCE_ID_FIELD
        } else {
            name
        }
    }
    pub fn key_names(&self) -> Vec<&str> {
        self.key
            .iter()
            .map(|i| self.columns[*i].name.as_str())
            .collect()
    }
}

/// Quote an identifier with backticks.
pub fn q(id: &str) -> String {
    format!("`{}`", id.replace('`', "``"))
}

fn parse_members(column_type: &str) -> Vec<String> {
    // enum('a','b''c') / set('x','y')
    let inner = column_type
        .split_once('(')
        .and_then(|(_, r)| r.rsplit_once(')'))
        .map(|(i, _)| i)
        .unwrap_or("");
    let mut out = vec![];
    let mut cur = String::new();
    let mut in_q = false;
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_q) {
            ('\'', false) => in_q = true,
            ('\'', true) if chars.peek() == Some(&'\'') => {
                chars.next();
                cur.push('\'');
            }
            ('\'', true) => {
                in_q = false;
                out.push(std::mem::take(&mut cur));
            }
            ('\\', true) => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            (c, true) => cur.push(c),
            _ => {}
        }
    }
    out
}

fn col_type(data_type: &str, column_type: &str, octets: Option<u64>, json: bool) -> ColType {
    let unsigned = column_type.contains("unsigned");
    match data_type {
        "tinyint" | "smallint" | "mediumint" | "int" | "integer" => {
            if unsigned {
                ColType::UInt
            } else {
                ColType::Int
            }
        }
        "bigint" => {
            if unsigned {
                ColType::BigUInt
            } else {
                ColType::BigInt
            }
        }
        "decimal" | "numeric" => ColType::Decimal,
        "float" | "double" | "real" => ColType::Float,
        "date" => ColType::Date,
        "datetime" => ColType::DateTime,
        "timestamp" => ColType::Timestamp,
        "time" => ColType::Time,
        "year" => ColType::Year,
        "json" => ColType::Json,
        "bit" => ColType::Bit,
        "enum" => ColType::Enum(parse_members(column_type)),
        "set" => ColType::Set(parse_members(column_type)),
        "binary" => match octets {
            Some(n) => ColType::FixedBinary(n as usize),
            None => ColType::Binary,
        },
        "varbinary" | "tinyblob" | "blob" | "mediumblob" | "longblob" | "geometry" | "point"
        | "linestring" | "polygon" | "multipoint" | "multilinestring" | "multipolygon"
        | "geometrycollection" => ColType::Binary,
        _ if json => ColType::Json,
        _ => ColType::Text,
    }
}

/// Base tables of `dbs` (all non-system databases when None).
pub async fn list_tables(
    c: &mut mysql_async::Conn,
    dbs: Option<&[String]>,
) -> Result<Vec<(String, String)>, mysql_async::Error> {
    let rows: Vec<(String, String)> = c
        .query(
            "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE'
             AND TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
             ORDER BY TABLE_SCHEMA, TABLE_NAME",
        )
        .await?;
    Ok(rows
        .into_iter()
        .filter(|(d, _)| dbs.is_none_or(|l| l.iter().any(|x| x == d)))
        .collect())
}

/// Load one table's schema; None if it does not exist (any more).
pub async fn load(
    c: &mut mysql_async::Conn,
    db: &str,
    table: &str,
    time: TimePrecision,
) -> Result<Option<TableSchema>, mysql_async::Error> {
    type Col = (
        String,
        String,
        String,
        Option<String>,
        Option<u64>,
        String,
        Option<String>,
    );
    let cols: Vec<Col> = c
        .exec(
            "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_SET_NAME, CHARACTER_OCTET_LENGTH, IS_NULLABLE, COLLATION_NAME
             FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
            (db, table),
        )
        .await?;
    if cols.is_empty() {
        return Ok(None);
    }
    // MariaDB stores JSON as LONGTEXT with a json_valid() check constraint
    let checks: Vec<String> = c
        .exec(
            "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?",
            (db, table),
        )
        .await
        .unwrap_or_default();
    let is_json = |name: &str| {
        checks.iter().any(|c| {
            c.replace(' ', "").to_ascii_lowercase()
                == format!("json_valid(`{}`)", name.to_ascii_lowercase())
        })
    };
    let columns: Vec<Column> = cols
        .iter()
        .map(|(name, dt, ct, cs, octets, nullable, coll)| Column {
            name: name.clone(),
            ty: col_type(
                &dt.to_ascii_lowercase(),
                &ct.to_ascii_lowercase(),
                *octets,
                is_json(name),
            ),
            charset: cs.as_deref().map(Charset::from_name).unwrap_or_default(),
            sql: Some(SqlColumn {
                column_type: ct.clone(),
                nullable: nullable == "YES",
                charset: cs.clone(),
                collation: coll.clone(),
            }),
        })
        .collect();
    // primary key, else the first unique key whose columns are all NOT NULL
    let keys: Vec<(String, String, i64, String)> = c
        .exec(
            "SELECT s.INDEX_NAME, s.COLUMN_NAME, s.SEQ_IN_INDEX, c.IS_NULLABLE FROM information_schema.STATISTICS s
             JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME
             WHERE s.TABLE_SCHEMA = ? AND s.TABLE_NAME = ? AND s.NON_UNIQUE = 0 ORDER BY s.INDEX_NAME = 'PRIMARY' DESC, s.INDEX_NAME, s.SEQ_IN_INDEX",
            (db, table),
        )
        .await?;
    let mut by_index: BTreeMap<String, Vec<(i64, String, bool)>> = BTreeMap::new();
    let mut order = vec![];
    for (idx, col, seq, nullable) in keys {
        if !by_index.contains_key(&idx) {
            order.push(idx.clone());
        }
        by_index
            .entry(idx)
            .or_default()
            .push((seq, col, nullable == "YES"));
    }
    let mut key = vec![];
    for idx in order {
        let cols = &by_index[&idx];
        if cols.iter().any(|c| c.2) {
            continue;
        }
        key = cols
            .iter()
            .filter_map(|(_, name, _)| columns.iter().position(|c| &c.name == name))
            .collect();
        break;
    }
    Ok(Some(TableSchema {
        db: db.into(),
        table: table.into(),
        columns,
        key,
        time,
        index: None,
    }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn enum_members() {
        assert_eq!(
            super::parse_members("enum('a','b''c','d,e')"),
            vec!["a", "b'c", "d,e"]
        );
    }
}
