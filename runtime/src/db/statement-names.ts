/**
 * Which SQL texts run as named (server-side prepared) statements. Like pgJDBC's
 * `prepareThreshold`, a text is named only once it has been seen `threshold` times, so
 * one-off statements (DDL, migrations, ad-hoc reports) never occupy a slot; at most `max`
 * texts are ever named, which bounds the plans each PostgreSQL connection keeps.
 */
export interface StatementNames {
  /** The name to run `sql` under, or undefined to run it unnamed. */
  nameFor(sql: string): string | undefined;
  readonly size: number;
}

export function createStatementNames({ threshold = 3, max = 256, prefix = 'tsr_' } = {}): StatementNames {
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  return {
    nameFor(sql) {
      const name = names.get(sql);
      if (name !== undefined || names.size >= max) return name;
      const count = (seen.get(sql) ?? 0) + 1;
      if (count < threshold) {
        // A flood of distinct one-off texts only ever costs this map, never a prepared statement.
        if (seen.size >= 10_000) seen.clear();
        seen.set(sql, count);
        return undefined;
      }
      seen.delete(sql);
      const assigned = `${prefix}${names.size.toString(36)}`;
      names.set(sql, assigned);
      return assigned;
    },
    get size() {
      return names.size;
    },
  };
}
