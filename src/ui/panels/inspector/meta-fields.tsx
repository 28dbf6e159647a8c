import type { EditIntent } from '../../../core/edit/intents';
import { labelProblem } from '../../../core/edit/ops-workload';
import type { ResourceBase } from '../../../core/model/types';
import type { YamlPath } from '../../../core/yaml/locate';
import { dispatchIntent } from '../../edit/dispatch';
import { useStudioInstance } from '../../store-context';
import { TextField, formatLabelText, parseLabelText } from './text-field';

const samePath = (a: YamlPath, b: YamlPath) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Runs an inspector edit of one resource and keeps the inspector on it: a new name or namespace gives the
 * resource a new node id, so the node the edited resource now draws as is selected again.
 */
export function useResourceEdit(r: ResourceBase): (intent: EditIntent) => boolean {
  const studio = useStudioInstance();
  return (intent) => {
    const res = dispatchIntent(studio, intent);
    if (!res.ok || res.select) return res.ok;
    const d = studio.current();
    const moved = d.model.resources.find(
      (x) => x.docIndex === r.docIndex && samePath(x.basePath, r.basePath),
    );
    const node = moved && d.graph.nodes.find((n) => n.ref === moved.ref);
    if (node && node.id !== studio.store.getState().selection.nodeId)
      studio.store.getState().select({ nodeId: node.id });
    return true;
  };
}

/** Parses `k=v, k2=v2`, or says (as a notice) which label the API server would refuse. */
export function useLabelText(): (text: string) => Record<string, string> | undefined {
  const studio = useStudioInstance();
  return (text) => {
    const labels = parseLabelText(text);
    for (const [k, v] of Object.entries(labels)) {
      const problem = labelProblem(k, v);
      if (problem) {
        studio.store.getState().notify(`Not written: ${problem}.`, 'error');
        return undefined;
      }
    }
    return labels;
  };
}

/** Name and namespace of any resource. */
export function MetaFields({ r }: { r: ResourceBase }) {
  const edit = useResourceEdit(r);
  const set = (path: YamlPath, value: unknown) =>
    edit({ type: 'setValue', docIndex: r.docIndex, path: [...r.basePath, ...path], value });
  return (
    <>
      <TextField
        label="Name"
        testId="inspector-name"
        value={r.name}
        onCommit={(v) => set(['metadata', 'name'], v)}
      />
      <TextField
        label="Namespace"
        testId="inspector-namespace"
        value={r.namespaceExplicit ? r.namespace : ''}
        placeholder="default"
        onCommit={(v) => set(['metadata', 'namespace'], v === '' ? undefined : v)}
      />
    </>
  );
}

/** A label map edited as `k=v, k2=v2`: written at `path`, removed when emptied. */
export function LabelMapField({
  r,
  label,
  testId,
  path,
  labels,
}: {
  r: ResourceBase;
  label: string;
  testId: string;
  path: YamlPath;
  labels: Record<string, string>;
}) {
  const edit = useResourceEdit(r);
  const read = useLabelText();
  return (
    <TextField
      label={label}
      testId={testId}
      value={formatLabelText(labels)}
      onCommit={(v) => {
        const next = read(v);
        if (!next) return;
        const value = Object.keys(next).length > 0 ? next : undefined;
        edit({ type: 'setValue', docIndex: r.docIndex, path: [...r.basePath, ...path], value });
      }}
    />
  );
}
