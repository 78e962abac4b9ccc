import { entityWorkflows } from './entity-workflows';

const entity = {
  'x-record-types': {
    field: 'kind',
    types: { end_customer: {}, distributor: { workflow: 'distributor_lifecycle' }, agent: {} },
  },
};
const wf = (name: string) => ({ name });
const lifecycle = wf('customer_lifecycle');
const distributor = wf('distributor_lifecycle');

describe('entityWorkflows', () => {
  const resolved = entityWorkflows(entity, [distributor, lifecycle], (w) => w.name);

  it('runs the workflow a record type names, and the default for every other record', () => {
    expect(resolved.forRecord({ kind: 'distributor' })).toBe(distributor);
    expect(resolved.forRecord({ kind: 'agent' })).toBe(lifecycle);
    expect(resolved.forRecord({ kind: 'end_customer' })).toBe(lifecycle);
    expect(resolved.forRecord({})).toBe(lifecycle);
    expect(resolved.forRecord({ kind: 'no_such_kind' })).toBe(lifecycle);
  });

  it('scopes each workflow to the types that run it, the default also to untyped records', () => {
    expect(resolved.scope(distributor)).toEqual({ field: 'kind', types: ['distributor'], untyped: false });
    expect(resolved.scope(lifecycle)).toEqual({ field: 'kind', types: ['end_customer', 'agent'], untyped: true });
  });

  it('leaves a single workflow unscoped when no type chooses one', () => {
    const plain = entityWorkflows({}, [lifecycle], (w) => w.name);
    expect(plain.forRecord({ kind: 'x' })).toBe(lifecycle);
    expect(plain.scope(lifecycle)).toBeUndefined();
    const typed = entityWorkflows({ 'x-record-types': { field: 'kind', types: { a: {}, b: {} } } }, [lifecycle], (w) => w.name);
    expect(typed.scope(lifecycle)).toBeUndefined();
  });

  it('has no workflow for a type whose workflow is gone and no default', () => {
    const only = entityWorkflows(entity, [distributor], (w) => w.name);
    expect(only.forRecord({ kind: 'distributor' })).toBe(distributor);
    expect(only.forRecord({ kind: 'agent' })).toBeUndefined();
    expect(only.named('distributor_lifecycle')).toBe(distributor);
  });
});
