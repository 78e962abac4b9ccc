import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';

/** The symbol of an ISO 4217 code in the UI language (¥ for CNY, $ for USD…). */
function currencySymbol(currency: string, language: string): string {
  try {
    const parts = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency; // an unknown code: show it as written
  }
}

/** A money amount: a number input with the currency symbol in front. */
export function CurrencyWidget({ id, value, required, disabled, readonly, onChange, onBlur, onFocus, options, htmlName }: WidgetProps) {
  const { i18n } = useTranslation();
  const currency = typeof options.currency === 'string' ? options.currency : 'CNY';
  return (
    <div className="t-input-affix">
      <span className="t-affix" aria-hidden="true">{currencySymbol(currency, i18n.language)}</span>
      <input
        id={id}
        name={htmlName ?? id}
        data-testid={`field-${id}`}
        className="form-control"
        type="number"
        inputMode="decimal"
        step="0.01"
        value={value ?? ''}
        required={required}
        disabled={disabled || readonly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
      <span className="t-affix t-affix-end" aria-hidden="true">{currency}</span>
    </div>
  );
}
