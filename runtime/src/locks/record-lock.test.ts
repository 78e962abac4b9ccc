import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { entityHasLocks, lockFor } from './record-lock';

const quote = {
  type: 'object', 'x-name': 'quote', 'x-plural': 'quotes', 'x-label': { en: 'Quote' },
  properties: { status: { 'x-id': 's', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': [{ value: 'pending', label: { en: 'Pending approval', zh: '审批中' } }, { value: 'draft', label: { en: 'Draft' } }] } },
} as unknown as EntityDefinition;
const app = {
  entities: [quote],
  workflows: [{ name: 'q', entity: 'quote', stateField: 'status', machine: { initial: 'draft', states: { draft: { on: { GO: { target: 'pending' } } }, pending: { lock: { fields: ['discount'], except: ['admin'] } } } } }],
} as unknown as AppDefinition;
const state = { app } as AppState;
const entity = { entity: quote } as CompiledEntity;

describe('lockFor', () => {
  it('is the state\'s lock, labelled by the state field\'s option', () => {
    expect(lockFor(state, entity, { roles: ['sales_rep'] }, { status: 'pending' })).toEqual({ state: 'pending', label: { en: 'Pending approval', zh: '审批中' }, fields: ['discount'] });
  });
  it('spares the excepted roles, and states without a lock', () => {
    expect(lockFor(state, entity, { roles: ['sales_rep', 'admin'] }, { status: 'pending' })).toBeUndefined();
    expect(lockFor(state, entity, { roles: ['sales_rep'] }, { status: 'draft' })).toBeUndefined();
  });
  it('costs nothing for an entity whose workflow locks nothing', () => {
    expect(entityHasLocks(state, entity)).toBe(true);
    expect(entityHasLocks({ app: { ...app, workflows: [] } } as unknown as AppState, entity)).toBe(false);
  });
});
