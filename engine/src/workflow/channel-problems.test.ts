import { notifyAction } from './builtin-actions';
import { validateWorkflow } from './validate-workflow';
import { createWorkflowRegistry } from './workflow-registry';
import { workflowPluginApi } from './workflow-plugin-api';
import { dealEntity, dealWorkflow } from './workflow-fixtures';

const withNotify = (params: Record<string, unknown>) => {
  const wf = dealWorkflow();
  wf.machine.states.new.on!.OPEN.actions = [{ type: 'notify', params }];
  return wf;
};

describe('notify channels and per-locale templates', () => {
  it('fails publish on a channel nothing provides, pointing at it and listing the known ones', () => {
    const registry = createWorkflowRegistry();
    const r = validateWorkflow(withNotify({ template: 'Hi', to: ['owner'], channels: ['inApp', 'email', 'sms'] }), [dealEntity()], registry);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.pointer])).toEqual([
      ['unknown-channel', '/machine/states/new/on/OPEN/actions/0/params/channels/1'],
      ['unknown-channel', '/machine/states/new/on/OPEN/actions/0/params/channels/2'],
    ]);
    expect(r.errors[0].message).toBe('The event "OPEN" of the state "new" notifies over the channel "email", which no plugin provides.');
    expect(r.errors[0].hint).toContain('Registered channels: inApp.');
  });

  it('accepts channels a plugin registered, and { en, zh } templates', () => {
    const registry = createWorkflowRegistry();
    workflowPluginApi('@acme/mail', registry).channels.register({ name: 'email', send: async () => undefined });
    const wf = withNotify({ template: { en: 'Deal {{name}}', zh: '商机 {{name}}' }, subject: { en: 'Deal', zh: '商机' }, to: ['owner'], channels: ['inApp', 'email'] });
    expect(validateWorkflow(wf, [dealEntity()], registry)).toEqual({ ok: true, value: wf });
  });

  it('rejects a per-locale template without en, an empty channel list and repeated channels', () => {
    const registry = createWorkflowRegistry();
    for (const params of [{ template: { zh: '只有中文' }, to: ['owner'] }, { template: 'x', to: ['owner'], channels: [] }, { template: 'x', to: ['owner'], channels: ['inApp', 'inApp'] }]) {
      const r = validateWorkflow(withNotify(params), [dealEntity()], registry);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.every((e) => e.code === 'invalid-params' && e.pointer.endsWith('/actions/0/params'))).toBe(true);
    }
  });

  it('resolves to a notify effect carrying the templates and channels (absent channels: the runtime uses inApp)', () => {
    const ctx = { record: { id: 'r1' }, user: null, data: {}, now: '2025-01-01T00:00:00Z' };
    expect(notifyAction.resolve({ template: { en: 'A', zh: '甲' }, to: ['owner'], channels: ['email'] }, ctx)).toEqual([{ kind: 'notify', template: { en: 'A', zh: '甲' }, to: ['owner'], channels: ['email'], record: { id: 'r1' } }]);
    expect(notifyAction.resolve({ template: 'A', to: ['owner'] }, ctx)).toEqual([{ kind: 'notify', template: 'A', to: ['owner'], record: { id: 'r1' } }]);
  });
});
