//! The MySQL sink of `shark sync` against the real MariaDB pair of tests/infra (source:
//! `SHARK_T_MYSQL_PORT`, target: `SHARK_T_MYSQL_TARGET_PORT`), through the library API: a
//! table's schema and rows are read as the full copy reads them, written with `MySqlSink`, read
//! back with `scan` and compared document by document (every MySQL type's edge values, both time
//! precisions, composite and key-less tables), changes applied in order, rejected rows, the
//! shadow swap of a re-copy, truncation, and a table created from mapped types (an ES-like unit).

mod common;
use common::{Lock, infra, lock_servers, mysql_root, mysql_run, unique_name};
use mongodb::bson::{Bson, Document, doc};
use mysql_async::prelude::Queryable;
use shark::sync::model::change::{Change, Op};
use shark::sync::model::doc::{canonical, digest, doc_id};
use shark::sync::model::schema::{ColType, Column, TableSchema};
use shark::sync::model::value::{Charset, TimePrecision};
use shark::sync::sink::mysql::MySqlSink;
use shark::sync::sink::{Begin, KeylessTarget, Sink, Target};
use std::collections::BTreeMap;

fn connection(name: &str, port_key: &str) -> shark::conn::Connection {
    shark::conn::Connection {
        name: name.into(),
        kind: shark::conn::Kind::Mysql,
        url: format!("mysql://127.0.0.1:{}/", infra().get(port_key)),
        user: Some("shark".into()),
        options: Default::default(),
        secret: Some(shark::conn::Secret::new("shark")),
        has_secret: true,
        origin: shark::conn::Origin::State,
    }
}

fn source() -> shark::conn::Connection {
    connection("src", "SHARK_T_MYSQL_PORT")
}

fn target_conn() -> shark::conn::Connection {
    connection("dst", "SHARK_T_MYSQL_TARGET_PORT")
}

async fn src_sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_PORT", stmts).await
}

async fn dst_sql(stmts: &[&str]) {
    mysql_run("SHARK_T_MYSQL_TARGET_PORT", stmts).await
}

async fn dst_query(sql: &str) -> Vec<String> {
    let mut c = mysql_root("SHARK_T_MYSQL_TARGET_PORT").await;
    let rows: Vec<Option<String>> = c.query(sql).await.unwrap();
    c.disconnect().await.unwrap();
    rows.into_iter().map(|r| r.unwrap_or_default()).collect()
}

/// A fresh database `db` on both servers.
async fn fresh(db: &str) {
    let stmts = [
        format!("DROP DATABASE IF EXISTS {db}"),
        format!("CREATE DATABASE {db}"),
    ];
    let s: Vec<&str> = stmts.iter().map(String::as_str).collect();
    src_sql(&s).await;
    dst_sql(&s[..1]).await;
}

async fn schema(db: &str, table: &str, time: TimePrecision) -> TableSchema {
    let mut c = shark::sync::source::connect(&source()).await.unwrap();
    let s = shark::sync::model::schema::load(&mut c, db, table, time)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{db}.{table} has no schema"));
    c.disconnect().await.unwrap();
    s
}

/// Every row of the source table as the full copy reads it.
async fn read_all(schema: &TableSchema) -> Vec<Document> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(10_000);
    shark::sync::source::copy::read(&source(), schema, None, 7, 1 << 20, tx, &|| false)
        .await
        .unwrap();
    let mut out = vec![];
    while let Some(b) = rx.recv().await {
        out.extend(b.unwrap().docs);
    }
    out
}

async fn scan(sink: &MySqlSink, unit: &TableSchema, t: &Target) -> Vec<Document> {
    let mut out = vec![];
    sink.scan(unit, t, &mut |d| out.push(d)).await.unwrap();
    out
}

/// Documents as a sorted list of their canonical texts (`_id` included).
fn canon(docs: &[Document]) -> Vec<String> {
    let mut v: Vec<String> = docs
        .iter()
        .map(|d| {
            let mut s = String::new();
            canonical(&Bson::Document(d.clone()), &mut s);
            s
        })
        .collect();
    v.sort();
    v
}

fn assert_same(got: &[Document], want: &[Document]) {
    assert_eq!(
        got.len(),
        want.len(),
        "row counts\ngot: {got:#?}\nwant: {want:#?}"
    );
    let (g, w) = (canon(got), canon(want));
    for (a, b) in g.iter().zip(&w) {
        assert_eq!(a, b, "a document differs");
    }
    // the digests verify compares agree too
    let digests = |d: &[Document]| {
        let mut v: Vec<[u8; 32]> = d.iter().map(digest).collect();
        v.sort();
        v
    };
    assert_eq!(digests(got), digests(want));
}

/// Copy `db.table` from the source into the target database `tdb` (fresh, dropped first).
async fn copy(sink: &MySqlSink, unit: &TableSchema, tdb: &str) -> (Target, Vec<Document>) {
    let rows = read_all(unit).await;
    let t = sink.target(tdb, &unit.table);
    let into = sink
        .begin_copy(unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    assert_eq!(into, t);
    let w = sink.write_rows(&into, rows.clone(), false).await.unwrap();
    assert!(w.rejected.is_empty(), "{:?}", w.rejected);
    sink.end_copy(&t, &into).await.unwrap();
    (t, rows)
}

const TYPES: &str = "CREATE TABLE {db}.types (
  id INT PRIMARY KEY, d65 DECIMAL(65,30), d12 DECIMAL(12,2) NOT NULL DEFAULT 0, ubig BIGINT UNSIGNED, big BIGINT,
  tiny TINYINT, utiny TINYINT UNSIGNED, small SMALLINT UNSIGNED, med MEDIUMINT, i INT,
  f FLOAT, dbl DOUBLE, dt6 DATETIME(6), dt DATETIME, dz DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',
  ts TIMESTAMP(3) NULL, dte DATE, tm TIME(6), yr YEAR,
  emoji VARCHAR(20) CHARACTER SET utf8mb4, lat VARCHAR(20) CHARACTER SET latin1, txt TEXT,
  js JSON, bl BLOB, vb VARBINARY(10), bn BINARY(4), bt BIT(10), b64 BIT(64),
  en ENUM('small','large'), st SET('a','b','c'), `_id` INT, nul VARCHAR(5)) CHARACTER SET utf8mb4";

const TYPE_ROWS: [&str; 4] = [
    "INSERT INTO {db}.types VALUES (1, '12345678901234567890123456789012345.123456789012345678901234567890', 1234567890.12,
     18446744073709551615, -9223372036854775808, -128, 255, 65535, -8388608, -2147483648,
     0.1, 1.7976931348623157e308, '2024-05-06 07:08:09.123456', '0000-00-00 00:00:00', '0000-00-00 00:00:00',
     '2024-05-06 07:08:09.123', '2024-02-29', '-838:59:59.000000', 0,
     '🦈 shark', 'café €', 'it''s a \\\\ back\\\\slash', '{\"k\": [1, 2.5, {\"z\": null}], \"s\": \"it''s\", \"big\": 18446744073709551615, \"u\": \"é🦈\"}',
     X'00FF27105C', X'0000', X'01000000', b'1000000001', b'1111111111111111111111111111111111111111111111111111111111111111',
     'large', 'a,c', 7, NULL)",
    "INSERT INTO {db}.types VALUES (2, '0.000000000000000000000000000000', -1.50,
     0, 9223372036854775807, 127, 0, 0, 8388607, 2147483647,
     -3.25, -2.2250738585072014e-308, '9999-12-31 23:59:59.999999', '1000-01-01 00:00:00', '2000-01-01 00:00:00',
     '1970-01-01 00:00:01.000', '1000-01-01', '838:59:59.999999', 2155,
     '', 'ÿ', CONCAT('a', CHAR(0), 'b'), '[]', X'', X'', X'00000000', b'0', b'0',
     'small', '', -1, 'x')",
    "INSERT INTO {db}.types (id, d12, dz) VALUES (3, 0, '0000-00-00 00:00:00')",
    "INSERT INTO {db}.types VALUES (4, '-99999999999999999999999999999999999.999999999999999999999999999999', 0.01,
     9223372036854775808, 0, 0, 1, 1, 0, 0,
     3.4e38, 0, '1970-01-01 00:00:00.000001', '2038-01-19 03:14:08', '1969-12-31 23:59:59',
     '2038-01-19 03:14:07.999', '9999-12-31', '00:00:00.000001', 1901,
     'ü', 'x', '', '\"just a string\"', NULL, NULL, X'FF', b'1', NULL,
     NULL, 'a,b,c', NULL, '')",
];

#[tokio::test(flavor = "multi_thread")]
async fn every_type_round_trips_mysql_to_mysql_in_both_time_precisions() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mysink_types");
    fresh(db).await;
    let mut stmts = vec![
        "SET SESSION sql_mode = ''".to_string(),
        TYPES.replace("{db}", db),
    ];
    stmts.extend(TYPE_ROWS.iter().map(|r| r.replace("{db}", db)));
    src_sql(&stmts.iter().map(String::as_str).collect::<Vec<_>>()).await;
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    for (time, tdb) in [
        (TimePrecision::Ms, format!("{db}_ms")),
        (TimePrecision::Us, format!("{db}_us")),
    ] {
        dst_sql(&[&format!("DROP DATABASE IF EXISTS {tdb}")]).await;
        let unit = schema(db, "types", time).await;
        let (t, rows) = copy(&sink, &unit, &tdb).await;
        assert_eq!(rows.len(), 4);
        let back = scan(&sink, &unit, &t).await;
        assert_same(&back, &rows);
        // spot checks of the mapping the comparison rests on
        let one = back
            .iter()
            .find(|d| d.get("_id") == Some(&Bson::Int32(1)))
            .unwrap();
        assert_eq!(one.get_str("lat").unwrap(), "café €");
        assert_eq!(one.get_i32("yr").unwrap(), 0, "YEAR 0000");
        assert_eq!(one.get_i32("_id_").unwrap(), 7, "a non-key _id column");
        assert_eq!(one.get_binary_generic("bn").unwrap(), &vec![1, 0, 0, 0]);
        assert_eq!(one.get_binary_generic("b64").unwrap(), &vec![0xff; 8]);
        assert_eq!(one.get("dz"), Some(&Bson::Null), "NOT NULL zero date");
        let dt6 = one.get("dt6").unwrap();
        match time {
            TimePrecision::Ms => assert!(matches!(dt6, Bson::DateTime(_)), "{dt6}"),
            TimePrecision::Us => assert_eq!(dt6, &Bson::Int64(1_714_979_289_123_456)),
        }
        // the target table has the source's declarations
        let ddl = dst_query(&format!(
            "SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE, ' ', IFNULL(CHARACTER_SET_NAME, '-'), ' ', IS_NULLABLE)
             FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{tdb}' AND TABLE_NAME = 'types' ORDER BY ORDINAL_POSITION"
        ))
        .await
        .join("; ");
        for want in [
            "d65 decimal(65,30)",
            "ubig bigint(20) unsigned",
            "dt6 datetime(6)",
            "dz datetime - NO",
            "lat varchar(20) latin1 YES",
            "bn binary(4)",
            "bt bit(10)",
            "en enum('small','large')",
            "st set('a','b','c')",
        ] {
            assert!(ddl.contains(want), "{want} in {ddl}");
        }
    }
    sink.close().await;
}

/// Changes for the rows of `after` (the source after its changes): `ops` are (op, id, old id).
fn changes(
    unit: &TableSchema,
    after: &[Document],
    ops: &[(Op, Bson, Option<Bson>)],
) -> Vec<Change> {
    let by_id: BTreeMap<String, &Document> = after
        .iter()
        .map(|d| {
            let mut k = String::new();
            canonical(d.get("_id").unwrap(), &mut k);
            (k, d)
        })
        .collect();
    ops.iter()
        .enumerate()
        .map(|(i, (op, id, old))| {
            let mut k = String::new();
            canonical(id, &mut k);
            let doc = (*op != Op::Delete).then(|| {
                let mut d = by_id[&k].clone();
                d.remove("_id");
                d
            });
            Change {
                db: unit.db.clone(),
                table: unit.table.clone(),
                op: *op,
                id: id.clone(),
                keyless: false,
                old_id: old.clone(),
                doc,
                file: "binlog.000001".into(),
                pos: 4 + i as u64,
                row: 0,
                ts: 0,
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn composite_keys_and_changes_applied_in_order() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mysink_apply");
    fresh(db).await;
    src_sql(&[
        &format!("CREATE TABLE {db}.c (a INT, b VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, v VARCHAR(20), PRIMARY KEY (a, b))"),
        &format!("INSERT INTO {db}.c VALUES (1, 'x', 'one'), (1, 'X', 'one upper'), (2, 'y', 'two'), (3, 'z', 'three')"),
    ])
    .await;
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    let tdb = format!("{db}_t");
    let unit = schema(db, "c", TimePrecision::Ms).await;
    assert_eq!(unit.key.len(), 2);
    let (t, rows) = copy(&sink, &unit, &tdb).await;
    assert_same(&scan(&sink, &unit, &t).await, &rows);
    // insert, update, delete, a key change, and an insert then delete of one key in one call
    src_sql(&[
        &format!("INSERT INTO {db}.c VALUES (4, 'w', 'four')"),
        &format!("UPDATE {db}.c SET v = 'two!' WHERE a = 2"),
        &format!("DELETE FROM {db}.c WHERE a = 1 AND b = 'x'"),
        &format!("UPDATE {db}.c SET a = 30 WHERE a = 3"),
    ])
    .await;
    let after = read_all(&unit).await;
    let id = |a: i32, b: &str| Bson::Document(doc! {"a": a, "b": b});
    let ops = vec![
        (Op::Insert, id(4, "w"), None),
        (Op::Update, id(2, "y"), None),
        (Op::Delete, id(1, "x"), None),
        (Op::Update, id(30, "z"), Some(id(3, "z"))),
    ];
    let mut list = changes(&unit, &after, &ops);
    // a row inserted and deleted within the batch: gone at the end
    let mut ghost = list[0].clone();
    ghost.id = id(9, "g");
    ghost.doc = Some(doc! {"a": 9, "b": "g", "v": "ghost"});
    let mut gone = ghost.clone();
    gone.op = Op::Delete;
    gone.doc = None;
    list.splice(0..0, [ghost, gone]);
    let target = |_: &str, _: &str| t.clone();
    let w = sink.apply(&target, &list).await.unwrap();
    assert!(w.rejected.is_empty(), "{:?}", w.rejected);
    assert_same(&scan(&sink, &unit, &t).await, &after);
    // applied again (a replay after a crash), nothing changes
    sink.apply(&target, &list).await.unwrap();
    assert_same(&scan(&sink, &unit, &t).await, &after);
    sink.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keyless_tables_keep_identical_rows_apart() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mysink_keyless");
    fresh(db).await;
    src_sql(&[
        &format!("CREATE TABLE {db}.k (v INT, s VARCHAR(10), `_id` INT)"),
        &format!("INSERT INTO {db}.k VALUES (1, 'a', 0), (1, 'a', 0), (1, 'a', 0), (2, 'b', NULL), (NULL, NULL, NULL)"),
    ])
    .await;
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    let tdb = format!("{db}_t");
    let unit = schema(db, "k", TimePrecision::Ms).await;
    assert!(unit.key.is_empty());
    let (t, rows) = copy(&sink, &unit, &tdb).await;
    assert_same(&scan(&sink, &unit, &t).await, &rows);
    let hash = |d: &Document| {
        let Bson::String(h) = doc_id(&unit, d) else {
            panic!("a key-less id is a string")
        };
        h
    };
    let triple = rows
        .iter()
        .find(|d| d.get("v") == Some(&Bson::Int32(1)))
        .unwrap();
    let single = rows
        .iter()
        .find(|d| d.get("v") == Some(&Bson::Int32(2)))
        .unwrap();
    let (h1, h2) = (hash(triple), hash(single));
    let present = sink.keyless_present(&t, &[&h1, &h2]).await.unwrap();
    assert_eq!(
        present[&h1].iter().copied().collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    assert_eq!(present[&h2].len(), 1);
    // two of the three identical rows deleted, the single one now twice, a new row
    let row = |d: &Document| {
        let mut d = d.clone();
        d.remove("_id");
        Some(d)
    };
    let new = doc! {"v": 5, "s": "new", "_id_": Bson::Null};
    let h3 = hash(&new);
    let mut present = sink.keyless_present(&t, &[&h1, &h2, &h3]).await.unwrap();
    let targets = vec![
        KeylessTarget {
            hash: h1.clone(),
            want: 1,
            row: None,
        },
        KeylessTarget {
            hash: h2.clone(),
            want: 2,
            row: row(single),
        },
        KeylessTarget {
            hash: h3.clone(),
            want: 1,
            row: Some(new.clone()),
        },
    ];
    sink.keyless_set(&t, &present, &targets).await.unwrap();
    // idempotent: once more with what is there now
    present = sink.keyless_present(&t, &[&h1, &h2, &h3]).await.unwrap();
    sink.keyless_set(&t, &present, &targets).await.unwrap();
    let present = sink.keyless_present(&t, &[&h1, &h2, &h3]).await.unwrap();
    let counts: Vec<usize> = [&h1, &h2, &h3].iter().map(|h| present[*h].len()).collect();
    assert_eq!(counts, vec![1, 2, 1]);
    let back = scan(&sink, &unit, &t).await;
    assert_eq!(back.len(), 5, "{back:#?}");
    assert!(back.iter().all(|d| !d.contains_key("_shark_row")));
    assert_eq!(
        back.iter()
            .filter(|d| d.get("v") == Some(&Bson::Int32(2)))
            .count(),
        2
    );
    sink.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rows_the_target_refuses_are_rejected_and_the_rest_written() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mysink_reject");
    fresh(db).await;
    src_sql(&[
        &format!("CREATE TABLE {db}.r (id INT PRIMARY KEY, s VARCHAR(20), n INT)"),
        &format!(
            "INSERT INTO {db}.r VALUES (1, 'short', 1), (2, 'much too long here', 2), (3, 'ok', 3), (4, 'x', 4), (5, 'also too long', 5)"
        ),
    ])
    .await;
    let tdb = format!("{db}_t");
    // the target table exists already, with a narrower column: it is kept
    dst_sql(&[
        &format!("CREATE DATABASE {tdb}"),
        &format!("CREATE TABLE {tdb}.r (id INT PRIMARY KEY, s VARCHAR(5), n TINYINT)"),
    ])
    .await;
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    let unit = schema(db, "r", TimePrecision::Ms).await;
    let rows = read_all(&unit).await;
    let t = sink.target(&tdb, "r");
    let into = sink
        .begin_copy(&unit, &t, Begin::Fresh { drop: false })
        .await
        .unwrap();
    let mut docs = rows.clone();
    // a value of a type the column cannot hold
    docs.push(doc! {"_id": 6, "id": 6, "s": ["an", "array"], "n": 6});
    // a field the table has no column for
    docs.push(doc! {"_id": 7, "id": 7, "s": "x", "n": 7, "extra": 1});
    let w = sink.write_rows(&into, docs, false).await.unwrap();
    let mut rejected: Vec<(Bson, String)> = w
        .rejected
        .iter()
        .map(|r| (r.id.clone(), r.error.clone()))
        .collect();
    rejected.sort_by_key(|r| r.0.as_i32());
    let ids: Vec<Option<i32>> = rejected.iter().map(|r| r.0.as_i32()).collect();
    assert_eq!(
        ids,
        vec![Some(2), Some(5), Some(6), Some(7)],
        "{rejected:?}"
    );
    assert!(
        rejected[0].1.contains("Data too long for column"),
        "{rejected:?}"
    );
    assert!(!rejected[0].1.contains('\n'));
    assert!(rejected[2].1.contains("an array"), "{rejected:?}");
    assert!(rejected[3].1.contains("extra"), "{rejected:?}");
    let back = scan(&sink, &unit, &t).await;
    let written: Vec<&Document> = rows
        .iter()
        .filter(|d| [1, 3, 4].contains(&d.get_i32("id").unwrap()))
        .collect();
    assert_same(&back, &written.into_iter().cloned().collect::<Vec<_>>());
    // a change the target refuses is rejected, the others of the call applied
    let bad = Change {
        db: db.clone(),
        table: "r".into(),
        op: Op::Update,
        id: Bson::Int32(3),
        keyless: false,
        old_id: None,
        doc: Some(doc! {"id": 3, "s": "far too long", "n": 3}),
        file: "binlog.000001".into(),
        pos: 4,
        row: 0,
        ts: 0,
    };
    let mut good = bad.clone();
    good.id = Bson::Int32(4);
    good.doc = Some(doc! {"id": 4, "s": "four", "n": 127});
    let w = sink
        .apply(&|_: &str, _: &str| t.clone(), &[bad, good])
        .await
        .unwrap();
    assert_eq!(w.rejected.len(), 1, "{:?}", w.rejected);
    assert_eq!(w.rejected[0].id, Bson::Int32(3));
    let s = dst_query(&format!("SELECT s FROM {tdb}.r ORDER BY id")).await;
    assert_eq!(s, vec!["short", "ok", "four"]);
    sink.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_recopy_is_swapped_in_and_truncate_empties() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("mysink_recopy");
    fresh(db).await;
    src_sql(&[
        &format!("CREATE TABLE {db}.s (id INT PRIMARY KEY, v VARCHAR(10))"),
        &format!("INSERT INTO {db}.s VALUES (1, 'a'), (2, 'b')"),
    ])
    .await;
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    let tdb = format!("{db}_t");
    let unit = schema(db, "s", TimePrecision::Ms).await;
    let (t, _) = copy(&sink, &unit, &tdb).await;
    // the source is altered: the table is copied again into a shadow
    src_sql(&[
        &format!("ALTER TABLE {db}.s ADD COLUMN w INT NOT NULL DEFAULT 7"),
        &format!("INSERT INTO {db}.s VALUES (3, 'c', 8)"),
    ])
    .await;
    let unit2 = schema(db, "s", TimePrecision::Ms).await;
    let rows2 = read_all(&unit2).await;
    let shadow = sink
        .begin_copy(&unit2, &t, Begin::Recopy { resume: false })
        .await
        .unwrap();
    assert_eq!(shadow, Target::new(tdb.clone(), "s__shark_shadow"));
    sink.write_rows(&shadow, rows2.clone(), false)
        .await
        .unwrap();
    // the live table is untouched until the swap
    assert_eq!(scan(&sink, &unit, &t).await.len(), 2);
    sink.end_copy(&t, &shadow).await.unwrap();
    assert_same(&scan(&sink, &unit2, &t).await, &rows2);
    let tables = dst_query(&format!(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{tdb}'"
    ))
    .await;
    assert_eq!(tables, vec!["s"]);
    // a restart empties, truncate empties
    sink.begin_copy(&unit2, &t, Begin::Restart).await.unwrap();
    assert!(scan(&sink, &unit2, &t).await.is_empty());
    sink.write_rows(&t, rows2.clone(), true).await.unwrap();
    assert_eq!(scan(&sink, &unit2, &t).await.len(), 3);
    sink.truncate(&t).await.unwrap();
    assert!(scan(&sink, &unit2, &t).await.is_empty());
    // a table that is not there: nothing to truncate
    sink.truncate(&Target::new(tdb.clone(), "nope"))
        .await
        .unwrap();
    sink.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn units_without_mysql_declarations_get_mapped_types() {
    let _g = lock_servers(Lock::Shared);
    let tdb = &unique_name("mysink_mapped");
    dst_sql(&[&format!("DROP DATABASE IF EXISTS {tdb}")]).await;
    let col = |n: &str, ty| Column::new(n, ty, Charset::Utf8);
    let unit = TableSchema {
        db: "es".into(),
        table: "logs".into(),
        columns: vec![
            col("_id", ColType::Text),
            col("n", ColType::BigInt),
            col("f", ColType::Float),
            col("at", ColType::DateTime),
            col("body", ColType::Json),
            col("msg", ColType::Text),
        ],
        key: vec![0],
        time: TimePrecision::Ms,
        index: None,
    };
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    let t = sink.target(tdb, "logs");
    let into = sink
        .begin_copy(&unit, &t, Begin::Fresh { drop: false })
        .await
        .unwrap();
    let at = mongodb::bson::DateTime::from_millis(1_714_979_289_123);
    let docs = vec![
        doc! {"_id": "a", "n": 1i64, "f": 1.5, "at": at, "body": {"k": [1i64, "x"], "o": {"p": true}}, "msg": "héllo"},
        doc! {"_id": "A", "n": i64::MIN, "f": -0.25, "at": Bson::Null, "body": Bson::Null, "msg": "🦈"},
        doc! {"_id": "x".repeat(512), "n": 0i64, "f": 0.0, "at": at, "body": {}, "msg": ""},
    ];
    let w = sink.write_rows(&into, docs.clone(), false).await.unwrap();
    assert!(w.rejected.is_empty(), "{:?}", w.rejected);
    // `_id` differs only in case: two rows (the key compares exactly)
    assert_same(&scan(&sink, &unit, &t).await, &docs);
    let cols = dst_query(&format!(
        "SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{tdb}' AND TABLE_NAME = 'logs' ORDER BY ORDINAL_POSITION"
    ))
    .await;
    assert_eq!(
        cols,
        vec![
            "_id varchar(512)",
            "n bigint(20)",
            "f double",
            "at datetime(3)",
            "body longtext",
            "msg longtext"
        ]
    );
    // a key longer than the key column: rejected
    let w = sink
        .write_rows(&into, vec![doc! {"_id": "y".repeat(513), "n": 1i64}], false)
        .await
        .unwrap();
    assert_eq!(w.rejected.len(), 1, "{:?}", w.rejected);
    sink.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn statements_stay_below_max_allowed_packet() {
    let _g = lock_servers(Lock::Shared);
    let tdb = &unique_name("mysink_packet");
    dst_sql(&[&format!("DROP DATABASE IF EXISTS {tdb}")]).await;
    let packet: Vec<String> = dst_query("SELECT CAST(@@max_allowed_packet AS CHAR)").await;
    let packet: usize = packet[0].parse().unwrap();
    let unit = TableSchema {
        db: "x".into(),
        table: "big".into(),
        columns: vec![
            Column::new("id", ColType::BigInt, Charset::Utf8),
            Column::new("b", ColType::Binary, Charset::Utf8),
        ],
        key: vec![0],
        time: TimePrecision::Ms,
        index: None,
    };
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    let t = sink.target(tdb, "big");
    sink.begin_copy(&unit, &t, Begin::Fresh { drop: false })
        .await
        .unwrap();
    let blob = |id: i64, n: usize| {
        doc! {"_id": id, "id": id, "b": mongodb::bson::Binary {
            subtype: mongodb::bson::spec::BinarySubtype::Generic,
            bytes: vec![(id % 251) as u8; n],
        }}
    };
    // three rows of a sixth of the packet each (a third as hex): more than one statement's
    // worth together; one row over the packet on its own
    let docs = vec![
        blob(1, packet / 6),
        blob(2, packet / 6),
        blob(3, packet / 6),
        blob(4, packet / 2 + 1),
    ];
    let w = sink.write_rows(&t, docs.clone(), false).await.unwrap();
    assert_eq!(
        w.rejected.len(),
        1,
        "{:?}",
        w.rejected.iter().map(|r| &r.error).collect::<Vec<_>>()
    );
    assert_eq!(w.rejected[0].id, Bson::Int64(4));
    assert!(
        w.rejected[0].error.contains("max_allowed_packet"),
        "{}",
        w.rejected[0].error
    );
    assert_same(&scan(&sink, &unit, &t).await, &docs[..3]);
    sink.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_target_is_a_transient_error() {
    let mut conn = target_conn();
    // nothing listens there (a port just bound and released)
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    conn.url = format!("mysql://127.0.0.1:{port}/");
    let e = MySqlSink::connect(&conn)
        .await
        .err()
        .expect("no server there");
    assert!(e.is_transient(), "{e}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_collation_the_target_does_not_know_falls_back_to_utf8mb4() {
    let _g = lock_servers(Lock::Shared);
    let tdb = &unique_name("mysink_coll");
    dst_sql(&[&format!("DROP DATABASE IF EXISTS {tdb}")]).await;
    let decl = |ct: &str, coll: Option<&str>| {
        Some(shark::sync::model::schema::SqlColumn {
            column_type: ct.into(),
            nullable: coll.is_some(),
            charset: coll.map(|_| "utf8mb4".to_string()),
            collation: coll.map(str::to_string),
        })
    };
    let mut k = Column::new("k", ColType::Text, Charset::Utf8);
    k.sql = decl("varchar(10)", Some("utf8mb4_shark_unknown_ci"));
    let mut v = Column::new("v", ColType::Text, Charset::Utf8);
    v.sql = decl("varchar(10)", Some("utf8mb4_shark_unknown_ci"));
    let unit = TableSchema {
        db: "x".into(),
        table: "c".into(),
        columns: vec![k, v],
        key: vec![0],
        time: TimePrecision::Ms,
        index: None,
    };
    let sink = MySqlSink::connect(&target_conn()).await.unwrap();
    let t = sink.target(tdb, "c");
    sink.begin_copy(&unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    let cols = dst_query(&format!(
        "SELECT CONCAT(COLUMN_NAME, ' ', COLLATION_NAME) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{tdb}' ORDER BY ORDINAL_POSITION"
    ))
    .await;
    assert_eq!(cols[0], "k utf8mb4_bin", "the key still compares exactly");
    assert!(cols[1].starts_with("v utf8mb4_"), "{cols:?}");
    let docs = vec![
        doc! {"_id": "a", "k": "a", "v": "x"},
        doc! {"_id": "A", "k": "A", "v": "y"},
    ];
    sink.write_rows(&t, docs.clone(), false).await.unwrap();
    assert_same(&scan(&sink, &unit, &t).await, &docs);
    sink.close().await;
}
