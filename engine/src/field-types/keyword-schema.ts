import { LOCALE_TAG_PATTERN, type FieldDefinition, type LocalizedText } from '@tessera/metadata';
import type { JsonSchema } from './field-type-types';

/** An author keyword of a field (`x-format`, `maxLength`…). */
export type FieldKeyword = keyof FieldDefinition;

/**
 * The JSON Schema of a field type's own keywords: an object schema whose properties are the
 * type's `keywords`. Every property (nested ones too: `x-file.maxSize`) carries `x-label` and
 * may carry `x-description`, each `{ en, zh }`, so the designer renders and localizes the
 * settings form from it. `default` is what the runtime assumes when the keyword is absent
 * (shown as a placeholder); a keyword in `required` is filled with its default on a new field.
 */
export interface KeywordSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties: false;
}

const text = (en: string, zh: string): LocalizedText => ({ en, zh });
const labelled = (schema: JsonSchema, label: LocalizedText, description?: LocalizedText): JsonSchema => ({
  ...schema,
  'x-label': label,
  ...(description ? { 'x-description': description } : {}),
});

const localizedText = (label: LocalizedText): JsonSchema => labelled({
  type: 'object',
  required: ['en'],
  properties: {
    en: labelled({ type: 'string', minLength: 1 }, text('English', '英文')),
    zh: labelled({ type: 'string' }, text('Chinese', '中文')),
  },
  // Any other language by its BCP 47 tag (languages as data, ADR 0048); the designer edits en and zh.
  propertyNames: { pattern: LOCALE_TAG_PATTERN },
  additionalProperties: { type: 'string' },
}, label);

/**
 * The shape of every built-in field keyword, as `metadata/schemas/field.schema.json` has it
 * (a test keeps the two equal), with the labels the designer shows.
 */
export const FIELD_KEYWORD_SCHEMAS: Partial<Record<FieldKeyword, JsonSchema>> = {
  maxLength: labelled({ type: 'integer', minimum: 0 }, text('Maximum length', '最大长度'), text('Characters; empty means no limit.', '字符数；留空表示不限。')),
  minLength: labelled({ type: 'integer', minimum: 0 }, text('Minimum length', '最小长度')),
  pattern: labelled({ type: 'string', format: 'regex' }, text('Pattern', '格式（正则）'), text('A regular expression every value must match.', '每个值都必须匹配的正则表达式。')),
  minimum: labelled({ type: 'number' }, text('Minimum', '最小值')),
  maximum: labelled({ type: 'number' }, text('Maximum', '最大值')),
  'x-precision': labelled({ type: 'integer', minimum: 1, maximum: 1000 }, text('Precision', '精度'), text('Total digits kept, before and after the decimal point.', '保留的总位数（含小数）。')),
  'x-scale': labelled({ type: 'integer', minimum: 0, maximum: 1000 }, text('Decimal places', '小数位数'), text('Digits after the decimal point; more are refused, not rounded.', '小数点后的位数；超出会被拒绝，而不是四舍五入。')),
  'x-currency': labelled({ type: 'string', pattern: '^[A-Z]{3}$' }, text('Currency', '币种'), text('ISO 4217 code of every amount (CNY, USD, EUR…).', '所有金额的 ISO 4217 币种代码（CNY、USD、EUR…）。')),
  'x-currency-field': labelled({ type: 'string', minLength: 1 }, text('Currency field', '币种字段'), text('A select field whose option values are currency codes: each record names its own currency. Leave the currency empty when set.', '选项值为币种代码的单选字段：每条记录使用各自的币种。设置后请留空“币种”。')),
  'x-unique': labelled({ type: 'boolean' }, text('Unique', '唯一')),
  'x-indexed': labelled({ type: 'boolean' }, text('Indexed', '建索引')),
  'x-searchable': labelled({ type: 'boolean' }, text('Searchable', '可搜索'), text('Found by the list search, relation pickers and the global search (Ctrl+K), with a fast index. The display field always is.', '可在列表搜索、关联选择和全局搜索（Ctrl+K）中查找，并建立快速索引。显示字段始终可搜索。')),
  'x-format': labelled({ type: 'string', minLength: 1, maxLength: 100 }, text('Number format', '编号格式'), text('Literal text with {0000} for the counter and {YYYY}, {MM}, {DD} for the date, e.g. BID-{YYYY}-{0000}.', '固定文字加 {0000} 表示序号，{YYYY}、{MM}、{DD} 表示日期，例如 BID-{YYYY}-{0000}。')),
  'x-formula': labelled({ type: 'string', minLength: 1, maxLength: 2000 }, text('Formula', '公式'), text('An expression over the record\'s fields, e.g. amount * probability / 100.', '基于记录字段的表达式，例如 amount * probability / 100。')),
  'x-formula-type': labelled({ enum: ['number', 'text', 'boolean', 'date'] }, text('Result type', '结果类型')),
  'x-stored': labelled({ type: 'boolean' }, text('Stored (filterable and sortable)', '存储（可筛选、排序）')),
  'x-rollup': labelled({
    type: 'object',
    required: ['fn'],
    properties: {
      relation: labelled({ type: 'string', minLength: 1 }, text('One-to-many field', '一对多字段'), text('Roll up the records this field lists. Or leave it empty and name an entity and a match.', '汇总该字段列出的记录。也可留空，改为指定实体和匹配条件。')),
      entity: labelled({ type: 'string', minLength: 1 }, text('Entity of the records', '记录所属实体'), text('Roll up the records of this entity that match this record.', '汇总该实体中与本记录匹配的记录。')),
      match: labelled({
        type: 'object',
        required: ['field', 'equals'],
        properties: {
          field: labelled({ type: 'string', minLength: 1 }, text('Their field', '对方字段'), text('A user, relation or select field of those records, e.g. the salesperson credited.', '对方记录的用户、关联或单选字段，例如业绩归属人。')),
          equals: labelled({ type: 'string', minLength: 1 }, text('Equals this record\'s field', '等于本记录的字段'), text('The field of this record it must equal, e.g. the target\'s salesperson.', '必须与之相等的本记录字段，例如目标的销售人员。')),
        },
        additionalProperties: false,
      }, text('Match', '匹配')),
      period: labelled({
        type: 'object',
        required: ['date', 'year'],
        properties: {
          date: labelled({ type: 'string', minLength: 1 }, text('Their date field', '对方日期字段')),
          year: labelled({ type: 'string', minLength: 1 }, text('Year field of this record', '本记录的年度字段')),
          month: labelled({ type: 'string', minLength: 1 }, text('Month field of this record', '本记录的月份字段'), text('A record with no month counts the whole year.', '月份为空时统计全年。')),
        },
        additionalProperties: false,
      }, text('Period', '期间'), text('Only records dated in this record\'s year (and month).', '只统计日期在本记录年度（及月份）内的记录。')),
      fn: labelled({ enum: ['count', 'sum', 'avg', 'min', 'max'] }, text('Function', '函数')),
      field: labelled({ type: 'string', minLength: 1 }, text('Field of the related records', '关联记录的字段'), text('Not needed for count.', 'count 不需要。')),
    },
    additionalProperties: false,
  }, text('Rollup', '汇总')),
  'x-file': labelled({
    type: 'object',
    required: ['maxSize', 'accept'],
    properties: {
      maxSize: labelled({ type: 'integer', minimum: 1, maximum: 52428800 }, text('Maximum size (bytes)', '最大大小（字节）'), text('At most 52428800 (50 MB); 10485760 is 10 MB.', '最多 52428800（50 MB）；10485760 即 10 MB。')),
      accept: labelled({ type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9][a-z0-9!#$&^_.+-]*/(\\*|[a-z0-9][a-z0-9!#$&^_.+-]*)$' } },
        text('Accepted types', '允许的类型'), text('MIME types or families, comma-separated: image/*, application/pdf.', 'MIME 类型或类别，用逗号分隔：image/*, application/pdf。')),
      multiple: labelled({ type: 'boolean' }, text('Several files', '允许多个文件')),
    },
    additionalProperties: false,
  }, text('Uploads', '上传')),
  'x-reminder': labelled({
    type: 'object',
    required: ['before', 'notify'],
    properties: {
      before: labelled({
        anyOf: [
          { type: 'string', pattern: '^P(?=\\d|T\\d)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?)?$' },
          { type: 'integer', minimum: 0, maximum: 525600 },
        ],
      }, text('Remind before', '提前提醒'), text('An ISO 8601 duration (P1D, PT2H30M) or minutes.', 'ISO 8601 时长（P1D、PT2H30M）或分钟数。')),
      notify: labelled({ type: 'string', minLength: 1 }, text('Notify', '通知'), text('owner, or the name of a user field.', 'owner，或某个用户字段的名称。')),
      message: localizedText(text('Message', '提醒内容')),
      yearly: labelled({ type: 'boolean' }, text('Every year (anniversaries)', '每年重复（纪念日）')),
    },
    additionalProperties: false,
  }, text('Reminder', '提醒')),
  'x-options': labelled({
    type: 'array',
    items: {
      type: 'object',
      required: ['value', 'label'],
      properties: { value: { type: 'string', minLength: 1 }, label: localizedText(text('Label', '显示名')) },
      additionalProperties: false,
    },
  }, text('Options', '选项')),
  'x-relation': labelled({
    type: 'object',
    required: ['entity', 'kind'],
    properties: {
      entity: labelled({ type: 'string', minLength: 1 }, text('Related entity', '关联对象')),
      kind: labelled({ enum: ['many-to-one', 'one-to-many', 'many-to-many'] }, text('Kind', '关系类型')),
      onDelete: labelled({ enum: ['restrict', 'set-null', 'cascade'] }, text('When the related record is deleted', '关联记录被删除时')),
      onTransfer: labelled({
        oneOf: [
          { enum: ['all', 'open', 'none'] },
          {
            type: 'object',
            required: ['open'],
            properties: {
              open: {
                type: 'object',
                required: ['field'],
                properties: {
                  field: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
                  notIn: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
                  fromNow: { const: true },
                },
                minProperties: 2,
                maxProperties: 2,
                $comment: 'field, and exactly one of notIn or fromNow.',
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
        ],
      }, text('When the related record is transferred', '关联记录转移时')),
      bulkCreate: labelled({
        type: 'object',
        required: ['label', 'fields'],
        properties: {
          label: localizedText(text('Action name', '操作名称')),
          fields: labelled({ type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } }, text('Fields asked once for all', '统一填写的字段')),
        },
        additionalProperties: false,
      }, text('Create one for each from the related list', '从关联列表为每条各创建一条')),
      field: labelled({ type: 'string', minLength: 1 }, text('Inverse field', '反向字段')),
    },
    additionalProperties: false,
  }, text('Relation', '关联')),
};

/**
 * A field type's keyword schema from the shared keyword shapes: `defaults` are the type's own
 * (a currency's scale is 2, a number's 0), `required` the keywords a field of the type must have.
 */
export function keywordSchema(
  keywords: readonly FieldKeyword[],
  options: { defaults?: Partial<Record<FieldKeyword, unknown>>; required?: readonly FieldKeyword[] } = {},
): KeywordSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const keyword of keywords) {
    const shape = FIELD_KEYWORD_SCHEMAS[keyword];
    if (!shape) throw new Error(`No keyword schema for "${keyword}"`);
    const fallback = options.defaults?.[keyword];
    properties[keyword] = fallback === undefined ? shape : { ...shape, default: fallback };
  }
  return { type: 'object', properties, ...(options.required?.length ? { required: [...options.required] } : {}), additionalProperties: false };
}

/**
 * A type's `keywords` and their `keywordSchema` from one list, spread into `defineFieldType`:
 * `...typeKeywords(['x-format'], { defaults: { 'x-format': '{000000}' } })`.
 */
export function typeKeywords<K extends FieldKeyword>(
  keywords: readonly K[],
  options?: Parameters<typeof keywordSchema>[1],
): { keywords: readonly K[]; keywordSchema: KeywordSchema } {
  return { keywords, keywordSchema: keywordSchema(keywords, options) };
}
