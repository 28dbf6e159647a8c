import type { StudioState } from '../../../state/store';
import { useStudio, useStudioStore } from '../../store-context';
import { Dialog } from '../dialog';
import { DialogBody, LazyExportBody } from '../lazy-bodies';

const selectOpen = (s: StudioState) => s.dialog === 'export';

/** Files to apply or commit (mesh.yaml, a zip, the clipboard) and pictures of the canvas. */
export function ExportDialog() {
  const store = useStudioStore();
  const open = useStudio(selectOpen);
  return (
    <Dialog
      open={open}
      title="Export"
      onClose={() => store.getState().openDialog(undefined)}
      testId="export-dialog"
    >
      {/* Mounted afresh on every open, so the options start from the current text. */}
      <DialogBody name="export dialog">
        <LazyExportBody />
      </DialogBody>
    </Dialog>
  );
}
