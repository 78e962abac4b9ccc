import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { cellValue, referenceFields, richTextWords, userIdsOf, type CellContext } from './cell-value';
import { keepExpanded } from './keep-expanded';
import { withExpand } from './with-expand';

const customer = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, 'x-display-field': 'name', properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } },
  },
} as unknown as EntityDefinition;
const followUp = {
  type: 'object', 'x-name': 'follow_up', 'x-plural': 'follow_ups', 'x-label': { en: 'Follow-up' }, 'x-display-field': 'subject', properties: {
    subject: { 'x-id': 's', 'x-type': 'text', 'x-label': { en: 'Subject' } },
    customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    tags: { 'x-id': 't', 'x-type': 'relation', 'x-label': { en: 'Tags' }, 'x-relation': { entity: 'tag', kind: 'many-to-many' } },
    assignee: { 'x-id': 'a', 'x-type': 'user', 'x-label': { en: 'Assignee' } },
    done: { 'x-id': 'd', 'x-type': 'boolean', 'x-label': { en: 'Done' } },
  },
} as unknown as EntityDefinition;
const U1 = '11111111-1111-4111-8111-111111111111';
const U2 = '22222222-2222-4222-8222-222222222222';
const ctx: CellContext = { locale: 'en', yesNo: ['Yes', 'No'], entities: [customer, followUp], users: { [U1]: 'Li Lei' } };
const field = (name: string) => followUp.properties[name];

describe('cellValue', () => {
  it('shows an expanded many-to-one by the target\'s display field and links to its page', () => {
    expect(cellValue('customer', field('customer'), { id: 'c 1', name: 'Acme Ltd.' }, ctx)).toEqual({ text: 'Acme Ltd.', href: '#/customers/c%201' });
  });

  it('keeps the id (still a link) when the relation came back unexpanded, and the id when the display field is empty', () => {
    expect(cellValue('customer', field('customer'), 'c1', ctx)).toEqual({ text: 'c1', href: '#/customers/c1' });
    expect(cellValue('customer', field('customer'), { id: 'c1', name: '' }, ctx)).toEqual({ text: 'c1', href: '#/customers/c1' });
    expect(cellValue('customer', field('customer'), null, ctx)).toEqual({ text: '' });
  });

  it('names users by the directory, for user fields and the system owner column, and keeps an unknown id', () => {
    expect(cellValue('assignee', field('assignee'), U1, ctx)).toEqual({ text: 'Li Lei' });
    expect(cellValue('owner', undefined, U1, ctx)).toEqual({ text: 'Li Lei' });
    expect(cellValue('assignee', field('assignee'), U2, ctx)).toEqual({ text: U2 });
  });

  it('formats other fields as before', () => {
    expect(cellValue('done', field('done'), true, ctx)).toEqual({ text: 'Yes' });
    expect(cellValue('subject', field('subject'), 'Call', ctx)).toEqual({ text: 'Call' });
  });
});

describe('what a page asks for', () => {
  it('expands the many-to-one columns and names the user columns', () => {
    expect(referenceFields(followUp, ['subject', 'customer', 'tags', 'assignee', 'owner', 'customer'])).toEqual({ expand: ['customer'], users: ['assignee', 'owner'] });
  });

  it('collects each user id of a page once, skipping non-ids (the directory takes UUIDs only)', () => {
    const rows = [{ assignee: U2, owner: U1 }, { assignee: U1, owner: 'not-a-uuid' }, { assignee: null }];
    expect(userIdsOf(rows, ['assignee', 'owner'])).toEqual([U1, U2]);
  });

  it('gives rich text its stored HTML (shown sanitized) and its words as the text', () => {
    const notes = { 'x-id': 'n', 'x-type': 'richtext', 'x-label': { en: 'Notes' } } as FieldDefinition;
    const html = '<p>Rich <b>sample</b> &amp; more</p><ul><li>one</li></ul>';
    expect(cellValue('notes', notes, html, ctx)).toEqual({ text: 'Rich sample & more one', html });
    expect(richTextWords('<p>a&lt;b&gt;&nbsp;c</p><img src=x onerror=alert(1)>')).toBe('a<b> c');
    expect(cellValue('notes', notes, null, ctx)).toEqual({ text: '' });
  });

  it('adds relations to a query\'s expand once', () => {
    expect(withExpand('limit=20&expand=customer', ['customer', 'contact'])).toBe('limit=20&expand=customer%2Ccontact');
    expect(withExpand('limit=20', [])).toBe('limit=20');
  });

  it('keeps the expanded records of a card after a write whose answer has ids', () => {
    const before = { id: 'o1', customer: { id: 'c1', name: 'Acme' }, lead: { id: 'l1', name: 'Old' }, stage: 'qualification' };
    expect(keepExpanded(before, { id: 'o1', customer: 'c1', lead: 'l2', stage: 'needs_analysis' }))
      .toEqual({ id: 'o1', customer: { id: 'c1', name: 'Acme' }, lead: 'l2', stage: 'needs_analysis' });
  });
});
