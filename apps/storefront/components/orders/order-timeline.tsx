import { formatDateTime } from '@/lib/format';
import type { TimelineStep } from '@/lib/orders/timeline';

const STATE_TEXT = { done: 'done', current: 'in progress', upcoming: 'to come' } as const;

/** The order's steps as an ordered list; each step's state is in words, not only in colour. */
export function OrderTimeline({ steps }: { readonly steps: readonly TimelineStep[] }) {
  return (
    <ol className="timeline">
      {steps.map((step) => (
        <li key={step.key} className={`step ${step.state} ${step.key === 'CANCELLED' ? 'cancelled' : ''}`} aria-current={step.state === 'current' ? 'step' : undefined}>
          <span className="step-label">{step.label}</span>
          <span className="step-state">
            {step.at ? formatDateTime(step.at) : STATE_TEXT[step.state]}
            {step.at && <span className="visually-hidden"> ({STATE_TEXT[step.state]})</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
