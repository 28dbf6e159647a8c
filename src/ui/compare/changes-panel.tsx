import type { ChangeKind, Comparison, ResourceChange } from '../../core/compare/types';
import { useCompare } from './compare-context';
import type { CompareState } from './compare-store';
import { BehaviourTable } from './behaviour-table';
import { FindingsSection } from './findings-section';
import { PhaseExport } from './phase-export';
import { ResourceChangeRow } from './resource-change';
import './changes-panel.css';

const selectView = (s: CompareState) => s.view;

const GROUPS: { change: ChangeKind; title: string }[] = [
  { change: 'added', title: 'Added' },
  { change: 'changed', title: 'Changed' },
  { change: 'removed', title: 'Removed' },
];

/**
 * The review of a change (issue 18): what it does to traffic, resource by resource, the requests whose answers
 * changed, new and fixed findings, and the change as make-before-break steps. Follows every keystroke.
 */
export function ChangesPanel() {
  const view = useCompare(selectView);
  const comparison = view?.comparison;
  if (!comparison) return <p className="loading">Comparing…</p>;
  const behind = view.comparedText !== view.headText;
  return (
    <div className="changes" data-testid="changes" data-busy={behind ? 'true' : 'false'}>
      <p
        className={comparison.risk ? 'changes-summary risk' : 'changes-summary'}
        data-testid="changes-summary"
      >
        {comparison.summary.text}
        {behind && <span className="muted"> (updating…)</span>}
      </p>
      {comparison.notes.map((n) => (
        <p key={n} className="changes-note" role="note">
          {n}
        </p>
      ))}
      <ResourceGroups comparison={comparison} />
      <BehaviourTable rows={comparison.behaviour} traced={comparison.requestsTraced} />
      <FindingsSection findings={comparison.findings} />
      <PhaseExport phases={comparison.phases} />
    </div>
  );
}

function ResourceGroups({ comparison }: { comparison: Comparison }) {
  if (comparison.resources.length === 0) return <p className="muted">No resource differs from the base.</p>;
  const by = (c: ChangeKind): ResourceChange[] => comparison.resources.filter((r) => r.change === c);
  return (
    <>
      {GROUPS.map(({ change, title }) => {
        const rows = by(change);
        if (rows.length === 0) return null;
        return (
          <section key={change} className={`change-group change-group-${change}`} data-group={change}>
            <h3>
              {title} ({rows.length})
            </h3>
            <ul>
              {rows.map((r) => (
                <ResourceChangeRow key={r.ref} change={r} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
