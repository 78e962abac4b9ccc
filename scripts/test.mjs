#!/usr/bin/env node
// `npm test`: the import rules, the type check, the web bundles the browser tests load, then
// every jest test. Extra arguments go to jest (`npm test -- engine`).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const jestArgs = process.argv.slice(2);
run('node', ['scripts/check-imports.mjs']);
if (!process.env.SKIP_TYPECHECK) run('npx', ['tsc', '-p', 'tsconfig.json']);
run('node', ['scripts/build-web.mjs']);
run('npx', ['jest', ...jestArgs]);
