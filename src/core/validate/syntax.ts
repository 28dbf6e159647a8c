import { KUBECTL_READS, type ParsedText } from '../yaml/parse';
import type { Diagnostic } from './types';

/**
 * YAML syntax problems as diagnostics (`ITS0001` error, `ITS0002` warning). Scalars kubectl reads otherwise
 * (`KUBECTL_READS`) are no syntax problem: rules/yaml11-scalars.ts reports them with their resource.
 */
export function syntaxDiagnostics(parsed: ParsedText): Diagnostic[] {
  return parsed.docs.flatMap((d) =>
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
