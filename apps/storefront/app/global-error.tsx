'use client';

import './globals.css';

/** When the layout itself fails (no configuration, say): a whole page of its own. */
export default function GlobalError({ retry }: { readonly error: unknown; readonly retry: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <main id="main" className="narrow">
          <h1>The shop is unavailable</h1>
          <p>Sorry, something went wrong on our side. Please try again in a moment.</p>
          <button type="button" onClick={() => retry()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
