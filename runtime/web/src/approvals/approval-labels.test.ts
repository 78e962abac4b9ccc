import type { AppDefinition } from '@tessera/metadata';
import { rejectTo, returnTargets, stepLabel } from './approval-labels';

const app = {
  workflows: [{
    entity: 'quote',
    machine: { states: { draft: {}, pending: { approval: { steps: [{ id: 'manager', label: { en: 'Sales manager', zh: '销售经理' } }, { id: 'cfo' }] } } } },
  }],
} as unknown as AppDefinition;

describe('approval labels', () => {
  it('labels steps from the workflow metadata, falling back to the id', () => {
    expect(stepLabel(app, 'quote', 'manager', 'zh')).toBe('销售经理');
    expect(stepLabel(app, 'quote', 'manager', 'en')).toBe('Sales manager');
    expect(stepLabel(app, 'quote', 'cfo', 'en')).toBe('cfo');
    expect(stepLabel(app, 'order', 'manager', 'en')).toBe('manager');
  });

  it('offers end, submitter and only the steps before the current one as reject targets', () => {
    const steps = [{ id: 'a', mode: 'any', approvers: [] }, { id: 'b', mode: 'any', approvers: [] }, { id: 'c', mode: 'any', approvers: [] }];
    expect(returnTargets({ step: 'c', steps }).map(rejectTo)).toEqual([undefined, 'submitter', 'a', 'b']);
    expect(returnTargets({ step: 'a', steps }).map(rejectTo)).toEqual([undefined, 'submitter']);
    expect(returnTargets(undefined)).toHaveLength(2);
  });
});
