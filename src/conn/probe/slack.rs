//! Slack incoming-webhook probe. Posting an empty payload posts nothing: a live webhook answers
//! 400 `no_text` (or 200 from some receivers), a revoked or wrong one 403/404/410. The webhook
//! URL is the secret, so it never appears in output or errors.

use super::{Found, auth_failed, http, protocol};
use crate::conn::{Check, ConnError, Connection};

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let url = conn.secret.as_ref().ok_or_else(|| {
        ConnError::Invalid(format!(
            "{}: no webhook URL stored; set it with `shark conn edit {} --secret-stdin`",
            conn.name, conn.name
        ))
    })?;
    let client = http::client()?;
    let resp = client
        .post(url.expose())
        .json(&serde_json::json!({}))
        .send()
        .await
        .map_err(|e| http::transport(conn, e))?;
    let status = resp.status().as_u16();
    let body = http::excerpt(conn, &crate::conn::redact::error_body(resp).await);
    match status {
        200..=299 => Ok(Found {
            server: Some("Slack webhook".into()),
            checks: vec![Check::ok("webhook", format!("accepted (HTTP {status})"))],
        }),
        400 => Ok(Found {
            server: Some("Slack webhook".into()),
            checks: vec![Check::ok(
                "webhook",
                format!("live (empty test payload refused: {body})"),
            )],
        }),
        401 | 403 | 404 | 410 => Err(auth_failed(
            conn,
            format!("webhook refused (HTTP {status}: {body}); it was revoked or mistyped"),
        )),
        _ => Err(protocol(conn, format!("webhook answered HTTP {status}"))),
    }
}
