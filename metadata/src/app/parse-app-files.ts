/// <reference path="../json-source-map.d.ts" />
import { parse, type PointerLocations } from 'json-source-map';
import { isRecord } from '../validation/app-views';
import { pointerOf, splitPointer } from '../validation/json-pointer';
import { validateApp, type ValidateAppOptions } from '../validation/validate-app';
import type { MetadataError, ValidationResult } from '../validation/validation-types';
import type { AppDefinition, MetadataFile } from './app-types';
import { jsonSyntaxError } from './json-syntax-error';
import { textPosition } from './text-position';

interface ParsedFile {
  path: string;
  text: string;
  data: unknown;
  pointers: Record<string, PointerLocations>;
}

/** Which part of the assembled app came from which file. */
interface Origin {
  appPointer: string;
  file: ParsedFile;
}

const ENTITY_FILE = /^entities\/[^/]+\.entity\.json$/;
const LAYOUT_FILE = /^layouts\/[^/]+\.layout\.json$/;
// Issue 6: workflows live beside entities and layouts.
const WORKFLOW_FILE = /^workflows\/[^/]+\.workflow\.json$/;
// Issue 5: one file of role permissions beside app.json.
const PERMISSIONS_FILE = 'permissions.json';
// Issues 7 and 8: list/kanban views and dashboards.
const VIEW_FILE = /^views\/[^/]+\.view\.json$/;
const DASHBOARD_FILE = /^dashboards\/[^/]+\.dashboard\.json$/;
// Issue 21: metrics, which dashboards' metric cards name.
const METRIC_FILE = /^metrics\/[^/]+\.metric\.json$/;
/** Folders whose files must carry their suffix, with an example name for the hint. */
const SUFFIXED: [folder: string, suffix: string, example: string][] = [
  ['views', 'view', 'views/customer-all.view.json'],
  ['dashboards', 'dashboard', 'dashboards/sales.dashboard.json'],
  ['metrics', 'metric', 'metrics/win-rate.metric.json'],
];

const normalizePath = (p: string): string => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

function locate(error: MetadataError, origins: Origin[]): MetadataError {
  const segments = splitPointer(error.pointer);
  // The deepest origin wins: an entity file's errors belong to it, not to app.json.
  const origin = origins
    .filter((o) => {
      const prefix = splitPointer(o.appPointer);
      return prefix.every((s, i) => segments[i] === s);
    })
    .sort((a, b) => b.appPointer.length - a.appPointer.length)[0];
  if (!origin) return error;
  const rest = segments.slice(splitPointer(origin.appPointer).length);
  // A missing key has no place in the file; fall back to its nearest existing parent.
  for (let n = rest.length; n >= 0; n--) {
    const where = origin.file.pointers[pointerOf(...rest.slice(0, n))];
    if (!where) continue;
    const { line, column } = textPosition(origin.file.text, (where.key ?? where.value).pos);
    return { ...error, file: origin.file.path, line, column };
  }
  return { ...error, file: origin.file.path };
}

/**
 * Reads an app from its files (`app.json`, `entities/*.entity.json`, `layouts/*.layout.json`,
 * `workflows/*.workflow.json`, `views/*.view.json`, `dashboards/*.dashboard.json`, `metrics/*.metric.json`),
 * validates it, and reports each problem at its file, line and column.
 */
export function parseAppFiles(files: MetadataFile[], opts: ValidateAppOptions = {}): ValidationResult<AppDefinition> {
  const errors: MetadataError[] = [];
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const path = normalizePath(f.path);
    const isMetadata = path === 'app.json' || ENTITY_FILE.test(path) || LAYOUT_FILE.test(path) || WORKFLOW_FILE.test(path) || VIEW_FILE.test(path) || DASHBOARD_FILE.test(path) || METRIC_FILE.test(path) || path === PERMISSIONS_FILE;
    if (!isMetadata) {
      if (/^(entities|layouts)\//.test(path)) {
        const kind = path.startsWith('entities/') ? 'entity' : 'layout';
        errors.push({ pointer: '', code: 'unknown-file', message: `The file ${path} is not read: files in ${kind === 'entity' ? 'entities' : 'layouts'}/ must end in .${kind}.json.`, hint: `Rename it, e.g. ${kind === 'entity' ? 'entities/customer.entity.json' : 'layouts/customer-form.layout.json'}.`, file: path });
      }
      if (path.startsWith('workflows/')) {
        errors.push({ pointer: '', code: 'unknown-file', message: `The file ${path} is not read: files in workflows/ must end in .workflow.json.`, hint: 'Rename it, e.g. workflows/customer-lifecycle.workflow.json.', file: path });
      }
      for (const [folder, suffix, example] of SUFFIXED) {
        if (path.startsWith(`${folder}/`)) errors.push({ pointer: '', code: 'unknown-file', message: `The file ${path} is not read: files in ${folder}/ must end in .${suffix}.json.`, hint: `Rename it, e.g. ${example}.`, file: path });
      }
      continue;
    }
    const text = f.text.replace(/^\uFEFF/, '');
    try {
      const { data, pointers } = parse(text);
      parsed.push({ path, text, data, pointers });
    } catch (e) {
      errors.push(jsonSyntaxError(path, text, e));
    }
  }
  const appFile = parsed.find((p) => p.path === 'app.json');
  if (!appFile && !errors.some((e) => e.file === 'app.json')) {
    errors.push({ pointer: '', code: 'missing-app-file', message: 'The app has no app.json.', hint: 'Add app.json with the app\'s name and label, e.g. {"name": "crm", "label": {"en": "CRM", "zh": "客户关系管理"}}.', file: 'app.json' });
  }
  // Assembling around broken files would only add follow-on errors (e.g. a layout whose entity failed to parse).
  if (errors.length > 0 || !appFile) return { ok: false, errors };

  const byPath = (a: ParsedFile, b: ParsedFile) => a.path.localeCompare(b.path);
  const entityFiles = parsed.filter((p) => ENTITY_FILE.test(p.path)).sort(byPath);
  const layoutFiles = parsed.filter((p) => LAYOUT_FILE.test(p.path)).sort(byPath);
  const workflowFiles = parsed.filter((p) => WORKFLOW_FILE.test(p.path)).sort(byPath);
  const viewFiles = parsed.filter((p) => VIEW_FILE.test(p.path)).sort(byPath);
  const dashboardFiles = parsed.filter((p) => DASHBOARD_FILE.test(p.path)).sort(byPath);
  const metricFiles = parsed.filter((p) => METRIC_FILE.test(p.path)).sort(byPath);
  const base = isRecord(appFile.data) ? appFile.data : {};
  const inlineEntities = Array.isArray(base.entities) ? base.entities : [];
  const inlineLayouts = Array.isArray(base.layouts) ? base.layouts : [];
  const inlineWorkflows = Array.isArray(base.workflows) ? base.workflows : [];
  // `workflows` only appears when there are some, so apps without workflows read back unchanged.
  const workflows = [...inlineWorkflows, ...workflowFiles.map((f) => f.data)];
  // Likewise views and dashboards: absent unless the app has some.
  const inlineViews = Array.isArray(base.views) ? base.views : [];
  const inlineDashboards = Array.isArray(base.dashboards) ? base.dashboards : [];
  const views = [...inlineViews, ...viewFiles.map((f) => f.data)];
  const dashboards = [...inlineDashboards, ...dashboardFiles.map((f) => f.data)];
  const inlineMetrics = Array.isArray(base.metrics) ? base.metrics : [];
  const metrics = [...inlineMetrics, ...metricFiles.map((f) => f.data)];
  const permissionsFile = parsed.find((p) => p.path === PERMISSIONS_FILE);
  const app = isRecord(appFile.data)
    ? { ...base, ...(permissionsFile ? { permissions: permissionsFile.data } : {}), entities: [...inlineEntities, ...entityFiles.map((f) => f.data)], layouts: [...inlineLayouts, ...layoutFiles.map((f) => f.data)], ...(workflows.length > 0 ? { workflows } : {}), ...(views.length > 0 ? { views } : {}), ...(dashboards.length > 0 ? { dashboards } : {}), ...(metrics.length > 0 ? { metrics } : {}) }
    : appFile.data;
  const origins: Origin[] = [
    { appPointer: '', file: appFile },
    ...entityFiles.map((file, i) => ({ appPointer: pointerOf('entities', inlineEntities.length + i), file })),
    ...layoutFiles.map((file, i) => ({ appPointer: pointerOf('layouts', inlineLayouts.length + i), file })),
    ...workflowFiles.map((file, i) => ({ appPointer: pointerOf('workflows', inlineWorkflows.length + i), file })),
    ...viewFiles.map((file, i) => ({ appPointer: pointerOf('views', inlineViews.length + i), file })),
    ...dashboardFiles.map((file, i) => ({ appPointer: pointerOf('dashboards', inlineDashboards.length + i), file })),
    ...metricFiles.map((file, i) => ({ appPointer: pointerOf('metrics', inlineMetrics.length + i), file })),
    ...(permissionsFile ? [{ appPointer: pointerOf('permissions'), file: permissionsFile }] : []),
  ];
  const result = validateApp(app, opts);
  return result.ok ? result : { ok: false, errors: result.errors.map((e) => locate(e, origins)) };
}
