//! LLM probe: an OpenAI-compatible `GET {base}/models` with the API key, and whether the
//! configured model is served.

use super::Found;
use super::http::{self, join};
use crate::conn::{Check, ConnError, Connection};

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let client = http::client()?;
    let models = http::get_json(conn, &client, &join(&conn.url, "/models")).await?;
    let ids: Vec<String> = models["data"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let want = conn.option("model").unwrap_or("");
    let check = if ids.iter().any(|m| m == want) {
        Check::ok("model", format!("'{want}' is served"))
    } else {
        Check::warn(
            "model",
            format!(
                "'{want}' is not in /models (served: {})",
                if ids.is_empty() {
                    "none listed".into()
                } else {
                    ids.join(", ")
                }
            ),
            format!(
                "set the model with `shark conn edit {} --option model=NAME`",
                conn.name
            ),
        )
    };
    Ok(Found {
        server: Some(format!("OpenAI-compatible API, {} model(s)", ids.len())),
        checks: vec![Check::ok("models", "listed"), check],
    })
}
