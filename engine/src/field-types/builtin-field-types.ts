import { autonumberFieldType } from './autonumber';
import { booleanFieldType } from './boolean';
import { currencyFieldType } from './currency';
import { dateFieldType } from './date';
import { datetimeFieldType } from './datetime';
import { emailFieldType } from './email';
import type { FieldTypeDefinition } from './field-type-types';
import { fileFieldType } from './file';
import { formulaFieldType } from './formula';
import { jsonFieldType } from './json';
import { multiselectFieldType } from './multiselect';
import { numberFieldType } from './number';
import { percentFieldType } from './percent';
import { phoneFieldType } from './phone';
import { relationFieldType } from './relation';
import { richtextFieldType } from './richtext';
import { rollupFieldType } from './rollup';
import { selectFieldType } from './select';
import { textFieldType } from './text';
import { textareaFieldType } from './textarea';
import { urlFieldType } from './url';
import { userFieldType } from './user';

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
  richtextFieldType,
  percentFieldType,
  multiselectFieldType,
  jsonFieldType,
  userFieldType,
  autonumberFieldType,
  formulaFieldType,
  rollupFieldType,
  fileFieldType,
];
