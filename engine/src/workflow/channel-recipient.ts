import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import type { ChannelDefinition, ChannelRecipient } from './channel-types';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Why `recipient` cannot be reached over `channel` (its `recipientSchema`), e.g. a user with
 * no email for the email channel; undefined when they can. Retrying would not help, so the
 * runtime makes such a delivery a dead letter at once, with this as its reason.
 */
export function channelRecipientProblem(channel: ChannelDefinition, recipient: ChannelRecipient): string | undefined {
  if (!channel.recipientSchema) return undefined;
  let validate = compiled.get(channel.recipientSchema);
  if (!validate) compiled.set(channel.recipientSchema, (validate = ajv.compile(channel.recipientSchema)));
  // Absent contact details are null in the lookup; drop them so `required` reads naturally.
  const present = Object.fromEntries(Object.entries(recipient).filter(([, v]) => v !== null && v !== ''));
  if (validate(present)) return undefined;
  const what = (validate.errors ?? []).map((e) => (e.keyword === 'required' ? `has no ${String(e.params.missingProperty)}` : `${e.instancePath.slice(1) || 'recipient'} ${e.message}`));
  return `The user "${recipient.username}" cannot be reached over the channel "${channel.name}": ${what.join('; ')}`;
}
