import { detailsToExtraErrors } from './details-to-extra-errors';

describe('detailsToExtraErrors', () => {
  it('puts field details at the field and keeps the rest for the banner', () => {
    const result = detailsToExtraErrors(
      [
        { field: 'email', rule: 'format', message: 'must be an email' },
        { field: '/email', rule: 'maxLength', message: 'too long' },
        { field: 'owner', rule: 'required', message: 'is required' },
      ],
      ['name', 'email'],
    );
    expect(result.extraErrors).toEqual({ email: { __errors: ['must be an email', 'too long'] } });
    expect(result.unplaced).toEqual(['owner: is required']);
  });
});
