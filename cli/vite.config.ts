import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Builds `its` (cli/its.ts) into one ES module for Node, dist-cli/its.mjs: src/core and `yaml` are bundled in,
 * only Node's built-ins stay imports, so the file runs from a clone after `npm run build` with no node_modules.
 * `vite build -c cli/vite.config.ts --outDir <dir>` builds elsewhere (the CLI tests do).
 */
/** Marks the built file executable, so `./dist-cli/its.mjs` and a linked `its` bin run as programs. */
function executable(): Plugin {
  return {
    name: 'its-executable',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle))
        if (file.endsWith('.mjs')) chmodSync(join(options.dir ?? '', file), 0o755);
    },
  };
}

export default defineConfig({
  plugins: [executable()],
  // The app's public/ folder is no part of the CLI.
  publicDir: false,
  logLevel: 'warn',
  define: { __ITS_VERSION__: JSON.stringify(pkg.version) },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'cli/its.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'its.mjs',
        banner: '#!/usr/bin/env node',
        // One file: dynamic imports (if any) are inlined rather than split into chunks.
        codeSplitting: false,
      },
    },
  },
});
