//! Clients of a connection, built one way for every user: `conn test`'s probes and the engines
//! (monitor follows logs with the kube client and archives with the S3 one). What differs
//! between users (timeouts, retries, a context override) is a parameter.

use super::redact::Redactor;
use super::{ConnError, Connection};
use kube::config::{KubeConfigOptions, Kubeconfig};
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::{ClientOptions, RetryConfig};
use std::time::Duration;

/// Timeouts of a kube client.
#[derive(Debug, Clone, Copy)]
pub struct KubeTimeouts {
    pub connect: Duration,
    /// None: no read timeout (a followed log stream stays quiet as long as its container writes
    /// nothing, and must not be cut for it).
    pub read: Option<Duration>,
    /// Some: TCP keepalive probes after this much silence (a peer that vanished without a FIN,
    /// e.g. an API server failover, is noticed), and no per-request tracing layer (kube-client's
    /// logs one ERROR line per failed request; a long-running user reports failures itself,
    /// once per outage).
    pub keepalive: Option<Duration>,
}

/// A kube client for a kubernetes connection (`context` overrides the connection's), and a
/// redactor that also knows the token / password of the kubeconfig user (the credential the
/// API server receives, which its error messages may echo).
pub async fn kube(
    conn: &Connection,
    context: Option<&str>,
    timeouts: KubeTimeouts,
) -> Result<(kube::Client, Redactor), ConnError> {
    let kc = match conn.option("kubeconfig") {
        Some(p) => Kubeconfig::read_from(expand_home(p)),
        None => Kubeconfig::read(),
    }
    .map_err(|e| {
        ConnError::Invalid(format!(
            "{}: cannot read kubeconfig: {e}; fix the connection's kubeconfig option",
            conn.name
        ))
    })?;
    let opts = KubeConfigOptions {
        context: context.or(conn.option("context")).map(str::to_string),
        ..Default::default()
    };
    let mut config = kube::Config::from_custom_kubeconfig(kc, &opts)
        .await
        .map_err(|e| ConnError::Invalid(format!("{}: kubeconfig: {e}", conn.name)))?;
    config.connect_timeout = Some(timeouts.connect);
    config.read_timeout = timeouts.read;
    let keepalive = timeouts.keepalive;
    let mut redactor = Redactor::for_conn(conn);
    // the secrets are only reachable through their serialized form (secrecy hides them)
    let auth = serde_json::to_value(&config.auth_info).unwrap_or(serde_json::Value::Null);
    let user = auth["username"].as_str();
    for key in ["token", "password"] {
        if let Some(s) = auth[key].as_str() {
            redactor.add(s, user);
        }
    }
    // through a proxy (kubeconfig proxy-url), kube's own stack: it knows the proxy protocols
    let built = match keepalive {
        Some(k) if config.proxy_url.is_none() => kube_with_keepalive(config, timeouts.connect, k),
        _ => kube::Client::try_from(config),
    };
    let client = built.map_err(|e| {
        ConnError::Invalid(format!("{}: {}", conn.name, redactor.scrub(&e.to_string())))
    })?;
    Ok((client, redactor))
}

/// kube-client's default stack (base URI, auth, extra headers, rustls) over a connector with TCP
/// keepalive, without its tracing layer.
fn kube_with_keepalive(
    config: kube::Config,
    connect: Duration,
    keepalive: Duration,
) -> Result<kube::Client, kube::Error> {
    use kube::client::ConfigExt;
    use tower::ServiceBuilder;
    let mut http = hyper_util::client::legacy::connect::HttpConnector::new();
    http.enforce_http(false);
    http.set_connect_timeout(Some(connect));
    http.set_keepalive(Some(keepalive));
    http.set_keepalive_interval(Some(keepalive / 3));
    http.set_keepalive_retries(Some(3));
    let https = config.rustls_https_connector_with_connector(http)?;
    let client: hyper_util::client::legacy::Client<_, kube::client::Body> =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build(https);
    let service = ServiceBuilder::new()
        .layer(config.base_uri_layer())
        .option_layer(config.auth_layer()?)
        .layer(config.extra_headers_layer()?)
        .map_err(tower::BoxError::from)
        .service(client);
    Ok(kube::client::ClientBuilder::new(service, config.default_namespace.clone()).build())
}

/// A path from a connection option, `~/` meaning the home directory.
pub fn expand_home(p: &str) -> std::path::PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(p),
    }
}

/// Timeouts and retries of an S3 client.
#[derive(Debug, Clone, Copy)]
pub struct S3Limits {
    /// per request, whole body included
    pub request: Duration,
    pub connect: Duration,
    pub retries: usize,
}

/// An object store client for an s3 connection: bucket, region, custom endpoint with path-style
/// addressing unless `path_style=false`, access key from the user, secret key from the secret.
pub fn s3(conn: &Connection, limits: S3Limits) -> Result<AmazonS3, ConnError> {
    let mut b = AmazonS3Builder::new()
        .with_bucket_name(conn.option("bucket").unwrap_or_default())
        .with_region(conn.option("region").unwrap_or("us-east-1"))
        .with_client_options(
            ClientOptions::new()
                .with_timeout(limits.request)
                .with_connect_timeout(limits.connect)
                .with_allow_http(true),
        )
        .with_retry(RetryConfig {
            max_retries: limits.retries,
            ..Default::default()
        });
    if !conn.url.is_empty() {
        b = b
            .with_endpoint(conn.url.trim_end_matches('/'))
            .with_virtual_hosted_style_request(conn.flag("path_style") == Some(false));
    }
    if let Some(k) = &conn.user {
        b = b.with_access_key_id(k);
    }
    if let Some(s) = &conn.secret {
        b = b.with_secret_access_key(s.expose());
    }
    b.build().map_err(|e| {
        ConnError::Invalid(format!(
            "{}: {}",
            conn.name,
            Redactor::for_conn(conn).scrub(&e.to_string().replace('\n', " "))
        ))
    })
}

/// A ZooKeeper session for a zookeeper connection: its members (and `chroot` option), digest
/// credentials when the connection has a user and a secret (never shown in errors), the session
/// timeout asked for, and a bound on the wait for the first session (`connect`).
pub async fn zookeeper(
    conn: &Connection,
    session: Duration,
    connect: Duration,
) -> Result<zookeeper_client::Client, ConnError> {
    let mut endpoint = super::probe::zk::hosts(conn).join(",");
    if let Some(c) = conn.option("chroot").filter(|c| !c.is_empty() && *c != "/") {
        if !c.starts_with('/') {
            endpoint.push('/');
        }
        endpoint.push_str(c);
    }
    let mut connector = zookeeper_client::Client::connector()
        .with_session_timeout(session)
        .with_connection_timeout(connect);
    if let (Some(user), Some(secret)) = (&conn.user, &conn.secret) {
        let cred = zeroize::Zeroizing::new(format!("{user}:{}", secret.expose()));
        connector = connector.with_auth("digest", cred.as_bytes());
    }
    let unreachable = |reason: String| ConnError::Unreachable {
        name: conn.name.clone(),
        endpoint: endpoint.clone(),
        reason: Redactor::for_conn(conn).scrub(&reason),
    };
    match tokio::time::timeout(connect * 3, connector.connect(&endpoint)).await {
        Ok(Ok(c)) => Ok(c),
        Ok(Err(zookeeper_client::Error::AuthFailed)) => Err(ConnError::Auth {
            name: conn.name.clone(),
            endpoint: endpoint.clone(),
            reason: "the ensemble refused the digest credentials".into(),
            hint: format!("fix the user or secret of connection {}", conn.name),
        }),
        Ok(Err(e)) => Err(unreachable(e.to_string())),
        Err(_) => Err(unreachable(format!(
            "no session within {} s",
            (connect * 3).as_secs()
        ))),
    }
}
