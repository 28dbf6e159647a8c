import { Suspense, lazy, useState } from 'react';
import type { Meaning, ResourceChange } from '../../core/compare/types';
import { useStudioInstance } from '../store-context';

// Monaco's diff editor comes with the editor's own chunk, loaded already by the YAML pane; only on expand.
const ResourceDiff = lazy(() => import('./resource-diff').then((m) => ({ default: m.ResourceDiff })));

/** One resource that differs: what the change means, and (expanded) its text diff. */
export function ResourceChangeRow({ change }: { change: ResourceChange }) {
  const studio = useStudioInstance();
  const [open, setOpen] = useState(false);
  const reveal = (m: Meaning) => {
    // Head ranges only: the base is not in the editor.
    if (m.range && m.side !== 'base') studio.reveal(m.range[0], m.range[1]);
  };
  return (
    <li
      className={`change change-${change.change}${change.risk ? ' risk' : ''}`}
      data-testid="change"
      data-resource={change.ref}
      data-change={change.change}
      data-risk={change.risk ? 'true' : undefined}
    >
      <div className="change-head">
        <button
          type="button"
          className="change-toggle"
          aria-expanded={open}
          data-testid="change-diff-toggle"
          onClick={() => setOpen((o) => !o)}
          title={open ? 'Hide the text diff' : 'Show the text diff'}
        >
          {open ? '▾' : '▸'}
        </button>
        <span className="change-ref">{change.ref}</span>
        {change.risk && <span className="risk-badge">503 risk</span>}
        {change.fields.length > 0 && <span className="muted">{change.fields.join(', ')}</span>}
      </div>
      {change.meanings.length > 0 && (
        <ul className="meanings">
          {change.meanings.map((m, i) => (
            <li
              key={i}
              className={m.risk ? 'meaning risk' : 'meaning'}
              data-testid="meaning"
              data-kind={m.kind}
              data-risk={m.risk ? 'true' : undefined}
              onClick={() => reveal(m)}
            >
              {m.text}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <Suspense fallback={<p className="loading">Loading the diff…</p>}>
          <ResourceDiff before={change.baseText} after={change.headText} />
        </Suspense>
      )}
    </li>
  );
}
