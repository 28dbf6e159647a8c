import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import { fileUri, formatSarif } from './format-sarif';

// The part of the SARIF 2.1.0 schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json) that `its`
// emits, with the spec's required properties, enums and minimums, and no other property allowed.
const text = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string' } },
  additionalProperties: false,
};
const region = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    ['startLine', 'startColumn', 'endLine', 'endColumn'].map((k) => [k, { type: 'integer', minimum: 1 }]),
  ),
};
const physicalLocation = {
  type: 'object',
  additionalProperties: false,
  required: ['artifactLocation'],
  properties: {
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      required: ['uri'],
      properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' } },
    },
    region,
  },
};
const location = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: -1 },
    physicalLocation,
    message: text,
    logicalLocations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { fullyQualifiedName: { type: 'string' }, kind: { type: 'string' } },
      },
    },
  },
};
const level = { enum: ['none', 'note', 'warning', 'error'] };
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool'],
        additionalProperties: false,
        properties: {
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          tool: {
            type: 'object',
            required: ['driver'],
            additionalProperties: false,
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: {
                  name: { type: 'string' },
                  fullName: { type: 'string' },
                  version: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      additionalProperties: false,
                      properties: {
                        id: { type: 'string' },
                        name: { type: 'string' },
                        shortDescription: text,
                        help: text,
                        helpUri: { type: 'string', format: 'uri' },
                        defaultConfiguration: {
                          type: 'object',
                          additionalProperties: false,
                          properties: { level },
                        },
                        properties: { type: 'object' },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              additionalProperties: false,
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level,
                message: text,
                locations: { type: 'array', items: location },
                relatedLocations: { type: 'array', items: location },
              },
            },
          },
        },
      },
    },
  },
};

const finding = (over: Partial<Finding>): Finding => ({
  code: 'IST0101',
  severity: 'error',
  message: 'Subset "v4" is not defined',
  resource: 'VirtualService default/reviews',
  file: 'mesh/reviews v4.yaml',
  line: 13,
  column: 17,
  endLine: 13,
  endColumn: 19,
  related: [],
  ...over,
});

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv knows no formats without ajv-formats; these two are checked with URL here.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///root/'));
  return ajv.compile(SARIF_SUBSET);
}

describe('SARIF 2.1.0 output', () => {
  const findings = [
    finding({}),
    finding({ code: 'IST0173', severity: 'warning', line: 40, column: 3 }),
    finding({ code: 'ITS0001', severity: 'error', resource: null, file: 'broken.yaml', line: 12, column: 1 }),
    finding({
      code: 'ITS0103',
      severity: 'info',
      related: [{ file: 'b.yaml', line: 4, column: 9, resource: 'VirtualService default/b' }],
    }),
  ];
  const log = JSON.parse(formatSarif(findings, '0.1.0'));

  it('validates against the schema subset for what it emits', () => {
    const validate = validator();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the subset rejects what SARIF forbids (so the validation above can fail)', () => {
    const validate = validator();
    const bad = structuredClone(log);
    bad.runs[0].results[0].level = 'info';
    bad.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.length).toBe(2);
  });

  it('has a result per finding at its file, line and column, with its rule and level', () => {
    const run = log.runs[0];
    interface Result {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
    }
    const rows = (run.results as Result[]).map((r) => {
      const loc = r.locations[0]?.physicalLocation;
      return [
        r.ruleId,
        r.level,
        loc?.artifactLocation.uri,
        loc?.region.startLine,
        loc?.region.startColumn,
        run.tool.driver.rules[r.ruleIndex].id,
      ];
    });
    expect(rows).toEqual([
      ['IST0101', 'error', 'mesh/reviews%20v4.yaml', 13, 17, 'IST0101'],
      ['IST0173', 'warning', 'mesh/reviews%20v4.yaml', 40, 3, 'IST0173'],
      ['ITS0001', 'error', 'broken.yaml', 12, 1, 'ITS0001'],
      ['ITS0103', 'note', 'mesh/reviews%20v4.yaml', 13, 17, 'ITS0103'],
    ]);
    expect(run.results[3].relatedLocations[0].physicalLocation.region).toEqual({
      startLine: 4,
      startColumn: 9,
    });
  });

  it('describes rules with their names, levels and help links', () => {
    const rules = log.runs[0].tool.driver.rules as Record<string, unknown>[];
    expect(rules.find((r) => r.id === 'IST0101')).toMatchObject({
      name: 'ReferencedResourceNotFound',
      shortDescription: { text: 'Referenced resource not found' },
      helpUri: 'https://istio.io/latest/docs/reference/config/analysis/ist0101/',
      defaultConfiguration: { level: 'error' },
    });
    expect(rules.find((r) => r.id === 'KIA1104')?.helpUri).toBe(
      'https://kiali.io/docs/features/validations/',
    );
    // Our own codes have no public page: no helpUri, a help text instead.
    expect(rules.find((r) => r.id === 'ITS0001')).not.toHaveProperty('helpUri');
  });

  it('writes paths as relative URI references', () => {
    expect(fileUri('./a/b c#1.yaml')).toBe('a/b%20c%231.yaml');
    expect(fileUri('dir\\x.yaml')).toBe('dir/x.yaml');
  });
});
