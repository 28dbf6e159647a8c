import { describe, expect, it } from 'vitest';
import type { Io } from './io';
import { runTest } from './test-command';

const F = 'test/fixtures/cli';
const args = [
  '-t',
  `${F}/ours/bookinfo_test.yaml`,
  `${F}/check/bookinfo.yaml`,
  `${F}/check/destination-rule-all.yaml`,
  `${F}/ours/bookinfo-gateway.yaml`,
  `${F}/ours/virtual-service-reviews-80-20.yaml`,
];

function io(stderrIsTTY: boolean, terminal: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const fake: Io = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readStdin: () => new Uint8Array(),
    colour: (flag) => (typeof flag === 'boolean' ? flag : terminal),
    version: 'test',
    stderrIsTTY,
  };
  return { fake, out, err };
}

describe('runTest', () => {
  it('says what it read on stderr when stderr is a terminal, even for a small input', () => {
    const tty = io(true, false);
    expect(runTest(args, tty.fake)).toBe(0);
    expect(tty.err).toEqual([
      expect.stringMatching(/^its: reading 4 files \(\d+ KB\)…$/),
      expect.stringMatching(/^its: read 4 files, \d+ resources; ran 5 cases$/),
    ]);
    const pipe = io(false, false);
    expect(runTest(args, pipe.fake)).toBe(0);
    expect(pipe.err).toEqual([]);
  });

  it('colours the report when the terminal allows it', () => {
    const t = io(false, true);
    runTest(args, t.fake);
    expect(t.out.join('')).toContain('\x1b[32mPASS\x1b[0m');
    const plain = io(false, false);
    runTest(args, plain.fake);
    expect(plain.out.join('')).not.toContain('\x1b[');
  });
});
