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
complete -c shark -n "__fish_shark_needs_command" -f -a "history" -d 'Show the run history of every command, and one run\'s log'
complete -c shark -n "__fish_shark_needs_command" -f -a "state" -d 'Inspect the state file: path, schema, sizes, task leases'
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
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy history state completions help" -f -a "conn" -d 'Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy history state completions help" -f -a "deploy" -d 'Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy history state completions help" -f -a "history" -d 'Show the run history of every command, and one run\'s log'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy history state completions help" -f -a "state" -d 'Inspect the state file: path, schema, sizes, task leases'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy history state completions help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, elvish, powershell)'
complete -c shark -n "__fish_shark_using_subcommand help; and not __fish_seen_subcommand_from conn deploy history state completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "info" -d 'Path, schema version, key file and row counts'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "leases" -d 'Tasks holding a lease (running, or left by a process that died)'
complete -c shark -n "__fish_shark_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "stop" -d 'Ask the process running TASK to stop at its next checkpoint'
