import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { InputFile } from './combine';

/** Input `its` cannot use at all (exit 2): a missing or unreadable path, binary or non-UTF-8 content. */
export class InputError extends Error {}

/** What istioctl analyze reads from a folder. */
export const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The display name of standard input in messages and reports. */
export const STDIN_NAME = '<stdin>';

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Decodes a file's bytes as UTF-8 text, or says why it is no text, naming the line: a NUL byte (a binary file,
 * or UTF-16) or a byte sequence that is no UTF-8. A UTF-8 byte order mark is dropped (it is no YAML content).
 */
export function decodeText(name: string, bytes: Uint8Array): string {
  const loose = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const nul = loose.indexOf('\0');
  if (nul >= 0) {
    throw new InputError(
      `${name}:${lineOf(loose, nul)}: binary content (a NUL byte); expected YAML or JSON text`,
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = loose.indexOf('\uFFFD');
    throw new InputError(`${name}:${lineOf(loose, Math.max(0, bad))}: not UTF-8 text; save it as UTF-8`);
  }
  return loose.charCodeAt(0) === 0xfeff ? loose.slice(1) : loose;
}

function walk(dir: string, out: string[]): void {
  // Sorted as Go's filepath.Walk lists them, so a folder reads in the same order as istioctl reads it.
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
  }
}

/** The files a list of paths stands for: files as given, folders recursively (`.yaml`, `.yml`, `.json`). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new InputError(
        `${p}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code})`}`,
      );
    }
    if (isDir) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Reads every path (`-` is standard input, read once); throws InputError for input that cannot be used. */
export function readInputs(paths: readonly string[], readStdin: () => Uint8Array): InputFile[] {
  const files: InputFile[] = [];
  let stdinRead = false;
  for (const p of expandPaths(paths)) {
    if (p === '-') {
      if (stdinRead) continue;
      stdinRead = true;
      files.push({ name: STDIN_NAME, text: decodeText(STDIN_NAME, readStdin()) });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(p);
    } catch (err) {
      throw new InputError(`${p}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    files.push({ name: p, text: decodeText(p, bytes) });
  }
  return files;
}
