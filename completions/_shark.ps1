
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'shark' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'shark'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'shark' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('conn', 'conn', [CompletionResultType]::ParameterValue, 'Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the run history of every command, and one run''s log')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Inspect the state file: path, schema, sizes, task leases')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;conn' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection to the state file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections (state file and config file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection (secret shown as ***)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a connection from the state file')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a connection in the state file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;conn;add' {
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Connection kind')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Connection kind')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Endpoint URL (without any password); see the list below')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Endpoint URL (without any password); see the list below')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'User name (S3: access key id)')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Kind-specific option KEY=VALUE (repeatable); see the list below')
            [CompletionResult]::new('--option', '--option', [CompletionResultType]::ParameterName, 'Kind-specific option KEY=VALUE (repeatable); see the list below')
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'S3 bucket (same as --option bucket=NAME)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'S3 region (same as --option region=NAME)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'LLM model (same as --option model=NAME)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context (same as --option context=NAME)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig path (same as --option kubeconfig=PATH)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret from this environment variable')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the secret (password, token, API key, webhook URL) from the first line of stdin')
            [CompletionResult]::new('--test', '--test', [CompletionResultType]::ParameterName, 'Run `conn test` right after adding')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;conn;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;conn;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;conn;test' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;conn;rm' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;conn;edit' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'New endpoint URL')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'New endpoint URL')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'New user name')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Kind-specific option KEY=VALUE (repeatable); see the list below')
            [CompletionResult]::new('--option', '--option', [CompletionResultType]::ParameterName, 'Kind-specific option KEY=VALUE (repeatable); see the list below')
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'S3 bucket (same as --option bucket=NAME)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'S3 region (same as --option region=NAME)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'LLM model (same as --option model=NAME)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Kubernetes context (same as --option context=NAME)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig path (same as --option kubeconfig=PATH)')
            [CompletionResult]::new('--unset-option', '--unset-option', [CompletionResultType]::ParameterName, 'Remove an option (repeatable)')
            [CompletionResult]::new('--secret-env', '--secret-env', [CompletionResultType]::ParameterName, 'Read the secret from this environment variable')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--no-user', '--no-user', [CompletionResultType]::ParameterName, 'Remove the user name')
            [CompletionResult]::new('--secret-stdin', '--secret-stdin', [CompletionResultType]::ParameterName, 'Read the secret (password, token, API key, webhook URL) from the first line of stdin')
            [CompletionResult]::new('--no-secret', '--no-secret', [CompletionResultType]::ParameterName, 'Remove the stored secret')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;conn;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection to the state file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections (state file and config file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection (secret shown as ***)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a connection from the state file')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a connection in the state file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;conn;help;add' {
            break
        }
        'shark;conn;help;list' {
            break
        }
        'shark;conn;help;show' {
            break
        }
        'shark;conn;help;test' {
            break
        }
        'shark;conn;help;rm' {
            break
        }
        'shark;conn;help;edit' {
            break
        }
        'shark;conn;help;help' {
            break
        }
        'shark;deploy' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)')
            [CompletionResult]::new('plans', 'plans', [CompletionResultType]::ParameterValue, 'List stored plans, most recent first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a plan and replay an execution: per-host results and output')
            [CompletionResult]::new('execute', 'execute', [CompletionResultType]::ParameterValue, 'Run a stored plan again, with the hosts and options it was made with')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;deploy;hosts' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add one host')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List hosts (all, or those --hosts selects)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove hosts by name')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;deploy;hosts;add' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Address or ssh_config alias (default: the name)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'SSH port (default: ssh''s, usually 22)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Login user (default: ssh''s)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key file')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Group (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable, or comma-separated)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;hosts;list' {
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Selection, as for `deploy run --hosts`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;hosts;rm' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;hosts;import' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also remove stored hosts that are not in the file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;hosts;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add one host')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List hosts (all, or those --hosts selects)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove hosts by name')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;deploy;hosts;help;add' {
            break
        }
        'shark;deploy;hosts;help;list' {
            break
        }
        'shark;deploy;hosts;help;rm' {
            break
        }
        'shark;deploy;hosts;help;import' {
            break
        }
        'shark;deploy;hosts;help;help' {
            break
        }
        'shark;deploy;run' {
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Hosts to run on: names, groups, globs, `all`, GROUP:TAG, !NAME (comma-separated)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Take hosts from this inventory file instead of the stored inventory')
            [CompletionResult]::new('--inventory', '--inventory', [CompletionResultType]::ParameterName, 'Take hosts from this inventory file instead of the stored inventory')
            [CompletionResult]::new('--script', '--script', [CompletionResultType]::ParameterName, 'Script to upload to each host and execute (its #! line, else /bin/sh)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Command line to run on each host with /bin/sh -c')
            [CompletionResult]::new('--copy', '--copy', [CompletionResultType]::ParameterName, 'Copy a local file to each host by SFTP before running, verified by SHA-256 (repeatable); DEST ending in / keeps the file name')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Hosts worked on at once')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Command timeout per host; the command is killed on the host when it expires (0 = none)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'SSH connect timeout per host (TCP and handshake)')
            [CompletionResult]::new('--serial', '--serial', [CompletionResultType]::ParameterName, 'Rolling update: hosts in batches of N, a batch starts when the previous one is done')
            [CompletionResult]::new('--max-fail', '--max-fail', [CompletionResultType]::ParameterName, 'Stop starting hosts once more than P hosts failed: a count (2) or a percentage (25%); default with --serial: 0 (stop after the first failure), else no limit')
            [CompletionResult]::new('--known-hosts', '--known-hosts', [CompletionResultType]::ParameterName, 'known_hosts file to check host keys against (default: ssh''s, ~/.ssh/known_hosts)')
            [CompletionResult]::new('--ssh-config', '--ssh-config', [CompletionResultType]::ParameterName, 'ssh_config file for ssh (default: ~/.ssh/config)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--sudo', '--sudo', [CompletionResultType]::ParameterName, 'Run the command or script (and install copies) as root with `sudo -n` (no password prompt)')
            [CompletionResult]::new('--plan-only', '--plan-only', [CompletionResultType]::ParameterName, 'Store the plan without running it (run it later with `shark deploy execute PLAN`)')
            [CompletionResult]::new('--accept-new-host-keys', '--accept-new-host-keys', [CompletionResultType]::ParameterName, 'Trust and record host keys not yet in known_hosts (changed keys are still refused)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;plans' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many plans to list')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;show' {
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'Which execution (default: the latest)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only this host''s output')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--no-output', '--no-output', [CompletionResultType]::ParameterName, 'Results only, no output replay')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;execute' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;deploy;help' {
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)')
            [CompletionResult]::new('plans', 'plans', [CompletionResultType]::ParameterValue, 'List stored plans, most recent first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a plan and replay an execution: per-host results and output')
            [CompletionResult]::new('execute', 'execute', [CompletionResultType]::ParameterValue, 'Run a stored plan again, with the hosts and options it was made with')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;deploy;help;hosts' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add one host')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List hosts (all, or those --hosts selects)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove hosts by name')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones')
            break
        }
        'shark;deploy;help;hosts;add' {
            break
        }
        'shark;deploy;help;hosts;list' {
            break
        }
        'shark;deploy;help;hosts;rm' {
            break
        }
        'shark;deploy;help;hosts;import' {
            break
        }
        'shark;deploy;help;run' {
            break
        }
        'shark;deploy;help;plans' {
            break
        }
        'shark;deploy;help;show' {
            break
        }
        'shark;deploy;help;execute' {
            break
        }
        'shark;deploy;help;help' {
            break
        }
        'shark;history' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only runs of this command (e.g. "conn test", or "conn" for all conn verbs)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Only runs of this command (e.g. "conn test", or "conn" for all conn verbs)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Most recent runs to show')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most recent runs to show')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;state' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Path, schema version, key file and row counts')
            [CompletionResult]::new('leases', 'leases', [CompletionResultType]::ParameterValue, 'Tasks holding a lease (running, or left by a process that died)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Ask the process running TASK to stop at its next checkpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;state;info' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;state;leases' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;state;stop' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;state;help' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Path, schema version, key file and row counts')
            [CompletionResult]::new('leases', 'leases', [CompletionResultType]::ParameterValue, 'Tasks holding a lease (running, or left by a process that died)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Ask the process running TASK to stop at its next checkpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;state;help;info' {
            break
        }
        'shark;state;help;leases' {
            break
        }
        'shark;state;help;stop' {
            break
        }
        'shark;state;help;help' {
            break
        }
        'shark;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'shark;help' {
            [CompletionResult]::new('conn', 'conn', [CompletionResultType]::ParameterValue, 'Manage named connections (MySQL, MongoDB, Elasticsearch, ZooKeeper, Prometheus, S3, Slack, LLM, Kubernetes, Redis)')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Fleet execution over SSH: inventory, plans, parallel runs with live output, file copies')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the run history of every command, and one run''s log')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Inspect the state file: path, schema, sizes, task leases')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;help;conn' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a connection to the state file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List connections (state file and config file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one connection (secret shown as ***)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Connect for real and check the settings the engines need; exit 1 if a check fails, 3 if unreachable')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a connection from the state file')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a connection in the state file')
            break
        }
        'shark;help;conn;add' {
            break
        }
        'shark;help;conn;list' {
            break
        }
        'shark;help;conn;show' {
            break
        }
        'shark;help;conn;test' {
            break
        }
        'shark;help;conn;rm' {
            break
        }
        'shark;help;conn;edit' {
            break
        }
        'shark;help;deploy' {
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'Manage the inventory of hosts (Ansible-style INI and YAML inventories)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Make a plan for the selected hosts and run it now (stored first; --plan-only stores only)')
            [CompletionResult]::new('plans', 'plans', [CompletionResultType]::ParameterValue, 'List stored plans, most recent first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a plan and replay an execution: per-host results and output')
            [CompletionResult]::new('execute', 'execute', [CompletionResultType]::ParameterValue, 'Run a stored plan again, with the hosts and options it was made with')
            break
        }
        'shark;help;deploy;hosts' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add one host')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List hosts (all, or those --hosts selects)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove hosts by name')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import an Ansible inventory (INI or YAML): adds new hosts, updates known ones')
            break
        }
        'shark;help;deploy;hosts;add' {
            break
        }
        'shark;help;deploy;hosts;list' {
            break
        }
        'shark;help;deploy;hosts;rm' {
            break
        }
        'shark;help;deploy;hosts;import' {
            break
        }
        'shark;help;deploy;run' {
            break
        }
        'shark;help;deploy;plans' {
            break
        }
        'shark;help;deploy;show' {
            break
        }
        'shark;help;deploy;execute' {
            break
        }
        'shark;help;history' {
            break
        }
        'shark;help;state' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Path, schema version, key file and row counts')
            [CompletionResult]::new('leases', 'leases', [CompletionResultType]::ParameterValue, 'Tasks holding a lease (running, or left by a process that died)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Ask the process running TASK to stop at its next checkpoint')
            break
        }
        'shark;help;state;info' {
            break
        }
        'shark;help;state;leases' {
            break
        }
        'shark;help;state;stop' {
            break
        }
        'shark;help;completions' {
            break
        }
        'shark;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
