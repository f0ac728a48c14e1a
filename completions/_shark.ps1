
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
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Data pipelines: MySQL/MariaDB or Elasticsearch/OpenSearch → MongoDB, MySQL or Elasticsearch; full copy, then binlog CDC from MySQL')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Health reports: Prometheus metrics, dependency checks, vulnerabilities and an AI analysis, with history')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Kubernetes log alerts: follow pods'' containers, match rules, alert to Slack, archive to S3')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the run history of every command, and one run''s log')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Inspect the state file: path, schema, sizes, task leases')
            [CompletionResult]::new('zk', 'zk', [CompletionResultType]::ParameterValue, 'ZooKeeper: ensemble status, znodes, node control with audit, file placement and rebalancing')
            [CompletionResult]::new('es-shards', 'es-shards', [CompletionResultType]::ParameterValue, 'Elasticsearch / OpenSearch shards: status, rebalance with recovery progress, replication health, recover, verify, drain, snapshots')
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
        'shark;sync' {
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
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Define a task: source, target, tables, mode')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a task''s definition')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'The log of the task''s latest run on this host (a shared task: and what each of its workers does now)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch')
            [CompletionResult]::new('skipped', 'skipped', [CompletionResultType]::ParameterValue, 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;sync;create' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source connection (mysql or elasticsearch)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Target connection (mongodb, mysql or elasticsearch)')
            [CompletionResult]::new('--tables', '--tables', [CompletionResultType]::ParameterName, 'Units: db.table, db.* or /regex/ on db.table for MySQL; an index name, a wildcard (logs-*) or /regex/ for Elasticsearch (repeatable)')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'mirror: _id = primary key, documents follow the rows; history (MongoDB targets): one version document per change')
            [CompletionResult]::new('--target-db', '--target-db', [CompletionResultType]::ParameterName, 'Where units go, by target: the MongoDB database, the MySQL schema, or for Elasticsearch the prefix of index names (unit db.table → index PREFIX.table, lowercased); default: the source database''s name (required for an Elasticsearch source, whose units have none: index NAME → PREFIX.NAME, or table NAME in schema PREFIX)')
            [CompletionResult]::new('--batch-rows', '--batch-rows', [CompletionResultType]::ParameterName, 'Rows per batch (full copy and CDC writes)')
            [CompletionResult]::new('--batch-bytes', '--batch-bytes', [CompletionResultType]::ParameterName, 'Bytes per full-copy batch (approximate)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Units copied at once')
            [CompletionResult]::new('--server-id', '--server-id', [CompletionResultType]::ParameterName, 'Replica server id for reading the binlog (default: derived from the task name)')
            [CompletionResult]::new('--time-precision', '--time-precision', [CompletionResultType]::ParameterName, 'DATETIME/TIMESTAMP values, for targets that cannot hold microseconds: ms = a millisecond date (BSON Date, Elasticsearch date; the fraction below 1 ms is cut), us = Int64 microseconds since the epoch. Default: exact where the target holds it (MySQL targets: the source''s DATETIME(6)/TIMESTAMP(6)), else ms')
            [CompletionResult]::new('--on-error', '--on-error', [CompletionResultType]::ParameterName, 'A row the target refuses for its content (a value it cannot hold, a mapping conflict): stop = the run stops with exit 4 before it; skip = record it (`sync skipped`; one log line per batch) and go on. A target that refuses writes as such (read-only index, missing index or table, no privilege) stops the run either way')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Keep only these fields of a unit: UNIT:field[,field] (UNIT = db.table, an index, or *; repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Leave out these fields of a unit: UNIT:field[,field] (repeatable)')
            [CompletionResult]::new('--rename', '--rename', [CompletionResultType]::ParameterName, 'Rename fields of a unit: UNIT:old=new[,old=new] (repeatable)')
            [CompletionResult]::new('--column-type', '--column-type', [CompletionResultType]::ParameterName, 'Elasticsearch sources: the column type of fields, over what the mapping and a sample of documents say: UNIT:field=TYPE[,field=TYPE], TYPE = json, text, int, bigint, double, decimal, bool, date, datetime or binary (e.g. logs-*:tags=json for a field that holds arrays in documents the sample missed; repeatable)')
            [CompletionResult]::new('--fields-file', '--fields-file', [CompletionResultType]::ParameterName, 'Field mapping as TOML: a table per unit (or "*") with include = [..], exclude = [..], a [UNIT.rename] table and a [UNIT.types] table (field = "json"); merged with --include/--exclude/--rename/--column-type')
            [CompletionResult]::new('--es-mapping', '--es-mapping', [CompletionResultType]::ParameterName, 'Elasticsearch targets: a JSON object of field → mapping merged over the mapping derived from the source columns (or over an index source''s own mapping)')
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'Share the task through this zookeeper connection: its progress and checkpoint live there, and `sync run` on several hosts elects one leader, the others take over when its session ends (default: `coordinator` in the [sync] config section)')
            [CompletionResult]::new('--session-timeout', '--session-timeout', [CompletionResultType]::ParameterName, 'Shared tasks: ZooKeeper session timeout of the workers, in seconds; a dead leader is replaced about this long after it died, and a leader that cannot confirm its session for half of it stops writing')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--soft-delete', '--soft-delete', [CompletionResultType]::ParameterName, 'Mirror mode: mark deleted rows with _deleted / _deleted_at instead of deleting documents')
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
        'shark;sync;list' {
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
        'shark;sync;show' {
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
        'shark;sync;run' {
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Units copied at once (overrides the task''s setting)')
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Catch up to the binlog position current at start, then exit 0 (cron, CI); an Elasticsearch source is copied and the run ends either way')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow the binlog of a MySQL source until Ctrl-C or `sync stop` (the default)')
            [CompletionResult]::new('--drop-target', '--drop-target', [CompletionResultType]::ParameterName, 'Drop each target (collection, table or index) before its unit''s first full copy')
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
        'shark;sync;status' {
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)')
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
        'shark;sync;stop' {
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--soft', '--soft', [CompletionResultType]::ParameterName, 'Kept for scripts: every stop is soft (finishes what is in flight, exit 0)')
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
        'shark;sync;reset' {
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'Only this unit (db.table, or an index); the binlog checkpoint stays')
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)')
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
        'shark;sync;rm' {
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)')
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
        'shark;sync;logs' {
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new lines while the run goes on')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new lines while the run goes on')
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
        'shark;sync;verify' {
            [CompletionResult]::new('--coordinator', '--coordinator', [CompletionResultType]::ParameterName, 'A task shared through this zookeeper connection that this host does not know yet: its definition is read from there and kept here (default: `coordinator` in the [sync] config section)')
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
        'shark;sync;skipped' {
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'Only this unit')
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
        'shark;sync;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Define a task: source, target, tables, mode')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a task''s definition')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'The log of the task''s latest run on this host (a shared task: and what each of its workers does now)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch')
            [CompletionResult]::new('skipped', 'skipped', [CompletionResultType]::ParameterValue, 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;sync;help;create' {
            break
        }
        'shark;sync;help;list' {
            break
        }
        'shark;sync;help;show' {
            break
        }
        'shark;sync;help;run' {
            break
        }
        'shark;sync;help;status' {
            break
        }
        'shark;sync;help;stop' {
            break
        }
        'shark;sync;help;reset' {
            break
        }
        'shark;sync;help;rm' {
            break
        }
        'shark;sync;help;logs' {
            break
        }
        'shark;sync;help;verify' {
            break
        }
        'shark;sync;help;skipped' {
            break
        }
        'shark;sync;help;help' {
            break
        }
        'shark;inspect' {
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
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Collect metrics, health, vulnerabilities; assess; analyse; store a report')
            [CompletionResult]::new('reports', 'reports', [CompletionResultType]::ParameterValue, 'List stored reports')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one report')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two reports (default: the two latest)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a report as Markdown, HTML (self-contained, with charts) or JSON')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings and the connections a run would use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;inspect;run' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'Report period: how far back trends look')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when the verdict is at least this bad (the report is saved either way)')
            [CompletionResult]::new('--prometheus', '--prometheus', [CompletionResultType]::ParameterName, 'Prometheus connection (overrides inspect.prometheus; "" to skip metrics)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Connection to health-check (repeatable; overrides inspect.checks)')
            [CompletionResult]::new('--vulns', '--vulns', [CompletionResultType]::ParameterName, 'Trivy or Grype JSON report, or a directory of them (repeatable; adds to inspect.vulns)')
            [CompletionResult]::new('--llm', '--llm', [CompletionResultType]::ParameterName, 'LLM connection for the AI analysis (overrides inspect.llm)')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Post the stored report''s summary (verdict, score, top findings, failed checks) to this Slack connection (overrides inspect.notify); a failed delivery is recorded in the report and warned about, and does not change the exit code')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--no-checks', '--no-checks', [CompletionResultType]::ParameterName, 'Skip the dependency health checks')
            [CompletionResult]::new('--no-llm', '--no-llm', [CompletionResultType]::ParameterName, 'Rule-based narrative only, no AI analysis')
            [CompletionResult]::new('--no-notify', '--no-notify', [CompletionResultType]::ParameterName, 'Do not post the summary even if inspect.notify is set')
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
        'shark;inspect;reports' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'Only reports of this period')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Most recent reports to show')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most recent reports to show')
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
        'shark;inspect;show' {
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
        'shark;inspect;diff' {
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
        'shark;inspect;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
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
        'shark;inspect;config' {
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
        'shark;inspect;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Collect metrics, health, vulnerabilities; assess; analyse; store a report')
            [CompletionResult]::new('reports', 'reports', [CompletionResultType]::ParameterValue, 'List stored reports')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one report')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two reports (default: the two latest)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a report as Markdown, HTML (self-contained, with charts) or JSON')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings and the connections a run would use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;inspect;help;run' {
            break
        }
        'shark;inspect;help;reports' {
            break
        }
        'shark;inspect;help;show' {
            break
        }
        'shark;inspect;help;diff' {
            break
        }
        'shark;inspect;help;export' {
            break
        }
        'shark;inspect;help;config' {
            break
        }
        'shark;inspect;help;help' {
            break
        }
        'shark;monitor' {
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
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Define a monitor: what to follow, its rules, where alerts and archives go')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List monitors (stored with `add` and declared in the config file''s [monitors.NAME])')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a monitor''s definition, where it is defined, per-container checkpoints and recent alerts')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archived objects: list them, or print one''s lines')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;monitor;add' {
            [CompletionResult]::new('--kube', '--kube', [CompletionResultType]::ParameterName, 'Kubernetes connection (kubeconfig + context)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'kubeconfig context (default: the connection''s)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace to follow (repeatable; default: all namespaces)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace to follow (repeatable; default: all namespaces)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label selector, e.g. app=web,tier!=cache')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Label selector, e.g. app=web,tier!=cache')
            [CompletionResult]::new('--containers', '--containers', [CompletionResultType]::ParameterName, 'Regex on container names (default: every container)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'First run only: also read lines written this long before the start (default: none)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules from a TOML file of [[rule]] tables (keys as the flags below)')
            [CompletionResult]::new('--rule-name', '--rule-name', [CompletionResultType]::ParameterName, 'Name of the rule given by flags')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'A line matches if it contains one of these keywords (repeatable)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, '... and none of these (repeatable)')
            [CompletionResult]::new('--regex', '--regex', [CompletionResultType]::ParameterName, 'A line matches if it matches one of these regexes (repeatable; matched per line, so ^ and $ anchor at the line''s start and end)')
            [CompletionResult]::new('--exclude-regex', '--exclude-regex', [CompletionResultType]::ParameterName, '... and none of these regexes (repeatable)')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Severity of the rule''s alerts')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Matches needed within --window to alert')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'The time span --threshold matches must fall in (by line timestamp)')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'What matches are grouped by into one alert (rule: one group per rule across everything followed)')
            [CompletionResult]::new('--group-window', '--group-window', [CompletionResultType]::ParameterName, 'Matches this long after the first join its alert (one Slack message with a count)')
            [CompletionResult]::new('--silence', '--silence', [CompletionResultType]::ParameterName, 'After an alert the group stays quiet this long (matches are counted for the next one)')
            [CompletionResult]::new('--slack', '--slack', [CompletionResultType]::ParameterName, 'Slack connection alerts are posted to (its channel option is honoured)')
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'S3 connection lines are archived to')
            [CompletionResult]::new('--archive-prefix', '--archive-prefix', [CompletionResultType]::ParameterName, 'Key prefix inside the bucket (after the connection''s prefix option)')
            [CompletionResult]::new('--archive-lines', '--archive-lines', [CompletionResultType]::ParameterName, 'Archive every line or only matched ones')
            [CompletionResult]::new('--archive-window', '--archive-window', [CompletionResultType]::ParameterName, 'Each archive object covers at most this long and is written when it ends')
            [CompletionResult]::new('--archive-retention', '--archive-retention', [CompletionResultType]::ParameterName, 'Delete this monitor''s archive objects older than this (default: keep; needs --archive-prefix: only objects of this monitor''s layout under it are deleted)')
            [CompletionResult]::new('--stream-idle', '--stream-idle', [CompletionResultType]::ParameterName, 'Reopen a container''s log stream (from its position) when it delivers nothing this long, so a half-open connection cannot silently stop monitoring [default: 2m]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--ignore-case', '--ignore-case', [CompletionResultType]::ParameterName, 'Keywords and regexes ignore case')
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
        'shark;monitor;list' {
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
        'shark;monitor;show' {
            [CompletionResult]::new('--alerts', '--alerts', [CompletionResultType]::ParameterName, 'How many recent alerts to show')
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
        'shark;monitor;rm' {
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
        'shark;monitor;run' {
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
        'shark;monitor;archive' {
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
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a monitor''s archive objects (key, size, time)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print an archive object''s lines (decompressed), or write them to a file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;monitor;archive;ls' {
            [CompletionResult]::new('--under', '--under', [CompletionResultType]::ParameterName, 'Only under NS, NS/POD or NS/POD/CONTAINER')
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
        'shark;monitor;archive;get' {
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
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
        'shark;monitor;archive;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a monitor''s archive objects (key, size, time)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print an archive object''s lines (decompressed), or write them to a file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;monitor;archive;help;ls' {
            break
        }
        'shark;monitor;archive;help;get' {
            break
        }
        'shark;monitor;archive;help;help' {
            break
        }
        'shark;monitor;stop' {
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
        'shark;monitor;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Define a monitor: what to follow, its rules, where alerts and archives go')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List monitors (stored with `add` and declared in the config file''s [monitors.NAME])')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a monitor''s definition, where it is defined, per-container checkpoints and recent alerts')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archived objects: list them, or print one''s lines')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;monitor;help;add' {
            break
        }
        'shark;monitor;help;list' {
            break
        }
        'shark;monitor;help;show' {
            break
        }
        'shark;monitor;help;rm' {
            break
        }
        'shark;monitor;help;run' {
            break
        }
        'shark;monitor;help;archive' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a monitor''s archive objects (key, size, time)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print an archive object''s lines (decompressed), or write them to a file')
            break
        }
        'shark;monitor;help;archive;ls' {
            break
        }
        'shark;monitor;help;archive;get' {
            break
        }
        'shark;monitor;help;stop' {
            break
        }
        'shark;monitor;help;help' {
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
        'shark;zk' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every member''s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a znode''s children with versions and sizes')
            [CompletionResult]::new('tree', 'tree', [CompletionResultType]::ParameterValue, 'Show a znode and its descendants')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a znode''s data and stat')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a znode''s data; with --version only if it still has that version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a znode (persistent unless --ephemeral/--sequential/--container)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Start, stop or restart a node with its configured command; audited with before/after snapshots')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List node-control audit entries (with --id: one entry with both ensemble snapshots)')
            [CompletionResult]::new('files', 'files', [CompletionResultType]::ParameterValue, 'Files on the nodes'' storage, placed and rebalanced by load')
            [CompletionResult]::new('workload', 'workload', [CompletionResultType]::ParameterValue, 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;zk;status' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Refresh interval with --watch')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop --watch after this many snapshots')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when the (last) verdict is at least this bad')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh until Ctrl-C (NDJSON, one snapshot per line, with -o json)')
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
        'shark;zk;ls' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;tree' {
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'Levels below PATH to show')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;get' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;set' {
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the data from this file instead')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Set only if the znode has this version (from `zk get`)')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
            break
        }
        'shark;zk;create' {
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the data from this file instead')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--ephemeral', '--ephemeral', [CompletionResultType]::ParameterName, 'Ephemeral: deleted when this command''s session ends, i.e. right after it exits')
            [CompletionResult]::new('--sequential', '--sequential', [CompletionResultType]::ParameterName, 'Append a 10-digit sequence number to the name')
            [CompletionResult]::new('--container', '--container', [CompletionResultType]::ParameterName, 'Container: the server deletes it once its last child is gone')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Create missing parents (persistent)')
            [CompletionResult]::new('--parents', '--parents', [CompletionResultType]::ParameterName, 'Create missing parents (persistent)')
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
        'shark;zk;rm' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Delete only if the znode has this version')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Delete the descendants too')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the data asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v info, -vv debug, -vvv trace); RUST_LOG wins')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set or stdout is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'shark;zk;node' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run the node''s start command and wait until it serves')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Run the node''s stop command and wait until the ensemble settles without it')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Run the node''s restart command (default: stop && start) and wait until it serves')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the nodes declared under [zk.nodes.NAME]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;zk;node;start' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the ensemble to settle (default [zk] settle_timeout, 60s)')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;node;stop' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the ensemble to settle (default [zk] settle_timeout, 60s)')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;node;restart' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the ensemble to settle (default [zk] settle_timeout, 60s)')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;node;list' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;node;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run the node''s start command and wait until it serves')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Run the node''s stop command and wait until the ensemble settles without it')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Run the node''s restart command (default: stop && start) and wait until it serves')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the nodes declared under [zk.nodes.NAME]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;zk;node;help;start' {
            break
        }
        'shark;zk;node;help;stop' {
            break
        }
        'shark;zk;node;help;restart' {
            break
        }
        'shark;zk;node;help;list' {
            break
        }
        'shark;zk;node;help;help' {
            break
        }
        'shark;zk;audit' {
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Show one entry in full')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Entries to list')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Store a file on the least-loaded node (or --node), with its checksum')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List stored files and every node''s load')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write a stored file to --out (or stdout), verifying its checksum')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a stored file (metadata, then data)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Migrations done by rebalance/drain, newest first')
            [CompletionResult]::new('rebalance', 'rebalance', [CompletionResultType]::ParameterValue, 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file')
            [CompletionResult]::new('undrain', 'undrain', [CompletionResultType]::ParameterValue, 'Let a drained node take files again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;zk;files;put' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name to store it under (default: the file name)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Put it on this node instead of the least-loaded one')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files;ls' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files;get' {
            [CompletionResult]::new('-O', '-O ', [CompletionResultType]::ParameterName, 'Destination file (default: stdout)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Destination file (default: stdout)')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files;rm' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files;history' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'limit')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files;rebalance' {
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Allowed spread of load scores (default [zk] threshold, 5)')
            [CompletionResult]::new('--drain', '--drain', [CompletionResultType]::ParameterName, 'Move every file off this node and stop placing files on it')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the moves without doing them')
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
        'shark;zk;files;verify' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files;undrain' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
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
        'shark;zk;files;help' {
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Store a file on the least-loaded node (or --node), with its checksum')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List stored files and every node''s load')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write a stored file to --out (or stdout), verifying its checksum')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a stored file (metadata, then data)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Migrations done by rebalance/drain, newest first')
            [CompletionResult]::new('rebalance', 'rebalance', [CompletionResultType]::ParameterValue, 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file')
            [CompletionResult]::new('undrain', 'undrain', [CompletionResultType]::ParameterValue, 'Let a drained node take files again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;zk;files;help;put' {
            break
        }
        'shark;zk;files;help;ls' {
            break
        }
        'shark;zk;files;help;get' {
            break
        }
        'shark;zk;files;help;rm' {
            break
        }
        'shark;zk;files;help;history' {
            break
        }
        'shark;zk;files;help;rebalance' {
            break
        }
        'shark;zk;files;help;verify' {
            break
        }
        'shark;zk;files;help;undrain' {
            break
        }
        'shark;zk;files;help;help' {
            break
        }
        'shark;zk;workload' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long to run (at most 1h)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Znode operations per second')
            [CompletionResult]::new('--sessions', '--sessions', [CompletionResultType]::ParameterName, 'Extra client sessions held open, each with an ephemeral znode')
            [CompletionResult]::new('--max-files', '--max-files', [CompletionResultType]::ParameterName, 'Demo files kept at most (0: none; needs storage nodes)')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The zookeeper connection (default: [zk] conn, else the only zookeeper connection)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the znodes and files created instead of cleaning up')
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
        'shark;zk;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every member''s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a znode''s children with versions and sizes')
            [CompletionResult]::new('tree', 'tree', [CompletionResultType]::ParameterValue, 'Show a znode and its descendants')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a znode''s data and stat')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a znode''s data; with --version only if it still has that version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a znode (persistent unless --ephemeral/--sequential/--container)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Start, stop or restart a node with its configured command; audited with before/after snapshots')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List node-control audit entries (with --id: one entry with both ensemble snapshots)')
            [CompletionResult]::new('files', 'files', [CompletionResultType]::ParameterValue, 'Files on the nodes'' storage, placed and rebalanced by load')
            [CompletionResult]::new('workload', 'workload', [CompletionResultType]::ParameterValue, 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;zk;help;status' {
            break
        }
        'shark;zk;help;ls' {
            break
        }
        'shark;zk;help;tree' {
            break
        }
        'shark;zk;help;get' {
            break
        }
        'shark;zk;help;set' {
            break
        }
        'shark;zk;help;create' {
            break
        }
        'shark;zk;help;rm' {
            break
        }
        'shark;zk;help;node' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run the node''s start command and wait until it serves')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Run the node''s stop command and wait until the ensemble settles without it')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Run the node''s restart command (default: stop && start) and wait until it serves')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the nodes declared under [zk.nodes.NAME]')
            break
        }
        'shark;zk;help;node;start' {
            break
        }
        'shark;zk;help;node;stop' {
            break
        }
        'shark;zk;help;node;restart' {
            break
        }
        'shark;zk;help;node;list' {
            break
        }
        'shark;zk;help;audit' {
            break
        }
        'shark;zk;help;files' {
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Store a file on the least-loaded node (or --node), with its checksum')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List stored files and every node''s load')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write a stored file to --out (or stdout), verifying its checksum')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a stored file (metadata, then data)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Migrations done by rebalance/drain, newest first')
            [CompletionResult]::new('rebalance', 'rebalance', [CompletionResultType]::ParameterValue, 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file')
            [CompletionResult]::new('undrain', 'undrain', [CompletionResultType]::ParameterValue, 'Let a drained node take files again')
            break
        }
        'shark;zk;help;files;put' {
            break
        }
        'shark;zk;help;files;ls' {
            break
        }
        'shark;zk;help;files;get' {
            break
        }
        'shark;zk;help;files;rm' {
            break
        }
        'shark;zk;help;files;history' {
            break
        }
        'shark;zk;help;files;rebalance' {
            break
        }
        'shark;zk;help;files;verify' {
            break
        }
        'shark;zk;help;files;undrain' {
            break
        }
        'shark;zk;help;workload' {
            break
        }
        'shark;zk;help;help' {
            break
        }
        'shark;es-shards' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason')
            [CompletionResult]::new('rebalance', 'rebalance', [CompletionResultType]::ParameterValue, 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries')
            [CompletionResult]::new('recovery', 'recovery', [CompletionResultType]::ParameterValue, 'Shard recoveries in flight (type, stage, source → target, bytes and files %)')
            [CompletionResult]::new('replication', 'replication', [CompletionResultType]::ParameterValue, 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare each replica''s doc count and size with its primary''s, per shard; exit 1 on a count mismatch')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Exclude a node from allocation and wait until it holds no shard')
            [CompletionResult]::new('undrain', 'undrain', [CompletionResultType]::ParameterValue, 'Remove a node from the allocation exclusion list')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Snapshots in a shared-filesystem (fs) repository')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'Cluster changes recorded by es-shards, newest first, with the values before and after')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;es-shards;status' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when the cluster is at least this bad')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;rebalance' {
            [CompletionResult]::new('--allocation', '--allocation', [CompletionResultType]::ParameterName, 'cluster.routing.allocation.enable')
            [CompletionResult]::new('--rebalance', '--rebalance', [CompletionResultType]::ParameterName, 'cluster.routing.rebalance.enable')
            [CompletionResult]::new('--concurrent', '--concurrent', [CompletionResultType]::ParameterName, 'cluster.routing.allocation.cluster_concurrent_rebalance')
            [CompletionResult]::new('--node-recoveries', '--node-recoveries', [CompletionResultType]::ParameterName, 'cluster.routing.allocation.node_concurrent_recoveries')
            [CompletionResult]::new('--max-bytes-per-sec', '--max-bytes-per-sec', [CompletionResultType]::ParameterName, 'indices.recovery.max_bytes_per_sec, e.g. 100mb')
            [CompletionResult]::new('--max-moves', '--max-moves', [CompletionResultType]::ParameterName, 'At most this many planned moves')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 4; what was applied stays)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll interval')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Also compute balancing moves (fullest → emptiest node) and submit them as a reroute')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the settings and the plan with the cluster''s decisions (reroute dry_run); change nothing')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Apply and return without following recoveries')
            [CompletionResult]::new('--restore', '--restore', [CompletionResultType]::ParameterName, 'Put back the settings the last rebalance replaced, and stop')
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
        'shark;es-shards;recovery' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 4; what was applied stays)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll interval')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow until no recovery is active')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include finished recoveries')
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
        'shark;es-shards;replication' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an index is in this state or worse')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 4; what was applied stays)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll interval')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow until every index is healthy')
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
        'shark;es-shards;recover' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 4; what was applied stays)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll interval')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;verify' {
            [CompletionResult]::new('--rounds', '--rounds', [CompletionResultType]::ParameterName, 'Reads of a differing copy before it counts as a mismatch')
            [CompletionResult]::new('--pause', '--pause', [CompletionResultType]::ParameterName, 'Pause between reads')
            [CompletionResult]::new('--size-tolerance', '--size-tolerance', [CompletionResultType]::ParameterName, 'Store size gap (%) reported as a warning')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;drain' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 4; what was applied stays)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll interval')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (TOML); default ./shark.toml, then $XDG_CONFIG_HOME/shark/shark.toml')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite); default $XDG_DATA_HOME/shark/shark.db')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human tables, or JSON (one document; NDJSON events for long-running verbs)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Apply the exclusion and return without waiting')
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
        'shark;es-shards;undrain' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;snapshot' {
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a snapshot and follow it to the end (registers an fs repository with --location)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Snapshots in a repository')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot and follow the recoveries')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;es-shards;snapshot;create' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Repository name')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Register the repository as type fs at this path (must be in path.repo on every node)')
            [CompletionResult]::new('--indices', '--indices', [CompletionResultType]::ParameterName, 'Indices (comma-separated; default all, with the cluster state)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 4; what was applied stays)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll interval')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;snapshot;list' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Repository name')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;snapshot;restore' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Repository name')
            [CompletionResult]::new('--indices', '--indices', [CompletionResultType]::ParameterName, 'Indices to restore (comma-separated; default all in the snapshot)')
            [CompletionResult]::new('--rename-pattern', '--rename-pattern', [CompletionResultType]::ParameterName, 'Regex on index names, e.g. "(.+)"')
            [CompletionResult]::new('--rename-replacement', '--rename-replacement', [CompletionResultType]::ParameterName, 'Replacement, e.g. "restored-$1"')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long (exit 4; what was applied stays)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll interval')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;snapshot;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a snapshot and follow it to the end (registers an fs repository with --location)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Snapshots in a repository')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot and follow the recoveries')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;es-shards;snapshot;help;create' {
            break
        }
        'shark;es-shards;snapshot;help;list' {
            break
        }
        'shark;es-shards;snapshot;help;restore' {
            break
        }
        'shark;es-shards;snapshot;help;help' {
            break
        }
        'shark;es-shards;ops' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Entries to list')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Entries to list')
            [CompletionResult]::new('--conn', '--conn', [CompletionResultType]::ParameterName, 'The elasticsearch connection (default: the only one)')
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
        'shark;es-shards;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason')
            [CompletionResult]::new('rebalance', 'rebalance', [CompletionResultType]::ParameterValue, 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries')
            [CompletionResult]::new('recovery', 'recovery', [CompletionResultType]::ParameterValue, 'Shard recoveries in flight (type, stage, source → target, bytes and files %)')
            [CompletionResult]::new('replication', 'replication', [CompletionResultType]::ParameterValue, 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare each replica''s doc count and size with its primary''s, per shard; exit 1 on a count mismatch')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Exclude a node from allocation and wait until it holds no shard')
            [CompletionResult]::new('undrain', 'undrain', [CompletionResultType]::ParameterValue, 'Remove a node from the allocation exclusion list')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Snapshots in a shared-filesystem (fs) repository')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'Cluster changes recorded by es-shards, newest first, with the values before and after')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'shark;es-shards;help;status' {
            break
        }
        'shark;es-shards;help;rebalance' {
            break
        }
        'shark;es-shards;help;recovery' {
            break
        }
        'shark;es-shards;help;replication' {
            break
        }
        'shark;es-shards;help;recover' {
            break
        }
        'shark;es-shards;help;verify' {
            break
        }
        'shark;es-shards;help;drain' {
            break
        }
        'shark;es-shards;help;undrain' {
            break
        }
        'shark;es-shards;help;snapshot' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a snapshot and follow it to the end (registers an fs repository with --location)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Snapshots in a repository')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot and follow the recoveries')
            break
        }
        'shark;es-shards;help;snapshot;create' {
            break
        }
        'shark;es-shards;help;snapshot;list' {
            break
        }
        'shark;es-shards;help;snapshot;restore' {
            break
        }
        'shark;es-shards;help;ops' {
            break
        }
        'shark;es-shards;help;help' {
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
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Data pipelines: MySQL/MariaDB or Elasticsearch/OpenSearch → MongoDB, MySQL or Elasticsearch; full copy, then binlog CDC from MySQL')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Health reports: Prometheus metrics, dependency checks, vulnerabilities and an AI analysis, with history')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Kubernetes log alerts: follow pods'' containers, match rules, alert to Slack, archive to S3')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show the run history of every command, and one run''s log')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Inspect the state file: path, schema, sizes, task leases')
            [CompletionResult]::new('zk', 'zk', [CompletionResultType]::ParameterValue, 'ZooKeeper: ensemble status, znodes, node control with audit, file placement and rebalancing')
            [CompletionResult]::new('es-shards', 'es-shards', [CompletionResultType]::ParameterValue, 'Elasticsearch / OpenSearch shards: status, rebalance with recovery progress, replication health, recover, verify, drain, snapshots')
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
        'shark;help;sync' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Define a task: source, target, tables, mode')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a task''s definition')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Full copy of what is not copied yet, then follow the binlog of a MySQL source (Ctrl-C/SIGTERM stop at a checkpoint, exit 130; a second Ctrl-C exits at once; `sync stop` ends it with exit 0)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Phase, per-unit progress, binlog position, lag and last error (all tasks without NAME)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running task from another terminal: it finishes the batch or transaction in flight, stops at that checkpoint and exits 0')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Copy again on the next run (every unit, or one), into a shadow swapped in when complete')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a task and its state (target data stays; a shared task is removed from its coordinator too)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'The log of the task''s latest run on this host (a shared task: and what each of its workers does now)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare row counts and checksums of source units and their targets (rows recorded by --on-error skip counted apart); exit 1 on a mismatch')
            [CompletionResult]::new('skipped', 'skipped', [CompletionResultType]::ParameterValue, 'Rows the target refused and `--on-error skip` recorded, with the error (newest first)')
            break
        }
        'shark;help;sync;create' {
            break
        }
        'shark;help;sync;list' {
            break
        }
        'shark;help;sync;show' {
            break
        }
        'shark;help;sync;run' {
            break
        }
        'shark;help;sync;status' {
            break
        }
        'shark;help;sync;stop' {
            break
        }
        'shark;help;sync;reset' {
            break
        }
        'shark;help;sync;rm' {
            break
        }
        'shark;help;sync;logs' {
            break
        }
        'shark;help;sync;verify' {
            break
        }
        'shark;help;sync;skipped' {
            break
        }
        'shark;help;inspect' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Collect metrics, health, vulnerabilities; assess; analyse; store a report')
            [CompletionResult]::new('reports', 'reports', [CompletionResultType]::ParameterValue, 'List stored reports')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one report')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two reports (default: the two latest)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a report as Markdown, HTML (self-contained, with charts) or JSON')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings and the connections a run would use')
            break
        }
        'shark;help;inspect;run' {
            break
        }
        'shark;help;inspect;reports' {
            break
        }
        'shark;help;inspect;show' {
            break
        }
        'shark;help;inspect;diff' {
            break
        }
        'shark;help;inspect;export' {
            break
        }
        'shark;help;inspect;config' {
            break
        }
        'shark;help;monitor' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Define a monitor: what to follow, its rules, where alerts and archives go')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List monitors (stored with `add` and declared in the config file''s [monitors.NAME])')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a monitor''s definition, where it is defined, per-container checkpoints and recent alerts')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a stored monitor with its checkpoints and alert history (archived objects stay; config-declared monitors are removed by editing the file)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Follow, match, alert and archive in the foreground until Ctrl-C (exit 130) or `monitor stop`')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archived objects: list them, or print one''s lines')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running monitor from another terminal (it flushes and checkpoints, then exits 0)')
            break
        }
        'shark;help;monitor;add' {
            break
        }
        'shark;help;monitor;list' {
            break
        }
        'shark;help;monitor;show' {
            break
        }
        'shark;help;monitor;rm' {
            break
        }
        'shark;help;monitor;run' {
            break
        }
        'shark;help;monitor;archive' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a monitor''s archive objects (key, size, time)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print an archive object''s lines (decompressed), or write them to a file')
            break
        }
        'shark;help;monitor;archive;ls' {
            break
        }
        'shark;help;monitor;archive;get' {
            break
        }
        'shark;help;monitor;stop' {
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
        'shark;help;zk' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every member''s mode, zxid, connections, latency, znodes, watches, synced followers, and the verdict; exit 1 with --fail-on')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a znode''s children with versions and sizes')
            [CompletionResult]::new('tree', 'tree', [CompletionResultType]::ParameterValue, 'Show a znode and its descendants')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a znode''s data and stat')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a znode''s data; with --version only if it still has that version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a znode (persistent unless --ephemeral/--sequential/--container)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a znode; --recursive also deletes its descendants; --version makes it conditional')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Start, stop or restart a node with its configured command; audited with before/after snapshots')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'List node-control audit entries (with --id: one entry with both ensemble snapshots)')
            [CompletionResult]::new('files', 'files', [CompletionResultType]::ParameterValue, 'Files on the nodes'' storage, placed and rebalanced by load')
            [CompletionResult]::new('workload', 'workload', [CompletionResultType]::ParameterValue, 'Bounded demo traffic: znodes, extra sessions, demo files (-o json: NDJSON, last line a summary)')
            break
        }
        'shark;help;zk;status' {
            break
        }
        'shark;help;zk;ls' {
            break
        }
        'shark;help;zk;tree' {
            break
        }
        'shark;help;zk;get' {
            break
        }
        'shark;help;zk;set' {
            break
        }
        'shark;help;zk;create' {
            break
        }
        'shark;help;zk;rm' {
            break
        }
        'shark;help;zk;node' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Run the node''s start command and wait until it serves')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Run the node''s stop command and wait until the ensemble settles without it')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Run the node''s restart command (default: stop && start) and wait until it serves')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the nodes declared under [zk.nodes.NAME]')
            break
        }
        'shark;help;zk;node;start' {
            break
        }
        'shark;help;zk;node;stop' {
            break
        }
        'shark;help;zk;node;restart' {
            break
        }
        'shark;help;zk;node;list' {
            break
        }
        'shark;help;zk;audit' {
            break
        }
        'shark;help;zk;files' {
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Store a file on the least-loaded node (or --node), with its checksum')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List stored files and every node''s load')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write a stored file to --out (or stdout), verifying its checksum')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a stored file (metadata, then data)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Migrations done by rebalance/drain, newest first')
            [CompletionResult]::new('rebalance', 'rebalance', [CompletionResultType]::ParameterValue, 'Move files until max - min load score <= threshold; --drain NODE empties a node. Resumes interrupted moves first. With -o json: NDJSON progress events, the last line a summary')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every stored file''s checksum on its node and list orphaned data; exit 1 on a missing or damaged file')
            [CompletionResult]::new('undrain', 'undrain', [CompletionResultType]::ParameterValue, 'Let a drained node take files again')
            break
        }
        'shark;help;zk;files;put' {
            break
        }
        'shark;help;zk;files;ls' {
            break
        }
        'shark;help;zk;files;get' {
            break
        }
        'shark;help;zk;files;rm' {
            break
        }
        'shark;help;zk;files;history' {
            break
        }
        'shark;help;zk;files;rebalance' {
            break
        }
        'shark;help;zk;files;verify' {
            break
        }
        'shark;help;zk;files;undrain' {
            break
        }
        'shark;help;zk;workload' {
            break
        }
        'shark;help;es-shards' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Cluster health, nodes with shard counts, unassigned shards with the allocation-explain reason')
            [CompletionResult]::new('rebalance', 'rebalance', [CompletionResultType]::ParameterValue, 'Apply allocation/rebalance settings (previous values recorded), optionally submit balancing moves, follow recoveries')
            [CompletionResult]::new('recovery', 'recovery', [CompletionResultType]::ParameterValue, 'Shard recoveries in flight (type, stage, source → target, bytes and files %)')
            [CompletionResult]::new('replication', 'replication', [CompletionResultType]::ParameterValue, 'Per index healthy / syncing / degraded / failed with progress % (rules in --help)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Enable allocation, retry failed allocations (retry_failed), follow, explain what is still unassigned (exit 1 if any)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare each replica''s doc count and size with its primary''s, per shard; exit 1 on a count mismatch')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Exclude a node from allocation and wait until it holds no shard')
            [CompletionResult]::new('undrain', 'undrain', [CompletionResultType]::ParameterValue, 'Remove a node from the allocation exclusion list')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Snapshots in a shared-filesystem (fs) repository')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'Cluster changes recorded by es-shards, newest first, with the values before and after')
            break
        }
        'shark;help;es-shards;status' {
            break
        }
        'shark;help;es-shards;rebalance' {
            break
        }
        'shark;help;es-shards;recovery' {
            break
        }
        'shark;help;es-shards;replication' {
            break
        }
        'shark;help;es-shards;recover' {
            break
        }
        'shark;help;es-shards;verify' {
            break
        }
        'shark;help;es-shards;drain' {
            break
        }
        'shark;help;es-shards;undrain' {
            break
        }
        'shark;help;es-shards;snapshot' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a snapshot and follow it to the end (registers an fs repository with --location)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Snapshots in a repository')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot and follow the recoveries')
            break
        }
        'shark;help;es-shards;snapshot;create' {
            break
        }
        'shark;help;es-shards;snapshot;list' {
            break
        }
        'shark;help;es-shards;snapshot;restore' {
            break
        }
        'shark;help;es-shards;ops' {
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
