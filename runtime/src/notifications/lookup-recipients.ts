import type { ChannelRecipient } from '@tessera/engine';
import type { Knex } from 'knex';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserContactRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
}

/** Recipients by user id, with what channels need; unknown ids are simply absent. Locale defaults to `en`. */
export async function lookupRecipients(db: Knex | Knex.Transaction, userIds: readonly string[]): Promise<Map<string, ChannelRecipient>> {
  const ids = [...new Set(userIds.filter((id) => UUID.test(id)))];
  if (ids.length === 0) return new Map();
  const rows = (await db('tessera.users').whereIn('id', ids).select('id', 'username', 'display_name', 'email', 'phone', 'locale')) as UserContactRow[];
  return new Map(rows.map((r) => [r.id, { userId: r.id, username: r.username, displayName: r.display_name, email: r.email, phone: r.phone, locale: r.locale === 'zh' ? 'zh' : 'en' }]));
}
