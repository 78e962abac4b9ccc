import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference } from './config-reference';
import { ConfigError, readConfig } from './read-config';

const DOC = join(__dirname, '../../../docs/configuration.md');

describe('configuration', () => {
  it('gives defaults for an empty environment', () => {
    expect(readConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', TESSERA_WORKERS: 1, TESSERA_DB_POOL_MAX: 20, TESSERA_DB_PREPARE: true, TESSERA_TRUST_PROXY: false, TESSERA_JOBS_TZ: 'Asia/Shanghai', TESSERA_LOG_LEVEL: 'info' });
  });

  it('reports every bad variable at once, naming it, without echoing secrets', () => {
    let error: unknown;
    try {
      readConfig({ PORT: 'eighty', TESSERA_TRUST_PROXY: 'yes', TESSERA_JOBS_TZ: 'Mars/Base', DATABASE_URL: 'mysql://x', TESSERA_WORKERS: '2' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.name)).toEqual(['PORT', 'DATABASE_URL', 'TESSERA_TRUST_PROXY', 'TESSERA_JOBS_TZ', 'TESSERA_WORKERS']);
    expect((error as ConfigError).message).toContain('PORT: must be a whole number from 0 to 65535 (got "eighty")');
  });

  it('parses what operators write', () => {
    expect(readConfig({ PORT: '8080', TESSERA_TRUST_PROXY: '1', TESSERA_DB_PREPARE: 'false', TESSERA_WORKERS: 'auto', DATABASE_URL: 'postgres://db/x', TESSERA_LOG_LEVEL: 'debug' })).toMatchObject({ PORT: 8080, TESSERA_TRUST_PROXY: true, TESSERA_DB_PREPARE: false, TESSERA_LOG_LEVEL: 'debug' });
  });

  it('keeps files on local disk unless S3 is chosen, and then needs a bucket and both key parts', () => {
    expect(readConfig({}).TESSERA_FILE_STORAGE).toBe('local');
    expect(readConfig({ TESSERA_FILE_STORAGE: 's3', TESSERA_S3_BUCKET: 'b', TESSERA_S3_ENDPOINT: 'http://127.0.0.1:9000', TESSERA_S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({ TESSERA_S3_BUCKET: 'b', TESSERA_S3_REGION: 'us-east-1', TESSERA_S3_FORCE_PATH_STYLE: true, TESSERA_S3_PREFIX: '' });
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        readConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems.map((p) => `${p.name}: ${p.message}`);
      }
    };
    expect(problems({ TESSERA_FILE_STORAGE: 's3' })).toEqual(['TESSERA_S3_BUCKET: is required when TESSERA_FILE_STORAGE is s3']);
    expect(problems({ TESSERA_FILE_STORAGE: 'gcs' })).toEqual(['TESSERA_FILE_STORAGE: must be one of local, s3 (got "gcs")']);
    expect(problems({ TESSERA_S3_ENDPOINT: 'minio:9000' })).toEqual(['TESSERA_S3_ENDPOINT: must be an http:// or https:// URL (got "minio:9000")']);
    expect(problems({ TESSERA_S3_SECRET_ACCESS_KEY: 'hush' })).toEqual(['TESSERA_S3_ACCESS_KEY_ID: set both TESSERA_S3_ACCESS_KEY_ID and TESSERA_S3_SECRET_ACCESS_KEY, or neither']);
  });

  it('keeps docs/configuration.md equal to the declared variables', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, configReference());
    expect(readFileSync(DOC, 'utf8')).toBe(configReference());
  });
});
