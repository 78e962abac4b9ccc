import type { EntityDefinition } from '@tessera/metadata';
import knexFactory from 'knex';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';

// Shared by the query tests: a customer, its contacts (many-to-one), and a deal two hops away.
export const customer: EntityDefinition = {
  type: 'object',
  'x-name': 'customer',
  'x-plural': 'customers',
  'x-label': { en: 'Customer' },
  properties: {
    name: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 200 },
    industry: {
      'x-id': 'f2',
      'x-type': 'select',
      'x-label': { en: 'Industry' },
      'x-options': [
        { value: 'it', label: { en: 'IT' } },
        { value: 'finance', label: { en: 'Finance' } },
      ],
    },
    annual_revenue: { 'x-id': 'f3', 'x-type': 'currency', 'x-label': { en: 'Revenue' } },
    employees: { 'x-id': 'f4', 'x-type': 'number', 'x-label': { en: 'Employees' } },
    founded: { 'x-id': 'f5', 'x-type': 'date', 'x-label': { en: 'Founded' } },
    active: { 'x-id': 'f6', 'x-type': 'boolean', 'x-label': { en: 'Active' } },
    email: { 'x-id': 'f7', 'x-type': 'email', 'x-label': { en: 'Email' } },
    notes: { 'x-id': 'f8', 'x-type': 'richtext', 'x-label': { en: 'Notes' } },
    tags: {
      'x-id': 'f9',
      'x-type': 'multiselect',
      'x-label': { en: 'Tags' },
      'x-options': [
        { value: 'vip', label: { en: 'VIP' } },
        { value: 'new', label: { en: 'New' } },
      ],
    },
    score: { 'x-id': 'f10', 'x-type': 'formula', 'x-label': { en: 'Score' }, 'x-formula': 'employees * 2', 'x-formula-type': 'number' },
  },
};

export const contact: EntityDefinition = {
  type: 'object',
  'x-name': 'contact',
  'x-plural': 'contacts',
  'x-label': { en: 'Contact' },
  properties: {
    full_name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name' } },
    customer: { 'x-id': 'c2', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
};

export const deal: EntityDefinition = {
  type: 'object',
  'x-name': 'deal',
  'x-plural': 'deals',
  'x-label': { en: 'Deal' },
  properties: {
    title: { 'x-id': 'd1', 'x-type': 'text', 'x-label': { en: 'Title' } },
    contact: { 'x-id': 'd2', 'x-type': 'relation', 'x-label': { en: 'Contact' }, 'x-relation': { entity: 'contact', kind: 'many-to-one' } },
    amount: { 'x-id': 'd3', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
    closed_at: { 'x-id': 'd4', 'x-type': 'datetime', 'x-label': { en: 'Closed' } },
  },
};

export const entities = [customer, contact, deal];
export const registry = createFieldTypeRegistry();
/** A knex that only compiles: no connection is ever opened. */
export const knex = knexFactory({ client: 'pg' });
export const target = (entity: EntityDefinition) => ({ schema: 'app_t', table: entity['x-name'], entity });

// To-many paths: projects with labels (many-to-many) and tasks (declared one-to-many); both
// targets are soft-deleted, so paths through them must skip deleted rows.
export const label: EntityDefinition = {
  type: 'object',
  'x-name': 'label',
  'x-plural': 'labels',
  'x-label': { en: 'Label' },
  'x-soft-delete': true,
  properties: { title: { 'x-id': 'l1', 'x-type': 'text', 'x-label': { en: 'Title' } } },
};

export const project: EntityDefinition = {
  type: 'object',
  'x-name': 'project',
  'x-plural': 'projects',
  'x-label': { en: 'Project' },
  properties: {
    name: { 'x-id': 'p1', 'x-type': 'text', 'x-label': { en: 'Name' } },
    labels: { 'x-id': 'p2', 'x-type': 'relation', 'x-label': { en: 'Labels' }, 'x-relation': { entity: 'label', kind: 'many-to-many' } },
    tasks: { 'x-id': 'p3', 'x-type': 'relation', 'x-label': { en: 'Tasks' }, 'x-relation': { entity: 'task', kind: 'one-to-many', field: 'project' } },
    lead: { 'x-id': 'p4', 'x-type': 'user', 'x-label': { en: 'Lead' } },
  },
};

export const task: EntityDefinition = {
  type: 'object',
  'x-name': 'task',
  'x-plural': 'tasks',
  'x-label': { en: 'Task' },
  'x-soft-delete': true,
  properties: {
    title: { 'x-id': 't1', 'x-type': 'text', 'x-label': { en: 'Title' } },
    secret: { 'x-id': 't2', 'x-type': 'text', 'x-label': { en: 'Secret' } },
    project: { 'x-id': 't3', 'x-type': 'relation', 'x-label': { en: 'Project' }, 'x-relation': { entity: 'project', kind: 'many-to-one' } },
  },
};

export const toManyEntities = [customer, contact, deal, label, project, task];
