import type { ApprovalAction } from '@tessera/engine';
import type { ErrorDetail } from '../errors/http-error';
import { validationFailed } from '../errors/http-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const APPROVAL_ACTIONS = ['approve', 'reject', 'delegate', 'add-signer', 'withdraw'] as const;
export type ApprovalVerb = (typeof APPROVAL_ACTIONS)[number];

const ALLOWED: Record<ApprovalVerb, string[]> = {
  approve: ['comment', 'attachments'],
  reject: ['comment', 'attachments', 'to'],
  delegate: ['comment', 'attachments', 'to'],
  'add-signer': ['comment', 'attachments', 'users', 'position'],
  withdraw: ['comment', 'attachments'],
};

/** Checks an action body, every problem at once; the engine checks what depends on the chain. */
export function parseApprovalBody(verb: ApprovalVerb, body: unknown, actor: string): Exclude<ApprovalAction, { type: 'escalate' }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationFailed([{ field: '', rule: 'type', message: 'must be a JSON object' }]);
  const b = body as Record<string, unknown>;
  const errors: ErrorDetail[] = [];
  for (const key of Object.keys(b)) if (!ALLOWED[verb].includes(key)) errors.push({ field: key, rule: 'unknown-field', message: `is not a field of ${verb}` });
  if (b.comment !== undefined && (typeof b.comment !== 'string' || b.comment.length > 4000)) errors.push({ field: 'comment', rule: 'type', message: 'must be a string of at most 4000 characters' });
  if (b.attachments !== undefined && !(Array.isArray(b.attachments) && b.attachments.length <= 20 && b.attachments.every((a) => typeof a === 'string' && UUID.test(a)))) errors.push({ field: 'attachments', rule: 'type', message: 'must be at most 20 file ids from POST /api/files?purpose=approval' });
  if (verb === 'reject' && b.to !== undefined && (typeof b.to !== 'string' || b.to.length === 0)) errors.push({ field: 'to', rule: 'type', message: 'must be "submitter" or a step id' });
  if (verb === 'delegate' && !(typeof b.to === 'string' && UUID.test(b.to))) errors.push({ field: 'to', rule: b.to === undefined ? 'required' : 'format', message: 'must be the id of a user' });
  if (verb === 'add-signer') {
    if (!(Array.isArray(b.users) && b.users.length > 0 && b.users.length <= 20 && b.users.every((u) => typeof u === 'string' && UUID.test(u)))) errors.push({ field: 'users', rule: b.users === undefined ? 'required' : 'type', message: 'must be 1 to 20 user ids' });
    if (b.position !== 'before' && b.position !== 'after') errors.push({ field: 'position', rule: b.position === undefined ? 'required' : 'enum', message: 'must be "before" or "after"' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  const said = { ...(typeof b.comment === 'string' ? { comment: b.comment } : {}), ...(Array.isArray(b.attachments) ? { attachments: [...new Set((b.attachments as string[]).map((a) => a.toLowerCase()))] } : {}) };
  switch (verb) {
    case 'approve': return { type: 'approve', actor, ...said };
    case 'withdraw': return { type: 'withdraw', actor, ...said };
    case 'reject': return { type: 'reject', actor, ...said, ...(typeof b.to === 'string' ? { to: b.to } : {}) };
    case 'delegate': return { type: 'delegate', actor, to: (b.to as string).toLowerCase(), ...said };
    case 'add-signer': return { type: 'add-signer', actor, users: (b.users as string[]).map((u) => u.toLowerCase()), position: b.position as 'before' | 'after', ...said };
  }
}
