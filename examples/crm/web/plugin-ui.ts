import { dedupUi } from '@tessera/plugin-dedup/web';
import { leadScoringUi } from '@tessera/plugin-lead-scoring/web';
import type { PluginUi } from '@tessera/runtime/web';

/**
 * The record panels and dashboard cards of the plugins this app may run. Each shows only
 * while the server runs its plugin enabled (`GET /api/plugins`), so listing one here that
 * app.json does not load costs a few kilobytes and shows nothing.
 */
export const pluginUi: readonly PluginUi[] = [dedupUi, leadScoringUi];
