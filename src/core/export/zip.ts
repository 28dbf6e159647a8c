import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportFile } from './split';

// A fixed date keeps the archive's bytes the same for the same files (stable downloads, testable output).
const MTIME = new Date(Date.UTC(2020, 0, 1));

/** Zips files (UTF-8 text) into one archive; names must be unique, as `splitResources` makes them. */
export function buildZip(files: readonly ExportFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[f.fileName] = [strToU8(f.text), { mtime: MTIME }];
  return zipSync(entries, { level: 6 });
}
