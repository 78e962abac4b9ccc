import type { Knex } from 'knex';
import { handledBy } from '../http/handled-by';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import { notificationRoutes } from './notification-routes';
import { userDirectoryRoutes } from './user-directory-routes';

/** The signed-in user's own things the app's header and inbox read: notifications and the user directory. */
export function inboxRoutes(knex: Knex): RouteDeclaration[] {
  const notifications = handledBy(notificationRoutes(knex));
  const users = handledBy(userDirectoryRoutes(knex));
  return defineRoutes([
    { method: 'GET', path: '/api/notifications', action: 'signed-in', summary: 'Your notifications (newest first)', handler: notifications },
    { method: 'POST', path: '/api/notifications/read-all', action: 'signed-in', summary: 'Mark all your notifications read', handler: notifications },
    { method: 'POST', path: '/api/notifications/:id/read', action: 'signed-in', summary: 'Mark one notification read', handler: notifications },
    { method: 'GET', path: '/api/_users', action: 'signed-in', summary: 'Find active users by name (for pickers)', handler: users },
  ]);
}
