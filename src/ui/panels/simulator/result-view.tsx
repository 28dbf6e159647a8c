import type { EnvoyNames, SimDestination, SimResult, SimRuleRef } from '../../../core/simulate/types';
import { useSettledDerived, useStudioInstance } from '../../store-context';
import { OUTCOME_LABELS, featureLines, policyLines } from './describe';
import { ruleRange } from './rule-range';
import { formatProbability } from './trace';

function RuleLink({ rule, testId }: { rule: SimRuleRef; testId?: string }) {
  const { parsed } = useSettledDerived();
  const studio = useStudioInstance();
  const reveal = () => {
    const r = ruleRange(parsed, rule);
    if (r) studio.reveal(r[0], r[1]);
  };
  return (
    <button
      type="button"
      className="link sim-rule"
      data-testid={testId}
      onClick={reveal}
      title="Show in YAML"
    >
      {rule.id}
      {rule.name ? ` “${rule.name}”` : ''}
    </button>
  );
}

function DestinationView({ d }: { d: SimDestination }) {
  const policy = policyLines(d.trafficPolicy, d.policySources, {
    probability: d.probability,
    subset: d.subset,
  });
  return (
    <li className="sim-dest" data-testid="sim-destination">
      <div className="sim-dest-head">
        <strong>{formatProbability(d.probability)}</strong> {d.host}
        {d.port !== undefined ? `:${d.port}` : ''}
        {d.subset ? <span className="sim-subset">subset {d.subset}</span> : null}
      </div>
      {d.destinationRule && <div className="muted">{d.destinationRule}</div>}
      {policy.map((p) => (
        <div key={p} className="sim-policy">
          {p}
        </div>
      ))}
      {d.workloads.length > 0 ? (
        <div>→ {d.workloads.join(', ')}</div>
      ) : (
        <div className="muted">no workload receives it</div>
      )}
      {d.problems.map((p) => (
        <div key={p} className="sim-problem">
          ⚠ {p}
        </div>
      ))}
    </li>
  );
}

/**
 * Where the request is in the config istiod gives its proxy: the Envoy names that decided the answer above.
 * `disagreement` is an assertion that never fires unless the simulator has a bug; it is shown if it does.
 */
function EnvoyView({ names }: { names: EnvoyNames }) {
  const who = names.proxy.kind === 'gateway' ? 'gateway' : 'sidecar';
  const rows: [string, string | undefined][] = [
    ['listener', names.listener],
    ['route config', names.routeConfig],
    ['virtual host', names.virtualHost],
    ['route', names.route || names.rule],
    [names.clusters.length > 1 ? 'clusters' : 'cluster', names.clusters.join(', ') || undefined],
  ];
  return (
    <div className="sim-envoy" data-testid="sim-envoy">
      <h3>
        Envoy ({who} in {names.proxy.namespace})
      </h3>
      {rows
        .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
        .map(([k, v]) => (
          <div key={k} className="sim-policy" data-envoy-field={k}>
            {k}: {v}
          </div>
        ))}
      {names.error && <div className="muted">Envoy: {names.error}</div>}
      {names.disagreement && (
        <div className="sim-problem" data-testid="sim-envoy-disagreement">
          ⚠ {names.disagreement}
        </div>
      )}
    </div>
  );
}

/** What the simulator found: outcome, matched rule, destinations and what applies; or why nothing matched. */
export function ResultView({ result }: { result: SimResult }) {
  const features = featureLines(result.features);
  const envoy = result.envoy;
  return (
    <section
      className={`sim-result outcome-${result.outcome}`}
      data-testid="sim-result"
      data-rule={result.rule?.id ?? ''}
      data-cluster={envoy?.clusters.join(',') ?? ''}
      data-route-config={envoy?.routeConfig ?? ''}
      data-vhost={envoy?.virtualHost ?? ''}
      data-outcome={result.outcome}
    >
      <div className="sim-outcome">{OUTCOME_LABELS[result.outcome]}</div>
      <p className="sim-summary">{result.summary}</p>
      {result.rule && (
        <div>
          Rule <RuleLink rule={result.rule} testId="sim-rule" />
          {result.delegatedFrom && (
            <div className="muted">
              delegated from <RuleLink rule={result.delegatedFrom} />
            </div>
          )}
        </div>
      )}
      {!result.rule && result.closest && (
        <div className="sim-why" data-testid="sim-why">
          Closest rule <RuleLink rule={result.closest.rule} />
          {result.closest.failure && <div className="sim-problem">✗ {result.closest.failure}</div>}
        </div>
      )}
      {result.destinations.length > 0 && (
        <>
          <h3>Destinations</h3>
          <ul className="sim-dests">
            {result.destinations.map((d) => (
              <DestinationView key={`${d.index}-${d.fqdn}-${d.subset ?? ''}`} d={d} />
            ))}
          </ul>
        </>
      )}
      {envoy && <EnvoyView names={envoy} />}
      {features.length > 0 && (
        <>
          <h3>Applies</h3>
          <ul className="sim-features">
            {features.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      )}
      {result.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      {result.shadowed.length > 0 && <p className="muted">Ignored: {result.shadowed.join(', ')}</p>}
      {result.trace.length > 0 && (
        <details className="sim-trace">
          <summary>Rules tried ({result.trace.length})</summary>
          <ol>
            {result.trace.map((t, i) => (
              <li key={`${i}-${t.rule.id}`} className={t.matched ? 'hit' : 'miss'}>
                {t.matched ? '✓' : '✗'} <RuleLink rule={t.rule} />
                {t.failure && <div className="muted">{t.failure}</div>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
