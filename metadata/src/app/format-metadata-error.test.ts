import { formatMetadataError } from './format-metadata-error';

const base = { pointer: '/entities/0/properties/industry', code: 'select-without-options', message: 'The select field "industry" of entity "customer" has no options.', hint: 'Add options.' };

describe('formatMetadataError', () => {
  it('leads with file:line:column when the error came from a file', () => {
    expect(formatMetadataError({ ...base, file: 'entities/customer.entity.json', line: 12, column: 7 })).toBe(
      'entities/customer.entity.json:12:7 select-without-options: The select field "industry" of entity "customer" has no options. (Add options.)',
    );
  });

  it('falls back to the file alone, then to the pointer', () => {
    expect(formatMetadataError({ ...base, file: 'app.json' })).toMatch(/^app\.json select-without-options: /);
    expect(formatMetadataError(base)).toMatch(/^\/entities\/0\/properties\/industry select-without-options: /);
    expect(formatMetadataError({ ...base, pointer: '' })).toMatch(/^\/ select-without-options: /);
  });
});
