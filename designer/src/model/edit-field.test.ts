import type { AppDefinition } from '@tessera/metadata';
import { addEntity, checkEntityNames, pluralize } from './add-entity';
import { diffApps } from './diff-apps';
import { pushDraft, redoDraft, startHistory, undoDraft } from './draft-history';
import { deleteField, patchField, renameField } from './edit-field';

const app = (): AppDefinition => ({
  name: 'crm',
  label: { en: 'CRM' },
  entities: [{ type: 'object', 'x-name': 'bid', 'x-plural': 'bids', 'x-label': { en: 'Bid' }, 'x-display-field': 'amount', required: ['amount'],
    properties: { title: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'Title' } }, amount: { 'x-id': 'f2', 'x-type': 'currency', 'x-label': { en: 'Amount' } } } }],
  layouts: [{ name: 'bid_form', kind: 'form', entity: 'bid', sections: [{ id: 'main', label: { en: 'Main' }, fields: ['title', 'amount'] }] }],
});

describe('renameField', () => {
  it('renames everywhere and keeps the id, so the diff is a rename', () => {
    const next = renameField(app(), 'bid', 'amount', 'bid_amount');
    const bid = next.entities[0];
    expect(Object.keys(bid.properties)).toEqual(['title', 'bid_amount']);
    expect(bid.properties.bid_amount['x-id']).toBe('f2');
    expect(bid.required).toEqual(['bid_amount']);
    expect(bid['x-display-field']).toBe('bid_amount');
    expect(next.layouts[0].sections[0].fields).toEqual(['title', 'bid_amount']);
    expect(diffApps(app(), next)).toEqual([{ change: 'renamed', entity: 'bid', field: 'bid_amount', detail: 'amount → bid_amount' }]);
  });
});

describe('patchField and deleteField', () => {
  it('patches flags and required, keeping the id', () => {
    const next = patchField(app(), 'bid', 'title', { field: { 'x-id': 'other', 'x-type': 'text', 'x-label': { en: 'T' }, 'x-unique': true }, required: true });
    expect(next.entities[0].properties.title).toEqual({ 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'T' }, 'x-unique': true });
    expect(next.entities[0].required).toEqual(['amount', 'title']);
    expect(diffApps(app(), next)).toEqual([{ change: 'changed', entity: 'bid', field: 'title', detail: 'x-label, x-unique, required' }]);
  });
  it('deletes a field and its references', () => {
    const next = deleteField(app(), 'bid', 'amount');
    expect(next.entities[0].required).toBeUndefined();
    expect(next.entities[0]['x-display-field']).toBeUndefined();
    expect(next.layouts[0].sections[0].fields).toEqual(['title']);
  });
});

describe('addEntity', () => {
  it('pluralizes and checks names', () => {
    expect(['bid', 'company', 'box'].map(pluralize)).toEqual(['bids', 'companies', 'boxes']);
    expect(checkEntityNames(app(), 'bid', 'bids')).toEqual({ name: 'taken', plural: 'taken' });
    expect(checkEntityNames(app(), 'quote', 'quote')).toEqual({ name: null, plural: 'plural-taken' });
  });
  it('adds an empty entity with a form layout', () => {
    const next = addEntity(app(), { label: { en: 'Quote' }, name: 'quote', plural: 'quotes' }, 'abc123');
    expect(next.entities[1]).toMatchObject({ 'x-id': 'ent_quote_abc123', 'x-name': 'quote', properties: {} });
    expect(next.layouts[1]).toMatchObject({ entity: 'quote', sections: [{ id: 'main', fields: [] }] });
  });
});

describe('draft history', () => {
  it('undoes and redoes, and a new edit drops the redo branch', () => {
    const a = app();
    const b = renameField(a, 'bid', 'title', 'name');
    const c = deleteField(b, 'bid', 'amount');
    let h = pushDraft(pushDraft(startHistory(a), b), c);
    h = undoDraft(h);
    expect(h.present).toBe(b);
    expect(redoDraft(h).present).toBe(c);
    h = pushDraft(undoDraft(h), c);
    expect(h.future).toEqual([]);
    expect(undoDraft(h).present).toBe(a);
  });
});
