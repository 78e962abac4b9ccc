import { defineFieldType, parseNumberCell } from '@tessera/engine';

export const MAX_STARS = 5;

/** A 1–5 star rating. An author may narrow the range (`maximum: 3`) but not widen it. */
export const starsFieldType = defineFieldType({
  name: 'rating:stars',
  label: { en: 'Rating', zh: '评分' },
  widget: 'rating:stars',
  // An imported cell is a whole number of stars (4, or 4.0 from Excel).
  parseCell: (cell) => parseNumberCell(cell, 'integer'),
  keywords: ['minimum', 'maximum', 'x-indexed'],
  jsonSchema: () => ({ type: 'integer', minimum: 1, maximum: MAX_STARS }),
  column: () => ({ kind: 'smallint' }),
});
