import { textOf, withText } from './notify-text';

describe('notify text per language', () => {
  it('keeps one text for all languages as a plain string until Chinese is written', () => {
    expect(withText(undefined, 'en', 'Deal {{name}} won')).toBe('Deal {{name}} won');
    expect(withText('Deal won', 'zh', '赢单')).toEqual({ en: 'Deal won', zh: '赢单' });
  });

  it('drops the text when both languages are emptied', () => {
    expect(withText({ en: '', zh: '赢单' }, 'zh', '')).toBeUndefined();
  });

  it('reads a plain string as the English text and no Chinese', () => {
    expect([textOf('Hi', 'en'), textOf('Hi', 'zh'), textOf({ en: 'Hi', zh: '你好' }, 'zh')]).toEqual(['Hi', '', '你好']);
  });
});
