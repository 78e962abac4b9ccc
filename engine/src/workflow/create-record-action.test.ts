import type { EntityDefinition } from '@tessera/metadata';
import { createRecordAction } from './create-record-action';
import { validateWorkflow } from './validate-workflow';
import { dealEntity, dealWorkflow } from './workflow-fixtures';
import { createWorkflowRegistry } from './workflow-registry';
import type { WorkflowContext } from './workflow-types';

const ctx: WorkflowContext = { record: { name: 'Acme', amount: 200 }, user: { id: 'u1', roles: ['sales'] }, data: { note: 'hi' }, now: '2025-01-01T00:00:00Z' };

function accountEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'account',
    'x-plural': 'accounts',
    'x-label': { en: 'Account' },
    properties: {
      title: { 'x-id': 'a_title', 'x-type': 'text', 'x-label': { en: 'Title' } },
      commission: { 'x-id': 'a_commission', 'x-type': 'number', 'x-label': { en: 'Commission' } },
      deal: { 'x-id': 'a_deal', 'x-type': 'relation', 'x-label': { en: 'Deal' }, 'x-relation': { entity: 'deal', kind: 'many-to-one', onDelete: 'set-null' } },
      parent: { 'x-id': 'a_parent', 'x-type': 'relation', 'x-label': { en: 'Parent' }, 'x-relation': { entity: 'account', kind: 'many-to-one', onDelete: 'set-null' } },
    },
  };
}

function dealWithAccount(): EntityDefinition {
  const deal = dealEntity();
  deal.properties.account = { 'x-id': 'f_account', 'x-type': 'relation', 'x-label': { en: 'Account' }, 'x-relation': { entity: 'account', kind: 'many-to-one', onDelete: 'set-null' } };
  return deal;
}

describe('createRecord', () => {
  it('evaluates $expr on the record (fields, $form, $user), keeps literals and $created for the runtime', () => {
    const [effect] = createRecordAction.resolve(
      { entity: 'account', as: 'acct', backLink: 'account', link: 'deal', values: { title: { $expr: "name + ' / ' + $form.note + ' / ' + $user.id" }, commission: { $expr: 'amount * 0.1' }, kind: 'fixed', parent: { $created: 'other' } } },
      ctx,
    );
    expect(effect).toEqual({ kind: 'create-record', entity: 'account', as: 'acct', backLink: 'account', link: 'deal', values: { title: 'Acme / hi / u1', commission: 20, kind: 'fixed', parent: { $created: 'other' } } });
  });

  it('leaves out a field whose expression yields nothing, so validation names it', () => {
    const [effect] = createRecordAction.resolve({ entity: 'account', values: { title: { $expr: 'missing.deeper' }, parent: { $expr: 'empty' }, commission: { $expr: 'amount' }, kind: null } }, { ...ctx, record: { ...ctx.record, empty: null } });
    expect((effect as { values: object }).values).toEqual({ commission: 200, kind: null }); // a literal null stays: it was written on purpose
  });

  describe('at publish', () => {
    const registry = createWorkflowRegistry();
    const check = (actions: { type: string; params: Record<string, unknown> }[]) => {
      const wf = dealWorkflow();
      wf.machine.states.new.on!.OPEN.actions = actions;
      const r = validateWorkflow(wf, [dealWithAccount(), accountEntity()], registry);
      return r.ok ? [] : r.errors.map((e) => [e.pointer, e.message]);
    };
    const at = '/machine/states/new/on/OPEN/actions';

    it('accepts values, aliases referred to later, link and backLink that are relations the right way', () => {
      expect(check([
        { type: 'createRecord', params: { entity: 'account', as: 'first', backLink: 'account', link: 'deal', values: { title: { $expr: 'name' } } } },
        { type: 'createRecord', params: { entity: 'account', values: { parent: { $created: 'first' }, commission: 1 } } },
      ])).toEqual([]);
    });

    it('points at a bad expression, an unknown field, a wrong link, backLink and alias', () => {
      const found = check([
        { type: 'createRecord', params: { entity: 'account', values: { parent: { $created: 'later' }, title: { $expr: 'name +' }, nope: 1 }, link: 'parent', backLink: 'name' } },
        { type: 'createRecord', params: { entity: 'account', as: 'later' } },
        { type: 'createRecord', params: { entity: 'account', as: 'later' } },
      ]);
      expect(found.map(([p]) => p)).toEqual(expect.arrayContaining([
        `${at}/0/params/values/title/$expr`,
        `${at}/0/params/values/nope`,
        `${at}/0/params/link`,
        `${at}/0/params/backLink`,
        `${at}/0/params/values/parent/$created`,
        `${at}/2/params/as`,
      ]));
      expect(found).toHaveLength(6);
      expect(found.find(([p]) => p.endsWith('$expr'))![1]).toContain('the expression "name +" does not parse');
      expect(found.find(([p]) => p.endsWith('$created'))![1]).toContain('"later" is not the "as" of an earlier createRecord');
      expect(found.find(([p]) => p.endsWith('/link'))![1]).toContain('account.parent is not a relation to deal');
    });

    it('names an entity that does not exist', () => {
      expect(check([{ type: 'createRecord', params: { entity: 'ghost' } }])).toEqual([[`${at}/0/params/entity`, expect.stringContaining('there is no entity "ghost"')]]);
    });
  });
});
