import { useEffect, useState } from 'react';
import type { Verdict } from '../../../core/testcases/verdict';
import type { SavedRequest } from './preset-storage';

interface PresetRowProps {
  preset: SavedRequest;
  verdict: Verdict | undefined;
  onLoad: () => void;
  onDelete: () => void;
  /** Sets the expectation text (blank clears it). */
  onExpect: (text: string) => void;
  /** Sets the expectation from where the request goes now. */
  onExpectThis: () => void;
}

/** One saved request: load it, its expectation (editable, or taken from the current answer), its live verdict. */
export function PresetRow({ preset, verdict, onLoad, onDelete, onExpect, onExpectThis }: PresetRowProps) {
  const [draft, setDraft] = useState(preset.expect ?? '');
  useEffect(() => setDraft(preset.expect ?? ''), [preset.expect]);
  const v = verdict?.verdict ?? 'none';
  const commit = () => {
    if (draft.trim() !== (preset.expect ?? '')) onExpect(draft);
  };
  return (
    <li
      data-testid="sim-preset"
      data-verdict={v === 'none' ? undefined : v}
      className={`sim-preset verdict-${v}`}
    >
      <div className="sim-preset-head">
        <button type="button" className="link" data-testid="sim-preset-load" onClick={onLoad}>
          {preset.name}
        </button>
        {v !== 'none' && (
          <span className="sim-verdict" data-testid="sim-verdict">
            {v === 'pass' ? '✓ pass' : '✗ fail'}
          </span>
        )}
        <button
          type="button"
          className="icon"
          data-testid="sim-preset-delete"
          aria-label={`Delete preset ${preset.name}`}
          onClick={onDelete}
        >
          ×
        </button>
      </div>
      <div className="sim-preset-expect">
        <input
          type="text"
          data-testid="sim-expect"
          aria-label={`Expectation of ${preset.name}`}
          placeholder="expect… reviews v2, reviews v1 80%, v2 20%, 404, redirect"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        <button
          type="button"
          data-testid="sim-expect-this"
          title="Expect where this request goes now"
          onClick={onExpectThis}
        >
          Expect this
        </button>
      </div>
      {v === 'fail' && verdict?.reason && (
        <p className="sim-problem" data-testid="sim-verdict-reason">
          {verdict.reason}
        </p>
      )}
    </li>
  );
}
