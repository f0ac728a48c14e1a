//! Connection kinds and the options each one accepts.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Mysql,
    Mongodb,
    Elasticsearch,
    Zookeeper,
    Prometheus,
    S3,
    Slack,
    Llm,
    Kubernetes,
    Redis,
}

/// One option a kind accepts: name, whether it is required, what it means.
pub struct OptionSpec {
    pub name: &'static str,
    pub required: bool,
    pub help: &'static str,
}

const fn opt(name: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        required: false,
        help,
    }
}
const fn req(name: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        required: true,
        help,
    }
}

const MYSQL_OPTIONS: &[OptionSpec] = &[
    opt(
        "server_id",
        "replica server id used when reading the binlog",
    ),
    opt("tls", "true to require TLS"),
];
const MONGODB_OPTIONS: &[OptionSpec] = &[];
const ELASTICSEARCH_OPTIONS: &[OptionSpec] = &[opt("auth", "basic (default) | apikey | bearer")];
const ZOOKEEPER_OPTIONS: &[OptionSpec] = &[
    opt(
        "admin_port",
        "AdminServer HTTP port (default 8080), used when four-letter words are not whitelisted",
    ),
    opt(
        "admin_ports",
        "comma-separated AdminServer ports, one per host in the URL",
    ),
    opt("chroot", "path prefix applied to every znode path"),
];
const PROMETHEUS_OPTIONS: &[OptionSpec] = &[];
const S3_OPTIONS: &[OptionSpec] = &[
    req("bucket", "bucket name"),
    opt("region", "region (default us-east-1)"),
    opt(
        "path_style",
        "true (default with a custom endpoint) | false",
    ),
    opt("prefix", "key prefix for everything shark writes"),
];
const SLACK_OPTIONS: &[OptionSpec] = &[opt("channel", "channel override")];
const LLM_OPTIONS: &[OptionSpec] = &[
    req("model", "model name sent in chat-completions requests"),
    opt("timeout", "request timeout, e.g. 60s"),
    opt("max_tokens", "maximum tokens in an answer"),
];
const KUBERNETES_OPTIONS: &[OptionSpec] = &[
    opt(
        "kubeconfig",
        "kubeconfig path (default $KUBECONFIG or ~/.kube/config)",
    ),
    opt("context", "kubeconfig context (default: current-context)"),
];
const REDIS_OPTIONS: &[OptionSpec] = &[opt("tls", "true to require TLS")];

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Mysql,
        Kind::Mongodb,
        Kind::Elasticsearch,
        Kind::Zookeeper,
        Kind::Prometheus,
        Kind::S3,
        Kind::Slack,
        Kind::Llm,
        Kind::Kubernetes,
        Kind::Redis,
    ];
    pub const NAMES: [&'static str; 10] = [
        "mysql",
        "mongodb",
        "elasticsearch",
        "zookeeper",
        "prometheus",
        "s3",
        "slack",
        "llm",
        "kubernetes",
        "redis",
    ];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[Self::ALL.iter().position(|k| *k == self).unwrap_or(0)]
    }

    /// What the URL looks like, for help and errors. None: the kind takes no URL.
    pub fn url_example(self) -> Option<&'static str> {
        Some(match self {
            Kind::Mysql => {
                "mysql://USER@HOST:3306/[DB] (a primary and its replicas: mysql://USER@HOST1:3306,HOST2:3306/)"
            }
            Kind::Mongodb => "mongodb://[USER@]HOST:27017/[?OPTIONS]",
            Kind::Elasticsearch => "http://HOST:9200",
            Kind::Zookeeper => "HOST:2181,HOST:2182,HOST:2183",
            Kind::Prometheus => "http://HOST:9090",
            Kind::S3 => "http://HOST:8333 (endpoint; empty for AWS)",
            Kind::Llm => "http://HOST:8080/v1 (OpenAI-compatible base URL)",
            Kind::Redis => "redis://[USER@]HOST:6379[/DB]",
            Kind::Slack | Kind::Kubernetes => return None,
        })
    }

    /// What the secret is called for this kind.
    pub fn secret_name(self) -> &'static str {
        match self {
            Kind::Slack => "webhook URL",
            Kind::Llm => "API key",
            Kind::S3 => "secret access key",
            Kind::Prometheus => "bearer token (or password with --user)",
            Kind::Elasticsearch => "password (or API key with auth=apikey)",
            Kind::Kubernetes => "token",
            _ => "password",
        }
    }

    /// Options accepted besides url/user/secret.
    pub fn options(self) -> &'static [OptionSpec] {
        match self {
            Kind::Mysql => MYSQL_OPTIONS,
            Kind::Mongodb => MONGODB_OPTIONS,
            Kind::Elasticsearch => ELASTICSEARCH_OPTIONS,
            Kind::Zookeeper => ZOOKEEPER_OPTIONS,
            Kind::Prometheus => PROMETHEUS_OPTIONS,
            Kind::S3 => S3_OPTIONS,
            Kind::Slack => SLACK_OPTIONS,
            Kind::Llm => LLM_OPTIONS,
            Kind::Kubernetes => KUBERNETES_OPTIONS,
            Kind::Redis => REDIS_OPTIONS,
        }
    }

    pub fn needs_url(self) -> bool {
        self.url_example().is_some() && self != Kind::S3
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Kind {
    /// Other names accepted for the kind.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Kind::Mysql => &["mariadb"],
            Kind::Mongodb => &["mongo"],
            Kind::Elasticsearch => &["es", "opensearch"],
            Kind::Zookeeper => &["zk"],
            Kind::Kubernetes => &["k8s", "kube"],
            Kind::Llm => &["openai"],
            _ => &[],
        }
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        let s = s.to_ascii_lowercase();
        let alias = Kind::ALL
            .iter()
            .find(|k| k.aliases().contains(&s.as_str()))
            .map(|k| k.as_str())
            .unwrap_or(s.as_str());
        Kind::NAMES
            .iter()
            .position(|n| *n == alias)
            .map(|i| Kind::ALL[i])
            .ok_or_else(|| {
                format!(
                    "unknown connection kind '{s}' (one of: {})",
                    Kind::NAMES.join(", ")
                )
            })
    }
}
