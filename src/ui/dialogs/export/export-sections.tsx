import type { ExportProblem } from './export-plan';

const SHOWN_FILES = 12;

/** The files the zip will hold (the same resources as mesh.yaml), so the person sees what is included. */
export function IncludedFiles({ names }: { names: readonly string[] }) {
  if (names.length === 0)
    return (
      <div className="export-included" data-testid="export-included" data-count={0}>
        Nothing to export.
      </div>
    );
  const more = names.length - SHOWN_FILES;
  return (
    <div className="export-included" data-testid="export-included" data-count={names.length}>
      <span>
        {names.length} {names.length === 1 ? 'resource' : 'resources'}:
      </span>
      <ul>
        {names.slice(0, SHOWN_FILES).map((n) => (
          <li key={n}>{n}</li>
        ))}
        {more > 0 && <li className="more">+{more} more</li>}
      </ul>
    </div>
  );
}

/** The errors in what is being exported: code, resource and message. */
export function ProblemList({ problems }: { problems: readonly ExportProblem[] }) {
  return (
    <div className="export-problems" data-testid="export-problems" role="group" aria-label="Errors">
      <strong>
        {problems.length} {problems.length === 1 ? 'error' : 'errors'}: kubectl or Istio may reject or ignore
        these manifests.
      </strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-testid="export-problem" data-code={p.code}>
            <code>{p.code}</code> <span className="res">{p.resource}</span> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The inline "Export anyway" step shown after a manifest button was pressed with errors present. */
export function ConfirmStep({
  count,
  onConfirm,
  onCancel,
}: {
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="export-confirm" role="alert" data-testid="export-confirm-step">
      <span>
        Export with {count} {count === 1 ? 'error' : 'errors'}?
      </span>
      <button type="button" className="primary" data-testid="export-confirm" onClick={onConfirm}>
        Export anyway
      </button>
      <button type="button" data-testid="export-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
