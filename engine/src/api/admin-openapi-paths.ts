import type { JsonSchema } from '../field-types/field-type-types';
import { errorResponses, json, param, ref } from './openapi-components';

const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: 'object', required, properties });
/** A request body: keys outside `properties` are 422 `unknown-field`, never ignored. */
const input = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', required, properties, additionalProperties: false });
const data = (schema: JsonSchema) => obj({ data: schema });
const op = (operationId: string, summary: string, tag: string, rest: Record<string, unknown>) => ({ operationId, summary, tags: [tag], ...rest });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });
const body = (schema: JsonSchema, example?: unknown) => ({ required: true, ...json(schema, example) });
const uuid: JsonSchema = { type: 'string', format: 'uuid' };
const idOrNull = (description: string): JsonSchema => ({ type: ['string', 'null'], format: 'uuid', description });
const at: JsonSchema = { type: 'string', format: 'date-time' };

/** An error answer with its own example, for codes the shared responses do not show (409 department_not_empty, 422 cycle). */
const errorWith = (description: string, code: string, message: string, details?: unknown[]) => ({
  description,
  ...json(ref('Error'), { error: { code, message, ...(details ? { details } : {}) } }),
});

const adminUser = obj({
  id: uuid,
  username: { type: 'string', description: 'The stable sign-in name (lower-case)' },
  email: { type: ['string', 'null'] },
  displayName: { type: 'string' },
  roles: { type: 'array', items: { type: 'string' } },
  departmentId: { type: ['string', 'null'], format: 'uuid' },
  managerId: { type: ['string', 'null'], format: 'uuid' },
  isActive: { type: 'boolean' },
  lockedUntil: { type: ['string', 'null'], format: 'date-time', description: 'Set while locked out after repeated failed sign-ins' },
  createdAt: at,
  updatedAt: at,
});
const userFields: Record<string, JsonSchema> = {
  email: { type: ['string', 'null'], format: 'email', description: 'Stored lower-case; unique (409)' },
  displayName: { type: ['string', 'null'], maxLength: 200, description: 'Defaults to the username' },
  roles: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' }, description: 'Role names, e.g. admin, sales_rep, sales_manager' },
  departmentId: idOrNull('An existing department (else 422 relation)'),
  managerId: idOrNull('An existing user (else 422 relation)'),
  isActive: { type: 'boolean', description: 'false signs the user out everywhere and blocks sign-in' },
};
const password = (description: string): JsonSchema => ({ type: 'string', minLength: 10, maxLength: 1024, description });
const newUser = input({
  username: { type: 'string', description: '2–63 letters, digits, ".", "_" or "-", starting with a letter or digit; stored trimmed and lower-case; unique (409)' },
  password: password('At least 10 characters; stored only as an argon2id hash'),
  ...userFields,
}, ['username', 'password']);
const userPatch = input({
  password: password("An admin's reset: the user's sessions end and a lockout is lifted"),
  ...userFields,
  managerId: idOrNull('An existing user; one who reports to this user (directly or through others), or the user itself, is 422 cycle'),
});

const department = obj({ id: uuid, name: { type: 'string' }, parentId: { type: ['string', 'null'], format: 'uuid' } });
const departmentName: JsonSchema = { type: 'string', minLength: 1, maxLength: 200, description: 'Stored trimmed; not blank' };
const team = obj({
  id: uuid,
  name: { type: 'string' },
  departmentId: { type: ['string', 'null'], format: 'uuid' },
  members: { type: 'array', items: obj({ userId: uuid, isLead: { type: 'boolean' } }) },
});

const departmentNotEmpty = errorWith('The department still has sub-departments or users; move them first', 'department_not_empty', '"Sales" still has 1 sub-department(s) and 3 user(s); move them first');
const userCycle = errorWith(
  'Validation failed (details name each field and rule); rule cycle at managerId: the user would (indirectly) manage themselves',
  'validation_failed',
  'managerId: this user already manages that user (directly or through others): the reporting line would be a loop',
  [{ field: 'managerId', rule: 'cycle', message: 'this user already manages that user (directly or through others): the reporting line would be a loop' }],
);
const departmentCycle = errorWith(
  'Validation failed (details name each field and rule); rule cycle at parentId: a department cannot move under itself or its own sub-departments',
  'validation_failed',
  'parentId: cannot be the department itself or one of its sub-departments',
  [{ field: 'parentId', rule: 'cycle', message: 'cannot be the department itself or one of its sub-departments' }],
);

/**
 * User administration and the org tree (departments, teams and their members): runtime/src/auth/admin-*-routes.ts.
 * Every route needs the admin role (403 otherwise) and, with an API token, the admin scope.
 */
export function adminOpenApiPaths(): Record<string, JsonSchema> {
  const A = 'Admin';
  const userId = path('id', 'User id (a malformed id names no user: 404)');
  const departmentId = path('id', 'Department id');
  const teamId = path('id', 'Team id');
  return {
    '/api/admin/users': {
      get: op('adminListUsers', 'Every user, active or not, by username (admin)', A, {
        responses: { '200': { description: 'Users', ...json(data({ type: 'array', items: adminUser })) }, ...errorResponses([401, 403]) },
      }),
      post: op('adminCreateUser', 'Create a user (admin)', A, {
        parameters: [param('CsrfToken')],
        requestBody: body(newUser, { username: 'wang.wei', password: 'correct horse battery', displayName: 'Wang Wei', roles: ['sales_rep'], departmentId: null }),
        responses: { '201': { description: 'The user', ...json(data(adminUser)) }, ...errorResponses([400, 401, 403, 409, 413, 415, 422]) },
      }),
    },
    '/api/admin/users/{id}': {
      parameters: [userId],
      get: op('adminGetUser', 'One user (admin)', A, { responses: { '200': { description: 'The user', ...json(data(adminUser)) }, ...errorResponses([401, 403, 404]) } }),
      patch: op('adminUpdateUser', 'Change roles, active, department, manager, email, display name, or reset the password (admin); the username stays', A, {
        parameters: [param('CsrfToken')],
        requestBody: body(userPatch, { roles: ['sales_manager'], managerId: null }),
        responses: { '200': { description: 'The user', ...json(data(adminUser)) }, ...errorResponses([400, 401, 403, 404, 409, 413, 415]), '422': userCycle },
      }),
    },
    '/api/admin/users/{id}/sessions': {
      parameters: [userId],
      delete: op('adminRevokeUserSessions', "End all of a user's sessions (admin)", A, { parameters: [param('CsrfToken')], responses: { '204': { description: 'Signed out everywhere' }, ...errorResponses([401, 403, 404]) } }),
    },
    '/api/admin/departments': {
      get: op('adminListDepartments', 'Every department, by name (admin)', A, {
        responses: { '200': { description: 'Departments', ...json(data({ type: 'array', items: department })) }, ...errorResponses([401, 403]) },
      }),
      post: op('adminCreateDepartment', 'Create a department, optionally under a parent (admin)', A, {
        parameters: [param('CsrfToken')],
        requestBody: body(input({ name: departmentName, parentId: idOrNull('An existing department (else 422 relation)') }, ['name']), { name: 'Sales East', parentId: null }),
        responses: { '201': { description: 'The department', ...json(data(department)) }, ...errorResponses([400, 401, 403, 413, 415, 422]) },
      }),
    },
    '/api/admin/departments/{id}': {
      parameters: [departmentId],
      patch: op('adminUpdateDepartment', 'Rename or move a department; department scopes follow at once (admin)', A, {
        parameters: [param('CsrfToken')],
        requestBody: body(input({ name: departmentName, parentId: idOrNull('The new parent (null: top level); not the department itself or one of its sub-departments (422 cycle)') }), { parentId: null }),
        responses: { '200': { description: 'The department', ...json(data(department)) }, ...errorResponses([400, 401, 403, 404, 413, 415]), '422': departmentCycle },
      }),
      delete: op('adminDeleteDepartment', 'Delete a department with no sub-departments and no users (admin)', A, {
        parameters: [param('CsrfToken')],
        responses: { '204': { description: 'Deleted' }, ...errorResponses([401, 403, 404]), '409': departmentNotEmpty },
      }),
    },
    '/api/admin/teams': {
      get: op('adminListTeams', 'Every team with its members, by name (admin)', A, {
        responses: { '200': { description: 'Teams', ...json(data({ type: 'array', items: team })) }, ...errorResponses([401, 403]) },
      }),
      post: op('adminCreateTeam', 'Create a team, optionally in a department (admin)', A, {
        parameters: [param('CsrfToken')],
        requestBody: body(input({ name: { ...departmentName, description: 'Stored trimmed; not blank; unique (409)' }, departmentId: idOrNull('An existing department (else 422 relation)') }, ['name']), { name: 'Key accounts', departmentId: null }),
        responses: { '201': { description: 'The team (no members yet)', ...json(data(team)) }, ...errorResponses([400, 401, 403, 409, 413, 415, 422]) },
      }),
    },
    '/api/admin/teams/{id}': {
      parameters: [teamId],
      delete: op('adminDeleteTeam', 'Delete a team; its memberships and the record shares made to it go with it (audited as team.delete) (admin)', A, {
        parameters: [param('CsrfToken')],
        responses: { '204': { description: 'Deleted' }, ...errorResponses([401, 403, 404]) },
      }),
    },
    '/api/admin/teams/{id}/members': {
      parameters: [teamId],
      post: op('adminAddTeamMember', "Add a user to a team, or change an existing member's lead flag (admin)", A, {
        parameters: [param('CsrfToken')],
        requestBody: body(input({ userId: { ...uuid, description: 'An existing user (else 422 relation)' }, isLead: { type: 'boolean', description: 'Default false' } }, ['userId']), { userId: '9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d', isLead: true }),
        responses: { '201': { description: 'The team with its members', ...json(data(team)) }, ...errorResponses([400, 401, 403, 404, 413, 415, 422]) },
      }),
    },
    '/api/admin/teams/{id}/members/{userId}': {
      parameters: [teamId, path('userId', 'The member (404 when not a member of the team)')],
      delete: op('adminRemoveTeamMember', 'Remove a user from a team (admin)', A, {
        parameters: [param('CsrfToken')],
        responses: { '204': { description: 'Removed' }, ...errorResponses([401, 403, 404]) },
      }),
    },
  };
}
