import { helpText } from './help-text';

describe('helpText', () => {
  it('keeps both languages when both are written, else the one text, else nothing', () => {
    expect(helpText(' Who signs ', ' 签约人 ')).toEqual({ en: 'Who signs', zh: '签约人' });
    expect(helpText('Who signs', '  ')).toBe('Who signs');
    expect(helpText('', '签约人')).toBe('签约人');
    expect(helpText(' ', '')).toBeUndefined();
  });
});
