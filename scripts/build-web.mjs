#!/usr/bin/env node
// Bundles the browser apps with esbuild. Each bundle is a folder with index.html + main.js
// (+ code-split chunks) that the runtime serves as static files:
//   runtime/web/src/main.tsx      → runtime/web/dist        (the plain end-user app, at /)
//   designer/src/main.tsx         → designer/dist           (the plain designer, at /designer/)
//   examples/<app>/web/app.tsx    → examples/<app>/dist/app       (the app with its plugins)
//   examples/<app>/web/designer.tsx → examples/<app>/dist/designer
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { removeStale } from './remove-stale.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const targets = [
  { entry: 'runtime/web/src/main.tsx', out: 'runtime/web/dist', base: '/', title: 'Tessera' },
  { entry: 'designer/src/main.tsx', out: 'designer/dist', base: '/designer/', title: 'Tessera Designer' },
];
for (const example of existsSync(join(root, 'examples')) ? readdirSync(join(root, 'examples')) : []) {
  targets.push({ entry: `examples/${example}/web/app.tsx`, out: `examples/${example}/dist/app`, base: '/', title: 'Tessera' });
  targets.push({ entry: `examples/${example}/web/designer.tsx`, out: `examples/${example}/dist/designer`, base: '/designer/', title: 'Tessera Designer' });
}

const production = process.env.NODE_ENV !== 'development';
const html = ({ base, title }) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="${base}main.css" />
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="${base}main.js"></script>
  </body>
</html>
`;

for (const target of targets) {
  const entry = join(root, target.entry);
  if (!existsSync(entry)) continue;
  const outdir = join(root, target.out);
  mkdirSync(outdir, { recursive: true });
  const started = Date.now();
  const result = await build({
    entryPoints: { main: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    publicPath: target.base,
    minify: production,
    sourcemap: true,
    target: ['es2022'],
    jsx: 'automatic',
    loader: { '.svg': 'dataurl', '.png': 'dataurl' },
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  writeFileSync(join(outdir, 'index.html'), html(target));
  // Chunks of earlier builds (old hashes) would pile up and be served: keep only what this build wrote.
  const stale = removeStale(outdir, [...Object.keys(result.metafile.outputs).map((f) => join(root, f)), join(outdir, 'index.html')]);
  // Gzip is what travels (the budget is main.js under 400 KB gzip); the chunks load per route.
  const outputs = Object.entries(result.metafile.outputs).filter(([name]) => name.endsWith('.js'));
  const gz = (name) => gzipSync(readFileSync(join(root, name)), { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const main = outputs.find(([, o]) => o.entryPoint);
  const chunks = outputs.filter(([, o]) => !o.entryPoint).map(([name, o]) => ({ name: name.split('/').pop(), bytes: o.bytes, gzip: gz(name) })).sort((a, b) => b.gzip - a.gzip);
  const allGzip = (main ? gz(main[0]) : 0) + chunks.reduce((n, c) => n + c.gzip, 0);
  console.log(`web: ${target.out} in ${Date.now() - started} ms (main.js ${kb(main?.[1].bytes ?? 0)}, ${kb(main ? gz(main[0]) : 0)} gzip; ${chunks.length} chunks; all js ${kb(allGzip)} gzip${stale ? `; ${stale} stale files removed` : ''})`);
  if (process.env.BUILD_WEB_VERBOSE) for (const c of chunks) console.log(`  ${c.name}: ${kb(c.bytes)}, ${kb(c.gzip)} gzip`);
}
