import { useTranslation } from 'react-i18next';
import { compact, defineActionEditor, type ActionEditorProps } from './action-editor-types';

interface WebhookParams { url: string; secret?: string; retryLimit?: number; retryDelay?: number }
interface WebhookState { url: string; secret: string; retryLimit?: number; retryDelay?: number }

const SECRET_MIN = 16;
const wholeIn = (text: string, min: number, max: number) => {
  const n = Number(text);
  return text.trim() === '' || !Number.isInteger(n) ? undefined : Math.min(max, Math.max(min, n));
};

function WebhookEditor({ id, state, onChange }: ActionEditorProps<WebhookState>) {
  const { t } = useTranslation();
  const badUrl = !/^https?:\/\//.test(state.url);
  const shortSecret = state.secret !== '' && state.secret.length < SECRET_MIN;
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      <label className="d-label">{t('actionEditors.webhook.url')}
        <input data-testid={`${id}-url`} type="url" spellCheck={false} placeholder="https://" value={state.url} aria-invalid={badUrl} onChange={(e) => onChange({ ...state, url: e.target.value })} />
      </label>
      {badUrl && <p className="d-error" role="alert">{t('actionEditors.webhook.badUrl')}</p>}
      <p className="d-hint">{t('actionEditors.webhook.urlHint')}</p>
      <label className="d-label">{t('actionEditors.webhook.secret')}
        <input data-testid={`${id}-secret`} type="password" autoComplete="off" value={state.secret} aria-invalid={shortSecret} onChange={(e) => onChange({ ...state, secret: e.target.value })} />
      </label>
      <p className={shortSecret ? 'd-error' : 'd-hint'}>{t('actionEditors.webhook.secretHint', { min: SECRET_MIN })}</p>
      <div className="d-wf-pair">
        <label className="d-label">{t('actionEditors.webhook.retryLimit')}
          <input data-testid={`${id}-retryLimit`} type="number" min={0} max={20} step={1} value={state.retryLimit ?? ''} onChange={(e) => onChange({ ...state, retryLimit: wholeIn(e.target.value, 0, 20) })} />
        </label>
        <label className="d-label">{t('actionEditors.webhook.retryDelay')}
          <input data-testid={`${id}-retryDelay`} type="number" min={1} max={3600} step={1} value={state.retryDelay ?? ''} onChange={(e) => onChange({ ...state, retryDelay: wholeIn(e.target.value, 1, 3600) })} />
        </label>
      </div>
      <p className="d-hint">{t('actionEditors.webhook.retryHint')}</p>
    </div>
  );
}

/** webhook: where to send the record, the signing secret and how failures are retried. */
export const webhookEditor = defineActionEditor<WebhookParams, WebhookState>({
  toState: (p) => ({ url: p.url ?? '', secret: p.secret ?? '', ...compact({ retryLimit: p.retryLimit, retryDelay: p.retryDelay }) }),
  toParams: (s) => compact({ url: s.url || undefined, secret: s.secret || undefined, retryLimit: s.retryLimit, retryDelay: s.retryDelay }),
  Editor: WebhookEditor,
});
