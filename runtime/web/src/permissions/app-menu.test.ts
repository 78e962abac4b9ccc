import type { AppDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { canRead, hasDashboard, menuEntities, safeLanding } from './app-menu';

const entity = (name: string) => ({ 'x-name': name, 'x-plural': `${name}s`, properties: { status: { 'x-type': 'select', 'x-options': [{ value: 'a', label: { en: 'A' } }] } } });
const app = { entities: [entity('bid'), entity('customer'), entity('survey')] } as unknown as AppDefinition;
const caps: Capabilities = {
  admin: false, landing: '#/customers',
  entities: { customer: { actions: ['read'], scope: 'all', hidden: [], readOnly: [] }, survey: { actions: ['export'], scope: 'all', hidden: [], readOnly: [] } },
};

describe('app menu', () => {
  it('lists only the entities the user may read, in the app order', () => {
    expect(menuEntities(app, caps).map((e) => e['x-name'])).toEqual(['customer']);
    expect(menuEntities(app, undefined)).toEqual([]);
    expect([canRead(caps, 'customer'), canRead(caps, 'survey'), canRead(caps, 'bid')]).toEqual([true, false, false]);
  });

  it('has a dashboard when the server sent one, or a derived chart over a readable entity', () => {
    expect(hasDashboard({ ...app, dashboards: [{ name: 'd', label: { en: 'D' }, cards: [] }] } as unknown as AppDefinition, caps)).toBe(true);
    expect(hasDashboard({ ...app, dashboards: [] }, caps)).toBe(false);
    expect(hasDashboard(app, caps)).toBe(false); // the derived charts use the first entity (bid), which is not readable
    expect(hasDashboard({ entities: [entity('customer')] } as unknown as AppDefinition, caps)).toBe(true);
  });

  it('takes a landing route only if it is a hash route', () => {
    expect(['#/_dashboard', '#/customers', '#/_approvals'].map(safeLanding)).toEqual(['#/_dashboard', '#/customers', '#/_approvals']);
    expect([safeLanding('https://evil.example/'), safeLanding('javascript:alert(1)'), safeLanding(undefined)]).toEqual([undefined, undefined, undefined]);
  });
});
