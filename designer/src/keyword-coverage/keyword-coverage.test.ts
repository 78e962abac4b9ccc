// The editor modules are loaded for their declared keyword lists only; their ESM-only UI
// libraries (rjsf, the workflow canvas) never render here.
jest.mock('@rjsf/core', () => ({ __esModule: true, default: () => null }));
jest.mock('@rjsf/validator-ajv8', () => ({ __esModule: true, default: {} }));
jest.mock('@xyflow/react', () => ({ __esModule: true }));

import { builtinFieldTypes, type JsonSchema } from '@tessera/engine';
import { controlFor } from '../inspector/keyword-controls';
import { HAND_MADE_KEYWORDS, typeKeywordSchema } from '../inspector/type-keyword-schema';
import { EDITOR_KEYWORDS, KEYWORD_EXCEPTIONS } from './editor-keywords';
import { metaSchemaKeywordPaths, reaches } from './meta-schema-keywords';

const paths = metaSchemaKeywordPaths();
const declared = Object.entries(EDITOR_KEYWORDS).flatMap(([editor, list]) => list.map((path) => ({ editor, path })));
/** An exception wins over an editor whose path merely contains the keyword. */
const excepted = (path: string) => Object.keys(KEYWORD_EXCEPTIONS).some((e) => reaches(e, path));
const editorsOf = (path: string) => declared.filter((d) => reaches(d.path, path)).map((d) => d.editor);
/** Reached by an editor, or a container (`workflow.machine`) whose every keyword is reached or excepted. */
function reached(path: string): boolean {
  if (editorsOf(path).length) return true;
  const inner = paths.filter((p) => p !== path && reaches(path, p));
  return inner.length > 0 && inner.every((p) => excepted(p) || reached(p));
}

describe('every metadata keyword has a designer editor (issue 17)', () => {
  it('walks all eight meta-schemas', () => {
    for (const root of ['app', 'entity', 'field', 'layout', 'view', 'dashboard', 'permission', 'workflow']) {
      expect(paths.some((p) => p.startsWith(`${root}.`))).toBe(true);
    }
    expect(paths).toEqual(expect.arrayContaining(['entity.x-indexes[].unique', 'field.x-file.maxSize', 'workflow.machine.states.*.approval.summary']));
  });

  it('reaches each keyword from some editor, or names why not', () => {
    const unreached = paths.filter((p) => !excepted(p) && !reached(p));
    expect(unreached).toEqual([]);
  });

  it('declares only keywords that exist, and exceptions that still apply', () => {
    expect(declared.filter((d) => !paths.some((p) => reaches(d.path, p))).map((d) => `${d.editor}: ${d.path}`)).toEqual([]);
    expect(Object.keys(KEYWORD_EXCEPTIONS).filter((e) => !paths.includes(e))).toEqual([]);
    for (const reason of Object.values(KEYWORD_EXCEPTIONS)) expect(reason.length).toBeGreaterThan(20);
  });

  it.each(builtinFieldTypes.map((t) => [t.name, t]))('renders every keyword of the %s type', (_name, type) => {
    const schema = typeKeywordSchema(type);
    for (const [keyword, child] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const reached = HAND_MADE_KEYWORDS.has(keyword)
        ? editorsOf(`field.${keyword}`).some((e) => e === 'inspector/field-editor' || e === 'inspector/field-inspector')
        : controlFor(child) !== undefined;
      expect([keyword, reached]).toEqual([keyword, true]);
    }
  });

  // These were exceptions ("a follow-up") until their editors came; a container such as
  // `entity.x-pool` would reach them anyway, so each must be named by the editor that edits it.
  it.each([
    ['field.x-personal', 'inspector/field-editor'], ['field.x-personal', 'inspector/field-inspector'],
    ['view.startField', 'views/calendar-settings'], ['view.endField', 'views/calendar-settings'], ['view.titleField', 'views/calendar-settings'],
    ['workflow.machine.states.*.lock', 'workflow/lock-editor'], ['field.x-relation.onTransfer', 'inspector/field-editor'],
    ['entity.x-pool.activity', 'entity/pool-editor'], ['entity.x-pool.claimPeriodDays', 'entity/pool-editor'], ['layout.public', 'public-form/public-form-editor'],
  ])('names %s in %s, and excepts it no more', (path, editor) => {
    expect(EDITOR_KEYWORDS[editor]).toContain(path);
    expect(excepted(path)).toBe(false);
  });

  it('fails for a keyword nobody edits', () => {
    expect(excepted('entity.x-brand-new') || editorsOf('entity.x-brand-new').length > 0).toBe(false);
    expect(controlFor({ type: 'array', items: { type: 'object' } })).toBeUndefined();
  });
});
