import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition, FormLayout } from '@tessera/metadata';
import { localize } from '../localize';
import { useUsers } from '../workflow/use-users';
import { draftOf, draftToLayout, entityEvents, newPublicFormDraft, publicFieldChoices, publicFormProblems, type PublicFormDraft } from './public-form-draft';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const PUBLIC_FORM_EDITOR_KEYWORDS = ['layout.public'] as const;

type Texts = { en: string; zh: string };

function TextPair({ id, value, labels, onChange }: { id: string; value: Texts; labels: [string, string]; onChange: (next: Texts) => void }) {
  return (
    <div className="d-wf-pair">
      <label className="d-label">{labels[0]}<input data-testid={`${id}-en`} value={value.en} onChange={(e) => onChange({ ...value, en: e.target.value })} /></label>
      <label className="d-label">{labels[1]}<input data-testid={`${id}-zh`} value={value.zh} onChange={(e) => onChange({ ...value, zh: e.target.value })} /></label>
    </div>
  );
}

export interface PublicFormEditorProps {
  app: AppDefinition;
  entity: EntityDefinition;
  /** The public form being edited; a new one when absent. */
  layout?: FormLayout;
  onApply: (layout: FormLayout) => void;
  onRemove?: () => void;
  onClose: () => void;
}

/**
 * One public form: its address, texts in both languages, the fields a visitor fills in, the
 * service account records are created as, values every submission gets, the workflow event it
 * fires, its rate limit, captcha and whether it is online. Changes reach the draft on Apply.
 */
export function PublicFormEditor({ app, entity, layout, onApply, onRemove, onClose }: PublicFormEditorProps) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const [draft, setDraft] = useState<PublicFormDraft>(() => (layout ? draftOf(layout) : newPublicFormDraft(app, entity, { en: t('publicForm.newTitle', { lng: 'en' }), zh: t('publicForm.newTitle', { lng: 'zh' }) })));
  const put = (patch: Partial<PublicFormDraft>) => setDraft({ ...draft, ...patch });
  const entityLabel = localize(entity['x-label'], i18n.language);
  const label = (f: string) => localize(entity.properties[f]?.['x-label'], i18n.language) || f;
  const choices = publicFieldChoices(app, entity);
  const defaultChoices = choices.filter((f) => !draft.fields.includes(f));
  const problems = publicFormProblems(app, entity, draft, layout?.name);
  const apply = () => {
    if (problems.length) return;
    onApply(draftToLayout(app, entity, draft, { en: t('publicForm.sectionLabel', { lng: 'en' }), zh: t('publicForm.sectionLabel', { lng: 'zh' }) }, layout));
  };
  return (
    <form className="d-panel d-inspector" data-testid="public-form-editor" onSubmit={(e) => { e.preventDefault(); apply(); }}>
      <h2>{layout ? t('publicForm.editHeading', { slug: layout.public?.slug }) : t('publicForm.newHeading')}</h2>
      <label className="d-label">{t('publicForm.slug')}
        <input data-testid="public-form-slug" value={draft.slug} spellCheck={false} onChange={(e) => put({ slug: e.target.value.trim() })} />
        <span className="d-hint">{t('publicForm.slugHint', { slug: draft.slug })}</span>
      </label>
      <label className="d-check"><input type="checkbox" data-testid="public-form-enabled" checked={draft.enabled} onChange={(e) => put({ enabled: e.target.checked })} />{t('publicForm.enabled')}</label>
      <TextPair id="public-form-title" value={draft.title} labels={[t('publicForm.titleEn'), t('publicForm.titleZh')]} onChange={(title) => put({ title })} />
      <TextPair id="public-form-intro" value={draft.intro} labels={[t('publicForm.introEn'), t('publicForm.introZh')]} onChange={(intro) => put({ intro })} />
      <TextPair id="public-form-thanks" value={draft.thanks} labels={[t('publicForm.thanksEn'), t('publicForm.thanksZh')]} onChange={(thanks) => put({ thanks })} />
      <span className="d-hint">{t('publicForm.thanksHint')}</span>
      <fieldset className="d-wf-pair" data-testid="public-form-fields">
        <legend>{t('publicForm.fields')}</legend>
        {choices.map((f) => (
          <label key={f} className="d-check"><input type="checkbox" data-testid={`public-form-field-${f}`} checked={draft.fields.includes(f)}
            onChange={(e) => put({ fields: e.target.checked ? [...draft.fields, f] : draft.fields.filter((x) => x !== f), defaults: draft.defaults.filter((d) => d.field !== f) })} />{label(f)}</label>
        ))}
        <span className="d-hint">{t('publicForm.fieldsHint')}</span>
      </fieldset>
      <label className="d-label">{t('publicForm.submitAs')}
        {users.length ? (
          <select data-testid="public-form-submit-as" value={draft.submitAs} onChange={(e) => put({ submitAs: e.target.value })}>
            <option value="">{t('publicForm.chooseUser')}</option>
            {draft.submitAs && !users.some((u) => u.username === draft.submitAs) && <option value={draft.submitAs}>{draft.submitAs}</option>}
            {users.map((u) => <option key={u.id} value={u.username}>{u.displayName ? `${u.displayName} (${u.username})` : u.username}</option>)}
          </select>
        ) : <input data-testid="public-form-submit-as" value={draft.submitAs} spellCheck={false} onChange={(e) => put({ submitAs: e.target.value })} />}
        <span className="d-hint">{t('publicForm.submitAsHint', { entity: entityLabel })}</span>
      </label>
      <fieldset className="d-fieldset" data-testid="public-form-defaults">
        <legend>{t('publicForm.defaults')}</legend>
        {draft.defaults.map((d, i) => {
          const options = entity.properties[d.field]?.['x-options'];
          const set = (patch: Partial<{ field: string; value: string }>) => put({ defaults: draft.defaults.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
          return (
            <div key={i} className="d-row">
              <select aria-label={t('publicForm.defaultField')} data-testid={`public-form-default-${i}-field`} value={d.field} onChange={(e) => set({ field: e.target.value, value: '' })}>
                <option value="" />
                {[...new Set([d.field, ...defaultChoices].filter(Boolean))].map((f) => <option key={f} value={f}>{label(f)}</option>)}
              </select>
              {options ? (
                <select aria-label={t('publicForm.defaultValue')} data-testid={`public-form-default-${i}-value`} value={d.value} onChange={(e) => set({ value: e.target.value })}>
                  <option value="" />
                  {options.map((o) => <option key={o.value} value={o.value}>{localize(o.label, i18n.language) || o.value}</option>)}
                </select>
              ) : <input aria-label={t('publicForm.defaultValue')} data-testid={`public-form-default-${i}-value`} value={d.value} onChange={(e) => set({ value: e.target.value })} />}
              <button type="button" className="d-btn d-btn-ghost" aria-label={t('publicForm.removeDefault', { name: label(d.field) })} onClick={() => put({ defaults: draft.defaults.filter((_, j) => j !== i) })}>✕</button>
            </div>
          );
        })}
        <button type="button" className="d-btn" data-testid="public-form-default-add" disabled={!defaultChoices.length} onClick={() => put({ defaults: [...draft.defaults, { field: '', value: '' }] })}>{t('publicForm.addDefault')}</button>
      </fieldset>
      <label className="d-label">{t('publicForm.event')}
        <select data-testid="public-form-event" value={draft.event} onChange={(e) => put({ event: e.target.value })}>
          <option value="">{t('publicForm.noEvent')}</option>
          {[...new Set([draft.event, ...entityEvents(app, entity['x-name'])].filter(Boolean))].map((ev) => <option key={ev} value={ev}>{ev}</option>)}
        </select>
      </label>
      <label className="d-label">{t('publicForm.perMinute')}
        <input type="number" min={1} max={600} placeholder="5" data-testid="public-form-per-minute" value={draft.perMinute} onChange={(e) => put({ perMinute: e.target.value })} />
      </label>
      <label className="d-check"><input type="checkbox" data-testid="public-form-captcha" checked={draft.captcha} onChange={(e) => put({ captcha: e.target.checked })} />{t('publicForm.captcha')}</label>
      {problems.length > 0 && <ul className="d-problems" data-testid="public-form-problems">{problems.map(([key, params]) => <li key={key + (params?.name ?? '')}>{t(`publicForm.problems.${key}`, params)}</li>)}</ul>}
      <div className="d-actions">
        <button type="submit" className="d-btn d-btn-primary" data-testid="public-form-apply" disabled={problems.length > 0}>{t('publicForm.apply')}</button>
        <button type="button" className="d-btn" data-testid="public-form-close" onClick={onClose}>{t('publicForm.close')}</button>
        {onRemove && <button type="button" className="d-btn d-btn-danger" data-testid="public-form-remove" onClick={onRemove}>{t('publicForm.remove')}</button>}
      </div>
    </form>
  );
}
