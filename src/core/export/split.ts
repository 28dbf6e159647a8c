import { createNamer, resourceFileStem } from './file-names';
import type { DeriveOptions } from '../model/namespace';
import { joinDocuments, resourcePieces } from './pieces';

/** One file of an export. */
export interface ExportFile {
  fileName: string;
  text: string;
}

/**
 * One file per resource, named `<kind>-<namespace>-<name>.yaml` (lower case, only `[a-z0-9.-]`, `-2`
 * on a clash). Items of a `kind: List` get files of their own; comments stay with their resource. A
 * document holding no resource (or one that does not parse) becomes `document-<n>.yaml`, so nothing is lost.
 */
export function splitResources(text: string, options: DeriveOptions = {}): ExportFile[] {
  const name = createNamer();
  return resourcePieces(text, options).map((p) => ({
    fileName: name(
      p.ref === undefined ? `document-${p.docIndex + 1}` : resourceFileStem(p.kind, p.namespace, p.name),
    ),
    text: p.text.endsWith('\n') ? p.text : `${p.text}\n`,
  }));
}

/**
 * A multi-document text with only the resources whose `ref` (`Kind ns/name`) is listed, in text order,
 * each as written (List items lifted out as documents of their own).
 */
export function exportSelected(text: string, refs: readonly string[], options: DeriveOptions = {}): string {
  const wanted = new Set(refs);
  const texts = resourcePieces(text, options)
    .filter((p) => p.ref !== undefined && wanted.has(p.ref))
    .map((p) => p.text);
  return texts.length === 0 ? '' : joinDocuments(texts);
}
