import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, test, type Studio } from './fixtures/studio';

// One history for both panes: a whole slider drag is one step, and the undo and redo keys walk it.

/** The default text (the canary example, 90/10), as the app ships it. */
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const route0 = 'route:default/reviews/http/0/0';

/** The percentage a weight label shows. */
async function percent(studio: Studio, edgeId: string): Promise<number> {
  return Number.parseFloat((await studio.weight(edgeId).textContent()) ?? 'NaN');
}

/** Drags a range input's thumb from its value `from` to `to` (0–100) with the mouse, in many small moves. */
async function dragSlider(studio: Studio, slider: Locator, from: number, to: number) {
  const b = await slider.boundingBox();
  if (!b) throw new Error('slider not visible');
  // The thumb's centre travels between half a thumb from either end (Chromium's thumb is ~16 px).
  const xAt = (v: number) => b.x + 8 + ((b.width - 16) * v) / 100;
  const y = b.y + b.height / 2;
  await studio.page.mouse.move(xAt(from), y);
  await studio.page.mouse.down();
  await studio.page.mouse.move(xAt(to), y, { steps: 12 });
  await studio.page.mouse.up();
}

test('one drag of a weight slider is one undo step; the redo keys bring it back', async ({
  studio,
  page,
}, testInfo) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await studio.node('virtualservice:default/reviews').click({ position: { x: 20, y: 10 } });
  const slider = studio.inspector().locator(`[data-testid="weight-slider"][data-edge-id="${route0}"]`);
  await expect(slider).toHaveValue('90');
  await dragSlider(studio, slider, 90, 40);
  // Every move wrote the text; the drag ends near 40/60.
  await expect.poll(() => percent(studio, route0)).toBeLessThan(50);
  expect(await percent(studio, route0)).toBeGreaterThan(30);
  // The last move's weights, saved (the label and the text agree).
  const w = await percent(studio, route0);
  await expect.poll(() => studio.savedText()).toContain(`weight: ${w}\n`);
  const dragged = await studio.savedText();
  expect(dragged).toContain(`weight: ${100 - w}\n`);
  await page.screenshot({ path: testInfo.outputPath('slider-dragged.png') });

  // Focus is still on the slider, as a person leaves it.
  await page.keyboard.press('Control+Z');
  await expect(studio.weight(route0)).toHaveText('90%');
  await expect.poll(() => studio.savedText()).toBe(canary);
  await expect(slider).toHaveValue('90');

  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => studio.savedText()).toBe(dragged);
  await page.keyboard.press('Control+Z');
  await expect.poll(() => studio.savedText()).toBe(canary);
  await page.keyboard.press('Control+Y');
  await expect.poll(() => studio.savedText()).toBe(dragged);
});

test('a canvas delete is undone and redone by keys on the canvas and in the YAML pane', async ({
  studio,
  page,
}, testInfo) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  const v3 = studio.node('deployment:default/reviews-v3');
  await v3.click();
  await page.keyboard.press('Delete');
  await expect(v3).toHaveCount(0);
  await expect.poll(() => studio.savedText()).not.toContain('name: reviews-v3');
  const deleted = await studio.savedText();

  // On the canvas (focus on the pane, as after the click and the key).
  await page.keyboard.press('Control+Z');
  await expect(v3).toBeVisible();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await page.keyboard.press('Control+Shift+Z');
  await expect(v3).toHaveCount(0);
  await expect.poll(() => studio.savedText()).toBe(deleted);

  // In the YAML pane: Monaco's own keys walk the same history.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Z');
  await expect(v3).toBeVisible();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await page.keyboard.press('Control+Y');
  await expect(v3).toHaveCount(0);
  await expect.poll(() => studio.savedText()).toBe(deleted);
  await page.keyboard.press('Control+Z');
  await expect.poll(() => studio.savedText()).toBe(canary);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => studio.savedText()).toBe(deleted);
  await page.screenshot({ path: testInfo.outputPath('redo-in-editor.png') });
});
