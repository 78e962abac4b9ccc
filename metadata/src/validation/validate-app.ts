import type { AppDefinition } from '../app/app-types';
import { ajvErrorToMetadataError } from './ajv-error-to-metadata-error';
import { BUILTIN_FIELD_TYPES } from './builtin-field-types';
import { checkWorkflows } from '../workflow/check-workflows';
import { checkPermissions } from '../permission/check-permissions';
import { checkPlugins } from './check-plugins';
import { checkPool } from '../permission/check-pool';
import { checkLocks } from '../workflow/check-locks';
import { checkTransferRules } from './check-transfer-rules';
import { checkBulkCreate } from './check-bulk-create';
import { checkCurrencies } from './check-currencies';
import { checkFields } from './check-fields';
import { checkLayouts } from './check-layouts';
import { checkPublicForms } from './check-public-forms';
import { checkNames } from './check-names';
import { checkReferences } from './check-references';
import { checkReminders } from './check-reminders';
import { checkRelations } from './check-relations';
import { checkRollups } from './check-rollups';
import { checkRules } from './check-rules';
import { checkRecordTypes } from './check-record-types';
import { checkGuardFields } from './check-guard-fields';
import { checkUniqueness } from './check-uniqueness';
import { checkViews } from '../view/check-views';
import { checkDashboards } from '../dashboard/check-dashboards';
import { checkMetrics } from '../metric/check-metrics';
import { checkMetricCards } from '../metric/check-metric-cards';
import { validateMetaSchema } from './validate-meta-schema';
import type { KnownFieldType, MetadataError, ValidationResult } from './validation-types';

export interface ValidateAppOptions {
  /** The field types the engine has registered; defaults to the built-ins. */
  fieldTypes?: readonly KnownFieldType[];
}

/**
 * Checks an app against the meta-schema and the rules JSON Schema cannot say (names, ids,
 * references), returning every problem at once so an implementer fixes them in one pass.
 */
export function validateApp(app: unknown, opts: ValidateAppOptions = {}): ValidationResult<AppDefinition> {
  // An `if` error only says which branch failed; the branch's own errors say what is wrong.
  // A discriminator error repeats the `enum` its tag also carries (approver rule kinds), which names the choices.
  const schemaErrors = validateMetaSchema(app).filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames' && e.keyword !== 'discriminator').map((e) => ajvErrorToMetadataError(e, app));
  const errors: MetadataError[] = [
    ...schemaErrors,
    ...checkNames(app),
    ...checkPlugins(app),
    ...checkUniqueness(app),
    ...checkFields(app, opts.fieldTypes ?? BUILTIN_FIELD_TYPES),
    ...checkReferences(app),
    ...checkRules(app),
    ...checkRelations(app),
    ...checkRollups(app, opts.fieldTypes ?? BUILTIN_FIELD_TYPES),
    ...checkCurrencies(app),
    ...checkLayouts(app),
    ...checkRecordTypes(app),
    ...checkPublicForms(app),
    ...checkWorkflows(app),
    ...checkGuardFields(app),
    ...checkPermissions(app),
    ...checkPool(app),
    ...checkLocks(app),
    ...checkTransferRules(app),
    ...checkBulkCreate(app),
    ...checkReminders(app),
    ...checkViews(app),
    ...checkDashboards(app),
    ...checkMetrics(app),
    ...checkMetricCards(app),
  ];
  return errors.length === 0 ? { ok: true, value: app as AppDefinition } : { ok: false, errors };
}
