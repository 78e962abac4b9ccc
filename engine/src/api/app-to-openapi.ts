import type { AppDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { JsonSchema } from '../field-types/field-type-types';
import { entityToJsonSchema } from '../schema/entity-to-json-schema';
import { entityOpenApiPaths } from './entity-openapi-paths';
import { sharedComponents } from './openapi-components';
import { systemOpenApiPaths } from './system-openapi-paths';

export interface AppToOpenApiOptions {
  title?: string;
  version?: string;
}

/** `sales_order` → `SalesOrder`: schema names and operationIds. */
const pascal = (name: string) => name.split(/[_-]+/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');

/**
 * The OpenAPI 3.1 document of the REST API the runtime serves for `app` (docs/architecture.md,
 * docs/api.md): every route, parameter, schema and error, generated from the metadata only.
 */
export function appToOpenApi(app: AppDefinition, registry: FieldTypeRegistry, opts: AppToOpenApiOptions = {}): JsonSchema {
  const components = sharedComponents();
  const paths: Record<string, JsonSchema> = systemOpenApiPaths();
  for (const entity of app.entities) {
    const name = pascal(entity['x-name']);
    components.schemas[name] = entityToJsonSchema(entity, registry, 'record');
    components.schemas[`${name}Create`] = entityToJsonSchema(entity, registry, 'create');
    components.schemas[`${name}Update`] = entityToJsonSchema(entity, registry, 'update');
    if (entity['x-soft-delete']) {
      const record = components.schemas[name] as { properties?: Record<string, JsonSchema> };
      record.properties = { ...record.properties, deleted_at: { type: ['string', 'null'], format: 'date-time', readOnly: true } };
    }
    Object.assign(paths, entityOpenApiPaths(entity, name, pascal(entity['x-plural'])));
  }
  return {
    openapi: '3.1.0',
    info: { title: opts.title ?? app.label.en, version: opts.version ?? '1', description: 'Generated from the app metadata. Errors are { error: { code, message, details } } (ADR 0006).', license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' } },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
    components,
  };
}
