import { useMemo, useState } from 'react';
import type { Phase } from '../../core/compare/types';
import { buildZip } from '../../core/export/zip';
import { downloadBlob } from '../dialogs/export/download';
import { phaseFiles } from './phase-files';

/**
 * Make before break (Istio's advice): the change as ordered steps, each a file to apply (or a script of
 * deletions), downloadable one by one or all in a zip.
 */
export function PhaseExport({ phases }: { phases: readonly Phase[] }) {
  const files = useMemo(() => phaseFiles(phases), [phases]);
  const [status, setStatus] = useState<string | undefined>();
  if (phases.length === 0) return null;
  const one = (name: string, text: string) => {
    const type = name.endsWith('.sh') ? 'text/x-shellscript' : 'application/yaml';
    downloadBlob(new Blob([text], { type }), name);
    setStatus(`Downloaded ${name}`);
  };
  const zip = () => {
    downloadBlob(new Blob([new Uint8Array(buildZip(files))], { type: 'application/zip' }), 'rollout.zip');
    setStatus(`Downloaded rollout.zip (${files.length} files)`);
  };
  return (
    <section className="phases" data-testid="phases">
      <h3>Safe order</h3>
      <ol>
        {phases.map((p) => (
          <li key={p.index} data-testid="phase" data-phase={p.index}>
            <strong>{p.title}</strong>
            {p.apply.length > 0 && <span className="muted"> apply {p.apply.join(', ')}</span>}
            {p.delete.length > 0 && <span className="muted"> delete {p.delete.join(', ')}</span>}
          </li>
        ))}
      </ol>
      <div className="phase-buttons">
        {files.map((f) => (
          <button
            type="button"
            key={f.fileName}
            data-testid="phase-download"
            data-file={f.fileName}
            onClick={() => one(f.fileName, f.text)}
          >
            {f.fileName}
          </button>
        ))}
        <button
          type="button"
          className="primary"
          data-testid="phase-zip"
          onClick={zip}
          disabled={files.length === 0}
        >
          All as zip
        </button>
      </div>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
