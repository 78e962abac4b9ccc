import { useId, type ReactNode } from 'react';

/** A labelled control with its server error underneath, tied by aria-describedby. */
export function AdminField({ label, error, children }: { label: string; error?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="t-admin-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {}) })}
      {error && <span id={errorId} className="t-danger" role="alert">{error}</span>}
    </div>
  );
}
