import { handledBy } from '../http/handled-by';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import { adminDepartmentRoutes } from './admin-department-routes';
import { adminOrgRoutes } from './admin-org-routes';
import { adminUserRoutes } from './admin-user-routes';
import type { AuthDeps } from './auth-deps';

/** User and organisation administration: administrators only. */
export function adminRoutes(deps: AuthDeps): RouteDeclaration[] {
  const users = handledBy(adminUserRoutes(deps));
  const org = handledBy(adminOrgRoutes(deps));
  const departments = handledBy(adminDepartmentRoutes(deps));
  return defineRoutes([
    { method: 'GET', path: '/api/admin/users', action: 'admin', summary: 'Users', handler: users },
    { method: 'POST', path: '/api/admin/users', action: 'admin', summary: 'Create a user', handler: users },
    { method: 'GET', path: '/api/admin/users/:id', action: 'admin', summary: 'One user', handler: users },
    { method: 'PATCH', path: '/api/admin/users/:id', action: 'admin', summary: "Change a user's roles, department, manager, activity or password", handler: users },
    { method: 'DELETE', path: '/api/admin/users/:id/sessions', action: 'admin', summary: "End a user's sessions", handler: users },
    { method: 'GET', path: '/api/admin/departments', action: 'admin', summary: 'The department tree', handler: org },
    { method: 'POST', path: '/api/admin/departments', action: 'admin', summary: 'Add a department', handler: org },
    { method: 'PATCH', path: '/api/admin/departments/:id', action: 'admin', summary: 'Rename or move a department', handler: departments },
    { method: 'DELETE', path: '/api/admin/departments/:id', action: 'admin', summary: 'Remove an empty department', handler: departments },
    { method: 'GET', path: '/api/admin/teams', action: 'admin', summary: 'Teams and their members', handler: org },
    { method: 'POST', path: '/api/admin/teams', action: 'admin', summary: 'Add a team', handler: org },
    { method: 'DELETE', path: '/api/admin/teams/:id', action: 'admin', summary: 'Remove a team', handler: org },
    { method: 'POST', path: '/api/admin/teams/:id/members', action: 'admin', summary: 'Add a member to a team', handler: org },
    { method: 'DELETE', path: '/api/admin/teams/:id/members/:userId', action: 'admin', summary: 'Take a member off a team', handler: org },
  ]);
}
