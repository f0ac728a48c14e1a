//! The REST client: one reqwest client per command, the connection's credentials, flavour and
//! version detection from `GET /`, and typed parsing of every response. A non-2xx answer or a
//! body that does not have the documented shape is an error naming the endpoint; nothing here
//! panics on what a server sends.

use super::error::EsShardsError;
use crate::conn::probe::http;
use crate::conn::{Connection, Kind, redact};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::time::Duration;

/// Which REST API family the cluster speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Flavour {
    Elasticsearch,
    OpenSearch,
}

/// What `GET /` said about the server.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Server {
    pub flavour: Flavour,
    pub version: String,
    pub major: u32,
    pub cluster_name: String,
}

impl Server {
    /// Parse `GET /` (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/rest-api-root.html>,
    /// OpenSearch adds `version.distribution: "opensearch"`) and refuse what we do not speak.
    pub fn from_root(root: &Value, endpoint: &str) -> Result<Server, EsShardsError> {
        let malformed = |reason: &str| EsShardsError::Malformed {
            endpoint: "GET /".into(),
            reason: reason.into(),
        };
        let version = root
            .pointer("/version/number")
            .and_then(Value::as_str)
            .ok_or_else(|| malformed("no version.number: is this Elasticsearch or OpenSearch?"))?;
        let major: u32 = version
            .split('.')
            .next()
            .and_then(|m| m.parse().ok())
            .ok_or_else(|| malformed(&format!("version.number '{version}' is not a version")))?;
        let flavour = if root
            .pointer("/version/distribution")
            .and_then(Value::as_str)
            == Some("opensearch")
        {
            Flavour::OpenSearch
        } else {
            Flavour::Elasticsearch
        };
        let supported = match flavour {
            Flavour::Elasticsearch => (7..=9).contains(&major),
            // OpenSearch 1.x is the 7.10 API with `master`; 3.x keeps the 2.x APIs used here
            Flavour::OpenSearch => (1..=3).contains(&major),
        };
        let name = match flavour {
            Flavour::Elasticsearch => "Elasticsearch",
            Flavour::OpenSearch => "OpenSearch",
        };
        if !supported {
            return Err(EsShardsError::Unsupported {
                server: format!("{name} {version}"),
                endpoint: endpoint.into(),
            });
        }
        if matches!(
            (flavour, major),
            (Flavour::Elasticsearch, 9) | (Flavour::OpenSearch, 1 | 3)
        ) {
            tracing::info!("{name} {version}: not a tested version; using the closest API");
        }
        Ok(Server {
            flavour,
            version: version.to_string(),
            major,
            cluster_name: root["cluster_name"].as_str().unwrap_or("").to_string(),
        })
    }

    pub fn label(&self) -> String {
        match self.flavour {
            Flavour::Elasticsearch => format!("Elasticsearch {}", self.version),
            Flavour::OpenSearch => format!("OpenSearch {}", self.version),
        }
    }

    /// `_cat/nodes` column of the elected master: renamed in OpenSearch 2.
    pub fn master_column(&self) -> &'static str {
        match (self.flavour, self.major) {
            (Flavour::OpenSearch, m) if m >= 2 => "cluster_manager",
            _ => "master",
        }
    }

    /// Query parameter bounding how long a write waits for the master: renamed in OpenSearch 2.
    pub fn master_timeout_param(&self) -> &'static str {
        match (self.flavour, self.major) {
            (Flavour::OpenSearch, m) if m >= 2 => "cluster_manager_timeout",
            _ => "master_timeout",
        }
    }
}

/// A connected cluster.
pub struct Client {
    conn: Connection,
    http: reqwest::Client,
    pub server: Server,
}

#[derive(Debug, Clone, Copy)]
pub enum Method {
    Get,
    Put,
    Post,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
        }
    }
}

/// Deadline of a request that reads (or changes nothing that waits for the master).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a cluster-state change may wait for the elected master (`master_timeout`,
/// `cluster_manager_timeout` on OpenSearch 2): the server answers by then, with a 503 at worst.
pub const MASTER_TIMEOUT: Duration = Duration::from_secs(60);
/// Deadline of such a change: longer than [`MASTER_TIMEOUT`], so the client never gives up on a
/// change the cluster may still apply within the time it was given.
const MASTER_WRITE_TIMEOUT: Duration = Duration::from_secs(MASTER_TIMEOUT.as_secs() + 15);

impl Client {
    /// Connect: check the kind, read `GET /`, detect the flavour and version.
    pub async fn connect(conn: Connection) -> Result<Client, EsShardsError> {
        if conn.kind != Kind::Elasticsearch {
            return Err(EsShardsError::Usage(format!(
                "connection '{}' is a {} connection; es-shards needs an elasticsearch one",
                conn.name, conn.kind
            )));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("shark/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| EsShardsError::Usage(format!("HTTP client: {e}")))?;
        let mut c = Client {
            conn,
            http,
            server: Server {
                flavour: Flavour::Elasticsearch,
                version: String::new(),
                major: 0,
                cluster_name: String::new(),
            },
        };
        let root: Value = c.get("/").await?;
        c.server = Server::from_root(&root, &c.conn.endpoint())?;
        Ok(c)
    }

    pub fn conn_name(&self) -> &str {
        &self.conn.name
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, EsShardsError> {
        let body = self.call(Method::Get, path, None).await?;
        self.parse(&label(Method::Get, path), &body)
    }

    /// [`parse`], with any credential the server echoed removed from the quoted body.
    pub fn parse<T: DeserializeOwned>(
        &self,
        endpoint: &str,
        body: &str,
    ) -> Result<T, EsShardsError> {
        parse(endpoint, body).map_err(|e| match e {
            EsShardsError::Malformed { endpoint, reason } => EsShardsError::Malformed {
                endpoint,
                reason: self.scrub(reason),
            },
            other => other,
        })
    }

    pub async fn put<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &Value,
    ) -> Result<T, EsShardsError> {
        let text = self.call(Method::Put, path, Some(body)).await?;
        self.parse(&label(Method::Put, path), &text)
    }

    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: Option<&Value>,
    ) -> Result<T, EsShardsError> {
        let text = self.call(Method::Post, path, body).await?;
        self.parse(&label(Method::Post, path), &text)
    }

    /// PUT a cluster-state change that waits up to [`MASTER_TIMEOUT`] for the master
    /// (`?master_timeout=60s` is added), with an HTTP deadline beyond that wait.
    pub async fn put_master<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &Value,
    ) -> Result<T, EsShardsError> {
        let sep = if path.contains('?') { '&' } else { '?' };
        let full = format!(
            "{path}{sep}{}={}s",
            self.server.master_timeout_param(),
            MASTER_TIMEOUT.as_secs()
        );
        let text = self
            .send(Method::Put, &full, Some(body), MASTER_WRITE_TIMEOUT)
            .await?;
        self.parse(&label(Method::Put, path), &text)
    }

    /// Send one request; return the body of a 2xx answer. Transport failures and 401/403 are
    /// connection errors (exit 3); other non-2xx answers name the endpoint and ES's reason.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<String, EsShardsError> {
        self.send(method, path, body, REQUEST_TIMEOUT).await
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        deadline: Duration,
    ) -> Result<String, EsShardsError> {
        let url = http::join(&self.conn.url, path);
        let req = match method {
            Method::Get => self.http.get(&url),
            Method::Put => self.http.put(&url),
            Method::Post => self.http.post(&url),
        };
        let req = match body {
            Some(b) => req.json(b),
            None => req,
        }
        .timeout(deadline);
        let req = crate::conn::probe::es::with_auth(req, &self.conn);
        tracing::debug!(method = method.as_str(), path, "es request");
        let resp = http::send(&self.conn, req).await?;
        let status = resp.status();
        if !status.is_success() {
            let text = crate::conn::redact::error_body(resp).await;
            return Err(EsShardsError::Http {
                endpoint: label(method, path),
                status: status.as_u16(),
                reason: self.scrub(error_reason(&text)),
            });
        }
        let what = label(method, path);
        Ok(http::body(&self.conn, &what, resp).await?)
    }

    /// The text with every form of the connection's credentials removed, cut to an excerpt.
    fn scrub(&self, text: String) -> String {
        http::excerpt(&self.conn, &text)
    }
}

/// "GET /_cat/shards" — the endpoint without its query string.
pub fn label(method: Method, path: &str) -> String {
    let p = path.split('?').next().unwrap_or(path);
    format!("{} {}", method.as_str(), p)
}

/// ES error bodies: `{"error":{"type":..,"reason":..},"status":..}` (or a plain string).
fn error_reason(body: &str) -> String {
    match serde_json::from_str::<Value>(body) {
        Ok(v) => {
            let e = &v["error"];
            let root = &e["root_cause"][0];
            let pick = |x: &Value| {
                x["reason"].as_str().map(|r| match x["type"].as_str() {
                    Some(t) => format!("{t}: {r}"),
                    None => r.to_string(),
                })
            };
            pick(e)
                .or_else(|| pick(root))
                .or_else(|| e.as_str().map(str::to_string))
                .unwrap_or_else(|| redact::excerpt(body))
        }
        Err(_) => redact::excerpt(body),
    }
}

/// Parse a body into `T`, naming the endpoint and the JSON path that did not fit.
pub fn parse<T: DeserializeOwned>(endpoint: &str, body: &str) -> Result<T, EsShardsError> {
    let de = &mut serde_json::Deserializer::from_str(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let reason = if inner.is_syntax() || inner.is_eof() {
            format!("not JSON ({inner}): {}", redact::excerpt(body))
        } else if path == "." {
            inner.to_string()
        } else {
            format!("at {path}: {inner}")
        };
        EsShardsError::Malformed {
            endpoint: endpoint.to_string(),
            reason,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flavours_and_versions() {
        let es8 =
            json!({"cluster_name":"c","version":{"number":"8.13.4","build_flavor":"default"}});
        let s = Server::from_root(&es8, "x").unwrap();
        assert_eq!((s.flavour, s.major), (Flavour::Elasticsearch, 8));
        assert_eq!(s.master_column(), "master");
        let os2 = json!({"version":{"number":"2.11.0","distribution":"opensearch"}});
        let s = Server::from_root(&os2, "x").unwrap();
        assert_eq!(s.flavour, Flavour::OpenSearch);
        assert_eq!(s.master_column(), "cluster_manager");
        assert_eq!(s.master_timeout_param(), "cluster_manager_timeout");
        // the client waits longer than the master wait it asks the server for
        assert!(MASTER_WRITE_TIMEOUT > MASTER_TIMEOUT && REQUEST_TIMEOUT <= MASTER_WRITE_TIMEOUT);
        let es6 = json!({"version":{"number":"6.8.23"}});
        let e = Server::from_root(&es6, "http://h:9200").unwrap_err();
        assert!(e.to_string().contains("Elasticsearch 6.8.23"), "{e}");
        let junk = json!({"hello": "world"});
        let e = Server::from_root(&junk, "x").unwrap_err();
        assert!(
            e.to_string().starts_with("GET /: unexpected response"),
            "{e}"
        );
        let bad = json!({"version":{"number":"latest"}});
        assert!(Server::from_root(&bad, "x").is_err());
    }

    #[test]
    fn error_bodies_give_their_reason() {
        let b = r#"{"error":{"root_cause":[],"type":"illegal_argument_exception","reason":"unknown setting [x]"},"status":400}"#;
        assert_eq!(
            error_reason(b),
            "illegal_argument_exception: unknown setting [x]"
        );
        assert_eq!(
            error_reason("<html>bad gateway</html>"),
            "<html>bad gateway</html>"
        );
        assert_eq!(
            error_reason(r#"{"error":"no handler found for uri [/_recovery] and method [GET]"}"#),
            "no handler found for uri [/_recovery] and method [GET]"
        );
    }

    #[test]
    fn parse_errors_name_endpoint_and_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            a: Vec<u32>,
        }
        let e = parse::<S>("GET /x", r#"{"a":[1,"two"]}"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("GET /x: unexpected response: at a[1]"),
            "{e}"
        );
        let e = parse::<S>("GET /x", "<html>").unwrap_err();
        assert!(e.to_string().contains("not JSON"), "{e}");
        assert_eq!(
            label(Method::Get, "/_cat/shards?format=json"),
            "GET /_cat/shards"
        );
    }
}
