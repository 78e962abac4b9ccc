import { departmentTree, subtreeIds } from './department-tree';

const d = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId });
const org = [d('s', 'Sales', 'hq'), d('w', 'West', 's'), d('e', 'East', 's'), d('hq', 'HQ'), d('p', 'Partners')];

describe('departmentTree', () => {
  it('orders depth-first with siblings by name, and gives depths', () => {
    expect(departmentTree(org).map((r) => `${r.depth}:${r.department.name}`)).toEqual(['0:HQ', '1:Sales', '2:East', '2:West', '0:Partners']);
  });
  it('shows an orphan as a root and survives a cycle without losing anyone', () => {
    const rows = departmentTree([d('a', 'A', 'b'), d('b', 'B', 'a'), d('o', 'Orphan', 'gone')]);
    expect(rows.map((r) => r.department.id).sort()).toEqual(['a', 'b', 'o']);
    expect(rows.find((r) => r.department.id === 'o')!.depth).toBe(0);
  });
});

describe('subtreeIds', () => {
  it('is the department and everything below it', () => {
    expect([...subtreeIds(org, 's')].sort()).toEqual(['e', 's', 'w']);
    expect([...subtreeIds(org, 'e')]).toEqual(['e']);
  });
});
