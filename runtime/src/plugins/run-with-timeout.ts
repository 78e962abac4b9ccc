import { isHttpError } from '../errors/http-error';
import type { Logger } from '../http/error-handler';
import { PluginRejection, pluginFailed, pluginTimeout, rejectedByPlugin } from './plugin-errors';

const TIMED_OUT = Symbol('timed out');

export interface PluginCall {
  plugin: string;
  /** e.g. `beforeCreate on customer`, for errors and logs. */
  where: string;
  requestId: string;
  timeoutMs: number;
  logger: Logger;
}

/**
 * Runs one piece of plugin code so that whatever it does fails only its own operation:
 * `ctx.reject` → 422, an API error from the records API it was given passes through as is
 * (403, 404, 422), anything else it throws → 502 `plugin_failed`, logged with the request id,
 * and no answer within the timeout → 504 `plugin_timeout`. The timer is cleared either way.
 */
export async function runWithTimeout<T>(call: PluginCall, run: () => T | Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), call.timeoutMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(run), timeout]);
    if (result === TIMED_OUT) {
      call.logger.error(`[${call.requestId}] plugin "${call.plugin}" timed out after ${call.timeoutMs} ms in ${call.where}`);
      throw pluginTimeout(call.plugin, call.where, call.timeoutMs, call.requestId);
    }
    return result;
  } catch (err) {
    if (err instanceof PluginRejection) throw rejectedByPlugin(call.plugin, err.message, err.field);
    if (isHttpError(err)) throw err;
    call.logger.error(`[${call.requestId}] plugin "${call.plugin}" failed in ${call.where}:`, err);
    throw pluginFailed(call.plugin, call.where, call.requestId);
  } finally {
    clearTimeout(timer);
  }
}
