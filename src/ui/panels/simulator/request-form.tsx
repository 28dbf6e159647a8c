import type { KeyboardEvent } from 'react';
import { METHODS, PROTOCOLS, SCHEMES, type SimForm } from './form';

interface RequestFormProps {
  form: SimForm;
  hosts: readonly string[];
  gateways: readonly string[];
  onChange: (patch: Partial<SimForm>) => void;
  onRun: () => void;
}

/** The request inputs; Enter in a field (Ctrl+Enter in the headers) runs the simulation. */
export function RequestForm({ form, hosts, gateways, onChange, onRun }: RequestFormProps) {
  const runOnEnter = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter') return;
    if (e.currentTarget instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    onRun();
  };
  const text = (label: string, key: keyof SimForm, testId: string, placeholder = '', list?: string) => (
    <label>
      {label}
      <input
        type="text"
        data-testid={testId}
        value={form[key]}
        placeholder={placeholder}
        list={list}
        spellCheck={false}
        onChange={(e) => onChange({ [key]: e.target.value })}
        onKeyDown={runOnEnter}
      />
    </label>
  );
  const gatewayChoices = gateways.includes(form.gateway) ? gateways : [...gateways, form.gateway];
  return (
    <div className="sim-form">
      {text('Host', 'host', 'sim-host', 'reviews', 'sim-host-options')}
      <datalist id="sim-host-options">
        {hosts.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
      <div className="sim-row">
        <label className="sim-method">
          Method
          <select
            data-testid="sim-method"
            value={form.method}
            onChange={(e) => onChange({ method: e.target.value })}
          >
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        {text('Path (and ?query)', 'path', 'sim-path', '/')}
      </div>
      <label>
        Headers (one “name: value” a line)
        <textarea
          data-testid="sim-headers"
          rows={3}
          value={form.headers}
          placeholder="end-user: jason"
          spellCheck={false}
          onChange={(e) => onChange({ headers: e.target.value })}
          onKeyDown={runOnEnter}
        />
      </label>
      <label>
        Enters by
        <select
          data-testid="sim-gateway"
          value={form.gateway}
          onChange={(e) => onChange({ gateway: e.target.value })}
        >
          {gatewayChoices.map((g) => (
            <option key={g} value={g}>
              {g === 'mesh' ? 'mesh (sidecar to sidecar)' : `gateway ${g}`}
            </option>
          ))}
        </select>
      </label>
      <details className="sim-advanced">
        <summary>Advanced</summary>
        <div className="sim-row">
          {text('Port', 'port', 'sim-port', 'auto')}
          <label>
            Scheme
            <select
              data-testid="sim-scheme"
              value={form.scheme}
              onChange={(e) => onChange({ scheme: e.target.value })}
            >
              {SCHEMES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label>
            Protocol
            <select
              data-testid="sim-protocol"
              value={form.protocol}
              onChange={(e) => onChange({ protocol: e.target.value as SimForm['protocol'] })}
            >
              {PROTOCOLS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        </div>
        {text('Authority (Host header)', 'authority', 'sim-authority', 'same as host')}
        {text('Source labels (k=v, k2=v2)', 'sourceLabels', 'sim-source-labels', 'app=productpage')}
        {text('Source namespace', 'sourceNamespace', 'sim-source-namespace', 'default')}
      </details>
    </div>
  );
}
