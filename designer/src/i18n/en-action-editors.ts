/** English strings of the built-in workflow actions' editors (kept beside en.ts so neither grows past a page). */
export const actionEditorsEn = {
  actionEditors: {
    value: 'Value', keptValue: 'Kept as written (not editable here): {{json}}',
    addField: 'Add a field…', removeField: 'Remove {{field}}', noSuchField: 'There is no field “{{field}}” any more.',
    noSource: 'This workflow\'s entity is not in the app any more: pick its entity again before editing this action.',
    setFields: { hint: 'The record gets these values in the same step as its state change.', none: 'Add at least one field to set.' },
    createRecord: {
      entity: 'Record to create', noEntity: 'Choose what to create.', values: 'Its fields',
      source: 'Where the value comes from', sources: { value: 'A fixed value', expr: 'An expression over this record', created: 'A record created just before' },
      valuesHint: 'An expression reads this record\'s fields by name, e.g. {{example}}. “A record created just before” names an earlier “Create a related record” of the same step by its name.',
      noneCreated: 'No earlier action of this step names a record it creates.', notCreated: 'No earlier action of this step creates “{{name}}”.',
      link: 'Its link back to this record', backLink: 'This record\'s link to it', none: 'None',
      as: 'Name for later actions (optional)', asHint: 'Lowercase letters, digits and _, starting with a letter; later actions of the same step use it to link to this record.',
    },
    assignOwner: {
      strategy: 'How the owner is chosen',
      strategies: { 'round-robin': 'In turn', rules: 'By rules', load: 'The least busy' },
      hints: {
        'round-robin': 'Each record goes to the next person in the list.',
        rules: 'The first rule that holds picks the people, who then take turns; when none holds, the fallback people take turns, else the owner stays.',
        load: 'The person with the fewest open records of this kind gets it.',
      },
      users: 'Among', noUsers: 'Add at least one person.', rules: 'Rules, checked in order', when: 'When', ruleUsers: 'Then among',
      whenHint: 'A condition over the record\'s fields, e.g. {{example}}.', addRule: 'Add a rule', removeRule: 'Remove rule {{n}}',
      fallback: 'Otherwise among (optional)', pool: 'Shared turn (optional)', poolHint: 'Actions with the same name here share one turn, so people are not picked twice in a row across them.',
    },
    webhook: {
      url: 'Address to send the record to', badUrl: 'The address starts with http:// or https://.',
      urlHint: 'Sent after the step is saved; if the step is undone, nothing is sent.',
      secret: 'Signing secret (optional)', secretHint: 'At least {{min}} characters. The receiver checks the signature to know the message is from this app.',
      retryLimit: 'Retries when it fails', retryDelay: 'First retry after (seconds)', retryHint: 'Each retry waits twice as long as the one before.',
    },
    startApproval: { hint: 'Starts the approval of the state this step leads to. Set up the approvers in that state.' },
  },
};
