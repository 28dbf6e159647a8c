import type { Trace } from '../../canvas/to-flow';

/** Nodes and edges on the simulated request's path, or undefined when no request has run. */
export function useTrace(): Trace | undefined {
  return undefined;
}
