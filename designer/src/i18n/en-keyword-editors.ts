/**
 * English strings of the editors that close issue 17's follow-ups: personal data, transfers,
 * calendar views, state locks and public forms (kept beside en.ts so neither grows past a page).
 */
export const keywordEditorsEn = {
  personal: {
    label: 'Names a person (personal data)',
    hint: 'Included when a person asks for their data, and emptied when they are erased. Email and phone fields are personal unless unticked.',
  },
  bulkCreate: {
    legend: 'Create one for each {{parent}}',
    on: 'Offer an action on the {{parent}} list that creates one {{child}} for each selected {{parent}}',
    labelEn: 'Action name (English)', labelZh: 'Action name (Chinese)', fields: 'Ask once for these fields',
    problems: { label: 'Give the action an English name.', fields: 'Choose at least one field to ask for.' },
  },
  onTransfer: {
    legend: 'When a {{target}} record is transferred to another owner, this record (if it was the previous owner\'s)',
    none: { label: 'Stays', hint: 'keeps its owner (the default).' },
    all: { label: 'Follows', hint: 'moves to the new owner with the {{target}}.' },
    open: { label: 'Follows while open', hint: 'moves unless its workflow has reached a final state.' },
    notIn: { label: 'Follows unless a field says it is done', hint: 'moves unless the field has one of the values ticked below.' },
    fromNow: { label: 'Follows while a date is ahead', hint: 'moves only when the date has not passed yet.' },
    field: 'Field', values: 'Stays when the value is', date: 'Date',
    problems: {
      workflow: '"Follows while open" needs a workflow on this entity to tell open records from closed ones.',
      field: 'Choose the field that tells whether the record follows.',
      values: 'Tick at least one value for which the record stays.',
    },
  },
  calendar: {
    startField: 'Starts on', endField: 'Ends on', noEnd: '(none: a single day or moment)', titleField: 'Entry title', defaultTitle: '(the record title)',
    hint: 'Records are placed on the calendar by their start; an end of the same kind (date or date and time) spans them.',
    noDates: '{{entity}} has no date or datetime field to place records by: add one to make a calendar.',
  },
  lock: {
    legend: 'Record lock',
    enabled: 'Lock the record in this state',
    hint: 'Locked fields cannot be changed by forms, bulk edits, imports or plugins while the record is in this state; moving it on in the workflow still works.',
    whole: 'The whole record', some: 'Only these fields', fields: 'Locked fields',
    except: 'Who may still edit', exceptHint: 'Users with one of these roles can still change the locked fields.',
    noFields: 'Tick at least one field; until then nothing is locked.',
  },
  publicForm: {
    open: 'Public forms', heading: 'Public forms of {{entity}}',
    hint: 'A form anyone can fill in on the web without signing in (web-to-lead); each submission creates a {{entity}} record.',
    none: 'No public form yet.', new: 'New public form', edit: 'Edit {{slug}}', offline: 'offline', newTitle: 'Send us your details', sectionLabel: 'Your details',
    editHeading: 'Public form /forms/{{slug}}', newHeading: 'New public form',
    slug: 'Address', slugHint: 'Visitors open it at /forms/{{slug}}.',
    titleEn: 'Title (English)', titleZh: 'Title (中文)', introEn: 'Introduction (English)', introZh: 'Introduction (中文)',
    thanksEn: 'Thank-you text (English)', thanksZh: 'Thank-you text (中文)', thanksHint: 'Shown after a successful submission.',
    fields: 'Fields asked', fieldsHint: 'Only plain fields a visitor can type in (no relations, users or files).',
    submitAs: 'Created as', submitAsHint: 'A service account: not an administrator, and allowed to create {{entity}} records.', chooseUser: 'Choose a user…',
    event: 'Then fire the workflow event', noEvent: '(none)',
    perMinute: 'Submissions per minute from one address', captcha: 'Ask a small sum before accepting a submission (against spam)',
    enabled: 'Online (untick to take the form offline without deleting it)',
    defaults: 'Values every submission gets (not shown to the visitor)', defaultField: 'Field', defaultValue: 'Value', addDefault: 'Add a value', removeDefault: 'Remove the value of {{name}}',
    apply: 'Apply', close: 'Close', remove: 'Delete public form',
    problems: {
      slug: 'The address uses lowercase letters, digits and -, starting with a letter or digit (at most 63).',
      slugTaken: 'Another public form already uses the address "{{slug}}".',
      title: 'The English title is required.',
      submitAs: 'Choose the user submissions are created as.',
      fields: 'Tick at least one field to ask for.',
      perMinute: 'Submissions per minute: a whole number from 1 to 600.',
      defaultField: 'Choose a field for each value, each field once.',
      defaultValue: 'The value for "{{name}}" does not fit the field.',
    },
  },
};
