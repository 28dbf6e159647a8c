import type { Severity } from '../src/core/validate/types';
import type { Finding } from './findings';

const WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const COLOUR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

/**
 * istioctl analyze's log format, one finding a line: `Error [IST0101] (VirtualService default/reviews
 * reviews.yaml:12) message`. A finding about the text itself names `file:line:column` alone. Colour only when
 * asked (on a terminal).
 */
export function formatText(findings: readonly Finding[], colour: boolean): string {
  return findings
    .map((f) => {
      const where =
        f.resource === null ? `${f.file}:${f.line}:${f.column}` : `${f.resource} ${f.file}:${f.line}`;
      const word = colour ? `${COLOUR[f.severity]}${WORD[f.severity]}\x1b[0m` : WORD[f.severity];
      return `${word} [${f.code}] (${where}) ${f.message}`;
    })
    .join('\n');
}

/** The JSON output: the contract's fields, in the contract's order. */
export function formatJson(findings: readonly Finding[]): string {
  const rows = findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    resource: f.resource,
    file: f.file,
    line: f.line,
    column: f.column,
  }));
  return JSON.stringify(rows, null, 2);
}
