import { examples } from '../../examples/index';
import type { StudioState } from '../../state/store';
import { replaceText } from '../load-text';
import { useStudio, useStudioStore } from '../store-context';
import { Dialog } from './dialog';

const selectOpen = (s: StudioState) => s.dialog === 'examples';

/** Built-in scenarios; each is also reachable as `?example=<slug>`. */
export function ExamplesMenu() {
  const store = useStudioStore();
  const open = useStudio(selectOpen);
  const close = () => store.getState().openDialog(undefined);
  return (
    <Dialog open={open} title="Examples" onClose={close} testId="examples-menu">
      <ul className="examples" role="menu">
        {examples.map((ex) => (
          <li key={ex.slug} role="none">
            <button
              type="button"
              role="menuitem"
              data-testid={`example-${ex.slug}`}
              onClick={() => {
                // One undoable replace. The address stays as it is: `?example=` in it would be offered again
                // on every reload, over the edits made since.
                replaceText(store, ex.text);
                close();
              }}
            >
              <strong>{ex.title}</strong>
              <span>{ex.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
