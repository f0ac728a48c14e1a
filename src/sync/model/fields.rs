//! Field mapping of a task: per unit (or `*` for every unit), keep only some fields
//! (`include`), drop some (`exclude`), rename some (`rename`, applied after include/exclude and
//! naming source fields), and, for Elasticsearch sources, set the column type of some
//! (`types`, applied by the source to the unit's schema: see `sync::source::es_sample`). Applied to rows of the full copy, to changes, to the target schema a
//! sink creates, and to the source side of `verify`, so all four agree. Key fields can be
//! renamed but not dropped (the target's key is built from them).

use crate::sync::model::schema::{ColType, TableSchema};
use mongodb::bson::Document;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The mapping of one unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitFields {
    /// Only these source fields (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Not these source fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Source field → target field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rename: BTreeMap<String, String>,
    /// Elasticsearch sources: source field → column type (see [`COLUMN_TYPES`]), over what the
    /// mapping and the sampled documents say (`--column-type`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub types: BTreeMap<String, String>,
}

/// The column types `--column-type` (and `types` in `--fields-file`) name.
pub const COLUMN_TYPES: &[&str] = &[
    "json", "text", "int", "bigint", "double", "decimal", "bool", "date", "datetime", "binary",
];

/// The column type a `--column-type` name stands for.
pub fn column_type(name: &str) -> Option<ColType> {
    Some(match name.to_ascii_lowercase().as_str() {
        "json" => ColType::Json,
        "text" => ColType::Text,
        "int" => ColType::Int,
        "bigint" => ColType::BigInt,
        "double" => ColType::Float,
        "decimal" => ColType::Decimal,
        "bool" => ColType::Bool,
        "date" => ColType::Date,
        "datetime" => ColType::DateTime,
        "binary" => ColType::Binary,
        _ => return None,
    })
}

impl UnitFields {
    fn is_empty(&self) -> bool {
        self.include.is_empty()
            && self.exclude.is_empty()
            && self.rename.is_empty()
            && self.types.is_empty()
    }

    fn keeps(&self, field: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|f| f == field))
            && !self.exclude.iter().any(|f| f == field)
    }

    fn name<'a>(&'a self, field: &'a str) -> &'a str {
        self.rename.get(field).map_or(field, String::as_str)
    }
}

/// Every unit's mapping, by unit name (`db.table`, an index name) or `*`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldMap(pub BTreeMap<String, UnitFields>);

impl FieldMap {
    pub fn is_empty(&self) -> bool {
        self.0.values().all(UnitFields::is_empty)
    }

    /// The mapping of `unit`: its own entry, else `*`.
    fn of(&self, unit: &str) -> Option<&UnitFields> {
        self.0
            .get(unit)
            .or_else(|| self.0.get("*"))
            .filter(|f| !f.is_empty())
    }

    /// The column types set for `unit`'s fields: `*`'s, then the unit's own over them.
    pub fn types(&self, unit: &str) -> BTreeMap<String, ColType> {
        let mut out = BTreeMap::new();
        for u in ["*", unit] {
            if let Some(f) = self.0.get(u) {
                for (k, v) in &f.types {
                    if let Some(t) = column_type(v) {
                        out.insert(k.clone(), t);
                    }
                }
            }
        }
        out
    }

    /// Refuse unknown column type names (a `--fields-file` is read without [`FieldMap::add`]).
    pub fn check(&self) -> Result<(), String> {
        for (unit, f) in &self.0 {
            for (field, ty) in &f.types {
                if column_type(ty).is_none() {
                    return Err(format!(
                        "{unit}: field {field}: unknown column type '{ty}' (one of {})",
                        COLUMN_TYPES.join(", ")
                    ));
                }
            }
        }
        Ok(())
    }

    /// A row (or change image) as the target is to hold it (`_id` is kept as it is).
    pub fn apply(&self, unit: &str, doc: Document) -> Document {
        let Some(f) = self.of(unit) else {
            return doc;
        };
        let mut out = Document::new();
        for (k, v) in doc {
            if k == "_id" {
                out.insert(k, v);
            } else if f.keeps(&k) {
                out.insert(f.name(&k).to_string(), v);
            }
        }
        out
    }

    /// The schema the target is to have: kept columns, renamed. Fails when a key column would
    /// be dropped or two fields would get the same name.
    pub fn schema(&self, s: &TableSchema) -> Result<TableSchema, String> {
        let Some(f) = self.of(&s.unit()) else {
            return Ok(s.clone());
        };
        let mut out = s.clone();
        out.columns.clear();
        out.key.clear();
        for (i, c) in s.columns.iter().enumerate() {
            let field = s.field_name(i);
            let is_key = s.key.contains(&i);
            if !f.keeps(field) {
                if is_key {
                    return Err(format!(
                        "{}: key field {field} cannot be excluded (rename it instead)",
                        s.unit()
                    ));
                }
                continue;
            }
            let mut c = c.clone();
            c.name = f.name(field).to_string();
            if out.columns.iter().any(|o| o.name == c.name) {
                return Err(format!(
                    "{}: two fields would be named {} after renaming",
                    s.unit(),
                    c.name
                ));
            }
            out.columns.push(c);
        }
        // the key in the source's key order
        for k in &s.key {
            let name = f.name(s.field_name(*k));
            if let Some(j) = out.columns.iter().position(|c| c.name == name) {
                out.key.push(j);
            }
        }
        // a carried index definition: its top-level fields kept and renamed the same way
        if let Some(def) = &mut out.index {
            let m = &mut def.mappings;
            let props = match m.get("properties") {
                Some(_) => m.get_mut("properties"),
                // ES 6: under the type name
                None => m
                    .as_object_mut()
                    .and_then(|o| o.values_mut().find(|t| t.get("properties").is_some()))
                    .and_then(|t| t.get_mut("properties")),
            };
            if let Some(serde_json::Value::Object(p)) = props {
                *p = std::mem::take(p)
                    .into_iter()
                    .filter(|(k, _)| f.keeps(k))
                    .map(|(k, v)| (f.name(&k).to_string(), v))
                    .collect();
            }
        }
        Ok(out)
    }

    /// Parse `unit:field=new,...`-style CLI values: `--rename`, `--include`, `--exclude` each
    /// take `UNIT:SPEC` where UNIT may be `*`.
    pub fn add(&mut self, kind: FieldOp, value: &str) -> Result<(), String> {
        let (unit, rest) = value
            .rsplit_once(':')
            .ok_or_else(|| format!("{}: expected UNIT:{}", kind.flag(), kind.example()))?;
        if unit.is_empty() || rest.is_empty() {
            return Err(format!("{}: expected UNIT:{}", kind.flag(), kind.example()));
        }
        let entry = self.0.entry(unit.to_string()).or_default();
        for part in rest.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match kind {
                FieldOp::Include => entry.include.push(part.to_string()),
                FieldOp::Exclude => entry.exclude.push(part.to_string()),
                FieldOp::Rename => {
                    let (from, to) = part.split_once('=').ok_or_else(|| {
                        format!("--rename {value}: expected UNIT:old=new[,old=new]")
                    })?;
                    if from.is_empty() || to.is_empty() || to == "_id" {
                        return Err(format!(
                            "--rename {value}: both names are needed and `_id` is reserved"
                        ));
                    }
                    entry.rename.insert(from.to_string(), to.to_string());
                }
                FieldOp::Type => {
                    let (field, ty) = part
                        .split_once('=')
                        .filter(|(f, t)| !f.is_empty() && column_type(t).is_some())
                        .ok_or_else(|| {
                            format!(
                                "--column-type {value}: expected UNIT:field=TYPE[,field=TYPE], TYPE one of {}",
                                COLUMN_TYPES.join(", ")
                            )
                        })?;
                    entry
                        .types
                        .insert(field.to_string(), ty.to_ascii_lowercase());
                }
            }
        }
        Ok(())
    }
}

/// Which list a CLI value adds to.
#[derive(Debug, Clone, Copy)]
pub enum FieldOp {
    Include,
    Exclude,
    Rename,
    Type,
}

impl FieldOp {
    fn flag(self) -> &'static str {
        match self {
            FieldOp::Include => "--include",
            FieldOp::Exclude => "--exclude",
            FieldOp::Rename => "--rename",
            FieldOp::Type => "--column-type",
        }
    }
    fn example(self) -> &'static str {
        match self {
            FieldOp::Include => "field[,field]",
            FieldOp::Exclude => "field[,field]",
            FieldOp::Rename => "old=new[,old=new]",
            FieldOp::Type => "field=TYPE[,field=TYPE]",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::model::schema::{ColType, Column};
    use crate::sync::model::value::{Charset, TimePrecision};
    use mongodb::bson::doc;

    fn schema() -> TableSchema {
        let col = |n: &str| Column::new(n, ColType::Text, Charset::Utf8);
        TableSchema {
            db: "shop".into(),
            table: "users".into(),
            columns: vec![col("id"), col("name"), col("secret"), col("email")],
            key: vec![0],
            time: TimePrecision::Ms,
            index: None,
        }
    }

    #[test]
    fn include_exclude_rename() {
        let mut m = FieldMap::default();
        m.add(FieldOp::Exclude, "shop.users:secret").unwrap();
        m.add(FieldOp::Rename, "shop.users:name=full_name,id=user_id")
            .unwrap();
        let d = m.apply(
            "shop.users",
            doc! {"_id": 1, "id": 1, "name": "a", "secret": "x", "email": "e"},
        );
        assert_eq!(
            d,
            doc! {"_id": 1, "user_id": 1, "full_name": "a", "email": "e"}
        );
        let s = m.schema(&schema()).unwrap();
        let names: Vec<_> = s.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["user_id", "full_name", "email"]);
        assert_eq!(s.key, vec![0]);
        // other units untouched
        assert_eq!(m.apply("shop.x", doc! {"secret": 1}), doc! {"secret": 1});
    }

    #[test]
    fn key_cannot_be_dropped_and_names_stay_unique() {
        let mut m = FieldMap::default();
        m.add(FieldOp::Include, "*:name").unwrap();
        assert!(m.schema(&schema()).unwrap_err().contains("key field id"));
        let mut m = FieldMap::default();
        m.add(FieldOp::Rename, "*:name=email").unwrap();
        assert!(m.schema(&schema()).unwrap_err().contains("two fields"));
        assert!(FieldMap::default().add(FieldOp::Rename, "x:a").is_err());
        assert!(FieldMap::default().add(FieldOp::Include, "nounit").is_err());
    }

    #[test]
    fn a_carried_index_definition_is_renamed_like_the_columns() {
        let mut s = schema();
        s.index = Some(crate::sync::model::schema::IndexDef {
            mappings: serde_json::json!({"dynamic": false, "properties": {
                "name": {"type": "keyword"}, "secret": {"type": "keyword"}, "n": {"type": "long"}
            }}),
            settings: serde_json::json!({}),
        });
        let mut m = FieldMap::default();
        m.add(FieldOp::Exclude, "*:secret").unwrap();
        m.add(FieldOp::Rename, "*:name=label").unwrap();
        let out = m.schema(&s).unwrap();
        assert_eq!(
            out.index.unwrap().mappings,
            serde_json::json!({"dynamic": false, "properties": {
                "label": {"type": "keyword"}, "n": {"type": "long"}
            }})
        );
    }
}
