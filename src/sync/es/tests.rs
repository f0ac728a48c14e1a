//! Sync's side of the ES client: `_bulk` item handling, partial search answers, and how
//! client errors become transient or fatal errors of a side, against a canned server.

use super::*;
use crate::conn::es::fake::{self, Canned};

fn client(url: &str, secret: Option<&str>, limits: BulkLimits) -> EsClient {
    EsClient {
        es: fake::client(fake::test_conn(url, secret), None, fake::quick()),
        side: Side::Target,
        limits,
    }
}

/// A canned server answering `(status, body)` in turn; the request bodies it received.
async fn canned(answers: Vec<(u16, String)>) -> (String, fake::Log) {
    fake::serve(
        answers
            .into_iter()
            .map(|(s, b)| Canned::new(s, b))
            .collect(),
    )
    .await
}

fn index_op(id: &str) -> BulkOp {
    BulkOp::Index {
        index: "i".into(),
        id: id.into(),
        source: json!({"a": "x".repeat(100)}).to_string(),
    }
}

#[tokio::test]
async fn bulk_retries_the_request_and_the_throttled_items_only() {
    let ok = |id: &str| json!({"index": {"_id": id, "status": 201}});
    let items = json!({"errors": true, "items": [
        ok("1"),
        {"index": {"_id": "2", "status": 429, "error": {"type": "es_rejected_execution_exception", "reason": "queue full"}}},
        {"index": {"_id": "3", "status": 400, "error": {"type": "mapper_parsing_exception", "reason": "failed to parse field [n] of type [long]"}}},
    ]});
    let (url, seen) = canned(vec![
        (503, "{}".into()),
        (200, items.to_string()),
        (
            200,
            json!({"errors": false, "items": [ok("2")]}).to_string(),
        ),
    ])
    .await;
    let c = client(&url, None, BulkLimits::default());
    let ops = [index_op("1"), index_op("2"), index_op("3")];
    let failed = c.bulk(&ops).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].op, 2);
    assert_eq!(failed[0].status, 400);
    assert_eq!(
        failed[0].reason,
        "mapper_parsing_exception: failed to parse field [n] of type [long]"
    );
    let seen: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|s| s.body.clone())
        .collect();
    assert_eq!(seen.len(), 3);
    // the third request carries the throttled item alone
    assert_eq!(seen[2].lines().count(), 2);
    assert!(seen[2].contains(r#""_id":"2""#));
}

#[test]
fn only_content_errors_are_refused_rows() {
    use ItemFault::*;
    for (status, kind, want) in [
        (400, "mapper_parsing_exception", Content),
        (400, "document_parsing_exception", Content),
        (400, "strict_dynamic_mapping_exception", Content),
        (400, "illegal_argument_exception", Content),
        (403, "cluster_block_exception", Stop),
        (429, "cluster_block_exception", Retry),
        (404, "index_not_found_exception", Stop),
        (403, "security_exception", Stop),
        (409, "version_conflict_engine_exception", Stop),
        (400, "action_request_validation_exception", Stop),
        (500, "null_pointer_exception", Retry),
        (503, "unavailable_shards_exception", Retry),
        (429, "es_rejected_execution_exception", Retry),
        (400, "es_rejected_execution_exception", Retry),
        (400, "rejected_execution_exception", Retry),
        (413, "", Stop),
    ] {
        assert_eq!(item_fault(status, kind), want, "{status} {kind}");
    }
}

#[tokio::test]
async fn bulk_stops_at_an_item_refused_by_a_write_block_and_retries_server_errors() {
    let ok = |id: &str| json!({"index": {"_id": id, "status": 201}});
    let blocked = json!({"errors": true, "items": [
        ok("1"),
        {"index": {"_id": "2", "status": 403, "error": {"type": "cluster_block_exception", "reason": "index [i] blocked by: [FORBIDDEN/8/index write (api)];"}}},
    ]});
    let (url, _) = canned(vec![(200, blocked.to_string())]).await;
    let c = client(&url, None, BulkLimits::default());
    let e = c.bulk(&[index_op("1"), index_op("2")]).await.unwrap_err();
    assert!(!e.is_transient(), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("HTTP 403 cluster_block_exception"), "{msg}");
    assert!(msg.contains("index.blocks.write"), "{msg}");
    // a shard failing over: sent again, then written
    let failing = json!({"errors": true, "items": [
        {"index": {"_id": "1", "status": 500, "error": {"type": "illegal_state_exception", "reason": "primary shard relocated"}}},
    ]});
    let (url, seen) = canned(vec![
        (200, failing.to_string()),
        (
            200,
            json!({"errors": false, "items": [ok("1")]}).to_string(),
        ),
    ])
    .await;
    let c = client(&url, None, BulkLimits::default());
    assert!(c.bulk(&[index_op("1")]).await.unwrap().is_empty());
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[test]
fn a_search_answer_missing_shards_is_a_transient_error() {
    let c = client("http://127.0.0.1:1", None, BulkLimits::default());
    let full = json!({"_shards": {"total": 3, "successful": 3, "skipped": 0, "failed": 0}, "timed_out": false});
    let check = |a: &Value| c.complete("a page of i", &a["_shards"], a["timed_out"] == true);
    check(&full).unwrap();
    let failed = json!({"_shards": {"total": 3, "successful": 2, "skipped": 0, "failed": 1,
        "failures": [{"shard": 1, "reason": {"type": "search_context_missing_exception", "reason": "No search context found for id [17]"}}]},
        "timed_out": false});
    let e = check(&failed).unwrap_err();
    assert!(e.is_transient(), "{e}");
    assert!(
        e.to_string()
            .contains("partial results, 1 of 3 shards failed (search_context_missing_exception"),
        "{e}"
    );
    let late = json!({"_shards": {"total": 3, "successful": 3, "failed": 0}, "timed_out": true});
    assert!(check(&late).unwrap_err().to_string().contains("timed out"));
    let short = json!({"_shards": {"total": 3, "successful": 2, "failed": 0}});
    assert!(check(&short).unwrap_err().is_transient());
}

#[tokio::test]
async fn a_server_that_keeps_refusing_is_a_transient_error_after_bounded_attempts() {
    let (url, seen) = canned(vec![(503, "{}".into()); 5]).await;
    let c = client(&url, None, BulkLimits::default());
    let e = c.refresh("i").await.unwrap_err();
    assert!(e.is_transient(), "{e}");
    assert!(e.to_string().contains("gave up after 3 attempts"), "{e}");
    assert_eq!(seen.lock().unwrap().len(), 3);
    // nobody listening: transient as well
    let c = client("http://127.0.0.1:9", None, BulkLimits::default());
    assert!(c.count("i").await.unwrap_err().is_transient());
    // a 500 is retried like a 503 (one rule for every user of the client)...
    let (url, seen) = canned(vec![
        (
            500,
            r#"{"error":{"type":"null_pointer_exception","reason":"x"}}"#.into(),
        ),
        (200, r#"{"count":7}"#.into()),
    ])
    .await;
    let c = client(&url, None, BulkLimits::default());
    assert_eq!(c.count("i").await.unwrap(), Some(7));
    assert_eq!(seen.lock().unwrap().len(), 2);
    // ...and a 400 is fatal at once
    let (url, seen) = canned(vec![(400, "{}".into()), (200, "{}".into())]).await;
    let c = client(&url, None, BulkLimits::default());
    assert!(!c.refresh("i").await.unwrap_err().is_transient());
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[test]
fn bulk_bodies_are_ndjson_cut_by_count_and_bytes() {
    let op = index_op;
    let mut b = vec![];
    op("1").ndjson(&mut b);
    BulkOp::Delete {
        index: "i".into(),
        id: "2".into(),
    }
    .ndjson(&mut b);
    let text = String::from_utf8(b).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    let line = |i: usize| serde_json::from_str::<Value>(lines[i]).unwrap();
    assert_eq!(line(0), json!({"index": {"_index": "i", "_id": "1"}}));
    assert_eq!(line(1)["a"], json!("x".repeat(100)));
    assert_eq!(line(2), json!({"delete": {"_index": "i", "_id": "2"}}));
    let ops: Vec<BulkOp> = (0..10).map(|i| op(&i.to_string())).collect();
    let c = client(
        "http://127.0.0.1:1",
        None,
        BulkLimits {
            docs: 4,
            bytes: 400,
        },
    );
    let all: Vec<usize> = (0..10).collect();
    let sizes: Vec<usize> = c.cut(&ops, &all).iter().map(Vec::len).collect();
    // each operation is ~150 bytes: the byte bound (2 per request) wins over the count (4)
    assert_eq!(sizes, vec![2, 2, 2, 2, 2]);
    let c = EsClient {
        limits: BulkLimits {
            docs: 4,
            bytes: 1 << 20,
        },
        ..c
    };
    let sizes: Vec<usize> = c.cut(&ops, &all).iter().map(Vec::len).collect();
    assert_eq!(sizes, vec![4, 4, 2]);
}
