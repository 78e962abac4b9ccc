import { requestJson } from '../api/request-json';

/** A user as `/api/admin/users` shows it (never the password hash). */
export interface AdminUser {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  roles: string[];
  departmentId: string | null;
  managerId: string | null;
  isActive: boolean;
  lockedUntil: string | null;
}
export interface Department {
  id: string;
  name: string;
  parentId: string | null;
}
export interface Team {
  id: string;
  name: string;
  departmentId: string | null;
  members: { userId: string; isLead: boolean }[];
}
export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  email?: string;
  roles: string[];
  departmentId: string | null;
  managerId: string | null;
}
export type UserPatch = Partial<Pick<AdminUser, 'email' | 'displayName' | 'roles' | 'departmentId' | 'managerId' | 'isActive'>> & { password?: string };

const data = async <T>(p: Promise<{ data: T }>) => (await p).data;
const path = (...parts: string[]) => `/api/admin/${parts.map(encodeURIComponent).join('/')}`;

/** The admin API (runtime/src/auth/admin-*-routes.ts); every call needs the admin role. */
export const adminApi = {
  users: () => data(requestJson<{ data: AdminUser[] }>(path('users'))),
  createUser: (body: NewUser) => data(requestJson<{ data: AdminUser }>(path('users'), { method: 'POST', body })),
  updateUser: (id: string, body: UserPatch) => data(requestJson<{ data: AdminUser }>(path('users', id), { method: 'PATCH', body })),
  departments: () => data(requestJson<{ data: Department[] }>(path('departments'))),
  createDepartment: (name: string, parentId: string | null) => data(requestJson<{ data: Department }>(path('departments'), { method: 'POST', body: { name, parentId } })),
  updateDepartment: (id: string, body: { name?: string; parentId?: string | null }) => data(requestJson<{ data: Department }>(path('departments', id), { method: 'PATCH', body })),
  deleteDepartment: (id: string) => requestJson<void>(path('departments', id), { method: 'DELETE' }),
  teams: () => data(requestJson<{ data: Team[] }>(path('teams'))),
  createTeam: (name: string, departmentId: string | null) => data(requestJson<{ data: Team }>(path('teams'), { method: 'POST', body: { name, departmentId } })),
  deleteTeam: (id: string) => requestJson<void>(path('teams', id), { method: 'DELETE' }),
  addMember: (teamId: string, userId: string, isLead: boolean) => data(requestJson<{ data: Team }>(path('teams', teamId, 'members'), { method: 'POST', body: { userId, isLead } })),
  removeMember: (teamId: string, userId: string) => requestJson<void>(path('teams', teamId, 'members', userId), { method: 'DELETE' }),
};
