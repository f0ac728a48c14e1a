//! The Elasticsearch sink and source of `shark sync` against the osmem-server of tests/infra
//! (OpenSearch-compatible), through the library API: derived mappings, every column type
//! written and scanned back digest-equal, `_bulk` item rejections, binlog changes, key-less
//! units, truncate, re-copy through a shadow index, and source reads resumed from a batch's
//! resume point in its PIT, in a new PIT (a resume point on `_id`, or one whose PIT is gone)
//! and after a scroll.

mod common;

use common::osmem::sources;
use common::raw_json::{fields, minified};
use common::{Lock, infra, lock_servers, unique_name};
use mongodb::bson::{Binary, Bson, DateTime, Decimal128, Document, doc, spec::BinarySubtype};
use shark::conn::{Connection, Kind, Origin};
use shark::sync::model::change::{Change, Op};
use shark::sync::model::doc::{digest, doc_id, keyless_id};
use shark::sync::model::json::{json_text, json_value};
use shark::sync::model::schema::{ColType, Column, TableSchema};
use shark::sync::model::value::{Charset, TimePrecision};
use shark::sync::sink::es::{EsSink, index_name};
use shark::sync::sink::{Begin, KeylessTarget, Sink, Target};
use shark::sync::source::es::EsSource;
use shark::sync::source::es_read::{Paging, Reader};
use shark::sync::source::{Batch, BatchLimits, Source};
use shark::sync::task::{Mode, TaskSpec};
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

fn es_conn() -> Connection {
    // the binary installs the TLS crypto provider at start; a test does it itself
    let _ = rustls::crypto::ring::default_provider().install_default();
    Connection {
        name: "es".into(),
        kind: Kind::Elasticsearch,
        url: infra().get("SHARK_T_ES_URL").into(),
        user: None,
        options: Default::default(),
        secret: None,
        has_secret: false,
        origin: Origin::State,
    }
}

fn col(name: &str, ty: ColType) -> Column {
    Column::new(name, ty, Charset::Utf8)
}

fn schema(db: &str, table: &str, columns: Vec<Column>, key: Vec<usize>) -> TableSchema {
    TableSchema {
        db: db.into(),
        table: table.into(),
        columns,
        key,
        time: TimePrecision::Ms,
        index: None,
    }
}

/// A table with every column type, keyed on (id, code).
fn every_type(db: &str) -> TableSchema {
    schema(
        db,
        "Every",
        vec![
            col("id", ColType::Int),
            col("code", ColType::Text),
            col("u", ColType::UInt),
            col("b", ColType::BigInt),
            col("bu", ColType::BigUInt),
            col("dec", ColType::Decimal),
            col("f", ColType::Float),
            col("d", ColType::Date),
            col("dt", ColType::DateTime),
            col("ts", ColType::Timestamp),
            col("tm", ColType::Time),
            col("y", ColType::Year),
            col("t", ColType::Text),
            col("j", ColType::Json),
            col("bin", ColType::Binary),
            col("fb", ColType::FixedBinary(4)),
            col("bit", ColType::Bit),
            col("e", ColType::Enum(vec!["a".into(), "b".into()])),
            col("s", ColType::Set(vec!["x".into(), "y".into()])),
            col("ok", ColType::Bool),
        ],
        vec![0, 1],
    )
}

fn bin(b: &[u8]) -> Bson {
    Bson::Binary(Binary {
        subtype: BinarySubtype::Generic,
        bytes: b.to_vec(),
    })
}

fn dec(s: &str) -> Bson {
    Bson::Decimal128(Decimal128::from_str(s).unwrap())
}

/// JSON column texts as a MySQL source holds them (whitespace, number text, key order).
const J1: &str = r#"{"k": [1, {"deep": {"$date": "x"}}], "u": 18446744073709551615, "p": 0.1000000000000000055511151231257827, "n": null}"#;
const J2: &str = r#"[1, "a", null, 880426393792.48697701]"#;

/// The `_source` fields of every document of `index` by `_id`, each as the raw JSON text the
/// server sends (read over HTTP, not by shark).
async fn raw_sources(index: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    sources(index)
        .await
        .into_iter()
        .map(|(id, s)| (id, fields(&s)))
        .collect()
}

/// Rows as `sync::model::value` maps them, `_id` from the key.
fn every_type_rows(s: &TableSchema) -> Vec<Document> {
    let mut rows = vec![
        doc! {
            "id": 1, "code": "A-1", "u": Bson::Int64(4_294_967_295), "b": Bson::Int64(-9_000_000_000),
            "bu": dec("18446744073709551615"), "dec": dec("12345.678900"), "f": 1.1f64,
            "d": DateTime::from_millis(1_704_067_200_000), "dt": DateTime::from_millis(1_714_979_289_123),
            "ts": DateTime::from_millis(0), "tm": "-26:03:04.000005", "y": 2024,
            "t": "héllo 😀 中文 \"quoted\" \\ back", "j": json_value(J1.as_bytes().to_vec()),
            "bin": bin(&[0, 1, 2, 255]), "fb": bin(&[0x7a, 0, 0, 0]), "bit": bin(&[5]),
            "e": "b", "s": "x,y", "ok": true,
        },
        doc! {
            "id": 1, "code": "A-2", "u": Bson::Null, "b": Bson::Null, "bu": Bson::Int64(7),
            "dec": Bson::String("1".repeat(40) + ".5"), "f": Bson::Null, "d": Bson::Null,
            "dt": Bson::Null, "ts": Bson::Null, "tm": Bson::Null, "y": 0, "t": "",
            "j": json_value(J2.as_bytes().to_vec()), "bin": bin(&[]), "fb": Bson::Null, "bit": Bson::Null,
            "e": "", "s": "", "ok": false,
        },
        doc! {
            "id": -5, "code": "Ünïcödé", "u": 0, "b": 0i64, "bu": Bson::Null, "dec": dec("-0.01"),
            "f": -2.5e-300f64, "d": DateTime::from_millis(-30_610_224_000_000), "dt": DateTime::from_millis(253_402_300_799_999),
            "ts": DateTime::from_millis(1), "tm": "00:00:00", "y": 1901, "t": "x".repeat(40_000),
            "j": json_value(b"5".to_vec()), "bin": bin(&[9; 300]), "fb": bin(&[1, 2, 3, 4]), "bit": bin(&[1, 0]),
            "e": "a", "s": "y", "ok": Bson::Null,
        },
    ];
    for r in &mut rows {
        let id = doc_id(s, r);
        r.insert("_id", id);
    }
    rows
}

async fn scan(sink: &EsSink, unit: &TableSchema, t: &Target) -> Vec<Document> {
    let mut out = vec![];
    sink.scan(unit, t, &mut |d| out.push(d)).await.unwrap();
    out
}

/// `_id` → digest of every document.
fn digests(docs: &[Document]) -> BTreeMap<String, [u8; 32]> {
    docs.iter()
        .map(|d| (format!("{:?}", d.get("_id")), digest(d)))
        .collect()
}

#[tokio::test]
async fn every_type_is_written_and_scanned_back_unchanged() {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let unit = every_type(&unique_name("shop"));
    let t = sink.target(&unit.db, &unit.table);
    let into = sink
        .begin_copy(&unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    assert_eq!(into, t);
    let index = index_name(&t);
    assert!(index.ends_with(".every"), "{index}");
    let m = sink.client.mapping(&index).await.unwrap().unwrap();
    let p = &m["properties"];
    assert_eq!(p["id"]["type"], "integer");
    assert_eq!(p["code"]["type"], "keyword");
    assert_eq!(p["bu"]["type"], "keyword");
    assert_eq!(p["dec"]["type"], "keyword");
    assert_eq!(p["dt"]["type"], "date");
    assert_eq!(p["t"]["type"], "text");
    assert_eq!(p["j"]["enabled"], false);
    assert_eq!(p["bin"]["type"], "binary");
    assert_eq!(p["ok"]["type"], "boolean");
    let rows = every_type_rows(&unit);
    let w = sink.write_rows(&into, rows.clone(), false).await.unwrap();
    assert!(w.rejected.is_empty(), "{:?}", w.rejected);
    // written again (a replayed batch): still one document per row
    let w = sink.write_rows(&into, rows.clone(), true).await.unwrap();
    assert!(w.rejected.is_empty(), "{:?}", w.rejected);
    sink.end_copy(&t, &into).await.unwrap();
    assert_eq!(sink.client.count(&index).await.unwrap(), Some(3));
    let back = scan(&sink, &unit, &t).await;
    assert_eq!(digests(&back), digests(&rows));
    for d in &back {
        let orig = rows.iter().find(|r| r.get("_id") == d.get("_id")).unwrap();
        for (k, v) in orig {
            match json_text(v) {
                // a JSON column comes back as its text (`sync::model::json`), not a tree,
                // without the whitespace between tokens (a bulk line is one line)
                Some(t) => assert_eq!(
                    d.get(k).and_then(json_text),
                    Some(minified(std::str::from_utf8(t).unwrap()).as_bytes()),
                    "field {k}"
                ),
                None => assert_eq!(d.get(k), Some(v), "field {k}"),
            }
        }
    }
    // the JSON columns in `_source` as the server holds them: every digit, whitespace
    // between tokens dropped
    let raw = raw_sources(&index).await;
    let j: BTreeSet<&str> = raw.values().map(|f| f["j"].as_str()).collect();
    let want: BTreeSet<String> = [J1, J2, "5"].iter().map(|t| minified(t)).collect();
    assert_eq!(j, want.iter().map(String::as_str).collect());
    sink.client.delete_index(&index).await.unwrap();
}

#[tokio::test]
async fn a_refused_item_is_rejected_alone() {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let unit = schema(
        &unique_name("rej"),
        "t",
        vec![col("id", ColType::BigInt), col("n", ColType::BigInt)],
        vec![0],
    );
    let t = sink.target(&unit.db, &unit.table);
    let into = sink
        .begin_copy(&unit, &t, Begin::Fresh { drop: false })
        .await
        .unwrap();
    let rows: Vec<Document> = (1..=5i64)
        .map(|i| {
            let n = if i == 3 {
                Bson::String("not a number".into())
            } else {
                Bson::Int64(i * 10)
            };
            doc! {"_id": i, "id": i, "n": n}
        })
        .collect();
    let w = sink.write_rows(&into, rows, false).await.unwrap();
    assert_eq!(w.rejected.len(), 1, "{:?}", w.rejected);
    assert_eq!(w.rejected[0].id, Bson::Int64(3));
    let e = &w.rejected[0].error;
    assert!(e.contains("mapper_parsing_exception"), "{e}");
    assert!(!e.contains('\n'));
    sink.end_copy(&t, &into).await.unwrap();
    let ids: BTreeSet<String> = scan(&sink, &unit, &t)
        .await
        .iter()
        .map(|d| d.get("_id").unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        ["1", "2", "4", "5"].iter().map(|s| s.to_string()).collect()
    );
    sink.client.delete_index(&index_name(&t)).await.unwrap();
}

fn change(db: &str, op: Op, id: i64, old: Option<i64>, v: Option<&str>) -> Change {
    Change {
        db: db.into(),
        table: "t".into(),
        op,
        id: Bson::Int64(id),
        keyless: false,
        old_id: old.map(Bson::Int64),
        doc: v.map(|v| doc! {"id": id, "v": v}),
        file: "bin.000001".into(),
        pos: 4,
        row: 0,
        ts: 0,
    }
}

#[tokio::test]
async fn changes_insert_update_delete_and_move_keys_then_truncate() {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let db = unique_name("cdc");
    let unit = schema(
        &db,
        "t",
        vec![col("id", ColType::BigInt), col("v", ColType::Text)],
        vec![0],
    );
    let t = sink.target(&db, "t");
    let into = sink
        .begin_copy(&unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    let rows: Vec<Document> = (1..=3i64)
        .map(|i| doc! {"_id": i, "id": i, "v": format!("row {i}")})
        .collect();
    sink.write_rows(&into, rows, false).await.unwrap();
    sink.end_copy(&t, &into).await.unwrap();
    let changes = vec![
        change(&db, Op::Insert, 4, None, Some("four")),
        change(&db, Op::Update, 1, None, Some("one!")),
        change(&db, Op::Delete, 2, None, None),
        // key change 3 → 30
        change(&db, Op::Update, 30, Some(3), Some("thirty")),
        // insert then delete within one batch: gone
        change(&db, Op::Insert, 5, None, Some("five")),
        change(&db, Op::Delete, 5, None, None),
    ];
    let route = |d: &str, tb: &str| Target::new(d, tb);
    let w = sink.apply(&route, &changes).await.unwrap();
    assert!(w.rejected.is_empty());
    // applied again (a replay after a crash): the same documents
    sink.apply(&route, &changes).await.unwrap();
    sink.client.refresh(&index_name(&t)).await.unwrap();
    let got: BTreeMap<i64, String> = scan(&sink, &unit, &t)
        .await
        .iter()
        .map(|d| {
            (
                d.get_i64("_id").unwrap(),
                d.get_str("v").unwrap().to_string(),
            )
        })
        .collect();
    let want: BTreeMap<i64, String> = [(1, "one!"), (4, "four"), (30, "thirty")]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect();
    assert_eq!(got, want);
    // a change the mapping refuses is rejected, the rest applied
    let mut bad = change(&db, Op::Update, 1, None, None);
    bad.doc = Some(doc! {"id": "not a number", "v": "x"});
    let w = sink
        .apply(
            &route,
            &[bad, change(&db, Op::Insert, 6, None, Some("six"))],
        )
        .await
        .unwrap();
    assert_eq!(w.rejected.len(), 1);
    assert_eq!(w.rejected[0].id, Bson::Int64(1));
    sink.truncate(&t).await.unwrap();
    assert_eq!(sink.client.count(&index_name(&t)).await.unwrap(), Some(0));
    sink.client.delete_index(&index_name(&t)).await.unwrap();
}

#[tokio::test]
async fn keyless_units_hold_the_wanted_occurrences() {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let unit = schema(
        &unique_name("kl"),
        "t",
        vec![col("a", ColType::Int), col("b", ColType::Text)],
        vec![],
    );
    let t = sink.target(&unit.db, &unit.table);
    let into = sink
        .begin_copy(&unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    let row_x = doc! {"a": 1, "b": "x"};
    let row_y = doc! {"a": 2, "b": "y"};
    let hash = |r: &Document| doc_id(&unit, r).as_str().unwrap().to_string();
    let (hx, hy) = (hash(&row_x), hash(&row_y));
    // the copy: x twice, y once
    let mut rows = vec![];
    for (r, h, n) in [(&row_x, &hx, 0), (&row_x, &hx, 1), (&row_y, &hy, 0)] {
        let mut d = r.clone();
        d.insert("_id", keyless_id(h, n));
        rows.push(d);
    }
    sink.write_rows(&into, rows.clone(), false).await.unwrap();
    sink.end_copy(&t, &into).await.unwrap();
    let present = sink.keyless_present(&t, &[&hx, &hy]).await.unwrap();
    assert_eq!(present[&hx], BTreeSet::from([0, 1]));
    assert_eq!(present[&hy], BTreeSet::from([0]));
    let back = scan(&sink, &unit, &t).await;
    assert_eq!(digests(&back), digests(&rows));
    assert!(back.iter().all(|d| !d.contains_key("_shark_hash")));
    // now x once, y three times
    let targets = [
        KeylessTarget {
            hash: hx.clone(),
            want: 1,
            row: Some(row_x.clone()),
        },
        KeylessTarget {
            hash: hy.clone(),
            want: 3,
            row: Some(row_y.clone()),
        },
    ];
    sink.keyless_set(&t, &present, &targets).await.unwrap();
    // idempotent
    let present = sink.keyless_present(&t, &[&hx, &hy]).await.unwrap();
    sink.keyless_set(&t, &present, &targets).await.unwrap();
    let present = sink.keyless_present(&t, &[&hx, &hy]).await.unwrap();
    assert_eq!(present[&hx], BTreeSet::from([0]));
    assert_eq!(present[&hy], BTreeSet::from([0, 1, 2]));
    assert_eq!(scan(&sink, &unit, &t).await.len(), 4);
    sink.client.delete_index(&index_name(&t)).await.unwrap();
}

#[tokio::test]
async fn a_recopy_swaps_a_shadow_index_in() {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let unit = schema(
        &unique_name("re"),
        "t",
        vec![col("id", ColType::BigInt)],
        vec![0],
    );
    let t = sink.target(&unit.db, &unit.table);
    let rows =
        |ids: &[i64]| -> Vec<Document> { ids.iter().map(|i| doc! {"_id": *i, "id": *i}).collect() };
    let ids = |docs: Vec<Document>| -> BTreeSet<i64> {
        docs.iter().map(|d| d.get_i64("_id").unwrap()).collect()
    };
    let into = sink
        .begin_copy(&unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    sink.write_rows(&into, rows(&[1, 2, 3]), false)
        .await
        .unwrap();
    sink.end_copy(&t, &into).await.unwrap();
    let live = index_name(&t);
    for (round, keep) in [(0, vec![2i64, 3, 4]), (1, vec![4, 5]), (2, vec![6])] {
        let shadow = sink
            .begin_copy(&unit, &t, Begin::Recopy { resume: false })
            .await
            .unwrap();
        assert_ne!(shadow, t);
        sink.write_rows(&shadow, rows(&keep), false).await.unwrap();
        // the live index is untouched until the swap
        assert!(!scan(&sink, &unit, &t).await.is_empty());
        sink.end_copy(&t, &shadow).await.unwrap();
        assert_eq!(
            ids(scan(&sink, &unit, &t).await),
            keep.iter().copied().collect(),
            "round {round}"
        );
        assert_eq!(
            sink.client.alias_targets(&live).await.unwrap(),
            vec![index_name(&shadow)]
        );
    }
    // later writes and --drop-target go through the alias
    sink.write_rows(&t, rows(&[7]), false).await.unwrap();
    assert_eq!(ids(scan(&sink, &unit, &t).await), BTreeSet::from([6, 7]));
    sink.begin_copy(&unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    assert!(sink.client.alias_targets(&live).await.unwrap().is_empty());
    assert_eq!(sink.client.count(&live).await.unwrap(), Some(0));
    sink.client.delete_index(&live).await.unwrap();
}

fn es_spec(selectors: &[&str], rows: usize) -> TaskSpec {
    serde_json::from_value(serde_json::json!({
        "source": "es", "target": "es", "tables": selectors, "mode": Mode::Mirror,
        "batch_rows": rows, "batch_bytes": 8 << 20,
    }))
    .unwrap()
}

/// An index of `n` documents `d000`..: `n` (integer), `big` (long), `at` (date), `tag`
/// (keyword), `blob` (binary), `obj` (object).
async fn source_index(sink: &EsSink, name: &str, n: usize) {
    let body = serde_json::json!({"mappings": {"properties": {
        "n": {"type": "integer"}, "big": {"type": "long"}, "at": {"type": "date"},
        "tag": {"type": "keyword"}, "blob": {"type": "binary"}, "score": {"type": "double"},
        "obj": {"properties": {"k": {"type": "keyword"}}}
    }}});
    sink.client.create_index(name, &body).await.unwrap();
    let ops: Vec<_> = (0..n)
        .map(|i| shark::sync::es::BulkOp::Index {
            index: name.into(),
            id: format!("d{i:03}"),
            source: serde_json::json!({
                "n": i, "big": 10_000_000_000i64 + i as i64, "at": "2024-01-01T00:00:00Z",
                "tag": format!("t{}", i % 3), "blob": "AAEC", "score": i as f64 / 2.0,
                "obj": {"k": "v", "list": ["a", "b"], "num": 2.5}
            })
            .to_string(),
        })
        .collect();
    assert!(sink.client.bulk(&ops).await.unwrap().is_empty());
    sink.client.refresh(name).await.unwrap();
}

/// Read `unit` from `resume`; with `first_only`, stop after the first batch. Returns the
/// batches.
async fn read(
    src: &EsSource,
    unit: &TableSchema,
    resume: Option<serde_json::Value>,
    rows: usize,
    first_only: bool,
) -> Vec<Batch> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(4);
    let limits = BatchLimits {
        rows,
        bytes: 8 << 20,
    };
    let reading = src.read(unit, resume, limits, tx, &|| false);
    let consuming = async move {
        let mut got = vec![];
        while let Some(b) = rx.recv().await {
            got.push(b.unwrap());
            if first_only {
                break;
            }
        }
        got
    };
    let (r, got) = tokio::join!(reading, consuming);
    assert!(
        r.unwrap().is_none(),
        "an Elasticsearch source has no binlog position"
    );
    got
}

fn ids_of(batches: &[Batch]) -> Vec<String> {
    batches
        .iter()
        .flat_map(|b| b.docs.iter())
        .map(|d| d.get_str("_id").unwrap().to_string())
        .collect()
}

async fn resume_across_a_new_reader(paging: Paging) {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let prefix = unique_name("src");
    let name = format!("{prefix}-logs-1");
    source_index(&sink, &name, 25).await;
    sink.client
        .create_index(&format!(".{prefix}-hidden"), &serde_json::json!({}))
        .await
        .unwrap();
    let src = EsSource::connect(&es_conn(), false)
        .await
        .unwrap()
        .with_paging(paging);
    src.check().await.unwrap();
    let units = src
        .units(&es_spec(
            &[&format!("{prefix}-logs-*"), &format!(".{prefix}*")],
            10,
        ))
        .await
        .unwrap();
    assert_eq!(units.keys().collect::<Vec<_>>(), vec![&name]);
    let unit = &units[&name];
    assert_eq!(unit.db, "");
    assert_eq!(src.estimate(unit).await, Some(25));
    // the whole index in one go
    let all = read(&src, unit, None, 10, false).await;
    let every: Vec<String> = (0..25).map(|i| format!("d{i:03}")).collect();
    let mut got = ids_of(&all);
    got.sort();
    assert_eq!(got, every);
    // values by the mapping's types
    let d = &all[0].docs[0];
    assert_eq!(d.get("n"), Some(&Bson::Int32(0)));
    assert_eq!(d.get("big"), Some(&Bson::Int64(10_000_000_000)));
    assert_eq!(
        d.get("at"),
        Some(&Bson::DateTime(DateTime::from_millis(1_704_067_200_000)))
    );
    assert_eq!(d.get("blob"), Some(&bin(&[0, 1, 2])));
    assert_eq!(d.get("score"), Some(&Bson::Double(0.0)));
    // an object field comes as its JSON text, exactly as `_source` holds it
    let raw = raw_sources(&name).await;
    let obj = &raw[d.get_str("_id").unwrap()]["obj"];
    assert_eq!(json_text(d.get("obj").unwrap()), Some(obj.as_bytes()));
    assert_eq!(obj, r#"{"k":"v","list":["a","b"],"num":2.5}"#);
    // the first batch, then a new reader from its resume point: exactly the rest
    let first = read(&src, unit, None, 10, true).await;
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].docs.len(), 10);
    let resume = first[0].resume.clone().expect("a resume point");
    let rest = read(&src, unit, Some(resume), 10, false).await;
    let mut both = ids_of(&first);
    both.extend(ids_of(&rest));
    assert_eq!(both.len(), 25, "no duplicate, no gap");
    both.sort();
    assert_eq!(both, every);
    // ES → ES: the unit written to another index and scanned back digest-equal
    let t = sink.target("", &format!("{prefix}-copy"));
    let into = sink
        .begin_copy(unit, &t, Begin::Fresh { drop: true })
        .await
        .unwrap();
    for b in &all {
        let w = sink.write_rows(&into, b.docs.clone(), false).await.unwrap();
        assert!(w.rejected.is_empty(), "{:?}", w.rejected);
    }
    sink.end_copy(&t, &into).await.unwrap();
    let originals: Vec<Document> = all.iter().flat_map(|b| b.docs.clone()).collect();
    assert_eq!(digests(&scan(&sink, unit, &t).await), digests(&originals));
    for i in [name, format!(".{prefix}-hidden"), index_name(&t)] {
        sink.client.delete_index(&i).await.unwrap();
    }
}

/// osmem says it is OpenSearch 3.8: pages sort on `_shard_doc`, and a resume point carries
/// its PIT, in which the next reader goes on.
#[tokio::test]
async fn a_source_read_resumes_in_its_point_in_time() {
    resume_across_a_new_reader(Paging::Pit).await;
}

/// A resume point whose PIT is gone (expired, or a shard of it lost) reads the index again
/// from the start, and says so to the copier (which counts the unit's rows again); a resume
/// point on `_id` (the fallback order, or a task of an older shark) goes on after that `_id`
/// in a new PIT.
#[tokio::test]
async fn resume_points_without_their_pit_and_on_id() {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let name = unique_name("resume");
    source_index(&sink, &name, 25).await;
    let src = EsSource::connect(&es_conn(), false).await.unwrap();
    let units = src.units(&es_spec(&[&name], 10)).await.unwrap();
    let unit = &units[&name];
    let gone = serde_json::json!({"after": [7], "by": "_shard_doc", "pit": "bm90IGEgUElU"});
    let all = read(&src, unit, Some(gone), 10, false).await;
    assert!(
        all[0].restart,
        "the first batch says the read started again"
    );
    assert!(all[1..].iter().all(|b| !b.restart));
    let mut got = ids_of(&all);
    got.sort();
    assert_eq!(got, (0..25).map(|i| format!("d{i:03}")).collect::<Vec<_>>());
    let on_id = serde_json::json!({"after": ["d009"], "by": "_id"});
    let rest = read(&src, unit, Some(on_id), 10, false).await;
    let mut got = ids_of(&rest);
    got.sort();
    assert_eq!(
        got,
        (10..25).map(|i| format!("d{i:03}")).collect::<Vec<_>>()
    );
    sink.client.delete_index(&name).await.unwrap();
}

#[tokio::test]
async fn a_source_read_by_scroll_resumes_after_its_last_batch() {
    resume_across_a_new_reader(Paging::Scroll).await;
}

/// osmem has a PIT API (OpenSearch's); the scroll path runs when asked for.
#[tokio::test]
async fn osmem_pages_with_a_pit_or_a_scroll() {
    let _l = lock_servers(Lock::Shared);
    let sink = EsSink::connect(&es_conn()).await.unwrap();
    let name = unique_name("paging");
    source_index(&sink, &name, 5).await;
    let q = serde_json::json!({"match_all": {}});
    let mut r = Reader::open(&sink.client, &name, q.clone(), 2, None, Paging::Auto)
        .await
        .unwrap();
    assert!(r.in_pit());
    let mut n = 0;
    while let Some(p) = r.next().await.unwrap() {
        n += p.len();
    }
    assert_eq!(n, 5);
    let mut r = Reader::open(&sink.client, &name, q, 2, None, Paging::Scroll)
        .await
        .unwrap();
    assert!(r.in_scroll());
    let mut n = 0;
    while let Some(p) = r.next().await.unwrap() {
        n += p.len();
    }
    assert_eq!(n, 5);
    sink.client.delete_index(&name).await.unwrap();
}
