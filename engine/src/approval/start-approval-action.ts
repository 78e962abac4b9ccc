import { defineAction } from '../workflow/define-action';

/**
 * Starts the approval chain of the state the transition enters (its `approval`), in the
 * transition's transaction. A record returned to its submitter resumes at the returning step.
 * Publish checks that the target state has an approval (validateWorkflow).
 */
export const startApprovalAction = defineAction<Record<string, never>>({
  name: 'startApproval',
  description: 'Start the approval chain of the target state',
  paramsSchema: { type: 'object', additionalProperties: false },
  resolve: () => [{ kind: 'start-approval' }],
});
