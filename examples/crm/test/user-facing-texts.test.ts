/**
 * Issue 18: what end users read never speaks developer. Every user-facing string of the example
 * app's metadata (entity and field labels, descriptions and help, option labels, section and
 * view titles, workflow event labels, approval steps, notification texts, reminder and rule
 * messages) and every string of the end-user app's i18n files, in English and Chinese, is free
 * of file paths, package names, ADR numbers, HTTP verbs followed by a path, and raw UUIDs. Notes for
 * developers belong in `$comment`, which no screen shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { webMessagesEn as en, webMessagesZh as zh } from '@tessera/runtime/web-data';

const exampleDir = path.resolve(__dirname, '..');

/** Keys whose value (a string, or `{ en, zh }`) is shown to end users. */
const USER_KEYS = new Set(['label', 'x-label', 'x-label-plural', 'description', 'title', 'subject', 'template', 'message', 'help', 'x-help', 'placeholder', 'body']);

const PROBLEMS: [string, RegExp][] = [
  ['a file path', /(?:^|[\s(“"'`])(?:[\w.@-]+\/)+[\w.-]+\.(?:json|ts|tsx|js|mjs|md|sql|ya?ml|csv)\b|\b[\w-]+\.(?:workflow|entity|layout|view|dashboard)\.json\b|\b(?:src|docs|examples|runtime|engine|metadata|workflows|entities|layouts)\/[\w./-]+/],
  ['a package name', /(?:^|[\s(“"'`])@[\w-]+\/[\w-]+/],
  ['an ADR number', /\bADR[\s-]*\d+/i],
  ['an HTTP verb with a path', /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/\S*/],
  ['a raw UUID', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
];

export interface Finding { where: string; text: string; problem: string }

/** The problems of one string (empty when it reads as a user's text). */
export function problemsOf(text: string): string[] {
  return PROBLEMS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

/** Every user-facing string under `value`, with a JSON-pointer-like location; `$comment` is skipped. */
export function userStrings(value: unknown, where: string, userFacing = false): { where: string; text: string }[] {
  if (typeof value === 'string') return userFacing ? [{ where, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => userStrings(v, `${where}/${i}`, userFacing));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    if (key === '$comment') return [];
    // A localized text's languages inherit "user-facing" from the key that holds it.
    const facing = USER_KEYS.has(key) || (userFacing && /^[a-z]{2}(?:-[A-Z]{2})?$/.test(key));
    return userStrings(v, `${where}/${key}`, facing);
  });
}

function metadataFiles(): string[] {
  const dirs = ['entities', 'workflows', 'layouts', 'views', 'dashboards'];
  return ['app.json', 'permissions.json', ...dirs.flatMap((d) => readdirSync(path.join(exampleDir, d)).filter((f) => f.endsWith('.json')).map((f) => `${d}/${f}`))];
}

/** Every string of an i18n messages object (all of it is shown to users). */
function messageStrings(messages: unknown, where: string): { where: string; text: string }[] {
  if (typeof messages === 'string') return [{ where, text: messages }];
  if (typeof messages !== 'object' || messages === null) return [];
  return Object.entries(messages).flatMap(([k, v]) => messageStrings(v, `${where}.${k}`));
}

const findings = (strings: { where: string; text: string }[]): Finding[] =>
  strings.flatMap(({ where, text }) => problemsOf(text).map((problem) => ({ where, text, problem })));

describe('user-facing texts speak the user’s language, not the developer’s', () => {
  it('recognises what it looks for (and leaves ordinary sentences alone)', () => {
    expect(problemsOf('Driven by workflows/bid-lifecycle.workflow.json.')).toEqual(['a file path']);
    expect(problemsOf('See runtime/src/http/route-types.ts')).toEqual(['a file path']);
    expect(problemsOf('ISO 4217 code (ADR 0013).')).toEqual(['an ADR number']);
    expect(problemsOf('A code from @tessera/plugin-region.')).toEqual(['a package name']);
    expect(problemsOf('Calls POST /api/customers/{id}/transfer')).toEqual(['an HTTP verb with a path']);
    expect(problemsOf('Owner 0b6f2c1e-8a7d-4c3b-9e21-5f0a6d7c8b90')).toEqual(['a raw UUID']);
    for (const fine of ['Becomes a reminder on the owner’s calendar.', 'a, b', '{{from}}–{{to}} of {{total}}', 'Get in touch', 'Post a comment', '签约/回款', 'Yes/No']) {
      expect(problemsOf(fine)).toEqual([]);
    }
  });

  it('finds the user-facing strings of a definition, in every language, and skips $comment', () => {
    const strings = userStrings({ $comment: 'see ADR 0013', 'x-label': { en: 'Status', zh: '状态' }, properties: { a: { description: 'Help', 'x-options': [{ value: 'x', label: { en: 'X' } }] } } }, 'e');
    expect(strings.map((s) => s.text)).toEqual(['Status', '状态', 'Help', 'X']);
  });

  it.each(metadataFiles())('%s', (file) => {
    const json = JSON.parse(readFileSync(path.join(exampleDir, file), 'utf8')) as unknown;
    const strings = userStrings(json, file);
    expect(findings(strings)).toEqual([]);
  });

  it('every field’s help is written in English and Chinese (the form shows the user’s language)', () => {
    const files = readdirSync(path.join(exampleDir, 'entities')).filter((f) => f.endsWith('.json'));
    const helps = files.flatMap((file) => {
      const entity = JSON.parse(readFileSync(path.join(exampleDir, 'entities', file), 'utf8')) as { properties: Record<string, { description?: unknown }> };
      return Object.entries(entity.properties).filter(([, f]) => f.description !== undefined).map(([name, f]) => ({ where: `${file}/${name}`, help: f.description }));
    });
    expect(helps.length).toBeGreaterThan(5);
    const oneLanguage = helps.filter(({ help }) => {
      const text = help as { en?: unknown; zh?: unknown };
      return typeof help !== 'object' || help === null || typeof text.en !== 'string' || !text.en.trim() || typeof text.zh !== 'string' || !/[\u4e00-\u9fff]/.test(text.zh);
    }).map(({ where }) => where);
    expect(oneLanguage).toEqual([]);
  });

  it('the end-user app’s English and Chinese strings', () => {
    const strings = [...messageStrings(en, 'en'), ...messageStrings(zh, 'zh')];
    expect(strings.length).toBeGreaterThan(300);
    expect(findings(strings)).toEqual([]);
  });
});
