import { createChannelRegistry } from './channel-registry';

const send = async () => undefined;

describe('createChannelRegistry', () => {
  it('knows inApp and each registered channel with its plugin', () => {
    const r = createChannelRegistry();
    r.register('@acme/mail', { name: 'email', send });
    r.register('@acme/mail', { name: 'mail:fax', send });
    expect(r.names()).toEqual(['inApp', 'email', 'mail:fax']);
    expect(r.get('email')?.plugin).toBe('@acme/mail');
    expect(r.get('inApp')).toBeUndefined(); // the runtime delivers it itself
  });

  it('refuses bad names, inApp, duplicates and a missing send, naming the plugin', () => {
    const r = createChannelRegistry();
    r.register('@acme/a', { name: 'sms', send });
    expect(() => r.register('@acme/b', { name: 'Bad Name', send })).toThrow('Plugin "@acme/b" registers the channel "Bad Name": a channel is named');
    expect(() => r.register('@acme/b', { name: 'inApp', send })).toThrow('which the runtime provides');
    expect(() => r.register('@acme/b', { name: 'sms', send })).toThrow('which "@acme/a" already provides');
    expect(() => r.register('@acme/b', { name: 'fax' } as never)).toThrow('without a send(message, ctx) function');
  });
});
