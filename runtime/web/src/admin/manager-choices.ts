import type { AdminUser } from './admin-api';

type Person = Pick<AdminUser, 'id' | 'managerId'>;

/**
 * The users who may become `userId`'s manager: everyone but the user and the people who report
 * to them, directly or further down (the API refuses those with 422 `cycle`). No `userId` (a new
 * user): everyone. A loop already in the data cannot make this spin: each id is visited once.
 */
export function managerChoices<U extends Person>(users: readonly U[], userId?: string): U[] {
  if (!userId) return [...users];
  const below = new Set([userId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of users) {
      if (u.managerId && below.has(u.managerId) && !below.has(u.id)) {
        below.add(u.id);
        grew = true;
      }
    }
  }
  return users.filter((u) => !below.has(u.id));
}
