'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice" role="alert">
      <h1>The data could not be loaded</h1>
      <p>
        The database is unavailable or did not answer. Nothing was changed. Try again in a moment; if it persists, check{' '}
        <a href="/api/health">/api/health</a> and the server log.
      </p>
      {error.digest ? <p className="meta">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
