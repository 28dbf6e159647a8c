import { describe, expect, it } from 'vitest';
import { firstScreenFiles, type Manifest } from './first-screen';

// Trimmed from a real build's dist/.vite/manifest.json: lazy chunks import the entry back ("index.html"), and
// Monaco's language modes are dynamic entries that share a chunk with the editor.
const built: Manifest = {
  '_rolldown-runtime-X.js': { file: 'assets/rolldown-runtime-X.js' },
  '_store-context-S.js': { file: 'assets/store-context-S.js', imports: ['_rolldown-runtime-X.js'] },
  '_bridge-B.js': { file: 'assets/bridge-B.js' },
  '_editor.api-E.js': { file: 'assets/editor.api-E.js', imports: ['_rolldown-runtime-X.js'] },
  'index.html': {
    file: 'assets/index-I.js',
    isEntry: true,
    imports: ['_rolldown-runtime-X.js', '_store-context-S.js', '_bridge-B.js'],
    dynamicImports: ['src/ui/editor/monaco-pane.tsx', 'src/ui/dialogs/export/export-body.tsx'],
  },
  'src/ui/editor/monaco-pane.tsx': {
    file: 'assets/monaco-pane-M.js',
    isDynamicEntry: true,
    imports: ['_store-context-S.js', 'index.html', '_bridge-B.js', '_editor.api-E.js'],
    dynamicImports: ['node_modules/monaco-editor/esm/vs/language/json/jsonMode.js'],
  },
  'node_modules/monaco-editor/esm/vs/language/json/jsonMode.js': {
    file: 'assets/jsonMode-J.js',
    isDynamicEntry: true,
    imports: ['_editor.api-E.js'],
  },
  'src/ui/dialogs/export/export-body.tsx': {
    file: 'assets/export-body-X.js',
    isDynamicEntry: true,
    imports: ['_store-context-S.js', 'index.html'],
  },
  'codicon.ttf': { file: 'assets/codicon-C.ttf' },
};

describe('firstScreenFiles', () => {
  it('takes the entry and its static imports, in walk order', () => {
    expect(firstScreenFiles(built)).toEqual([
      'assets/index-I.js',
      'assets/rolldown-runtime-X.js',
      'assets/store-context-S.js',
      'assets/bridge-B.js',
    ]);
  });

  it('leaves out dynamic imports and what only they import', () => {
    const files = firstScreenFiles(built);
    for (const lazy of ['monaco-pane-M', 'editor.api-E', 'jsonMode-J', 'export-body-X']) {
      expect(files.some((f) => f.includes(lazy))).toBe(false);
    }
  });

  it('follows static imports transitively, once each, through cycles', () => {
    const m: Manifest = {
      'main.ts': { file: 'a/main.js', isEntry: true, imports: ['_x.js', '_y.js'] },
      '_x.js': { file: 'a/x.js', imports: ['_z.js', 'main.ts'] },
      '_y.js': { file: 'a/y.js', imports: ['_z.js'] },
      '_z.js': { file: 'a/z.js', imports: ['_x.js'] },
    };
    expect(firstScreenFiles(m)).toEqual(['a/main.js', 'a/x.js', 'a/y.js', 'a/z.js']);
  });

  it('counts every entry of a multi-page build, and only JavaScript files', () => {
    const m: Manifest = {
      'a.html': { file: 'assets/a.js', isEntry: true, imports: ['_shared.js'] },
      'b.html': { file: 'assets/b.js', isEntry: true, imports: ['_shared.js'] },
      '_shared.js': { file: 'assets/shared.js' },
      'style.css': { file: 'assets/style.css', isEntry: true },
    };
    expect(firstScreenFiles(m)).toEqual(['assets/a.js', 'assets/b.js', 'assets/shared.js']);
  });

  it('rejects a manifest without an entry or with an import it does not list', () => {
    expect(() => firstScreenFiles({ 'x.js': { file: 'x.js' } })).toThrow(/no entry/);
    expect(() =>
      firstScreenFiles({ 'i.html': { file: 'i.js', isEntry: true, imports: ['_gone.js'] } }),
    ).toThrow(/no chunk "_gone.js"/);
  });
});
