import type { AppDefinition, EntityDefinition, MetadataError, ValidationResult, WorkflowCallRef, WorkflowDefinition, WorkflowDelayedTransitionConfig, WorkflowTransitionConfig } from '@tessera/metadata';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { conditionProblem } from '../approval/approval-chain';
import { unknownChannels } from './channel-problems';
import { createdAliasProblems } from './create-record-action';
import { compileTransitionForm } from './transition-form';
import type { WorkflowRegistry } from './workflow-registry';
import type { CheckProblem, WorkflowCheckContext } from './workflow-types';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const paramValidators = new WeakMap<object, ValidateFunction>();

const escape = (s: string | number) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (...segments: (string | number)[]) => segments.map((s) => '/' + escape(s)).join('');

function paramsProblems(def: { paramsSchema?: object }, params: unknown): string[] {
  if (!def.paramsSchema) return [];
  let validate = paramValidators.get(def);
  if (!validate) paramValidators.set(def, (validate = ajv.compile(def.paramsSchema)));
  if (validate(params)) return [];
  return (validate.errors ?? []).map((e) => `params${e.instancePath.replace(/\//g, '.')} ${e.message}`);
}

/**
 * What only the registry knows about a workflow: every guard and action it names exists, its
 * params fit the definition, and every transition form is a valid schema. Pointers are relative
 * to the workflow (`/machine/states/open/on/WIN/guard/type`). Structural checks (targets,
 * reachability, the state field) are the metadata package's `validateApp`.
 */
export function validateWorkflow(def: WorkflowDefinition, entities: readonly EntityDefinition[], registry: WorkflowRegistry): ValidationResult<WorkflowDefinition> {
  const errors: MetadataError[] = [];
  const entity = entities.find((e) => e['x-name'] === def.entity);
  const checkCtx: WorkflowCheckContext | undefined = entity ? { entity, entities } : undefined;
  const problem = (code: string, pointer: string, message: string, hint: string) => errors.push({ pointer, code, message, hint });

  const checkCall = (kind: 'guard' | 'action', ref: WorkflowCallRef, at: string, where: string) => {
    const known = kind === 'guard' ? registry.guards : registry.actions;
    const found = known.get(ref.type);
    if (!found) {
      const names = known.list().map((d) => d.name);
      problem(`unknown-${kind}`, at + '/type', `${where} uses the ${kind} "${ref.type}", which no plugin provides.`, `Registered ${kind}s: ${names.join(', ')}. A plugin's ${kind} is named "<plugin>:<id>" and its plugin must be in app.json.`);
      return;
    }
    const params = ref.params ?? {};
    const messages: CheckProblem[] = [...paramsProblems(found, params)];
    if (messages.length === 0 && checkCtx && found.check) messages.push(...found.check(params, checkCtx));
    for (const m of messages) {
      const [path, text] = typeof m === 'string' ? [[], m] : [m.at, m.message];
      problem('invalid-params', at + '/params' + pointerOf(...path), `${where}: the ${kind} "${ref.type}" has bad params: ${text}.`, found.description ? `"${ref.type}": ${found.description}.` : `See the ${kind}'s documentation.`);
    }
  };

  for (const [stateName, state] of Object.entries(def.machine.states)) {
    (state.approval?.steps ?? []).forEach((step, i) => {
      const why = step.condition ? conditionProblem(step.condition) : undefined;
      if (why) problem('invalid-condition', pointerOf('machine', 'states', stateName, 'approval', 'steps', i, 'condition'), `The condition of the approval step "${step.id}" does not parse: ${why}.`, 'Write a jexl expression over the record, e.g. "discount > 10".');
    });
    const groups: ReadonlyArray<readonly ['on' | 'after', Record<string, WorkflowTransitionConfig | WorkflowDelayedTransitionConfig>]> = [['on', state.on ?? {}], ['after', state.after ?? {}]];
    for (const [group, transitions] of groups) {
      for (const [key, t] of Object.entries(transitions)) {
        const at = pointerOf('machine', 'states', stateName, group, key);
        const where = group === 'on' ? `The event "${key}" of the state "${stateName}"` : `The ${key} ms timer of the state "${stateName}"`;
        if (t.guard) checkCall('guard', t.guard, at + '/guard', where);
        (t.actions ?? []).forEach((a, i) => {
          checkCall('action', a, at + pointerOf('actions', i), where);
          if (a.type === 'notify') {
            for (const { index, name } of unknownChannels(a.params, registry.channels)) {
              problem('unknown-channel', at + pointerOf('actions', i, 'params', 'channels', index), `${where} notifies over the channel "${name}", which no plugin provides.`, `Registered channels: ${registry.channels.names().join(', ')}. Add the plugin that provides it to app.json's plugins (email and sms come with "@tessera/plugin-notifications").`);
            }
          }
          if (a.type === 'startApproval' && !def.machine.states[t.target]?.approval) problem('approval-missing', at + pointerOf('actions', i), `${where} starts an approval, but its target "${t.target}" has none.`, `Describe the chain under states.${t.target}.approval.`);
        });
        for (const p of createdAliasProblems(t.actions ?? [])) {
          problem('invalid-params', at + pointerOf('actions', p.index, 'params', ...p.at), `${where}: the action "createRecord" has bad params: ${p.message}.`, 'Give the earlier createRecord "as": "<alias>" and refer to it with {"$created": "<alias>"}.');
        }
        const form = group === 'on' ? (t as WorkflowTransitionConfig).meta?.form : undefined;
        if (form) {
          const compiled = compileTransitionForm(form);
          if (!compiled.ok) problem('invalid-form', at + '/meta/form', `${where} has a form that is not valid JSON Schema: ${compiled.message}.`, 'Describe each form field as JSON Schema, e.g. {"reason": {"type": "string", "minLength": 1}}.');
          for (const r of form.required ?? []) {
            if (!(r in form.properties)) problem('invalid-form', at + '/meta/form/required', `${where} requires "${r}", which its form does not describe.`, `Add "${r}" under form.properties.`);
          }
        }
      }
    }
  }
  return errors.length === 0 ? { ok: true, value: def } : { ok: false, errors };
}

/** `validateWorkflow` for each workflow of an app, with pointers into the app (`/workflows/0/...`). */
export function validateAppWorkflows(app: AppDefinition, registry: WorkflowRegistry): ValidationResult<AppDefinition> {
  const errors = (app.workflows ?? []).flatMap((wf, i) => {
    const r = validateWorkflow(wf, app.entities, registry);
    return r.ok ? [] : r.errors.map((e) => ({ ...e, pointer: pointerOf('workflows', i) + e.pointer }));
  });
  return errors.length === 0 ? { ok: true, value: app } : { ok: false, errors };
}
