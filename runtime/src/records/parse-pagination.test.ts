import { HttpError } from '../errors/http-error';
import { parsePagination } from './parse-pagination';

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as HttpError;
  }
  throw new Error('expected an error');
};

describe('parsePagination', () => {
  it('defaults to the first 50', () => {
    expect(parsePagination({})).toEqual({ limit: 50, offset: 0 });
  });

  it('reads digits', () => {
    expect(parsePagination({ limit: '500', offset: '20' })).toEqual({ limit: 500, offset: 20 });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ limit: '1; drop table x' }, 'limit'],
    [{ limit: '-1' }, 'limit'],
    [{ limit: ['1', '2'] }, 'limit'],
    [{ offset: '1.5' }, 'offset'],
    [{ offset: "0' or '1'='1" }, 'offset'],
  ])('rejects %j naming %s', (query, name) => {
    const err = errorOf(() => parsePagination(query));
    expect(err.status).toBe(400);
    expect(err.message).toContain(`"${name}"`);
    expect(err.details).toEqual([expect.objectContaining({ field: name })]);
  });
});
