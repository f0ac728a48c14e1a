//! The binlog side: server settings required for CDC, binlog coordinates and their order,
//! purged-file detection before streaming, row events decoded into [`Change`]s (v1 and v2
//! events; names from `binlog_row_metadata=FULL`, else from the schema), and DDL recognition.

use super::gtid::{GtidSet, ServerInfo};
use super::row_images;
use crate::conn::Connection;
use crate::sync::error::{SyncError, source_err};
use crate::sync::model::change::{Change, Op};
use crate::sync::model::doc::{ImageCol, RowPlan, doc_id};
use crate::sync::model::schema::TableSchema;
use crate::sync::model::value::Origin;
use mysql_async::binlog::events::RowsEventData;
use mysql_async::prelude::Queryable;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A binlog coordinate (end of an event): file and offset on one server, and at transaction
/// boundaries the GTID position there (MariaDB), which means the same on every server of a
/// replication topology (what a task resumes by on another server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pos {
    /// Read back through [`clean_file_name`]: checkpoints of older versions may hold a name
    /// followed by a Rotate event's checksum bytes.
    #[serde(deserialize_with = "file_name")]
    pub file: String,
    pub pos: u64,
    /// The GTID position after the transaction ending here (`@@gtid_binlog_pos` form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtid: Option<GtidSet>,
    /// `@@server_id` of the server whose binlog `file` and `pos` are of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_id: Option<u32>,
    /// `HOST:PORT` of that server, as the connection names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

impl Pos {
    /// A file and offset, of no known server or GTID position.
    pub fn new(file: impl Into<String>, pos: u64) -> Pos {
        Pos {
            file: file.into(),
            pos,
            gtid: None,
            server_id: None,
            host: None,
        }
    }

    /// This position is at or past `target`: by file and offset on one server, by GTID
    /// position across two servers (when both are known).
    pub fn reached(&self, target: &Pos) -> bool {
        match (self.server_id, target.server_id, &self.gtid, &target.gtid) {
            (Some(a), Some(b), Some(g), Some(t)) if a != b => g.covers(t),
            _ => self >= target,
        }
    }

    fn seq(&self) -> u64 {
        self.file
            .rsplit('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }
}

fn file_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = String::deserialize(d)?;
    Ok(clean_file_name(raw.as_bytes()))
}

impl PartialOrd for Pos {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Pos {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.seq(), self.pos).cmp(&(other.seq(), other.pos))
    }
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.pos)
    }
}

/// A binlog file name from a Rotate event. MariaDB's first (fake) Rotate carries the 4 checksum
/// bytes after the name, and they may be anything — a `.` or digits included. Binlog names end in
/// `.` and 6 or more digits: the name without the last 4 bytes is taken when it has that shape,
/// else the whole name when it has it, else the name up to the last `.` + digits inside it,
/// else everything up to the first byte that is not printable.
pub fn clean_file_name(raw: &[u8]) -> String {
    fn shaped(s: &[u8]) -> bool {
        let Some(dot) = s.iter().rposition(|&b| b == b'.') else {
            return false;
        };
        let ext = &s[dot + 1..];
        dot > 0
            && ext.len() >= 6
            && ext.iter().all(u8::is_ascii_digit)
            && s[..dot].iter().all(u8::is_ascii_graphic)
    }
    let name = match raw.len().checked_sub(4).map(|n| &raw[..n]) {
        Some(without_checksum) if shaped(without_checksum) => without_checksum,
        _ if shaped(raw) => raw,
        _ => {
            // a `.` and 6+ digits inside: the name ends after those digits
            let digits_after = |dot: usize| {
                raw[dot + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count()
            };
            let end = (0..raw.len())
                .rev()
                .filter(|&i| raw[i] == b'.')
                .map(|i| (i, digits_after(i)))
                .find(|&(_, n)| n >= 6)
                .map(|(i, n)| i + 1 + n)
                .unwrap_or_else(|| {
                    raw.iter()
                        .position(|b| !b.is_ascii_graphic())
                        .unwrap_or(raw.len())
                });
            &raw[..end]
        }
    };
    String::from_utf8_lossy(name).into_owned()
}

/// Check that the source writes a usable binlog; the message says how to fix it.
pub async fn check_settings(conn: &Connection, c: &mut mysql_async::Conn) -> Result<(), SyncError> {
    let row: mysql_async::Row = c
        .query_first("SELECT @@log_bin, @@binlog_format, @@binlog_row_image")
        .await
        .map_err(|e| source_err(conn, e))?
        .ok_or_else(|| SyncError::source(&conn.name, "no answer to SELECT @@log_bin"))?;
    let t = |i| crate::conn::probe::mysql::text(&row, i).unwrap_or_default();
    let (log_bin, format, image) = (t(0), t(1), t(2));
    let mut bad = vec![];
    if log_bin != "1" && !log_bin.eq_ignore_ascii_case("on") {
        bad.push(
            "log_bin is OFF (add `log-bin` and a unique `server-id` to my.cnf and restart)"
                .to_string(),
        );
    }
    if !format.eq_ignore_ascii_case("ROW") {
        bad.push(format!(
            "binlog_format is {format} (set `binlog_format = ROW`)"
        ));
    }
    if !image.eq_ignore_ascii_case("FULL") {
        bad.push(format!(
            "binlog_row_image is {image} (set `binlog_row_image = FULL`)"
        ));
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(SyncError::SourceConfig(format!(
            "{}: the source cannot feed CDC: {}; `shark conn test {}` shows every check",
            conn.name,
            bad.join("; "),
            conn.name
        )))
    }
}

/// What a server says about itself (id, role, GTID state) before a task reads from it.
pub async fn server_info(
    conn: &Connection,
    c: &mut mysql_async::Conn,
) -> Result<ServerInfo, SyncError> {
    let row: mysql_async::Row = c
        .query_first("SELECT @@server_id, @@read_only, @@log_slave_updates, @@version")
        .await
        .map_err(|e| source_err(conn, e))?
        .ok_or_else(|| SyncError::source(&conn.name, "no answer to SELECT @@server_id"))?;
    let t = |i| crate::conn::probe::mysql::text(&row, i).unwrap_or_default();
    let mariadb = t(3).to_ascii_lowercase().contains("mariadb");
    let gtid_binlog_pos = if mariadb {
        let pos: Option<String> = c
            .query_first("SELECT @@gtid_binlog_pos")
            .await
            .map_err(|e| source_err(conn, e))?;
        Some(
            pos.unwrap_or_default()
                .parse()
                .map_err(|e| SyncError::source(&conn.name, format!("@@gtid_binlog_pos: {e}")))?,
        )
    } else {
        None
    };
    Ok(ServerInfo {
        server_id: t(0).parse().unwrap_or(0),
        read_only: t(1) != "0",
        log_slave_updates: t(2) == "1",
        mariadb,
        gtid_binlog_pos,
    })
}

/// The GTID position at binlog coordinate `file:pos` of a MariaDB server (None where the
/// server cannot tell: not MariaDB, or a file it no longer has).
pub async fn gtid_at(
    conn: &Connection,
    c: &mut mysql_async::Conn,
    file: &str,
    pos: u64,
) -> Result<Option<GtidSet>, SyncError> {
    let text: Option<Option<String>> = c
        .exec_first("SELECT BINLOG_GTID_POS(?, ?)", (file, pos))
        .await
        .map_err(|e| source_err(conn, e))?;
    Ok(text.flatten().and_then(|t| t.parse().ok()))
}

/// The GTID position at the start of a MariaDB server's oldest binlog (its GTID list event):
/// what it no longer holds.
pub async fn oldest_gtid(
    conn: &Connection,
    c: &mut mysql_async::Conn,
) -> Result<GtidSet, SyncError> {
    let files: Vec<mysql_async::Row> = c
        .query("SHOW BINARY LOGS")
        .await
        .map_err(|e| source_err(conn, e))?;
    let Some(first) = files
        .first()
        .and_then(|r| crate::conn::probe::mysql::text(r, 0))
    else {
        return Ok(GtidSet::default());
    };
    let events: Vec<mysql_async::Row> = c
        .query(format!(
            "SHOW BINLOG EVENTS IN '{}' LIMIT 4",
            first.replace(['\\', '\''], "")
        ))
        .await
        .map_err(|e| source_err(conn, e))?;
    for e in &events {
        let t = |i| crate::conn::probe::mysql::text(e, i).unwrap_or_default();
        if t(2).eq_ignore_ascii_case("Gtid_list") {
            return t(5)
                .parse()
                .map_err(|e| SyncError::source(&conn.name, format!("Gtid_list of {first}: {e}")));
        }
    }
    Ok(GtidSet::default())
}

/// The position the source is writing at now, with its GTID position and server.
pub async fn master_pos(conn: &Connection, c: &mut mysql_async::Conn) -> Result<Pos, SyncError> {
    let mut p = master_file_pos(conn, c).await?;
    let info = server_info(conn, c).await?;
    p.server_id = Some(info.server_id);
    p.host = Some(conn.host());
    if info.mariadb {
        p.gtid = gtid_at(conn, c, &p.file, p.pos).await?;
    }
    Ok(p)
}

/// `SHOW MASTER STATUS`: the file and offset the source is writing at now.
async fn master_file_pos(conn: &Connection, c: &mut mysql_async::Conn) -> Result<Pos, SyncError> {
    let row: mysql_async::Row = c
        .query_first("SHOW MASTER STATUS")
        .await
        .map_err(|e| source_err(conn, e))?
        .ok_or_else(|| {
            SyncError::SourceConfig(format!(
                "{}: SHOW MASTER STATUS is empty: binary logging is off",
                conn.name
            ))
        })?;
    let text = |i| crate::conn::probe::mysql::text(&row, i);
    match (text(0), text(1).and_then(|p| p.parse().ok())) {
        (Some(file), Some(pos)) if !file.is_empty() => Ok(Pos::new(file, pos)),
        (file, _) => Err(SyncError::source(
            &conn.name,
            format!(
                "SHOW MASTER STATUS gave no usable position (file {file:?}, position {:?})",
                text(1)
            ),
        )),
    }
}

/// Refuse to stream from a file the server no longer has (instead of waiting in silence).
pub async fn check_not_purged(
    task: &str,
    conn: &Connection,
    c: &mut mysql_async::Conn,
    from: &Pos,
) -> Result<(), SyncError> {
    let rows: Vec<mysql_async::Row> = c
        .query("SHOW BINARY LOGS")
        .await
        .map_err(|e| source_err(conn, e))?;
    let files: Vec<(String, u64)> = rows
        .iter()
        .filter_map(|r| {
            let name = crate::conn::probe::mysql::text(r, 0)?;
            let size = crate::conn::probe::mysql::text(r, 1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(u64::MAX);
            Some((name, size))
        })
        .collect();
    match files.iter().find(|(f, _)| *f == from.file) {
        Some((_, size)) if from.pos <= *size => Ok(()),
        Some((_, size)) => Err(SyncError::source(
            &conn.name,
            format!(
                "checkpoint {from} is past the end of the file ({size} bytes): was the source restored or replaced? run `shark sync reset {task}`"
            ),
        )),
        None => Err(SyncError::BinlogPurged {
            task: task.to_string(),
            file: from.file.clone(),
            oldest: files
                .first()
                .map(|f| f.0.clone())
                .unwrap_or_else(|| "none".into()),
        }),
    }
}

/// How an image kind's values become a document: columns by their FULL-metadata names (by
/// position when the server logs none), text decoded by the charset the TABLE_MAP gives (else
/// the schema's), else in the schema's column order.
fn plan_of(schema: &TableSchema, cols: Vec<ImageCol>) -> RowPlan {
    if !cols.is_empty() && cols.iter().all(|c| !c.name.is_empty()) {
        RowPlan::of_image(schema, &cols)
    } else {
        RowPlan::of_schema(schema)
    }
}

/// Decode a rows event into changes for `schema`'s table.
pub fn decode(
    schema: &TableSchema,
    tme: &mysql_async::binlog::events::TableMapEvent<'_>,
    rows: &RowsEventData<'_>,
    file: &str,
    pos: u64,
    ts: u32,
) -> Result<Vec<Change>, String> {
    let op = match rows {
        RowsEventData::WriteRowsEvent(_) | RowsEventData::WriteRowsEventV1(_) => Op::Insert,
        RowsEventData::DeleteRowsEvent(_) | RowsEventData::DeleteRowsEventV1(_) => Op::Delete,
        _ => Op::Update,
    };
    let images = row_images::decode_rows(tme, rows)?;
    let mut out = Vec::with_capacity(images.rows.len());
    // every row of one event has the same columns: one plan per image kind
    let before_plan = images.before.map(|c| plan_of(schema, c));
    let after_plan = images.after.map(|c| plan_of(schema, c));
    // of a table with a key, a before image only gives the key (of the row deleted or updated)
    let keyed = !schema.key.is_empty();
    for (n, r) in images.rows.into_iter().enumerate() {
        // an image is there exactly when the event has that image kind (and so its plan)
        let before = r.before.zip(before_plan.as_ref()).map(|(b, p)| {
            if keyed {
                p.key_doc(schema, b, Origin::Binlog)
            } else {
                p.doc(schema, b, Origin::Binlog)
            }
        });
        let after = r
            .after
            .zip(after_plan.as_ref())
            .map(|(a, p)| p.doc(schema, a, Origin::Binlog));
        let (id, old_id, doc) = match op {
            Op::Delete => {
                let b = before.ok_or("delete without a before image")?;
                (doc_id(schema, &b), None, None)
            }
            Op::Insert => {
                let a = after.ok_or("insert without an after image")?;
                (doc_id(schema, &a), None, Some(a))
            }
            Op::Update => {
                let a = after.ok_or("update without an after image")?;
                let old = before.map(|b| doc_id(schema, &b));
                (doc_id(schema, &a), old, Some(a))
            }
        };
        out.push(Change {
            db: schema.db.clone(),
            table: schema.table.clone(),
            op,
            id,
            keyless: schema.key.is_empty(),
            old_id,
            doc,
            file: file.to_string(),
            pos,
            row: n as u32,
            ts,
        });
    }
    Ok(out)
}

/// What a DDL statement does to which table (`db` is the statement's default schema).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ddl {
    Create(String, String),
    Alter(String, String),
    Drop(Vec<(String, String)>),
    Truncate(String, String),
    Rename(Vec<((String, String), (String, String))>),
    Other,
}

/// One identifier at the start of `s` (after blanks): `` `quoted` `` (a doubled backtick is one
/// backtick) or bare; the rest of `s` after it.
fn take_ident(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    if let Some(body) = s.strip_prefix('`') {
        let mut out = String::new();
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '`' {
                out.push(c);
            } else if body[i + 1..].starts_with('`') {
                out.push('`');
                chars.next();
            } else {
                return Some((out, &body[i + 1..]));
            }
        }
        None
    } else {
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(s.len());
        (end > 0).then(|| (s[..end].to_string(), &s[end..]))
    }
}

/// A table name, `t` or `db.t` (each part bare or backticked), at the start of `s`: the
/// (database, table) and the rest of `s`.
fn take_name<'a>(s: &'a str, default_db: &str) -> Option<((String, String), &'a str)> {
    let (first, rest) = take_ident(s)?;
    match rest.trim_start().strip_prefix('.') {
        Some(after) => {
            let (second, rest) = take_ident(after)?;
            Some(((first, second), rest))
        }
        None => Some(((default_db.to_string(), first), rest)),
    }
}

/// Names separated by commas (DROP TABLE a, b.c ...).
fn name_list(mut s: &str, default_db: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    while let Some((n, rest)) = take_name(s, default_db) {
        out.push(n);
        match rest.trim_start().strip_prefix(',') {
            Some(r) => s = r,
            None => break,
        }
    }
    out
}

/// Pairs `a TO b, c TO d` (RENAME TABLE).
fn rename_list(mut s: &str, default_db: &str) -> Vec<((String, String), (String, String))> {
    let mut out = vec![];
    while let Some((from, rest)) = take_name(s, default_db) {
        let rest = rest.trim_start();
        let Some(rest) = rest
            .get(..2)
            .filter(|w| w.eq_ignore_ascii_case("to"))
            .filter(|_| !rest[2..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            .map(|_| &rest[2..])
        else {
            break;
        };
        let Some((to, rest)) = take_name(rest, default_db) else {
            break;
        };
        out.push((from, to));
        match rest.trim_start().strip_prefix(',') {
            Some(r) => s = r,
            None => break,
        }
    }
    out
}

/// The new name of `ALTER TABLE t ..., RENAME [TO|AS] new` (not RENAME COLUMN/INDEX/KEY).
fn alter_rename(clauses: &str, default_db: &str) -> Option<(String, String)> {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?i)(?:^|,)\s*RENAME\s+(?:(?:TO|AS)\s+)?").expect("valid regex")
    });
    re.find_iter(clauses).find_map(|m| {
        let rest = &clauses[m.end()..];
        let bare_word = take_ident(rest)
            .filter(|_| !rest.trim_start().starts_with('`'))
            .map(|(w, _)| w.to_ascii_uppercase());
        if matches!(bare_word.as_deref(), Some("COLUMN" | "INDEX" | "KEY")) {
            return None;
        }
        take_name(rest, default_db).map(|(n, _)| n)
    })
}

/// Recognise the DDL that matters for sync: CREATE/ALTER/DROP/RENAME TABLE and TRUNCATE
/// [TABLE], with names bare, backticked (`` `a``b` ``) or qualified (`db.t`).
pub fn parse_ddl(sql: &str, default_db: &str) -> Ddl {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?is)^\s*(?:/\*.*?\*/\s*)*(?:(CREATE|ALTER|DROP|RENAME)\s+(?:ONLINE\s+|IGNORE\s+|TEMPORARY\s+|OR\s+REPLACE\s+)*TABLES?|(TRUNCATE)(?:\s+TABLE)?)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(.*)$",
        )
        .expect("valid regex")
    });
    let Some(c) = re.captures(sql) else {
        return Ddl::Other;
    };
    let verb = c
        .get(1)
        .or(c.get(2))
        .map(|m| m.as_str().to_ascii_uppercase())
        .unwrap_or_default();
    let rest = c.get(3).map(|m| m.as_str()).unwrap_or("");
    let Some((first, after)) = take_name(rest, default_db) else {
        return Ddl::Other;
    };
    match verb.as_str() {
        "CREATE" => Ddl::Create(first.0, first.1),
        "ALTER" => match alter_rename(after, default_db) {
            Some(to) => Ddl::Rename(vec![(first, to)]),
            None => Ddl::Alter(first.0, first.1),
        },
        "TRUNCATE" => Ddl::Truncate(first.0, first.1),
        "DROP" => Ddl::Drop(name_list(rest, default_db)),
        "RENAME" => Ddl::Rename(rename_list(rest, default_db)),
        _ => Ddl::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_order_across_files() {
        let a = Pos::new("binlog.000002", 900);
        let b = Pos::new("binlog.000003", 4);
        assert!(a < b);
        assert!(b.reached(&a) && !a.reached(&b));
        // across two servers, by GTID position: file and offset mean nothing there
        let on = |p: &Pos, id, gtid: &str| Pos {
            server_id: Some(id),
            gtid: Some(gtid.parse().unwrap()),
            ..p.clone()
        };
        assert!(!on(&b, 11, "0-11-5").reached(&on(&a, 12, "0-12-6")));
        assert!(on(&a, 11, "0-12-6").reached(&on(&b, 12, "0-12-6")));
        // a checkpoint of an older build reads, without GTID or server
        let old: Pos =
            serde_json::from_value(serde_json::json!({"file": "b.000001", "pos": 4})).unwrap();
        assert_eq!(old, Pos::new("b.000001", 4));
        assert_eq!(
            serde_json::to_value(&old).unwrap(),
            serde_json::json!({"file": "b.000001", "pos": 4})
        );
        assert_eq!(
            clean_file_name(b"mariadb-bin.000002\x01\x02\x03\x04"),
            "mariadb-bin.000002"
        );
        assert_eq!(clean_file_name(b"binlog.000012ab12"), "binlog.000012");
        // checksums holding a '.' (seen: a run following "binlog.000003<." for ever) or digits
        assert_eq!(clean_file_name(b"binlog.000003<.\x9a\x07"), "binlog.000003");
        assert_eq!(
            clean_file_name(b"binlog.000003.\xff\x00\x01"),
            "binlog.000003"
        );
        assert_eq!(clean_file_name(b"binlog.0000037\x01.9"), "binlog.000003");
        assert_eq!(clean_file_name(b"binlog.00000312.4"), "binlog.000003");
        // no checksum: the name as it is, 7 digits included
        assert_eq!(clean_file_name(b"binlog.000003"), "binlog.000003");
        assert_eq!(clean_file_name(b"db.log.1000000"), "db.log.1000000");
        // a name saved with a checksum's bytes by an older shark
        assert_eq!(clean_file_name(b"binlog.000003<."), "binlog.000003");
        let p: Pos = serde_json::from_str(r#"{"file":"binlog.000003<.","pos":6167014}"#).unwrap();
        assert_eq!(p.file, "binlog.000003");
    }

    #[test]
    fn ddl() {
        assert_eq!(
            parse_ddl("ALTER TABLE `shop`.`orders` ADD COLUMN note TEXT", "x"),
            Ddl::Alter("shop".into(), "orders".into())
        );
        assert_eq!(
            parse_ddl("alter online table orders rename column a to b", "shop"),
            Ddl::Alter("shop".into(), "orders".into())
        );
        assert_eq!(
            parse_ddl("CREATE TABLE IF NOT EXISTS t2 (id int primary key)", "shop"),
            Ddl::Create("shop".into(), "t2".into())
        );
        assert_eq!(
            parse_ddl("DROP TABLE `a`, b.c /* generated by server */", "d"),
            Ddl::Drop(vec![("d".into(), "a".into()), ("b".into(), "c".into())])
        );
        assert_eq!(
            parse_ddl("TRUNCATE TABLE t", "d"),
            Ddl::Truncate("d".into(), "t".into())
        );
        assert_eq!(
            parse_ddl("RENAME TABLE a TO b, d2.x TO d2.y", "d"),
            Ddl::Rename(vec![
                (("d".into(), "a".into()), ("d".into(), "b".into())),
                (("d2".into(), "x".into()), ("d2".into(), "y".into()))
            ])
        );
        assert_eq!(parse_ddl("BEGIN", "d"), Ddl::Other);
        assert_eq!(
            parse_ddl("truncate t", "d"),
            Ddl::Truncate("d".into(), "t".into())
        );
        assert_eq!(
            parse_ddl("TRUNCATE `we``ird`.`t.x`", "d"),
            Ddl::Truncate("we`ird".into(), "t.x".into())
        );
        assert_eq!(
            parse_ddl("/* c */ TRUNCATE TABLE db2 . t2", "d"),
            Ddl::Truncate("db2".into(), "t2".into())
        );
        assert_eq!(
            parse_ddl("ALTER TABLE `a``b` ADD c INT", "d"),
            Ddl::Alter("d".into(), "a`b".into())
        );
        assert_eq!(
            parse_ddl("CREATE TABLE `x, y`(id int)", "d"),
            Ddl::Create("d".into(), "x, y".into())
        );
        assert_eq!(
            parse_ddl(
                "DROP TABLE IF EXISTS `a,b`, `c``d`.e, f /* generated by server */",
                "d"
            ),
            Ddl::Drop(vec![
                ("d".into(), "a,b".into()),
                ("c`d".into(), "e".into()),
                ("d".into(), "f".into())
            ])
        );
        assert_eq!(
            parse_ddl("RENAME TABLE `a to b` TO `c`, x.y to x.z", "d"),
            Ddl::Rename(vec![
                (("d".into(), "a to b".into()), ("d".into(), "c".into())),
                (("x".into(), "y".into()), ("x".into(), "z".into()))
            ])
        );
        assert_eq!(
            parse_ddl("ALTER TABLE a ADD x INT, RENAME TO `b``c`", "d"),
            Ddl::Rename(vec![(("d".into(), "a".into()), ("d".into(), "b`c".into()))])
        );
        assert_eq!(
            parse_ddl("ALTER TABLE a RENAME d2.b", "d"),
            Ddl::Rename(vec![(("d".into(), "a".into()), ("d2".into(), "b".into()))])
        );
        assert_eq!(
            parse_ddl(
                "ALTER TABLE a RENAME COLUMN x TO y, RENAME INDEX i TO j",
                "d"
            ),
            Ddl::Alter("d".into(), "a".into())
        );
        assert_eq!(parse_ddl("TRUNCATE", "d"), Ddl::Other);
        assert_eq!(parse_ddl("DROP DATABASE x", "d"), Ddl::Other);
        assert_eq!(parse_ddl("INSERT INTO t VALUES (1)", "d"), Ddl::Other);
    }
}
