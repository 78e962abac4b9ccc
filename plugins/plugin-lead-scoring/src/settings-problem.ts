/**
 * Settings the schema accepted but the app cannot run: an activity entity that is not
 * published, a link or `where` the list API refuses. Plugins get no metadata API, so these are
 * found when a score is computed; the message names the setting's path, in English and Chinese.
 */
export class SettingsProblem extends Error {
  constructor(
    readonly path: string,
    readonly en: string,
    readonly zh: string,
  ) {
    super(`Lead scoring setting ${path}: ${en} (评分设置 ${path}：${zh})`);
    this.name = 'SettingsProblem';
  }
}

/** The runtime's HTTP errors carry `status` and `message`; plugins may not import its class. */
export const statusOf = (err: unknown): number | undefined => {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

export const detailsOf = (err: unknown): { parameter?: string; message?: string }[] => {
  const details = (err as { details?: unknown } | null)?.details;
  return Array.isArray(details) ? details : [];
};
