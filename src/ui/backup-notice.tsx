import type { StudioState } from '../state/store';
import { useStudio, useStudioInstance } from './store-context';

const selectOffer = (s: StudioState) => s.backupOffer;
const selectConflict = (s: StudioState) => s.otherTab !== undefined;

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * Offers the text a tab left in its backup when it was closed (or crashed) while its "Keep mine / Load theirs"
 * choice was open (see `tab-backup.ts`). Stays until the person chooses; older backups follow one by one.
 * Test ids: `backup-notice` (with `data-more`: how many wait behind it), `backup-restore` (Open it: replaces the
 * editor text as one undoable edit), `backup-discard` (deletes the backup).
 */
export function BackupNotice() {
  const offer = useStudio(selectOffer);
  const conflict = useStudio(selectConflict);
  const { tabs } = useStudioInstance();
  if (!offer) return null;
  const lines = offer.text.split('\n').length;
  return (
    <div
      className={`notice backup-notice${conflict ? ' below-conflict' : ''}`}
      role="alert"
      data-testid="backup-notice"
      data-more={offer.more}
    >
      <span title={`${lines} lines. Open it replaces the editor text (undo brings this one back).`}>
        Unsaved text from a closed tab was kept ({new Date(offer.savedAt).toLocaleString(undefined, WHEN)})
        {offer.more > 0 ? `, ${offer.more} more after it` : ''}:
      </span>
      <button type="button" data-testid="backup-restore" onClick={tabs.openBackup}>
        Open it
      </button>
      <button type="button" data-testid="backup-discard" onClick={tabs.discardBackup}>
        Discard
      </button>
    </div>
  );
}
