import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The release of Tessera this CLI belongs to (the runtime package's version). */
export function tesseraVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
