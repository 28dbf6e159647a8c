import type { SimRuleRef } from '../../../core/simulate/types';
import { blockRangeAt } from '../../../core/yaml/locate';
import type { ParsedText } from '../../../core/yaml/parse';

/** Absolute [start, end) of a rule's block in the text, or undefined when the text no longer holds it. */
export function ruleRange(parsed: ParsedText, rule: SimRuleRef): [number, number] | undefined {
  const doc = parsed.docs.find((d) => d.index === rule.docIndex);
  if (!doc || doc.broken) return undefined;
  const range = blockRangeAt(doc, rule.path);
  if (!range) return undefined;
  // Drop trailing line breaks so the highlight ends on the rule's last line.
  let end = range[1];
  while (end > range[0] && /\s/.test(parsed.text.charAt(end - 1))) end--;
  return [range[0], end];
}
