type Version = [number, number, number];

const VERSION = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/;

/** `1.2` → [1, 2, 0] plus how many parts were given (x/* count as missing). */
function parse(text: string): { v: Version; parts: number } | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  const nums = [m[1], m[2], m[3]].map((p) => (p === undefined || p === 'x' || p === '*' ? undefined : Number(p)));
  const parts = nums.findIndex((n) => n === undefined);
  return { v: [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0], parts: parts === -1 ? 3 : parts };
}

const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The exclusive upper bound of `^v` (first non-zero part bumps) or `~v` / a partial version. */
function bump(v: Version, at: number): Version {
  if (at === 0) return [v[0] + 1, 0, 0];
  if (at === 1) return [v[0], v[1] + 1, 0];
  return [v[0], v[1], v[2] + 1];
}

function satisfiesComparator(version: Version, comp: string): boolean | undefined {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*(.+)$/.exec(comp);
  if (!m) return undefined;
  const [, op = '', rest] = m;
  if (rest === '*' || rest === 'x') return true;
  const parsed = parse(rest);
  if (!parsed) return undefined;
  const { v, parts } = parsed;
  const c = cmp(version, v);
  switch (op) {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    case '^': {
      const at = parts < 3 && v[0] === 0 && (parts < 2 || v[1] === 0) ? parts - 1 : v[0] !== 0 ? 0 : v[1] !== 0 ? 1 : 2;
      return c >= 0 && cmp(version, bump(v, Math.max(at, 0))) < 0;
    }
    case '~': return c >= 0 && cmp(version, bump(v, parts >= 2 ? 1 : 0)) < 0;
    default: return parts === 3 ? c === 0 : c >= 0 && cmp(version, bump(v, parts - 1)) < 0;
  }
}

/**
 * Whether `version` lies in the npm-style `range` (`^0.1.0`, `~1.2`, `>=1 <2`, `1.x`, `a || b`).
 * Pre-release tags are not supported. Undefined when the range cannot be read, so the caller
 * can say so instead of guessing. A tiny subset on purpose: the engine has no semver dependency.
 */
export function satisfiesRange(version: string, range: string): boolean | undefined {
  const parsed = parse(version);
  if (!parsed || parsed.parts !== 3) return undefined;
  let result = false;
  for (const alternative of range.split('||')) {
    const comps = alternative.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (comps.length === 0) return undefined;
    const each = comps.map((c) => satisfiesComparator(parsed.v, c));
    if (each.some((e) => e === undefined)) return undefined;
    if (each.every(Boolean)) result = true;
  }
  return result;
}
