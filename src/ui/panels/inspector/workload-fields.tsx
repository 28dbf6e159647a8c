import './forms.css';
import { arr, rec, str } from '../../../core/model/read';
import type { Workload } from '../../../core/model/types';
import type { YamlPath } from '../../../core/yaml/locate';
import { useStudioInstance } from '../../store-context';
import { MetaFields, useLabelText, useResourceEdit } from './meta-fields';
import { TextField, formatLabelText } from './text-field';

// A container name is a DNS label (RFC 1123); the API server refuses anything else.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The pod spec's containers as written: where each is, and its name and image. */
function containersOf(w: Workload): { path: YamlPath; name: string; image: string }[] {
  const podSpecPath: YamlPath = w.kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
  const podSpec = w.kind === 'Pod' ? rec(w.raw.spec) : rec(rec(rec(w.raw.spec).template).spec);
  return arr(podSpec.containers).map((c, i) => ({
    path: [...w.basePath, ...podSpecPath, 'containers', i],
    name: str(rec(c).name) ?? '',
    image: str(rec(c).image) ?? '',
  }));
}

/**
 * A Deployment (or other workload): name, namespace, pod labels (with metadata.labels and the selector kept
 * in step by the `setWorkloadLabels` op, so the API server still takes it), and each container's name and image.
 */
export function WorkloadFields({ w }: { w: Workload }) {
  const studio = useStudioInstance();
  const edit = useResourceEdit(w);
  const read = useLabelText();
  const notify = (text: string) => studio.store.getState().notify(text, 'error');
  const containers = containersOf(w);
  const hasSelector = w.kind !== 'Pod';
  return (
    <>
      <MetaFields r={w} />
      <TextField
        label="Pod labels (k=v, k2=v2)"
        testId="inspector-labels"
        value={formatLabelText(w.podLabels)}
        onCommit={(v) => {
          const labels = read(v);
          if (labels) edit({ type: 'setWorkloadLabels', ref: w.ref, labels });
        }}
      />
      {hasSelector && (
        <p className="muted field-note" data-testid="inspector-labels-note">
          Written to the pod template and kept in step with metadata.labels and spec.selector.matchLabels: the
          API server rejects a {w.kind} whose selector does not match its pod labels.
        </p>
      )}
      {containers.map((c, i) => {
        const n = containers.length > 1 ? ` ${i + 1}` : '';
        return (
          <div key={i} className="container-fields" data-testid="inspector-container" data-index={i}>
            <TextField
              label={`Container${n} name`}
              testId="inspector-container-name"
              value={c.name}
              onCommit={(v) => {
                if (!DNS_LABEL.test(v) || v.length > 63)
                  return notify(
                    `Not written: container name "${v}" must be lower-case letters, digits and -, at most 63.`,
                  );
                edit({ type: 'setValue', docIndex: w.docIndex, path: [...c.path, 'name'], value: v });
              }}
            />
            <TextField
              label={`Container${n} image`}
              testId="inspector-container-image"
              value={c.image}
              onCommit={(v) => {
                if (v.trim() === '' || /\s/.test(v.trim()))
                  return notify('Not written: an image is one reference such as registry/app:v2, no spaces.');
                edit({ type: 'setValue', docIndex: w.docIndex, path: [...c.path, 'image'], value: v.trim() });
              }}
            />
          </div>
        );
      })}
    </>
  );
}
