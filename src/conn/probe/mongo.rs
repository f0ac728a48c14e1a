//! MongoDB probe: ping, server version, and whether the server is a replica-set member
//! (transactions and change streams need one).

use super::{Found, PROBE_TIMEOUT, auth_failed, protocol, scrub, unreachable};
use crate::conn::{Check, ConnError, Connection};
use mongodb::bson::{Document, doc};
use mongodb::error::ErrorKind;
use mongodb::options::ClientOptions;

/// A client for a mongodb connection (password from the secret).
pub async fn client(conn: &Connection) -> Result<mongodb::Client, ConnError> {
    let mut o = ClientOptions::parse(&conn.url).await.map_err(|e| {
        ConnError::Invalid(format!(
            "{}: bad mongodb URL: {}",
            conn.name,
            scrub(conn, e.to_string())
        ))
    })?;
    let user = conn
        .user
        .clone()
        .or_else(|| o.credential.as_ref().and_then(|c| c.username.clone()));
    if let Some(user) = user {
        let mut cred = o.credential.take().unwrap_or_default();
        cred.username = Some(user);
        if let Some(s) = &conn.secret {
            cred.password = Some(s.expose().to_string());
        }
        o.credential = Some(cred);
    } else if conn.secret.is_some() {
        return Err(ConnError::Invalid(format!(
            "{}: a password is set but no user; add --user or put the user in the URL",
            conn.name
        )));
    }
    o.server_selection_timeout = Some(PROBE_TIMEOUT);
    o.connect_timeout = Some(PROBE_TIMEOUT);
    o.app_name = Some("shark".into());
    mongodb::Client::with_options(o).map_err(|e| classify(conn, e))
}

pub fn classify(conn: &Connection, e: mongodb::error::Error) -> ConnError {
    let text = scrub(conn, e.to_string());
    match *e.kind {
        ErrorKind::Authentication { .. } => auth_failed(conn, text),
        ErrorKind::ServerSelection { .. }
        | ErrorKind::Io(_)
        | ErrorKind::ConnectionPoolCleared { .. } => {
            if text.contains("Authentication") || text.contains("auth") && text.contains("fail") {
                auth_failed(conn, text)
            } else {
                unreachable(conn, text)
            }
        }
        ErrorKind::Command(ref c) if c.code == 18 || c.code == 13 => auth_failed(conn, text),
        _ => protocol(conn, text),
    }
}

pub async fn probe(conn: &Connection) -> Result<Found, ConnError> {
    let client = client(conn).await?;
    let admin = client.database("admin");
    admin
        .run_command(doc! {"ping": 1})
        .await
        .map_err(|e| classify(conn, e))?;
    let mut checks = vec![Check::ok("ping", "ok")];
    let build: Document = admin
        .run_command(doc! {"buildInfo": 1})
        .await
        .map_err(|e| classify(conn, e))?;
    let version = build.get_str("version").unwrap_or("?").to_string();
    let hello: Document = admin
        .run_command(doc! {"hello": 1})
        .await
        .map_err(|e| classify(conn, e))?;
    match hello.get_str("setName") {
        Ok(set) => {
            let members = match admin.run_command(doc! {"replSetGetStatus": 1}).await {
                Ok(st) => st.get_array("members").map(|m| m.len()).unwrap_or(0),
                Err(_) => 0,
            };
            let primary = hello.get_bool("isWritablePrimary").unwrap_or(false);
            checks.push(Check::expect(
                "replica set",
                primary,
                format!(
                    "set '{set}', {members} member(s), this node is {}",
                    if primary { "primary" } else { "not primary" }
                ),
                "point the URL at the primary or at the whole set (mongodb://h1,h2,h3/?replicaSet=NAME)",
            ));
        }
        Err(_) => checks.push(Check::warn(
            "replica set",
            "standalone server: sync mirror/history work, multi-document transactions do not",
            "run mongod with --replSet NAME and rs.initiate() to get transactions",
        )),
    }
    Ok(Found {
        server: Some(format!("MongoDB {version}")),
        checks,
    })
}
