import type { QuickFix, Severity } from '../../../core/validate/types';
import type { ProblemRow } from './problems-model';

const ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

interface Props {
  row: ProblemRow;
  onReveal: (row: ProblemRow) => void;
  onFix: (fix: QuickFix) => void;
}

/** One diagnostic: click to reveal it in both panes; one button per quick fix. */
export function ProblemRowView({ row, onReveal, onFix }: Props) {
  const d = row.diagnostic;
  return (
    <li
      className={`problem problem-${d.severity}`}
      data-testid="problem"
      data-severity={d.severity}
      data-code={d.code}
      data-resource={d.resource ?? ''}
    >
      <button
        type="button"
        className="problem-main"
        onClick={() => onReveal(row)}
        title={d.path || undefined}
      >
        <span className="problem-icon" aria-label={d.severity}>
          {ICON[d.severity]}
        </span>
        <span className="problem-code">{d.code}</span>
        <span className="problem-message" title={d.message}>
          {d.message}
        </span>
        <span className="problem-resource">{d.resource ?? 'YAML'}</span>
        <span className="problem-line">
          Ln {row.line}, Col {row.col}
        </span>
      </button>
      {d.fixes?.map((fix) => (
        <button
          key={fix.title}
          type="button"
          className="problem-fix"
          data-testid="problem-fix"
          onClick={() => onFix(fix)}
        >
          {fix.title}
        </button>
      ))}
    </li>
  );
}
