import type { DiagSummary } from './to-flow';

/** The CSS classes nodes and edges share: selection, trace, dimming and the worst diagnostic. */
export function stateClasses(
  base: string[],
  s: { selected: boolean | undefined; traced: boolean; dimmed: boolean; diag: DiagSummary | undefined },
): string {
  return [
    ...base,
    s.selected ? 'selected' : '',
    s.traced ? 'traced' : '',
    s.dimmed ? 'dimmed' : '',
    s.diag ? `has-${s.diag.severity}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
