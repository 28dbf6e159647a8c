import { useCallback, useMemo, useState } from 'react';
import type { QuickFix, Severity } from '../../../core/validate/types';
import { applyQuickFix } from '../../edit/quick-fix';
import { useSettledDerived, useStudioInstance } from '../../store-context';
import { ProblemRowView } from './problem-row';
import {
  ALL_SEVERITIES,
  SEVERITIES,
  problemRows,
  severityCounts,
  summary,
  type ProblemRow,
  type SeverityFilter,
} from './problems-model';
import './problems.css';

/** Diagnostics of the current text, below the canvas; derived on render, never stored. */
export function ProblemsPanel() {
  const studio = useStudioInstance();
  const store = studio.store;
  const d = useSettledDerived();
  const [open, setOpen] = useState(true);
  const [filter, setFilter] = useState<SeverityFilter>(ALL_SEVERITIES);
  const counts = useMemo(() => severityCounts(d.diagnostics), [d.diagnostics]);
  const rows = useMemo(() => problemRows(d.diagnostics, d.text, filter), [d.diagnostics, d.text, filter]);

  const reveal = useCallback(
    (row: ProblemRow) => {
      const { nodeId, edgeId, range } = row.diagnostic;
      // The edge at fault when there is one (selecting its node too would make the canvas prefer the node).
      // Select first: selecting reveals the whole element; the finding's own range then wins, also after the
      // canvas has echoed the selection back.
      if (edgeId) store.getState().select({ edgeId });
      else if (nodeId) store.getState().select({ nodeId });
      studio.reveal(range[0], range[1]);
      requestAnimationFrame(() => studio.reveal(range[0], range[1]));
    },
    [studio, store],
  );
  const fix = useCallback((f: QuickFix) => void applyQuickFix(studio, f), [studio]);
  const toggle = (s: Severity) => setFilter((f) => ({ ...f, [s]: !f[s] }));
  const total = d.diagnostics.length;

  return (
    <section className={`problems${open ? ' open' : ''}`} data-testid="problems" aria-label="Problems">
      <header className="problems-header">
        <button
          type="button"
          className="problems-toggle"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Problems{' '}
          <span className="problems-count" data-testid="problems-count">
            {total}
          </span>
        </button>
        <span className="problems-summary">{summary(counts)}</span>
        <span className="problems-filters" role="group" aria-label="Show severities">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              className={`problems-filter problem-${s}`}
              aria-pressed={filter[s]}
              data-testid={`problems-filter-${s}`}
              onClick={() => toggle(s)}
            >
              {s} {counts[s]}
            </button>
          ))}
        </span>
      </header>
      {open && (
        <ul className="problems-list">
          {rows.map((row) => (
            <ProblemRowView key={row.key} row={row} onReveal={reveal} onFix={fix} />
          ))}
          {rows.length === 0 && (
            <li className="problems-empty">
              {total === 0 ? 'No problems in the YAML.' : 'All problems are filtered out.'}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
