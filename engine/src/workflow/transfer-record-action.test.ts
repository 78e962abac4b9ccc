import type { EntityDefinition } from '@tessera/metadata';
import { transferRecordAction } from './transfer-record-action';
import { validateWorkflow } from './validate-workflow';
import { dealEntity, dealWorkflow } from './workflow-fixtures';
import { createWorkflowRegistry } from './workflow-registry';
import type { WorkflowContext } from './workflow-types';

function accountEntity(): EntityDefinition {
  return { type: 'object', 'x-name': 'account', 'x-plural': 'accounts', 'x-label': { en: 'Account' }, properties: { title: { 'x-id': 'a_title', 'x-type': 'text', 'x-label': { en: 'Title' } } } };
}

/** A deal that names an account (to hand over) and a user (to hand it to). */
function handoverDeal(): EntityDefinition {
  const deal = dealEntity();
  deal.properties.account = { 'x-id': 'f_account', 'x-type': 'relation', 'x-label': { en: 'Account' }, 'x-relation': { entity: 'account', kind: 'many-to-one', onDelete: 'set-null' } };
  deal.properties.new_owner = { 'x-id': 'f_new_owner', 'x-type': 'user', 'x-label': { en: 'New owner' } };
  return deal;
}

const ctx: WorkflowContext = { record: { account: 'a-1', new_owner: 'u-2', name: 'Acme' }, user: { id: 'u-1', roles: [] }, data: { to: 'u-3' }, now: '2025-01-01T00:00:00Z' };

describe('transferRecord', () => {
  it('evaluates both expressions on the record and keeps them for error messages', () => {
    expect(transferRecordAction.resolve({ entity: 'account', record: { $expr: 'account' }, to: { $expr: 'new_owner' } }, ctx)).toEqual([
      { kind: 'transfer-record', entity: 'account', id: 'a-1', to: 'u-2', source: { record: 'account', to: 'new_owner' } },
    ]);
    const [fromForm] = transferRecordAction.resolve({ entity: 'account', record: { $expr: 'account' }, to: { $expr: '$form.to' } }, ctx);
    expect(fromForm).toMatchObject({ to: 'u-3' });
  });

  it('gives null for an empty field, so the runtime names it instead of guessing', () => {
    const [effect] = transferRecordAction.resolve({ entity: 'account', record: { $expr: 'account' }, to: { $expr: 'new_owner' } }, { ...ctx, record: { account: null } });
    expect(effect).toMatchObject({ id: null, to: null });
  });

  describe('at publish', () => {
    const registry = createWorkflowRegistry();
    const at = '/machine/states/new/on/OPEN/actions/0';
    const check = (params: Record<string, unknown>) => {
      const wf = dealWorkflow();
      wf.machine.states.new.on!.OPEN.actions = [{ type: 'transferRecord', params }];
      const r = validateWorkflow(wf, [handoverDeal(), accountEntity()], registry);
      return r.ok ? [] : r.errors.map((e) => [e.pointer, e.message]);
    };

    it('accepts a relation to the entity and a user field, or expressions over fields', () => {
      expect(check({ entity: 'account', record: { $expr: 'account' }, to: { $expr: 'new_owner' } })).toEqual([]);
      expect(check({ entity: 'account', record: { $expr: 'account' }, to: { $expr: '$user.id' } })).toEqual([]);
      expect(check({ entity: 'deal', record: { $expr: 'id' }, to: { $expr: 'amount > 10 ? new_owner : owner' } })).toEqual([]);
    });

    it('names an entity that does not exist, with the closest one', () => {
      expect(check({ entity: 'acount', record: { $expr: 'account' }, to: { $expr: 'new_owner' } })).toEqual([
        [`${at}/params/entity`, 'The event "OPEN" of the state "new": the action "transferRecord" has bad params: there is no entity "acount" to transfer (did you mean "account"?).'],
      ]);
    });

    it('refuses fields the workflow entity does not have, and fields of the wrong kind', () => {
      expect(check({ entity: 'account', record: { $expr: 'accont' }, to: { $expr: 'new_owner' } })).toEqual([
        [`${at}/params/record/$expr`, expect.stringContaining('"accont" is not a field of deal (did you mean "account"?)')],
      ]);
      expect(check({ entity: 'account', record: { $expr: 'name' }, to: { $expr: 'name' } })).toEqual([
        [`${at}/params/record/$expr`, expect.stringContaining('deal.name is not a relation to account')],
        [`${at}/params/to/$expr`, expect.stringContaining('deal.name is not a user field')],
      ]);
      expect(check({ entity: 'account', record: { $expr: 'id' }, to: { $expr: 'new_owner' } })).toEqual([
        [`${at}/params/record/$expr`, expect.stringContaining('"id" is the deal itself, not a account')],
      ]);
      expect(check({ entity: 'account', record: { $expr: 'account' }, to: { $expr: 'nobody + 1' } })).toEqual([
        [`${at}/params/to/$expr`, expect.stringContaining('"nobody" is not a field of deal')],
      ]);
    });

    it('refuses an expression that does not parse and params of the wrong shape', () => {
      expect(check({ entity: 'account', record: { $expr: 'account ==' }, to: { $expr: 'new_owner' } })).toEqual([
        [`${at}/params/record/$expr`, expect.stringContaining('the expression "account ==" does not parse')],
      ]);
      expect(check({ entity: 'account', record: 'account', to: { $expr: 'new_owner' } })).toEqual([[`${at}/params`, expect.stringContaining('params.record must be object')]]);
      expect(check({ entity: 'account', record: { $expr: 'account' } })).toEqual([[`${at}/params`, expect.stringContaining("must have required property 'to'")]]);
    });
  });
});
