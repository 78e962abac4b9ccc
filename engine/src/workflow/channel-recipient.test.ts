import { channelRecipientProblem } from './channel-recipient';
import { defineChannel } from './define-channel';

const email = defineChannel({ name: 'email', recipientSchema: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }, send: async () => undefined });
const alice = { userId: 'u1', username: 'alice', displayName: 'Alice', email: 'alice@example.com', phone: null, locale: 'en' as const };

describe('channelRecipientProblem', () => {
  it('passes a recipient the schema accepts and any recipient of a channel without a schema', () => {
    expect(channelRecipientProblem(email, alice)).toBeUndefined();
    expect(channelRecipientProblem(defineChannel({ name: 'fax', send: email.send }), { ...alice, email: null })).toBeUndefined();
  });

  it('names the user, the channel and the missing detail', () => {
    expect(channelRecipientProblem(email, { ...alice, email: null })).toBe('The user "alice" cannot be reached over the channel "email": has no email');
    expect(channelRecipientProblem(email, { ...alice, email: '' })).toContain('has no email');
  });
});
