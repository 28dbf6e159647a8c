import { CODES, type CodeInfo } from '../src/core/validate/codes';
import type { Severity } from '../src/core/validate/types';
import type { Finding } from './findings';

/** SARIF's result levels for our severities (SARIF 2.1.0 §3.27.10: none, note, warning, error). */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** `ReferencedResourceNotFound` → `Referenced resource not found`. */
function words(title: string): string {
  const s = title.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return s.charAt(0) + s.slice(1).toLowerCase();
}

function rule(id: string, info: CodeInfo | undefined): Record<string, unknown> {
  if (!info) return { id, shortDescription: { text: id } };
  const link = /^https?:\/\//.test(info.doc) ? info.doc : undefined;
  return {
    id,
    name: info.title,
    shortDescription: { text: words(info.title) },
    ...(link ? { helpUri: link } : {}),
    help: {
      text: link ? `See ${link}` : `An Istio Traffic Studio check: see ${info.doc} in its repository.`,
    },
    defaultConfiguration: { level: LEVEL[info.severity] },
    properties: { source: info.source },
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function physical(file: string, region: Record<string, number>): Record<string, unknown> {
  return { physicalLocation: { artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' }, region } };
}

/**
 * A SARIF 2.1.0 log of the findings: one run of `its` with every code of the catalogue as a rule (name, short
 * description, help link, default level), one result per finding at its file, line and column, the resource as
 * a logical location, and the other references of the same finding as related locations. Paths are relative to
 * where `its` ran (`%SRCROOT%`), which is what code-scanning uploads expect when run from the repository root.
 */
export function formatSarif(findings: readonly Finding[], version: string): string {
  const ids = Object.keys(CODES);
  for (const f of findings) if (!ids.includes(f.code)) ids.push(f.code);
  const catalogue = CODES as Record<string, CodeInfo>;
  const results = findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: ids.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        ...physical(f.file, {
          startLine: f.line,
          startColumn: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
        }),
        ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }] } : {}),
      },
    ],
    ...(f.related.length > 0
      ? {
          relatedLocations: f.related.map((r, i) => ({
            id: i + 1,
            ...physical(r.file, { startLine: r.line, startColumn: r.column }),
            message: { text: r.resource ? `Also referenced by ${r.resource}` : 'Also here' },
          })),
        }
      : {}),
  }));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'its',
            fullName: 'Istio Traffic Studio CLI',
            version,
            rules: ids.map((id) => rule(id, catalogue[id])),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
