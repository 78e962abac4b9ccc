import { getDefaultRegistry } from '@rjsf/core';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { CurrencyWidget } from './widgets/currency-widget';
import { DateTimeWidget } from './widgets/datetime-widget';
import { FileWidget } from './widgets/file-widget';
import { JsonWidget } from './widgets/json-widget';
import { NumberWidget } from './widgets/number-widget';
import { PhoneWidget } from './widgets/phone-widget';
import { RelationWidget } from './widgets/relation-widget';
import { RichTextWidget } from './widgets/richtext-widget';
import { UserWidget } from './widgets/user-widget';

/**
 * The widgets rjsf resolves `ui:widget` names against: Tessera's own (`currency`, `phone`,
 * `datetime`, `relation`, `user`, `file`, `richtext`, and number boxes stepping by the field's decimals) plus the
 * plugins' (`rating:stars`). rjsf's other built-ins (`text`, `email`, `select`…) need no entry.
 * A plugin may not replace a built-in silently.
 */
export function createWidgets(pluginWidgets: RegistryWidgetsType = {}): RegistryWidgetsType {
  const rjsf = getDefaultRegistry().widgets;
  // rjsf's own widgets under the engine's names for them.
  const fallbacks: RegistryWidgetsType = {
    url: rjsf.URLWidget, multiselect: rjsf.CheckboxesWidget, readonly: rjsf.TextWidget,
  };
  const own: RegistryWidgetsType = {
    ...fallbacks, richtext: RichTextWidget, currency: CurrencyWidget, phone: PhoneWidget, datetime: DateTimeWidget, relation: RelationWidget, user: UserWidget, file: FileWidget, json: JsonWidget, updown: NumberWidget, percent: NumberWidget,
  };
  for (const name of Object.keys(pluginWidgets)) {
    if (name in own) throw new Error(`Plugin widget '${name}' clashes with a built-in widget; plugin widgets are named '<plugin>:<id>'.`);
  }
  return { ...own, ...pluginWidgets };
}
