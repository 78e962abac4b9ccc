/**
 * What the example app's first screen (the list) loads, from esbuild's own metafile: main.js
 * and the chunks it imports statically must not hold the form machinery (ajv, jexl, rjsf, the
 * engine), which the record page's chunk loads on demand. And the web build's clean-up of
 * stale chunks, run on a scratch folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { exampleDir, repoRoot } from './browser-harness';

/**
 * The source files whose code is in main.js or a chunk it imports statically (a dynamic `import()`
 * is a split point that loads later). From the outputs, not the inputs: an import that tree-shaking
 * dropped leaves no code behind.
 */
function firstScreenInputs(meta: Metafile): string[] {
  // The app's own entry (dynamic imports are entry points in the metafile too, and their order is esbuild's).
  const main = Object.keys(meta.outputs).find((o) => meta.outputs[o].entryPoint === 'examples/crm/web/app.tsx' && o.endsWith('.js'))!;
  const seen = new Set<string>();
  const stack = [main];
  while (stack.length) {
    const out = stack.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of meta.outputs[out].imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  return [...seen].flatMap((out) => Object.entries(meta.outputs[out].inputs).filter(([, v]) => v.bytesInOutput > 0).map(([input]) => input));
}

describe('the example app bundle', () => {
  it('keeps ajv, jexl, rjsf and the engine off the list page (they load with the first form)', async () => {
    const result = await build({
      entryPoints: [path.join(exampleDir, 'web/app.tsx')], bundle: true, splitting: true, format: 'esm', outdir: path.join(tmpdir(), 'tessera-bundle-test'),
      write: false, metafile: true, jsx: 'automatic', target: ['es2022'], loader: { '.svg': 'dataurl', '.png': 'dataurl' }, logLevel: 'error', absWorkingDir: repoRoot,
    });
    const first = firstScreenInputs(result.metafile);
    expect(first.length).toBeGreaterThan(50); // the walk did find the app (react, the shell…)
    expect(first.filter((f) => f.includes('runtime/web/src/list/record-list.tsx'))).toHaveLength(1);
    expect(first.filter((f) => /node_modules\/(ajv|ajv-formats|jexl|@rjsf)\/|^engine\/src\//.test(f))).toEqual([]);
    // …and they are still in the bundle, behind a dynamic import.
    const all = Object.values(result.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(all.some((f) => f.includes('node_modules/ajv/'))).toBe(true);
  });

  it('removes the chunks of earlier builds and keeps what the build wrote', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tessera-stale-'));
    try {
      mkdirSync(path.join(dir, 'nested'));
      for (const f of ['main.js', 'chunk-NEW.js', 'chunk-OLD.js', 'chunk-OLD.js.map', 'index.html', 'nested/old.js']) writeFileSync(path.join(dir, f), '');
      const keep = ['main.js', 'chunk-NEW.js', 'index.html'].map((f) => path.join(dir, f));
      const script = `import(${JSON.stringify(path.join(repoRoot, 'scripts/remove-stale.mjs'))}).then((m) => console.log(m.removeStale(${JSON.stringify(dir)}, ${JSON.stringify(keep)})))`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('3');
      expect(readdirSync(dir).sort()).toEqual(['chunk-NEW.js', 'index.html', 'main.js', 'nested']);
      expect(readdirSync(path.join(dir, 'nested'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
