import type { Page } from '@playwright/test';
import { expect, Studio, test } from './fixtures/studio';

/** The texts of every tab backup in the origin's storage (see src/ui/tab-backup.ts). */
const backups = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('its:backup:'))
      .map((k) => localStorage.getItem(k) ?? ''),
  );
const reviewsWeight = (page: Page) =>
  page.locator('[data-testid="route-weight"][data-edge-id="route:default/reviews/http/0/0"]');

test('a tab closed while its conflict notice is open leaves its text; the next start offers it and Open it loads it', async ({
  studio,
  page,
  context,
}, testInfo) => {
  await studio.open();
  const other = await context.newPage();
  const second = new Studio(other);
  await other.goto('/');
  await second.waitForEditor();
  await studio.typeOver('weight: 90', 'weight: 60');
  await expect(other.getByTestId('tab-conflict')).toBeVisible();
  // The second tab goes on editing while its choice is open: autosave may not write, its backup follows.
  await second.typeOver('weight: 10', 'weight: 30');
  await expect.poll(async () => (await backups(page)).join()).toContain('weight: 30');

  // Leaving asks first; staying keeps the notice.
  const asked = other.waitForEvent('dialog');
  await other.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(other.getByTestId('tab-conflict')).toBeVisible();
  // Closed (or crashed) anyway.
  await other.close({ runBeforeUnload: false });

  const third = await context.newPage();
  const next = new Studio(third);
  await third.goto('/');
  await next.waitForEditor();
  await expect(reviewsWeight(third)).toHaveText('85.7%'); // the first tab's saved text: 60 / (60 + 10)
  const notice = third.getByTestId('backup-notice');
  await expect(notice).toContainText('Unsaved text from a closed tab was kept');
  await third.screenshot({ path: testInfo.outputPath('backup-notice.png') });
  await third.getByTestId('backup-restore').click();
  await expect(notice).toBeHidden();
  await expect(reviewsWeight(third)).toHaveText('75%'); // 90 / (90 + 30)
  // The closed tab's backup is gone. Its text is now saved, so the first tab has a conflict (and a backup) of its own.
  await expect(page.getByTestId('tab-conflict')).toBeVisible();
  expect((await backups(third)).join()).not.toContain('weight: 30');
  // One undoable edit, as Load theirs.
  await third.getByTestId('undo').click();
  await expect(reviewsWeight(third)).toHaveText('85.7%');
  // The tab that stayed open was never offered the closed tab's text.
  await expect(page.getByTestId('backup-notice')).toBeHidden();
});

test('Discard drops the backup and keeps the text; a later start offers nothing', async ({
  studio,
  page,
}) => {
  await studio.open();
  await page.evaluate(() =>
    localStorage.setItem(
      'its:backup:gone-tab',
      JSON.stringify({
        text: 'apiVersion: v1\nkind: Service\nmetadata: {name: kept}\n',
        savedAt: Date.now(),
      }),
    ),
  );
  await studio.open('', { keepStorage: true });
  await expect(page.getByTestId('backup-notice')).toBeVisible();
  await page.getByTestId('backup-discard').click();
  await expect(page.getByTestId('backup-notice')).toBeHidden();
  expect(await studio.editorText()).not.toContain('name: kept');
  expect(await backups(page)).toEqual([]);
  await page.reload();
  await studio.waitForEditor();
  await expect(page.getByTestId('backup-notice')).toBeHidden();
});
