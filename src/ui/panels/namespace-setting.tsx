import type { DefaultNamespace } from '../../core/derive';
import { saveDefaultNamespace } from '../../state/persist';
import type { StudioState } from '../../state/store';
import { useSettledDerived, useStudio, useStudioStore } from '../store-context';
import './namespace-setting.css';

const selectSetting = (s: StudioState) => s.defaultNamespace;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The short state shown beside the field, and the longer why for its tooltip. */
export function describeNamespace(ns: DefaultNamespace): { short: string; long: string } {
  const how = 'Type a namespace to read them there, as kubectl apply -n does; empty infers it again.';
  switch (ns.source) {
    case 'set':
      return { short: `${ns.name} (set)`, long: `${ns.name} — set by you. ${how}` };
    case 'inferred':
      return {
        short: `${ns.name} (inferred)`,
        long: `${ns.name} — inferred from the text: the one namespace its resources name. ${how}`,
      };
    case 'fallback':
      return {
        short: `${ns.name} (no single namespace in the text)`,
        long: `${ns.name} — ${
          ns.named.length === 0
            ? 'the text names no namespace'
            : `the text names ${ns.named.length} namespaces (${ns.named.join(', ')}), so none is inferred`
        }. ${how}`,
      };
  }
}

/**
 * The namespace for resources that name none (kubectl's `-n`): inferred from the text unless the person sets
 * one. A way of reading the text only: nothing here is written into the YAML.
 */
export function NamespaceSetting() {
  const store = useStudioStore();
  const setting = useStudio(selectSetting);
  const ns = useSettledDerived().namespace;
  const { short, long } = describeNamespace(ns);
  const set = (value: string) => {
    store.getState().setDefaultNamespace(value);
    const saved = saveDefaultNamespace(value);
    if (!saved.ok) store.getState().setStorageError(saved.reason);
  };
  return (
    <span className="ns-setting">
      <label data-testid="default-namespace" title={long}>
        <span className="ns-label">Namespace for resources without one</span>
        <input
          type="text"
          value={setting}
          placeholder="type to set"
          spellCheck={false}
          aria-invalid={setting !== '' && !DNS_LABEL.test(setting)}
          onChange={(e) => set(e.target.value)}
        />
        <span className="ns-source" data-source={ns.source}>
          {short}
        </span>
      </label>
      {setting !== '' && (
        <button
          type="button"
          className="ns-clear"
          data-testid="default-namespace-clear"
          title="Infer it from the text again"
          onClick={() => set('')}
        >
          ×
        </button>
      )}
    </span>
  );
}
