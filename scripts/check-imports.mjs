#!/usr/bin/env node
// Fails when a package imports against the direction of docs/architecture.md, deep-imports
// another package's internals, or reaches out of its own folder with a relative path.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const allowed = {
  metadata: [],
  engine: ['metadata'],
  runtime: ['metadata', 'engine'],
  designer: ['metadata', 'engine'],
  plugins: ['metadata', 'engine', 'runtime'],
  examples: ['metadata', 'engine', 'runtime', 'designer', 'plugins'],
};
const packageOf = (file) => {
  const rel = relative(root, file).split(sep);
  if (rel[0] === 'plugins' || rel[0] === 'examples') return { layer: rel[0], dir: join(root, rel[0], rel[1]) };
  return { layer: rel[0], dir: join(root, rel[0]) };
};
const layerOfSpecifier = (spec) => {
  const m = /^@tessera\/([^/]+)(\/.*)?$/.exec(spec);
  if (!m) return null;
  const name = m[1];
  const layer = name.startsWith('plugin-') ? 'plugins' : name.startsWith('example-') ? 'examples' : name;
  return { layer, name, deep: Boolean(m[2]) };
};

// A subpath is public only when the target package declares it in `exports` (e.g. a plugin's `./web`).
const isDeclaredEntry = (spec) => {
  const [, scope, name, sub] = /^(@tessera)\/([^/]+)\/(.+)$/.exec(spec) ?? [];
  if (!scope) return false;
  for (const top of ['', 'plugins/', 'examples/']) {
    const dirName = top ? name.replace(/^example-/, '') : name;
    try {
      const pkg = JSON.parse(readFileSync(join(root, top + dirName, 'package.json'), 'utf8'));
      if (pkg.name === spec.slice(0, spec.length - sub.length - 1)) return Boolean(pkg.exports && pkg.exports['./' + sub]);
    } catch { /* not this folder */ }
  }
  return false;
};

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ts|tsx|mjs|js)$/.test(entry)) yield p;
  }
}

const problems = [];
for (const top of Object.keys(allowed)) {
  let dirs;
  try { dirs = top === 'plugins' || top === 'examples' ? readdirSync(join(root, top)).map((d) => join(root, top, d)) : [join(root, top)]; } catch { continue; }
  for (const dir of dirs) {
    if (!statSync(dir).isDirectory()) continue;
    for (const file of walk(dir)) {
      const src = readFileSync(file, 'utf8');
      const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
      for (let m; (m = re.exec(src)); ) {
        const spec = m[1] ?? m[2] ?? m[3];
        const line = src.slice(0, m.index).split('\n').length;
        const where = `${relative(root, file)}:${line}`;
        const own = packageOf(file);
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(own.dir + sep) && target !== own.dir) problems.push(`${where}: relative import '${spec}' leaves its package`);
          continue;
        }
        const target = layerOfSpecifier(spec);
        if (!target) continue;
        if (target.deep && !isDeclaredEntry(spec)) problems.push(`${where}: deep import '${spec}'; import from the package's index or a subpath its package.json exports`);
        const self = relative(root, own.dir).split(sep).pop();
        if (target.layer === own.layer && (own.layer !== 'plugins' || target.name === self)) continue;
        if (!allowed[own.layer].includes(target.layer)) problems.push(`${where}: ${own.layer} may not import '${spec}' (allowed: ${allowed[own.layer].join(', ') || 'nothing of ours'})`);
      }
    }
  }
}
if (problems.length) {
  console.error(`Import rules broken (${problems.length}):\n  ` + problems.join('\n  '));
  process.exit(1);
}
console.log('imports: every package imports only downward, through public entry points');
