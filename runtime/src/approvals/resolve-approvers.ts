import { approverUnion } from '@tessera/engine';
import { approverRuleParts, type ApproverLeafRule, type ApproverRule } from '@tessera/metadata';
import type { Knex } from 'knex';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RuleContext = { record: Record<string, unknown>; submitter: string };

/**
 * The active users a rule names, as ids, in a stable order (sequential steps follow it). An
 * `any` rule is the union of its rules' users, each once, in the rules' order (ADR 0055).
 */
export async function resolveApprovers(db: Knex | Knex.Transaction, rule: ApproverRule, ctx: RuleContext): Promise<string[]> {
  const lists: string[][] = [];
  // One rule after another: a transaction runs its queries on one connection anyway.
  for (const part of approverRuleParts(rule)) lists.push(await resolvePlainRule(db, part.rule, ctx));
  return approverUnion(lists);
}

async function resolvePlainRule(db: Knex | Knex.Transaction, rule: ApproverLeafRule, ctx: RuleContext): Promise<string[]> {
  switch (rule.kind) {
    case 'role': {
      const rows = await db('tessera.users').where('is_active', true).whereRaw('roles && ?::text[]', [rule.roles]).orderBy('username').select('id');
      return rows.map((r) => r.id as string);
    }
    case 'manager': {
      // Walk up the chain one level at a time; stop at the top or at a cycle.
      const chain: string[] = [];
      let current = ctx.submitter;
      for (let level = 0; level < (rule.levels ?? 1); level++) {
        const row = await db('tessera.users').where({ id: current }).first('manager_id');
        const manager = row?.manager_id as string | null | undefined;
        if (!manager || chain.includes(manager) || manager === ctx.submitter) break;
        chain.push(manager);
        current = manager;
      }
      return activeIds(db, chain);
    }
    case 'field': {
      const value = ctx.record[rule.field];
      const ids = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && UUID.test(v));
      return activeIds(db, ids);
    }
    case 'users':
      return activeIds(db, rule.users);
  }
}

/** Ids or usernames → active user ids, keeping the given order. */
export async function activeIds(db: Knex | Knex.Transaction, idsOrNames: string[]): Promise<string[]> {
  if (idsOrNames.length === 0) return [];
  const ids = idsOrNames.filter((v) => UUID.test(v));
  const names = idsOrNames.filter((v) => !UUID.test(v));
  const rows = await db('tessera.users').where('is_active', true).where((q) => {
    if (ids.length) q.orWhereIn('id', ids);
    if (names.length) q.orWhereIn('username', names);
  }).select('id', 'username');
  const byKey = new Map<string, string>();
  for (const r of rows) {
    byKey.set(String(r.id), String(r.id));
    byKey.set(String(r.username), String(r.id));
  }
  return [...new Set(idsOrNames.map((v) => byKey.get(UUID.test(v) ? v.toLowerCase() : v)).filter((v): v is string => !!v))];
}

/** Standing delegations in force at `now`, for the given users: user → delegate. */
export async function delegationsFor(db: Knex | Knex.Transaction, users: string[], now: string): Promise<Record<string, string>> {
  if (users.length === 0) return {};
  const rows = await db('tessera.approval_delegations').whereIn('user_id', users).where('starts_at', '<=', now).where('ends_at', '>', now).orderBy('created_at', 'desc').select('user_id', 'delegate_id');
  const out: Record<string, string> = {};
  for (const r of rows) out[r.user_id as string] ??= r.delegate_id as string; // the newest wins
  return out;
}
