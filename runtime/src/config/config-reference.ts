import { CONFIG_VARS, type ConfigVar } from './config-vars';

const shown = (spec: ConfigVar<unknown>) => spec.defaultDoc ?? (spec.default === undefined ? '(unset)' : `\`${String(spec.default)}\``);

/** docs/configuration.md, from CONFIG_VARS (a test keeps the checked-in page equal to this). */
export function configReference(): string {
  const groups = new Map<string, string[]>();
  for (const [name, spec] of Object.entries(CONFIG_VARS) as [string, ConfigVar<unknown>][]) {
    const rows = groups.get(spec.group) ?? [];
    rows.push(`| \`${name}\` | ${shown(spec)} | ${spec.doc}${spec.secret ? ' Secret: never logged.' : ''} |`);
    groups.set(spec.group, rows);
  }
  const sections = [...groups].map(([group, rows]) => `## ${group}\n\n| variable | default | meaning |\n|---|---|---|\n${rows.join('\n')}\n`);
  return `# Configuration\n\nTessera reads these environment variables and nothing else (\`runtime/src/config/config-vars.ts\`);\na bad value stops the start with a message naming every bad variable. This page is generated\nfrom that table: \`UPDATE_DOCS=1 npx jest runtime/src/config\` rewrites it.\n\n${sections.join('\n')}`;
}
