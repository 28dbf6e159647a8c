import type { OutboundTrafficPolicy } from '../../../core/envoy/types';
import type { EnvoySettings } from './use-envoy-settings';

interface Props {
  settings: EnvoySettings;
  onChange(patch: Partial<EnvoySettings>): void;
}

const POLICIES: readonly OutboundTrafficPolicy[] = ['ALLOW_ANY', 'REGISTRY_ONLY', 'ALLOW_ANY_DYNAMIC_DNS'];

/** What a manifest does not carry but istiod needs: the mesh's outbound policy, root namespace, DNS suffix. */
export function EnvoySettingsForm({ settings, onChange }: Props) {
  return (
    <details className="envoy-settings">
      <summary>Mesh settings</summary>
      <label>
        outboundTrafficPolicy
        <select
          data-testid="envoy-outbound-policy"
          value={settings.outboundTrafficPolicy}
          onChange={(e) =>
            onChange({
              outboundTrafficPolicy: POLICIES.find((p) => p === e.target.value) ?? 'ALLOW_ANY',
            })
          }
        >
          {POLICIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Root namespace
        <input
          type="text"
          data-testid="envoy-root-namespace"
          placeholder="istio-system"
          value={settings.rootNamespace}
          onChange={(e) => onChange({ rootNamespace: e.target.value })}
        />
      </label>
      <label>
        Domain suffix
        <input
          type="text"
          data-testid="envoy-domain-suffix"
          value={settings.domainSuffix}
          onChange={(e) => onChange({ domainSuffix: e.target.value })}
        />
      </label>
    </details>
  );
}
