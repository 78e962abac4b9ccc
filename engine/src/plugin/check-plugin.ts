import Ajv2020 from 'ajv/dist/2020';
import type { PluginDefinition } from './plugin-types';
import { satisfiesRange } from './satisfies-range';
import { TESSERA_VERSION } from './tessera-version';

const HOOK_NAMES = new Set(['beforeCreate', 'beforeCreateMany', 'afterCreate', 'beforeUpdate', 'afterUpdate', 'beforeDelete', 'afterDelete', 'beforeTransition', 'afterTransition']);

/**
 * What loading checks before a plugin's `register` runs: a readable, matching `tessera`
 * range, a settings schema that compiles (to an object schema) and hooks that exist. Each
 * failure names the plugin: an app that refuses to start is better than a half-loaded one.
 */
export function checkPlugin(plugin: PluginDefinition, tesseraVersion = TESSERA_VERSION): void {
  const fail = (why: string) => new Error(`Plugin "${plugin.name}" ${why}`);
  if (!plugin.name || typeof plugin.version !== 'string') throw fail('needs a name and a version');
  if (plugin.tessera !== undefined) {
    const ok = satisfiesRange(tesseraVersion, plugin.tessera);
    if (ok === undefined) throw fail(`declares an unreadable tessera range "${plugin.tessera}" (use e.g. "^0.1.0")`);
    if (!ok) throw fail(`supports Tessera ${plugin.tessera}, but this is Tessera ${tesseraVersion}`);
  }
  if (plugin.settings !== undefined) {
    if (plugin.settings.type !== 'object') throw fail('has a settings schema that is not { type: "object", … }');
    try {
      new Ajv2020({ strict: false }).compile(plugin.settings);
    } catch (err) {
      throw fail(`has an invalid settings schema: ${(err as Error).message}`);
    }
  }
  for (const [entity, hooks] of Object.entries(plugin.hooks ?? {})) {
    for (const [name, fn] of Object.entries(hooks ?? {})) {
      if (!HOOK_NAMES.has(name)) throw fail(`has an unknown hook "${name}" on "${entity}" (known: ${[...HOOK_NAMES].join(', ')})`);
      if (typeof fn !== 'function') throw fail(`has a hook "${name}" on "${entity}" that is not a function`);
    }
  }
  checkJobs(plugin, fail);
}

const JOB_NAME = /^[a-z][a-z0-9-]*$/;

/** The shape of `jobs`; the cron itself is parsed by the runtime, with the parser its job queue uses. */
function checkJobs(plugin: PluginDefinition, fail: (why: string) => Error): void {
  if (plugin.jobs === undefined) return;
  if (!Array.isArray(plugin.jobs)) throw fail('has "jobs" that is not an array');
  const names = new Set<string>();
  for (const [i, job] of plugin.jobs.entries()) {
    const name = typeof job?.name === 'string' ? job.name : '';
    if (!JOB_NAME.test(name)) throw fail(`has a job (jobs[${i}]) named "${name}": job names are lowercase letters, digits and "-", starting with a letter`);
    if (names.has(name)) throw fail(`has two jobs named "${name}"`);
    names.add(name);
    if (typeof job.cron !== 'string' || job.cron.trim().split(/\s+/).length < 5) throw fail(`has a job "${name}" whose cron "${String(job.cron)}" is not a cron expression (five fields, e.g. "0 2 * * *")`);
    if (typeof job.run !== 'function') throw fail(`has a job "${name}" without a run function`);
  }
}
