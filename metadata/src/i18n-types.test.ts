import type { AppDefinition } from './app/app-types';
import { isLocaleTag, localeFallbacks } from './i18n-types';
import { validateApp } from './validation/validate-app';

function app(label: Record<string, string>): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [
      {
        type: 'object',
        'x-name': 'customer',
        'x-plural': 'customers',
        'x-label': label as AppDefinition['entities'][number]['x-label'],
        properties: { name: { 'x-id': 'fld_customer_name', 'x-type': 'text', 'x-label': { en: 'Name' } } },
      },
    ],
  };
}

const errors = (label: Record<string, string>) => {
  const result = validateApp(app(label));
  return result.ok ? [] : result.errors;
};

describe('labels keyed by any BCP 47 language tag', () => {
  it('accepts ja, zh-Hant, pt-BR and es-419 beside en', () => {
    expect(errors({ en: 'Customer', zh: '客户', 'zh-Hant': '客戶', ja: '顧客', 'pt-BR': 'Cliente', 'es-419': 'Cliente' })).toEqual([]);
  });

  it('still requires en', () => {
    expect(errors({ ja: '顧客' }).map((e) => e.pointer)).toEqual(['/entities/0/x-label']);
  });

  it('refuses a key that is not a language tag', () => {
    for (const bad of ['english', 'zh_Hant', 'j', 'zh-', '日本語']) {
      expect(errors({ en: 'Customer', [bad]: 'x' }).map((e) => [e.pointer, e.message])).toEqual([['/entities/0/x-label', `The label of entity "customer" has a text for "${bad}", which is not a language tag.`]]);
    }
  });

  it('refuses a non-string text for a language', () => {
    expect(errors({ en: 'Customer', ja: 3 as unknown as string })).not.toEqual([]);
  });
});

describe('isLocaleTag', () => {
  it('knows the tags locale files use and nothing else', () => {
    expect(['en', 'zh', 'zh-Hant', 'zh-Hant-TW', 'ja', 'pt-BR', 'es-419', 'de-CH-1901'].filter(isLocaleTag)).toHaveLength(8);
    expect(['', 'e', 'english', 'zh_Hant', 'zh-', '-zh', 'zh-Hant-'].filter(isLocaleTag)).toEqual([]);
  });
});

describe('localeFallbacks', () => {
  it('shortens the tag one subtag at a time, then English', () => {
    expect(localeFallbacks('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh', 'en']);
    expect(localeFallbacks('ja')).toEqual(['ja', 'en']);
    expect(localeFallbacks('en-GB')).toEqual(['en-GB', 'en']);
    expect(localeFallbacks('en')).toEqual(['en']);
  });
});
