import type { ActionEditor, ActionEditorContext } from './action-editor-types';
import { assignOwnerEditor } from './assign-owner-editor';
import { createRecordEditor } from './create-record-editor';
import { notifyEditor } from './notify-editor';
import { setFieldsEditor } from './set-fields-editor';
import { startApprovalEditor } from './start-approval-editor';
import { transferEditor } from './transfer-editor';
import { webhookEditor } from './webhook-editor';

/**
 * The one home of "which editor edits which action", keyed by action type. An action not here
 * (a plugin's) gets the form its params schema generates. action-editors.test.ts walks the
 * engine's built-in actions and fails for one that has neither an editor here nor a reason in
 * GENERATED_FORM_ACTIONS.
 */
export const ACTION_EDITORS: Readonly<Record<string, ActionEditor<any, any>>> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  setFields: setFieldsEditor,
  createRecord: createRecordEditor,
  assignOwner: assignOwnerEditor,
  transferRecord: transferEditor,
  notify: notifyEditor,
  webhook: webhookEditor,
  startApproval: startApprovalEditor,
};

/** Built-in actions left to the generated params form on purpose; each says why. None today. */
export const GENERATED_FORM_ACTIONS: Readonly<Record<string, string>> = {};

/**
 * The editor of one action, or undefined when the generated form should edit it. The params are
 * turned into the editor's state on each render and back on each change (lossless, tested), so
 * the draft stays the one source of truth.
 */
export function ActionParamsEditor({ id, type, params, context, onChange }: { id: string; type: string; params: Record<string, unknown>; context: ActionEditorContext; onChange: (next: Record<string, unknown>) => void }) {
  const editor = Object.hasOwn(ACTION_EDITORS, type) ? ACTION_EDITORS[type] : undefined;
  if (!editor) return null;
  const { Editor } = editor;
  return <Editor id={id} state={editor.toState(params)} context={context} onChange={(state: unknown) => onChange(editor.toParams(state) as Record<string, unknown>)} />;
}

export const hasActionEditor = (type: string) => Object.hasOwn(ACTION_EDITORS, type);
