import { getDefaultRegistry } from '@rjsf/core';
import type { WidgetProps } from '@rjsf/utils';
import { numericStep } from './numeric-step';

const UpDown = getDefaultRegistry().widgets.UpDownWidget;

/** rjsf's number box with the step of the field's decimals (`x-scale`), so the arrows and the browser's check match the column. */
export function NumberWidget(props: WidgetProps) {
  return <UpDown {...props} step={numericStep(props.schema as Record<string, unknown>)} />;
}
