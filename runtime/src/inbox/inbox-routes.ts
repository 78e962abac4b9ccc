import type { Knex } from 'knex';
import type { AppMiddleware } from '../http/http-types';
import { notificationRoutes } from './notification-routes';
import { userDirectoryRoutes } from './user-directory-routes';

/** The signed-in user's own things the app's header and inbox read: notifications and the user directory. */
export function inboxRoutes(knex: Knex): AppMiddleware {
  const notifications = notificationRoutes(knex);
  const users = userDirectoryRoutes(knex);
  return (ctx, next) => notifications(ctx, () => users(ctx, next));
}
