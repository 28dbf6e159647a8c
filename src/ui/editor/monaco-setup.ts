import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml, type MonacoYaml, type SchemasSettings } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

let yaml: MonacoYaml | undefined;

/** Registers workers and YAML language support once; Monaco is loaded lazily with this module. */
export function setupMonaco(schemas: SchemasSettings[]): typeof monaco {
  if (!window.MonacoEnvironment) {
    window.MonacoEnvironment = {
      getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
    };
  }
  if (!yaml) {
    yaml = configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      // Off: our checks report the same schema problems with codes, ranges and fixes; two markers per fault is noise.
      validate: false,
      completion: true,
      hover: true,
      // Our own validation reports schema problems with codes and ranges; monaco-yaml serves completion and hover.
      schemas,
    });
  }
  return monaco;
}

export { monaco };
