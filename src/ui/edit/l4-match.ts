// The tcp/tls match form's mapping to intents is pure and lives in core (`core/edit/l4-match.ts`).
export { l4MatchIntent, readL4Match, type L4Field } from '../../core/edit/l4-match';
