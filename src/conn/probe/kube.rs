//! Kubernetes probe: load the kubeconfig context and ask the API server for its version and
//! whether pods can be listed.

use super::{Found, auth_failed, protocol, unreachable};
use crate::conn::redact::Redactor;
use crate::conn::{Check, ConnError, Connection};
use kube::config::{KubeConfigOptions, Kubeconfig};

/// A kube client for a kubernetes connection, and a redactor that also knows the token / password of the kubeconfig user
/// (the credential the API server receives, which its error messages may echo).
async fn client(conn: &Connection) -> Result<(kube::Client, Redactor), ConnError> {
    let kc = match conn.option("kubeconfig") {
        Some(p) => Kubeconfig::read_from(expand_home(p)),
        None => Kubeconfig::read(),
    }
    .map_err(|e| ConnError::Invalid(format!("{}: cannot read kubeconfig: {e}", conn.name)))?;
    let opts = KubeConfigOptions {
        context: conn.option("context").map(str::to_string),
        ..Default::default()
    };
    let mut config = kube::Config::from_custom_kubeconfig(kc, &opts)
        .await
        .map_err(|e| ConnError::Invalid(format!("{}: kubeconfig: {e}", conn.name)))?;
    config.connect_timeout = Some(super::PROBE_TIMEOUT);
    config.read_timeout = Some(super::PROBE_TIMEOUT);
    let mut redactor = Redactor::for_conn(conn);
    // the secrets are only reachable through their serialized form (secrecy hides them)
    let auth = serde_json::to_value(&config.auth_info).unwrap_or(serde_json::Value::Null);
    let user = auth["username"].as_str();
    for key in ["token", "password"] {
        if let Some(s) = auth[key].as_str() {
            redactor.add(s, user);
        }
    }
    let client = kube::Client::try_from(config).map_err(|e| {
        ConnError::Invalid(format!("{}: {}", conn.name, redactor.scrub(&e.to_string())))
    })?;
    Ok((client, redactor))
}

fn classify(conn: &Connection, r: &Redactor, e: kube::Error) -> ConnError {
    match &e {
        kube::Error::Api(s) if s.code == 401 || s.code == 403 => {
            auth_failed(conn, r.excerpt(&s.message))
        }
        kube::Error::HyperError(_) | kube::Error::Service(_) => {
            unreachable(conn, r.excerpt(&e.to_string()))
        }
        _ => protocol(conn, r.excerpt(&e.to_string())),
    }
}

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let (client, r) = client(conn).await?;
    let info = client
        .apiserver_version()
        .await
        .map_err(|e| classify(conn, &r, e))?;
    let pods: kube::Api<k8s_openapi::api::core::v1::Pod> = kube::Api::default_namespaced(client);
    let check = match pods.list(&kube::api::ListParams::default().limit(1)).await {
        Ok(_) => Check::ok("pods", "can list pods in the default namespace"),
        Err(kube::Error::Api(s)) if s.code == 403 => Check::fail(
            "pods",
            format!("cannot list pods: {}", r.excerpt(&s.message)),
            "grant get/list/watch on pods and pods/log (a Role + RoleBinding for the monitored namespaces)",
        ),
        Err(e) => return Err(classify(conn, &r, e)),
    };
    Ok(Found {
        server: Some(format!("Kubernetes {}", info.git_version)),
        checks: vec![check],
    })
}

fn expand_home(p: &str) -> std::path::PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(p),
    }
}
