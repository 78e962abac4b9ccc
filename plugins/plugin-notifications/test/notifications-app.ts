import type { AppDefinition } from '@tessera/metadata';

/** An example-like app: customers whose ACTIVATE notifies their owner over `channels`; RESET goes back. */
export function notificationsApp(channels: string[]): AppDefinition {
  return {
    name: 'notifications_test',
    label: { en: 'Notifications test', zh: '通知测试' },
    layouts: [],
    entities: [{
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer', zh: '客户' }, required: ['name'],
      properties: {
        name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name', zh: '名称' } },
        stage: { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': { en: 'Stage', zh: '阶段' }, 'x-options': ['prospect', 'active'].map((value) => ({ value, label: { en: value } })) },
      },
    }],
    workflows: [{
      name: 'customer_stage',
      entity: 'customer',
      stateField: 'stage',
      version: 1,
      machine: {
        initial: 'prospect',
        states: {
          prospect: {
            on: {
              ACTIVATE: {
                target: 'active',
                actions: [{
                  type: 'notify',
                  params: {
                    template: { en: 'Customer {{name}} is now active', zh: '客户 {{name}} 已激活' },
                    subject: { en: 'Customer activated', zh: '客户已激活' },
                    to: ['owner'],
                    channels,
                  },
                }],
              },
            },
          },
          active: { on: { RESET: { target: 'prospect' } } },
        },
      },
    }],
  };
}
