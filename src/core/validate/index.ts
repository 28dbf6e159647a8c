import type { Rule, ValidationContext } from './context';
import { syntaxDiagnostics } from './syntax';
import type { Diagnostic } from './types';

/** Every semantic rule, in the order their findings are listed. */
export const rules: Rule[] = [];

const order = { error: 0, warning: 1, info: 2 } as const;

/** Runs syntax checks and every rule; a rule that throws is reported, never fatal. */
export function validate(ctx: ValidationContext): Diagnostic[] {
  const out = syntaxDiagnostics(ctx.parsed);
  for (const rule of rules) {
    try {
      out.push(...rule(ctx));
    } catch (err) {
      out.push({
        code: 'ITS0000',
        severity: 'warning',
        message: `Internal: check ${rule.name || 'rule'} failed (${err instanceof Error ? err.message : String(err)}); other checks still ran.`,
        resource: undefined,
        path: '',
        range: [0, 0],
      });
    }
  }
  return out.sort((a, b) => order[a.severity] - order[b.severity] || a.range[0] - b.range[0]);
}
