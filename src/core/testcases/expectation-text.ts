import { formatShares, parseShares } from './shares';
import type { Expectation, StatusSpec } from './types';

export interface ParsedExpectation {
  /** Undefined for a blank text (no expectation). */
  expect: Expectation | undefined;
  error: string | undefined;
}

const WORDS: Record<string, StatusSpec> = {
  routed: 'routed',
  redirect: 'redirect',
  'direct response': 'direct-response',
  'direct-response': 'direct-response',
  'no match': 'no-match',
  'no-match': 'no-match',
};

/** Reads a `status` value: an HTTP status or one of routed, redirect, direct-response, no-match. */
export function parseStatus(value: unknown): StatusSpec | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) return value;
  if (typeof value !== 'string') return undefined;
  const t = value.trim().toLowerCase();
  if (/^\d{3}$/.test(t)) return parseStatus(Number(t));
  return WORDS[t.replace(/\s+/g, ' ')];
}

/**
 * Reads the one-line expectation the simulator's saved requests carry, parts joined by `;`:
 * shares (`reviews v2`, `reviews v1 80%, v2 20%`), a status (`404`, `status 404`, `redirect`,
 * `direct response`, `no match`, `routed`), or Envoy clusters (`clusters outbound|9080|v2|reviews…`, or a part
 * that starts with `outbound|`). Never throws.
 */
export function parseExpectationText(text: string): ParsedExpectation {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { expect: undefined, error: undefined };
  const expect: Expectation = {};
  for (const part of parts) {
    const status = parseStatus(part.replace(/^status\s+/i, ''));
    if (status !== undefined) {
      expect.status = status;
      continue;
    }
    if (/^status\b/i.test(part)) return { expect: undefined, error: `cannot read "${part}" as a status` };
    const clusters =
      /^clusters?\s+(.*)$/i.exec(part)?.[1] ?? (/^(outbound|inbound)\|/.test(part) ? part : undefined);
    if (clusters !== undefined) {
      expect.clusters = clusters
        .split(/[\s,]+/)
        .map((c) => c.trim())
        .filter((c) => c !== '');
      continue;
    }
    const { shares, error } = parseShares(part);
    if (error) return { expect: undefined, error };
    expect.shares = shares;
  }
  return { expect, error: undefined };
}

/** The one-line text of an expectation; parseExpectationText reads it back to the same expectation. */
export function formatExpectation(expect: Expectation | undefined): string {
  if (!expect) return '';
  const parts: string[] = [];
  if (expect.shares?.length) parts.push(formatShares(expect.shares));
  if (expect.status !== undefined)
    parts.push(typeof expect.status === 'number' ? `status ${expect.status}` : expect.status);
  if (expect.clusters?.length) parts.push(`clusters ${expect.clusters.join(', ')}`);
  return parts.join('; ');
}
