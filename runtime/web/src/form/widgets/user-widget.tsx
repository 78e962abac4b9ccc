import type { WidgetProps } from '@rjsf/utils';
import { UserPicker } from '../../users/user-picker';

/** A user field: people by name from the user directory, stored as the user's id. */
export function UserWidget({ id, value, label, disabled, readonly, onChange }: WidgetProps) {
  return (
    <UserPicker id={id} testId={`user-widget-${id}`} label={label} value={typeof value === 'string' ? value : ''} disabled={disabled || readonly}
      onChange={(userId) => onChange(userId === '' ? undefined : userId)} />
  );
}
