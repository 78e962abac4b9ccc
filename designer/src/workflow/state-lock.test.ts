import { createFieldTypeRegistry, validateAppWithRegistry } from '@tessera/engine';
import type { AppDefinition, WorkflowStateLock } from '@tessera/metadata';
import { choiceToLock, lockChoice, startLock, toggle } from './state-lock';
import { addTransition, newWorkflow, patchState, setFinal } from './workflow-model';

const app = (): AppDefinition => ({
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [{ type: 'object', 'x-id': 'e_quote', 'x-name': 'quote', 'x-plural': 'quotes', 'x-label': { en: 'Quote' }, properties: {
    status: { 'x-id': 'f1', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': ['draft', 'approved'].map((value) => ({ value, label: { en: value } })) },
    amount: { 'x-id': 'f2', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
    discount: { 'x-id': 'f3', 'x-type': 'percent', 'x-label': { en: 'Discount' } },
  } }],
  permissions: { roles: { sales: { label: { en: 'Sales' }, entities: { quote: { actions: ['read', 'update'], scope: 'own' } } } } },
} as unknown as AppDefinition);
const publish = (lock: WorkflowStateLock | undefined) => {
  const wf = patchState(setFinal(addTransition(newWorkflow(app(), 'quote', 'status'), 'draft', 'APPROVE', 'approved'), 'approved', true), 'approved', { lock });
  const result = validateAppWithRegistry({ ...app(), workflows: [wf] }, createFieldTypeRegistry());
  return result.ok ? [] : result.errors.map((e) => e.code);
};

describe('a state\'s record lock', () => {
  it('reads and writes both shapes the meta-schema allows', () => {
    for (const lock of [{ fields: '*', except: ['admin'] }, { fields: ['amount', 'discount'] }] as WorkflowStateLock[]) {
      expect(choiceToLock(lockChoice(lock))).toEqual(lock);
      expect(publish(lock)).toEqual([]);
    }
    expect(lockChoice(undefined).on).toBe(false);
  });

  it('starts with the whole record, administrators excepted, and publishes', () => {
    expect(choiceToLock(startLock(['sales', 'admin']))).toEqual({ fields: '*', except: ['admin'] });
    expect(choiceToLock(startLock(['sales']))).toEqual({ fields: '*' });
  });

  it('writes no lock while off or while no field is ticked (the meta-schema wants one), never an invalid one', () => {
    const some = { ...startLock(['admin']), whole: false };
    expect(choiceToLock(some)).toBeUndefined();
    expect(publish({ fields: [] as string[] })).not.toEqual([]);
    expect(choiceToLock({ ...some, fields: ['discount'] })).toEqual({ fields: ['discount'], except: ['admin'] });
    expect(choiceToLock({ ...some, fields: ['discount'], on: false })).toBeUndefined();
    expect(publish({ fields: ['amount', 'discont'] })).toEqual(['lock-field-missing']);
  });

  it('keeps ticked fields and roles in the entity\'s and the app\'s order', () => {
    const order = ['status', 'amount', 'discount'];
    expect(toggle(toggle([], 'discount', true, order), 'amount', true, order)).toEqual(['amount', 'discount']);
    expect(toggle(['amount', 'discount'], 'amount', false, order)).toEqual(['discount']);
  });
});
