import { useEffect, useState } from 'react';
import { DEFAULT_ENV, type Env, type OutboundTrafficPolicy } from '../../../core/envoy';
import type { CustomProxy } from './proxy-options';

/** What the person chose in the Envoy tool; kept across tab switches and reloads (a view setting, not YAML). */
export interface EnvoySettings {
  proxyKey: string;
  custom: CustomProxy;
  outboundTrafficPolicy: OutboundTrafficPolicy;
  rootNamespace: string;
  domainSuffix: string;
}

const KEY = 'its:envoy-view';

export const DEFAULT_SETTINGS: EnvoySettings = {
  proxyKey: '',
  custom: { kind: 'sidecar', namespace: 'default', labels: '' },
  outboundTrafficPolicy: DEFAULT_ENV.outboundTrafficPolicy,
  rootNamespace: DEFAULT_ENV.rootNamespace,
  domainSuffix: DEFAULT_ENV.domainSuffix,
};

function load(): EnvoySettings {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return DEFAULT_SETTINGS;
    const v = JSON.parse(raw) as Partial<EnvoySettings>;
    return { ...DEFAULT_SETTINGS, ...v, custom: { ...DEFAULT_SETTINGS.custom, ...v.custom } };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function useEnvoySettings(): [EnvoySettings, (patch: Partial<EnvoySettings>) => void] {
  const [settings, setSettings] = useState(load);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(settings));
    } catch {
      // Storage full or off: the choice lasts until the tab closes, which is all it needs.
    }
  }, [settings]);
  return [settings, (patch) => setSettings((s) => ({ ...s, ...patch }))];
}

/** The settings as the core's `Env` (a blank root namespace is Istio's default). */
export function envOfSettings(
  s: Pick<EnvoySettings, 'outboundTrafficPolicy' | 'rootNamespace' | 'domainSuffix'>,
): Env {
  return {
    ...DEFAULT_ENV,
    outboundTrafficPolicy: s.outboundTrafficPolicy,
    rootNamespace: s.rootNamespace.trim() || DEFAULT_ENV.rootNamespace,
    domainSuffix: s.domainSuffix.trim(),
  };
}
