// Command-line arguments of valohai-lint, parsed with node:util parseArgs; usage errors become exit code 2.
import { parseArgs } from 'node:util';

export interface FormatRequest {
  name: FormatName;
  /** File to write to; undefined means standard output. */
  output?: string;
}

export interface CliOptions {
  paths: string[];
  formats: FormatRequest[];
  rules: Record<string, string>;
  config?: string;
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings?: number;
  quiet: boolean;
  listRules: boolean;
  printConfig?: string;
  stdin: boolean;
  stdinFilename?: string;
  help: boolean;
  version: boolean;
  color?: boolean;
}

export class UsageError extends Error {}

function isFormat(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'list-rules': { type: 'boolean' },
        'print-config': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  const formats = (v.format ?? []).map((f): FormatRequest => {
    const eq = f.indexOf('=');
    const name = eq >= 0 ? f.slice(0, eq) : f;
    const output = eq >= 0 ? f.slice(eq + 1) : undefined;
    if (!isFormat(name)) throw new UsageError(`Unknown format "${name}"; expected one of ${FORMATS.map((x) => `"${x}"`).join(', ')}.`);
    if (output === '') throw new UsageError(`--format ${name}= needs a file name after "=".`);
    return output === undefined ? { name } : { name, output };
  });
  if (formats.filter((f) => f.output === undefined).length > 1) throw new UsageError('Only one --format can write to standard output; give the others a file with NAME=FILE.');
  const rules: Record<string, string> = {};
  for (const r of v.rule ?? []) {
    const m = /^([\w-]+)=(error|warning|info|hint|off)$/.exec(r);
    if (!m) throw new UsageError(`--rule expects RULE=SEVERITY with SEVERITY one of error, warning, info, hint, off; got "${r}".`);
    rules[m[1]!] = m[2]!;
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    // Digits only: Number() would also take "", " ", "0x10" and "1e3".
    maxWarnings = /^\d{1,15}$/.test(v['max-warnings']) ? Number(v['max-warnings']) : Number.NaN;
    if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings expects a whole number such as 0 or 10, got "${v['max-warnings']}".`);
  }
  if (v.stdin && parsed.positionals.length > 0) throw new UsageError('--stdin reads one file from standard input; do not also name files.');
  if (v.fix && v['fix-dry-run']) throw new UsageError('Use either --fix or --fix-dry-run, not both.');
  const options: CliOptions = {
    paths: parsed.positionals,
    formats: formats.length > 0 ? formats : [{ name: 'stylish' }],
    rules,
    fix: Boolean(v.fix),
    fixDryRun: Boolean(v['fix-dry-run']),
    quiet: Boolean(v.quiet),
    listRules: Boolean(v['list-rules']),
    stdin: Boolean(v.stdin),
    help: Boolean(v.help),
    version: Boolean(v.version),
  };
  if (v.config !== undefined) options.config = v.config;
  if (maxWarnings !== undefined) options.maxWarnings = maxWarnings;
  if (v['print-config'] !== undefined) options.printConfig = v['print-config'];
  if (v['stdin-filename'] !== undefined) options.stdinFilename = v['stdin-filename'];
  if (v.color) options.color = true;
  if (v['no-color']) options.color = false;
  return options;
}

export const HELP = `valohai-lint: find mistakes in valohai.yaml before Valohai does.

Usage: valohai-lint [options] [files, folders or globs...]
       valohai-lint graph [FILE] [--pipeline NAME] [--format mermaid|dot|svg|json]

With no paths, lints every valohai.yaml / valohai.yml under the current folder,
and variants such as staging.valohai.yaml (skipping node_modules, .git, .hg, .svn).

Options:
  -f, --format NAME[=FILE]  Output format: ${FORMATS.join(', ')}. Default: stylish.
                            Repeatable; at most one without =FILE goes to standard output
  -c, --config FILE         Use this configuration instead of the nearest .valohai-lint.yaml
      --rule ID=SEVERITY    Override a rule: error, warning, info, hint or off (repeatable)
      --fix                 Apply safe fixes and rewrite the files (atomically)
      --fix-dry-run         Print the fixes as a unified diff; change nothing
      --max-warnings N      Exit 1 when there are more than N warnings
  -q, --quiet               Report errors only
      --list-rules          Print the rules (with --format json: machine-readable)
      --print-config FILE   Print the configuration that applies to FILE
      --stdin               Lint standard input
      --stdin-filename NAME Name to report (and find the configuration) for --stdin
      --color, --no-color   Force colors on or off (NO_COLOR and FORCE_COLOR work too)
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no errors; 1 errors found (or more warnings than --max-warnings);
2 usage or configuration error.

Examples:
  valohai-lint                                  # every valohai.yaml below here
  valohai-lint valohai.yaml --format json
  valohai-lint --rule yaml-ambiguous-value=off .
  valohai-lint --fix-dry-run valohai.yaml
  cat valohai.yaml | valohai-lint --stdin --stdin-filename valohai.yaml
`;
