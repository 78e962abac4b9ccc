import { emailProblem, htmlToText, retryOf, smsProblem } from './notification-settings';

describe('notification settings', () => {
  it('says which settings each channel lacks, in English and Chinese', () => {
    expect(emailProblem({})).toBe('settings email.host, email.from not set (未设置 email.host、email.from)');
    expect(emailProblem({ email: { host: 'smtp', from: 'a@b.c' } })).toBeUndefined();
    expect(smsProblem({ sms: { url: 'http://gw' } })).toBe('settings sms.secret not set (未设置 sms.secret)');
  });

  it('reads the retry policy with defaults, and unescapes Handlebars output for plain text', () => {
    expect(retryOf({})).toEqual({ limit: 5, delaySeconds: 2 });
    expect(retryOf({ retry: { attempts: 0 } })).toEqual({ limit: 0, delaySeconds: 2 });
    expect(htmlToText('A &amp; B &lt;x&gt; &quot;q&quot; &#x27;s&#x27; &#x3D; &amp;lt;')).toBe('A & B <x> "q" \'s\' = &lt;');
  });
});
