// Re-exported so Vite bundles monaco-yaml's worker locally (no CDN).
import 'monaco-yaml/yaml.worker.js';
