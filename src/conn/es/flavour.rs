//! Which engine and version a cluster runs, from `GET /`, and what that means for the REST API:
//! renamed parameters and columns, the point-in-time endpoint, which sorts a search may use.

use serde_json::Value;

/// Which REST API family the cluster speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Flavour {
    Elasticsearch,
    OpenSearch,
}

impl Flavour {
    pub fn name(self) -> &'static str {
        match self {
            Flavour::Elasticsearch => "Elasticsearch",
            Flavour::OpenSearch => "OpenSearch",
        }
    }
}

/// What `GET /` said about the server. Which versions an engine accepts is the engine's call.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Server {
    pub flavour: Flavour,
    /// `version.number` as the server wrote it (`8.13.4`, `2.19.1`, `9.0.0-SNAPSHOT`).
    pub version: String,
    pub major: u32,
    #[serde(skip)]
    pub minor: u32,
    pub cluster_name: String,
}

impl Server {
    /// Parse `GET /` (<https://www.elastic.co/guide/en/elasticsearch/reference/8.17/rest-api-root.html>;
    /// OpenSearch adds `version.distribution: "opensearch"`). The error is the reason, for an
    /// error naming `GET /`.
    pub fn from_root(root: &Value) -> Result<Server, String> {
        let version = root
            .pointer("/version/number")
            .and_then(Value::as_str)
            .ok_or("no version.number: is this Elasticsearch or OpenSearch?")?;
        let mut parts = version.split(['.', '-']).map(|p| p.parse::<u32>().ok());
        let major = parts
            .next()
            .flatten()
            .ok_or_else(|| format!("version.number '{version}' is not a version"))?;
        let minor = parts.next().flatten().unwrap_or(0);
        let flavour = if root
            .pointer("/version/distribution")
            .and_then(Value::as_str)
            == Some("opensearch")
        {
            Flavour::OpenSearch
        } else {
            Flavour::Elasticsearch
        };
        Ok(Server {
            flavour,
            version: version.to_string(),
            major,
            minor,
            cluster_name: root["cluster_name"].as_str().unwrap_or("").to_string(),
        })
    }

    /// `OpenSearch 2.19.1`.
    pub fn label(&self) -> String {
        format!("{} {}", self.flavour.name(), self.version)
    }

    pub fn at_least(&self, major: u32, minor: u32) -> bool {
        (self.major, self.minor) >= (major, minor)
    }

    fn cluster_manager(&self) -> bool {
        self.flavour == Flavour::OpenSearch && self.major >= 2
    }

    /// `_cat/nodes` column of the elected master: renamed in OpenSearch 2.
    pub fn master_column(&self) -> &'static str {
        if self.cluster_manager() {
            "cluster_manager"
        } else {
            "master"
        }
    }

    /// Query parameter bounding how long a request waits for the master: renamed in
    /// OpenSearch 2.
    pub fn master_timeout_param(&self) -> &'static str {
        if self.cluster_manager() {
            "cluster_manager_timeout"
        } else {
            "master_timeout"
        }
    }

    /// The path that opens a point in time on `index` (keep-alive in the query), when the
    /// server has PIT: OpenSearch 2.4+ (`/_search/point_in_time`), Elasticsearch 7.10+ (`/_pit`).
    pub fn pit_path(&self, index: &str) -> Option<String> {
        match self.flavour {
            Flavour::OpenSearch if self.at_least(2, 4) => {
                Some(format!("/{index}/_search/point_in_time"))
            }
            Flavour::Elasticsearch if self.at_least(7, 10) => Some(format!("/{index}/_pit")),
            _ => None,
        }
    }

    /// Whether searches may sort on `_id`: Elasticsearch 8 refuses it by default
    /// (`indices.id_field_data.enabled=false`); 7.x and OpenSearch allow it.
    pub fn sorts_on_id(&self) -> bool {
        !(self.flavour == Flavour::Elasticsearch && self.major >= 8)
    }

    /// Whether a PIT search can sort on `_shard_doc` (shard and Lucene doc id: no fielddata on
    /// the cluster's heap): Elasticsearch 7.12+, OpenSearch 3.3+.
    pub fn sorts_on_shard_doc(&self) -> bool {
        match self.flavour {
            Flavour::Elasticsearch => self.at_least(7, 12),
            Flavour::OpenSearch => self.at_least(3, 3),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn v(distribution: &str, number: &str) -> Server {
        Server::from_root(&json!({"version": {"number": number, "distribution": distribution}}))
            .unwrap()
    }

    #[test]
    fn flavours_and_versions() {
        let es8 = Server::from_root(
            &json!({"cluster_name":"c","version":{"number":"8.13.4","build_flavor":"default"}}),
        )
        .unwrap();
        assert_eq!(
            (es8.flavour, es8.major, es8.minor),
            (Flavour::Elasticsearch, 8, 13)
        );
        assert_eq!(es8.cluster_name, "c");
        assert_eq!(es8.label(), "Elasticsearch 8.13.4");
        assert_eq!(es8.master_column(), "master");
        assert_eq!(es8.master_timeout_param(), "master_timeout");
        let os2 = v("opensearch", "2.11.0");
        assert_eq!(os2.flavour, Flavour::OpenSearch);
        assert_eq!(os2.master_column(), "cluster_manager");
        assert_eq!(os2.master_timeout_param(), "cluster_manager_timeout");
        assert_eq!(
            v("opensearch", "1.3.0").master_timeout_param(),
            "master_timeout"
        );
        assert_eq!(v("", "9.0.0-SNAPSHOT").major, 9);
        let e = Server::from_root(&json!({"hello": "world"})).unwrap_err();
        assert!(e.contains("no version.number"), "{e}");
        assert!(Server::from_root(&json!({"version":{"number":"latest"}})).is_err());
    }

    #[test]
    fn versions_say_which_pit_endpoint_and_sorts() {
        let os = v("opensearch", "3.8.0");
        assert_eq!(
            os.pit_path("i").as_deref(),
            Some("/i/_search/point_in_time")
        );
        assert!(os.sorts_on_id());
        assert_eq!(v("opensearch", "2.3.0").pit_path("i"), None);
        assert_eq!(v("", "7.10.2").pit_path("i").as_deref(), Some("/i/_pit"));
        assert_eq!(v("", "7.9.3").pit_path("i"), None);
        assert!(!v("", "8.11.0").sorts_on_id());
        assert!(v("", "7.17.0").sorts_on_id());
        // `_shard_doc`: Elasticsearch 7.12+, OpenSearch 3.3+
        assert!(v("", "7.12.0").sorts_on_shard_doc());
        assert!(!v("", "7.11.2").sorts_on_shard_doc());
        assert!(v("", "8.11.0").sorts_on_shard_doc());
        assert!(v("opensearch", "3.3.0").sorts_on_shard_doc());
        assert!(!v("opensearch", "3.2.0").sorts_on_shard_doc());
        assert!(!v("opensearch", "2.19.1").sorts_on_shard_doc());
    }
}
