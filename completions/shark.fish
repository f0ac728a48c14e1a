# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_shark_global_optspecs
    string join \n config= state= o/output= q/quiet v/verbose log-format= no-color h/help V/version
end

function __fish_shark_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_shark_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_shark_using_subcommand
    set -l cmd (__fish_shark_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c shark -n "__fish_shark_needs_command" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_needs_command" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_needs_command" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_needs_command" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_needs_command" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_needs_command" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_needs_command" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_needs_command" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_needs_command" -f -a "conn" -d 'Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)'
complete -c shark -n "__fish_shark_needs_command" -f -a "deploy" -d 'Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies'
complete -c shark -n "__fish_shark_needs_command" -f -a "sync" -d 'Data pipelines: MySQL/MariaDB or Elasticsearch/OpenSearch → MongoDB, MySQL or Elasticsearch; full copy, then binlog CDC from MySQL'
complete -c shark -n "__fish_shark_needs_command" -f -a "inspect" -d 'Health reports: Prometheus metrics, dependency checks, vulnerabilities and an AI analysis, with history'
complete -c shark -n "__fish_shark_needs_command" -f -a "monitor" -d 'Kubernetes log alerts: follow pods\' containers, match rules, alert to Slack, archive to S3'
complete -c shark -n "__fish_shark_needs_command" -f -a "history" -d 'Show the run history of every command, and one run\'s log'
complete -c shark -n "__fish_shark_needs_command" -f -a "state" -d 'Inspect the state file: path, schema, sizes, task leases'
complete -c shark -n "__fish_shark_needs_command" -f -a "zk" -d 'ZooKeeper: ensemble status, znodes, node control with audit, file placement and rebalancing'
complete -c shark -n "__fish_shark_needs_command" -f -a "es-shards" -d 'Elasticsearch / OpenSearch shards: status, rebalance with recovery progress, replication health, recover, verify, drain, snapshots'
complete -c shark -n "__fish_shark_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, elvish, powershell)'
complete -c shark -n "__fish_shark_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -f -a "add" -d 'Add a connection to the state file'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -f -a "list" -d 'List connections (state file and config file)'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -f -a "show" -d 'Show one connection (secret shown as ***)'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -f -a "test" -d 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -f -a "rm" -d 'Remove a connection from the state file'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -f -a "edit" -d 'Change a connection in the state file'
complete -c shark -n "__fish_shark_using_subcommand conn; and not __fish_seen_subcommand_from add list show test rm edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s k -l kind -d 'Connection kind' -r -f -a "mysql\t''
mongodb\t''
elasticsearch\t''
zookeeper\t''
prometheus\t''
s3\t''
slack\t''
llm\t''
kubernetes\t''
redis\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s u -l url -d 'Endpoint URL (without any password); see the list below' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l user -d 'User name (S3: access key id)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s O -l option -d 'Kind-specific option KEY=VALUE (repeatable); see the list below' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l bucket -d 'S3 bucket (same as --option bucket=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l region -d 'S3 region (same as --option region=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l model -d 'LLM model (same as --option model=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l context -d 'Kubernetes context (same as --option context=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l kubeconfig -d 'Kubeconfig path (same as --option kubeconfig=PATH)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l secret-env -d 'Read the secret from this environment variable' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l secret-stdin -d 'Read the secret (password, token, API key, webhook URL) from the first line of stdin'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l test -d 'Run `conn test` right after adding'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -s u -l url -d 'New endpoint URL' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l user -d 'New user name' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -s O -l option -d 'Kind-specific option KEY=VALUE (repeatable); see the list below' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l bucket -d 'S3 bucket (same as --option bucket=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l region -d 'S3 region (same as --option region=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l model -d 'LLM model (same as --option model=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l context -d 'Kubernetes context (same as --option context=NAME)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l kubeconfig -d 'Kubeconfig path (same as --option kubeconfig=PATH)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l unset-option -d 'Remove an option (repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l secret-env -d 'Read the secret from this environment variable' -r
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l no-user -d 'Remove the user name'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l secret-stdin -d 'Read the secret (password, token, API key, webhook URL) from the first line of stdin'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l no-secret -d 'Remove the stored secret'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a connection to the state file'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from help" -f -a "list" -d 'List connections (state file and config file)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one connection (secret shown as ***)'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from help" -f -a "test" -d 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a connection from the state file'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a connection in the state file'
complete -c shark -n "__fish_shark_using_subcommand conn; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -f -a "hosts" -d 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -f -a "run" -d 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -f -a "plans" -d 'List stored plans, most recent first'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -f -a "show" -d 'Show a plan and replay an execution: per-host results and output'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -f -a "execute" -d 'Run a stored plan again, with the hosts and options it was made with'
complete -c shark -n "__fish_shark_using_subcommand deploy; and not __fish_seen_subcommand_from hosts run plans show execute help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -f -a "add" -d 'Add one host'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -f -a "list" -d 'List hosts (all, or those --hosts selects)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -f -a "rm" -d 'Remove hosts by name'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -f -a "import" -d 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from hosts" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l hosts -d 'Hosts to run on: names, groups, globs, `all`, GROUP:TAG, !NAME (comma-separated)' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -s i -l inventory -d 'Take hosts from this inventory file instead of the stored inventory' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l script -d 'Script to upload to each host and execute (its #! line, else /bin/sh)' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l command -d 'Command line to run on each host with /bin/sh -c' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l copy -d 'Copy a local file to each host by SFTP before running, verified by SHA-256 (repeatable); DEST ending in / keeps the file name' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l parallel -d 'Hosts worked on at once' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l timeout -d 'Command timeout per host; the command is killed on the host when it expires (0 = none)' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l connect-timeout -d 'SSH connect timeout per host (TCP and handshake)' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l serial -d 'Rolling update: hosts in batches of N, a batch starts when the previous one is done' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l max-fail -d 'Stop starting hosts once more than P hosts failed: a count (2) or a percentage (25%); default with --serial: 0 (stop after the first failure), else no limit' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l known-hosts -d 'known_hosts file to check host keys against (default: ssh\'s, ~/.ssh/known_hosts)' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l ssh-config -d 'ssh_config file for ssh (default: ~/.ssh/config)' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l sudo -d 'Run the command or script (and install copies) as root with `sudo -n` (no password prompt)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l plan-only -d 'Store the plan without running it (run it later with `shark deploy execute PLAN`)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l accept-new-host-keys -d 'Trust and record host keys not yet in known_hosts (changed keys are still refused)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -l limit -d 'How many plans to list' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from plans" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -l exec -d 'Which execution (default: the latest)' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -l host -d 'Only this host\'s output' -r
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -l no-output -d 'Results only, no output replay'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from execute" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from help" -f -a "hosts" -d 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from help" -f -a "run" -d 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from help" -f -a "plans" -d 'List stored plans, most recent first'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a plan and replay an execution: per-host results and output'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from help" -f -a "execute" -d 'Run a stored plan again, with the hosts and options it was made with'
complete -c shark -n "__fish_shark_using_subcommand deploy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "create" -d 'Define a task: source, target, tables, mode'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "list" -d 'List tasks'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "show" -d 'Show a task\'s definition'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "run" -d 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "status" -d 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "stop" -d 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "reset" -d 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "rm" -d 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "logs" -d 'The log of the task\'s latest run on this host (a shared task: and what each of its workers does now)'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "verify" -d 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "skipped" -d 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)'
complete -c shark -n "__fish_shark_using_subcommand sync; and not __fish_seen_subcommand_from create list show run status stop reset rm logs verify skipped help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l source -d 'Source connection (mysql or elasticsearch)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l target -d 'Target connection (mongodb, mysql or elasticsearch)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l tables -d 'Units: db.table, db.* or /regex/ on db.table for MySQL; an index name, a wildcard (logs-*) or /regex/ for Elasticsearch (repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l mode -d 'mirror: _id = primary key, documents follow the rows; history (MongoDB targets): one version document per change' -r -f -a "mirror\t''
history\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l target-db -d 'Where units go, by target: the MongoDB database, the MySQL schema, or for Elasticsearch the prefix of index names (unit db.table → index PREFIX.table, lowercased); default: the source database\'s name (required for an Elasticsearch source, whose units have none: index NAME → PREFIX.NAME, or table NAME in schema PREFIX)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l batch-rows -d 'Rows per batch (full copy and CDC writes)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l batch-bytes -d 'Bytes per full-copy batch (approximate)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l parallel -d 'Units copied at once' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l server-id -d 'Replica server id for reading the binlog (default: derived from the task name)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l time-precision -d 'DATETIME/TIMESTAMP values, for targets that cannot hold microseconds: ms = a millisecond date (BSON Date, Elasticsearch date; the fraction below 1 ms is cut), us = Int64 microseconds since the epoch. Default: exact where the target holds it (MySQL targets: the source\'s DATETIME(6)/TIMESTAMP(6)), else ms' -r -f -a "ms\t'BSON Date, millisecond precision'
us\t'Int64 microseconds since the Unix epoch (UTC): DATETIME(6)/TIMESTAMP(6) exactly'"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l on-error -d 'A row the target refuses for its content (a value it cannot hold, a mapping conflict): stop = the run stops with exit 4 before it; skip = record it (`sync skipped`; one log line per batch) and go on. A target that refuses writes as such (read-only index, missing index or table, no privilege) stops the run either way' -r -f -a "stop\t''
skip\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l include -d 'Keep only these fields of a unit: UNIT:field[,field] (UNIT = db.table, an index, or *; repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l exclude -d 'Leave out these fields of a unit: UNIT:field[,field] (repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l rename -d 'Rename fields of a unit: UNIT:old=new[,old=new] (repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l column-type -d 'Elasticsearch sources: the column type of fields, over what the mapping and a sample of documents say: UNIT:field=TYPE[,field=TYPE], TYPE = json, text, int, bigint, double, decimal, bool, date, datetime or binary (e.g. logs-*:tags=json for a field that holds arrays in documents the sample missed; repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l fields-file -d 'Field mapping as TOML: a table per unit (or "*") with include = [..], exclude = [..], a [UNIT.rename] table and a [UNIT.types] table (field = "json"); merged with --include/--exclude/--rename/--column-type' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l es-mapping -d 'Elasticsearch targets: a JSON object of field → mapping merged over the mapping derived from the source columns (or over an index source\'s own mapping)' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l coordinator -d 'Share the task through this zookeeper connection: its progress and checkpoint live there, and `sync run` on several hosts elects one leader, the others take over when its session ends (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l session-timeout -d 'Shared tasks: ZooKeeper session timeout of the workers, in seconds; a dead leader is replaced about this long after it died, and a leader that cannot confirm its session for half of it stops writing' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l soft-delete -d 'Mirror mode: mark deleted rows with _deleted / _deleted_at instead of deleting documents'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l parallel -d 'Units copied at once (overrides the task\'s setting)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l coordinator -d 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l once -d 'Catch up to the binlog position current at start, then exit 0 (cron, CI); an Elasticsearch source is copied and the run ends either way'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l follow -d 'Follow the binlog of a MySQL source until Ctrl-C or `sync stop` (the default)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l drop-target -d 'Drop each target (collection, table or index) before its unit\'s first full copy'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -l coordinator -d 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -l coordinator -d 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -l soft -d 'Kept for scripts: every stop is soft (finishes what is in flight, exit 0)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -l unit -d 'Only this unit (db.table, or an index); the binlog checkpoint stays' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -l coordinator -d 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -l coordinator -d 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -l coordinator -d 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new lines while the run goes on'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -l coordinator -d 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -l unit -d 'Only this unit' -r
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from skipped" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "create" -d 'Define a task: source, target, tables, mode'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tasks'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a task\'s definition'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "run" -d 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "status" -d 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "logs" -d 'The log of the task\'s latest run on this host (a shared task: and what each of its workers does now)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "skipped" -d 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)'
complete -c shark -n "__fish_shark_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -f -a "run" -d 'Collect metrics, health, vulnerabilities; assess; analyse; store a report'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -f -a "reports" -d 'List stored reports'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -f -a "show" -d 'Show one report'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -f -a "diff" -d 'What changed between two reports (default: the two latest)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -f -a "export" -d 'Export a report as Markdown, HTML (self-contained, with charts) or JSON'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -f -a "config" -d 'Show the effective settings and the connections a run would use'
complete -c shark -n "__fish_shark_using_subcommand inspect; and not __fish_seen_subcommand_from run reports show diff export config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l period -d 'Report period: how far back trends look' -r -f -a "daily\t''
weekly\t''
monthly\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l fail-on -d 'Exit 1 when the verdict is at least this bad (the report is saved either way)' -r -f -a "warning\t''
critical\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l prometheus -d 'Prometheus connection (overrides inspect.prometheus; "" to skip metrics)' -r
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l check -d 'Connection to health-check (repeatable; overrides inspect.checks)' -r
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l vulns -d 'Trivy or Grype JSON report, or a directory of them (repeatable; adds to inspect.vulns)' -r
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l llm -d 'LLM connection for the AI analysis (overrides inspect.llm)' -r
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l notify -d 'Post the stored report\'s summary (verdict, score, top findings, failed checks) to this Slack connection (overrides inspect.notify); a failed delivery is recorded in the report and warned about, and does not change the exit code' -r
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l no-checks -d 'Skip the dependency health checks'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l no-llm -d 'Rule-based narrative only, no AI analysis'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l no-notify -d 'Do not post the summary even if inspect.notify is set'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -l period -d 'Only reports of this period' -r -f -a "daily\t''
weekly\t''
monthly\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -s n -l limit -d 'Most recent reports to show' -r
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from reports" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -s f -l format -d 'Output format' -r -f -a "md\t''
html\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -s O -l out -d 'Write to this file instead of stdout' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from help" -f -a "run" -d 'Collect metrics, health, vulnerabilities; assess; analyse; store a report'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from help" -f -a "reports" -d 'List stored reports'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one report'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from help" -f -a "diff" -d 'What changed between two reports (default: the two latest)'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export a report as Markdown, HTML (self-contained, with charts) or JSON'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from help" -f -a "config" -d 'Show the effective settings and the connections a run would use'
complete -c shark -n "__fish_shark_using_subcommand inspect; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "add" -d 'Define a monitor: what to follow, its rules, where alerts and archives go'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "list" -d 'List monitors (stored with `add` and declared in the config file\'s [monitors.NAME])'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "show" -d 'Show a monitor\'s definition, where it is defined, per-container checkpoints and recent alerts'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "rm" -d 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "run" -d 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "archive" -d 'Archived objects: list them, or print one\'s lines'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "stop" -d 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and not __fish_seen_subcommand_from add list show rm run archive stop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l kube -d 'Kubernetes connection (kubeconfig + context)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l context -d 'kubeconfig context (default: the connection\'s)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -s n -l namespace -d 'Namespace to follow (repeatable; default: all namespaces)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -s l -l selector -d 'Label selector, e.g. app=web,tier!=cache' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l containers -d 'Regex on container names (default: every container)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l since -d 'First run only: also read lines written this long before the start (default: none)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l rules -d 'Rules from a TOML file of [[rule]] tables (keys as the flags below)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l rule-name -d 'Name of the rule given by flags' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l include -d 'A line matches if it contains one of these keywords (repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l exclude -d '... and none of these (repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l regex -d 'A line matches if it matches one of these regexes (repeatable; matched per line, so ^ and $ anchor at the line\'s start and end)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l exclude-regex -d '... and none of these regexes (repeatable)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l severity -d 'Severity of the rule\'s alerts' -r -f -a "info\t''
warning\t''
error\t''
critical\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l threshold -d 'Matches needed within --window to alert' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l window -d 'The time span --threshold matches must fall in (by line timestamp)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l group-by -d 'What matches are grouped by into one alert (rule: one group per rule across everything followed)' -r -f -a "rule\t''
namespace\t''
pod\t''
container\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l group-window -d 'Matches this long after the first join its alert (one Slack message with a count)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l silence -d 'After an alert the group stays quiet this long (matches are counted for the next one)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l slack -d 'Slack connection alerts are posted to (its channel option is honoured)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l archive -d 'S3 connection lines are archived to' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l archive-prefix -d 'Key prefix inside the bucket (after the connection\'s prefix option)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l archive-lines -d 'Archive every line or only matched ones' -r -f -a "all\t''
matched\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l archive-window -d 'Each archive object covers at most this long and is written when it ends' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l archive-retention -d 'Delete this monitor\'s archive objects older than this (default: keep; needs --archive-prefix: only objects of this monitor\'s layout under it are deleted)' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l stream-idle -d 'Reopen a container\'s log stream (from its position) when it delivers nothing this long, so a half-open connection cannot silently stop monitoring [default: 2m]' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l ignore-case -d 'Keywords and regexes ignore case'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -l alerts -d 'How many recent alerts to show' -r
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -f -a "ls" -d 'List a monitor\'s archive objects (key, size, time)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -f -a "get" -d 'Print an archive object\'s lines (decompressed), or write them to a file'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from archive" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "add" -d 'Define a monitor: what to follow, its rules, where alerts and archives go'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "list" -d 'List monitors (stored with `add` and declared in the config file\'s [monitors.NAME])'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a monitor\'s definition, where it is defined, per-container checkpoints and recent alerts'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "run" -d 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "archive" -d 'Archived objects: list them, or print one\'s lines'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)'
complete -c shark -n "__fish_shark_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand history" -s c -l command -d 'Only runs of this command (e.g. "conn test", or "conn" for all conn verbs)' -r
complete -c shark -n "__fish_shark_using_subcommand history" -s n -l limit -d 'Most recent runs to show' -r
complete -c shark -n "__fish_shark_using_subcommand history" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand history" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand history" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand history" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand history" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand history" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand history" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand history" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -f -a "info" -d 'Path, schema version, key file and row counts'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -f -a "leases" -d 'Tasks holding a lease (running, or left by a process that died)'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -f -a "stop" -d 'Ask the process running TASK to stop at its next checkpoint'
complete -c shark -n "__fish_shark_using_subcommand state; and not __fish_seen_subcommand_from info leases stop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from leases" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "info" -d 'Path, schema version, key file and row counts'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "leases" -d 'Tasks holding a lease (running, or left by a process that died)'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Ask the process running TASK to stop at its next checkpoint'
complete -c shark -n "__fish_shark_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "status" -d 'Every member\'s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "ls" -d 'List a znode\'s children with versions and sizes'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "tree" -d 'Show a znode and its descendants'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "get" -d 'Print a znode\'s data and stat'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "set" -d 'Set a znode\'s data; with --version only if it still has that version'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "create" -d 'Create a znode (persistent unless --ephemeral/--sequential/--container)'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "rm" -d 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "node" -d 'Start, stop or restart a node with its configured command; audited with before/after snapshots'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "audit" -d 'List node-control audit entries (with --id: one entry with both ensemble snapshots)'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "files" -d 'Files on the nodes\' storage, placed and rebalanced by load'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "workload" -d 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)'
complete -c shark -n "__fish_shark_using_subcommand zk; and not __fish_seen_subcommand_from status ls tree get set create rm node audit files workload help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l interval -d 'Refresh interval with --watch' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l count -d 'Stop --watch after this many snapshots' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l fail-on -d 'Exit 1 when the (last) verdict is at least this bad' -r -f -a "degraded\t'Exit 1 when the verdict is degraded or lost'
lost\t'Exit 1 only when the quorum is lost'"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l watch -d 'Refresh until Ctrl-C (NDJSON, one snapshot per line, with -o json)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -l depth -d 'Levels below PATH to show' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from tree" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -l from-file -d 'Read the data from this file instead' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -l version -d 'Set only if the znode has this version (from `zk get`)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l from-file -d 'Read the data from this file instead' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l ephemeral -d 'Ephemeral: deleted when this command\'s session ends, i.e. right after it exits'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l sequential -d 'Append a 10-digit sequence number to the name'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l container -d 'Container: the server deletes it once its last child is gone'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -s p -l parents -d 'Create missing parents (persistent)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -l version -d 'Delete only if the znode has this version' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -l recursive -d 'Delete the descendants too'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -f -a "start" -d 'Run the node\'s start command and wait until it serves'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -f -a "stop" -d 'Run the node\'s stop command and wait until the ensemble settles without it'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -f -a "restart" -d 'Run the node\'s restart command (default: stop && start) and wait until it serves'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -f -a "list" -d 'List the nodes declared under [zk.nodes.NAME]'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from node" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l node -d 'Only this node' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l id -d 'Show one entry in full' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l limit -d 'Entries to list' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from audit" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "put" -d 'Store a file on the least-loaded node (or --node), with its checksum'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "ls" -d 'List stored files and every node\'s load'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "get" -d 'Write a stored file to --out (or stdout), verifying its checksum'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "rm" -d 'Remove a stored file (metadata, then data)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "history" -d 'Migrations done by rebalance/drain, newest first'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "rebalance" -d 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "verify" -d 'Check every stored file\'s checksum on its node and list orphaned data; exit 1 on a missing or damaged file'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "undrain" -d 'Let a drained node take files again'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from files" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l duration -d 'How long to run (at most 1h)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l rate -d 'Znode operations per second' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l sessions -d 'Extra client sessions held open, each with an ephemeral znode' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l max-files -d 'Demo files kept at most (0: none; needs storage nodes)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l conn -d 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)' -r
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l keep -d 'Keep the znodes and files created instead of cleaning up'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from workload" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "status" -d 'Every member\'s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List a znode\'s children with versions and sizes'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "tree" -d 'Show a znode and its descendants'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print a znode\'s data and stat'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a znode\'s data; with --version only if it still has that version'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a znode (persistent unless --ephemeral/--sequential/--container)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "node" -d 'Start, stop or restart a node with its configured command; audited with before/after snapshots'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "audit" -d 'List node-control audit entries (with --id: one entry with both ensemble snapshots)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "files" -d 'Files on the nodes\' storage, placed and rebalanced by load'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "workload" -d 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)'
complete -c shark -n "__fish_shark_using_subcommand zk; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "status" -d 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "rebalance" -d 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "recovery" -d 'Shard recoveries in flight (type, stage, source → target, bytes and files %)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "replication" -d 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "recover" -d 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "verify" -d 'Compare each replica\'s doc count and size with its primary\'s, per shard; exit 1 on a count mismatch'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "drain" -d 'Exclude a node from allocation and wait until it holds no shard'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "undrain" -d 'Remove a node from the allocation exclusion list'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "snapshot" -d 'Snapshots in a shared-filesystem (fs) repository'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "ops" -d 'Cluster changes recorded by es-shards, newest first, with the values before and after'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and not __fish_seen_subcommand_from status rebalance recovery replication recover verify drain undrain snapshot ops help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -l fail-on -d 'Exit 1 when the cluster is at least this bad' -r -f -a "yellow\t''
red\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l allocation -d 'cluster.routing.allocation.enable' -r -f -a "all\t''
primaries\t''
new-primaries\t''
none\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l rebalance -d 'cluster.routing.rebalance.enable' -r -f -a "all\t''
primaries\t''
replicas\t''
none\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l concurrent -d 'cluster.routing.allocation.cluster_concurrent_rebalance' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l node-recoveries -d 'cluster.routing.allocation.node_concurrent_recoveries' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l max-bytes-per-sec -d 'indices.recovery.max_bytes_per_sec, e.g. 100mb' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l max-moves -d 'At most this many planned moves' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l timeout -d 'Give up waiting after this long (exit 4; what was applied stays)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l interval -d 'Poll interval' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l plan -d 'Also compute balancing moves (fullest → emptiest node) and submit them as a reroute'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l dry-run -d 'Print the settings and the plan with the cluster\'s decisions (reroute dry_run); change nothing'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l no-wait -d 'Apply and return without following recoveries'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l restore -d 'Put back the settings the last rebalance replaced, and stop'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from rebalance" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l timeout -d 'Give up waiting after this long (exit 4; what was applied stays)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l interval -d 'Poll interval' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l watch -d 'Follow until no recovery is active'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l all -d 'Include finished recoveries'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recovery" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l fail-on -d 'Exit 1 when an index is in this state or worse' -r -f -a "degraded\t'Exit 1 when an index is degraded or failed'
failed\t'Exit 1 only when an index is failed'"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l timeout -d 'Give up waiting after this long (exit 4; what was applied stays)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l interval -d 'Poll interval' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l watch -d 'Follow until every index is healthy'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from replication" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -l timeout -d 'Give up waiting after this long (exit 4; what was applied stays)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -l interval -d 'Poll interval' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from recover" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l rounds -d 'Reads of a differing copy before it counts as a mismatch' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l pause -d 'Pause between reads' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l size-tolerance -d 'Store size gap (%) reported as a warning' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l timeout -d 'Give up waiting after this long (exit 4; what was applied stays)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l interval -d 'Poll interval' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l no-wait -d 'Apply the exclusion and return without waiting'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from drain" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from undrain" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -f -a "create" -d 'Take a snapshot and follow it to the end (registers an fs repository with --location)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -f -a "list" -d 'Snapshots in a repository'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -f -a "restore" -d 'Restore a snapshot and follow the recoveries'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from snapshot" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -s n -l limit -d 'Entries to list' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -l conn -d 'The elasticsearch connection (default: the only one)' -r
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from ops" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "status" -d 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "rebalance" -d 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "recovery" -d 'Shard recoveries in flight (type, stage, source → target, bytes and files %)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "replication" -d 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "recover" -d 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Compare each replica\'s doc count and size with its primary\'s, per shard; exit 1 on a count mismatch'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Exclude a node from allocation and wait until it holds no shard'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "undrain" -d 'Remove a node from the allocation exclusion list'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "snapshot" -d 'Snapshots in a shared-filesystem (fs) repository'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "ops" -d 'Cluster changes recorded by es-shards, newest first, with the values before and after'
complete -c shark -n "__fish_shark_using_subcommand es-shards; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand completions" -l config -d 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml' -r -F
complete -c shark -n "__fish_shark_using_subcommand completions" -l state -d 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db' -r -F
complete -c shark -n "__fish_shark_using_subcommand completions" -s o -l output -d 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)' -r -f -a "table\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand completions" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c shark -n "__fish_shark_using_subcommand completions" -s q -l quiet -d 'Print only errors and the data asked for'
complete -c shark -n "__fish_shark_using_subcommand completions" -s v -l verbose -d 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins'
complete -c shark -n "__fish_shark_using_subcommand completions" -l no-color -d 'No colours (also when NO_COLOR is set or stdout is not a terminal)'
complete -c shark -n "__fish_shark_using_subcommand completions" -s h -l help -d 'Print help'
complete -c shark -n "__fish_shark_using_subcommand completions" -s V -l version -d 'Print version'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "conn" -d 'Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "deploy" -d 'Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "sync" -d 'Data pipelines: MySQL/MariaDB or Elasticsearch/OpenSearch → MongoDB, MySQL or Elasticsearch; full copy, then binlog CDC from MySQL'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "inspect" -d 'Health reports: Prometheus metrics, dependency checks, vulnerabilities and an AI analysis, with history'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "monitor" -d 'Kubernetes log alerts: follow pods\' containers, match rules, alert to Slack, archive to S3'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "history" -d 'Show the run history of every command, and one run\'s log'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "state" -d 'Inspect the state file: path, schema, sizes, task leases'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "zk" -d 'ZooKeeper: ensemble status, znodes, node control with audit, file placement and rebalancing'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "es-shards" -d 'Elasticsearch / OpenSearch shards: status, rebalance with recovery progress, replication health, recover, verify, drain, snapshots'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, elvish, powershell)'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy sync inspect monitor history state zk es-shards completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from conn" -f -a "add" -d 'Add a connection to the state file'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from conn" -f -a "list" -d 'List connections (state file and config file)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from conn" -f -a "show" -d 'Show one connection (secret shown as ***)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from conn" -f -a "test" -d 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from conn" -f -a "rm" -d 'Remove a connection from the state file'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from conn" -f -a "edit" -d 'Change a connection in the state file'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from deploy" -f -a "hosts" -d 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from deploy" -f -a "run" -d 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from deploy" -f -a "plans" -d 'List stored plans, most recent first'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from deploy" -f -a "show" -d 'Show a plan and replay an execution: per-host results and output'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from deploy" -f -a "execute" -d 'Run a stored plan again, with the hosts and options it was made with'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "create" -d 'Define a task: source, target, tables, mode'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "list" -d 'List tasks'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "show" -d 'Show a task\'s definition'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "run" -d 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "status" -d 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "stop" -d 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "reset" -d 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "rm" -d 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "logs" -d 'The log of the task\'s latest run on this host (a shared task: and what each of its workers does now)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "verify" -d 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "skipped" -d 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from inspect" -f -a "run" -d 'Collect metrics, health, vulnerabilities; assess; analyse; store a report'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from inspect" -f -a "reports" -d 'List stored reports'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from inspect" -f -a "show" -d 'Show one report'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from inspect" -f -a "diff" -d 'What changed between two reports (default: the two latest)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from inspect" -f -a "export" -d 'Export a report as Markdown, HTML (self-contained, with charts) or JSON'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from inspect" -f -a "config" -d 'Show the effective settings and the connections a run would use'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "add" -d 'Define a monitor: what to follow, its rules, where alerts and archives go'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "list" -d 'List monitors (stored with `add` and declared in the config file\'s [monitors.NAME])'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "show" -d 'Show a monitor\'s definition, where it is defined, per-container checkpoints and recent alerts'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "rm" -d 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "run" -d 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "archive" -d 'Archived objects: list them, or print one\'s lines'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "stop" -d 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "info" -d 'Path, schema version, key file and row counts'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "leases" -d 'Tasks holding a lease (running, or left by a process that died)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "stop" -d 'Ask the process running TASK to stop at its next checkpoint'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "status" -d 'Every member\'s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "ls" -d 'List a znode\'s children with versions and sizes'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "tree" -d 'Show a znode and its descendants'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "get" -d 'Print a znode\'s data and stat'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "set" -d 'Set a znode\'s data; with --version only if it still has that version'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "create" -d 'Create a znode (persistent unless --ephemeral/--sequential/--container)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "rm" -d 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "node" -d 'Start, stop or restart a node with its configured command; audited with before/after snapshots'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "audit" -d 'List node-control audit entries (with --id: one entry with both ensemble snapshots)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "files" -d 'Files on the nodes\' storage, placed and rebalanced by load'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from zk" -f -a "workload" -d 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "status" -d 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "rebalance" -d 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "recovery" -d 'Shard recoveries in flight (type, stage, source → target, bytes and files %)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "replication" -d 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "recover" -d 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "verify" -d 'Compare each replica\'s doc count and size with its primary\'s, per shard; exit 1 on a count mismatch'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "drain" -d 'Exclude a node from allocation and wait until it holds no shard'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "undrain" -d 'Remove a node from the allocation exclusion list'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "snapshot" -d 'Snapshots in a shared-filesystem (fs) repository'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from es-shards" -f -a "ops" -d 'Cluster changes recorded by es-shards, newest first, with the values before and after'
