import type { ReportRow, ReportSchedule } from './report-types';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : new Date(v as string).toISOString());

/** The schedule as the API shows it to whoever may change it, with its next and last slots. */
export function scheduleJson(r: ReportRow): (ReportSchedule & { nextAt: string | null; lastAt: string | null }) | null {
  if (!r.schedule_cron || !r.schedule_tz) return null;
  return { cron: r.schedule_cron, timeZone: r.schedule_tz, recipients: { roles: r.schedule_roles ?? [], users: r.schedule_users ?? [] }, nextAt: iso(r.schedule_next_at), lastAt: iso(r.schedule_last_at) };
}

/**
 * A saved report as the API gives it to `me`: the question, whether it is mine, whether I pinned
 * it; whom it is shared and sent to only when it is mine (that is the owner's business).
 */
export const reportJson = (r: ReportRow & { owner_name?: string; pinned_at?: unknown }, me: string) => ({
  id: r.id,
  name: r.name,
  label: r.label,
  entity: r.entity,
  ...r.definition,
  mine: r.user_id === me,
  ...(r.user_id === me ? { sharedWith: { roles: r.shared_roles, users: r.shared_users }, schedule: scheduleJson(r) } : r.owner_name ? { ownerName: r.owner_name } : {}),
  pinned: r.pinned_at !== null && r.pinned_at !== undefined,
  pinnedAt: iso(r.pinned_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
