import { definePlugin } from '@tessera/engine';
import { emailChannel } from './email-channel';
import { settingsSchema } from './notification-settings';
import { smsChannel } from './sms-channel';

/**
 * `email` and `sms` channels for the workflow notify action (`channels: ['inApp', 'email', 'sms']`).
 * Without settings the app still starts; each delivery then becomes a dead letter saying which
 * settings are missing.
 */
export default definePlugin({
  name: '@tessera/plugin-notifications',
  version: '0.1.0',
  tessera: '^0.1.0',
  settings: settingsSchema,
  register(api) {
    api.channels?.register(emailChannel);
    api.channels?.register(smsChannel);
  },
});

export { emailChannel, smsChannel };
export { signSms } from './sms-channel';
export type { NotificationSettings } from './notification-settings';
