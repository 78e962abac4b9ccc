import { parseHash, routeToHash } from './use-hash-route';

describe('hash routes', () => {
  it.each([
    ['#/', {}],
    ['#/customers', { plural: 'customers' }],
    ['#/customers/new', { plural: 'customers', isNew: true }],
    ['#/customers/7b1c', { plural: 'customers', recordId: '7b1c' }],
    ['#/customers/board', { plural: 'customers', board: true }],
    ['#/_dashboard', { dashboard: true }],
    ['#/_approvals', { approvals: true }],
    ['#/_admin', { admin: true }],
    ['#/_calendar', { calendar: true }],
    ['#/_recycle-bin', { recycleBin: true }],
    ['#/_recycle-bin?entity=customers', { recycleBin: true, binOf: 'customers' }],
    ['#/contacts/new?customer=7b1c', { plural: 'contacts', isNew: true, prefill: { customer: '7b1c' } }],
    ['#/follow_ups/new?customer=7b1c&contact=9a2d', { plural: 'follow_ups', isNew: true, prefill: { customer: '7b1c', contact: '9a2d' } }],
  ])('%s round-trips', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    expect(routeToHash(route)).toBe(hash);
  });

  it('reads a prefill only on a new-record route, and decodes its values', () => {
    expect(parseHash('#/contacts/new?name=Li%20Lei%26Co')).toEqual({ plural: 'contacts', isNew: true, prefill: { name: 'Li Lei&Co' } });
    expect(parseHash('#/contacts/new?')).toEqual({ plural: 'contacts', isNew: true });
    expect(parseHash('#/contacts/7b1c?customer=1')).toEqual({ plural: 'contacts', recordId: '7b1c' });
  });
});
