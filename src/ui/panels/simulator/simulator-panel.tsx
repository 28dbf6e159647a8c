/** Request what-if tracer (issue 7): being built. */
export function SimulatorPanel() {
  return <p className="muted">The simulator is being built.</p>;
}
