import { useMemo, useState } from 'react';
import { looksLikeClusterOutput } from '../../../core/export/index';
import type { StudioState } from '../../../state/store';
import { useSettledDerived, useStudio } from '../../store-context';
import {
  blockingProblems,
  cleanCounts,
  cleanSummary,
  exportFileNames,
  exportText,
  selectionRefs,
} from './export-plan';
import { ShareLink } from '../../links/share-link';
import { graphPicture } from './canvas-image';
import { ConfirmStep, IncludedFiles, ProblemList } from './export-sections';
import { MANIFEST_ACTIONS, useExportActions, type ExportAction } from './use-export-actions';
import { useCompareStore } from '../../compare/compare-context';

const selectSelection = (s: StudioState) => s.selection;
const selectPositions = (s: StudioState) => s.positions;

export function ExportBody() {
  const derived = useSettledDerived();
  const selection = useStudio(selectSelection);
  const positions = useStudio(selectPositions);
  const [clean, setClean] = useState(() => looksLikeClusterOutput(derived.text));
  const [onlySelected, setOnlySelected] = useState(false);
  const [pending, setPending] = useState<ExportAction | undefined>();
  const [confirmed, setConfirmed] = useState(false);

  const selected = useMemo(() => selectionRefs(derived.graph, selection), [derived.graph, selection]);
  const refs = onlySelected && selected.length > 0 ? selected : undefined;
  const opts = useMemo(() => ({ clean, refs, derive: derived.options }), [clean, refs, derived.options]);
  const content = useMemo(() => exportText(derived.text, opts), [derived.text, opts]);
  const names = useMemo(() => exportFileNames(derived.text, opts), [derived.text, opts]);
  const problems = useMemo(
    () => blockingProblems(derived.diagnostics, derived.parseErrors, refs),
    [derived.diagnostics, derived.parseErrors, refs],
  );
  const counts = useMemo(() => {
    const wanted = refs && new Set(refs);
    return cleanCounts(derived.model.resources.filter((r) => !wanted || wanted.has(r.ref)).map((r) => r.raw));
  }, [derived.model.resources, refs]);
  const { run, status, busy } = useExportActions(content, derived.options, () =>
    graphPicture(derived.graph, positions),
  );

  const compare = useCompareStore();
  const request = (action: ExportAction) => {
    if (MANIFEST_ACTIONS.includes(action) && problems.length > 0 && !confirmed) setPending(action);
    else {
      // The text at the last export is a base a comparison can start from ("what changed since I exported?").
      if (MANIFEST_ACTIONS.includes(action)) compare.getState().recordExport(derived.text);
      void run(action);
    }
  };
  const empty = content.trim() === '';

  return (
    <>
      <p className="hint">
        Manifests for <code>kubectl apply -f</code> or Git, exactly as written (comments kept), and pictures
        of the graph.
      </p>
      <div className="export-options">
        <label>
          <input
            type="checkbox"
            data-testid="export-clean"
            checked={clean}
            onChange={(e) => setClean(e.target.checked)}
          />
          Clean for apply <span className="hint">— {cleanSummary(counts)}</span>
        </label>
        <label className={selected.length === 0 ? 'disabled' : undefined}>
          <input
            type="checkbox"
            data-testid="export-selected"
            checked={onlySelected && selected.length > 0}
            disabled={selected.length === 0}
            onChange={(e) => setOnlySelected(e.target.checked)}
          />
          Only the selected node’s resources{' '}
          <span className="hint">
            — {selected.length === 0 ? 'select a node on the canvas first' : selected.join(', ')}
          </span>
        </label>
      </div>
      <IncludedFiles names={names} />
      {problems.length > 0 && <ProblemList problems={problems} />}
      {pending && (
        <ConfirmStep
          count={problems.length}
          onConfirm={() => {
            setConfirmed(true);
            setPending(undefined);
            compare.getState().recordExport(derived.text);
            void run(pending);
          }}
          onCancel={() => setPending(undefined)}
        />
      )}
      <p className={`export-status ${status?.kind ?? ''}`} data-testid="export-status" role="status">
        {busy ? 'Working…' : (status?.text ?? '')}
      </p>
      <ShareLink />
      <footer className="export-actions">
        <div className="group" role="group" aria-label="Manifests">
          <button
            type="button"
            className="primary"
            data-testid="export-download"
            disabled={empty || busy}
            onClick={() => request('download')}
          >
            mesh.yaml
          </button>
          <button
            type="button"
            data-testid="export-zip"
            disabled={empty || busy}
            onClick={() => request('zip')}
          >
            Zip, one file each
          </button>
          <button
            type="button"
            data-testid="export-copy"
            disabled={empty || busy}
            onClick={() => request('copy')}
          >
            Copy
          </button>
        </div>
        <div className="group" role="group" aria-label="Pictures">
          <button type="button" data-testid="export-image" disabled={busy} onClick={() => request('png')}>
            PNG
          </button>
          <button type="button" data-testid="export-svg" disabled={busy} onClick={() => request('svg')}>
            SVG
          </button>
        </div>
      </footer>
    </>
  );
}
