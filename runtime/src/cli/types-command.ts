import { writeFile } from 'node:fs/promises';
import { formatMetadataError } from '@tessera/metadata';
import { appToTypeScript, type TypeSchemaSource } from '@tessera/metadata/typegen';
import { loadAppDir } from '../app-files/load-app-dir';
import type { CliIo } from './cli-types';

/** `tessera types <dir> [--out file]`: an interface per entity; plugin types use their registered JSON Schema. */
export async function typesCommand(appDir: string, out: string | undefined, io: CliIo): Promise<number> {
  const loaded = await loadAppDir(appDir);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.err(formatMetadataError(error));
    return 1;
  }
  const { app, registry } = loaded;
  const fieldTypes: Record<string, TypeSchemaSource> = {};
  for (const type of registry.list()) if (type.name.includes(':')) fieldTypes[type.name] = (field) => type.jsonSchema(field);
  const source = await appToTypeScript(app, { fieldTypes });
  if (out) {
    await writeFile(out, source);
    io.out(`Wrote ${out}`);
  } else {
    io.out(source);
  }
  return 0;
}
