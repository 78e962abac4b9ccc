/**
 * Which fields name a person (data care: a person's export and erasure read them). Email and
 * phone fields are personal unless marked otherwise; relations (an id of a record that holds
 * the data itself) and formulas (computed from other fields) never are, so the runtime ignores
 * the keyword on them and the designer does not offer it.
 */
const PERSONAL_BY_DEFAULT = new Set(['email', 'phone']);
const NEVER_PERSONAL = new Set(['relation', 'formula']);

export const canBePersonal = (type: string): boolean => !NEVER_PERSONAL.has(type);

/** Whether a field of `type` with `x-personal` = `declared` holds a person's data. */
export const isPersonal = (type: string, declared: boolean | undefined): boolean => canBePersonal(type) && (declared ?? PERSONAL_BY_DEFAULT.has(type));

/**
 * The `x-personal` to write for a field of `type` whose box says `personal`: nothing when the
 * type's default says the same (an untouched field shows no diff), except that a value the
 * field already declared is kept while it still holds.
 */
export function personalKeyword(type: string, personal: boolean, declared?: boolean): boolean | undefined {
  if (!canBePersonal(type)) return undefined;
  if (declared === personal) return declared;
  return personal === PERSONAL_BY_DEFAULT.has(type) ? undefined : personal;
}
