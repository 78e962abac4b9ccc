import type { Knex } from 'knex';
import type { UserRow } from '../auth/auth-types';
import { rowToAuthUser } from '../auth/create-user-store';
import { isHttpError } from '../errors/http-error';
import { nextSlot } from '../jobs/cron-slots';
import type { AppState } from '../meta/compile-app-state';
import type { NotifyPayload } from '../notifications/notify-row';
import { entityNamed } from '../views/validate-saved-view';
import { reportForViewer } from './report-for-viewer';
import { notRunnableMessage, reportMessage } from './report-message';
import type { ReportLocale } from './report-text';
import type { ReportRow } from './report-types';
import { measureLabel } from './report-value-labels';

/** Notifications of a scheduled report name this instead of an entity; `recordId` is the report's id. */
export const REPORT_NOTE_ENTITY = '_report';
/** Reports claimed per transaction: each holds its row lock while its recipients' numbers are computed. */
const BATCH = 10;

export interface SendScheduledDeps {
  knex: Knex;
  state: AppState;
  /** The channels a message goes out on, read in the sending transaction: in-app, and email when it is set up. */
  channels(db: Knex.Transaction): Promise<string[]>;
  logger: Pick<Console, 'error'>;
}

export interface SendOutcome {
  reports: number;
  messages: number;
  failed: number;
}

/** Active users holding one of the roles or named, with their language. */
type Recipient = Pick<UserRow, 'id' | 'username' | 'email' | 'display_name' | 'roles' | 'department_id' | 'manager_id'> & { locale: string | null };

async function recipientsOf(db: Knex.Transaction, row: ReportRow): Promise<Recipient[]> {
  return db('tessera.users')
    .where('is_active', true)
    .where((w) => void w.whereIn('id', row.schedule_users ?? []).orWhereRaw('roles && ?::text[]', [row.schedule_roles ?? []]))
    .orderBy('id')
    .select('id', 'username', 'email', 'display_name', 'roles', 'department_id', 'manager_id', 'locale');
}

/**
 * One message per recipient: the report run AS THEM (their scope, their hidden fields, ADR 0049)
 * at the send's clock, in their language. Someone the report cannot be shown to is told so.
 */
async function messagesOf(db: Knex.Transaction, state: AppState, row: ReportRow, now: Date): Promise<Omit<NotifyPayload, 'channels'>[]> {
  const entity = entityNamed(state, row.entity);
  const out: Omit<NotifyPayload, 'channels'>[] = [];
  for (const user of await recipientsOf(db, row)) {
    const viewer = rowToAuthUser(user as unknown as UserRow);
    const locale: ReportLocale = user.locale === 'zh' ? 'zh' : 'en';
    let text = notRunnableMessage(row.label, locale);
    if (entity) {
      try {
        const table = await reportForViewer(db, state, entity, viewer, row.definition, locale, { now, transaction: true });
        text = reportMessage({ label: row.label, measure: measureLabel(entity.entity, row.definition.measures[0] ?? 'count', locale), range: row.definition.range?.period, table, locale });
      } catch (err) {
        if (!isHttpError(err)) throw err;
      }
    }
    out.push({ to: [viewer.id], subject: text.subject, body: text.body, entity: REPORT_NOTE_ENTITY, recordId: row.id });
  }
  return out;
}

/** The slot after `now`, or null (the schedule stops) when its cron no longer parses. */
function following(row: ReportRow, now: Date, logger: Pick<Console, 'error'>): Date | null {
  try {
    return nextSlot(row.schedule_cron!, row.schedule_tz!, now);
  } catch (err) {
    logger.error(`Scheduled report ${row.id}: its schedule "${row.schedule_cron}" (${row.schedule_tz}) no longer parses and was stopped: ${(err as Error).message}`);
    return null;
  }
}

/**
 * Sends every scheduled report due at `now`: claims a batch with FOR UPDATE SKIP LOCKED, writes
 * one `notify` outbox row per recipient and moves each report's next slot past `now`, all in
 * one transaction — so a slot is sent exactly once however many processes sweep at once, and
 * a crash mid-way sends nothing and leaves the slot due. Slots missed while no process ran are
 * sent once, not once per missed slot. A report that fails is logged and skipped to its next
 * slot (a broken one must not be retried every minute).
 */
export async function sendScheduledReports(deps: SendScheduledDeps, now: Date): Promise<SendOutcome> {
  const { knex, state, logger } = deps;
  const total: SendOutcome = { reports: 0, messages: 0, failed: 0 };
  for (;;) {
    const batch = await knex.transaction(async (trx) => {
      const rows: ReportRow[] = await trx('tessera.saved_reports')
        .whereNotNull('schedule_next_at').andWhere('schedule_next_at', '<=', now)
        .orderBy('schedule_next_at').limit(BATCH).forUpdate().skipLocked();
      if (rows.length === 0) return undefined;
      const channels = await deps.channels(trx);
      const outcome: SendOutcome = { reports: rows.length, messages: 0, failed: 0 };
      for (const row of rows) {
        try {
          // A savepoint: a report that fails takes back only its own rows.
          const notes = await trx.transaction(async (sp) => {
            const messages = await messagesOf(sp, state, row, now);
            if (messages.length) await sp('tessera.outbox').insert(messages.map((m) => ({ kind: 'notify', payload: JSON.stringify({ ...m, channels }) })));
            return messages.length;
          });
          outcome.messages += notes;
        } catch (err) {
          outcome.failed += 1;
          logger.error(`Scheduled report ${row.id} ("${row.label}") could not be sent: ${(err as Error).message}`, err);
        }
        await trx('tessera.saved_reports').where({ id: row.id }).update({ schedule_next_at: following(row, now, logger), schedule_last_at: row.schedule_next_at });
      }
      return outcome;
    });
    if (!batch) return total;
    total.reports += batch.reports;
    total.messages += batch.messages;
    total.failed += batch.failed;
  }
}
