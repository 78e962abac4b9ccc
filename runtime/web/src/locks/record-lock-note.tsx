import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import type { RecordCapabilities } from '../api/capabilities-api';
import { localize } from '../meta/localize';

/** Why a record (or some of its fields) cannot be changed now: the workflow state that locks it. */
export function RecordLockNote({ entity, locked }: { entity: EntityDefinition; locked: NonNullable<RecordCapabilities['locked']> }) {
  const { t, i18n } = useTranslation();
  const state = localize(locked.label, i18n.language);
  const text = locked.fields === '*'
    ? t('lock.whole', { state })
    : t('lock.fields', { state, fields: locked.fields.map((f) => localize(entity.properties[f]?.['x-label'], i18n.language) || f).join(i18n.language === 'zh' ? '、' : ', ') });
  return <p className="t-card t-muted t-lock-note" role="note" data-testid="record-locked">{text}</p>;
}
