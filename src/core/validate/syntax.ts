import { KUBECTL_READS, type ParsedDoc, type ParsedText } from '../yaml/parse';
import type { Diagnostic } from './types';

/**
 * YAML syntax problems as diagnostics (`ITS0001` error, `ITS0002` warning). Scalars kubectl reads otherwise
 * (`KUBECTL_READS`) are no syntax problem: rules/yaml11-scalars.ts reports them with their resource.
 */
export function syntaxDiagnostics(
  parsed: ParsedText,
  docs: readonly ParsedDoc[] = parsed.docs,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Most documents have no problems: skip them without allocating.
  for (const d of docs) if (d.problems.length > 0) out.push(...problemsOf(d));
  return out;
}

function problemsOf(d: ParsedDoc): Diagnostic[] {
  return [d].flatMap((d) =>
    d.problems.flatMap((p): Diagnostic[] =>
      p.code === KUBECTL_READS
        ? []
        : [
            {
              code: p.severity === 'error' ? 'ITS0001' : 'ITS0002',
              severity: p.severity,
              message: `YAML ${p.severity === 'error' ? 'syntax error' : 'warning'}: ${p.message}`,
              resource: undefined,
              path: '',
              range: [p.start, Math.max(p.end, p.start + 1)],
            },
          ],
    ),
  );
}
