/**
 * A notify action's `to` as the picker shows it. The runtime resolves each entry
 * (runtime notifications' expand-recipients): the record's `owner` / `creator`, their managers
 * (`owner.manager`, `creator.manager`), everyone holding a role (`role:<name>`), and a user by
 * username (or id, as older drafts hold).
 */
export const RELATIONS = ['owner', 'owner.manager', 'creator', 'creator.manager'] as const;
export type Relation = (typeof RELATIONS)[number];

const ROLE = 'role:';
export const roleToken = (role: string) => `${ROLE}${role}`;

export interface RecipientParts {
  relations: Relation[];
  roles: string[];
  /** Usernames, or user ids kept from older drafts. */
  users: string[];
}

export function recipientParts(to: readonly string[]): RecipientParts {
  const parts: RecipientParts = { relations: [], roles: [], users: [] };
  for (const entry of to) {
    if ((RELATIONS as readonly string[]).includes(entry)) parts.relations.push(entry as Relation);
    else if (entry.startsWith(ROLE)) parts.roles.push(entry.slice(ROLE.length));
    else parts.users.push(entry);
  }
  return parts;
}

/** Adds or removes one entry, keeping the others in their order and never twice. */
export function toggleRecipient(to: readonly string[], entry: string, on: boolean): string[] {
  const rest = to.filter((e) => e !== entry);
  return on ? [...rest, entry] : rest;
}
