import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import appSchema from '../../schemas/app.schema.json';
import entitySchema from '../../schemas/entity.schema.json';
import fieldSchema from '../../schemas/field.schema.json';
import layoutSchema from '../../schemas/layout.schema.json';
import workflowSchema from '../../schemas/workflow.schema.json';
import permissionSchema from '../../schemas/permission.schema.json';
import viewSchema from '../../schemas/view.schema.json';
import dashboardSchema from '../../schemas/dashboard.schema.json';
import metricSchema from '../../schemas/metric.schema.json';

export const META_SCHEMAS = { app: appSchema, entity: entitySchema, field: fieldSchema, layout: layoutSchema, workflow: workflowSchema, permission: permissionSchema, view: viewSchema, dashboard: dashboardSchema, metric: metricSchema } as const;

let compiled: ValidateFunction | undefined;

// Compiled once, on first use: ajv code generation is the slow part of validation.
function appValidator(): ValidateFunction {
  if (!compiled) {
    // verbose: errors carry parentSchema, which is where "did you mean" suggestions come from.
    // discriminator: a tagged union (an approver rule's `kind`) reports only the named branch's errors.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, discriminator: true });
    addFormats(ajv, ['regex']);
    ajv.addSchema([fieldSchema, entitySchema, layoutSchema, workflowSchema, permissionSchema, viewSchema, dashboardSchema, metricSchema]);
    compiled = ajv.compile(appSchema);
  }
  return compiled;
}

/** Raw ajv errors of an app against the meta-schema; empty when the shape is right. */
export function validateMetaSchema(app: unknown): ErrorObject[] {
  const validate = appValidator();
  return validate(app) ? [] : [...(validate.errors ?? [])];
}
