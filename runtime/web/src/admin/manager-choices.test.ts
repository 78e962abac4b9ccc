import { managerChoices } from './manager-choices';

const u = (id: string, managerId: string | null = null) => ({ id, managerId });
// ann manages bob, bob manages cat; dan stands apart.
const staff = [u('ann'), u('bob', 'ann'), u('cat', 'bob'), u('dan')];
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('managerChoices', () => {
  it('leaves out the user and everyone who reports to them, at any depth', () => {
    expect(ids(managerChoices(staff, 'ann'))).toEqual(['dan']);
    expect(ids(managerChoices(staff, 'bob'))).toEqual(['ann', 'dan']);
    expect(ids(managerChoices(staff, 'cat'))).toEqual(['ann', 'bob', 'dan']);
  });
  it('offers everyone for a new user, and survives a loop already in the data', () => {
    expect(ids(managerChoices(staff))).toEqual(['ann', 'bob', 'cat', 'dan']);
    expect(ids(managerChoices([u('a', 'b'), u('b', 'a'), u('c')], 'a'))).toEqual(['c']);
  });
});
