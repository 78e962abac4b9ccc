import { ApiError } from '../api/api-error';
import { toFormErrors } from './field-errors';

describe('toFormErrors', () => {
  it('maps 422 details onto their fields, joining two problems of one field', () => {
    const err = new ApiError(422, 'validation_failed', 'x', [
      { field: 'password', rule: 'minLength', message: 'a password needs at least 10 characters' },
      { field: 'username', rule: 'pattern', message: 'bad' },
      { field: 'username', rule: 'unique', message: 'taken' },
    ]);
    expect(toFormErrors(err)).toEqual({ fields: { password: 'a password needs at least 10 characters', username: 'bad; taken' } });
  });
  it('keeps any other failure as one readable message', () => {
    expect(toFormErrors(new ApiError(409, 'department_not_empty', 'Sales still has users'))).toEqual({ fields: {}, message: 'Sales still has users' });
    expect(toFormErrors(new Error('offline'))).toEqual({ fields: {}, message: 'offline' });
  });
});
