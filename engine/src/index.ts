export type { JsonSchema, ColumnType, ColumnDefault, ColumnSpec, FieldTypeDefinition, FilterOperator, IndexMethod, ValueKind } from './field-types/field-type-types';
export { defineFieldType } from './field-types/define-field-type';
export { builtinFieldTypes } from './field-types/builtin-field-types';
export { createFieldTypeRegistry } from './field-types/field-type-registry';
export type { FieldTypeRegistry } from './field-types/field-type-registry';
export { PHONE_PATTERN } from './field-types/phone';
export { formatAutonumber, checkAutonumberFormat } from './field-types/format-autonumber';
export { DEFAULT_AUTONUMBER_FORMAT } from './field-types/autonumber';
export { fileTypeAccepted } from './field-types/file';
export { compileFormula } from './field-types/compile-formula';
export type { CompiledFormula, CompileFormulaResult } from './field-types/compile-formula';
export { formulaFilterOperators } from './field-types/formula';
export { fieldFilterOperators, operatorsForKind } from './field-types/field-filter-operators';
export { fieldValueKind, valueKindOf, isNumericKind } from './field-types/field-value-kind';
export { decimalDigits, numericProblem } from './field-types/numeric-value';
export { URL_SCHEMES } from './field-types/url';
export { recordToDb } from './field-types/record-to-db';
export type { CellParser, CellParseContext, ImportCell, ParsedCell } from './field-types/cell-parser-types';
export {
  cellText, splitCellList, parseNumberCell, parseDateCell, parseDateTimeCell, parseBooleanCell, parseOptionText, parseOptionsCell,
  parseTextCell, parseIdCell, parseIdsCell, parseJsonCell,
} from './field-types/cell-parsers';
export { cellMessage } from './field-types/cell-messages';
export { fieldIsSystemGiven } from './field-types/field-is-system-given';
export { typeChangeOffers, type TypeChangeOffer, type TypeChangeMapping } from './migration/type-change-offers';

export { definePlugin } from './plugin/define-plugin';
export { loadPlugins } from './plugin/load-plugins';
export type { PluginDefinition, PluginRegisterApi, PluginRecord, PluginPackage } from './plugin/plugin-types';
export { checkPlugin } from './plugin/check-plugin';
export { satisfiesRange } from './plugin/satisfies-range';
export { TESSERA_VERSION } from './plugin/tessera-version';
export { validatePluginSettings } from './plugin/validate-plugin-settings';
export type { PluginSettingsResult } from './plugin/validate-plugin-settings';
export type {
  EntityHooks, HookName, PluginHooks, BeforeHookContext, BeforeCreateContext, BeforeCreateManyContext, BeforeUpdateContext, BeforeDeleteContext,
  BeforeTransitionContext, AfterHookContext, AfterTransitionContext,
} from './plugin/plugin-hook-types';
export type {
  PluginContext, PluginStore, PluginMigration, PluginUser, PluginLogger, PluginRecordsApi, PluginLifecycleContext, PluginRouteContext, PluginRouteResult,
  PluginRouteHandler, PluginRouter, PluginJob, PluginJobContext, PluginRouteOptions, PublicRouteOptions, PublicRouteRequest,
} from './plugin/plugin-context-types';

export { entityToJsonSchema, SYSTEM_PROPERTIES } from './schema/entity-to-json-schema';
export type { JsonSchemaMode } from './schema/entity-to-json-schema';
export { entityToTable, SYSTEM_COLUMNS } from './schema/entity-to-table';
export { entityJoinTables, type JoinTableSpec } from './schema/entity-join-tables';
export { joinTableName } from './schema/join-table-name';
export type { EntityToTableOptions } from './schema/entity-to-table';
export type { TableSpec, ForeignKeySpec, IndexSpec } from './schema/table-types';

export { entityToValidator } from './validation/entity-to-validator';
export { currencyPairs, currencyUpdateGuards, CURRENCY_REQUIRED, type CurrencyPair, type CurrencyGuard } from './validation/currency-rules';
export { validateAppWithRegistry } from './validation/validate-app-with-registry';
export { jsonDepthExceeds, MAX_JSON_DEPTH } from './validation/json-depth';
export { findTextProblem, type TextProblem } from './validation/text-problem';
export { entityRules, checkEntityRules, type CompiledEntityRules, type RuleProblem } from './validation/entity-rules';
export type { FieldError, EntityValidator, RecordValidationMode, RecordValidationResult } from './validation/validation-types';

export { entityToForm } from './forms/entity-to-form';
export type { FormSpec, FormSection } from './forms/form-types';
export { checkVisibleWhen, isFieldVisible } from './forms/visible-when';
export { sectionsToTabs } from './forms/sections-to-tabs';
export type { FormTab } from './forms/sections-to-tabs';

export { appToOpenApi } from './api/app-to-openapi';
export type { AppToOpenApiOptions } from './api/app-to-openapi';

export { localize } from './localize';

export { parseListQuery, parseGetQuery } from './query/parse-list-query';
export { parseAggregateQuery } from './query/parse-aggregate-query';
export { encodeCursor, decodeCursor, cursorFromRow } from './query/list-cursor';
export { SEARCHABLE_TYPES, searchColumns, searchFields, searchIndexFields, phoneDigits } from './query/search-fields';
export type { SearchField, SearchMatch } from './query/search-fields';
export { parseSearch } from './query/parse-search';
export { QUERY_LIMITS } from './query/query-types';
export type {
  ListQuery, AggregateQuery, AggregateGroup, AggregateMeasure, ExpandNode, FilterNode, FilterCondition, FieldRef, SortKey,
  QueryError, QueryResult, RawQuery, BucketUnit, MeasureFn, SearchQuery,
} from './query/query-types';

// Workflows (issue 6): guards/actions by name, machines via xstate's pure transition functions.
export { defineGuard } from './workflow/define-guard';
export { defineAction } from './workflow/define-action';
export { createWorkflowRegistry } from './workflow/workflow-registry';
export type { WorkflowRegistry } from './workflow/workflow-registry';
export { builtinGuards, roleGuard, fieldGuard } from './workflow/builtin-guards';
export { builtinActions, setFieldsAction, createRecordAction, assignOwnerAction, transferRecordAction, notifyAction, webhookAction } from './workflow/builtin-actions';
export { validateWorkflow, validateAppWorkflows } from './workflow/validate-workflow';
export type { AssignOwnerParams } from './workflow/assign-owner-action';
export type { CreateRecordParams } from './workflow/create-record-action';
export type { TransferRecordParams } from './workflow/transfer-record-action';
// Notification channels (issue 9): the notify action's `channels`, registered by plugins.
export { defineChannel } from './workflow/define-channel';
export { createChannelRegistry } from './workflow/channel-registry';
export type { ChannelRegistry } from './workflow/channel-registry';
export { channelRecipientProblem } from './workflow/channel-recipient';
export { IN_APP_CHANNEL } from './workflow/channel-types';
export type { ChannelDefinition, ChannelMessage, ChannelRecipient, ChannelSendContext, ChannelRetryPolicy, RegisteredChannel } from './workflow/channel-types';
export { workflowToMachine, timerEventType } from './workflow/workflow-to-machine';
export type { CompiledWorkflow } from './workflow/workflow-to-machine';
export { availableTransitions, transitionWorkflow, fireTimer, fireSystemEvent, stateTimers, currentState } from './workflow/transition-workflow';
export { dateTimers, isDateTimer, type DateTimer } from './workflow/date-timers';
export { transitionFormSchema, validateTransitionData } from './workflow/transition-form';
export { diffWorkflowStates, checkStateMappings } from './workflow/diff-workflow-states';
export type { WorkflowStateDiff, StateMappings, StateMappingProblem } from './workflow/diff-workflow-states';
export { startApproval, resumeApproval, chainSteps } from './approval/approval-chain';
export { applyApprovalAction } from './approval/apply-approval-action';
export { startApprovalAction } from './approval/start-approval-action';
export { approverUnion } from './approval/approver-union';
export type { ApprovalState, ApprovalTask, ApprovalTaskStatus, ApprovalAction, ApprovalContext, ApprovalResult, ApprovalOutcome, ApprovalChainStep, ApprovalLogEntry, ApprovalStatus } from './approval/approval-types';
export type {
  GuardDefinition, ActionDefinition, WorkflowContext, WorkflowActor, WorkflowEffect, WorkflowCheckContext, CheckProblem, LocalizedTemplate,
  AvailableTransition, WorkflowTimer, TransitionResult, TransitionSuccess, TransitionFailure,
} from './workflow/workflow-types';

// Permissions (issue 5).
export { resolvePermissions } from './permission/resolve-permissions';
export { restrictEntity } from './permission/restrict-entity';
export { compileScopeExpression } from './permission/compile-scope-expression';
export type { EntityAccess, ResolvedPermissions, CompiledScope, ScopeCondition, ScopeOperand, ScopeSubject } from './permission/permission-types';
