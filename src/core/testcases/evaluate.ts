import type { SimResult } from '../simulate/types';
import {
  actualClusters,
  actualShares,
  describeResult,
  endingOf,
  formatEnding,
  shareOf,
  statusHolds,
} from './outcome';
import { formatShares } from './shares';
import type { Expectation, StatusSpec } from './types';

// Shares are compared to half a percentage point: 1/3 of a weightless split is written 33%.
const TOLERANCE = 0.5;

function statusText(s: StatusSpec): string {
  return typeof s === 'number' ? `status ${s}` : s;
}

/**
 * Compares our expectations (shares, clusters, status) with the simulator's answer for one request. Each stated
 * expectation must hold when `want` is true and must not when false (istio-config-validator's `wantMatch`).
 * Returns one problem per expectation that disagrees, saying what was expected and what happened; none: pass.
 */
export function evaluateExpectation(
  expect: Expectation,
  result: SimResult,
  clientNamespace: string,
  want = true,
): string[] {
  const problems: string[] = [];
  const not = want ? '' : 'not ';
  if (expect.shares?.length) {
    const holds = expect.shares.every(
      (s) => Math.abs(shareOf(s, result, clientNamespace) - s.percent) <= TOLERANCE,
    );
    if (holds !== want) {
      const got = actualShares(result);
      problems.push(
        `shares: expected ${not}${formatShares(expect.shares)}, got ${got.length ? formatShares(got) : describeResult(result)}`,
      );
    }
  }
  if (expect.clusters?.length) {
    const got = actualClusters(result);
    const holds = got.length === expect.clusters.length && expect.clusters.every((c) => got.includes(c));
    if (holds !== want)
      problems.push(
        `clusters: expected ${not}${expect.clusters.join(', ')}, got ${got.length ? got.join(', ') : 'none'}`,
      );
  }
  if (expect.status !== undefined) {
    const ending = endingOf(result);
    if (statusHolds(expect.status, ending) !== want)
      problems.push(`status: expected ${not}${statusText(expect.status)}, got ${formatEnding(ending)}`);
  }
  return problems;
}

/** True when an expectation states nothing to check. */
export function isEmptyExpectation(expect: Expectation | undefined): boolean {
  return !expect || (!expect.shares?.length && !expect.clusters?.length && expect.status === undefined);
}

/**
 * The expectation "expect this" records from an answer: where the traffic goes (shares, hosts as the
 * VirtualService writes them), or how the request ends when it goes nowhere (404, redirect, direct response).
 * Undefined when the host is unknown (nothing a case could state the app would agree with).
 */
export function expectationFrom(result: SimResult): Expectation | undefined {
  const ending = endingOf(result);
  if (ending.kind === 'unknown-host') return undefined;
  if (ending.kind === 'no-match') return { status: 404 };
  if (ending.kind === 'redirect') return { status: 'redirect' };
  if (ending.kind === 'direct-response') return { status: ending.status ?? 'direct-response' };
  const shares = actualShares(result).map((s) => ({ ...s, percent: Math.round(s.percent * 100) / 100 }));
  if (shares.length === 0) return undefined;
  return ending.status !== undefined ? { shares, status: ending.status } : { shares };
}
