// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from './test-support/react-root';
import { createStudioStore, type StudioStore } from '../state/store';
import { BackupNotice } from './backup-notice';
import { createStudio, noTabs, type TabChoices } from '../state/studio';
import { createEditorBridge } from './editor/bridge';
import { StudioProvider } from './store-context';

const dom = reactRootPerTest();

function render(store: StudioStore, tabs: TabChoices = noTabs) {
  act(() =>
    dom.root().render(
      <StudioProvider studio={createStudio(store, { editor: createEditorBridge(), tabs })}>
        <BackupNotice />
      </StudioProvider>,
    ),
  );
}
const byId = (id: string) => dom.host().querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('BackupNotice', () => {
  it('shows nothing without an offer', () => {
    render(createStudioStore('a: 1\n'));
    expect(dom.host().innerHTML).toBe('');
  });

  it('names when the text was kept and how many follow; its buttons open and discard it', () => {
    const store = createStudioStore('a: 1\n');
    const open = vi.fn();
    const discard = vi.fn();
    const savedAt = new Date(2026, 10, 24, 15, 42).getTime();
    store.getState().setBackupOffer({ text: 'b: 1\n', savedAt, more: 2 });
    render(store, { ...noTabs, openBackup: open, discardBackup: discard });
    const notice = byId('backup-notice');
    expect(notice?.textContent).toContain('Unsaved text from a closed tab was kept');
    expect(notice?.textContent).toContain('2026');
    expect(notice?.textContent).toContain('2 more after it');
    expect(notice?.dataset.more).toBe('2');
    act(() => byId('backup-restore')?.click());
    expect(open).toHaveBeenCalledOnce();
    act(() => byId('backup-discard')?.click());
    expect(discard).toHaveBeenCalledOnce();
  });

  it('moves below the tab conflict notice while that one is open', () => {
    const store = createStudioStore('a: 1\n');
    store.getState().setBackupOffer({ text: 'b: 1\n', savedAt: 0, more: 0 });
    render(store);
    expect(byId('backup-notice')?.className).not.toContain('below-conflict');
    act(() => store.getState().setOtherTab({ text: 'c: 1\n' }));
    expect(byId('backup-notice')?.className).toContain('below-conflict');
  });
});
