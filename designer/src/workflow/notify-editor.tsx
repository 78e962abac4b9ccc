import { useTranslation } from 'react-i18next';
import { RecipientPicker } from './recipient-picker';

import { textOf, withText, type NotifyParams } from './notify-text';

export type { NotifyParams };

/**
 * The notify action as a person writes it: the message and subject in English and Chinese, who
 * receives it (picked, not typed) and its channels — instead of a form generated from its params
 * schema, whose anyOf and string-array widgets showed "Option 1", "to-1" and "[object Object]".
 */
export function NotifyEditor({ id, value, roles, channels, onChange }: { id: string; value: NotifyParams; roles: string[]; channels: string[]; onChange: (next: NotifyParams) => void }) {
  const { t } = useTranslation();
  const put = (patch: Partial<NotifyParams>) => {
    const next = { ...value, ...patch };
    for (const k of Object.keys(patch) as (keyof NotifyParams)[]) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const chosen = value.channels ?? [];
  const toggleChannel = (c: string, on: boolean) => {
    const next = on ? [...chosen.filter((x) => x !== c), c] : chosen.filter((x) => x !== c);
    put({ channels: next.length ? next : undefined });
  };
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      {(['en', 'zh'] as const).map((lang) => (
        <label key={`s-${lang}`} className="d-label">{t(`pickers.subject.${lang}`)}
          <input data-testid={`${id}-subject-${lang}`} value={textOf(value.subject, lang)} onChange={(e) => put({ subject: withText(value.subject, lang, e.target.value) })} />
        </label>
      ))}
      {(['en', 'zh'] as const).map((lang) => (
        <label key={`m-${lang}`} className="d-label">{t(`pickers.message.${lang}`)}
          <textarea data-testid={`${id}-message-${lang}`} rows={3} value={textOf(value.template, lang)} onChange={(e) => put({ template: withText(value.template, lang, e.target.value) })} />
        </label>
      ))}
      {!textOf(value.template, 'en') && !textOf(value.template, 'zh') && <p className="d-error" role="alert">{t('pickers.noMessage')}</p>}
      <p className="d-hint">{t('pickers.messageHint', { example: '{{name}}' })}</p>
      <RecipientPicker id={id} value={value.to ?? []} roles={roles} onChange={(to) => put({ to })} />
      {channels.length > 0 && (
        <fieldset className="d-wf-pair" data-testid={`${id}-channels`}>
          <legend>{t('pickers.channels')}</legend>
          {channels.map((c) => (
            <label key={c} className="d-check"><input type="checkbox" data-testid={`${id}-channel-${c}`} checked={chosen.includes(c)} onChange={(e) => toggleChannel(c, e.target.checked)} />{t(`pickers.channel.${c}`, { defaultValue: c })}</label>
          ))}
          <span className="d-hint">{t('pickers.channelsHint')}</span>
        </fieldset>
      )}
    </div>
  );
}
