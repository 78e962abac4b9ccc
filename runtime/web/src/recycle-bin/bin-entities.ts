import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';

/** The entities whose recycle bin this user may open: they keep deleted records and the user may delete them. */
export function binEntities(app: AppDefinition, caps: Capabilities | undefined): EntityDefinition[] {
  if (!caps) return [];
  return app.entities.filter((e) => e['x-soft-delete'] === true && (caps.admin || caps.entities[e['x-name']]?.actions.includes('delete')));
}
