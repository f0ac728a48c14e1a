//! Slack incoming-webhook delivery: Block Kit messages with pod, container, rule, count and
//! sample lines; the connection's `channel` option is sent as the message's channel; 429
//! `Retry-After` is waited out, 5xx and transport errors are retried with backoff, and every
//! outcome is recorded on the alert row. The webhook URL (the secret) never appears in errors.

use super::store::AlertRow;
use crate::conn::Connection;
use serde_json::{Value, json};
use std::time::Duration;

/// Attempts for 5xx/transport failures before an alert is recorded as failed (it is retried
/// again by the next run). 429s wait as told and do not count against this.
pub const MAX_FAILURES: i64 = 4;
const MAX_RATE_LIMITED: u32 = 20;

pub fn payload(a: &AlertRow, channel: Option<&str>) -> Value {
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
    let mut p = json!({"text": text, "blocks": blocks});
    if let Some(c) = channel {
        p["channel"] = json!(c);
    }
    p
}

fn truncate(s: &str, n: usize) -> String {
    if s.len() <= n {
        s.to_string()
    } else {
        format!("{}…", &s[..s.floor_char_boundary(n)])
    }
}

/// The outcome of one delivery attempt.
pub enum Attempt {
    Sent,
    /// 429: wait this long, then try again
    RateLimited(Duration),
    /// worth retrying (5xx, transport)
    Retry(String),
    /// will not work by retrying (400 invalid payload, 403/404 revoked webhook)
    Fatal(String),
}

pub async fn post(client: &reqwest::Client, conn: &Connection, body: &Value) -> Attempt {
    let Some(url) = conn.secret.as_ref() else {
        return Attempt::Fatal("no webhook URL stored".into());
    };
    let resp = match client.post(url.expose()).json(body).send().await {
        Ok(r) => r,
        Err(e) => return Attempt::Retry(crate::conn::probe::http::transport(conn, e).to_string()),
    };
    let status = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    // the reply is only ever quoted: read a bounded amount and scrub the webhook from it
    let text = crate::conn::redact::error_body(resp).await;
    let text = crate::conn::probe::http::excerpt(conn, &text);
    match status {
        200..=299 => Attempt::Sent,
        429 => Attempt::RateLimited(Duration::from_secs(retry_after.unwrap_or(1).clamp(1, 300))),
        500..=599 => Attempt::Retry(format!("HTTP {status}: {text}")),
        _ => Attempt::Fatal(format!("HTTP {status}: {text}")),
    }
}

/// Deliver one alert, waiting out rate limits and retrying failures. Returns (status, attempts,
/// last error).
pub async fn deliver(
    client: &reqwest::Client,
    conn: &Connection,
    a: &AlertRow,
    mut on_wait: impl FnMut(Duration, &str),
) -> (String, i64, Option<String>) {
    let body = payload(a, conn.option("channel"));
    let mut attempts = a.attempts;
    let mut failures = 0;
    let mut limited = 0;
    loop {
        attempts += 1;
        match post(client, conn, &body).await {
            Attempt::Sent => return ("sent".into(), attempts, None),
            Attempt::Fatal(e) => return ("failed".into(), attempts, Some(e)),
            Attempt::RateLimited(d) => {
                limited += 1;
                if limited > MAX_RATE_LIMITED {
                    return (
                        "failed".into(),
                        attempts,
                        Some("rate limited too many times".into()),
                    );
                }
                on_wait(d, "rate limited (429)");
                tokio::time::sleep(d).await;
            }
            Attempt::Retry(e) => {
                failures += 1;
                if failures >= MAX_FAILURES {
                    return ("failed".into(), attempts, Some(e));
                }
                let d = Duration::from_millis(500 << failures);
                on_wait(d, &e);
                tokio::time::sleep(d).await;
            }
        }
    }
}

pub fn client() -> Result<reqwest::Client, crate::conn::ConnError> {
    crate::conn::probe::http::client()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_has_blocks_fields_samples_and_channel() {
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
        let p = payload(&a, Some("#ops"));
        assert_eq!(p["channel"], "#ops");
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
        assert!(payload(&a, None).get("channel").is_none());
    }
}
