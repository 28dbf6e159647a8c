import type { Rec } from '../model/read';

/**
 * Where a case's requests come from (ours): a workload by `Kind ns/name`, a namespace and labels, or a gateway
 * (`ns/name`). Undefined: the mesh from the run's namespace, or a gateway a VirtualService for the host binds to
 * (as istio-config-validator, which has no notion of a client, finds any VirtualService for the authority).
 */
export type CaseSource =
  | { kind: 'workload'; ref: string }
  | { kind: 'labels'; namespace: string | undefined; labels: Record<string, string> }
  /** `namespace`: where the request's short host names resolve (the run's namespace when unset). */
  | { kind: 'gateway'; gateway: string; namespace?: string };

/** One request dimension list of a test case: every combination of authority, method and uri is one request. */
export interface CaseRequest {
  authority: string[];
  method: string[];
  /** As written; a `?query` part is read as query parameters (theirs keep only the path, as url.Parse does). */
  uri: string[];
  headers: Record<string, string>;
  /** Ours. */
  port: number | undefined;
  query: Record<string, string>;
  source: CaseSource | undefined;
}

/** One expected destination share: a host (as written: short, `name.ns` or FQDN) and maybe a subset, in percent. */
export interface ShareSpec {
  host: string;
  subset: string | undefined;
  percent: number;
}

/** How the request ends, for `status`: an HTTP status, or a kind of ending. */
export type StatusSpec = number | 'routed' | 'redirect' | 'direct-response' | 'no-match';

/** Our expectations: each one is compared with the simulator's answer for every request of the case. */
export interface Expectation {
  shares?: ShareSpec[];
  clusters?: string[];
  status?: StatusSpec;
}

/** istio-config-validator's expectations, compared with the matched rule as they compare them. */
export interface TheirExpectation {
  route?: unknown[];
  redirect?: Rec;
  rewrite?: Rec;
  fault?: Rec;
  headers?: Rec;
  delegate?: Rec;
}

/**
 * A routing test case: istio-config-validator's `testCases:` item read as they read it, plus our keys
 * (`source`, `port`, `query`, `shares`, `clusters`, `status`).
 */
export interface TestCase {
  description: string;
  /** Where it was read from (a file name; `''` for a case made in the app). */
  file: string;
  line: number;
  request: CaseRequest;
  /**
   * Every stated expectation must hold when true, and must not when false. Missing: false (Go's zero value)
   * when the case states one of theirs, true when it states only ours (so a case written for us alone reads
   * as meant and theirs read as they do).
   */
  wantMatch: boolean;
  their: TheirExpectation;
  ours: Expectation;
}

/** A problem reading a test-case file, at a 1-based line and column. */
export interface CaseFileError {
  line: number;
  column: number;
  message: string;
}
