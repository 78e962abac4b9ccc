import pino, { type Logger as Pino } from 'pino';
import type { AccessEntry } from './access-log';

/** The runtime's logger: console-like calls (plugins and hosts log messages), plus the access log. */
export interface RuntimeLogger {
  info(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
  access(entry: AccessEntry): void;
}

const details = (rest: unknown[]) => {
  const err = rest.find((r): r is Error => r instanceof Error);
  const args = rest.filter((r) => r !== err);
  return { ...(err ? { err } : {}), ...(args.length > 0 ? { args } : {}) };
};

/** Structured JSON lines on stdout (pino), at `level` (TESSERA_LOG_LEVEL). */
export function createLogger(level: string, destination?: NodeJS.WritableStream): RuntimeLogger {
  const log: Pino = destination ? pino({ level, base: { service: 'tessera' } }, destination) : pino({ level, base: { service: 'tessera' } });
  return {
    info: (message, ...rest) => log.info(details(rest), message),
    error: (message, ...rest) => log.error(details(rest), message),
    access: (entry) => log.info({ kind: 'access', ...entry }, `${entry.method} ${entry.route} ${entry.status} ${entry.ms} ms`),
  };
}
