// The size gate for the "first screen under 300 KB of gzipped JavaScript before Monaco" target in DESIGN.md:
// gzips every file the first screen loads (the entry and its static imports, from Vite's manifest), prints the
// biggest, and exits 1 above the budget. Lazy chunks (Monaco, its workers, dialogs) do not count.
// Run after a build: npm run size [-- <dist dir>]   (default: dist)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstScreenFiles, type Manifest } from './first-screen';

/** 1 KB = 1,000 bytes, as Vite's build report counts. */
const BUDGET_KB = 300;
const TOP = 8;

const dist = process.argv[2] ?? 'dist';
const manifestPath = join(dist, '.vite', 'manifest.json');
let manifest: Manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
} catch (err) {
  console.error(`bundle-size: cannot read ${manifestPath} (build first; vite.config.ts sets build.manifest)`);
  console.error(String(err));
  process.exit(2);
}

// Level 6, zlib's default and what Vite's build report and common servers use.
const sizes = firstScreenFiles(manifest)
  .map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n: number) => (n / 1000).toFixed(1).padStart(8);
const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
console.log('first-screen JavaScript (gzip, raw):');
for (const s of sizes.slice(0, TOP)) console.log(`${kb(s.gzip)} KB ${kb(s.raw)} KB  ${s.file}`);
if (sizes.length > TOP) console.log(`         … and ${sizes.length - TOP} smaller files`);
const verdict = total <= BUDGET_KB * 1000 ? 'within' : 'OVER';
console.log(`${kb(total)} KB gzipped in ${sizes.length} files: ${verdict} the ${BUDGET_KB} KB budget`);
if (verdict === 'OVER') process.exit(1);
