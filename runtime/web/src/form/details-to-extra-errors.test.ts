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

describe('detailsToExtraErrors in the reader\'s language', () => {
  it('uses the metadata\'s words for the locale when the server sends them, else the message', () => {
    const details = [{ field: 'customer', rule: 'conflict-check', message: 'Already filed', messages: { en: 'Already filed', zh: '已有报备' } }, { field: 'name', rule: 'required', message: 'a value is required' }];
    expect(detailsToExtraErrors(details, ['customer', 'name'], 'zh').extraErrors).toEqual({ customer: { __errors: ['已有报备'] }, name: { __errors: ['a value is required'] } });
    expect(detailsToExtraErrors(details, ['customer'], 'en').unplaced).toEqual(['name: a value is required']);
  });
});
