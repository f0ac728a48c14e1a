
use builtin;
use str;

set edit:completion:arg-completer[shark] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'shark'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'shark'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand conn 'Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)'
            cand deploy 'Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies'
            cand sync 'Data pipelines: MySQL/MariaDB or Elasticsearch/OpenSearch → MongoDB, MySQL or Elasticsearch; full copy, then binlog CDC from MySQL'
            cand inspect 'Health reports: Prometheus metrics, dependency checks, vulnerabilities and an AI analysis, with history'
            cand monitor 'Kubernetes log alerts: follow pods'' containers, match rules, alert to Slack, archive to S3'
            cand history 'Show the run history of every command, and one run''s log'
            cand state 'Inspect the state file: path, schema, sizes, task leases'
            cand zk 'ZooKeeper: ensemble status, znodes, node control with audit, file placement and rebalancing'
            cand es-shards 'Elasticsearch / OpenSearch shards: status, rebalance with recovery progress, replication health, recover, verify, drain, snapshots'
            cand completions 'Print shell completions (bash, zsh, fish, elvish, powershell)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;conn'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a connection to the state file'
            cand list 'List connections (state file and config file)'
            cand show 'Show one connection (secret shown as ***)'
            cand test 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable'
            cand rm 'Remove a connection from the state file'
            cand edit 'Change a connection in the state file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;conn;add'= {
            cand -k 'Connection kind'
            cand --kind 'Connection kind'
            cand -u 'Endpoint URL (without any password); see the list below'
            cand --url 'Endpoint URL (without any password); see the list below'
            cand --user 'User name (S3: access key id)'
            cand -O 'Kind-specific option KEY=VALUE (repeatable); see the list below'
            cand --option 'Kind-specific option KEY=VALUE (repeatable); see the list below'
            cand --bucket 'S3 bucket (same as --option bucket=NAME)'
            cand --region 'S3 region (same as --option region=NAME)'
            cand --model 'LLM model (same as --option model=NAME)'
            cand --context 'Kubernetes context (same as --option context=NAME)'
            cand --kubeconfig 'Kubeconfig path (same as --option kubeconfig=PATH)'
            cand --secret-env 'Read the secret from this environment variable'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --secret-stdin 'Read the secret (password, token, API key, webhook URL) from the first line of stdin'
            cand --test 'Run `conn test` right after adding'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;conn;list'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;conn;show'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;conn;test'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;conn;rm'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;conn;edit'= {
            cand -u 'New endpoint URL'
            cand --url 'New endpoint URL'
            cand --user 'New user name'
            cand -O 'Kind-specific option KEY=VALUE (repeatable); see the list below'
            cand --option 'Kind-specific option KEY=VALUE (repeatable); see the list below'
            cand --bucket 'S3 bucket (same as --option bucket=NAME)'
            cand --region 'S3 region (same as --option region=NAME)'
            cand --model 'LLM model (same as --option model=NAME)'
            cand --context 'Kubernetes context (same as --option context=NAME)'
            cand --kubeconfig 'Kubeconfig path (same as --option kubeconfig=PATH)'
            cand --unset-option 'Remove an option (repeatable)'
            cand --secret-env 'Read the secret from this environment variable'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --no-user 'Remove the user name'
            cand --secret-stdin 'Read the secret (password, token, API key, webhook URL) from the first line of stdin'
            cand --no-secret 'Remove the stored secret'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;conn;help'= {
            cand add 'Add a connection to the state file'
            cand list 'List connections (state file and config file)'
            cand show 'Show one connection (secret shown as ***)'
            cand test 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable'
            cand rm 'Remove a connection from the state file'
            cand edit 'Change a connection in the state file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;conn;help;add'= {
        }
        &'shark;conn;help;list'= {
        }
        &'shark;conn;help;show'= {
        }
        &'shark;conn;help;test'= {
        }
        &'shark;conn;help;rm'= {
        }
        &'shark;conn;help;edit'= {
        }
        &'shark;conn;help;help'= {
        }
        &'shark;deploy'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand hosts 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)'
            cand run 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)'
            cand plans 'List stored plans, most recent first'
            cand show 'Show a plan and replay an execution: per-host results and output'
            cand execute 'Run a stored plan again, with the hosts and options it was made with'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;deploy;hosts'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add one host'
            cand list 'List hosts (all, or those --hosts selects)'
            cand rm 'Remove hosts by name'
            cand import 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;deploy;hosts;add'= {
            cand --address 'Address or ssh_config alias (default: the name)'
            cand --port 'SSH port (default: ssh''s, usually 22)'
            cand --user 'Login user (default: ssh''s)'
            cand --key 'Private key file'
            cand --group 'Group (repeatable)'
            cand --tag 'Tag (repeatable, or comma-separated)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;hosts;list'= {
            cand --hosts 'Selection, as for `deploy run --hosts`'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;hosts;rm'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;hosts;import'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --prune 'Also remove stored hosts that are not in the file'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;hosts;help'= {
            cand add 'Add one host'
            cand list 'List hosts (all, or those --hosts selects)'
            cand rm 'Remove hosts by name'
            cand import 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;deploy;hosts;help;add'= {
        }
        &'shark;deploy;hosts;help;list'= {
        }
        &'shark;deploy;hosts;help;rm'= {
        }
        &'shark;deploy;hosts;help;import'= {
        }
        &'shark;deploy;hosts;help;help'= {
        }
        &'shark;deploy;run'= {
            cand --hosts 'Hosts to run on: names, groups, globs, `all`, GROUP:TAG, !NAME (comma-separated)'
            cand -i 'Take hosts from this inventory file instead of the stored inventory'
            cand --inventory 'Take hosts from this inventory file instead of the stored inventory'
            cand --script 'Script to upload to each host and execute (its #! line, else /bin/sh)'
            cand --command 'Command line to run on each host with /bin/sh -c'
            cand --copy 'Copy a local file to each host by SFTP before running, verified by SHA-256 (repeatable); DEST ending in / keeps the file name'
            cand --parallel 'Hosts worked on at once'
            cand --timeout 'Command timeout per host; the command is killed on the host when it expires (0 = none)'
            cand --connect-timeout 'SSH connect timeout per host (TCP and handshake)'
            cand --serial 'Rolling update: hosts in batches of N, a batch starts when the previous one is done'
            cand --max-fail 'Stop starting hosts once more than P hosts failed: a count (2) or a percentage (25%); default with --serial: 0 (stop after the first failure), else no limit'
            cand --known-hosts 'known_hosts file to check host keys against (default: ssh''s, ~/.ssh/known_hosts)'
            cand --ssh-config 'ssh_config file for ssh (default: ~/.ssh/config)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --sudo 'Run the command or script (and install copies) as root with `sudo -n` (no password prompt)'
            cand --plan-only 'Store the plan without running it (run it later with `shark deploy execute PLAN`)'
            cand --accept-new-host-keys 'Trust and record host keys not yet in known_hosts (changed keys are still refused)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;plans'= {
            cand --limit 'How many plans to list'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;show'= {
            cand --exec 'Which execution (default: the latest)'
            cand --host 'Only this host''s output'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --no-output 'Results only, no output replay'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;execute'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;deploy;help'= {
            cand hosts 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)'
            cand run 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)'
            cand plans 'List stored plans, most recent first'
            cand show 'Show a plan and replay an execution: per-host results and output'
            cand execute 'Run a stored plan again, with the hosts and options it was made with'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;deploy;help;hosts'= {
            cand add 'Add one host'
            cand list 'List hosts (all, or those --hosts selects)'
            cand rm 'Remove hosts by name'
            cand import 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones'
        }
        &'shark;deploy;help;hosts;add'= {
        }
        &'shark;deploy;help;hosts;list'= {
        }
        &'shark;deploy;help;hosts;rm'= {
        }
        &'shark;deploy;help;hosts;import'= {
        }
        &'shark;deploy;help;run'= {
        }
        &'shark;deploy;help;plans'= {
        }
        &'shark;deploy;help;show'= {
        }
        &'shark;deploy;help;execute'= {
        }
        &'shark;deploy;help;help'= {
        }
        &'shark;sync'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Define a task: source, target, tables, mode'
            cand list 'List tasks'
            cand show 'Show a task''s definition'
            cand run 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)'
            cand status 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)'
            cand stop 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0'
            cand reset 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete'
            cand rm 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)'
            cand logs 'The log of the task''s latest run on this host (a shared task: and what each of its workers does now)'
            cand verify 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch'
            cand skipped 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;sync;create'= {
            cand --source 'Source connection (mysql or elasticsearch)'
            cand --target 'Target connection (mongodb, mysql or elasticsearch)'
            cand --tables 'Units: db.table, db.* or /regex/ on db.table for MySQL; an index name, a wildcard (logs-*) or /regex/ for Elasticsearch (repeatable)'
            cand --mode 'mirror: _id = primary key, documents follow the rows; history (MongoDB targets): one version document per change'
            cand --target-db 'Where units go, by target: the MongoDB database, the MySQL schema, or for Elasticsearch the prefix of index names (unit db.table → index PREFIX.table, lowercased); default: the source database''s name (required for an Elasticsearch source, whose units have none: index NAME → PREFIX.NAME, or table NAME in schema PREFIX)'
            cand --batch-rows 'Rows per batch (full copy and CDC writes)'
            cand --batch-bytes 'Bytes per full-copy batch (approximate)'
            cand --parallel 'Units copied at once'
            cand --server-id 'Replica server id for reading the binlog (default: derived from the task name)'
            cand --time-precision 'DATETIME/TIMESTAMP values, for targets that cannot hold microseconds: ms = a millisecond date (BSON Date, Elasticsearch date; the fraction below 1 ms is cut), us = Int64 microseconds since the epoch. Default: exact where the target holds it (MySQL targets: the source''s DATETIME(6)/TIMESTAMP(6)), else ms'
            cand --on-error 'A row the target refuses for its content (a value it cannot hold, a mapping conflict): stop = the run stops with exit 4 before it; skip = record it (`sync skipped`; one log line per batch) and go on. A target that refuses writes as such (read-only index, missing index or table, no privilege) stops the run either way'
            cand --include 'Keep only these fields of a unit: UNIT:field[,field] (UNIT = db.table, an index, or *; repeatable)'
            cand --exclude 'Leave out these fields of a unit: UNIT:field[,field] (repeatable)'
            cand --rename 'Rename fields of a unit: UNIT:old=new[,old=new] (repeatable)'
            cand --column-type 'Elasticsearch sources: the column type of fields, over what the mapping and a sample of documents say: UNIT:field=TYPE[,field=TYPE], TYPE = json, text, int, bigint, double, decimal, bool, date, datetime or binary (e.g. logs-*:tags=json for a field that holds arrays in documents the sample missed; repeatable)'
            cand --fields-file 'Field mapping as TOML: a table per unit (or "*") with include = [..], exclude = [..], a [UNIT.rename] table and a [UNIT.types] table (field = "json"); merged with --include/--exclude/--rename/--column-type'
            cand --es-mapping 'Elasticsearch targets: a JSON object of field → mapping merged over the mapping derived from the source columns (or over an index source''s own mapping)'
            cand --coordinator 'Share the task through this zookeeper connection: its progress and checkpoint live there, and `sync run` on several hosts elects one leader, the others take over when its session ends (default: `coordinator` in the [sync] config section)'
            cand --session-timeout 'Shared tasks: ZooKeeper session timeout of the workers, in seconds; a dead leader is replaced about this long after it died, and a leader that cannot confirm its session for half of it stops writing'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --soft-delete 'Mirror mode: mark deleted rows with _deleted / _deleted_at instead of deleting documents'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;list'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;show'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;run'= {
            cand --parallel 'Units copied at once (overrides the task''s setting)'
            cand --coordinator 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --once 'Catch up to the binlog position current at start, then exit 0 (cron, CI); an Elasticsearch source is copied and the run ends either way'
            cand --follow 'Follow the binlog of a MySQL source until Ctrl-C or `sync stop` (the default)'
            cand --drop-target 'Drop each target (collection, table or index) before its unit''s first full copy'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;status'= {
            cand --coordinator 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;stop'= {
            cand --coordinator 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --soft 'Kept for scripts: every stop is soft (finishes what is in flight, exit 0)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;reset'= {
            cand --unit 'Only this unit (db.table, or an index); the binlog checkpoint stays'
            cand --coordinator 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;rm'= {
            cand --coordinator 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;logs'= {
            cand --coordinator 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -f 'Keep printing new lines while the run goes on'
            cand --follow 'Keep printing new lines while the run goes on'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;verify'= {
            cand --coordinator 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;skipped'= {
            cand --unit 'Only this unit'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;sync;help'= {
            cand create 'Define a task: source, target, tables, mode'
            cand list 'List tasks'
            cand show 'Show a task''s definition'
            cand run 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)'
            cand status 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)'
            cand stop 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0'
            cand reset 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete'
            cand rm 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)'
            cand logs 'The log of the task''s latest run on this host (a shared task: and what each of its workers does now)'
            cand verify 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch'
            cand skipped 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;sync;help;create'= {
        }
        &'shark;sync;help;list'= {
        }
        &'shark;sync;help;show'= {
        }
        &'shark;sync;help;run'= {
        }
        &'shark;sync;help;status'= {
        }
        &'shark;sync;help;stop'= {
        }
        &'shark;sync;help;reset'= {
        }
        &'shark;sync;help;rm'= {
        }
        &'shark;sync;help;logs'= {
        }
        &'shark;sync;help;verify'= {
        }
        &'shark;sync;help;skipped'= {
        }
        &'shark;sync;help;help'= {
        }
        &'shark;inspect'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Collect metrics, health, vulnerabilities; assess; analyse; store a report'
            cand reports 'List stored reports'
            cand show 'Show one report'
            cand diff 'What changed between two reports (default: the two latest)'
            cand export 'Export a report as Markdown, HTML (self-contained, with charts) or JSON'
            cand config 'Show the effective settings and the connections a run would use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;inspect;run'= {
            cand --period 'Report period: how far back trends look'
            cand --fail-on 'Exit 1 when the verdict is at least this bad (the report is saved either way)'
            cand --prometheus 'Prometheus connection (overrides inspect.prometheus; "" to skip metrics)'
            cand --check 'Connection to health-check (repeatable; overrides inspect.checks)'
            cand --vulns 'Trivy or Grype JSON report, or a directory of them (repeatable; adds to inspect.vulns)'
            cand --llm 'LLM connection for the AI analysis (overrides inspect.llm)'
            cand --notify 'Post the stored report''s summary (verdict, score, top findings, failed checks) to this Slack connection (overrides inspect.notify); a failed delivery is recorded in the report and warned about, and does not change the exit code'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --no-checks 'Skip the dependency health checks'
            cand --no-llm 'Rule-based narrative only, no AI analysis'
            cand --no-notify 'Do not post the summary even if inspect.notify is set'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;inspect;reports'= {
            cand --period 'Only reports of this period'
            cand -n 'Most recent reports to show'
            cand --limit 'Most recent reports to show'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;inspect;show'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;inspect;diff'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;inspect;export'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand -O 'Write to this file instead of stdout'
            cand --out 'Write to this file instead of stdout'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;inspect;config'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;inspect;help'= {
            cand run 'Collect metrics, health, vulnerabilities; assess; analyse; store a report'
            cand reports 'List stored reports'
            cand show 'Show one report'
            cand diff 'What changed between two reports (default: the two latest)'
            cand export 'Export a report as Markdown, HTML (self-contained, with charts) or JSON'
            cand config 'Show the effective settings and the connections a run would use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;inspect;help;run'= {
        }
        &'shark;inspect;help;reports'= {
        }
        &'shark;inspect;help;show'= {
        }
        &'shark;inspect;help;diff'= {
        }
        &'shark;inspect;help;export'= {
        }
        &'shark;inspect;help;config'= {
        }
        &'shark;inspect;help;help'= {
        }
        &'shark;monitor'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Define a monitor: what to follow, its rules, where alerts and archives go'
            cand list 'List monitors (stored with `add` and declared in the config file''s [monitors.NAME])'
            cand show 'Show a monitor''s definition, where it is defined, per-container checkpoints and recent alerts'
            cand rm 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)'
            cand run 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`'
            cand archive 'Archived objects: list them, or print one''s lines'
            cand stop 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;monitor;add'= {
            cand --kube 'Kubernetes connection (kubeconfig + context)'
            cand --context 'kubeconfig context (default: the connection''s)'
            cand -n 'Namespace to follow (repeatable; default: all namespaces)'
            cand --namespace 'Namespace to follow (repeatable; default: all namespaces)'
            cand -l 'Label selector, e.g. app=web,tier!=cache'
            cand --selector 'Label selector, e.g. app=web,tier!=cache'
            cand --containers 'Regex on container names (default: every container)'
            cand --since 'First run only: also read lines written this long before the start (default: none)'
            cand --rules 'Rules from a TOML file of [[rule]] tables (keys as the flags below)'
            cand --rule-name 'Name of the rule given by flags'
            cand --include 'A line matches if it contains one of these keywords (repeatable)'
            cand --exclude '... and none of these (repeatable)'
            cand --regex 'A line matches if it matches one of these regexes (repeatable; matched per line, so ^ and $ anchor at the line''s start and end)'
            cand --exclude-regex '... and none of these regexes (repeatable)'
            cand --severity 'Severity of the rule''s alerts'
            cand --threshold 'Matches needed within --window to alert'
            cand --window 'The time span --threshold matches must fall in (by line timestamp)'
            cand --group-by 'What matches are grouped by into one alert (rule: one group per rule across everything followed)'
            cand --group-window 'Matches this long after the first join its alert (one Slack message with a count)'
            cand --silence 'After an alert the group stays quiet this long (matches are counted for the next one)'
            cand --slack 'Slack connection alerts are posted to (its channel option is honoured)'
            cand --archive 'S3 connection lines are archived to'
            cand --archive-prefix 'Key prefix inside the bucket (after the connection''s prefix option)'
            cand --archive-lines 'Archive every line or only matched ones'
            cand --archive-window 'Each archive object covers at most this long and is written when it ends'
            cand --archive-retention 'Delete this monitor''s archive objects older than this (default: keep; needs --archive-prefix: only objects of this monitor''s layout under it are deleted)'
            cand --stream-idle 'Reopen a container''s log stream (from its position) when it delivers nothing this long, so a half-open connection cannot silently stop monitoring [default: 2m]'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --ignore-case 'Keywords and regexes ignore case'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;list'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;show'= {
            cand --alerts 'How many recent alerts to show'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;rm'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;run'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;archive'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'List a monitor''s archive objects (key, size, time)'
            cand get 'Print an archive object''s lines (decompressed), or write them to a file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;monitor;archive;ls'= {
            cand --under 'Only under NS, NS/POD or NS/POD/CONTAINER'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;archive;get'= {
            cand -O 'Write to this file instead of stdout'
            cand --out 'Write to this file instead of stdout'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;archive;help'= {
            cand ls 'List a monitor''s archive objects (key, size, time)'
            cand get 'Print an archive object''s lines (decompressed), or write them to a file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;monitor;archive;help;ls'= {
        }
        &'shark;monitor;archive;help;get'= {
        }
        &'shark;monitor;archive;help;help'= {
        }
        &'shark;monitor;stop'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;monitor;help'= {
            cand add 'Define a monitor: what to follow, its rules, where alerts and archives go'
            cand list 'List monitors (stored with `add` and declared in the config file''s [monitors.NAME])'
            cand show 'Show a monitor''s definition, where it is defined, per-container checkpoints and recent alerts'
            cand rm 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)'
            cand run 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`'
            cand archive 'Archived objects: list them, or print one''s lines'
            cand stop 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;monitor;help;add'= {
        }
        &'shark;monitor;help;list'= {
        }
        &'shark;monitor;help;show'= {
        }
        &'shark;monitor;help;rm'= {
        }
        &'shark;monitor;help;run'= {
        }
        &'shark;monitor;help;archive'= {
            cand ls 'List a monitor''s archive objects (key, size, time)'
            cand get 'Print an archive object''s lines (decompressed), or write them to a file'
        }
        &'shark;monitor;help;archive;ls'= {
        }
        &'shark;monitor;help;archive;get'= {
        }
        &'shark;monitor;help;stop'= {
        }
        &'shark;monitor;help;help'= {
        }
        &'shark;history'= {
            cand -c 'Only runs of this command (e.g. "conn test", or "conn" for all conn verbs)'
            cand --command 'Only runs of this command (e.g. "conn test", or "conn" for all conn verbs)'
            cand -n 'Most recent runs to show'
            cand --limit 'Most recent runs to show'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;state'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand info 'Path, schema version, key file and row counts'
            cand leases 'Tasks holding a lease (running, or left by a process that died)'
            cand stop 'Ask the process running TASK to stop at its next checkpoint'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;state;info'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;state;leases'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;state;stop'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;state;help'= {
            cand info 'Path, schema version, key file and row counts'
            cand leases 'Tasks holding a lease (running, or left by a process that died)'
            cand stop 'Ask the process running TASK to stop at its next checkpoint'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;state;help;info'= {
        }
        &'shark;state;help;leases'= {
        }
        &'shark;state;help;stop'= {
        }
        &'shark;state;help;help'= {
        }
        &'shark;zk'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Every member''s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on'
            cand ls 'List a znode''s children with versions and sizes'
            cand tree 'Show a znode and its descendants'
            cand get 'Print a znode''s data and stat'
            cand set 'Set a znode''s data; with --version only if it still has that version'
            cand create 'Create a znode (persistent unless --ephemeral/--sequential/--container)'
            cand rm 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional'
            cand node 'Start, stop or restart a node with its configured command; audited with before/after snapshots'
            cand audit 'List node-control audit entries (with --id: one entry with both ensemble snapshots)'
            cand files 'Files on the nodes'' storage, placed and rebalanced by load'
            cand workload 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;zk;status'= {
            cand --interval 'Refresh interval with --watch'
            cand --count 'Stop --watch after this many snapshots'
            cand --fail-on 'Exit 1 when the (last) verdict is at least this bad'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --watch 'Refresh until Ctrl-C (NDJSON, one snapshot per line, with -o json)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;ls'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;tree'= {
            cand --depth 'Levels below PATH to show'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;get'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;set'= {
            cand --from-file 'Read the data from this file instead'
            cand --version 'Set only if the znode has this version (from `zk get`)'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'shark;zk;create'= {
            cand --from-file 'Read the data from this file instead'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --ephemeral 'Ephemeral: deleted when this command''s session ends, i.e. right after it exits'
            cand --sequential 'Append a 10-digit sequence number to the name'
            cand --container 'Container: the server deletes it once its last child is gone'
            cand -p 'Create missing parents (persistent)'
            cand --parents 'Create missing parents (persistent)'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;rm'= {
            cand --version 'Delete only if the znode has this version'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --recursive 'Delete the descendants too'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'shark;zk;node'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Run the node''s start command and wait until it serves'
            cand stop 'Run the node''s stop command and wait until the ensemble settles without it'
            cand restart 'Run the node''s restart command (default: stop && start) and wait until it serves'
            cand list 'List the nodes declared under [zk.nodes.NAME]'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;zk;node;start'= {
            cand --timeout 'How long to wait for the ensemble to settle (default [zk] settle_timeout, 60s)'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;node;stop'= {
            cand --timeout 'How long to wait for the ensemble to settle (default [zk] settle_timeout, 60s)'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;node;restart'= {
            cand --timeout 'How long to wait for the ensemble to settle (default [zk] settle_timeout, 60s)'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;node;list'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;node;help'= {
            cand start 'Run the node''s start command and wait until it serves'
            cand stop 'Run the node''s stop command and wait until the ensemble settles without it'
            cand restart 'Run the node''s restart command (default: stop && start) and wait until it serves'
            cand list 'List the nodes declared under [zk.nodes.NAME]'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;zk;node;help;start'= {
        }
        &'shark;zk;node;help;stop'= {
        }
        &'shark;zk;node;help;restart'= {
        }
        &'shark;zk;node;help;list'= {
        }
        &'shark;zk;node;help;help'= {
        }
        &'shark;zk;audit'= {
            cand --node 'Only this node'
            cand --id 'Show one entry in full'
            cand --limit 'Entries to list'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand put 'Store a file on the least-loaded node (or --node), with its checksum'
            cand ls 'List stored files and every node''s load'
            cand get 'Write a stored file to --out (or stdout), verifying its checksum'
            cand rm 'Remove a stored file (metadata, then data)'
            cand history 'Migrations done by rebalance/drain, newest first'
            cand rebalance 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary'
            cand verify 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file'
            cand undrain 'Let a drained node take files again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;zk;files;put'= {
            cand --name 'Name to store it under (default: the file name)'
            cand --node 'Put it on this node instead of the least-loaded one'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;ls'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;get'= {
            cand -O 'Destination file (default: stdout)'
            cand --out 'Destination file (default: stdout)'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;rm'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;history'= {
            cand --limit 'limit'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;rebalance'= {
            cand --threshold 'Allowed spread of load scores (default [zk] threshold, 5)'
            cand --drain 'Move every file off this node and stop placing files on it'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --dry-run 'Show the moves without doing them'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;verify'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;undrain'= {
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;files;help'= {
            cand put 'Store a file on the least-loaded node (or --node), with its checksum'
            cand ls 'List stored files and every node''s load'
            cand get 'Write a stored file to --out (or stdout), verifying its checksum'
            cand rm 'Remove a stored file (metadata, then data)'
            cand history 'Migrations done by rebalance/drain, newest first'
            cand rebalance 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary'
            cand verify 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file'
            cand undrain 'Let a drained node take files again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;zk;files;help;put'= {
        }
        &'shark;zk;files;help;ls'= {
        }
        &'shark;zk;files;help;get'= {
        }
        &'shark;zk;files;help;rm'= {
        }
        &'shark;zk;files;help;history'= {
        }
        &'shark;zk;files;help;rebalance'= {
        }
        &'shark;zk;files;help;verify'= {
        }
        &'shark;zk;files;help;undrain'= {
        }
        &'shark;zk;files;help;help'= {
        }
        &'shark;zk;workload'= {
            cand --duration 'How long to run (at most 1h)'
            cand --rate 'Znode operations per second'
            cand --sessions 'Extra client sessions held open, each with an ephemeral znode'
            cand --max-files 'Demo files kept at most (0: none; needs storage nodes)'
            cand --conn 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --keep 'Keep the znodes and files created instead of cleaning up'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;zk;help'= {
            cand status 'Every member''s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on'
            cand ls 'List a znode''s children with versions and sizes'
            cand tree 'Show a znode and its descendants'
            cand get 'Print a znode''s data and stat'
            cand set 'Set a znode''s data; with --version only if it still has that version'
            cand create 'Create a znode (persistent unless --ephemeral/--sequential/--container)'
            cand rm 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional'
            cand node 'Start, stop or restart a node with its configured command; audited with before/after snapshots'
            cand audit 'List node-control audit entries (with --id: one entry with both ensemble snapshots)'
            cand files 'Files on the nodes'' storage, placed and rebalanced by load'
            cand workload 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;zk;help;status'= {
        }
        &'shark;zk;help;ls'= {
        }
        &'shark;zk;help;tree'= {
        }
        &'shark;zk;help;get'= {
        }
        &'shark;zk;help;set'= {
        }
        &'shark;zk;help;create'= {
        }
        &'shark;zk;help;rm'= {
        }
        &'shark;zk;help;node'= {
            cand start 'Run the node''s start command and wait until it serves'
            cand stop 'Run the node''s stop command and wait until the ensemble settles without it'
            cand restart 'Run the node''s restart command (default: stop && start) and wait until it serves'
            cand list 'List the nodes declared under [zk.nodes.NAME]'
        }
        &'shark;zk;help;node;start'= {
        }
        &'shark;zk;help;node;stop'= {
        }
        &'shark;zk;help;node;restart'= {
        }
        &'shark;zk;help;node;list'= {
        }
        &'shark;zk;help;audit'= {
        }
        &'shark;zk;help;files'= {
            cand put 'Store a file on the least-loaded node (or --node), with its checksum'
            cand ls 'List stored files and every node''s load'
            cand get 'Write a stored file to --out (or stdout), verifying its checksum'
            cand rm 'Remove a stored file (metadata, then data)'
            cand history 'Migrations done by rebalance/drain, newest first'
            cand rebalance 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary'
            cand verify 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file'
            cand undrain 'Let a drained node take files again'
        }
        &'shark;zk;help;files;put'= {
        }
        &'shark;zk;help;files;ls'= {
        }
        &'shark;zk;help;files;get'= {
        }
        &'shark;zk;help;files;rm'= {
        }
        &'shark;zk;help;files;history'= {
        }
        &'shark;zk;help;files;rebalance'= {
        }
        &'shark;zk;help;files;verify'= {
        }
        &'shark;zk;help;files;undrain'= {
        }
        &'shark;zk;help;workload'= {
        }
        &'shark;zk;help;help'= {
        }
        &'shark;es-shards'= {
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason'
            cand rebalance 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries'
            cand recovery 'Shard recoveries in flight (type, stage, source → target, bytes and files %)'
            cand replication 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)'
            cand recover 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)'
            cand verify 'Compare each replica''s doc count and size with its primary''s, per shard; exit 1 on a count mismatch'
            cand drain 'Exclude a node from allocation and wait until it holds no shard'
            cand undrain 'Remove a node from the allocation exclusion list'
            cand snapshot 'Snapshots in a shared-filesystem (fs) repository'
            cand ops 'Cluster changes recorded by es-shards, newest first, with the values before and after'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;es-shards;status'= {
            cand --fail-on 'Exit 1 when the cluster is at least this bad'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;rebalance'= {
            cand --allocation 'cluster.routing.allocation.enable'
            cand --rebalance 'cluster.routing.rebalance.enable'
            cand --concurrent 'cluster.routing.allocation.cluster_concurrent_rebalance'
            cand --node-recoveries 'cluster.routing.allocation.node_concurrent_recoveries'
            cand --max-bytes-per-sec 'indices.recovery.max_bytes_per_sec, e.g. 100mb'
            cand --max-moves 'At most this many planned moves'
            cand --timeout 'Give up waiting after this long (exit 4; what was applied stays)'
            cand --interval 'Poll interval'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --plan 'Also compute balancing moves (fullest → emptiest node) and submit them as a reroute'
            cand --dry-run 'Print the settings and the plan with the cluster''s decisions (reroute dry_run); change nothing'
            cand --no-wait 'Apply and return without following recoveries'
            cand --restore 'Put back the settings the last rebalance replaced, and stop'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;recovery'= {
            cand --timeout 'Give up waiting after this long (exit 4; what was applied stays)'
            cand --interval 'Poll interval'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --watch 'Follow until no recovery is active'
            cand --all 'Include finished recoveries'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;replication'= {
            cand --fail-on 'Exit 1 when an index is in this state or worse'
            cand --timeout 'Give up waiting after this long (exit 4; what was applied stays)'
            cand --interval 'Poll interval'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --watch 'Follow until every index is healthy'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;recover'= {
            cand --timeout 'Give up waiting after this long (exit 4; what was applied stays)'
            cand --interval 'Poll interval'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;verify'= {
            cand --rounds 'Reads of a differing copy before it counts as a mismatch'
            cand --pause 'Pause between reads'
            cand --size-tolerance 'Store size gap (%) reported as a warning'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;drain'= {
            cand --timeout 'Give up waiting after this long (exit 4; what was applied stays)'
            cand --interval 'Poll interval'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand --no-wait 'Apply the exclusion and return without waiting'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;undrain'= {
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;snapshot'= {
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Take a snapshot and follow it to the end (registers an fs repository with --location)'
            cand list 'Snapshots in a repository'
            cand restore 'Restore a snapshot and follow the recoveries'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;es-shards;snapshot;create'= {
            cand --repo 'Repository name'
            cand --location 'Register the repository as type fs at this path (must be in path.repo on every node)'
            cand --indices 'Indices (comma-separated; default all, with the cluster state)'
            cand --timeout 'Give up waiting after this long (exit 4; what was applied stays)'
            cand --interval 'Poll interval'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;snapshot;list'= {
            cand --repo 'Repository name'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;snapshot;restore'= {
            cand --repo 'Repository name'
            cand --indices 'Indices to restore (comma-separated; default all in the snapshot)'
            cand --rename-pattern 'Regex on index names, e.g. "(.+)"'
            cand --rename-replacement 'Replacement, e.g. "restored-$1"'
            cand --timeout 'Give up waiting after this long (exit 4; what was applied stays)'
            cand --interval 'Poll interval'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;snapshot;help'= {
            cand create 'Take a snapshot and follow it to the end (registers an fs repository with --location)'
            cand list 'Snapshots in a repository'
            cand restore 'Restore a snapshot and follow the recoveries'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;es-shards;snapshot;help;create'= {
        }
        &'shark;es-shards;snapshot;help;list'= {
        }
        &'shark;es-shards;snapshot;help;restore'= {
        }
        &'shark;es-shards;snapshot;help;help'= {
        }
        &'shark;es-shards;ops'= {
            cand -n 'Entries to list'
            cand --limit 'Entries to list'
            cand --conn 'The elasticsearch connection (default: the only one)'
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;es-shards;help'= {
            cand status 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason'
            cand rebalance 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries'
            cand recovery 'Shard recoveries in flight (type, stage, source → target, bytes and files %)'
            cand replication 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)'
            cand recover 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)'
            cand verify 'Compare each replica''s doc count and size with its primary''s, per shard; exit 1 on a count mismatch'
            cand drain 'Exclude a node from allocation and wait until it holds no shard'
            cand undrain 'Remove a node from the allocation exclusion list'
            cand snapshot 'Snapshots in a shared-filesystem (fs) repository'
            cand ops 'Cluster changes recorded by es-shards, newest first, with the values before and after'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;es-shards;help;status'= {
        }
        &'shark;es-shards;help;rebalance'= {
        }
        &'shark;es-shards;help;recovery'= {
        }
        &'shark;es-shards;help;replication'= {
        }
        &'shark;es-shards;help;recover'= {
        }
        &'shark;es-shards;help;verify'= {
        }
        &'shark;es-shards;help;drain'= {
        }
        &'shark;es-shards;help;undrain'= {
        }
        &'shark;es-shards;help;snapshot'= {
            cand create 'Take a snapshot and follow it to the end (registers an fs repository with --location)'
            cand list 'Snapshots in a repository'
            cand restore 'Restore a snapshot and follow the recoveries'
        }
        &'shark;es-shards;help;snapshot;create'= {
        }
        &'shark;es-shards;help;snapshot;list'= {
        }
        &'shark;es-shards;help;snapshot;restore'= {
        }
        &'shark;es-shards;help;ops'= {
        }
        &'shark;es-shards;help;help'= {
        }
        &'shark;completions'= {
            cand --config 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml'
            cand --state 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db'
            cand -o 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --output 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)'
            cand --log-format 'Log line format on stderr'
            cand -q 'Print only errors and the data asked for'
            cand --quiet 'Print only errors and the data asked for'
            cand -v 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --verbose 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
            cand --no-color 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'shark;help'= {
            cand conn 'Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)'
            cand deploy 'Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies'
            cand sync 'Data pipelines: MySQL/MariaDB or Elasticsearch/OpenSearch → MongoDB, MySQL or Elasticsearch; full copy, then binlog CDC from MySQL'
            cand inspect 'Health reports: Prometheus metrics, dependency checks, vulnerabilities and an AI analysis, with history'
            cand monitor 'Kubernetes log alerts: follow pods'' containers, match rules, alert to Slack, archive to S3'
            cand history 'Show the run history of every command, and one run''s log'
            cand state 'Inspect the state file: path, schema, sizes, task leases'
            cand zk 'ZooKeeper: ensemble status, znodes, node control with audit, file placement and rebalancing'
            cand es-shards 'Elasticsearch / OpenSearch shards: status, rebalance with recovery progress, replication health, recover, verify, drain, snapshots'
            cand completions 'Print shell completions (bash, zsh, fish, elvish, powershell)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'shark;help;conn'= {
            cand add 'Add a connection to the state file'
            cand list 'List connections (state file and config file)'
            cand show 'Show one connection (secret shown as ***)'
            cand test 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable'
            cand rm 'Remove a connection from the state file'
            cand edit 'Change a connection in the state file'
        }
        &'shark;help;conn;add'= {
        }
        &'shark;help;conn;list'= {
        }
        &'shark;help;conn;show'= {
        }
        &'shark;help;conn;test'= {
        }
        &'shark;help;conn;rm'= {
        }
        &'shark;help;conn;edit'= {
        }
        &'shark;help;deploy'= {
            cand hosts 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)'
            cand run 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)'
            cand plans 'List stored plans, most recent first'
            cand show 'Show a plan and replay an execution: per-host results and output'
            cand execute 'Run a stored plan again, with the hosts and options it was made with'
        }
        &'shark;help;deploy;hosts'= {
            cand add 'Add one host'
            cand list 'List hosts (all, or those --hosts selects)'
            cand rm 'Remove hosts by name'
            cand import 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones'
        }
        &'shark;help;deploy;hosts;add'= {
        }
        &'shark;help;deploy;hosts;list'= {
        }
        &'shark;help;deploy;hosts;rm'= {
        }
        &'shark;help;deploy;hosts;import'= {
        }
        &'shark;help;deploy;run'= {
        }
        &'shark;help;deploy;plans'= {
        }
        &'shark;help;deploy;show'= {
        }
        &'shark;help;deploy;execute'= {
        }
        &'shark;help;sync'= {
            cand create 'Define a task: source, target, tables, mode'
            cand list 'List tasks'
            cand show 'Show a task''s definition'
            cand run 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)'
            cand status 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)'
            cand stop 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0'
            cand reset 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete'
            cand rm 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)'
            cand logs 'The log of the task''s latest run on this host (a shared task: and what each of its workers does now)'
            cand verify 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch'
            cand skipped 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)'
        }
        &'shark;help;sync;create'= {
        }
        &'shark;help;sync;list'= {
        }
        &'shark;help;sync;show'= {
        }
        &'shark;help;sync;run'= {
        }
        &'shark;help;sync;status'= {
        }
        &'shark;help;sync;stop'= {
        }
        &'shark;help;sync;reset'= {
        }
        &'shark;help;sync;rm'= {
        }
        &'shark;help;sync;logs'= {
        }
        &'shark;help;sync;verify'= {
        }
        &'shark;help;sync;skipped'= {
        }
        &'shark;help;inspect'= {
            cand run 'Collect metrics, health, vulnerabilities; assess; analyse; store a report'
            cand reports 'List stored reports'
            cand show 'Show one report'
            cand diff 'What changed between two reports (default: the two latest)'
            cand export 'Export a report as Markdown, HTML (self-contained, with charts) or JSON'
            cand config 'Show the effective settings and the connections a run would use'
        }
        &'shark;help;inspect;run'= {
        }
        &'shark;help;inspect;reports'= {
        }
        &'shark;help;inspect;show'= {
        }
        &'shark;help;inspect;diff'= {
        }
        &'shark;help;inspect;export'= {
        }
        &'shark;help;inspect;config'= {
        }
        &'shark;help;monitor'= {
            cand add 'Define a monitor: what to follow, its rules, where alerts and archives go'
            cand list 'List monitors (stored with `add` and declared in the config file''s [monitors.NAME])'
            cand show 'Show a monitor''s definition, where it is defined, per-container checkpoints and recent alerts'
            cand rm 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)'
            cand run 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`'
            cand archive 'Archived objects: list them, or print one''s lines'
            cand stop 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)'
        }
        &'shark;help;monitor;add'= {
        }
        &'shark;help;monitor;list'= {
        }
        &'shark;help;monitor;show'= {
        }
        &'shark;help;monitor;rm'= {
        }
        &'shark;help;monitor;run'= {
        }
        &'shark;help;monitor;archive'= {
            cand ls 'List a monitor''s archive objects (key, size, time)'
            cand get 'Print an archive object''s lines (decompressed), or write them to a file'
        }
        &'shark;help;monitor;archive;ls'= {
        }
        &'shark;help;monitor;archive;get'= {
        }
        &'shark;help;monitor;stop'= {
        }
        &'shark;help;history'= {
        }
        &'shark;help;state'= {
            cand info 'Path, schema version, key file and row counts'
            cand leases 'Tasks holding a lease (running, or left by a process that died)'
            cand stop 'Ask the process running TASK to stop at its next checkpoint'
        }
        &'shark;help;state;info'= {
        }
        &'shark;help;state;leases'= {
        }
        &'shark;help;state;stop'= {
        }
        &'shark;help;zk'= {
            cand status 'Every member''s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on'
            cand ls 'List a znode''s children with versions and sizes'
            cand tree 'Show a znode and its descendants'
            cand get 'Print a znode''s data and stat'
            cand set 'Set a znode''s data; with --version only if it still has that version'
            cand create 'Create a znode (persistent unless --ephemeral/--sequential/--container)'
            cand rm 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional'
            cand node 'Start, stop or restart a node with its configured command; audited with before/after snapshots'
            cand audit 'List node-control audit entries (with --id: one entry with both ensemble snapshots)'
            cand files 'Files on the nodes'' storage, placed and rebalanced by load'
            cand workload 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)'
        }
        &'shark;help;zk;status'= {
        }
        &'shark;help;zk;ls'= {
        }
        &'shark;help;zk;tree'= {
        }
        &'shark;help;zk;get'= {
        }
        &'shark;help;zk;set'= {
        }
        &'shark;help;zk;create'= {
        }
        &'shark;help;zk;rm'= {
        }
        &'shark;help;zk;node'= {
            cand start 'Run the node''s start command and wait until it serves'
            cand stop 'Run the node''s stop command and wait until the ensemble settles without it'
            cand restart 'Run the node''s restart command (default: stop && start) and wait until it serves'
            cand list 'List the nodes declared under [zk.nodes.NAME]'
        }
        &'shark;help;zk;node;start'= {
        }
        &'shark;help;zk;node;stop'= {
        }
        &'shark;help;zk;node;restart'= {
        }
        &'shark;help;zk;node;list'= {
        }
        &'shark;help;zk;audit'= {
        }
        &'shark;help;zk;files'= {
            cand put 'Store a file on the least-loaded node (or --node), with its checksum'
            cand ls 'List stored files and every node''s load'
            cand get 'Write a stored file to --out (or stdout), verifying its checksum'
            cand rm 'Remove a stored file (metadata, then data)'
            cand history 'Migrations done by rebalance/drain, newest first'
            cand rebalance 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary'
            cand verify 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file'
            cand undrain 'Let a drained node take files again'
        }
        &'shark;help;zk;files;put'= {
        }
        &'shark;help;zk;files;ls'= {
        }
        &'shark;help;zk;files;get'= {
        }
        &'shark;help;zk;files;rm'= {
        }
        &'shark;help;zk;files;history'= {
        }
        &'shark;help;zk;files;rebalance'= {
        }
        &'shark;help;zk;files;verify'= {
        }
        &'shark;help;zk;files;undrain'= {
        }
        &'shark;help;zk;workload'= {
        }
        &'shark;help;es-shards'= {
            cand status 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason'
            cand rebalance 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries'
            cand recovery 'Shard recoveries in flight (type, stage, source → target, bytes and files %)'
            cand replication 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)'
            cand recover 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)'
            cand verify 'Compare each replica''s doc count and size with its primary''s, per shard; exit 1 on a count mismatch'
            cand drain 'Exclude a node from allocation and wait until it holds no shard'
            cand undrain 'Remove a node from the allocation exclusion list'
            cand snapshot 'Snapshots in a shared-filesystem (fs) repository'
            cand ops 'Cluster changes recorded by es-shards, newest first, with the values before and after'
        }
        &'shark;help;es-shards;status'= {
        }
        &'shark;help;es-shards;rebalance'= {
        }
        &'shark;help;es-shards;recovery'= {
        }
        &'shark;help;es-shards;replication'= {
        }
        &'shark;help;es-shards;recover'= {
        }
        &'shark;help;es-shards;verify'= {
        }
        &'shark;help;es-shards;drain'= {
        }
        &'shark;help;es-shards;undrain'= {
        }
        &'shark;help;es-shards;snapshot'= {
            cand create 'Take a snapshot and follow it to the end (registers an fs repository with --location)'
            cand list 'Snapshots in a repository'
            cand restore 'Restore a snapshot and follow the recoveries'
        }
        &'shark;help;es-shards;snapshot;create'= {
        }
        &'shark;help;es-shards;snapshot;list'= {
        }
        &'shark;help;es-shards;snapshot;restore'= {
        }
        &'shark;help;es-shards;ops'= {
        }
        &'shark;help;completions'= {
        }
        &'shark;help;help'= {
        }
    ]
    $completions[$command]
}
