//! A MySQL target table as the sink writes and reads it: its columns and key as the target's
//! information_schema declares them (so rows of a table shark did not create, or created in an
//! earlier run, convert by what the table really holds), which document field each column
//! takes its value from, the SQL tuple of a row, key values of an `_id`, and rows read back as
//! the documents the source produced.

use super::ddl::ROW_COLUMN;
use super::literal::literal;
use crate::sync::model::doc::{META_FIELDS, doc_id};
use crate::sync::model::schema::{TableSchema, q};
use crate::sync::model::value::{Mapping, Origin, map_value};
use mongodb::bson::{Bson, Document};
use mysql_async::Value;

/// A target table: its schema as loaded from the target and where the key-less row id is.
#[derive(Debug)]
pub struct TargetTable {
    /// The target's declaration (columns with types, `sql` set; `key` = its primary key).
    pub schema: TableSchema,
    /// Index of [`ROW_COLUMN`] when the table holds a key-less unit.
    pub row_col: Option<usize>,
    /// The data columns (all but [`ROW_COLUMN`]) and the document field of each.
    pub fields: Vec<(usize, String)>,
}

impl TargetTable {
    pub fn new(schema: TableSchema) -> TargetTable {
        let row_col = schema
            .columns
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(ROW_COLUMN))
            .filter(|i| schema.key == [*i]);
        let fields = (0..schema.columns.len())
            .filter(|i| Some(*i) != row_col)
            .map(|i| (i, schema.field_name(i).to_string()))
            .collect();
        TargetTable {
            schema,
            row_col,
            fields,
        }
    }

    /// `db`.`table`, quoted.
    pub fn qualified(&self) -> String {
        format!("{}.{}", q(&self.schema.db), q(&self.schema.table))
    }

    /// The columns a row's tuple lists, in order: the row id first for a key-less table.
    pub fn insert_columns(&self) -> Vec<usize> {
        self.row_col
            .into_iter()
            .chain(self.fields.iter().map(|(i, _)| *i))
            .collect()
    }

    /// `INSERT INTO t (cols) VALUES ` and ` ON DUPLICATE KEY UPDATE c = VALUES(c), ...`.
    pub fn upsert_parts(&self) -> (String, String) {
        let cols = self.insert_columns();
        let names: Vec<String> = cols
            .iter()
            .map(|i| q(&self.schema.columns[*i].name))
            .collect();
        let prefix = format!(
            "INSERT INTO {} ({}) VALUES ",
            self.qualified(),
            names.join(", ")
        );
        let mut set: Vec<String> = cols
            .iter()
            .filter(|i| !self.schema.key.contains(i))
            .map(|i| {
                let n = q(&self.schema.columns[*i].name);
                format!("{n} = VALUES({n})")
            })
            .collect();
        if set.is_empty() {
            // every column is a key column: nothing to update, the row is there
            set = names.iter().take(1).map(|n| format!("{n} = {n}")).collect();
        }
        (
            prefix,
            format!(" ON DUPLICATE KEY UPDATE {}", set.join(", ")),
        )
    }

    /// The `(v1, v2, ...)` tuple of a row document (its `_id` is the row id of a key-less
    /// table); an error when a value does not fit its column or a field has no column.
    pub fn tuple(&self, doc: &Document) -> Result<String, String> {
        // one buffer per row (the copy's hot path: no per-value joins)
        let mut out = String::with_capacity(16 * (self.fields.len() + 1));
        out.push('(');
        if self.row_col.is_some() {
            match doc.get("_id") {
                Some(Bson::String(id)) => out.push_str(&super::ddl::quote(id)),
                other => {
                    return Err(format!(
                        "a row of a table without a key needs a string _id h:<hash>:<n>, not {other:?}"
                    ));
                }
            }
        }
        let mut found = 0;
        for (n, (i, field)) in self.fields.iter().enumerate() {
            let v = match doc.get(field) {
                Some(v) => {
                    found += 1;
                    v
                }
                None => &Bson::Null,
            };
            if n > 0 || self.row_col.is_some() {
                out.push_str(", ");
            }
            let col = &self.schema.columns[*i];
            out.push_str(&literal(col, v).map_err(|e| self.refused(field, &e))?);
        }
        // a field without a column: only looked for when the counts say there is one
        let meta = META_FIELDS.iter().filter(|m| doc.contains_key(**m)).count();
        if doc.len() > found + meta
            && let Some(extra) = doc.keys().find(|k| {
                !META_FIELDS.contains(&k.as_str()) && !self.fields.iter().any(|(_, f)| f == *k)
            })
        {
            let e = format!(
                "it has no column in {}.{}",
                self.schema.db, self.schema.table
            );
            return Err(self.refused(extra, &e));
        }
        out.push(')');
        Ok(out)
    }

    /// Why a row's `field` does not fit; for the table of an index (keyed by the document
    /// `_id`, its columns derived from a mapping and sampled documents) with the flag that
    /// changes the column.
    fn refused(&self, field: &str, e: &str) -> String {
        let from_index =
            matches!(self.schema.key.as_slice(), [k] if self.schema.columns[*k].name == "_id");
        if from_index {
            format!(
                "field {field}: {e}; give it a column that holds it with `--column-type {}:{field}=json` (or `types` in --fields-file), then `sync reset`",
                self.schema.table
            )
        } else {
            format!("field {field}: {e}")
        }
    }

    /// `WHERE` condition selecting the row of key `id` (`doc_id`'s form: the key value, or a
    /// document of the key fields for a composite key).
    pub fn key_condition(&self, id: &Bson) -> Result<String, String> {
        let mut parts = vec![];
        for k in &self.schema.key {
            let c = &self.schema.columns[*k];
            let v = match (self.schema.key.len(), id) {
                (1, v) => v,
                (_, Bson::Document(d)) => d.get(self.schema.field_name(*k)).ok_or_else(|| {
                    format!("key {id} has no field {}", self.schema.field_name(*k))
                })?,
                _ => return Err(format!("key {id} is not a document of the key's columns")),
            };
            let lit = if Some(*k) == self.row_col {
                match v {
                    Bson::String(s) => super::ddl::quote(s),
                    other => return Err(format!("row id {other} is not a string")),
                }
            } else {
                literal(c, v)?
            };
            parts.push(format!("{} = {lit}", q(&c.name)));
        }
        if parts.is_empty() {
            return Err(format!(
                "{}.{} has no primary key to delete by",
                self.schema.db, self.schema.table
            ));
        }
        Ok(format!("({})", parts.join(" AND ")))
    }

    /// `SELECT data columns [, row id]` of the whole table, for [`Self::read_back`].
    pub fn select_all(&self) -> String {
        let cols: Vec<String> = self
            .fields
            .iter()
            .map(|(i, _)| *i)
            .chain(self.row_col)
            .map(|i| q(&self.schema.columns[i].name))
            .collect();
        format!("SELECT {} FROM {}", cols.join(", "), self.qualified())
    }

    /// A row of [`Self::select_all`] as the document the source produced for it: each value
    /// mapped as the copy maps it (`value.rs`, `Origin::Query`) by the type `unit` gives its
    /// column (the target's own type for a column `unit` does not have), `_id` from the key
    /// (or the row id of a key-less table).
    pub fn read_back(&self, unit: &TableSchema, mut values: Vec<Value>) -> Document {
        let row_id = self.row_col.map(|_| values.pop().unwrap_or(Value::NULL));
        let mut d = Document::new();
        for ((i, field), v) in self.fields.iter().zip(values) {
            let tcol = &self.schema.columns[*i];
            let (field, ty, charset) = match unit.index_of(&tcol.name) {
                Some(ui) => (
                    unit.field_name(ui).to_string(),
                    &unit.columns[ui].ty,
                    unit.columns[ui].charset,
                ),
                None => (field.clone(), &tcol.ty, tcol.charset),
            };
            let m = Mapping {
                origin: Origin::Query,
                charset,
                time: unit.time,
            };
            d.insert(field, map_value(ty, v, m));
        }
        let id = match row_id {
            Some(Value::Bytes(b)) => Bson::String(String::from_utf8_lossy(&b).into_owned()),
            Some(_) => Bson::Null,
            None => doc_id(unit, &d),
        };
        d.insert("_id", id);
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::model::schema::{ColType, Column, SqlColumn};
    use crate::sync::model::value::Charset;
    use mongodb::bson::doc;

    fn column(name: &str, ty: ColType, ct: &str) -> Column {
        let mut c = Column::new(name, ty, Charset::Utf8);
        c.sql = Some(SqlColumn {
            column_type: ct.into(),
            nullable: true,
            charset: None,
            collation: None,
        });
        c
    }

    fn table(columns: Vec<Column>, key: Vec<usize>) -> TargetTable {
        TargetTable::new(TableSchema {
            db: "d".into(),
            table: "t".into(),
            columns,
            key,
            time: Default::default(),
            index: None,
        })
    }

    #[test]
    fn rows_become_tuples_and_keys_conditions() {
        let t = table(
            vec![
                column("a", ColType::Int, "int"),
                column("b", ColType::Text, "varchar(5)"),
                column("_id", ColType::Int, "int"),
            ],
            vec![0, 1],
        );
        assert_eq!(
            t.tuple(&doc! {"_id": {"a": 1, "b": "x"}, "a": 1, "b": "x", "_id_": 3})
                .unwrap(),
            "(1, 'x', 3)"
        );
        assert!(t.tuple(&doc! {"a": 1, "zz": 2}).unwrap_err().contains("zz"));
        assert_eq!(
            t.key_condition(&Bson::Document(doc! {"b": "x", "a": 1}))
                .unwrap(),
            "(`a` = 1 AND `b` = 'x')"
        );
        let (prefix, suffix) = t.upsert_parts();
        assert_eq!(prefix, "INSERT INTO `d`.`t` (`a`, `b`, `_id`) VALUES ");
        assert_eq!(suffix, " ON DUPLICATE KEY UPDATE `_id` = VALUES(`_id`)");
    }

    #[test]
    fn keyless_tables_key_by_row_id() {
        let t = table(
            vec![
                column(ROW_COLUMN, ColType::Text, "varchar(80)"),
                column("v", ColType::Int, "int"),
            ],
            vec![0],
        );
        assert_eq!(t.row_col, Some(0));
        assert_eq!(t.fields, vec![(1, "v".to_string())]);
        assert_eq!(
            t.tuple(&doc! {"_id": "h:ab:0", "v": 1}).unwrap(),
            "('h:ab:0', 1)"
        );
        assert_eq!(
            t.key_condition(&Bson::String("h:ab:1".into())).unwrap(),
            "(`_shark_row` = 'h:ab:1')"
        );
        assert_eq!(t.select_all(), "SELECT `v`, `_shark_row` FROM `d`.`t`");
    }
}
