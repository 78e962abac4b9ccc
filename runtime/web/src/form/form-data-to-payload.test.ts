import { formDataToCreatePayload, formDataToPatchPayload, recordToFormData } from './form-data-to-payload';

describe('form data to API payload', () => {
  const fields = ['name', 'email', 'level', 'tags'];

  it('omits empty optional fields on create', () => {
    expect(formDataToCreatePayload({ name: 'Acme', email: '', level: undefined, tags: [] }, fields)).toEqual({ name: 'Acme' });
  });

  it('sends only changed fields on PATCH, with null for a cleared one', () => {
    const original = { id: '1', name: 'Acme', email: 'a@acme.cn', level: 'gold', tags: null };
    expect(formDataToPatchPayload({ name: 'Acme Ltd', level: 'gold' }, original, fields)).toEqual({ name: 'Acme Ltd', email: null });
  });

  it('sends nothing when nothing changed', () => {
    expect(formDataToPatchPayload({ name: 'Acme' }, { name: 'Acme', email: null }, fields)).toEqual({});
  });

  it('drops nulls and system columns when loading a record into the form', () => {
    expect(recordToFormData({ id: '1', version: 2, name: 'Acme', email: null }, fields)).toEqual({ name: 'Acme' });
  });
});
