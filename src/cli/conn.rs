//! `shark conn add|list|show|test|rm|edit`.

use super::Ctx;
use crate::conn::{
    self, ConnInput, ConnPatch, ConnView, Kind, Registry, Secret, Status, TestReport,
};
use crate::exit::{CliResult, Problems};
use crate::state::RunHandle;
use crate::ui::{Table, Ui};
use clap::{Args, Subcommand};
use std::collections::BTreeMap;

const KIND_HELP: &str = "Kinds and their URL / options:
  mysql          mysql://USER@HOST:3306/[DB]          options: server_id, tls
                 (a primary and its replicas: mysql://USER@H1:3306,H2:3306/ — sync follows the writable one)
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
    fn read(&self) -> Result<Option<Secret>, conn::ConnError> {
        if self.secret_stdin {
            return Secret::from_first_line(&mut std::io::stdin().lock()).map(Some);
        }
        self.secret_env.as_deref().map(Secret::from_env).transpose()
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

pub async fn run(cmd: ConnCmd, ctx: &Ctx, run: Option<&RunHandle>) -> CliResult {
    let reg = Registry::new(ctx.store()?, &ctx.config);
    let ui = &ctx.ui;
    match cmd {
        ConnCmd::Add(a) => return add(ctx, &reg, a, run).await,
        ConnCmd::List => print_list(ui, &reg.list()?),
        ConnCmd::Show { name } => print_one(ui, &ConnView::from(&reg.show(&name)?)),
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

async fn add(ctx: &Ctx, reg: &Registry<'_>, a: AddArgs, run: Option<&RunHandle>) -> CliResult {
    let input = ConnInput {
        url: a.url.clone(),
        user: a.user.clone(),
        options: a.opts.collect(),
        secret: a.secret.read()?,
    };
    let kind: Kind = a.kind.parse().map_err(conn::ConnError::Invalid)?;
    let c = reg.add(&a.name, kind, input)?;
    if ctx.ui.json() && !a.test {
        ctx.ui.print_json(&ConnView::from(&c));
    } else {
        ctx.ui
            .note(format!("added {} connection '{}'", c.kind, c.name));
    }
    if a.test {
        return test(ctx, reg, vec![a.name], run).await;
    }
    Ok(())
}

fn print_list(ui: &Ui, list: &[conn::Connection]) {
    let views: Vec<ConnView> = list.iter().map(ConnView::from).collect();
    if ui.json() {
        ui.print_json(&views);
        return;
    }
    if views.is_empty() {
        ui.note("no connections yet; add one with `shark conn add NAME --kind KIND --url URL`");
        return;
    }
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

fn print_one(ui: &Ui, v: &ConnView) {
    if ui.json() {
        ui.print_json(v);
        return;
    }
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
) -> CliResult {
    let ui = &ctx.ui;
    let tested = conn::test_all(reg, names, run, |name, total, res| {
        if ui.json() {
            return;
        }
        match res {
            Ok(r) => print_report(ui, r),
            Err(e) if total > 1 => {
                ui.line(format!("{name}: {}", ui.status("FAIL")));
                ui.note(format!("  {e}"));
            }
            Err(_) => {}
        }
    })
    .await?;
    if ui.json() {
        ui.print_json(&tested.to_json());
    }
    let problems = tested.failed_checks();
    if let Some((_, e)) = tested.errors.into_iter().next() {
        return Err(e.into());
    }
    match problems {
        Some(msg) => Err(Problems(msg).into()),
        None => Ok(()),
    }
}

fn print_report(ui: &Ui, r: &TestReport) {
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
