import { useTranslation } from 'react-i18next';
import { defineActionEditor, type ActionEditorProps } from './action-editor-types';

type Empty = Record<string, never>;

function StartApprovalEditor({ id }: ActionEditorProps<Empty>) {
  const { t } = useTranslation();
  return <p className="d-hint" data-testid={`${id}-params`}>{t('actionEditors.startApproval.hint')}</p>;
}

/** startApproval takes nothing: the chain is the target state's approval, edited in that state's inspector. */
export const startApprovalEditor = defineActionEditor<Empty, Empty>({
  toState: () => ({}),
  toParams: () => ({}),
  Editor: StartApprovalEditor,
});
