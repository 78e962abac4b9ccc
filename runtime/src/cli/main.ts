import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './cli-types';
import { importCommand } from './import-command';
import { migrateCommand } from './migrate-command';
import { pluginCommand } from './plugin-command';
import { seedCommand } from './seed-command';
import { startCommand } from './start-command';
import { typesCommand } from './types-command';
import { userCommand } from './user-command';
import { validateCommand } from './validate-command';

const USAGE = `Usage:
  tessera start [appDir]                 serve an app (default examples/crm)
  tessera validate <appDir>              check an app's metadata
  tessera types <appDir> [--out file]    TypeScript interfaces for the app's entities
  tessera user add <username> --role <role> [--role …] [--email e] [--name n] [--password-stdin]
  tessera user passwd <username> [--password-stdin]
                                         manage users in DATABASE_URL / TESSERA_DATA_DIR
  tessera migrate plan|apply|rollback|history <appDir> [--yes]
                                         preview and apply metadata migrations
  tessera migrate purge <appDir> [--older-than <days>] [--yes]
                                         list archived data; --yes deletes it for good
  tessera plugin new <name> [--dir pluginsDir]
                                         scaffold plugins/plugin-<name> with a passing test
  tessera seed [appDir] [--scale 1000|100000]
                                         deterministic demo data for the example CRM (skips if customers exist)`;

// `npm start` runs from the repo root; this file is runtime/src/cli/main.ts.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const io: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'import') return importCommand(argv.slice(1), io, path.join(REPO_ROOT, 'examples', 'crm'));
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: {
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      role: { type: 'string', multiple: true },
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      dir: { type: 'string' },
      scale: { type: 'string' },
      'older-than': { type: 'string' },
    },
  });
  const [command, dir] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'start':
      await startCommand(path.resolve(dir ?? path.join(REPO_ROOT, 'examples', 'crm')), io);
      return -1; // keeps running
    case 'user':
      return userCommand(dir, positionals[2], { roles: values.role ?? [], email: values.email, name: values.name, passwordStdin: Boolean(values['password-stdin']) }, io);
    case 'migrate':
      return migrateCommand(dir, positionals[2], { yes: Boolean(values.yes), olderThan: values['older-than'] }, io);
    case 'seed':
      return seedCommand(path.resolve(dir ?? path.join(REPO_ROOT, 'examples', 'crm')), values.scale, io);
    case 'plugin':
      return pluginCommand(dir, positionals[2], { dir: path.resolve(values.dir ?? path.join(process.cwd(), 'plugins')) }, io);
    case 'validate':
    case 'types':
      if (!dir) {
        io.err(`tessera ${command}: the app folder is missing\n${USAGE}`);
        return 1;
      }
      return command === 'validate' ? validateCommand(dir, io) : typesCommand(dir, values.out, io);
    default:
      io.err(`Unknown command "${command}"\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: Error) => {
    io.err(`tessera: ${err.message}`);
    process.exitCode = 1;
  },
);
