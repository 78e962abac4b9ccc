import { createStatementNames } from './statement-names';

describe('createStatementNames', () => {
  it('names a text only from its threshold-th use on, and always the same name after', () => {
    const names = createStatementNames({ threshold: 3 });
    expect(names.nameFor('select 1')).toBeUndefined();
    expect(names.nameFor('select 1')).toBeUndefined();
    const name = names.nameFor('select 1');
    expect(name).toMatch(/^tsr_/);
    expect(names.nameFor('select 1')).toBe(name);
    expect(names.nameFor('select 2')).toBeUndefined();
  });

  it('gives distinct texts distinct names', () => {
    const names = createStatementNames({ threshold: 1 });
    const a = names.nameFor('select $1::int');
    const b = names.nameFor('select $1::text');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('stops naming new texts at max, but keeps the names it gave', () => {
    const names = createStatementNames({ threshold: 1, max: 2 });
    const first = names.nameFor('a');
    names.nameFor('b');
    expect(names.nameFor('c')).toBeUndefined();
    expect(names.nameFor('a')).toBe(first);
    expect(names.size).toBe(2);
  });
});
