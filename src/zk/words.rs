//! Four-letter words over plain TCP (`srvr`, `mntr`, `cons`) and the AdminServer's JSON
//! `/commands/*` endpoints, with the parsers for their answers.

pub use crate::conn::probe::zk::{WordReply, four_letter};
use std::collections::BTreeMap;
use std::time::Duration;

/// `key: value` lines of `srvr`/`stat`.
pub fn parse_srvr(text: &str) -> BTreeMap<String, String> {
    crate::conn::probe::zk::parse_kv(text)
}

/// Tab-separated `key\tvalue` lines of `mntr` (values may contain colons).
pub fn parse_mntr(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// Client connection lines of `cons` (` /127.0.0.1:51234[1](queued=0,...)`).
pub fn parse_cons(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('/'))
        .filter_map(|l| l.split('[').next())
        .map(|a| a.trim_start_matches('/').to_string())
        .collect()
}

/// An HTTP client for the AdminServer with short timeouts.
pub fn admin_client() -> Option<reqwest::Client> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(3))
        .user_agent(concat!("shark/", env!("CARGO_PKG_VERSION")))
        .build()
        .ok()
}

/// GET `http://host:port/commands/NAME` and return its JSON document.
pub async fn admin_command(
    client: &reqwest::Client,
    host: &str,
    port: u16,
    name: &str,
) -> Result<serde_json::Value, String> {
    let url = format!("http://{host}:{port}/commands/{name}");
    let resp = client
        .get(&url)
        .send()
        .await
        .map_err(|e| format!("AdminServer {host}:{port}: {}", e.without_url()))?;
    if !resp.status().is_success() {
        return Err(format!(
            "AdminServer {host}:{port} answered HTTP {}",
            resp.status()
        ));
    }
    resp.json()
        .await
        .map_err(|e| format!("AdminServer {host}:{port}: bad JSON: {}", e.without_url()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mntr_values_keep_their_colons() {
        let kv =
            parse_mntr("zk_version\t3.8.0-x, built on 2024-12-29 17:54 UTC\nzk_znode_count\t5\n");
        assert_eq!(kv["zk_version"], "3.8.0-x, built on 2024-12-29 17:54 UTC");
        assert_eq!(kv["zk_znode_count"], "5");
    }

    #[test]
    fn cons_lists_client_addresses() {
        let c = parse_cons(
            " /127.0.0.1:51234[1](queued=0,recved=1,sent=1)\n /127.0.0.1:1[0](queued=0)\n\n",
        );
        assert_eq!(c, vec!["127.0.0.1:51234", "127.0.0.1:1"]);
    }
}
