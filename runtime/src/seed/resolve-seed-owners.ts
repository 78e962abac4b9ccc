import type { Knex } from 'knex';
import type { SeedOwners } from './seed-types';

interface UserRow { id: string; username: string; display_name: string; roles: string[] }

/**
 * Owners by role from the users that exist (the demo users on the example). With no sales
 * rep (an admin-only install) every record goes to the first admin, so the seed still runs.
 */
export async function resolveSeedOwners(knex: Knex): Promise<{ owners: SeedOwners; manager: string }> {
  const users = (await knex.withSchema('tessera').table('users').select('id', 'username', 'display_name', 'roles').where({ is_active: true }).orderBy('username')) as UserRow[];
  if (users.length === 0) throw new Error('No users exist yet; start the app once (it creates the demo users) before seeding');
  const withRole = (role: string) => users.filter((u) => u.roles.includes(role));
  const admin = withRole('admin')[0] ?? users[0];
  const reps = withRole('sales_rep');
  const manager = withRole('sales_manager')[0] ?? admin;
  const partner = withRole('partner')[0];
  const service = withRole('service')[0] ?? admin;
  const marketing = withRole('marketing')[0];
  const sales: Array<[string, number]> = reps.length > 0 ? reps.map((u) => [u.id, 80 / reps.length]) : [[admin.id, 80]];
  sales.push([manager.id, 10], [admin.id, 5]);
  if (partner) sales.push([partner.id, 5]);
  const leads: Array<[string, number]> = [...sales.slice(0, Math.max(1, reps.length)).map(([id]) => [id, 20] as [string, number]), ...(marketing ? [[marketing.id, 40] as [string, number]] : [])];
  const targets = (reps.length > 0 ? [...reps, manager] : [admin]).map((u) => ({ id: u.id, name: u.display_name }));
  return { owners: { sales, leads, service: service.id, targets }, manager: manager.id };
}
