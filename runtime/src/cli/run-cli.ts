import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, EXIT_CODES_TEXT, type CliIo } from './cli-types';
import { tesseraVersion } from './cli-version';
import { COMMANDS, type CommandSpec } from './commands';

// `npm start` runs from the repo root; this file is runtime/src/cli/main.ts.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export function overallUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: tessera <command> [options]    (tessera <command> --help for its options)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  -h, --help     this help, or a command\'s',
    '  -V, --version  the Tessera version',
    '  --json         the result as one JSON document on stdout (human text goes to stderr)',
    '',
    EXIT_CODES_TEXT,
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  return `${spec.usage}\n\n${spec.summary}${spec.details ? `\n${spec.details}` : ''}\n  --json  the result as JSON on stdout\n\n${EXIT_CODES_TEXT}`;
}

/**
 * Runs one `tessera` invocation; returns its exit code (-1: keeps running, the server).
 * Under `--json`, stdout carries exactly one JSON object: `{ ok, exitCode, ...result }`,
 * plus `errors` (what would have gone to stderr).
 */
export async function runCli(argv: string[], base: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const result: Record<string, unknown> = {};
  const errors: string[] = [];
  const io: CliIo = json
    ? { out: base.err, err: (line) => (errors.push(line), base.err(line)), result: (value) => Object.assign(result, value), progress: base.err }
    : { out: base.out, err: base.err, result: () => undefined, progress: base.err };
  const finish = (code: number) => {
    if (json && code >= 0) base.out(JSON.stringify({ ok: code === EXIT.ok, exitCode: code, ...result, ...(errors.length ? { errors } : {}) }, null, 2));
    return code;
  };
  const name = argv.find((a) => !a.startsWith('-'));
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    const flags = parseArgs({ args: argv, allowPositionals: true, strict: false, options: GLOBAL_OPTIONS }).values;
    if (flags.version) {
      io.result?.({ version: tesseraVersion(), node: process.versions.node });
      if (!json) io.out(`tessera ${tesseraVersion()}`);
      return finish(EXIT.ok);
    }
    if (name === undefined) {
      if (!json) (flags.help ? io.out : io.err)(overallUsage());
      return finish(flags.help ? EXIT.ok : EXIT.error);
    }
    io.err(`Unknown command "${name}"\n${overallUsage()}`);
    return finish(EXIT.error);
  }
  const at = argv.indexOf(name!);
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)].filter((a) => a !== '--json');
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = spec.rawArgs
      ? { values: { help: rest.includes('--help') || rest.includes('-h') }, positionals: rest }
      : parseArgs({ args: rest, allowPositionals: true, options: { ...GLOBAL_OPTIONS, ...spec.options } });
  } catch (err) {
    io.err(`tessera ${spec.name}: ${(err as Error).message}\n\n${spec.usage}`);
    return finish(EXIT.error);
  }
  if (parsed.values.help) {
    io.out(commandHelp(spec));
    return finish(EXIT.ok);
  }
  if (parsed.values.version) {
    io.out(`tessera ${tesseraVersion()}`);
    return finish(EXIT.ok);
  }
  try {
    return finish(await spec.run({ values: parsed.values, positionals: parsed.positionals, raw: rest, io, repoRoot: REPO_ROOT }));
  } catch (err) {
    io.err(`tessera ${spec.name}: ${(err as Error).message}`);
    return finish(EXIT.error);
  }
}
