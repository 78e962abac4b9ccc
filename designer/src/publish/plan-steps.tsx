import { useTranslation } from 'react-i18next';
import type { PlanStep } from '../api/meta-api-types';

/** The plan's steps, each marked safe or destructive, with its SQL folded away. */
export function PlanSteps({ steps }: { steps: PlanStep[] }) {
  const { t } = useTranslation();
  if (!steps.length) return <p className="d-hint" data-testid="plan-empty">{t('plan.noSteps')}</p>;
  return (
    <ol className="d-steps" data-testid="plan-steps">
      {steps.map((step, i) => (
        <li key={i} data-testid={`plan-step-${step.kind}`} className={step.destructive ? 'd-step d-step-destructive' : 'd-step'}>
          <span className={step.destructive ? 'd-chip d-chip-required' : step.safe ? 'd-chip d-chip-ok' : 'd-chip d-chip-warn'}>
            {step.destructive ? t('plan.destructive') : step.safe ? t('plan.safe') : t('plan.checked')}
          </span>{' '}
          {step.description}
          {step.sql.length > 0 && (
            <details><summary>{t('plan.sql')}</summary><pre className="d-sql">{step.sql.join(';\n')}</pre></details>
          )}
        </li>
      ))}
    </ol>
  );
}
