const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * What to send for a create: the form's values without the empty ones, so the server applies
 * defaults and "optional" means absent rather than an empty string.
 */
export function formDataToCreatePayload(formData: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) if (!isEmpty(formData[field])) payload[field] = formData[field];
  return payload;
}

/**
 * What to send for a PATCH: only what changed since the record was loaded; a field the user
 * cleared is sent as null (an absent key would mean "leave it as it is").
 */
export function formDataToPatchPayload(
  formData: Record<string, unknown>,
  original: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const next = isEmpty(formData[field]) ? null : formData[field];
    const before = isEmpty(original[field]) ? null : original[field];
    if (JSON.stringify(next) !== JSON.stringify(before)) payload[field] = next;
  }
  return payload;
}

/**
 * A record as the form's initial data: nulls become absent, because the form schema says
 * `type: "string"` and rjsf would flag null as a type error before the user touched anything.
 */
export function recordToFormData(record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) if (record[field] !== null && record[field] !== undefined) data[field] = record[field];
  return data;
}
