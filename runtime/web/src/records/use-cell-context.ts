import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { toLocale } from '../meta/localize';
import { useUserNames } from '../users/use-user-names';
import { userIdsOf, type CellContext } from './cell-value';

/** The cell context of a page of `rows`: locale, yes/no words, and the names of the users its `userFields` hold. */
export function useCellContext(entities: readonly EntityDefinition[], rows: readonly Record<string, unknown>[] | undefined, userFields: readonly string[]): CellContext {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const fieldsKey = userFields.join(',');
  const ids = useMemo(() => userIdsOf(rows ?? [], fieldsKey ? fieldsKey.split(',') : []), [rows, fieldsKey]);
  const users = useUserNames(ids);
  return useMemo(() => ({ locale, yesNo: [t('list.yes'), t('list.no')], entities, users }), [locale, t, entities, users]);
}
