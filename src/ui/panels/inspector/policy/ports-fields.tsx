import { useState } from 'react';
import type { TrafficPolicyForm } from '../../../../core/policy/traffic-policy';
import type { FormDraft } from './use-form-draft';
import { PolicyGroups } from './policy-groups';
import { portProblem } from './parse-input';

/** Port-level settings: one collapsible policy per port, with add and remove. */
export function PortsFields({
  draft,
  onAdd,
  onRemove,
}: {
  draft: FormDraft<TrafficPolicyForm>;
  onAdd: (port: number) => void;
  onRemove: (port: number) => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const ports = draft.form.portLevelSettings ?? [];
  const add = () => {
    const p = portProblem(
      text,
      ports.map((x) => x.port),
    );
    setProblem(p);
    if (p === undefined) {
      onAdd(Number(text.trim()));
      setText('');
    }
  };
  return (
    <div className="policy-ports">
      <h4>Port-level settings</h4>
      {ports.map((p, i) => (
        <details key={i} className="policy-port" data-testid="policy-port" data-port={p.port}>
          <summary>
            Port {p.port ?? '?'}
            {p.port !== undefined && (
              <button
                type="button"
                className="link"
                data-testid={`policy-port-${p.port}-remove`}
                onClick={() => p.port !== undefined && onRemove(p.port)}
              >
                remove
              </button>
            )}
          </summary>
          <PolicyGroups
            f={p}
            at={`portLevelSettings[${i}].`}
            tid={`policy-port-${p.port ?? i}`}
            draft={draft}
          />
        </details>
      ))}
      <div className="policy-add-port">
        <input
          type="text"
          aria-label="Port number"
          placeholder="port, e.g. 9080"
          value={text}
          data-testid="policy-port-number"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" data-testid="policy-port-add" onClick={add}>
          Add port
        </button>
      </div>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
