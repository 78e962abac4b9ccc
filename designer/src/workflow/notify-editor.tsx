import { useTranslation } from 'react-i18next';
import { defineActionEditor, type ActionEditorProps } from './action-editor-types';
import { RecipientPicker } from './recipient-picker';
import { notifyToParams, notifyToState, type NotifyParams, type NotifyState } from './notify-text';

export type { NotifyParams };

/**
 * The notify action as a person writes it: the message and subject in English and Chinese, who
 * receives it (picked, not typed) and its channels — instead of a form generated from its params
 * schema, whose anyOf and string-array widgets showed "Option 1", "to-1" and "[object Object]".
 */
function NotifyEditor({ id, state, context, onChange }: ActionEditorProps<NotifyState>) {
  const { t } = useTranslation();
  const { roles, channels } = context;
  const toggleChannel = (c: string, on: boolean) => onChange({ ...state, channels: on ? [...state.channels.filter((x) => x !== c), c] : state.channels.filter((x) => x !== c) });
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      {(['en', 'zh'] as const).map((lang) => (
        <label key={`s-${lang}`} className="d-label">{t(`pickers.subject.${lang}`)}
          <input data-testid={`${id}-subject-${lang}`} value={state.subject[lang]} onChange={(e) => onChange({ ...state, subject: { ...state.subject, [lang]: e.target.value } })} />
        </label>
      ))}
      {(['en', 'zh'] as const).map((lang) => (
        <label key={`m-${lang}`} className="d-label">{t(`pickers.message.${lang}`)}
          <textarea data-testid={`${id}-message-${lang}`} rows={3} value={state.message[lang]} onChange={(e) => onChange({ ...state, message: { ...state.message, [lang]: e.target.value } })} />
        </label>
      ))}
      {!state.message.en && !state.message.zh && <p className="d-error" role="alert">{t('pickers.noMessage')}</p>}
      <p className="d-hint">{t('pickers.messageHint', { example: '{{name}}' })}</p>
      <RecipientPicker id={id} value={state.to} roles={roles} onChange={(to) => onChange({ ...state, to })} />
      {channels.length > 0 && (
        <fieldset className="d-wf-pair" data-testid={`${id}-channels`}>
          <legend>{t('pickers.channels')}</legend>
          {[...new Set([...channels, ...state.channels])].map((c) => (
            <label key={c} className="d-check"><input type="checkbox" data-testid={`${id}-channel-${c}`} checked={state.channels.includes(c)} onChange={(e) => toggleChannel(c, e.target.checked)} />{t(`pickers.channel.${c}`, { defaultValue: c })}</label>
          ))}
          <span className="d-hint">{t('pickers.channelsHint')}</span>
        </fieldset>
      )}
    </div>
  );
}

export const notifyEditor = defineActionEditor<NotifyParams, NotifyState>({ toState: notifyToState, toParams: notifyToParams, Editor: NotifyEditor });
