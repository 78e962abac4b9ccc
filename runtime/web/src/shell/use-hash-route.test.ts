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
  ])('%s round-trips', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    expect(routeToHash(route)).toBe(hash);
  });
});
