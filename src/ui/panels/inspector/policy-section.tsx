import { trafficPolicyBadges } from '../../../core/graph/policy-badges';
import type { DestinationRule } from '../../../core/model/types';

/** Traffic policy of a DestinationRule or one of its subsets (summary; the full form lands with issue 5). */
export function PolicySection({ dr, subset }: { dr: DestinationRule; subset: string | undefined }) {
  const policy = subset ? dr.subsets.find((s) => s.name === subset)?.trafficPolicy : dr.trafficPolicy;
  const badges = trafficPolicyBadges(policy);
  return (
    <section data-testid="policy-section">
      <h3>Traffic policy</h3>
      {badges.length === 0 ? (
        <p className="muted">None set.</p>
      ) : (
        badges.map((b, i) => <p key={i}>{b.detail}</p>)
      )}
    </section>
  );
}
