import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { currencyCodeOf } from './currency-code';
import { numericStep } from './numeric-step';

/** The symbol of an ISO 4217 code in the UI language (¥ for CNY, $ for USD…). */
function currencySymbol(currency: string, language: string): string {
  try {
    const parts = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency; // an unknown code: show it as written
  }
}

/**
 * A money amount: a number input between the currency's symbol and code. A multi-currency
 * amount (`x-currency-field`) follows the code field of the record being edited, which the
 * form passes in `formContext.formData`; until one is chosen the affixes say so.
 */
export function CurrencyWidget({ id, value, required, disabled, readonly, onChange, onBlur, onFocus, schema, registry, htmlName }: WidgetProps) {
  const { t, i18n } = useTranslation();
  const record = (registry.formContext as { formData?: Record<string, unknown> } | undefined)?.formData;
  const currency = currencyCodeOf(schema as Record<string, unknown>, record);
  return (
    <div className="t-input-affix">
      <span className="t-affix" aria-hidden="true">{currency ? currencySymbol(currency, i18n.language) : '¤'}</span>
      <input
        id={id}
        name={htmlName ?? id}
        data-testid={`field-${id}`}
        className="form-control"
        type="number"
        inputMode="decimal"
        step={numericStep(schema as Record<string, unknown>)}
        value={value ?? ''}
        required={required}
        disabled={disabled || readonly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
      <span className="t-affix t-affix-end" data-testid={`currency-${id}`} title={currency ? undefined : t('form.currencyMissing')}>{currency ?? t('form.currencyMissing')}</span>
    </div>
  );
}
