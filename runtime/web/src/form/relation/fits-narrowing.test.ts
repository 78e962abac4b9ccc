import { fitsNarrowing } from './fits-narrowing';

describe('fitsNarrowing', () => {
  it('keeps a record that belongs to every chosen parent', () => {
    expect(fitsNarrowing({ id: 'c1', customer: 'acme' }, { 'filter[customer]': 'acme' })).toBe(true);
    expect(fitsNarrowing({ id: 'c1', customer: { id: 'acme', name: 'Acme' } }, { 'filter[customer]': 'acme' })).toBe(true);
    expect(fitsNarrowing({ id: 'c1' }, {})).toBe(true);
  });
  it('drops a record of another parent, or of none', () => {
    expect(fitsNarrowing({ id: 'c1', customer: 'acme' }, { 'filter[customer]': 'beta' })).toBe(false);
    expect(fitsNarrowing({ id: 'c1', customer: null }, { 'filter[customer]': 'beta' })).toBe(false);
    expect(fitsNarrowing({ id: 'o1', customer: 'acme', lead: 'l1' }, { 'filter[customer]': 'acme', 'filter[lead]': 'l2' })).toBe(false);
  });
});
