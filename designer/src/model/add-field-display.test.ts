import type { AppDefinition } from '@tessera/metadata';
import { addEntity } from './add-entity';
import { addField } from './add-field';

const empty: AppDefinition = { name: 'crm', label: { en: 'CRM' }, entities: [], layouts: [] };
const text = (name: string) => ({ type: 'text', name, label: { en: name }, required: false });

describe('addField: the display field', () => {
  it('makes the first text field the display field of an entity that has none', () => {
    let app = addEntity(empty, { label: { en: 'Bid' }, name: 'bid', plural: 'bids' }, 'r');
    app = addField(app, 'bid', { type: 'currency', name: 'amount', label: { en: 'Amount' }, required: false });
    app = addField(app, 'bid', text('title'));
    app = addField(app, 'bid', text('client'));
    expect(app.entities[0]['x-display-field']).toBe('title');
  });

  it('leaves an entity with a name field (the default title) alone', () => {
    let app = addEntity(empty, { label: { en: 'Lot' }, name: 'lot', plural: 'lots' }, 'r');
    app = addField(app, 'lot', text('name'));
    app = addField(app, 'lot', text('code'));
    expect(app.entities[0]).not.toHaveProperty('x-display-field');
  });
});
