export { globalSearch, HITS_PER_ENTITY, MAX_HITS_PER_ENTITY } from './global-search';
export type { GlobalSearchResult, SearchGroup, SearchHit } from './global-search';
export { searchRoutes } from './search-routes';
