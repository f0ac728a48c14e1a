//! The row images of one binlog rows event, decoded with a column layout worked out once per
//! event. `mysql_common`'s own row iterator re-reads the TABLE_MAP's optional metadata and
//! builds a `Column` (names, schema and table copied) for every value of every row; a CDC
//! stream spent about a tenth of its time there. The values themselves are still decoded by
//! `mysql_common` (`BinlogValue`), with the same type, metadata and signedness it would use;
//! partial JSON updates (MySQL's PARTIAL_UPDATE_ROWS_EVENT) go through its iterator as before.

use crate::sync::model::doc::ImageCol;
use crate::sync::model::value::Charset;
use mysql_async::Value;
use mysql_async::binlog::events::{OptionalMetaExtractor, RowsEventData, TableMapEvent};
use mysql_async::binlog::value::BinlogValue;
use mysql_async::consts::ColumnType;
use mysql_common::io::ParseBuf;

/// What decoding one column needs, for every column of the table (in table order).
struct ColumnSpec<'a> {
    ty: ColumnType,
    meta: &'a [u8],
    unsigned: bool,
    image: ImageCol,
}

/// The columns of one image kind (before or after) of a rows event: those its bitmap marks.
pub struct Layout<'a> {
    cols: Vec<&'a ColumnSpec<'a>>,
}

impl Layout<'_> {
    /// Names and charsets of the image's columns, in image order.
    pub fn image_cols(&self) -> Vec<ImageCol> {
        self.cols.iter().map(|c| c.image.clone()).collect()
    }
}

/// Every column of the table a TABLE_MAP describes, as `mysql_common` reads them: numeric
/// columns take the next signedness bit, character columns the next charset, ENUM/SET the
/// next ENUM/SET charset, every column the next name (`@N` when the server logs none).
pub struct Columns<'a> {
    specs: Vec<ColumnSpec<'a>>,
}

impl<'a> Columns<'a> {
    pub fn of(tme: &'a TableMapEvent<'a>, num_columns: u64) -> std::io::Result<Columns<'a>> {
        let meta = OptionalMetaExtractor::new(tme.iter_optional_meta())?;
        let mut signedness = meta.iter_signedness();
        let mut charsets = meta.iter_charset();
        let mut enum_charsets = meta.iter_enum_and_set_charset();
        let mut names = meta.iter_column_name();
        let mut specs = Vec::with_capacity(num_columns as usize);
        for i in 0..num_columns as usize {
            let ty = match tme.get_column_type(i) {
                Ok(Some(ty)) => ty,
                Ok(None) => return Err(invalid(format!("no type for column {i}"))),
                Err(e) => return Err(invalid(e.to_string())),
            };
            let unsigned = ty.is_numeric_type() && signedness.next().unwrap_or(false);
            let charset: u16 = if ty.is_character_type() {
                charsets.next().transpose()?.unwrap_or_default()
            } else if ty.is_enum_or_set_type() {
                enum_charsets.next().transpose()?.unwrap_or_default()
            } else {
                0
            };
            let name = match names.next().transpose()? {
                Some(n) => String::from_utf8_lossy(n.name_raw()).into_owned(),
                None => format!("@{i}"),
            };
            specs.push(ColumnSpec {
                ty,
                meta: tme.get_column_metadata(i).unwrap_or(&[]),
                unsigned,
                image: ImageCol {
                    name,
                    charset: Charset::from_collation_id(charset),
                },
            });
        }
        Ok(Columns { specs })
    }

    /// The columns an image bitmap marks.
    fn layout(&self, present: Option<Vec<bool>>) -> Option<Layout<'_>> {
        let present = present?;
        Some(Layout {
            cols: self
                .specs
                .iter()
                .enumerate()
                .filter(|(i, _)| present.get(*i).copied().unwrap_or(false))
                .map(|(_, c)| c)
                .collect(),
        })
    }
}

fn invalid(msg: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, msg)
}

/// One row image: its values in image order (JSON columns as their JSON text).
fn row<'b>(layout: &Layout<'b>, buf: &mut ParseBuf<'b>) -> Result<Vec<Value>, String> {
    let n = layout.cols.len();
    let nulls: &[u8] = buf
        .checked_eat(n.div_ceil(8))
        .ok_or("the row image ends inside its NULL bitmap")?;
    let mut out = Vec::with_capacity(n);
    for (i, c) in layout.cols.iter().enumerate() {
        if nulls[i / 8] & (1 << (i % 8)) != 0 {
            out.push(Value::NULL);
            continue;
        }
        let v: BinlogValue<'b> = buf
            .parse((c.ty, c.meta, c.unsigned, false))
            .map_err(|e| format!("column {}: {e}", c.image.name))?;
        out.push(value_of(v)?);
    }
    Ok(out)
}

/// A binlog value as a driver value: JSON (binary in the binlog) as its JSON text.
pub fn value_of(b: BinlogValue<'_>) -> Result<Value, String> {
    match b {
        BinlogValue::Value(v) => Ok(v),
        BinlogValue::Jsonb(j) => {
            let dom = j.parse().map_err(|e| format!("JSON column: {e}"))?;
            Ok(Value::Bytes(serde_json::Value::from(dom).to_string().into_bytes()))
        }
        BinlogValue::JsonDiff(_) => Err("partial JSON updates in the binlog are not supported: set binlog_row_value_options='' on the source".into()),
    }
}

/// One row of a rows event: its before and after images (values with their columns' names).
pub struct RowImages {
    pub before: Option<Vec<Value>>,
    pub after: Option<Vec<Value>>,
}

/// The rows of one event, with the columns of each image kind the event has (for the plan that
/// maps them to fields).
pub struct Decoded {
    pub rows: Vec<RowImages>,
    pub before: Option<Vec<ImageCol>>,
    pub after: Option<Vec<ImageCol>>,
}

/// The images of every row of `rows`. A partial-update event is decoded by `mysql_common`'s
/// iterator.
pub fn decode_rows(tme: &TableMapEvent<'_>, rows: &RowsEventData<'_>) -> Result<Decoded, String> {
    if let RowsEventData::PartialUpdateRowsEvent(_) = rows {
        return partial(tme, rows);
    }
    let cols = Columns::of(tme, rows.num_columns()).map_err(|e| format!("table map: {e}"))?;
    let bits = |b: &mysql_async::binlog::events::RowsEventData<'_>, after: bool| {
        let image = if after {
            b.columns_after_image()
        } else {
            b.columns_before_image()
        };
        image.map(|bits| bits.iter().map(|b| *b).collect::<Vec<bool>>())
    };
    let before = cols.layout(bits(rows, false));
    let after = cols.layout(bits(rows, true));
    let mut buf = ParseBuf(rows.rows_data());
    let mut out = vec![];
    while !buf.is_empty() {
        let n = out.len();
        let b = match &before {
            Some(l) => Some(row(l, &mut buf).map_err(|e| format!("row {n}: {e}"))?),
            None => None,
        };
        let a = match &after {
            Some(l) => Some(row(l, &mut buf).map_err(|e| format!("row {n}: {e}"))?),
            None => None,
        };
        out.push(RowImages {
            before: b,
            after: a,
        });
    }
    Ok(Decoded {
        rows: out,
        before: before.map(|l| l.image_cols()),
        after: after.map(|l| l.image_cols()),
    })
}

/// MySQL's partial JSON updates: `mysql_common`'s iterator (its JSON diff needs the shared
/// image it reads); such an event is refused by [`value_of`] anyway, with the setting to change.
fn partial(tme: &TableMapEvent<'_>, rows: &RowsEventData<'_>) -> Result<Decoded, String> {
    let mut out = vec![];
    let (mut bc, mut ac) = (None, None);
    let cols_of = |r: &mysql_async::binlog::row::BinlogRow| -> Vec<ImageCol> {
        r.columns_ref()
            .iter()
            .map(|c| ImageCol {
                name: c.name_str().into_owned(),
                charset: Charset::from_collation_id(c.character_set()),
            })
            .collect()
    };
    for (n, r) in rows.rows(tme).enumerate() {
        let (b, a) = r.map_err(|e| format!("row {n}: {e}"))?;
        let values = |r: mysql_async::binlog::row::BinlogRow,
                      cols: &mut Option<Vec<ImageCol>>|
         -> Result<Vec<Value>, String> {
            if cols.is_none() {
                *cols = Some(cols_of(&r));
            }
            r.unwrap().into_iter().map(value_of).collect()
        };
        let before = b.map(|r| values(r, &mut bc)).transpose()?;
        let after = a.map(|r| values(r, &mut ac)).transpose()?;
        out.push(RowImages { before, after });
    }
    Ok(Decoded {
        rows: out,
        before: bc,
        after: ac,
    })
}
