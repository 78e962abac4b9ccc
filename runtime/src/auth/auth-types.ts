/** The roles of DOMAIN.md. Role names are data (a user's `roles` text[]); these are the ones Tessera itself knows. */
export const KNOWN_ROLES = ['admin', 'sales_rep', 'sales_manager', 'service', 'marketing', 'management', 'partner'] as const;
export type KnownRole = (typeof KNOWN_ROLES)[number];

/** What an API token may do: `read` = GET only, `write` = also writes, `admin` = also admin endpoints (if the user is an admin). */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The signed-in user as the rest of the runtime sees it: never the password hash. */
export interface AuthUser {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  roles: string[];
  departmentId: string | null;
  managerId: string | null;
}

/** How the request proved who it is. Sessions need the CSRF header on writes; tokens carry scopes instead. */
export type AuthMethod =
  | { kind: 'session'; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; scopes: TokenScope[] };

/** A `tessera.users` row. */
export interface UserRow {
  id: string;
  username: string;
  email: string | null;
  display_name: string;
  password_hash: string;
  roles: string[];
  department_id: string | null;
  manager_id: string | null;
  is_active: boolean;
  failed_logins: number;
  locked_until: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export const AUTH_SCHEMA = 'tessera';
