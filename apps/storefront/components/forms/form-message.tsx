import type { ActionState } from './action-state';

/** The outcome of a form, announced to screen readers when it changes. */
export function FormMessage({ state }: { readonly state: ActionState }) {
  if (!state) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'notice success' : 'notice error'}>
      {state.message}
    </p>
  );
}
