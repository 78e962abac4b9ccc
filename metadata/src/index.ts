export type { LocalizedText, Locale, LocaleTag } from './i18n-types';
export { LOCALE_TAG_PATTERN, isLocaleTag, localeFallbacks } from './i18n-types';
export type { FieldDefinition, EntityDefinition, SelectOption, RelationSpec, RelationKind, OnDeletePolicy, SystemColumns, SystemField, FormulaResultType, RollupSpec, RollupFunction, RollupMatch, RollupPeriod, PoolDefinition, PoolActivity, TransferRule, BulkCreateSpec, FileSpec, ReminderSpec, IndexEntry, IndexCondition, EntityRule, RecordTypeSpec, RecordTypesDefinition } from './entity/entity-types';
export { SYSTEM_FIELDS, RESERVED_FIELD_NAMES, RESERVED_PLURALS } from './entity/entity-types';
export { recordTypeRules, hasValue as recordTypeHasValue, type RecordTypeRules } from './entity/record-types';
export type { LayoutDefinition, FormLayout, LayoutSection, PublicForm } from './layout/layout-types';
export { PUBLIC_FORM_FIELD_TYPES } from './validation/check-public-forms';
export type { AppDefinition, AppPluginConfig, AppPluginEntry, MetadataFile } from './app/app-types';
export { appPluginNames, appPluginSettings } from './app/app-plugins';
export type { MetadataError, ValidationResult, KnownFieldType } from './validation/validation-types';
export { validateApp, type ValidateAppOptions } from './validation/validate-app';
export { METADATA_ERROR_CODES, type MetadataErrorCode } from './validation/error-codes';
export { BUILTIN_FIELD_TYPES } from './validation/builtin-field-types';
export { isIsoCurrency } from './validation/iso-currency';
export { closestName } from './validation/closest-name';
export { fieldDependents, expressionNames, DEPENDENT_KINDS, type FieldDependent, type DependentKind, type DependentRole } from './validation/field-dependents';
export { describeDependent, dependentAt, DEPENDENT_PHRASES } from './validation/describe-dependent';
export { META_SCHEMAS } from './validation/validate-meta-schema';
export { parseAppFiles } from './app/parse-app-files';
export { formatMetadataError } from './app/format-metadata-error';
// Workflows (issue 6).
export type { WorkflowDefinition, WorkflowMachineConfig, WorkflowStateConfig, WorkflowTransitionConfig, WorkflowDelayedTransitionConfig, WorkflowTransitionMeta, WorkflowTransitionForm, WorkflowCallRef, WorkflowStateLock } from './workflow/workflow-types';
export { checkWorkflows } from './workflow/check-workflows';
export { entityWorkflows, type EntityWorkflows, type WorkflowScope } from './workflow/entity-workflows';
export type { ApprovalConfig, ApprovalStepConfig, ApprovalMode, ApproverRule, ApproverLeafRule } from './workflow/approval-types';
export { approverRuleParts, type ApproverRulePart } from './workflow/approver-rule-parts';
// Permissions (issue 5).
export type { PermissionsDefinition, RolePermissions, EntityPermission, PermissionAction, DataScope, FieldAccess } from './permission/permission-types';
export { PERMISSION_ACTIONS, ADMIN_ROLE } from './permission/permission-types';
export { checkPermissions } from './permission/check-permissions';
// List/kanban views and dashboards (issues 7 and 8).
export type { ViewDefinition, ViewKind } from './view/view-types';
export type { DashboardDefinition, DashboardCard, DashboardMetricCard, ChartKind, CardMeasure } from './dashboard/dashboard-types';
export { checkViews } from './view/check-views';
export { checkDashboards } from './dashboard/check-dashboards';
// Metrics (issue 21).
export type { MetricDefinition, MetricMeasure, MetricFormat, MetricRange, MetricSide } from './metric/metric-types';
export { METRIC_FORMATS, METRIC_RANGES } from './metric/metric-types';
export { metricMeasures, measureFields, measureQuery } from './metric/metric-measures';
export { checkMetrics } from './metric/check-metrics';
