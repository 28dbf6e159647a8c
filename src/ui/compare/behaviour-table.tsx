import type { Answer, BehaviourRow } from '../../core/compare/types';
import { useStudioStore } from '../store-context';

/**
 * Requests whose answers changed, both answers side by side. A click runs the request in the simulator (on
 * the current text), which shows its path on the canvas.
 */
export function BehaviourTable({ rows, traced }: { rows: readonly BehaviourRow[]; traced: number }) {
  const store = useStudioStore();
  const run = (r: BehaviourRow) => {
    store.getState().setSimRequest(r.request);
    store.getState().showPanel('simulator');
  };
  return (
    <section className="behaviour" data-testid="behaviour">
      <h3>Requests that now go elsewhere ({rows.length})</h3>
      {rows.length === 0 ? (
        <p className="muted">
          {traced > 0
            ? `None of the ${traced} requests traced through both versions changed.`
            : 'No requests traced.'}
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>request</th>
              <th>before</th>
              <th>after</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={i}
                className={r.risk ? 'risk' : undefined}
                data-testid="behaviour-row"
                data-risk={r.risk ? 'true' : undefined}
                onClick={() => run(r)}
                title="Run this request in the simulator"
              >
                <td>
                  <button type="button" className="link" data-testid="behaviour-run">
                    {r.name}
                  </button>
                </td>
                <AnswerCell a={r.before} side="before" />
                <AnswerCell a={r.after} side="after" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AnswerCell({ a, side }: { a: Answer; side: 'before' | 'after' }) {
  const problems = a.destinations.flatMap((d) => d.problems);
  return (
    <td data-testid={`behaviour-${side}`} title={[a.summary, ...problems].join('\n')}>
      {a.text}
    </td>
  );
}
