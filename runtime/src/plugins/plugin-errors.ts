import { HttpError } from '../errors/http-error';

/** A before-hook said no: the client's request is what the plugin refuses, so 422. */
export const rejectedByPlugin = (plugin: string, message: string, field?: string) =>
  new HttpError(422, 'rejected_by_plugin', `Rejected by plugin "${plugin}": ${message}`, [{ field: field ?? '', rule: 'plugin', message, plugin }]);

/** The plugin broke, not the request: 502 (a failing upstream), with the request id to find the log line. */
export const pluginFailed = (plugin: string, where: string, requestId: string) =>
  new HttpError(502, 'plugin_failed', `Plugin "${plugin}" failed in ${where}; nothing was written (request ${requestId}; the server log has the cause)`, [{ plugin, requestId }]);

export const pluginTimeout = (plugin: string, where: string, ms: number, requestId: string) =>
  new HttpError(504, 'plugin_timeout', `Plugin "${plugin}" did not answer within ${ms} ms in ${where}; nothing was written (request ${requestId})`, [{ plugin, requestId }]);

/** Thrown by `ctx.reject` inside a hook; the runner turns it into `rejectedByPlugin`. */
export class PluginRejection extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'PluginRejection';
  }
}
