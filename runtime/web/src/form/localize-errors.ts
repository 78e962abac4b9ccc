import type { RJSFValidationError } from '@rjsf/utils';
import type { TFunction } from 'i18next';

const KNOWN = new Set(['required', 'format', 'maxLength', 'minLength', 'minimum', 'maximum', 'pattern', 'enum', 'type']);

/**
 * rjsf's `transformErrors`: ajv's English messages ("must match format \"email\"") become
 * the UI language by ajv keyword. Unknown keywords keep ajv's text rather than vanish.
 */
export function localizeErrors(t: TFunction) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((error) => {
      if (!error.name || !KNOWN.has(error.name)) return error;
      const params = (error.params ?? {}) as Record<string, unknown>;
      const message = t(`validation.${error.name}`, { ...params, defaultValue: error.message ?? '' });
      return { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() };
    });
}
