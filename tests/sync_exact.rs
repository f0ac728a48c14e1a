//! Exact values through `shark sync` with default flags (issue 19, SPEC §2 "Fidelity"): an
//! edge-value table (DECIMAL(65,30) extremes, JSON with 30-digit numbers, 2^53+1, -0.0, 1e400,
//! JSON null next to SQL NULL, whitespace in JSON text, DATETIME(6)/TIME(6), emoji, a composite
//! key) and a key-less table go from MariaDB through the full copy and then the binlog into a
//! second MariaDB, Elasticsearch (osmem-server) and MongoDB (SecantusDB). Each target is read by
//! an independent reader (the MariaDB text protocol, raw `_source` text over HTTP, raw BSON from
//! the mongodb driver), never by shark's own verify or conversion code; `sync verify` then
//! passes, and flags a value corrupted in the target (the last digit of a number inside JSON).

mod common;
use common::osmem::{es_text, es_url, sources};
use common::raw_json::{fields, minified};
use common::{Env, Lock, infra, lock_servers, mysql_root, mysql_run, unique_name};
use mongodb::bson::{Bson, Decimal128, RawDocumentBuf, doc};
use mysql_async::prelude::Queryable;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::str::FromStr;

const SRC: &str = "SHARK_T_MYSQL_PORT";
const DST: &str = "SHARK_T_MYSQL_TARGET_PORT";

/// Row texts of the edge table as the source MariaDB holds them (JSON as typed, whitespace and
/// all): composite key `(k, n)`.
const JSON_1: &str = r#"{"a": 0.1000000000000000055511151231257827, "b": [123456789012345678901234567890.123, 9007199254740993, -0.0, 1e400, 880426393792.48697701], "e": "🦈", "n": null}"#;
const JSON_3: &str = "  [ 1 ,\n\t{ \"x\" :  2.50 } ]  ";
const JSON_4: &str =
    r#"{"big": 123456789012345678901234567890123456789, "neg": -0.000000000000000000000000000001}"#;
const JSON_1B: &str = r#"{"a": 0.1000000000000000055511151231257828,  "b": []}"#;

const DEC_MAX: &str = "99999999999999999999999999999999999.999999999999999999999999999999";
const DEC_MIN: &str = "-99999999999999999999999999999999999.999999999999999999999999999999";
const DEC_TINY: &str = "0.000000000000000000000000000001";

async fn rows(port: &str, query: &str) -> Vec<Vec<mysql_async::Value>> {
    let mut c = mysql_root(port).await;
    // the text protocol: every value as the server prints it
    let rows: Vec<mysql_async::Row> = c
        .query(query)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    c.disconnect().await.unwrap();
    rows.into_iter().map(|r| r.unwrap()).collect()
}

fn text(v: &mysql_async::Value) -> Option<String> {
    match v {
        mysql_async::Value::NULL => None,
        mysql_async::Value::Bytes(b) => Some(String::from_utf8(b.clone()).unwrap()),
        other => panic!("the text protocol gave {other:?}"),
    }
}

async fn source_db(db: &str) {
    mysql_run(
        SRC,
        &[
            &format!("DROP DATABASE IF EXISTS {db}"),
            &format!("CREATE DATABASE {db}"),
            &format!(
                "CREATE TABLE {db}.edge (k VARCHAR(8), n INT, d DECIMAL(65,30), j JSON, f DOUBLE,
                   big BIGINT UNSIGNED, dt DATETIME(6), t TIME(6), s VARCHAR(32),
                   PRIMARY KEY (k, n)) CHARACTER SET utf8mb4"
            ),
            &format!(
                "INSERT INTO {db}.edge VALUES
                  ('acme', 5, '{DEC_MAX}', '{JSON_1}', 0.1, 18446744073709551615, '2024-05-06 07:08:09.123456', '-26:03:04.000005', 'shark 🦈'),
                  ('acme', 6, '{DEC_MIN}', 'null', NULL, 9007199254740993, '1970-01-01 00:00:00.000001', '00:00:00.999999', NULL),
                  ('b', 1, '{DEC_TINY}', NULL, 1e300, 0, '1999-12-31 23:59:59.999999', '838:59:59.000000', '')"
            ),
            &format!("CREATE TABLE {db}.bag (j JSON, dt DATETIME(6)) CHARACTER SET utf8mb4"),
            &format!(
                "INSERT INTO {db}.bag VALUES ('{JSON_3}', '2020-01-01 00:00:00.000007'), ('{JSON_3}', '2020-01-01 00:00:00.000007'), ('null', NULL), (NULL, NULL)"
            ),
        ],
    )
    .await;
}

/// Changes after the copy: a new edge row, a JSON value rewritten, a row deleted, a key-less
/// duplicate added and one removed.
async fn source_changes(db: &str) {
    mysql_run(
        SRC,
        &[
            &format!(
                "INSERT INTO {db}.edge VALUES ('zz', -1, '-{DEC_TINY}', '{JSON_4}', -2.5e-300, 1, '9999-12-31 23:59:59.999999', '-838:59:59.000000', 'ü')"
            ),
            &format!("UPDATE {db}.edge SET j = '{JSON_1B}', dt = '2001-02-03 04:05:06.654321' WHERE k = 'acme' AND n = 5"),
            &format!("DELETE FROM {db}.edge WHERE k = 'b'"),
            &format!("INSERT INTO {db}.bag VALUES ('{JSON_3}', '2020-01-01 00:00:00.000007')"),
            &format!("DELETE FROM {db}.bag WHERE j IS NULL"),
        ],
    )
    .await;
}

const EDGE: &str = "SELECT k, n, d, j, f, big, dt, t, s FROM {}.edge ORDER BY k, n";

/// `sync create`; returns the task as `-o json` printed it.
fn create(e: &Env, name: &str, target: &str, tables: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "sync", "create", name, "--source", "src", "--target", target, "--tables", tables, "-o",
        "json",
    ];
    args.extend_from_slice(extra);
    let (out, _) = e.expect(0, &args, None);
    serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}"))
}

/// `sync verify` of `task`: whether every unit is ok, and the output.
fn verify(e: &Env, task: &str) -> (bool, String) {
    let (code, out, err) = e.run(&["sync", "verify", task, "-o", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}"));
    let ok = v.as_array().unwrap().iter().all(|u| u["ok"] == true);
    assert_eq!(ok, code == 0, "verify exit {code}: {out}{err}");
    (ok, format!("{out}{err}"))
}

/// The source's edge and bag rows (text protocol).
async fn source_rows(db: &str) -> (Vec<Vec<mysql_async::Value>>, Vec<Vec<mysql_async::Value>>) {
    (
        rows(SRC, &EDGE.replace("{}", db)).await,
        rows(SRC, &format!("SELECT j, dt FROM {db}.bag ORDER BY j, dt")).await,
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn mysql_to_mysql_is_a_byte_exact_mirror_by_default() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("ex_my");
    source_db(db).await;
    let tdb = format!("{db}_copy");
    mysql_run(DST, &[&format!("DROP DATABASE IF EXISTS {tdb}")]).await;
    let e = Env::new();
    e.add_mysql("src");
    e.add_mysql_target("dst");
    let task = create(&e, "t", "dst", &format!("{db}.*"), &["--target-db", &tdb]);
    // what was stored: microseconds, the default for a MySQL target
    assert_eq!(task["spec"]["time_precision"], "us", "{task}");
    for step in ["copy", "cdc"] {
        if step == "cdc" {
            source_changes(db).await;
        }
        e.expect(0, &["sync", "run", "t", "--once"], None);
        let (edge, bag) = source_rows(db).await;
        assert_eq!(
            rows(DST, &EDGE.replace("{}", &tdb)).await,
            edge,
            "{step}: edge rows differ"
        );
        // SELECT * of a key-less table shows the source's columns only (the helper column is
        // INVISIBLE)
        assert_eq!(
            rows(DST, &format!("SELECT * FROM {tdb}.bag ORDER BY j, dt")).await,
            bag,
            "{step}: key-less rows differ"
        );
        let (ok, out) = verify(&e, "t");
        assert!(ok, "{step}: {out}");
    }
    // the JSON text is the source's, byte for byte: JSON null is not SQL NULL, whitespace stays
    let j = rows(
        DST,
        &format!("SELECT j FROM {tdb}.edge WHERE k = 'acme' ORDER BY n"),
    )
    .await;
    assert_eq!(text(&j[0][0]).as_deref(), Some(JSON_1B));
    assert_eq!(text(&j[1][0]).as_deref(), Some("null"));
    let types = |schema: String| async move {
        rows(
            if schema.ends_with("_copy") { DST } else { SRC },
            &format!(
                "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{schema}' AND EXTRA NOT LIKE '%INVISIBLE%' ORDER BY TABLE_NAME, ORDINAL_POSITION"
            ),
        )
        .await
    };
    assert_eq!(types(tdb.clone()).await, types(db.to_string()).await);
    // a corrupted digit inside a JSON value is found
    mysql_run(
        DST,
        &[&format!(
            "UPDATE {tdb}.edge SET j = REPLACE(j, '57828', '57829') WHERE k = 'acme' AND n = 5"
        )],
    )
    .await;
    let (ok, out) = verify(&e, "t");
    assert!(!ok, "a corrupted digit passed verify: {out}");
    assert!(out.contains(&format!("{db}.edge")), "{out}");
}

/// An environment with the Elasticsearch (osmem) connection `es`.
fn es_env() -> Env {
    let e = Env::new();
    e.expect(
        0,
        &[
            "conn",
            "add",
            "es",
            "--kind",
            "elasticsearch",
            "--url",
            &es_url(),
        ],
        None,
    );
    e
}

/// An environment with the MySQL source `src` and the Elasticsearch connection `es`.
fn mysql_and_es() -> Env {
    let e = es_env();
    e.add_mysql("src");
    e
}

/// The `_source` fields of document `id` as raw JSON text, None when there is no such document.
async fn es_source(index: &str, id: &str) -> Option<BTreeMap<String, String>> {
    raw_source(index, id).await.map(|s| fields(&s))
}

/// The `_source` fields of every document of `index` (raw JSON text).
async fn es_sources(index: &str) -> Vec<BTreeMap<String, String>> {
    sources(index)
        .await
        .into_iter()
        .map(|(_, s)| fields(&s))
        .collect()
}

fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn mysql_to_elasticsearch_keeps_every_digit_and_ids_composite_keys_as_json_arrays() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("ex_es");
    source_db(db).await;
    es_text(reqwest::Method::DELETE, &format!("/{db}*"), None).await;
    let e = mysql_and_es();
    create(&e, "t", "es", &format!("{db}.*"), &[]);
    let index = format!("{db}.edge");
    for step in ["copy", "cdc"] {
        if step == "cdc" {
            source_changes(db).await;
        }
        e.expect(0, &["sync", "run", "t", "--once"], None);
        es_text(reqwest::Method::POST, &format!("/{index}/_refresh"), None).await;
        for row in rows(SRC, &EDGE.replace("{}", db)).await {
            let (k, n) = (text(&row[0]).unwrap(), text(&row[1]).unwrap());
            // the documented `_id` of a composite key: a JSON array of the key values in key order
            let id = format!("[{},{n}]", quoted(&k));
            let src = es_source(&index, &id)
                .await
                .unwrap_or_else(|| panic!("{step}: no document {id}"));
            assert_eq!(src["k"], quoted(&k), "{step} {id}");
            assert_eq!(src["n"], n, "{step} {id}");
            // DECIMAL: its exact text (a keyword); JSON: the source's text, numbers digit for digit
            assert_eq!(src["d"], quoted(&text(&row[2]).unwrap()), "{step} {id}");
            let j = text(&row[3]).map_or("null".to_string(), |j| minified(&j));
            assert_eq!(src["j"], j, "{step} {id}");
            // BIGINT UNSIGNED: a number, a string beyond i64 (a keyword either way)
            assert_eq!(
                src["big"].trim_matches('"'),
                text(&row[5]).unwrap(),
                "{step} {id}"
            );
            // TIME(6): its text (a zero fraction left out)
            let t = text(&row[7]).unwrap();
            assert_eq!(
                src["t"],
                quoted(t.trim_end_matches(".000000")),
                "{step} {id}"
            );
            assert_eq!(
                src["s"],
                text(&row[8]).map_or("null".into(), |s| quoted(&s)),
                "{step} {id}"
            );
        }
        let (ok, out) = verify(&e, "t");
        assert!(ok, "{step}: {out}");
    }
    // the key-less table: one document per row, JSON text digit for digit (CDC added an array
    // and deleted the SQL NULL row; in `_source` JSON null and SQL NULL are both `null`)
    let mut js: Vec<String> = es_sources(&format!("{db}.bag"))
        .await
        .into_iter()
        .map(|d| d["j"].clone())
        .collect();
    js.sort();
    let arr = minified(JSON_3);
    assert_eq!(js, [arr.as_str(), &arr, &arr, "null"], "{js:?}");
    assert!(
        es_source(&index, r#"["b",1]"#).await.is_none(),
        "a deleted row stayed"
    );
    // a corrupted digit inside a JSON value is found
    let id = r#"["acme",5]"#;
    let mut doc = es_source(&index, id).await.unwrap();
    let j = doc["j"].replace("57828", "57829");
    doc.insert("j".into(), j);
    let body = format!(
        "{{{}}}",
        doc.iter()
            .map(|(k, v)| format!("{}:{v}", quoted(k)))
            .collect::<Vec<_>>()
            .join(",")
    );
    let (st, out) = es_text(
        reqwest::Method::PUT,
        &format!("/{index}/_doc/{}?refresh=true", urlencoding(id)),
        Some(body),
    )
    .await;
    assert!(st < 300, "{out}");
    let (ok, out) = verify(&e, "t");
    assert!(!ok, "a corrupted digit passed verify: {out}");
}

fn dec(s: &str) -> Bson {
    Bson::Decimal128(Decimal128::from_str(s).unwrap())
}

async fn mongo_docs(db: &str, coll: &str) -> Vec<mongodb::bson::Document> {
    use futures_util::TryStreamExt;
    let c = mongodb::Client::with_uri_str(infra().get("SHARK_T_MONGO_URI"))
        .await
        .unwrap();
    // raw BSON as the server returns it, decoded by the bson crate only
    let raw: Vec<RawDocumentBuf> = c
        .database(db)
        .collection::<RawDocumentBuf>(coll)
        .find(doc! {})
        .sort(doc! {"_id": 1})
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    raw.into_iter().map(|r| r.to_document().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn mysql_to_mongodb_keeps_json_numbers_exact() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("ex_mg");
    source_db(db).await;
    let e = Env::new();
    e.add_mysql("src");
    e.add_mongo("mg");
    let task = create(&e, "t", "mg", &format!("{db}.*"), &[]);
    assert_eq!(task["spec"]["time_precision"], "ms", "BSON dates: {task}");
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let docs = mongo_docs(db, "edge").await;
    assert_eq!(docs.len(), 3);
    let d = &docs[0];
    assert_eq!(
        d.get("_id"),
        Some(&Bson::Document(doc! {"k": "acme", "n": 5}))
    );
    // DECIMAL beyond 34 digits: the exact string; within: Decimal128
    assert_eq!(d.get("d"), Some(&Bson::String(DEC_MAX.into())));
    assert_eq!(docs[2].get("d"), Some(&dec(DEC_TINY)));
    let j = d.get_document("j").unwrap();
    assert_eq!(
        j.get("a"),
        Some(&dec("0.1000000000000000055511151231257827"))
    );
    let b = j.get_array("b").unwrap();
    assert_eq!(b[0], dec("123456789012345678901234567890.123"));
    assert_eq!(b[1], Bson::Int64(9007199254740993));
    assert!(
        matches!(b[2], Bson::Double(z) if z == 0.0 && z.is_sign_negative()),
        "{b:?}"
    );
    assert_eq!(b[3], dec("1e400"));
    assert_eq!(b[4], dec("880426393792.48697701"));
    assert_eq!(j.get("e"), Some(&Bson::String("🦈".into())));
    assert_eq!(j.get("n"), Some(&Bson::Null));
    assert_eq!(d.get("big"), Some(&dec("18446744073709551615")));
    // a JSON null is null in the document; so is SQL NULL (BSON has one null)
    assert_eq!(docs[1].get("j"), Some(&Bson::Null));
    let (ok, out) = verify(&e, "t");
    assert!(ok, "{out}");
    source_changes(db).await;
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let docs = mongo_docs(db, "edge").await;
    assert_eq!(docs.len(), 3);
    let j = docs[0].get_document("j").unwrap();
    assert_eq!(
        j.get("a"),
        Some(&dec("0.1000000000000000055511151231257828"))
    );
    let z = docs
        .iter()
        .find(|d| d.get_document("_id").unwrap().get_str("k") == Ok("zz"))
        .unwrap();
    let j = z.get_document("j").unwrap();
    assert_eq!(
        j.get("big"),
        Some(&Bson::String(
            "123456789012345678901234567890123456789".into()
        ))
    );
    // the nearest double of -1e-30 prints as -1e-30: a Double
    assert_eq!(j.get("neg"), Some(&Bson::Double(-1e-30)));
    // the key-less table: one document per row (copy: 2 JSON arrays, JSON null, SQL NULL; CDC
    // added an array and deleted the SQL NULL row)
    let bag = mongo_docs(db, "bag").await;
    let tree = Bson::Array(vec![Bson::Int64(1), Bson::Document(doc! {"x": 2.5})]);
    let with = |v: &Bson| bag.iter().filter(|d| d.get("j") == Some(v)).count();
    assert_eq!(
        (bag.len(), with(&tree), with(&Bson::Null)),
        (4, 3, 1),
        "{bag:?}"
    );
    let (ok, out) = verify(&e, "t");
    assert!(ok, "{out}");
    // a corrupted digit inside a JSON value is found
    let c = mongodb::Client::with_uri_str(infra().get("SHARK_T_MONGO_URI"))
        .await
        .unwrap();
    c.database(db)
        .collection::<mongodb::bson::Document>("edge")
        .update_one(
            doc! {"_id": {"k": "acme", "n": 5}},
            doc! {"$set": {"j.a": dec("0.1000000000000000055511151231257829")}},
        )
        .await
        .unwrap();
    let (ok, out) = verify(&e, "t");
    assert!(!ok, "a corrupted digit passed verify: {out}");
}

/// A MySQL → Elasticsearch task created before composite keys became JSON-array `_id`s (its
/// stored definition has no `id_format`) is refused with the commands that migrate it; after
/// them the index holds the new ids only.
#[tokio::test(flavor = "multi_thread")]
async fn an_older_elasticsearch_task_with_composite_keys_is_refused_until_copied_again() {
    let _g = lock_servers(Lock::Shared);
    let db = &unique_name("ex_old");
    mysql_run(
        SRC,
        &[
            &format!("DROP DATABASE IF EXISTS {db}"),
            &format!("CREATE DATABASE {db}"),
            &format!("CREATE TABLE {db}.c (a VARCHAR(8), b INT, v INT, PRIMARY KEY (a, b))"),
            &format!("INSERT INTO {db}.c VALUES ('acme', 5, 1), ('x', 1, 2)"),
        ],
    )
    .await;
    es_text(reqwest::Method::DELETE, &format!("/{db}*"), None).await;
    let e = mysql_and_es();
    create(&e, "t", "es", &format!("{db}.*"), &[]);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // as an older shark stored it
    let state = rusqlite::Connection::open(e.state()).unwrap();
    let n = state
        .execute(
            "UPDATE sync_tasks SET spec = json_remove(spec, '$.id_format') WHERE name = 't'",
            [],
        )
        .unwrap();
    assert_eq!(n, 1);
    drop(state);
    // verify and a change are refused, before any write
    let (_, err) = e.expect(4, &["sync", "verify", "t"], None);
    assert!(err.contains("shark sync reset"), "{err}");
    mysql_run(SRC, &[&format!("INSERT INTO {db}.c VALUES ('new', 2, 3)")]).await;
    let (_, err) = e.expect(4, &["sync", "run", "t", "--once"], None);
    assert!(err.contains("shark sync reset"), "{err}");
    e.expect(0, &["sync", "reset", "t"], None);
    e.expect(0, &["sync", "run", "t", "--once"], None);
    let index = format!("{db}.c");
    assert!(es_source(&index, r#"["acme",5]"#).await.is_some());
    assert!(es_source(&index, r#"["new",2]"#).await.is_some());
    es_text(reqwest::Method::POST, &format!("/{index}/_refresh"), None).await;
    let (_, count) = es_text(reqwest::Method::GET, &format!("/{index}/_count"), None).await;
    assert!(count.contains(r#""count":3"#), "{count}");
    let (ok, out) = verify(&e, "t");
    assert!(ok, "{out}");
}

/// Source documents of the ES → ES test, as compact `_source` text: absent fields, `null`,
/// arrays in scalar-mapped fields, numbers no double holds (in mapped and unmapped fields),
/// dates in several formats, nested objects, unmapped fields under `dynamic: false`.
const ES_DOCS: [(&str, &str); 5] = [
    (
        "d1",
        r#"{"tag":"Alpha","p":0.1000000000000000055511151231257827,"at":"2024-01-02","obj":{"a":880426393792.48697701,"deep":[1,{"x":null}]},"extra":123456789012345678901}"#,
    ),
    (
        "d2",
        r#"{"tag":["x","Y"],"n":null,"p":[1.50,2e2,-0.0],"extra":{"unmapped":1e400,"s":"🦈"}}"#,
    ),
    (
        "d3",
        r#"{"at":"2024-01-02T03:04:05.123456789Z","n":9007199254740993,"note":"no p, no tag"}"#,
    ),
    ("d4", r#"{"at":1704164645123,"obj":{}}"#),
    ("d5", r#"{}"#),
];

/// Issue 19: an index copied into an index (osmem) arrives as its `_source` was — no field
/// added or removed, `null` ≠ absent, every number's text, dates as they were written — read
/// back as raw `_source` text over HTTP; the target index is created from the source's mapping
/// (`dynamic: false`, keyword, objects as they are); `sync verify` passes, and flags one digit
/// changed in the target.
#[tokio::test(flavor = "multi_thread")]
async fn elasticsearch_to_elasticsearch_passes_source_through() {
    let _g = lock_servers(Lock::Shared);
    let src = unique_name("ex_src").to_lowercase();
    let prefix = unique_name("ex_dst").to_lowercase();
    let dst = format!("{prefix}.{src}");
    let mappings = serde_json::json!({"dynamic": false, "properties": {
        "tag": {"type": "keyword"}, "n": {"type": "long"}, "p": {"type": "double"},
        "at": {"type": "date"}, "note": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
        "obj": {"properties": {"a": {"type": "double"}}}
    }});
    let (st, out) = es_text(
        reqwest::Method::PUT,
        &format!("/{src}"),
        Some(serde_json::json!({"mappings": mappings}).to_string()),
    )
    .await;
    assert!(st < 300, "{out}");
    let mut bulk = String::new();
    for (id, d) in ES_DOCS {
        bulk.push_str(&format!(
            "{{\"index\":{{\"_index\":\"{src}\",\"_id\":\"{id}\"}}}}\n{d}\n"
        ));
    }
    let (_, resp) = es_text(reqwest::Method::POST, "/_bulk?refresh=true", Some(bulk)).await;
    assert!(resp.contains(r#""errors":false"#), "{resp}");
    let e = es_env();
    e.expect(
        0,
        &[
            "sync",
            "create",
            "t",
            "--source",
            "es",
            "--target",
            "es",
            "--tables",
            &src,
            "--target-db",
            &prefix,
        ],
        None,
    );
    e.expect(0, &["sync", "run", "t", "--once"], None);
    // every document as its source text, byte for byte (the source was sent compact)
    for (id, d) in ES_DOCS {
        let got = raw_source(&dst, id).await;
        assert_eq!(got.as_deref(), Some(d), "{id}");
        assert_eq!(raw_source(&src, id).await.as_deref(), Some(d), "{id}");
    }
    // the target index has the source's mapping
    let mapping = |index: String| async move {
        let (_, body) = es_text(reqwest::Method::GET, &format!("/{index}/_mapping"), None).await;
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        v.as_object().unwrap().values().next().unwrap()["mappings"].clone()
    };
    assert_eq!(mapping(dst.clone()).await, mapping(src.clone()).await);
    // (servers answer `dynamic` as the string "false")
    let dynamic = mapping(dst.clone()).await["dynamic"].clone();
    assert!(dynamic == "false" || dynamic == false, "{dynamic}");
    let (ok, out) = verify(&e, "t");
    assert!(ok, "{out}");
    // one digit changed in the target: verify finds it
    let changed = ES_DOCS[0].1.replace("57827", "57828");
    assert_ne!(changed, ES_DOCS[0].1);
    let (st, out) = es_text(
        reqwest::Method::PUT,
        &format!("/{dst}/_doc/d1?refresh=true"),
        Some(changed),
    )
    .await;
    assert!(st < 300, "{out}");
    let (ok, out) = verify(&e, "t");
    assert!(!ok, "a changed digit passed verify: {out}");
    // and so does a `null` where the source has no field
    let (st, out) = es_text(
        reqwest::Method::PUT,
        &format!("/{dst}/_doc/d1?refresh=true"),
        Some(ES_DOCS[0].1.to_string()),
    )
    .await;
    assert!(st < 300, "{out}");
    assert!(verify(&e, "t").0);
    let with_null = ES_DOCS[4].1.replace('}', r#""n":null}"#);
    let (st, out) = es_text(
        reqwest::Method::PUT,
        &format!("/{dst}/_doc/d5?refresh=true"),
        Some(with_null),
    )
    .await;
    assert!(st < 300, "{out}");
    let (ok, out) = verify(&e, "t");
    assert!(!ok, "an added null passed verify: {out}");
    for i in [&src, &dst] {
        es_text(reqwest::Method::DELETE, &format!("/{i}"), None).await;
    }
}

/// The `_source` of document `id` as the raw text the server sends, None when there is none.
async fn raw_source(index: &str, id: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Got<'a> {
        found: bool,
        #[serde(borrow, rename = "_source")]
        source: Option<&'a RawValue>,
    }
    let (_, body) = es_text(
        reqwest::Method::GET,
        &format!("/{index}/_doc/{}", urlencoding(id)),
        None,
    )
    .await;
    let got: Got = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{body}: {e}"));
    got.found.then(|| got.source.unwrap().get().to_string())
}
