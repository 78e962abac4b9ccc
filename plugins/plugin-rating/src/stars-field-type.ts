import { defineFieldType } from '@tessera/engine';

export const MAX_STARS = 5;

/** A 1–5 star rating. An author may narrow the range (`maximum: 3`) but not widen it. */
export const starsFieldType = defineFieldType({
  name: 'rating:stars',
  label: { en: 'Rating', zh: '评分' },
  widget: 'rating:stars',
  keywords: ['minimum', 'maximum', 'x-indexed'],
  jsonSchema: () => ({ type: 'integer', minimum: 1, maximum: MAX_STARS }),
  column: () => ({ kind: 'smallint' }),
});
