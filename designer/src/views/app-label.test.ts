import type { AppDefinition } from '@tessera/metadata';
import { setAppLabel } from './app-label';

const app = { name: 'crm', label: { en: 'CRM' }, entities: [], layouts: [] } as unknown as AppDefinition;

describe('app label', () => {
  it('sets the app label, English never empty', () => {
    expect(setAppLabel(app, { en: 'Service desk', zh: '服务台' }).label).toEqual({ en: 'Service desk', zh: '服务台' });
    expect(setAppLabel(app, { en: ' ', zh: '服务台' }).label).toEqual({ en: 'crm', zh: '服务台' });
  });
});
