import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

// Tests that run the built file, as CI does: the unit step of `npm test` comes before the app's build, so the
// CLI is built by each such test file, once, with the config `npm run build` uses (about 2 s), into a temporary
// folder that is removed afterwards.

export const ROOT = join(__dirname, '..');

export interface RunResult {
  code: number | null;
  out: string;
  err: string;
}

export interface BuiltIts {
  /** The temporary folder (the built file is `its.mjs` in it); valid once the suite's beforeAll ran. */
  dir(): string;
  /** The built file's path. */
  file(): string;
  /** Runs `node its.mjs …args` from the repository root; `NO_COLOR=1` unless `env` says otherwise. */
  run(args: readonly string[], options?: { input?: string; env?: Record<string, string> }): RunResult;
}

/** Builds `its` for this test file and gives a way to run it. */
export function useBuiltIts(prefix: string): BuiltIts {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    const vite = join(ROOT, 'node_modules/.bin/vite');
    const b = spawnSync(vite, ['build', '-c', 'cli/vite.config.ts', '--outDir', dir, '--emptyOutDir'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (b.status !== 0) throw new Error(`CLI build failed: ${b.stderr}`);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = () => join(dir, 'its.mjs');
  return {
    dir: () => dir,
    file,
    run(args, options = {}) {
      const r = spawnSync(process.execPath, [file(), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        input: options.input,
        env: { ...process.env, NO_COLOR: '', ...(options.env ?? { NO_COLOR: '1' }) },
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
  };
}
