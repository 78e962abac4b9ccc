/**
 * Every code a MetadataError may carry. Stable: UIs translate by code and tests match on it,
 * so a code is never renamed, only added.
 */
export const METADATA_ERROR_CODES = [
  // files
  'invalid-json',
  'unknown-file',
  'missing-app-file',
  // shape (from the meta-schema)
  'missing-property',
  'unknown-property',
  'wrong-type',
  'invalid-value',
  'empty-value',
  'value-too-long',
  'value-out-of-range',
  'invalid-format',
  'duplicate-item',
  'too-few-items',
  'invalid-metadata',
  // names
  'invalid-identifier',
  'identifier-too-long',
  'reserved-field-name',
  'duplicate-entity-name',
  'duplicate-entity-plural',
  'duplicate-field-id',
  // fields
  'unknown-field-type',
  'select-without-options',
  'duplicate-option-value',
  'relation-missing',
  'relation-not-allowed',
  'relation-target-missing',
  'relation-option-not-allowed',
  'relation-inverse-invalid',
  'rollup-invalid',
  'scale-exceeds-precision',
  'unknown-required-field',
  'unknown-display-field',
  'index-field-missing',
  // layouts
  'duplicate-layout-name',
  'layout-entity-missing',
  'layout-field-missing',
  'duplicate-layout-field',
  'duplicate-section-id',
  // workflows (metadata/src/workflow; guards/actions are checked by the engine)
  'duplicate-workflow-name',
  'duplicate-workflow-binding',
  'workflow-entity-missing',
  'workflow-state-field-missing',
  'workflow-state-field-not-select',
  'workflow-state-not-option',
  'workflow-initial-missing',
  'workflow-target-missing',
  'workflow-unreachable-state',
  'workflow-dead-end',
  'unknown-guard',
  'unknown-action',
  'invalid-params',
  'invalid-form',
  // approvals in workflow states (metadata/src/workflow/check-approvals, engine validate-workflow)
  'approval-event-missing',
  'duplicate-approval-step',
  'approval-ratio-missing',
  'approval-ratio-unused',
  'approval-field-missing',
  'approval-missing',
  'invalid-condition',
  // permissions (metadata/src/permission)
  'permission-role-invalid',
  'permission-entity-missing',
  'permission-field-missing',
] as const;

export type MetadataErrorCode = (typeof METADATA_ERROR_CODES)[number];
