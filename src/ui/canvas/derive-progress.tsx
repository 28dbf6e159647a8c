import { useDeriveProgress } from '../store-context';

/**
 * Shown while the parse worker reads a big paste: the canvas keeps its last picture, and this says how far
 * the new text has got (test id `derive-progress`, with `data-done` / `data-total` in documents). When the
 * worker failed or stopped answering, it says so (`data-fallback`) while the main thread reads instead.
 */
export function DeriveProgress() {
  const p = useDeriveProgress();
  if (!p) return null;
  return (
    <div
      className="derive-progress"
      data-testid="derive-progress"
      data-done={p.done}
      data-total={p.total}
      data-fallback={p.fallback ? 'true' : undefined}
      role="status"
    >
      <span>
        Reading YAML: {p.done.toLocaleString('en-US')} of {p.total.toLocaleString('en-US')} documents
      </span>
      {p.fallback && (
        <span className="derive-progress-note">{capitalise(p.fallback)}; reading it here instead.</span>
      )}
      <progress max={p.total} value={p.done} />
    </div>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
