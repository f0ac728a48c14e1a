//! Slack alerts: Block Kit messages with pod, container, rule, count and sample lines, posted
//! through [`crate::conn::slack`] (channel option, 429 `Retry-After`, retries, scrubbed errors);
//! every outcome is recorded on the alert row.

use super::store::AlertRow;
use crate::conn::Connection;
use crate::conn::slack::{self as hook, truncate};
use serde_json::{Value, json};
use std::time::Duration;

/// Attempts for 5xx/transport failures before an alert is recorded as failed (it is retried
/// again by the next run). 429s wait as told and do not count against this.
pub const MAX_FAILURES: i64 = hook::MAX_FAILURES;

pub fn payload(a: &AlertRow) -> Value {
    let sev = a.severity.to_uppercase();
    let place = [
        a.namespace.as_deref(),
        a.pod.as_deref(),
        a.container.as_deref(),
    ]
    .iter()
    .flatten()
    .copied()
    .collect::<Vec<_>>()
    .join("/");
    let place = if place.is_empty() {
        "all followed pods".to_string()
    } else {
        place
    };
    let text = format!(
        "[{sev}] {}: {} match{} of rule '{}' in {place}",
        a.monitor,
        a.count,
        if a.count == 1 { "" } else { "es" },
        a.rule
    );
    let field = |k: &str, v: &str| json!({"type": "mrkdwn", "text": format!("*{k}*\n{v}")});
    let mut fields = vec![
        field("Rule", &a.rule),
        field("Severity", &a.severity),
        field("Count", &a.count.to_string()),
    ];
    for (k, v) in [
        ("Namespace", &a.namespace),
        ("Pod", &a.pod),
        ("Container", &a.container),
    ] {
        if let Some(v) = v {
            fields.push(field(k, v));
        }
    }
    let mut samples: String = a.samples.iter().map(|l| truncate(l, 300) + "\n").collect();
    samples = truncate(&samples, 2800);
    let mut blocks = vec![
        json!({"type": "header", "text": {"type": "plain_text", "text": truncate(&format!("{sev} · {} · {}", a.monitor, a.rule), 150)}}),
        json!({"type": "section", "fields": fields}),
        json!({"type": "section", "text": {"type": "mrkdwn", "text": format!("```{}```", samples.replace("```", "'''"))}}),
    ];
    let mut ctx = format!("first {} · last {}", a.first_ts, a.last_ts);
    if a.suppressed > 0 {
        ctx.push_str(&format!(
            " · {} more during the silence before",
            a.suppressed
        ));
    }
    blocks.push(json!({"type": "context", "elements": [{"type": "mrkdwn", "text": ctx}]}));
    json!({"text": text, "blocks": blocks})
}

/// Deliver one alert, waiting out rate limits and retrying failures. Returns (status, attempts,
/// last error).
pub async fn deliver(
    client: &reqwest::Client,
    conn: &Connection,
    a: &AlertRow,
    on_wait: impl FnMut(Duration, &str),
) -> (String, i64, Option<String>) {
    let d = hook::deliver(client, conn, payload(a), a.attempts, on_wait).await;
    let status = if d.sent { "sent" } else { "failed" };
    (status.into(), d.attempts, d.error)
}

pub fn client() -> Result<reqwest::Client, crate::conn::ConnError> {
    hook::client()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_has_blocks_fields_and_samples() {
        let a = AlertRow {
            id: 1,
            monitor: "web".into(),
            rule: "errors".into(),
            severity: "critical".into(),
            group_key: "prod/web-1/app".into(),
            namespace: Some("prod".into()),
            pod: Some("web-1".into()),
            container: Some("app".into()),
            count: 12,
            suppressed: 3,
            first_ts: "t1".into(),
            last_ts: "t2".into(),
            samples: vec!["ERROR ```x```".into()],
            status: "pending".into(),
            attempts: 0,
            last_error: None,
            created_at: String::new(),
            sent_at: None,
        };
        let p = payload(&a);
        assert!(
            p["text"]
                .as_str()
                .unwrap()
                .contains("12 matches of rule 'errors' in prod/web-1/app")
        );
        let s = p["blocks"].to_string();
        for want in [
            "*Pod*\\nweb-1",
            "*Container*\\napp",
            "*Count*\\n12",
            "3 more during the silence",
        ] {
            assert!(s.contains(want), "{want} in {s}");
        }
        assert!(
            !p["blocks"][2]["text"]["text"].as_str().unwrap()[3..]
                .trim_end_matches("```")
                .contains("```")
        );
    }
}
