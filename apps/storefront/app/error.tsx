'use client';

import { useEffect } from 'react';

/** Anything a page did not expect: an apology and a retry; the digest matches the server's log line. */
export default function ErrorPage({ error, retry }: { readonly error: unknown; readonly retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="narrow">
      <h1>Something went wrong</h1>
      <p>Sorry, we could not show this page. Please try again in a moment.</p>
      {digest && <p className="hint">Reference: {digest}</p>}
      <button type="button" onClick={() => retry()}>
        Try again
      </button>
    </div>
  );
}
