import { useMemo, useState, type DragEvent } from 'react';
import { Dialog } from '../dialogs/dialog';
import { readYamlFile } from '../dialogs/read-file';
import { useStudioStore } from '../store-context';
import { useCompare, useCompareStore } from './compare-context';
import type { CompareState } from './compare-store';
import { loadSnapshots } from './snapshots';
import './compare.css';

const selectOpened = (s: CompareState) => s.openedText;
const selectExported = (s: CompareState) => s.exported;
const selectBase = (s: CompareState) => s.base;

/** "14:05", or "yesterday 14:05" / a date for older times: enough to tell snapshots apart. */
export function formatWhen(at: number, now = Date.now()): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const days = Math.floor(now / 86_400_000) - Math.floor(at / 86_400_000);
  if (days <= 0) return time;
  if (days === 1) return `yesterday ${time}`;
  return `${d.toLocaleDateString()} ${time}`;
}

/**
 * Picks the base a comparison starts from: a paste, a file (picked or dropped here), the text when this tab
 * opened, at the last export, or one of the last autosaved texts. Each choice fills the text box, which the
 * person can still edit; `compare-apply` starts comparing it with the current text.
 */
export function CompareDialog() {
  const compare = useCompareStore();
  const studio = useStudioStore();
  const opened = useCompare(selectOpened);
  const exported = useCompare(selectExported);
  const current = useCompare(selectBase);
  const snapshots = useMemo(() => loadSnapshots(), []);
  const [text, setText] = useState(current?.text ?? '');
  const [label, setLabel] = useState(current?.label ?? 'pasted text');
  const [error, setError] = useState<string | undefined>();
  const close = () => compare.getState().openDialog(false);
  const choose = (t: string, l: string) => {
    setText(t);
    setLabel(l);
    setError(undefined);
  };
  const fromFile = async (f: File | undefined) => {
    if (!f) return;
    const r = await readYamlFile(f);
    if (r.ok) choose(r.text, r.name);
    else setError(r.reason);
  };
  const apply = () => {
    if (text.trim() === '') {
      setError('Paste the base text, choose a file, or pick one of the saved texts.');
      return;
    }
    compare.getState().start({ text, label });
    studio.getState().showPanel('changes');
  };
  // A file dropped here is the base, not an import (the window's own drop handler would replace the text).
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    void fromFile(e.dataTransfer.files[0]);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <Dialog open title="Compare with a base" onClose={close} testId="compare-dialog">
      <div className="compare-dialog" onDrop={onDrop} onDragOver={onDragOver}>
        <p className="hint">
          The base is the text before the change (what is applied now, a colleague&apos;s version). Your text
          stays editable; the canvas and the Changes tab follow every keystroke.
        </p>
        <div className="compare-choices" role="group" aria-label="Saved bases">
          <button
            type="button"
            data-testid="compare-base-opened"
            onClick={() => choose(opened, 'the text when this tab opened')}
          >
            When this tab opened
          </button>
          <button
            type="button"
            data-testid="compare-base-exported"
            disabled={!exported}
            title={exported ? undefined : 'Nothing exported in this tab yet'}
            onClick={() => exported && choose(exported.text, `the export at ${formatWhen(exported.at)}`)}
          >
            {exported ? `At the last export (${formatWhen(exported.at)})` : 'At the last export'}
          </button>
          {snapshots.map((s, i) => (
            <button
              type="button"
              key={s.savedAt}
              data-testid="compare-base-snapshot"
              data-saved-at={s.savedAt}
              onClick={() => choose(s.text, `the text saved at ${formatWhen(s.savedAt)}`)}
            >
              Saved {formatWhen(s.savedAt)}
              {i === 0 ? ' (newest)' : ''}
            </button>
          ))}
        </div>
        <textarea
          data-testid="compare-base-text"
          className="import-text nokey"
          value={text}
          spellCheck={false}
          onChange={(e) => choose(e.target.value, 'pasted text')}
          placeholder="Paste the base manifests, or drop a file here"
          aria-label="Base manifests"
        />
        <input
          type="file"
          data-testid="compare-base-file"
          accept=".yaml,.yml,.json,text/yaml,application/json"
          aria-label="Base file"
          onChange={(e) => void fromFile(e.target.files?.[0])}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <footer>
          <span className="muted">Base: {label}</span>
          <button type="button" className="primary" data-testid="compare-apply" onClick={apply}>
            Compare
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
