import { keepWriteOnly, maskWriteOnly } from './mask-write-only';

const schema = { type: 'object', properties: { email: { type: 'object', properties: { host: { type: 'string' }, password: { type: 'string', writeOnly: true } } }, token: { type: 'string', writeOnly: true } } };

describe('write-only plugin settings', () => {
  it('masks nested and top-level write-only values, leaving the rest and absent ones alone', () => {
    expect(maskWriteOnly(schema, { email: { host: 'smtp', password: 'pw' }, token: 't' })).toEqual({ email: { host: 'smtp', password: '***' }, token: '***' });
    expect(maskWriteOnly(schema, { email: { host: 'smtp' } })).toEqual({ email: { host: 'smtp' } });
  });

  it('keeps stored secrets when the new settings omit them or send the mask, and takes new ones', () => {
    const current = { email: { host: 'old', password: 'pw' }, token: 't' };
    expect(keepWriteOnly(schema, { email: { host: 'new', password: '***' } }, current)).toEqual({ email: { host: 'new', password: 'pw' }, token: 't' });
    expect(keepWriteOnly(schema, { email: { host: 'new', password: 'pw2' }, token: 't2' }, current)).toEqual({ email: { host: 'new', password: 'pw2' }, token: 't2' });
  });
});
