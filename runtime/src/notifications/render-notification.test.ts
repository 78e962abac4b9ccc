import { renderNotification, textFor } from './render-notification';

describe('renderNotification', () => {
  it('renders one template for everyone, HTML-escaped', () => {
    const n = renderNotification('Customer {{name}}', 'Hi {{name}}', { name: '<b>Acme</b>' });
    expect(n).toEqual({ subject: 'Hi &lt;b&gt;Acme&lt;/b&gt;', body: 'Customer &lt;b&gt;Acme&lt;/b&gt;' });
    expect(textFor(n, 'zh')).toEqual({ subject: n.subject, body: n.body });
  });

  it('renders each locale of a { en, zh } template and gives each recipient theirs', () => {
    const n = renderNotification({ en: 'Customer {{name}} is active', zh: '客户 {{name}} 已激活' }, { en: 'Activated', zh: '已激活' }, { name: 'Acme' });
    expect(textFor(n, 'en')).toEqual({ subject: 'Activated', body: 'Customer Acme is active' });
    expect(textFor(n, 'zh')).toEqual({ subject: '已激活', body: '客户 Acme 已激活' });
  });

  it('falls back to en for a locale the template lacks', () => {
    const n = renderNotification({ en: 'Hello' }, { en: 'S', zh: '主题' }, {});
    expect(textFor(n, 'zh')).toEqual({ subject: '主题', body: 'Hello' });
    expect(n.subject).toBe('S');
  });
});
