import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { backupCommand, BACKUP_DETAILS, moveToPostgresCommand, restoreCommand } from './backup-command';
import { EXIT, type CliIo } from './cli-types';
import { importCommand, IMPORT_USAGE } from './import-command';
import { migrateCommand } from './migrate-command';
import { pluginCommand } from './plugin-command';
import { seedCommand } from './seed-command';
import { startCommand } from './start-command';
import { typesCommand } from './types-command';
import { userCommand } from './user-command';
import { validateCommand } from './validate-command';

export interface CommandArgs {
  values: Record<string, unknown>;
  positionals: string[];
  /** The arguments after the command name, for commands that parse their own. */
  raw: string[];
  io: CliIo;
  repoRoot: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  details?: string;
  options?: ParseArgsConfig['options'];
  /** Parses its own arguments (given `raw`). */
  rawArgs?: boolean;
  run(args: CommandArgs): Promise<number>;
}

const exampleApp = (root: string) => path.join(root, 'examples', 'crm');
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Every `tessera` subcommand: its usage (its `--help`), its options and what runs it. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'start', usage: 'Usage: tessera start [appDir]', summary: 'serve an app (default examples/crm) until SIGINT/SIGTERM',
    details: 'Configured by environment variables (docs/configuration.md): DATABASE_URL, PORT, HOST, TESSERA_WORKERS, …',
    async run({ positionals, io, repoRoot }) {
      await startCommand(path.resolve(positionals[0] ?? exampleApp(repoRoot)), io);
      return -1; // keeps running
    },
  },
  {
    name: 'validate', usage: 'Usage: tessera validate <appDir>', summary: "check an app's metadata: every error as file:line:col code: message (hint)",
    async run({ positionals, io }) {
      if (!positionals[0]) return missing('validate', 'the app folder', io);
      return validateCommand(positionals[0], io);
    },
  },
  {
    name: 'types', usage: 'Usage: tessera types <appDir> [--out file]', summary: "TypeScript interfaces for the app's entities",
    options: { out: { type: 'string' } },
    async run({ positionals, values, io }) {
      if (!positionals[0]) return missing('types', 'the app folder', io);
      return typesCommand(positionals[0], str(values.out), io);
    },
  },
  {
    name: 'user',
    usage: 'Usage: tessera user add <username> --role <role> [--role …] [--email e] [--name "Full Name"] [--password-stdin]\n       tessera user passwd <username> [--password-stdin]',
    summary: 'add a user or change a password, straight in DATABASE_URL / TESSERA_DATA_DIR',
    details: 'The password is read from stdin (--password-stdin) or a hidden prompt, never from the command line.',
    options: { role: { type: 'string', multiple: true }, email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    run: ({ positionals, values, io }) =>
      userCommand(positionals[0], positionals[1], { roles: (values.role as string[] | undefined) ?? [], email: str(values.email), name: str(values.name), passwordStdin: Boolean(values['password-stdin']) }, io),
  },
  {
    name: 'migrate',
    usage: 'Usage: tessera migrate plan|apply|rollback|history <appDir> [--yes]\n       tessera migrate purge <appDir> [--older-than <days>] [--yes]',
    summary: 'preview and apply metadata migrations; list or purge archived data',
    details: 'plan changes nothing (exit 2 if blocked); apply --yes confirms destructive steps; purge --yes deletes archives for good.',
    options: { yes: { type: 'boolean', short: 'y' }, 'older-than': { type: 'string' } },
    run: ({ positionals, values, io }) => migrateCommand(positionals[0], positionals[1], { yes: Boolean(values.yes), olderThan: str(values['older-than']) }, io),
  },
  {
    name: 'plugin', usage: 'Usage: tessera plugin new <name> [--dir pluginsDir]', summary: 'scaffold plugins/plugin-<name> with a passing test',
    options: { dir: { type: 'string' } },
    run: ({ positionals, values, io }) => pluginCommand(positionals[0], positionals[1], { dir: path.resolve(str(values.dir) ?? path.join(process.cwd(), 'plugins')) }, io),
  },
  {
    name: 'seed', usage: 'Usage: tessera seed [appDir] [--scale 1000|100000]', summary: 'deterministic demo data for the example CRM (skips if customers exist)',
    options: { scale: { type: 'string' } },
    run: ({ positionals, values, io, repoRoot }) => seedCommand(path.resolve(positionals[0] ?? exampleApp(repoRoot)), str(values.scale), io),
  },
  {
    name: 'import', usage: IMPORT_USAGE.split('\n')[0], summary: 'import a CSV or Excel file into an entity, with progress', details: IMPORT_USAGE.split('\n').slice(1).join('\n'), rawArgs: true,
    run: ({ raw, io, repoRoot }) => importCommand(raw, io, exampleApp(repoRoot)),
  },
  {
    name: 'backup', usage: 'Usage: tessera backup <file.tar.gz>', summary: 'write the database and its files to one archive, from one consistent snapshot',
    details: BACKUP_DETAILS,
    run: ({ positionals, io }) => backupCommand(positionals[0], io),
  },
  {
    name: 'restore', usage: 'Usage: tessera restore <file.tar.gz> [--force]', summary: 'restore an archive of tessera backup into an empty database (--force replaces everything)',
    details: BACKUP_DETAILS,
    options: { force: { type: 'boolean' } },
    run: ({ positionals, values, io }) => restoreCommand(positionals[0], Boolean(values.force), io),
  },
  {
    name: 'move-to-postgres', usage: 'Usage: tessera move-to-postgres --from <pglite folder> --to <postgres://…> [--force]',
    summary: 'copy a development PGlite folder (and its files) into a PostgreSQL database',
    details: 'The files go from the folder beside the PGlite folder to TESSERA_FILES_DIR (or .tessera-data/files). Stop the server first.',
    options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } },
    run: ({ values, io }) => moveToPostgresCommand(str(values.from), str(values.to), Boolean(values.force), io),
  },
];

function missing(command: string, what: string, io: CliIo): number {
  io.err(`tessera ${command}: ${what} is missing\n${COMMANDS.find((c) => c.name === command)!.usage}`);
  return EXIT.error;
}
