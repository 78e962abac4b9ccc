import { booleanFieldType } from './boolean';
import { currencyFieldType } from './currency';
import { dateFieldType } from './date';
import { datetimeFieldType } from './datetime';
import { emailFieldType } from './email';
import type { FieldTypeDefinition } from './field-type-types';
import { numberFieldType } from './number';
import { phoneFieldType } from './phone';
import { relationFieldType } from './relation';
import { selectFieldType } from './select';
import { textFieldType } from './text';
import { textareaFieldType } from './textarea';
import { urlFieldType } from './url';

export const builtinFieldTypes: readonly FieldTypeDefinition[] = [
  textFieldType,
  textareaFieldType,
  numberFieldType,
  currencyFieldType,
  dateFieldType,
  datetimeFieldType,
  booleanFieldType,
  selectFieldType,
  emailFieldType,
  phoneFieldType,
  urlFieldType,
  relationFieldType,
];
