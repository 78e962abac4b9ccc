import { CONFIG_VARS, type ConfigName, type ConfigVar, type TesseraConfig } from './config-vars';

export class ConfigError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super(`Tessera cannot start with this configuration:\n${problems.map((p) => `  ${p.name}: ${p.message}`).join('\n')}\n(See docs/configuration.md.)`);
    this.name = 'ConfigError';
  }
}

/**
 * Every variable of CONFIG_VARS from `env`, parsed; an empty value counts as unset. All bad
 * variables are reported at once (ConfigError), never the value of a secret.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): TesseraConfig {
  const problems: { name: string; message: string }[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_VARS) as [ConfigName, ConfigVar<unknown>][]) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      config[name] = spec.default;
      continue;
    }
    const parsed = spec.parse(raw);
    if ('problem' in parsed) problems.push({ name, message: `${parsed.problem}${spec.secret ? '' : ` (got "${raw}")`}` });
    else config[name] = parsed.value;
  }
  if (config.TESSERA_WORKERS !== undefined && (config.TESSERA_WORKERS as number) > 1 && !config.DATABASE_URL) {
    problems.push({ name: 'TESSERA_WORKERS', message: 'above 1 needs DATABASE_URL: the embedded database (PGlite) serves one process' });
  }
  if (config.TESSERA_FILE_STORAGE === 's3' && !config.TESSERA_S3_BUCKET) {
    problems.push({ name: 'TESSERA_S3_BUCKET', message: 'is required when TESSERA_FILE_STORAGE is s3' });
  }
  if (Boolean(config.TESSERA_S3_ACCESS_KEY_ID) !== Boolean(config.TESSERA_S3_SECRET_ACCESS_KEY)) {
    problems.push({ name: config.TESSERA_S3_ACCESS_KEY_ID ? 'TESSERA_S3_SECRET_ACCESS_KEY' : 'TESSERA_S3_ACCESS_KEY_ID', message: 'set both TESSERA_S3_ACCESS_KEY_ID and TESSERA_S3_SECRET_ACCESS_KEY, or neither' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as TesseraConfig;
}

let cached: TesseraConfig | undefined;

/** This process's configuration, read once (for per-request code; setup code calls readConfig). */
export function config(): TesseraConfig {
  cached ??= readConfig(process.env);
  return cached;
}
