import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { notFound } from '../errors/http-error';
import type { ReportRow } from './report-types';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type VisibleReport = ReportRow & { owner_name: string; pinned_at: unknown };

/**
 * Reports the user may open: their own, those shared with them by name or by one of their
 * roles, and those scheduled to them (a report sent to someone is shared with them, ADR 0054) —
 * each with its owner's name and when the user pinned it, if they did.
 */
export const visibleTo = (knex: Knex, user: AuthUser) =>
  knex('tessera.saved_reports as r').join('tessera.users as u', 'u.id', 'r.user_id')
    .leftJoin('tessera.report_pins as p', (j) => void j.on('p.report_id', 'r.id').andOn('p.user_id', knex.raw('?', [user.id])))
    .where((w) => void w.where('r.user_id', user.id)
      .orWhereRaw('r.shared_users @> array[?]::uuid[]', [user.id])
      .orWhereRaw('r.shared_roles && ?::text[]', [user.roles])
      .orWhereRaw('r.schedule_users @> array[?]::uuid[]', [user.id])
      .orWhereRaw('r.schedule_roles && ?::text[]', [user.roles]))
    .select('r.*', 'u.display_name as owner_name', 'p.pinned_at');

/** One report the user may open, or 404 (another user's private report reads as absent). */
export async function visibleReport(knex: Knex, user: AuthUser, rawId: string): Promise<VisibleReport> {
  const row: VisibleReport | undefined = UUID.test(rawId) ? await visibleTo(knex, user).andWhere('r.id', rawId.toLowerCase()).first() : undefined;
  if (!row) throw notFound('No such report shared with you');
  return row;
}

/** Mine only, in the WHERE: another user's id reads as absent. */
export async function ownReport(knex: Knex, user: AuthUser, rawId: string): Promise<ReportRow> {
  const row = UUID.test(rawId) ? await knex('tessera.saved_reports').where({ id: rawId.toLowerCase(), user_id: user.id }).first() : undefined;
  if (!row) throw notFound('No such report of yours');
  return row;
}
