import { isHttpError } from '../errors/http-error';
import { previewRollback, type RollbackInput } from './rollback-migration';
import type { CheckResult, StepView } from './migrate-types';

/**
 * What `POST /api/_meta/rollback` would do, computed like `POST /api/_meta/plan`: the whole
 * rollback (archive restores included) runs in a transaction that is rolled back. A rollback
 * that cannot happen (first version, purged archives, a version no longer stored) is an answer
 * here, not an error: `possible: false` with the reason and one detail per missing archive.
 */
export type RollbackPlan =
  | { possible: true; fromVersion: number; restoredVersion: number; steps: StepView[]; blockers: string[]; checks: CheckResult[]; destructive: boolean }
  | { possible: false; fromVersion: number; reason: string; details: unknown[] };

export async function planRollback(input: Omit<RollbackInput, 'appliedBy' | 'confirmDestructive'> & { fromVersion: number }): Promise<RollbackPlan> {
  const { fromVersion, ...rest } = input;
  try {
    const preview = await previewRollback({ ...rest, appliedBy: 'preview' });
    return {
      possible: true, fromVersion, restoredVersion: preview.restoredVersion,
      steps: preview.steps, blockers: preview.blockers, checks: preview.checks,
      destructive: preview.steps.some((s) => s.destructive),
    };
  } catch (err) {
    // A stale baseVersion stays a 409 version_conflict: the caller must reload first.
    if (isHttpError(err) && err.code === 'rollback_not_possible') return { possible: false, fromVersion, reason: err.message, details: [...(err.details ?? [])] };
    throw err;
  }
}
