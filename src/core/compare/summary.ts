// The one-line summary and the counts the CLI and the panel head show.
import type { BehaviourRow, CompareSummary, FindingRef, Meaning, ResourceChange } from './types';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function summarise(
  resources: readonly ResourceChange[],
  meanings: readonly Meaning[],
  rows: readonly BehaviourRow[],
  findings: { added: readonly FindingRef[]; fixed: readonly FindingRef[] },
): CompareSummary {
  const count = (c: ResourceChange['change']): number => resources.filter((r) => r.change === c).length;
  const added = count('added');
  const removed = count('removed');
  const changed = count('changed');
  const risks = meanings.filter((m) => m.risk).length;
  const parts: string[] = [];
  if (resources.length === 0) parts.push('No resource changed');
  else parts.push(`${plural(changed, 'resource')} changed, ${added} added, ${removed} removed`);
  if (risks) parts.push(`${plural(risks, 'risk')}`);
  if (rows.length)
    parts.push(`${plural(rows.length, 'request')} now ${rows.length === 1 ? 'goes' : 'go'} elsewhere`);
  if (findings.added.length) parts.push(`${plural(findings.added.length, 'new finding')}`);
  if (findings.fixed.length) parts.push(`${plural(findings.fixed.length, 'finding')} fixed`);
  return {
    added,
    removed,
    changed,
    risks,
    behaviourRows: rows.length,
    findingsNew: findings.added.length,
    findingsFixed: findings.fixed.length,
    text: `${parts.join('; ')}.`,
  };
}
