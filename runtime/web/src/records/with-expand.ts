/** `query` with `relations` added to its `expand` (kept once each): the related records come with the page, one query per relation. */
export function withExpand(query: string, relations: readonly string[]): string {
  if (relations.length === 0) return query;
  const params = new URLSearchParams(query);
  const have = (params.get('expand') ?? '').split(',').filter(Boolean);
  params.set('expand', [...new Set([...have, ...relations])].join(','));
  return params.toString();
}
