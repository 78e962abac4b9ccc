import fc from 'fast-check';
import pg from 'pg';
import { timestamptzToIso } from './type-parsers';

const slow = (text: string) => {
  const parsed = pg.types.getTypeParser(1184, 'text')(text) as unknown;
  return parsed instanceof Date ? parsed.toISOString() : parsed;
};

describe('timestamptzToIso', () => {
  it('rearranges a UTC timestamp exactly as parsing and printing it would', () => {
    expect(timestamptzToIso('2024-01-01 00:00:01+00')).toBe('2024-01-01T00:00:01.000Z');
    expect(timestamptzToIso('2024-01-01 00:00:01.5+00')).toBe('2024-01-01T00:00:01.500Z');
    // A Date keeps whole milliseconds: microseconds are cut, not rounded.
    expect(timestamptzToIso('2024-12-31 23:59:59.999999+00')).toBe('2024-12-31T23:59:59.999Z');
  });

  it('takes the long way for other zones, BC, five-digit years and infinity', () => {
    for (const text of ['2024-01-01 08:00:00+08', '2024-01-01 00:00:00-03:30', '0044-03-15 12:00:00+00 BC', '10000-01-01 00:00:00+00', 'infinity', '-infinity']) {
      expect(timestamptzToIso(text)).toEqual(slow(text));
    }
    expect(timestamptzToIso('2024-01-01 08:00:00+08')).toBe('2024-01-01T00:00:00.000Z');
  });

  it('agrees with pg’s parser on any timestamp PostgreSQL can print', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const timestamp = fc.record({
      ms: fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59) }),
      micros: fc.integer({ min: 0, max: 999_999 }),
      zone: fc.constantFrom('+00', '+08', '-05', '+05:30'),
    });
    fc.assert(
      fc.property(timestamp, ({ ms, micros, zone }) => {
        const d = new Date(ms);
        const fraction = micros === 0 ? '' : `.${pad(micros, 6).replace(/0+$/, '')}`;
        const text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction}${zone}`;
        expect(timestamptzToIso(text)).toBe(slow(text));
      }),
      { numRuns: 2000 },
    );
  });
});
