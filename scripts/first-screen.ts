// The pure half of scripts/bundle-size.ts: which built files the first screen loads, read from Vite's manifest.

/** One entry of Vite's `.vite/manifest.json` (only the fields the walk reads). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export type Manifest = Readonly<Record<string, ManifestChunk>>;

/**
 * The JavaScript files the page loads before anything is imported on demand: every entry chunk and, transitively,
 * its static imports. Dynamic imports (Monaco, its workers, dialogs loaded on first open) are left out, and so is
 * anything only they import. Files come out in the order the walk meets them, each once.
 *
 * Throws when an import names a chunk the manifest does not have: the manifest is then not Vite's or is broken, and
 * a size computed from part of the graph would pass the gate wrongly.
 */
export function firstScreenFiles(manifest: Manifest): string[] {
  const queue = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (queue.length === 0) throw new Error('the manifest has no entry chunk');
  const seen = new Set<string>();
  const files: string[] = [];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk "${key}"`);
    if (chunk.file.endsWith('.js') && !files.includes(chunk.file)) files.push(chunk.file);
    queue.push(...(chunk.imports ?? []));
  }
  return files;
}
