import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import serve from 'koa-static';
import type { AppMiddleware } from './http-types';

const notBuiltPage = (what: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Tessera</title></head>
<body><h1>The ${what} bundle is not built</h1><p>Run <code>npm run build:web</code> and reload this page.</p></body></html>`;

/**
 * Serves a single-page app under `prefix`: files from `dir`, and `index.html` for any other
 * GET below the prefix so client-side routes survive a reload. Without the folder, a plain
 * page says how to build it instead of a bare 404.
 */
export function spaRoutes(prefix: '/' | '/designer/', dir: string | undefined, what: string): AppMiddleware {
  const built = Boolean(dir && existsSync(path.join(dir, 'index.html')));
  const files = built ? serve(dir!, { index: 'index.html', defer: false }) : undefined;
  return async (ctx, next) => {
    if (!['GET', 'HEAD'].includes(ctx.method) || !ctx.path.startsWith(prefix) || ctx.path.startsWith('/api/') || ctx.path === '/api') return next();
    if (prefix === '/' && (ctx.path.startsWith('/designer/') || ctx.path.startsWith('/forms/'))) return next();
    if (!built) {
      ctx.status = 200;
      ctx.type = 'html';
      ctx.body = notBuiltPage(what);
      return;
    }
    const original = ctx.path;
    ctx.path = '/' + original.slice(prefix.length);
    try {
      await files!(ctx as never, async () => undefined);
    } finally {
      ctx.path = original;
    }
    if (ctx.body !== undefined && ctx.body !== null && ctx.status !== 404) return;
    // Unknown path with a file extension is a missing asset, not a client route.
    if (path.extname(original)) return next();
    ctx.status = 200;
    ctx.type = 'html';
    ctx.body = await readFile(path.join(dir!, 'index.html'), 'utf8');
  };
}
