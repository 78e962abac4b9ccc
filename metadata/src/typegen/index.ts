// A separate entry (`@tessera/metadata/typegen`): json-schema-to-typescript reaches for node's
// fs and path and bundles prettier, so it must stay out of the browser-safe main entry.
export { entityToTypeScript, entityToRecordSchema, entityTypeName, type TypegenOptions } from './entity-to-typescript';
export { appToTypeScript } from './app-to-typescript';
export { BUILTIN_TYPE_SCHEMAS, type TypeSchema, type TypeSchemaSource } from './builtin-type-schemas';
