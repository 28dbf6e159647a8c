import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Derived } from '../../core/derive';
import { BIG_TEXT } from '../../state/derive-scheduler';
import { headlessStudio, type HeadlessStudio } from './headless-editor';
import { startMarkerSync } from './marker-sync';

const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const running: (() => void)[] = [];
afterEach(() => running.splice(0).forEach((stop) => stop()));

/** The app's order: the scheduler follows the store first (React subscribes at mount), the editor later. */
function setUp(later?: (f: () => void) => () => void): HeadlessStudio & { shown: Derived[] } {
  const shown: Derived[] = [];
  const h = headlessStudio(canary, { viewsFirst: true, ...(later ? { later } : {}) });
  running.push(
    h.stop,
    startMarkerSync(h.studio, h.model, (d) => shown.push(d)),
  );
  return { ...h, shown };
}
const codes = (d: Derived | undefined) => d?.diagnostics.map((x) => x.code) ?? [];

describe('markers follow the settled derivation of the text the editor holds', () => {
  it('shows the first text, then each typed change once', () => {
    const { model, shown } = setUp();
    expect(shown).toHaveLength(1);
    model.type(canary.indexOf('subset: v2') + 'subset: v'.length, 'x', 1);
    expect(shown).toHaveLength(2);
    expect(codes(shown[1])).toContain('IST0101');
    expect(shown[1]?.text).toBe(model.getValue());
  });

  it('after an import, the new text’s problems (not the old ones) once the editor holds it', () => {
    const { studio, model, shown } = setUp();
    const broken = canary.replace('subset: v2', 'subset: vx');
    studio.replace(broken);
    expect(model.getValue()).toBe(broken);
    expect(shown.at(-1)?.text).toBe(broken);
    expect(codes(shown.at(-1))).toContain('IST0101');
    studio.replace(canary);
    expect(shown.at(-1)?.text).toBe(canary);
    expect(codes(shown.at(-1))).not.toContain('IST0101');
  });

  it('a big import entering the editor a task later gets its markers then', async () => {
    let run: (() => void) | undefined;
    const { studio, model, shown } = setUp((f) => ((run = f), () => (run = undefined)));
    const big = `${canary.replace('subset: v2', 'subset: vx')}# ${'x'.repeat(BIG_TEXT)}\n`;
    studio.replace(big);
    await vi.waitFor(() => expect(studio.settled().derived.text).toBe(big));
    // Nothing shown for a text the editor does not hold yet.
    expect(shown.every((d) => d.text !== big)).toBe(true);
    run?.();
    expect(model.getValue()).toBe(big);
    expect(shown.at(-1)?.text).toBe(big);
  });
});
