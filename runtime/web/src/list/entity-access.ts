import type { PermissionAction } from '@tessera/metadata';
import type { EntityCapabilities } from '../api/capabilities-api';

/** What the signed-in user may do with one entity, as the server's capabilities say (the server checks again). */
export interface ClientAccess {
  can: (action: PermissionAction) => boolean;
  /** Fields the user may change (not hidden, not read-only). */
  writable: (field: string) => boolean;
}

const NOTHING: ClientAccess = { can: () => false, writable: () => false };

/**
 * One entity's capabilities (`GET /api/_meta/capabilities`) as checks: nothing is allowed
 * until they are known, so no button shows that the server would refuse.
 */
export function entityAccess(caps: EntityCapabilities | undefined): ClientAccess {
  if (!caps) return NOTHING;
  const actions = new Set(caps.actions);
  const locked = new Set([...caps.hidden, ...caps.readOnly]);
  return { can: (action) => actions.has(action), writable: (field) => !locked.has(field) };
}
