import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { OwnerChoice } from './metric-request';

/**
 * The people whose records a metric counts: the viewer; the members of every team the viewer
 * is in (the membership the `team` data scope and `GET /api/_reports/teammates` read, so "my
 * team" means one thing everywhere; someone in no team is a team of one); or one person. This
 * narrows the viewer's scope, never widens it: the scope is applied to every measure as well.
 */
export async function ownersOf(knex: Knex, viewer: AuthUser, owner: OwnerChoice | undefined): Promise<string[] | undefined> {
  if (!owner) return undefined;
  if (owner.kind === 'me') return [viewer.id];
  if (owner.kind === 'user') return [owner.id];
  const rows: { user_id: string }[] = await knex('tessera.team_members as m').distinct('m.user_id')
    .whereIn('m.team_id', knex('tessera.team_members as mine').select('mine.team_id').where('mine.user_id', viewer.id))
    .orderBy('m.user_id');
  return rows.length ? rows.map((r) => r.user_id) : [viewer.id];
}
