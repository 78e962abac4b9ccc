import type { EntityDefinition, Locale } from '@tessera/metadata';
import { ApiError } from '../api/api-error';
import { localize } from '../meta/localize';

/**
 * Why a decision was refused, for the approver: each field problem the server gave (a transfer
 * to a user who has left, say) under the field's label and in the approver's language, where
 * the server has it; any other failure as the server's message.
 */
export function refusalText(error: unknown, entity: EntityDefinition | undefined, locale: Locale): string {
  if (!(error instanceof ApiError) || error.details.length === 0) return (error as Error).message;
  const [colon, separator] = locale === 'zh' ? ['：', '；'] : [': ', '; '];
  return error.details
    .map((detail) => {
      const field = detail.field?.replace(/^\//, '').split('/')[0] ?? '';
      const def = entity?.properties[field];
      const message = detail.messages?.[locale] || detail.message;
      return field ? `${def ? localize(def['x-label'], locale) : field}${colon}${message}` : message;
    })
    .join(separator);
}
