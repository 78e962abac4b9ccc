import i18next from 'i18next';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { localizeErrors } from './localize-errors';

describe('localizeErrors', () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ resources: { en: { translation: en }, zh: { translation: zh } }, lng: 'zh', initAsync: false }));

  it('translates ajv errors by keyword and keeps unknown ones', () => {
    const out = localizeErrors(i18n.t)([
      { name: 'format', property: '.email', message: 'must match format "email"', params: { format: 'email' }, stack: '', schemaPath: '' },
      { name: 'maxLength', property: '.name', message: 'too long', params: { limit: 200 }, stack: '', schemaPath: '' },
      { name: 'x-custom', property: '.a', message: 'kept', params: {}, stack: '', schemaPath: '' },
    ]);
    expect(out.map((e) => e.message)).toEqual(['不是有效的 email。', '最多 200 个字符。', 'kept']);
  });
});
