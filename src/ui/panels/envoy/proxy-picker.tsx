import { CUSTOM_PROXY, type CustomProxy, type ProxyOption } from './proxy-options';

interface Props {
  value: string;
  options: readonly ProxyOption[];
  custom: CustomProxy;
  onPick(key: string): void;
  onCustom(patch: Partial<CustomProxy>): void;
}

/** Which proxy's config to show: a workload's sidecar or a gateway of the text, or one typed by hand. */
export function ProxyPicker({ value, options, custom, onPick, onCustom }: Props) {
  return (
    <>
      <label>
        Proxy
        <select data-testid="envoy-proxy" value={value} onChange={(e) => onPick(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
          <option value={CUSTOM_PROXY}>namespace and labels…</option>
        </select>
      </label>
      {value === CUSTOM_PROXY && (
        <div className="envoy-custom">
          <label>
            Kind
            <select
              data-testid="envoy-proxy-kind"
              value={custom.kind}
              onChange={(e) => onCustom({ kind: e.target.value === 'gateway' ? 'gateway' : 'sidecar' })}
            >
              <option value="sidecar">sidecar</option>
              <option value="gateway">gateway</option>
            </select>
          </label>
          <label>
            Namespace
            <input
              type="text"
              data-testid="envoy-proxy-namespace"
              value={custom.namespace}
              onChange={(e) => onCustom({ namespace: e.target.value })}
            />
          </label>
          <label>
            Labels
            <input
              type="text"
              data-testid="envoy-proxy-labels"
              placeholder="app=reviews, version=v1"
              value={custom.labels}
              onChange={(e) => onCustom({ labels: e.target.value })}
            />
          </label>
        </div>
      )}
    </>
  );
}
