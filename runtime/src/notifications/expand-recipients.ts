import type { Knex } from 'knex';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A notify action's `to` entries as the outbox keeps them, decided on the record at transition
 * time: `owner`, `creator` (their ids), `owner.manager` / `creator.manager` (`manager-of:<id>`,
 * looked up at delivery), `role:<name>`, a user id or a username.
 */
export function recipientTokens(to: readonly string[], record: Record<string, unknown>): string[] {
  const idOf = (who: string) => (who === 'owner' ? record.owner : who === 'creator' ? record.created_by : undefined);
  return [...new Set(to.flatMap((r): string[] => {
    const [who, manager] = r.split('.');
    if (manager === 'manager' && (who === 'owner' || who === 'creator')) {
      const id = idOf(who);
      return typeof id === 'string' ? [`manager-of:${id}`] : [];
    }
    if (r === 'owner' || r === 'creator') {
      const id = idOf(r);
      return typeof id === 'string' ? [id] : [];
    }
    return [r];
  }))];
}

/**
 * Tokens → active users' ids, in one query per kind: ids as they are, `manager-of:<id>` that
 * user's manager, `role:<name>` everyone holding the role, anything else a username. Unknown
 * names and users without a manager simply drop out.
 */
export async function expandRecipients(db: Knex | Knex.Transaction, tokens: readonly string[]): Promise<string[]> {
  const ids = tokens.filter((t) => UUID.test(t)).map((t) => t.toLowerCase());
  const managersOf = tokens.filter((t) => t.startsWith('manager-of:')).map((t) => t.slice('manager-of:'.length)).filter((t) => UUID.test(t));
  const roles = tokens.filter((t) => t.startsWith('role:')).map((t) => t.slice('role:'.length));
  const usernames = tokens.filter((t) => !UUID.test(t) && !t.startsWith('manager-of:') && !t.startsWith('role:')).map((t) => t.toLowerCase());
  const out = new Set(ids);
  if (managersOf.length || roles.length || usernames.length) {
    const rows = (await db('tessera.users as u')
      .where('u.is_active', true)
      .where((qb) => {
        if (managersOf.length) qb.orWhereIn('u.id', db('tessera.users').whereIn('id', managersOf).whereNotNull('manager_id').select('manager_id'));
        if (roles.length) qb.orWhereRaw('u.roles && ?::text[]', [roles]);
        if (usernames.length) qb.orWhereIn('u.username', usernames);
      })
      .select('u.id')) as Array<{ id: string }>;
    for (const r of rows) out.add(r.id);
  }
  return [...out];
}
