import { definePlugin } from '@tessera/engine';
import { childRegions, regionPath } from './china-regions';
import { regionFieldType } from './region-field-type';

export { regionFieldType } from './region-field-type';
export { childRegions, isRegionCode, regionPath, type Region } from './china-regions';

const PARENT = /^[0-9]{2}(?:[0-9]{2})?$/;
const CODE = /^[0-9]{2}(?:[0-9]{2}){0,2}$/;
const error = (status: number, code: string, message: string, field: string) => ({
  status,
  body: { error: { code, message, details: [{ field, rule: status === 422 ? 'format' : 'exists', message }] } },
});

/**
 * The `region:cn` field type, and the routes its widget reads so the browser never loads the
 * division data: `GET regions?parent=<code>` (children; provinces without a parent) and
 * `GET regions/<code>` (the code's province → city → district path, for display).
 */
export const regionPlugin = definePlugin({
  name: '@tessera/plugin-region',
  version: '0.1.0',
  tessera: '^0.1.0',
  register(api) {
    api.fieldTypes.register(regionFieldType);
  },
  routes(router) {
    router.get('/regions', (ctx) => {
      const parent = ctx.query.parent ?? '';
      if (parent !== '' && !PARENT.test(parent)) return error(422, 'validation_failed', 'parent must be a province (2 digits) or city (4 digits) code', 'parent');
      const data = childRegions(parent);
      if (!data) return error(404, 'not_found', `No region with code "${parent}"`, 'parent');
      return { body: { data } };
    });
    router.get('/regions/:code', (ctx) => {
      const { code } = ctx.params;
      if (!CODE.test(code)) return error(422, 'validation_failed', 'code must be a region code of 2, 4 or 6 digits', 'code');
      const path = regionPath(code);
      if (!path) return error(404, 'not_found', `No region with code "${code}"`, 'code');
      return { body: { data: { code, name: path.map((r) => r.name).join(' '), path } } };
    });
  },
});

export default regionPlugin;
