//! Kubernetes probe: load the kubeconfig context and ask the API server for its version and
//! whether pods can be listed.

use super::{Found, auth_failed, protocol, unreachable};
use crate::conn::clients::{self, KubeTimeouts};
use crate::conn::redact::Redactor;
use crate::conn::{Check, ConnError, Connection};

/// A kube client with the probe's timeouts, and the redactor for its errors.
async fn client(conn: &Connection) -> Result<(kube::Client, Redactor), ConnError> {
    let t = KubeTimeouts {
        connect: super::PROBE_TIMEOUT,
        read: Some(super::PROBE_TIMEOUT),
        keepalive: None,
    };
    clients::kube(conn, None, t).await
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
    // the context's namespace (kube falls back to `default` when the context names none)
    let ns = client.default_namespace().to_string();
    let pods: kube::Api<k8s_openapi::api::core::v1::Pod> = kube::Api::namespaced(client, &ns);
    let check = match pods.list(&kube::api::ListParams::default().limit(1)).await {
        Ok(_) => Check::ok("pods", format!("can list pods in namespace {ns}")),
        Err(kube::Error::Api(s)) if s.code == 403 => Check::fail(
            "pods",
            format!(
                "cannot list pods in namespace {ns}: {}",
                r.excerpt(&s.message)
            ),
            "grant get/list/watch on pods and pods/log (a Role + RoleBinding for the monitored namespaces)",
        ),
        Err(e) => return Err(classify(conn, &r, e)),
    };
    Ok(Found {
        server: Some(format!("Kubernetes {}", info.git_version)),
        checks: vec![check],
    })
}
