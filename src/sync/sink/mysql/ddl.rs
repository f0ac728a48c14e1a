//! DDL of the MySQL sink: the `CREATE TABLE` of a unit's target table — from the source's exact
//! column declarations when the unit comes from MySQL, else from the mapped types — and the
//! names of a table's shadow (re-copy) and of the table a swap retires.
//!
//! Mapped types (units without MySQL declarations, e.g. from an Elasticsearch mapping):
//!
//! | ColType | column |
//! |---|---|
//! | Int / UInt | `INT` / `INT UNSIGNED` |
//! | BigInt / BigUInt | `BIGINT` / `BIGINT UNSIGNED` |
//! | Decimal | `DECIMAL(65,30)` |
//! | Float | `DOUBLE` |
//! | Date | `DATE` |
//! | DateTime, Timestamp | `DATETIME(3)`, or `DATETIME(6)` with `--time-precision us` |
//! | Time | `TIME(6)` |
//! | Year | `YEAR` |
//! | Text | `LONGTEXT`; a key column `VARCHAR(n)` (see [`key_lengths`]) |
//! | Json | `JSON` |
//! | Binary | `LONGBLOB`; a key column `VARBINARY(n)` |
//! | FixedBinary(n) | `BINARY(n)` (`VARBINARY(n)` above 255) |
//! | Bit | `BIT(64)` |
//! | Enum / Set | `ENUM(...)` / `SET(...)` with the members |
//!
//! Text is `utf8mb4` with the `utf8mb4_bin` collation (keys compare exactly, as the source's
//! did). A unit without a key gets an invisible first column [`ROW_COLUMN`] as its primary key
//! (`h:<content hash>:<occurrence>`, see `sync::model::doc::keyless_id`).

use crate::sync::model::schema::{ColType, Column, TableSchema, q};
use crate::sync::model::value::TimePrecision;
use sha2::{Digest, Sha256};

/// The hidden primary key of a key-less unit's table: `h:<hash>:<n>` (`doc::keyless_id`), so
/// identical rows stay distinct rows. Not row data: `scan` leaves it out of the documents.
pub const ROW_COLUMN: &str = "_shark_row";
/// Its declaration: `h:` + 32 hex + `:` + a u64 is at most 55 ASCII characters; `INVISIBLE`
/// (MariaDB 10.3+, MySQL 8.0.23+) so that `SELECT *` shows the source's columns only (MariaDB
/// wants a default for an invisible NOT NULL column; shark always writes it).
const ROW_COLUMN_DECL: &str =
    "VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '' INVISIBLE";
/// Characters of a text key column with a mapped type: 512 (an Elasticsearch `_id` is at most
/// 512 bytes), fewer when several text or binary key columns share the key length limit.
pub const KEY_TEXT_CHARS: usize = 512;
/// Bytes of a binary key column with a mapped type, at most.
pub const KEY_BINARY_BYTES: usize = 2048;
/// InnoDB's limit on the bytes of a key (DYNAMIC rows), less a margin for the fixed-size
/// columns of a composite key.
const KEY_BUDGET_BYTES: usize = 3000;
/// MySQL's limit on identifier length.
const MAX_IDENT: usize = 64;

/// How a column's charset and collation are declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// As the source declares them.
    Exact,
    /// The target does not know a source charset or collation: text is `utf8mb4`, key columns
    /// `utf8mb4_bin` (still exact, so distinct source keys stay distinct).
    Portable,
}

/// `name` with `suffix`, cut (and made unique by a hash of the name) to MySQL's 64 characters.
fn derived_name(name: &str, suffix: &str) -> String {
    if name.chars().count() + suffix.len() <= MAX_IDENT {
        return format!("{name}{suffix}");
    }
    let hash: String = Sha256::digest(name.as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let keep = MAX_IDENT - suffix.len() - hash.len() - 1;
    let head: String = name.chars().take(keep).collect();
    format!("{head}_{hash}{suffix}")
}

/// The table a [`crate::sync::sink::Begin::Recopy`] writes into before it replaces `table`.
pub fn shadow_name(table: &str) -> String {
    derived_name(table, "__shark_shadow")
}

/// The name `table` has between the swap of its shadow and its drop.
pub fn retired_name(table: &str) -> String {
    derived_name(table, "__shark_old")
}

/// A quoted string literal (the sink's sessions run with `NO_BACKSLASH_ESCAPES`).
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Lengths of text (characters) and binary (bytes) key columns with mapped types: the key
/// stays within InnoDB's key length limit.
pub fn key_lengths(unit: &TableSchema) -> (usize, usize) {
    let variable = unit
        .key
        .iter()
        .filter(|i| {
            let c = &unit.columns[**i];
            c.sql.is_none() && matches!(c.ty, ColType::Text | ColType::Binary)
        })
        .count()
        .max(1);
    let per = KEY_BUDGET_BYTES / variable;
    (KEY_TEXT_CHARS.min(per / 4), KEY_BINARY_BYTES.min(per))
}

fn members(m: &[String]) -> String {
    m.iter().map(|x| quote(x)).collect::<Vec<_>>().join(",")
}

/// The column type of a mapped type (no MySQL declaration).
fn mapped_type(c: &Column, key: bool, time: TimePrecision, lens: (usize, usize)) -> String {
    let datetime = match time {
        TimePrecision::Ms => "DATETIME(3)",
        TimePrecision::Us => "DATETIME(6)",
    };
    match &c.ty {
        ColType::Bool => "BOOLEAN".into(),
        ColType::Int => "INT".into(),
        ColType::UInt => "INT UNSIGNED".into(),
        ColType::BigInt => "BIGINT".into(),
        ColType::BigUInt => "BIGINT UNSIGNED".into(),
        ColType::Decimal => "DECIMAL(65,30)".into(),
        ColType::Float => "DOUBLE".into(),
        ColType::Date => "DATE".into(),
        ColType::DateTime | ColType::Timestamp => datetime.into(),
        ColType::Time => "TIME(6)".into(),
        ColType::Year => "YEAR".into(),
        ColType::Text if key => format!("VARCHAR({})", lens.0),
        ColType::Text => "LONGTEXT".into(),
        ColType::Json => "JSON".into(),
        ColType::Binary if key => format!("VARBINARY({})", lens.1),
        ColType::Binary => "LONGBLOB".into(),
        ColType::FixedBinary(n) if *n <= 255 => format!("BINARY({n})"),
        ColType::FixedBinary(n) => format!("VARBINARY({n})"),
        ColType::Bit => "BIT(64)".into(),
        ColType::Enum(m) if !m.is_empty() => format!("ENUM({})", members(m)),
        ColType::Set(m) if !m.is_empty() => format!("SET({})", members(m)),
        ColType::Enum(_) | ColType::Set(_) => "LONGTEXT".into(),
    }
}

fn is_text(c: &Column) -> bool {
    matches!(c.ty, ColType::Text | ColType::Enum(_) | ColType::Set(_))
}

/// The declaration of column `i` of `unit` (without its name).
fn column_decl(unit: &TableSchema, i: usize, flavor: Flavor, lens: (usize, usize)) -> String {
    let c = &unit.columns[i];
    let key = unit.key.contains(&i);
    let null = if key { "NOT NULL" } else { "NULL" };
    let Some(sql) = &c.sql else {
        let ty = mapped_type(c, key, unit.time, lens);
        return match (&c.ty, key) {
            (ColType::Json, _) => format!("{ty} {null}"),
            (_, true) if is_text(c) => {
                format!("{ty} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin {null}")
            }
            _ => format!("{ty} {null}"),
        };
    };
    let null = if key || !sql.nullable {
        "NOT NULL"
    } else {
        "NULL"
    };
    // MariaDB declares JSON as LONGTEXT with a json_valid() check: JSON says both
    if c.ty == ColType::Json {
        return format!("JSON {null}");
    }
    let lower = sql.column_type.to_ascii_lowercase();
    // a key needs a bounded length: a TEXT/BLOB key (a prefix index at the source) is cut to
    // what a key can hold
    let ty = match lower.as_str() {
        "tinytext" | "text" | "mediumtext" | "longtext" if key => {
            format!("VARCHAR({})", lens.0)
        }
        "tinyblob" | "blob" | "mediumblob" | "longblob" if key => {
            format!("VARBINARY({})", lens.1)
        }
        _ => sql.column_type.clone(),
    };
    let charset = match (flavor, &sql.charset, &sql.collation) {
        (Flavor::Exact, Some(cs), Some(coll)) => format!(" CHARACTER SET {cs} COLLATE {coll}"),
        (Flavor::Exact, Some(cs), None) => format!(" CHARACTER SET {cs}"),
        (Flavor::Portable, Some(_), _) if key => {
            " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin".into()
        }
        (Flavor::Portable, Some(_), _) => " CHARACTER SET utf8mb4".into(),
        (_, None, _) => String::new(),
    };
    format!("{ty}{charset} {null}")
}

/// `CREATE TABLE IF NOT EXISTS db.table (...)` for `unit`'s rows; an error when the unit
/// cannot be given a table (a key-less unit with a column named [`ROW_COLUMN`]).
pub fn create_table(
    unit: &TableSchema,
    db: &str,
    table: &str,
    flavor: Flavor,
) -> Result<String, String> {
    let keyless = unit.key.is_empty();
    if keyless
        && unit
            .columns
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(ROW_COLUMN))
    {
        return Err(format!(
            "{}: a table without a key gets a hidden column {ROW_COLUMN} at a MySQL target, and this one has a column of that name",
            unit.unit()
        ));
    }
    if unit.columns.is_empty() {
        return Err(format!(
            "{}: no columns to create a table with",
            unit.unit()
        ));
    }
    let lens = key_lengths(unit);
    let mut defs = vec![];
    if keyless {
        defs.push(format!("{} {ROW_COLUMN_DECL}", q(ROW_COLUMN)));
    }
    for (i, c) in unit.columns.iter().enumerate() {
        defs.push(format!(
            "{} {}",
            q(&c.name),
            column_decl(unit, i, flavor, lens)
        ));
    }
    let key = if keyless {
        q(ROW_COLUMN)
    } else {
        unit.key
            .iter()
            .map(|i| q(&unit.columns[*i].name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    defs.push(format!("PRIMARY KEY ({key})"));
    Ok(format!(
        "CREATE TABLE IF NOT EXISTS {}.{} (\n  {}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
        q(db),
        q(table),
        defs.join(",\n  ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::model::schema::SqlColumn;
    use crate::sync::model::value::Charset;

    fn unit(columns: Vec<Column>, key: Vec<usize>) -> TableSchema {
        TableSchema {
            db: "d".into(),
            table: "t".into(),
            columns,
            key,
            time: TimePrecision::Ms,
            index: None,
        }
    }

    fn sql(c: &str, nullable: bool, cs: Option<(&str, &str)>) -> Option<SqlColumn> {
        Some(SqlColumn {
            column_type: c.into(),
            nullable,
            charset: cs.map(|x| x.0.to_string()),
            collation: cs.map(|x| x.1.to_string()),
        })
    }

    #[test]
    fn exact_declarations_are_kept() {
        let mut id = Column::new("id", ColType::Int, Charset::Utf8);
        id.sql = sql("int(11)", false, None);
        let mut name = Column::new("name", ColType::Text, Charset::from_name("latin1"));
        name.sql = sql("varchar(20)", true, Some(("latin1", "latin1_swedish_ci")));
        let mut js = Column::new("js", ColType::Json, Charset::Utf8);
        js.sql = sql("longtext", true, Some(("utf8mb4", "utf8mb4_bin")));
        let u = unit(vec![id, name, js], vec![0]);
        let ddl = create_table(&u, "x", "y", Flavor::Exact).unwrap();
        assert!(ddl.contains("`id` int(11) NOT NULL"), "{ddl}");
        assert!(
            ddl.contains("`name` varchar(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL"),
            "{ddl}"
        );
        assert!(ddl.contains("`js` JSON NULL"), "{ddl}");
        assert!(ddl.contains("PRIMARY KEY (`id`)"), "{ddl}");
        let ddl = create_table(&u, "x", "y", Flavor::Portable).unwrap();
        assert!(
            ddl.contains("`name` varchar(20) CHARACTER SET utf8mb4 NULL"),
            "{ddl}"
        );
    }

    #[test]
    fn mapped_types_bound_text_keys_and_keyless_units_get_a_row_column() {
        let u = unit(
            vec![
                Column::new("_id", ColType::Text, Charset::Utf8),
                Column::new("n", ColType::BigInt, Charset::Utf8),
                Column::new("body", ColType::Json, Charset::Utf8),
                Column::new("at", ColType::DateTime, Charset::Utf8),
            ],
            vec![0],
        );
        let ddl = create_table(&u, "x", "y", Flavor::Exact).unwrap();
        assert!(
            ddl.contains("`_id` VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL"),
            "{ddl}"
        );
        assert!(ddl.contains("`n` BIGINT NULL"), "{ddl}");
        assert!(ddl.contains("`at` DATETIME(3) NULL"), "{ddl}");
        let two = unit(
            vec![
                Column::new("a", ColType::Text, Charset::Utf8),
                Column::new("b", ColType::Text, Charset::Utf8),
            ],
            vec![0, 1],
        );
        assert_eq!(key_lengths(&two), (375, 1500));
        let keyless = unit(vec![Column::new("a", ColType::Text, Charset::Utf8)], vec![]);
        let ddl = create_table(&keyless, "x", "y", Flavor::Exact).unwrap();
        assert!(ddl.contains("PRIMARY KEY (`_shark_row`)"), "{ddl}");
        let clash = unit(
            vec![Column::new("_shark_row", ColType::Text, Charset::Utf8)],
            vec![],
        );
        assert!(create_table(&clash, "x", "y", Flavor::Exact).is_err());
    }

    #[test]
    fn derived_names_fit_in_64_characters() {
        assert_eq!(shadow_name("t"), "t__shark_shadow");
        let long = "x".repeat(60);
        let s = shadow_name(&long);
        assert_eq!(s.len(), 64);
        assert_ne!(s, shadow_name(&"x".repeat(61)));
        assert!(retired_name(&long).ends_with("__shark_old"));
    }
}
