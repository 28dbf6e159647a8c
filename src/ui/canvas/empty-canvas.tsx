import { useStudioStore } from '../store-context';

/** What an empty canvas says to someone who has not used the app: four ways to get a graph. */
export function EmptyCanvas() {
  const store = useStudioStore();
  return (
    <div className="empty-canvas" data-testid="empty-canvas">
      <h2>Nothing to draw yet</h2>
      <ul>
        <li>
          <b>Paste</b> Kubernetes and Istio YAML into the editor on the left (<kbd>Ctrl</kbd>+<kbd>V</kbd>)
        </li>
        <li>
          <b>Drop a file</b> (.yaml, .yml, .json) anywhere on this window, or{' '}
          <button type="button" className="link" onClick={() => store.getState().openDialog('import')}>
            import…
          </button>
        </li>
        <li>
          <b>Pick an example</b>:{' '}
          <button
            type="button"
            className="link"
            data-testid="empty-examples"
            onClick={() => store.getState().openDialog('examples')}
          >
            Bookinfo canary, A/B by header, mirroring…
          </button>
        </li>
        <li>
          <b>Drag</b> a Gateway, VirtualService, DestinationRule, Service or Deployment from the palette above
          onto the canvas
        </li>
      </ul>
      <p className="muted">
        Press <kbd>?</kbd> for keyboard shortcuts.
      </p>
    </div>
  );
}
