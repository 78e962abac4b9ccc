// The browser side of the plugin: a dashboard card; the app composes it into mountApp({ plugins }).
import type { PluginUi } from '@tessera/runtime/web';
import { scoreDistributionCard } from './score-card';

export { scoreDistributionCard, toBuckets, type Bucket } from './score-card';

export const leadScoringUi: PluginUi = {
  dashboardCards: [{ plugin: '@tessera/plugin-lead-scoring', id: 'score-distribution', title: { en: 'Lead scores', zh: '线索评分分布' }, entities: ['lead'], component: scoreDistributionCard() }],
};
