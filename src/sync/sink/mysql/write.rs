//! Statements of the MySQL sink inside one transaction: multi-row upserts cut by bytes (below
//! `max_allowed_packet`) and by rows, and deletes by key. A statement the server refuses for a
//! value of one of its rows (too long, out of range, not a valid value, NULL into NOT NULL...)
//! is split in halves until that row is alone: it is rejected and every other row is written
//! (InnoDB rolls back only the failed statement, the transaction goes on).

use crate::sync::sink::Rejected;
use mongodb::bson::Bson;
use mysql_async::prelude::Queryable;

/// One row ready for an upsert: its key (for a rejection) and its `(v1, v2, ...)` tuple.
pub struct Row {
    pub id: Bson,
    pub tuple: String,
}

/// How large statements may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A statement of several rows stays below this many bytes.
    pub stmt_bytes: usize,
    /// The largest statement the server takes (`max_allowed_packet`, less a margin).
    pub max_stmt_bytes: usize,
}

impl Limits {
    /// Limits for a server's `max_allowed_packet`: statements of several rows up to 8 MiB or
    /// half the packet, a single row up to the packet less 1 KiB.
    pub fn for_packet(max_allowed_packet: usize) -> Limits {
        Limits {
            stmt_bytes: (8 << 20).min(max_allowed_packet / 2).max(1024),
            max_stmt_bytes: max_allowed_packet.saturating_sub(1024).max(1024),
        }
    }
}

/// Rows (or key conditions) per statement, at most.
const MAX_ROWS: usize = 1000;

/// MySQL/MariaDB errors about a value of the statement's rows, not about the statement or the
/// connection.
const ROW_ERRORS: &[u16] = &[
    1048, // column cannot be null
    1264, // out of range value
    1265, // data truncated
    1292, // incorrect date/time/number value
    1366, // incorrect integer/decimal/string value
    1367, // illegal value
    1406, // data too long
    1416, // cannot get geometry object from data
    1452, // foreign key constraint fails
    1690, // value out of range (BIGINT arithmetic)
    3140, // invalid JSON text (MySQL)
    3819, // check constraint violated (MySQL)
    4025, // CHECK constraint failed (MariaDB: JSON validity)
];

/// The one-line server message of an error about a row's values; None for other errors.
pub fn row_error(e: &mysql_async::Error) -> Option<String> {
    match e {
        mysql_async::Error::Server(s) if ROW_ERRORS.contains(&s.code) => {
            Some(s.message.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        _ => None,
    }
}

/// Cut `items` (their byte sizes) into ranges of at most [`MAX_ROWS`] items and `limit` bytes
/// (a single item may be larger).
fn chunks(sizes: impl Iterator<Item = usize>, limit: usize) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let (mut start, mut bytes, mut n) = (0, 0, 0);
    for (i, len) in sizes.enumerate() {
        if n > 0 && (n >= MAX_ROWS || bytes + len + 2 > limit) {
            out.push((start, i));
            (start, bytes, n) = (i, 0, 0);
        }
        bytes += len + 2;
        n += 1;
    }
    if n > 0 {
        out.push((start, start + n));
    }
    out
}

/// Run `sql(range)` for every range of `chunks`; a range refused for a row's value is split
/// until the row is alone, and that row (`ids[i]`) is rejected.
async fn bisect<Q: Queryable>(
    q: &mut Q,
    chunks: Vec<(usize, usize)>,
    sql: impl Fn(usize, usize) -> String,
    ids: impl Fn(usize) -> Bson,
    rejected: &mut Vec<Rejected>,
) -> Result<(), mysql_async::Error> {
    let mut stack: Vec<(usize, usize)> = chunks.into_iter().rev().collect();
    while let Some((a, b)) = stack.pop() {
        let Err(e) = q.query_drop(sql(a, b)).await else {
            continue;
        };
        match row_error(&e) {
            Some(error) if b - a == 1 => rejected.push(Rejected { id: ids(a), error }),
            Some(_) => {
                let m = a + (b - a) / 2;
                stack.push((m, b));
                stack.push((a, m));
            }
            None => return Err(e),
        }
    }
    Ok(())
}

/// The statements [`upsert`] starts with for `rows` (before any split for a refused row), or
/// None when a row is too large for any statement (`upsert` rejects it).
pub fn upsert_statements(
    prefix: &str,
    suffix: &str,
    rows: &[Row],
    limits: Limits,
) -> Option<Vec<String>> {
    let fixed = prefix.len() + suffix.len();
    if rows
        .iter()
        .any(|r| r.tuple.len() + fixed > limits.max_stmt_bytes)
    {
        return None;
    }
    let ranges = chunks(
        rows.iter().map(|r| r.tuple.len()),
        limits.stmt_bytes.saturating_sub(fixed),
    );
    Some(
        ranges
            .into_iter()
            .map(|(a, b)| upsert_sql(prefix, suffix, rows[a..b].iter()))
            .collect(),
    )
}

/// One multi-row upsert.
fn upsert_sql<'r>(prefix: &str, suffix: &str, rows: impl Iterator<Item = &'r Row>) -> String {
    let body: Vec<&str> = rows.map(|r| r.tuple.as_str()).collect();
    format!("{prefix}{}{suffix}", body.join(",\n"))
}

/// The statements [`delete`] starts with for `conds`.
pub fn delete_statements(table: &str, conds: &[(Bson, String)], limits: Limits) -> Vec<String> {
    chunks(conds.iter().map(|c| c.1.len() + 2), limits.stmt_bytes)
        .into_iter()
        .map(|(a, b)| delete_sql(table, &conds[a..b]))
        .collect()
}

fn delete_sql(table: &str, conds: &[(Bson, String)]) -> String {
    let or: Vec<&str> = conds.iter().map(|c| c.1.as_str()).collect();
    format!("DELETE FROM {table} WHERE {}", or.join(" OR "))
}

/// Upsert `rows` with `prefix` (`INSERT INTO t (cols) VALUES `) and `suffix` (`ON DUPLICATE
/// KEY UPDATE ...`); rows the server refuses, or too large for any statement, are rejected.
pub async fn upsert<Q: Queryable>(
    q: &mut Q,
    prefix: &str,
    suffix: &str,
    rows: &[Row],
    limits: Limits,
    rejected: &mut Vec<Rejected>,
) -> Result<(), mysql_async::Error> {
    let fixed = prefix.len() + suffix.len();
    let (rows, too_big): (Vec<&Row>, Vec<&Row>) = rows
        .iter()
        .partition(|r| r.tuple.len() + fixed <= limits.max_stmt_bytes);
    for r in too_big {
        rejected.push(Rejected {
            id: r.id.clone(),
            error: format!(
                "the row is {} bytes as an INSERT, over the target's max_allowed_packet ({} bytes with the margin); raise max_allowed_packet on the target",
                r.tuple.len() + fixed,
                limits.max_stmt_bytes
            ),
        });
    }
    let ranges = chunks(
        rows.iter().map(|r| r.tuple.len()),
        limits.stmt_bytes.saturating_sub(fixed),
    );
    let sql = |a: usize, b: usize| upsert_sql(prefix, suffix, rows[a..b].iter().copied());
    bisect(q, ranges, sql, |i| rows[i].id.clone(), rejected).await
}

/// Delete the rows matching `conds` (one `(k = v AND ...)` per row) from `table`.
pub async fn delete<Q: Queryable>(
    q: &mut Q,
    table: &str,
    conds: &[(Bson, String)],
    limits: Limits,
    rejected: &mut Vec<Rejected>,
) -> Result<(), mysql_async::Error> {
    let ranges = chunks(conds.iter().map(|c| c.1.len() + 2), limits.stmt_bytes);
    let sql = |a: usize, b: usize| delete_sql(table, &conds[a..b]);
    bisect(q, ranges, sql, |i| conds[i].0.clone(), rejected).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_respect_bytes_and_rows() {
        assert_eq!(chunks([10, 10, 10].into_iter(), 25), vec![(0, 2), (2, 3)]);
        assert_eq!(chunks([100, 1].into_iter(), 25), vec![(0, 1), (1, 2)]);
        assert_eq!(chunks(std::iter::empty(), 25), vec![]);
        let many = chunks(std::iter::repeat_n(1, 2500), usize::MAX);
        assert_eq!(many, vec![(0, 1000), (1000, 2000), (2000, 2500)]);
        let l = Limits::for_packet(16 << 20);
        assert_eq!(
            (l.stmt_bytes, l.max_stmt_bytes),
            (8 << 20, (16 << 20) - 1024)
        );
    }

    #[test]
    fn statements_are_the_chunks_upsert_and_delete_start_with() {
        let row = |n: i32| Row {
            id: Bson::Int32(n),
            tuple: format!("({n})"),
        };
        let rows: Vec<Row> = (0..1500).map(row).collect();
        let l = Limits::for_packet(16 << 20);
        let s = upsert_statements(
            "INSERT INTO t (a) VALUES ",
            " ON DUPLICATE KEY UPDATE a = a",
            &rows,
            l,
        )
        .unwrap();
        assert_eq!(s.len(), 2);
        assert!(s[0].starts_with("INSERT INTO t (a) VALUES (0),\n(1),"));
        assert!(s[0].ends_with("(999) ON DUPLICATE KEY UPDATE a = a"));
        assert!(s[1].starts_with("INSERT INTO t (a) VALUES (1000),"));
        // a row too large for any statement: no multi-statement text (upsert rejects it)
        let tiny = Limits {
            stmt_bytes: 64,
            max_stmt_bytes: 20,
        };
        assert!(upsert_statements("INSERT INTO t (a) VALUES ", "", &rows[..2], tiny).is_none());
        let conds = vec![
            (Bson::Int32(1), "(`a` = 1)".to_string()),
            (Bson::Int32(2), "(`a` = 2)".to_string()),
        ];
        assert_eq!(
            delete_statements("t", &conds, l),
            vec!["DELETE FROM t WHERE (`a` = 1) OR (`a` = 2)".to_string()]
        );
    }

    #[test]
    fn row_errors_are_told_by_code() {
        let e = |code| {
            mysql_async::Error::Server(mysql_async::ServerError {
                code,
                message: "Data too long for column 'a'\n at row 3".into(),
                state: "22001".into(),
            })
        };
        assert_eq!(
            row_error(&e(1406)).as_deref(),
            Some("Data too long for column 'a' at row 3")
        );
        assert_eq!(row_error(&e(1064)), None);
    }
}
