import type { Comparison, FindingRef } from '../../core/compare/types';

/** Findings the change brings (new in the current text) and those it fixed (only the base had them). */
export function FindingsSection({ findings }: { findings: Comparison['findings'] }) {
  if (findings.added.length === 0 && findings.fixed.length === 0) return null;
  return (
    <section className="compare-findings" data-testid="compare-findings">
      <h3>Findings</h3>
      <FindingList items={findings.added} status="new" />
      <FindingList items={findings.fixed} status="fixed" />
    </section>
  );
}

function FindingList({ items, status }: { items: readonly FindingRef[]; status: 'new' | 'fixed' }) {
  if (items.length === 0) return null;
  return (
    <ul>
      {items.map((f, i) => (
        <li
          key={i}
          className={`finding finding-${status} sev-${f.severity}`}
          data-testid="compare-finding"
          data-status={status}
          data-code={f.code}
        >
          <span className="finding-status">{status}</span> <code>{f.code}</code> {f.resource ?? ''}:{' '}
          {f.message}
        </li>
      ))}
    </ul>
  );
}
