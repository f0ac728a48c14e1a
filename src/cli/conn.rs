//! `shark conn add|list|show|test|rm|edit`.

use super::Ctx;
use crate::conn::{
    self, ConnInput, ConnPatch, ConnView, Kind, Registry, Secret, Status, TestReport,
};
use crate::exit::Problems;
use crate::state::RunHandle;
use crate::ui::Table;
use clap::{Args, Subcommand};
use std::collections::BTreeMap;
use std::io::BufRead;

const KIND_HELP: &str = "Kinds and their URL / options:
  mysql          mysql://USER@HOST:3306/[DB]          options: server_id, tls
  mongodb        mongodb://[USER@]HOST:27017/
  elasticsearch  http://HOST:9200                      options: auth=basic|apikey|bearer
  zookeeper      HOST:2181,HOST:2182,HOST:2183         options: admin_port, admin_ports, chroot
  prometheus     http://HOST:9090                      (secret = bearer token, or password with --user)
  s3             http://HOST:8333 (empty for AWS)      options: bucket (required), region, path_style, prefix; --user = access key id
  slack          (no URL: the webhook URL is the secret) options: channel
  llm            http://HOST:8080/v1                   options: model (required), timeout, max_tokens
  kubernetes     (no URL)                              options: kubeconfig, context
  redis          redis://[USER@]HOST:6379[/DB]         options: tls

Secrets (passwords, tokens, webhook URLs) are never taken as arguments, where the process list
and shell history would show them: use --secret-stdin (e.g. `printf %s \"$PW\" | shark conn add ...`)
or --secret-env VAR. They are stored encrypted (AES-256-GCM, key from $SHARK_MASTER_KEY or a
0600 key file beside the state file) and shown as ***.";

#[derive(Debug, Subcommand)]
pub enum ConnCmd {
    /// Add a connection to the state file
    #[command(after_long_help = KIND_HELP)]
    Add(AddArgs),
    /// List connections (state file and config file)
    List,
    /// Show one connection (secret shown as ***)
    Show {
        /// Connection name
        name: String,
    },
    /// Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable
    Test(TestArgs),
    /// Remove a connection from the state file
    Rm {
        /// Connection name
        name: String,
    },
    /// Change a connection in the state file
    #[command(after_long_help = KIND_HELP)]
    Edit(EditArgs),
}

impl ConnCmd {
    pub fn verb(&self) -> &'static str {
        match self {
            ConnCmd::Add(_) => "add",
            ConnCmd::List => "list",
            ConnCmd::Show { .. } => "show",
            ConnCmd::Test(_) => "test",
            ConnCmd::Rm { .. } => "rm",
            ConnCmd::Edit(_) => "edit",
        }
    }

    pub fn target(&self) -> Option<String> {
        match self {
            ConnCmd::Add(a) => Some(a.name.clone()),
            ConnCmd::Show { name } | ConnCmd::Rm { name } => Some(name.clone()),
            ConnCmd::Edit(a) => Some(a.name.clone()),
            ConnCmd::Test(t) => Some(if t.names.is_empty() {
                "*".into()
            } else {
                t.names.join(",")
            }),
            ConnCmd::List => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct SecretArgs {
    /// Read the secret (password, token, API key, webhook URL) from the first line of stdin
    #[arg(long, alias = "password-stdin", conflicts_with = "secret_env")]
    pub secret_stdin: bool,
    /// Read the secret from this environment variable
    #[arg(long, alias = "password-env", value_name = "VAR")]
    pub secret_env: Option<String>,
}

impl SecretArgs {
    fn read(&self) -> crate::exit::CliResult<Option<Secret>> {
        if self.secret_stdin {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map_err(|e| {
                conn::ConnError::Invalid(format!("--secret-stdin: cannot read stdin: {e}"))
            })?;
            let s = line.trim_end_matches(['\n', '\r']).to_string();
            if s.is_empty() {
                return Err(
                    conn::ConnError::Invalid("--secret-stdin: stdin was empty".into()).into(),
                );
            }
            return Ok(Some(Secret::new(s)));
        }
        if let Some(var) = &self.secret_env {
            let v = std::env::var(var).map_err(|_| {
                conn::ConnError::Invalid(format!("--secret-env {var}: the variable is not set"))
            })?;
            conn::child_env::note_secret_var(var);
            return Ok(Some(Secret::new(v)));
        }
        Ok(None)
    }
}

#[derive(Debug, Args)]
pub struct OptionArgs {
    /// Kind-specific option KEY=VALUE (repeatable); see the list below
    #[arg(short = 'O', long = "option", value_name = "KEY=VALUE", value_parser = parse_kv)]
    pub options: Vec<(String, String)>,
    /// S3 bucket (same as --option bucket=NAME)
    #[arg(long)]
    pub bucket: Option<String>,
    /// S3 region (same as --option region=NAME)
    #[arg(long)]
    pub region: Option<String>,
    /// LLM model (same as --option model=NAME)
    #[arg(long)]
    pub model: Option<String>,
    /// Kubernetes context (same as --option context=NAME)
    #[arg(long)]
    pub context: Option<String>,
    /// Kubeconfig path (same as --option kubeconfig=PATH)
    #[arg(long)]
    pub kubeconfig: Option<String>,
}

impl OptionArgs {
    fn collect(&self) -> BTreeMap<String, String> {
        let mut m: BTreeMap<String, String> = self.options.iter().cloned().collect();
        for (k, v) in [
            ("bucket", &self.bucket),
            ("region", &self.region),
            ("model", &self.model),
            ("context", &self.context),
            ("kubeconfig", &self.kubeconfig),
        ] {
            if let Some(v) = v {
                m.insert(k.to_string(), v.clone());
            }
        }
        m
    }
}

fn parse_kv(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("expected KEY=VALUE, got '{s}'"))
}

fn kind_values() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Kind::ALL.map(|k| {
        clap::builder::PossibleValue::new(k.as_str()).aliases(k.aliases().iter().copied())
    }))
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Connection name (letters, digits, - _ .)
    pub name: String,
    /// Connection kind
    #[arg(short, long, value_parser = kind_values())]
    pub kind: String,
    /// Endpoint URL (without any password); see the list below
    #[arg(short, long, default_value = "")]
    pub url: String,
    /// User name (S3: access key id)
    #[arg(long)]
    pub user: Option<String>,
    #[command(flatten)]
    pub opts: OptionArgs,
    #[command(flatten)]
    pub secret: SecretArgs,
    /// Run `conn test` right after adding
    #[arg(long)]
    pub test: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Connection name
    pub name: String,
    /// New endpoint URL
    #[arg(short, long)]
    pub url: Option<String>,
    /// New user name
    #[arg(long, conflicts_with = "no_user")]
    pub user: Option<String>,
    /// Remove the user name
    #[arg(long)]
    pub no_user: bool,
    #[command(flatten)]
    pub opts: OptionArgs,
    /// Remove an option (repeatable)
    #[arg(long, value_name = "KEY")]
    pub unset_option: Vec<String>,
    #[command(flatten)]
    pub secret: SecretArgs,
    /// Remove the stored secret
    #[arg(long, conflicts_with_all = ["secret_stdin", "secret_env"])]
    pub no_secret: bool,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Connections to test (default: all)
    pub names: Vec<String>,
}

pub async fn run(cmd: ConnCmd, ctx: &Ctx, run: Option<&RunHandle>) -> crate::exit::CliResult {
    let store = ctx.store()?;
    let reg = Registry::new(store, &ctx.config);
    let ui = &ctx.ui;
    match cmd {
        ConnCmd::Add(a) => {
            let input = ConnInput {
                url: a.url.clone(),
                user: a.user.clone(),
                options: a.opts.collect(),
                secret: a.secret.read()?,
            };
            let kind: Kind = a.kind.parse().map_err(conn::ConnError::Invalid)?;
            let c = reg.add(&a.name, kind, input)?;
            if ui.json() && !a.test {
                ui.print_json(&ConnView::from(&c));
            } else {
                ui.note(format!("added {} connection '{}'", c.kind, c.name));
            }
            if a.test {
                return test(ctx, &reg, vec![a.name], run).await;
            }
        }
        ConnCmd::List => {
            let list = reg.list()?;
            let views: Vec<ConnView> = list.iter().map(ConnView::from).collect();
            if ui.json() {
                ui.print_json(&views);
            } else if views.is_empty() {
                ui.note(
                    "no connections yet; add one with `shark conn add NAME --kind KIND --url URL`",
                );
            } else {
                let mut t = Table::new([
                    "NAME", "KIND", "ENDPOINT", "USER", "SECRET", "OPTIONS", "FROM",
                ]);
                for v in &views {
                    t.row([
                        v.name.clone(),
                        v.kind.to_string(),
                        v.endpoint.clone(),
                        v.user.clone().unwrap_or_default(),
                        v.secret.unwrap_or("").to_string(),
                        options_text(&v.options),
                        v.origin.clone(),
                    ]);
                }
                ui.print_table(&t);
            }
        }
        ConnCmd::Show { name } => {
            let c = reg.list()?.into_iter().find(|c| c.name == name);
            let c = match c {
                Some(c) => c,
                None => reg.get(&name)?,
            };
            let v = ConnView::from(&c);
            if ui.json() {
                ui.print_json(&v);
            } else {
                let mut t = Table::new(["FIELD", "VALUE"]);
                t.row(["name", v.name.as_str()])
                    .row(["kind", v.kind.as_str()])
                    .row(["endpoint", v.endpoint.as_str()])
                    .row(["user", v.user.as_deref().unwrap_or("")])
                    .row(["secret", v.secret.unwrap_or("(none)")]);
                for (k, val) in &v.options {
                    t.row([format!("option {k}"), val.clone()]);
                }
                t.row(["from", v.origin.as_str()]);
                ui.print_table(&t);
            }
        }
        ConnCmd::Test(t) => return test(ctx, &reg, t.names, run).await,
        ConnCmd::Rm { name } => {
            reg.remove(&name)?;
            ui.note(format!("removed connection '{name}'"));
        }
        ConnCmd::Edit(a) => {
            let patch = ConnPatch {
                url: a.url.clone(),
                user: a.user.clone(),
                clear_user: a.no_user,
                set_options: a.opts.collect(),
                unset_options: a.unset_option.clone(),
                secret: a.secret.read()?,
                clear_secret: a.no_secret,
            };
            let c = reg.edit(&a.name, patch)?;
            if ui.json() {
                ui.print_json(&ConnView::from(&c));
            } else {
                ui.note(format!("updated connection '{}'", c.name));
            }
        }
    }
    Ok(())
}

fn options_text(o: &BTreeMap<String, String>) -> String {
    o.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Test connections one after another; the first that cannot connect decides exit 3, failed
/// checks exit 1. Every report is printed (and logged in the run) before the exit is decided.
async fn test(
    ctx: &Ctx,
    reg: &Registry<'_>,
    names: Vec<String>,
    run: Option<&RunHandle>,
) -> crate::exit::CliResult {
    let ui = &ctx.ui;
    let names = if names.is_empty() {
        let all: Vec<String> = reg.list()?.into_iter().map(|c| c.name).collect();
        if all.is_empty() {
            return Err(conn::ConnError::Invalid(
                "no connections to test; add one with `shark conn add`".into(),
            )
            .into());
        }
        all
    } else {
        names
    };
    let store = ctx.store()?;
    let log = |level: &str, msg: &str| {
        if let Some(r) = run {
            let _ = store.run_log(r, level, msg);
        }
    };
    let mut reports: Vec<TestReport> = vec![];
    let mut errors: Vec<(String, conn::ConnError)> = vec![];
    for name in &names {
        let c = reg.get(name)?;
        match conn::probe::test(&c).await {
            Ok(r) => {
                for ch in &r.checks {
                    log(
                        ch.status.as_str(),
                        &format!("{name}: {}: {}", ch.name, ch.detail),
                    );
                }
                if !ui.json() {
                    print_report(ctx, &r);
                }
                reports.push(r);
            }
            Err(e) => {
                log("error", &e.to_string());
                if !ui.json() && names.len() > 1 {
                    ui.line(format!("{name}: {}", ui.status("FAIL")));
                    ui.note(format!("  {e}"));
                }
                errors.push((name.clone(), e));
            }
        }
    }
    if ui.json() {
        let errs: Vec<serde_json::Value> = errors
            .iter()
            .map(|(n, e)| serde_json::json!({"connection": n, "error": e.to_string()}))
            .collect();
        ui.print_json(&serde_json::json!({"reports": reports, "errors": errs}));
    }
    if let Some((_, e)) = errors.into_iter().next() {
        return Err(e.into());
    }
    let failed: usize = reports.iter().map(TestReport::failed).sum();
    if failed > 0 {
        let which: Vec<String> = reports
            .iter()
            .filter(|r| r.failed() > 0)
            .map(|r| {
                let names: Vec<&str> = r
                    .checks
                    .iter()
                    .filter(|c| c.status == Status::Fail)
                    .map(|c| c.name.as_str())
                    .collect();
                format!("{} ({})", r.connection, names.join(", "))
            })
            .collect();
        return Err(Problems(format!(
            "{failed} check(s) failed: {}; the fix is printed with each check",
            which.join("; ")
        ))
        .into());
    }
    Ok(())
}

fn print_report(ctx: &Ctx, r: &TestReport) {
    let ui = &ctx.ui;
    ui.line(format!(
        "{} ({}) {} — {} in {} ms",
        r.connection,
        r.kind,
        r.endpoint,
        r.server.as_deref().unwrap_or("reached"),
        r.latency_ms
    ));
    let mut t = Table::new(["CHECK", "STATUS", "DETAIL", "FIX"]);
    for c in &r.checks {
        t.row([
            c.name.clone(),
            ui.status(c.status.as_str()),
            c.detail.clone(),
            c.fix
                .clone()
                .filter(|_| c.status != Status::Ok)
                .unwrap_or_default(),
        ]);
    }
    if !ui.quiet {
        ui.print_table(&t);
    }
}
