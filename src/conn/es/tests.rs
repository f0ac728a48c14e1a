//! The retry policy and the client's errors, against a canned loopback server.

use super::fake::{Canned, client, quick, serve, test_conn};
use super::*;
use crate::exit::Classify;
use serde_json::json;
use std::time::Duration;

#[test]
fn backoff_grows_is_capped_and_honours_retry_after() {
    let r = Retry::default();
    assert_eq!(r.wait(1, None), Duration::from_millis(500));
    assert_eq!(r.wait(3, None), Duration::from_secs(2));
    assert_eq!(r.wait(30, None), Duration::from_secs(15));
    assert_eq!(
        r.wait(1, Some(Duration::from_secs(4))),
        Duration::from_secs(4)
    );
    // a Retry-After shorter than the backoff does not shorten it
    assert_eq!(
        r.wait(5, Some(Duration::from_secs(1))),
        Duration::from_secs(8)
    );
    assert_eq!(r.wait(1, Some(Duration::from_secs(400))), MAX_RETRY_AFTER);
    assert_eq!(Retry::once().attempts, 1);
}

#[test]
fn which_statuses_are_retried() {
    for s in [429, 500, 502, 503, 504] {
        assert!(retryable_status(s), "{s}");
    }
    for s in [200, 400, 401, 403, 404, 409, 413, 501, 505] {
        assert!(!retryable_status(s), "{s}");
    }
    // the deadline of a request that asks the server to wait outlasts that wait
    assert_eq!(
        wait_deadline(Duration::from_secs(60)),
        Duration::from_secs(75)
    );
    assert!(CALL_DEADLINE < LONG_DEADLINE);
}

#[tokio::test]
async fn a_429_waits_what_retry_after_asks_then_succeeds() {
    let (url, seen) = serve(vec![
        Canned::new(
            429,
            r#"{"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}"#,
        )
        .header("retry-after: 1"),
        Canned::new(200, r#"{"status":"green"}"#),
    ])
    .await;
    let c = client(test_conn(&url, None), None, quick());
    let v: serde_json::Value = c.get("/_cluster/health").await.unwrap();
    assert_eq!(v["status"], "green");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    // the backoff alone would be 10 ms
    assert!(
        seen[1].at - seen[0].at >= Duration::from_secs(1),
        "{:?}",
        seen[1].at - seen[0].at
    );
}

#[tokio::test]
async fn a_500_is_retried_and_a_persistent_one_names_the_attempts() {
    let boom = r#"{"error":{"type":"null_pointer_exception","reason":"boom"},"status":500}"#;
    let (url, seen) = serve(vec![
        Canned::new(500, boom),
        Canned::new(200, r#"{"acknowledged":true}"#),
    ])
    .await;
    let c = client(test_conn(&url, None), None, quick());
    let v: serde_json::Value = c.put("/_cluster/settings", &json!({})).await.unwrap();
    assert_eq!(v["acknowledged"], true);
    assert_eq!(seen.lock().unwrap().len(), 2);

    let (url, seen) = serve((0..5).map(|_| Canned::new(500, boom)).collect()).await;
    let c = client(test_conn(&url, None), None, quick());
    let e = c
        .get::<serde_json::Value>("/_cat/shards?format=json")
        .await
        .unwrap_err();
    assert!(e.retryable());
    assert_eq!(
        e.to_string(),
        "GET /_cat/shards answered HTTP 500: null_pointer_exception: boom (gave up after 3 attempts)"
    );
    assert_eq!(seen.lock().unwrap().len(), 3);
}

#[tokio::test]
async fn final_statuses_are_not_retried() {
    let (url, seen) = serve(vec![
        Canned::new(
            400,
            r#"{"error":{"type":"illegal_argument_exception","reason":"unknown setting [x]"}}"#,
        ),
        Canned::new(501, "{}"),
    ])
    .await;
    let c = client(test_conn(&url, None), None, quick());
    let e = c
        .put::<serde_json::Value>("/_cluster/settings", &json!({}))
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "PUT /_cluster/settings answered HTTP 400: illegal_argument_exception: unknown setting [x]"
    );
    let e = c.get::<serde_json::Value>("/_recovery").await.unwrap_err();
    assert!(!e.retryable() && e.to_string().contains("HTTP 501"), "{e}");
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_request_that_must_not_run_twice_is_retried_only_when_not_acted_on() {
    let ok = r#"{"acknowledged":true}"#;
    // 503 (no master) and 429: the server did nothing; sent again
    let (url, seen) = serve(vec![
        Canned::new(
            503,
            r#"{"error":{"type":"master_not_discovered_exception","reason":"x"}}"#,
        ),
        Canned::new(429, "{}"),
        Canned::new(200, ok),
    ])
    .await;
    let c = client(test_conn(&url, None), None, quick());
    let call = Call::post("/_cluster/reroute")
        .json(json!({"commands": []}))
        .once();
    c.call::<serde_json::Value>(&call).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 3);
    // 502: it may have been applied behind the gateway; not sent again
    let (url, seen) = serve(vec![Canned::new(502, "bad gateway"), Canned::new(200, ok)]).await;
    let c = client(test_conn(&url, None), None, quick());
    let e = c.call::<serde_json::Value>(&call).await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "POST /_cluster/reroute answered HTTP 502: bad gateway"
    );
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn master_waits_name_the_flavours_parameter_and_outlast_it() {
    let (url, seen) = serve(vec![Canned::new(200, r#"{"acknowledged":true}"#)]).await;
    let c = client(test_conn(&url, None), None, quick());
    let v: serde_json::Value = c
        .put_master("/_cluster/settings", &json!({}), Duration::from_secs(60))
        .await
        .unwrap();
    assert_eq!(v["acknowledged"], true);
    assert_eq!(
        seen.lock().unwrap()[0].line,
        "PUT /_cluster/settings?cluster_manager_timeout=60s"
    );
}

#[tokio::test]
async fn nobody_listening_is_a_transport_error_after_the_attempts() {
    let c = client(test_conn("http://127.0.0.1:9", None), None, quick());
    let e = c.get::<serde_json::Value>("/").await.unwrap_err();
    assert!(e.retryable());
    assert!(
        matches!(
            e,
            EsError::Transport {
                attempts: 3,
                sent: false,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(e.exit_kind().code(), 3);
}

#[tokio::test]
async fn errors_never_quote_the_secret_and_are_one_line() {
    let secret = "s3cr3t-t0ken";
    let body = json!({"error": {"type": "x", "reason": format!("bad header Bearer {secret}\nsecond line")}});
    let (url, _) = serve(vec![
        Canned::new(400, body.to_string()),
        Canned::new(200, format!("{{\"echo\": \"{secret}\", \"n\": \"x\"}}")),
    ])
    .await;
    let c = client(test_conn(&url, Some(secret)), None, quick());
    let e = c
        .get::<serde_json::Value>("/x")
        .await
        .unwrap_err()
        .to_string();
    assert!(!e.contains(secret) && e.contains("***"), "{e}");
    assert!(!e.contains('\n'), "{e}");
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct N {
        n: u32,
    }
    let e = c.get::<N>("/y").await.unwrap_err().to_string();
    assert!(e.starts_with("GET /y: unexpected response: at n:"), "{e}");
}

#[tokio::test]
async fn connect_reads_the_flavour_and_refuses_what_is_not_a_cluster() {
    let (url, _) = serve(vec![Canned::new(
        200,
        json!({"cluster_name": "c", "version": {"number": "2.19.1", "distribution": "opensearch"}})
            .to_string(),
    )])
    .await;
    let c = Client::connect(&test_conn(&url, None)).await.unwrap();
    assert_eq!(c.server.label(), "OpenSearch 2.19.1");
    assert_eq!(c.server.cluster_name, "c");
    let (url, _) = serve(vec![Canned::new(200, r#"{"hello":"world"}"#)]).await;
    let e = Client::connect(&test_conn(&url, None)).await.err().unwrap();
    assert!(
        e.to_string()
            .starts_with("GET /: unexpected response: no version.number"),
        "{e}"
    );
}
