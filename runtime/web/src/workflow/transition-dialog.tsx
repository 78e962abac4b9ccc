import { useMemo, useState } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { recordsApi, type RecordData, type WorkflowState } from '../api/records-api';
import { detailsToExtraErrors } from '../form/details-to-extra-errors';
import { localizeErrors } from '../form/localize-errors';
import { localize, toLocale } from '../meta/localize';
import { ErrorBanner } from '../shell/error-banner';

export type Transition = WorkflowState['transitions'][number];

export interface TransitionDialogProps {
  plural: string;
  recordId: string;
  transition: Transition;
  onDone: (record: RecordData) => void;
  onCancel: () => void;
}

/** The form a transition asks for (a reason to mark a customer lost…), then the transition itself. */
export function TransitionDialog({ plural, recordId, transition, onDone, onCancel }: TransitionDialogProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();
  const [banner, setBanner] = useState<string>();
  const [busy, setBusy] = useState(false);
  const transformErrors = useMemo(() => localizeErrors(t), [t]);
  const schema = (transition.form ?? { type: 'object' }) as RJSFSchema;

  async function submit(formData: Record<string, unknown>) {
    setBusy(true);
    setBanner(undefined);
    try {
      onDone(await recordsApi.transition(plural, recordId, transition.event, formData));
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setExtraErrors(detailsToExtraErrors(e.details, Object.keys(schema.properties ?? {})).extraErrors);
      setBanner((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="t-dialog-backdrop" role="presentation">
      <div className="t-dialog t-card" role="dialog" aria-modal="true" aria-labelledby="t-transition-title" data-testid="transition-dialog">
        <h3 id="t-transition-title">{transition.label ? localize(transition.label, locale) : transition.event}</h3>
        {banner && <ErrorBanner message={banner} onClose={() => setBanner(undefined)} />}
        <Form schema={schema} formData={data} validator={validator} extraErrors={extraErrors} transformErrors={transformErrors} showErrorList={false} noHtml5Validate
          onChange={(e) => setData(e.formData as Record<string, unknown>)} onSubmit={(e) => void submit(e.formData as Record<string, unknown>)}>
          <div className="t-form-actions">
            <button type="submit" className="t-btn t-btn-primary" data-testid="transition-submit" disabled={busy}>{t('workflow.confirm')}</button>
            <button type="button" className="t-btn" data-testid="transition-cancel" onClick={onCancel}>{t('form.cancel')}</button>
          </div>
        </Form>
      </div>
    </div>
  );
}
