#!/usr/bin/env node
// Bundles the browser apps with esbuild: the end-user app (runtime/web) and the designer.
// Each gets dist/index.html + dist/main.js; the runtime serves them at / and /designer.
import { build } from 'esbuild';
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const apps = [
  { name: 'web', dir: join(root, 'runtime/web') },
  { name: 'designer', dir: join(root, 'designer') },
];
const production = process.env.NODE_ENV !== 'development';
for (const app of apps) {
  const entry = join(app.dir, 'src/main.tsx');
  const entryWeb = join(app.dir, 'main.tsx');
  const input = existsSync(entry) ? entry : existsSync(entryWeb) ? entryWeb : null;
  if (!input) continue;
  const outdir = join(app.dir, 'dist');
  mkdirSync(outdir, { recursive: true });
  const started = Date.now();
  const result = await build({
    entryPoints: { main: input },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    minify: production,
    sourcemap: true,
    target: ['es2022'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    metafile: true,
    logLevel: 'warning',
  });
  const html = join(dirname(input), 'index.html');
  if (existsSync(html)) copyFileSync(html, join(outdir, 'index.html'));
  const bytes = Object.values(result.metafile.outputs).filter((o) => !o.entryPoint && true).reduce((n, o) => n + o.bytes, 0);
  const main = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)?.[1]?.bytes ?? 0;
  console.log(`web: built ${app.name} in ${Date.now() - started} ms (entry ${(main / 1024).toFixed(0)} KB, chunks ${(bytes / 1024).toFixed(0)} KB)`);
}
