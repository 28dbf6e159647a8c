import { useCallback, useDeferredValue, useMemo } from 'react';
import { buildClusters, buildRoutes, type EnvoyCluster, type EnvoyRoute } from '../../../core/envoy';
import { useSettledDerived, useStudioInstance } from '../../store-context';
import { ClustersTable } from './clusters-table';
import { clusterRows, routeRows } from '../../../core/envoy/proxy-config-table';
import { ProxyPicker } from './proxy-picker';
import { CUSTOM_PROXY, labelsText, proxyOptions, resolveProxy } from './proxy-options';
import { RoutesTable } from './routes-table';
import { clusterTarget, routeTarget, virtualServiceTarget, type SourceTarget } from './source-target';
import { EnvoySettingsForm } from './settings-form';
import { envOfSettings, useEnvoySettings } from './use-envoy-settings';
import { useFindings } from './use-findings';
import './envoy.css';

/**
 * What Envoy would see (issue 16): the routes and clusters istiod would send one proxy, computed from the
 * settled model on every keystroke. Rows reveal the rule or subset they come from in both panes.
 * The tables follow a deferred model: React draws the editor and the canvas first and this panel after, so on
 * a big mesh the tables lag a keystroke rather than holding it.
 */
export function EnvoyPanel() {
  const studio = useStudioInstance();
  const settled = useSettledDerived();
  const model = useDeferredValue(settled.model);
  const [settings, update] = useEnvoySettings();
  const options = useMemo(() => proxyOptions(model), [model]);
  const { custom } = settings;
  const picked = useMemo(
    () => resolveProxy(settings.proxyKey, options, custom),
    [settings.proxyKey, options, custom],
  );
  const { outboundTrafficPolicy, rootNamespace, domainSuffix } = settings;
  const env = useMemo(
    () => envOfSettings({ outboundTrafficPolicy, rootNamespace, domainSuffix }),
    [outboundTrafficPolicy, rootNamespace, domainSuffix],
  );
  const proxy = picked?.proxy;
  const routes = useMemo(() => (proxy ? routeRows(buildRoutes(model, proxy, env)) : []), [model, proxy, env]);
  const clusters = useMemo(
    () => (proxy ? clusterRows(buildClusters(model, proxy, env)) : []),
    [model, proxy, env],
  );
  const findings = useFindings(model, proxy, env);
  // Rows point into the text the person sees now (the settled one), not the deferred one the tables came from.
  const { parsed } = settled;
  const current = settled.model;

  const go = useCallback(
    (t: SourceTarget | undefined) => {
      if (!t) return;
      const store = studio.store;
      // Select first (selecting reveals the whole element); the row's own range then wins, as in Problems.
      store
        .getState()
        .select(t.edgeId ? { edgeId: t.edgeId, nodeId: undefined } : { nodeId: t.nodeId, edgeId: undefined });
      studio.reveal(t.range[0], t.range[1]);
      requestAnimationFrame(() => studio.reveal(t.range[0], t.range[1]));
    },
    [studio],
  );
  const revealRoute = useCallback(
    (r: EnvoyRoute) => go(routeTarget(current, parsed, r)),
    [go, current, parsed],
  );
  const revealCluster = useCallback(
    (c: EnvoyCluster) => go(clusterTarget(current, parsed, c)),
    [go, current, parsed],
  );
  const revealRef = useCallback(
    (ref: string) => go(virtualServiceTarget(current, parsed, ref)),
    [go, current, parsed],
  );

  return (
    <div className="envoy" data-testid="envoy">
      <ProxyPicker
        value={picked?.key ?? ''}
        options={options}
        custom={custom}
        onPick={(proxyKey) =>
          // Typing starts from the proxy shown, so a variant of it (another label) is one edit away.
          update(
            proxyKey === CUSTOM_PROXY && proxy
              ? {
                  proxyKey,
                  custom: { kind: proxy.kind, namespace: proxy.namespace, labels: labelsText(proxy.labels) },
                }
              : { proxyKey },
          )
        }
        onCustom={(patch) => update({ custom: { ...custom, ...patch } })}
      />
      <EnvoySettingsForm settings={settings} onChange={update} />
      {findings.length > 0 && (
        <ul className="envoy-findings">
          {findings.map((f) => (
            <li key={f.key} data-testid="envoy-finding" data-severity={f.severity}>
              {f.ref !== undefined ? (
                <button type="button" className="link" onClick={() => revealRef(f.ref as string)}>
                  {f.text}
                </button>
              ) : (
                f.text
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>Routes</h3>
      <div className="envoy-scroll">
        <RoutesTable rows={routes} onReveal={revealRoute} />
      </div>
      <h3>Clusters</h3>
      <div className="envoy-scroll">
        <ClustersTable clusters={clusters} onReveal={revealCluster} />
      </div>
    </div>
  );
}
