import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks: without this a failing test crashes the reporter
// and hides the failure.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value: <K, V>(items: Iterable<V>, key: (v: V, i: number) => K) => {
      const out = new Map<K, V[]>();
      let i = 0;
      for (const v of items) {
        const k = key(v, i++);
        const list = out.get(k);
        if (list) list.push(v);
        else out.set(k, [v]);
      }
      return out;
    },
  });
}

// Strict CSP for the built app only: the dev server injects inline scripts for hot reload.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspPlugin(): Plugin {
  return {
    name: 'its-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  plugins: [react(), cspPlugin()],
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    // dist/.vite/manifest.json: the import graph scripts/bundle-size.ts walks to size the first screen.
    manifest: true,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CSP } },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
      'cli/**/*.test.ts',
    ],
    environment: 'node',
  },
});
