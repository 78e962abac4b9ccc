import type { AppDefinition, EntityDefinition } from '../index';
import { validateApp } from '../validation/validate-app';
import type { WorkflowDefinition, WorkflowStateConfig } from './workflow-types';

const plan = (): EntityDefinition => ({
  type: 'object',
  'x-name': 'plan',
  'x-plural': 'plans',
  'x-label': { en: 'Plan' },
  properties: {
    name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
    due_date: { 'x-id': 'f_due', 'x-type': 'date', 'x-label': { en: 'Due' } },
    deadline: { 'x-id': 'f_deadline', 'x-type': 'datetime', 'x-label': { en: 'Deadline' } },
    status: {
      'x-id': 'f_status',
      'x-type': 'select',
      'x-label': { en: 'Status' },
      'x-options': ['open', 'late', 'paid'].map((value) => ({ value, label: { en: value } })),
    },
  },
});

const workflow = (open: WorkflowStateConfig, late: WorkflowStateConfig = { on: { PAY: { target: 'paid' } } }): WorkflowDefinition => ({
  name: 'collect',
  entity: 'plan',
  stateField: 'status',
  machine: { initial: 'open', states: { open, late, paid: { type: 'final' } } },
});

const errorsOf = (wf: WorkflowDefinition) => {
  const app: AppDefinition = { name: 'dt', label: { en: 'DT' }, entities: [plan()], layouts: [], workflows: [wf] };
  const r = validateApp(app);
  return r.ok ? [] : r.errors.map(({ code, pointer, message, hint }) => ({ code, pointer, message, hint }));
};

describe('timers counted from a date field', () => {
  it('accepts a date or a datetime field', () => {
    expect(errorsOf(workflow({ on: { PAY: { target: 'paid' } }, after: { '86400000': { target: 'late', since: 'due_date' }, '60000': { target: 'late', since: 'deadline' } } }))).toEqual([]);
  });

  it('refuses a field that is missing or not a date, naming the date fields', () => {
    const errors = errorsOf(workflow({ on: { PAY: { target: 'paid' } }, after: { '86400000': { target: 'late', since: 'due' }, '1000': { target: 'late', since: 'name' } } }));
    // (integer-like keys come in numeric order)
    expect(errors.map((e) => [e.code, e.pointer])).toEqual([
      ['workflow-timer-date-invalid', '/workflows/0/machine/states/open/after/1000/since'],
      ['workflow-timer-date-invalid', '/workflows/0/machine/states/open/after/86400000/since'],
    ]);
    expect(errors[0].message).toContain('"text" field');
    expect(errors[1].message).toContain('"due", which entity "plan" does not have');
    expect(errors[1].hint).toBe('Date fields of entity "plan": due_date, deadline.');
  });

  it('refuses a date timer back to its own state, directly or through other date timers', () => {
    const self = errorsOf(workflow({ on: { PAY: { target: 'paid' }, LATE: { target: 'late' } }, after: { '86400000': { target: 'open', since: 'due_date' } } }));
    expect(self.map((e) => [e.code, e.pointer])).toEqual([['workflow-timer-date-invalid', '/workflows/0/machine/states/open/after/86400000/target']]);
    const loop = errorsOf(workflow(
      { on: { PAY: { target: 'paid' } }, after: { '86400000': { target: 'late', since: 'due_date' } } },
      { on: { PAY: { target: 'paid' } }, after: { '1000': { target: 'open', since: 'due_date' } } },
    ));
    expect(loop.map((e) => e.pointer).sort()).toEqual(['/workflows/0/machine/states/late/after/1000/target', '/workflows/0/machine/states/open/after/86400000/target']);
    // A state timer (no since) back is fine: it waits its delay after each entry.
    expect(errorsOf(workflow(
      { on: { PAY: { target: 'paid' } }, after: { '86400000': { target: 'late', since: 'due_date' } } },
      { on: { PAY: { target: 'paid' } }, after: { '604800000': { target: 'late' } } },
    ))).toEqual([]);
  });
});
