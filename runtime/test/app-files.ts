import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppDefinition } from '@tessera/metadata';

/** Writes `app` as an app folder (app.json + entities/*.entity.json) and returns its path. */
export async function writeAppDir(app: AppDefinition, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'tessera-app-')));
  await mkdir(path.join(root, 'entities'), { recursive: true });
  const { entities, layouts, ...rest } = app;
  await writeFile(path.join(root, 'app.json'), JSON.stringify({ ...rest, entities: [], layouts: [] }, null, 2));
  for (const entity of entities) {
    await writeFile(path.join(root, 'entities', `${entity['x-name']}.entity.json`), JSON.stringify(entity, null, 2));
  }
  void layouts;
  return root;
}
