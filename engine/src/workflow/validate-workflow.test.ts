import { dealEntity, dealWorkflow } from './workflow-fixtures';
import { validateWorkflow } from './validate-workflow';
import { createWorkflowRegistry } from './workflow-registry';
import { defineGuard } from './define-guard';

describe('validateWorkflow', () => {
  const registry = createWorkflowRegistry();

  it('accepts a workflow whose guards and actions are registered with fitting params', () => {
    expect(validateWorkflow(dealWorkflow(), [dealEntity()], registry)).toEqual({ ok: true, value: expect.anything() });
  });

  it('reports every unknown name, bad params and bad form at once, each with a pointer and hint', () => {
    const wf = dealWorkflow();
    wf.machine.states.new.on!.OPEN.guard = { type: 'rol', params: { roles: ['x'] } };
    wf.machine.states.open.on!.WIN.actions = [{ type: 'sendFax' }, { type: 'setFields', params: { fields: { nope: 1 } } }];
    wf.machine.states.open.on!.LOSE.guard = { type: 'field', params: { expression: 'amount >' } };
    wf.machine.states.open.after!['60000'].actions = [{ type: 'notify', params: { to: ['owner'] } }];
    wf.machine.states.open.on!.LOSE.meta!.form = { required: ['why'], properties: { reason: { type: 'strin' } } };
    const r = validateWorkflow(wf, [dealEntity()], registry);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.pointer])).toEqual(expect.arrayContaining([
      ['unknown-guard', '/machine/states/new/on/OPEN/guard/type'],
      ['unknown-action', '/machine/states/open/on/WIN/actions/0/type'],
      ['invalid-params', '/machine/states/open/on/WIN/actions/1/params'],
      ['invalid-params', '/machine/states/open/on/LOSE/guard/params'],
      ['invalid-params', '/machine/states/open/after/60000/actions/0/params'],
      ['invalid-form', '/machine/states/open/on/LOSE/meta/form'],
      ['invalid-form', '/machine/states/open/on/LOSE/meta/form/required'],
    ]));
    expect(r.errors).toHaveLength(7);
    expect(r.errors.find((e) => e.code === 'unknown-guard')!.hint).toContain('role');
    expect(r.errors.find((e) => e.pointer.endsWith('WIN/actions/1/params'))!.message).toContain('no field "nope"');
  });

  it('knows plugin guards once registered, and refuses a second registration of a name', () => {
    const withPlugin = createWorkflowRegistry();
    const big = defineGuard({ name: 'crm:big', evaluate: () => true });
    withPlugin.guards.register(big);
    expect(() => withPlugin.guards.register(big)).toThrow('The workflow guard "crm:big" is already registered');
    const wf = dealWorkflow();
    wf.machine.states.new.on!.OPEN.guard = { type: 'crm:big' };
    expect(validateWorkflow(wf, [dealEntity()], withPlugin).ok).toBe(true);
    expect(validateWorkflow(wf, [dealEntity()], registry).ok).toBe(false);
  });
});
