import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_FIELD_TYPES } from '../validation/builtin-field-types';
import type { MetadataError } from '../validation/validation-types';
import type { MetadataFile } from './app-types';
import { appPluginNames, appPluginSettings } from './app-plugins';
import { formatMetadataError } from './format-metadata-error';
import { parseAppFiles } from './parse-app-files';

const exampleDir = join(__dirname, '../../../examples/crm');

function exampleFiles(): MetadataFile[] {
  const paths = ['app.json', ...readdirSync(join(exampleDir, 'entities')).map((f) => `entities/${f}`), ...readdirSync(join(exampleDir, 'layouts')).map((f) => `layouts/${f}`), ...readdirSync(join(exampleDir, 'workflows')).map((f) => `workflows/${f}`), ...['views', 'dashboards', 'metrics'].flatMap((dir) => readdirSync(join(exampleDir, dir)).map((f) => `${dir}/${f}`))];
  return paths.map((path) => ({ path, text: readFileSync(join(exampleDir, path), 'utf8') }));
}

// As the engine's registry describes them: a rating is a number (the customer's satisfaction averages it).
const withPlugin = { fieldTypes: [...BUILTIN_FIELD_TYPES, { name: 'rating:stars', numeric: true }, { name: 'region:cn' }] };

const customer = `{
  "type": "object",
  "x-name": "customer",
  "x-plural": "customers",
  "x-label": { "en": "Customer" },
  "properties": {
    "name": { "x-id": "fld_customer_name", "x-type": "text", "x-label": { "en": "Name" } },
    "industry": {
      "x-id": "fld_customer_industry",
      "x-type": "select",
      "x-label": { "en": "Industry" }
    }
  }
}
`;
const appJson = '{ "name": "crm", "label": { "en": "CRM" } }';

describe('parseAppFiles', () => {
  it('assembles and validates the example CRM with no errors', () => {
    const result = parseAppFiles(exampleFiles(), withPlugin);
    if (!result.ok) throw new Error(result.errors.map(formatMetadataError).join('\n'));
    expect(result.value.name).toBe('crm');
    // Names, or { name, settings } with initial settings (ADR 0024).
    expect(appPluginNames(result.value.plugins)).toEqual(['@tessera/plugin-rating', '@tessera/plugin-region', '@tessera/plugin-dedup', '@tessera/plugin-lead-scoring', '@tessera/plugin-notifications']);
    expect(appPluginSettings(result.value.plugins).get('@tessera/plugin-dedup')).toMatchObject({ entities: { customer: { fields: ['name', 'phone', 'email'] }, contact: { fields: ['phone', 'email'] } } });
    expect(result.value.entities.map((e) => e['x-name'])).toEqual(['bid', 'contact', 'contract', 'credit_grant', 'credit_request', 'customer', 'follow_up', 'lead', 'opportunity', 'order', 'payment_plan', 'payment', 'quote', 'sales_target', 'survey', 'ticket', 'transfer_request']);
    expect(result.value.layouts.map((l) => l.name)).toEqual(['bid-form', 'contact-form', 'contract-form', 'credit-grant-form', 'credit-request-form', 'customer-agent-form', 'customer-distributor-form', 'customer-form', 'follow-up-form', 'lead-form', 'opportunity-form', 'order-form', 'payment-form', 'payment-plan-form', 'sales-target-form', 'survey-form', 'ticket-form', 'transfer-request-form', 'web-lead']);
    // The CRM's metrics (issue 21), and the dashboards that show them: Sales stays the first tab.
    expect(result.value.metrics?.map((m) => m.name)).toEqual(['average_deal_size', 'churn_rate', 'customer_lifetime_value', 'deal_cycle', 'lead_conversion', 'payment_collection', 'satisfaction', 'target_achievement', 'win_rate']);
    expect(result.value.dashboards?.map((d) => [d.name, d.metrics?.length])).toEqual([['sales', 2], ['steering', 11]]);
  });

  it('passes the field types through: without the plugin, its type is unknown', () => {
    const result = parseAppFiles(exampleFiles());
    expect(result.ok ? [] : result.errors).toMatchObject([
      { code: 'unknown-field-type', file: 'entities/customer.entity.json', pointer: '/entities/5/properties/address_region/x-type' },
      { code: 'unknown-field-type', file: 'entities/customer.entity.json', pointer: '/entities/5/properties/territory/x-type' },
      { code: 'unknown-field-type', file: 'entities/survey.entity.json', pointer: '/entities/14/properties/score/x-type' },
      // Unknown, the rating is not known to be a number either.
      { code: 'rollup-invalid', file: 'entities/customer.entity.json', pointer: '/entities/5/properties/satisfaction/x-rollup/field' },
    ]);
  });

  it('maps a validation error back to its file, line and column', () => {
    const result = parseAppFiles([
      { path: 'app.json', text: appJson },
      { path: 'entities/customer.entity.json', text: customer },
    ]);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        pointer: '/entities/0/properties/industry',
        code: 'select-without-options',
        message: 'The select field "industry" of entity "customer" has no options.',
        hint: 'Add at least one option under x-options, e.g. [{"value":"it","label":{"en":"IT"}}].',
        file: 'entities/customer.entity.json',
        line: 8,
        column: 5,
      },
    ]);
    expect(formatMetadataError((result as { ok: false; errors: MetadataError[] }).errors[0])).toBe(
      'entities/customer.entity.json:8:5 select-without-options: The select field "industry" of entity "customer" has no options. (Add at least one option under x-options, e.g. [{"value":"it","label":{"en":"IT"}}].)',
    );
  });

  it('points at the exact key for nested errors and at app.json for app errors', () => {
    const result = parseAppFiles([
      { path: 'app.json', text: '{\n  "name": "My CRM",\n  "label": { "en": "CRM" }\n}' },
      { path: './entities/customer.entity.json', text: customer.replace('"x-type": "text"', '"x-type": "txt"') },
      { path: 'layouts/customer-form.layout.json', text: '{\n  "name": "customer-form",\n  "kind": "form",\n  "entity": "customer",\n  "sections": [\n    { "id": "basic", "label": { "en": "Basic" }, "fields": ["name", "phone"] }\n  ]\n}' },
    ]);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([
      { code: 'invalid-identifier', file: 'app.json', line: 2, column: 3 },
      { code: 'unknown-field-type', file: 'entities/customer.entity.json', line: 7, column: 44 },
      { code: 'select-without-options', file: 'entities/customer.entity.json', line: 8, column: 5 },
      { code: 'layout-field-missing', file: 'layouts/customer-form.layout.json', line: 6, column: 69 },
    ]);
  });

  it('reports malformed JSON with file, line, column and what went wrong', () => {
    const result = parseAppFiles([
      { path: 'app.json', text: appJson },
      { path: 'entities/a.entity.json', text: '{\n  "type": "object",\n  "x-name": "a",\n}\n' },
      { path: 'entities/b.entity.json', text: '{\n  "type": "object"\n  "x-name": "b"\n}' },
      { path: 'entities/c.entity.json', text: '{\n  x-name: "c"\n}' },
      { path: 'layouts/d.layout.json', text: '{ "name": "d", "sections": [' },
    ]);
    expect(result.ok ? [] : result.errors).toEqual([
      { pointer: '', code: 'invalid-json', file: 'entities/a.entity.json', line: 3, column: 16, message: 'entities/a.entity.json is not valid JSON: There is a comma before "}" with nothing after it.', hint: 'Remove the comma after the last item: JSON does not allow trailing commas.' },
      { pointer: '', code: 'invalid-json', file: 'entities/b.entity.json', line: 3, column: 3, message: 'entities/b.entity.json is not valid JSON: A comma is missing between two items.', hint: 'Add a comma before this key or text.' },
      { pointer: '', code: 'invalid-json', file: 'entities/c.entity.json', line: 2, column: 3, message: 'entities/c.entity.json is not valid JSON: A key is not in double quotes.', hint: expect.any(String) },
      { pointer: '', code: 'invalid-json', file: 'layouts/d.layout.json', line: 1, column: 29, message: 'layouts/d.layout.json is not valid JSON: The file ends too early.', hint: expect.any(String) },
    ]);
  });

  it('reports a missing app.json and misnamed metadata files, and ignores other files', () => {
    const result = parseAppFiles([
      { path: 'entities/customer.json', text: customer },
      { path: 'seed/customers.json', text: '[]' },
    ]);
    expect(result.ok ? [] : result.errors).toMatchObject([
      { code: 'unknown-file', file: 'entities/customer.json' },
      { code: 'missing-app-file', file: 'app.json' },
    ]);
  });

  it('reads views and dashboards from their folders and reports their errors at file, line and column', () => {
    const good = { path: 'entities/customer.entity.json', text: customer.replace('"x-label": { "en": "Industry" }', '"x-label": { "en": "Industry" }, "x-options": [{ "value": "it", "label": { "en": "IT" } }]') };
    const view = '{\n  "name": "all",\n  "entity": "customer",\n  "label": { "en": "All" },\n  "kind": "list",\n  "columns": ["name", "industy"]\n}\n';
    const dashboard = '{ "name": "sales", "label": { "en": "Sales" },\n  "cards": [{ "id": "a", "title": { "en": "A" }, "entity": "customer", "chart": "bar", "measure": "sum:name", "group": "industry" }] }';
    const result = parseAppFiles([
      { path: 'app.json', text: appJson },
      good,
      { path: 'views/all.view.json', text: view },
      { path: 'dashboards/sales.dashboard.json', text: dashboard },
      { path: 'views/misnamed.json', text: '{}' },
    ]);
    expect(result.ok ? [] : result.errors).toMatchObject([{ code: 'unknown-file', file: 'views/misnamed.json' }]);
    const checked = parseAppFiles([{ path: 'app.json', text: appJson }, good, { path: 'views/all.view.json', text: view }, { path: 'dashboards/sales.dashboard.json', text: dashboard }]);
    expect(checked.ok ? [] : checked.errors.map((e) => [e.code, e.file, e.line, e.column])).toEqual([
      ['view-field-missing', 'views/all.view.json', 6, 23],
      ['card-measure-invalid', 'dashboards/sales.dashboard.json', 2, 88],
    ]);
    const fixed = parseAppFiles([{ path: 'app.json', text: appJson }, good, { path: 'views/all.view.json', text: view.replace('industy', 'industry') }]);
    expect(fixed.ok && fixed.value.views?.map((v) => v.name)).toEqual(['all']);
    expect(fixed.ok && 'dashboards' in fixed.value).toBe(false);
  });
});
