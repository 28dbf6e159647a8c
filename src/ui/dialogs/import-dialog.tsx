import { useState } from 'react';
import type { StudioState } from '../../state/store';
import { appendText, replaceText } from '../load-text';
import { useStudio, useStudioStore } from '../store-context';
import { Dialog } from './dialog';
import { readYamlFile } from './read-file';

const selectOpen = (s: StudioState) => s.dialog === 'import';

/** Paste or pick manifests (also `kubectl get ... -o yaml` output) and replace or append. */
export function ImportDialog() {
  const store = useStudioStore();
  const open = useStudio(selectOpen);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    store.getState().openDialog(undefined);
    setError(undefined);
  };
  const apply = (mode: 'replace' | 'append') => {
    if (text.trim() === '') {
      setError('Paste some YAML first, or choose a file.');
      return;
    }
    if (mode === 'replace') replaceText(store, text);
    else appendText(store, text);
    setText('');
    close();
  };
  return (
    <Dialog open={open} title="Import manifests" onClose={close} testId="import-dialog">
      <p className="hint">
        Paste Istio and Kubernetes YAML (several documents, or the output of{' '}
        <code>kubectl get vs,dr,svc,deploy -o yaml</code>), or choose a file. You can also drop a .yaml file
        anywhere on the window.
      </p>
      <textarea
        data-testid="import-text"
        className="import-text nokey"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        placeholder="apiVersion: networking.istio.io/v1&#10;kind: VirtualService&#10;..."
        aria-label="YAML to import"
      />
      <input
        type="file"
        data-testid="import-file"
        accept=".yaml,.yml,.json,text/yaml,application/json"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          const r = await readYamlFile(f);
          if (r.ok) {
            setText(r.text);
            setError(undefined);
          } else setError(r.reason);
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <footer>
        <button type="button" data-testid="import-append" onClick={() => apply('append')}>
          Append
        </button>
        <button type="button" className="primary" data-testid="import-apply" onClick={() => apply('replace')}>
          Replace all
        </button>
      </footer>
    </Dialog>
  );
}
