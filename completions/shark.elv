
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
            cand history 'Show the run history of every command, and one run''s log'
            cand state 'Inspect the state file: path, schema, sizes, task leases'
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
            cand history 'Show the run history of every command, and one run''s log'
            cand state 'Inspect the state file: path, schema, sizes, task leases'
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
        &'shark;help;completions'= {
        }
        &'shark;help;help'= {
        }
    ]
    $completions[$command]
}
