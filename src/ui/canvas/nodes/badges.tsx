import type { PolicyBadge } from '../../../core/graph/types';
import type { DiagSummary } from '../to-flow';

export function PolicyBadges({ badges }: { badges: readonly PolicyBadge[] }) {
  if (badges.length === 0) return null;
  return (
    <span className="badges">
      {badges.map((b, i) => (
        <span
          key={`${b.policy}-${i}`}
          className={`badge policy policy-${b.policy}`}
          data-testid="badge"
          data-policy={b.policy}
          title={b.detail}
        >
          {b.policy === 'tls' ? '🔒 ' : ''}
          {b.label}
        </span>
      ))}
    </span>
  );
}

export function DiagBadge({ diag }: { diag: DiagSummary | undefined }) {
  if (!diag) return null;
  const icon = diag.severity === 'error' ? '✕' : diag.severity === 'warning' ? '!' : 'i';
  return (
    <span
      className={`badge diag diag-${diag.severity}`}
      data-testid="badge"
      data-severity={diag.severity}
      title={diag.messages.join('\n')}
    >
      {icon}
      {diag.count > 1 ? ` ${diag.count}` : ''}
    </span>
  );
}
