import { routeFeatureBadges } from '../../../core/graph/policy-badges';
import type { Route, VirtualService } from '../../../core/model/types';

/** Route features (summary; the full form lands with issue 5). */
export function RouteFeaturesSection({ route }: { vs: VirtualService; route: Route }) {
  const badges = routeFeatureBadges(route.raw);
  if (badges.length === 0) return null;
  return (
    <section data-testid="route-features">
      {badges.map((b, i) => (
        <p key={i}>{b.detail}</p>
      ))}
    </section>
  );
}
