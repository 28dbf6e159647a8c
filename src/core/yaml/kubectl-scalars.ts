import { Schema, type ScalarTag, type Tags } from 'yaml';
import { stringifyNumber } from 'yaml/util';

/**
 * How kubectl reads a plain (unquoted, untagged) scalar. kubectl decodes manifests with sigs.k8s.io/yaml, which
 * runs gopkg.in/yaml.v2's `resolve` (resolve.go) and then turns the result into JSON; that is YAML 1.1 with Go's
 * number parsing, and differs from the YAML 1.2 core schema this app's `yaml` library uses by default:
 * - `y`, `yes`, `on`, `n`, `no`, `off` (and their Title/UPPER forms) are booleans;
 * - underscores are dropped from numbers (`1_000` is 1000), `0777` is octal (511), `0b101` is binary,
 *   `0o17`, `0x1F` and their signed and upper-case-prefix forms are numbers (Go's `strconv.ParseInt(s, 0, 64)`);
 * - base-60 numbers (`1:20`) are NOT read: resolve.go leaves them strings on purpose;
 * - timestamps (`2001-12-14`) stay strings when decoded into `interface{}` (decode.go), as kubectl does.
 */
export type ScalarKind = 'null' | 'bool' | 'int' | 'float' | 'str';

export interface ScalarReading {
  kind: ScalarKind;
  value: null | boolean | number | string;
}

const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
const FIXED = new Map<string, ScalarReading>([
  ...TRUE.map((s): [string, ScalarReading] => [s, { kind: 'bool', value: true }]),
  ...FALSE.map((s): [string, ScalarReading] => [s, { kind: 'bool', value: false }]),
  ...['', '~', 'null', 'Null', 'NULL'].map((s): [string, ScalarReading] => [
    s,
    { kind: 'null', value: null },
  ]),
  ...['.nan', '.NaN', '.NAN'].map((s): [string, ScalarReading] => [s, { kind: 'float', value: NaN }]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s): [string, ScalarReading] => [
    s,
    { kind: 'float', value: Infinity },
  ]),
  ...['-.inf', '-.Inf', '-.INF'].map((s): [string, ScalarReading] => [
    s,
    { kind: 'float', value: -Infinity },
  ]),
]);

// What Go's strconv.ParseInt(s, 0, 64) accepts once resolve.go has removed every `_`.
const GO_INT = /^([-+]?)(?:0([bB])([01]+)|0([oO])([0-7]+)|0([xX])([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))$/;
// resolve.go's yamlStyleFloat, tried on the same underscore-free text when it is no int.
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// strconv.ParseFloat on a text starting with `.` (no underscores removed there).
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

function goInt(plain: string): number | undefined {
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const [, sign, , bin, , oct, , hex, oct0, dec] = m;
  const n =
    bin !== undefined
      ? parseInt(bin, 2)
      : oct !== undefined
        ? parseInt(oct, 8)
        : hex !== undefined
          ? parseInt(hex, 16)
          : oct0 !== undefined
            ? oct0 === ''
              ? 0
              : parseInt(oct0, 8)
            : Number(dec);
  return sign === '-' ? -n : n;
}

const STR_FIRST = /^[^yYnNtTfFoO~.+\-0-9]/;
// The yaml library tests each tag in turn, then resolves: the same text comes several times in a row.
let lastSource: string | undefined;
let lastReading: ScalarReading = { kind: 'null', value: null };

/** kubectl's reading of a plain scalar's source text (see the module comment). */
export function readKubectl(source: string): ScalarReading {
  if (STR_FIRST.test(source)) return str(source);
  if (source === lastSource) return lastReading;
  lastReading = resolvePlain(source);
  lastSource = source;
  return lastReading;
}

function resolvePlain(source: string): ScalarReading {
  const fixed = FIXED.get(source);
  if (fixed) return fixed;
  const c = source.charAt(0);
  if (c === '.') return DOT_FLOAT.test(source) ? { kind: 'float', value: Number(source) } : str(source);
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    const plain = source.replace(/_/g, '');
    const int = goInt(plain);
    if (int !== undefined) return { kind: 'int', value: int };
    if (GO_FLOAT.test(plain)) return { kind: 'float', value: Number(plain) };
  }
  return str(source);
}

function str(source: string): ScalarReading {
  return { kind: 'str', value: source };
}

/**
 * The YAML 1.2 core schema's reading of a plain scalar: what the `yaml` library, editors and most linters show,
 * so what a value "seems" to be. Kept beside `readKubectl` to tell where the two disagree.
 */
export function readCore(source: string): ScalarReading {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return { kind: 'null', value: null };
  if (/^(?:[Tt]rue|TRUE)$/.test(source)) return { kind: 'bool', value: true };
  if (/^(?:[Ff]alse|FALSE)$/.test(source)) return { kind: 'bool', value: false };
  if (/^[-+]?[0-9]+$/.test(source)) return { kind: 'int', value: parseInt(source, 10) };
  if (/^0o[0-7]+$/.test(source)) return { kind: 'int', value: parseInt(source.slice(2), 8) };
  if (/^0x[0-9a-fA-F]+$/.test(source)) return { kind: 'int', value: parseInt(source.slice(2), 16) };
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(source))
    return { kind: 'float', value: source.startsWith('-') ? -Infinity : Infinity };
  if (/^\.(?:nan|NaN|NAN)$/.test(source)) return { kind: 'float', value: NaN };
  if (GO_FLOAT.test(source)) return { kind: 'float', value: Number(source) };
  return str(source);
}

/** True when kubectl and a YAML 1.2 reader get different values from the same plain scalar. */
export function readsDifferently(source: string): boolean {
  const k = readKubectl(source).value;
  const c = readCore(source).value;
  return !Object.is(k, c);
}

// The `yaml` library only ever calls `.test()` on a tag's pattern; a predicate keeps the tags and
// `readKubectl` one definition instead of two that could drift apart.
function kindIs(kind: ScalarKind): RegExp {
  const re = /(?:)/;
  re.test = (s: string) => readKubectl(s).kind === kind;
  return re;
}

const Y = 'tag:yaml.org,2002:';
const resolve = (s: string) => readKubectl(s).value;

const kubectlScalarTags: ScalarTag[] = [
  {
    tag: `${Y}null`,
    default: true,
    identify: (v) => v === null || v === undefined,
    test: kindIs('null'),
    resolve: () => null,
    stringify: ({ source }) =>
      typeof source === 'string' && readKubectl(source).kind === 'null' ? source : 'null',
  },
  {
    tag: `${Y}bool`,
    default: true,
    identify: (v) => typeof v === 'boolean',
    test: kindIs('bool'),
    resolve,
    stringify: ({ value }) => (value ? 'true' : 'false'),
  },
  {
    tag: `${Y}int`,
    default: true,
    identify: (v) => typeof v === 'number' && Number.isInteger(v),
    test: kindIs('int'),
    resolve,
    stringify: stringifyNumber,
  },
  {
    tag: `${Y}float`,
    default: true,
    identify: (v) => typeof v === 'number',
    test: kindIs('float'),
    resolve,
    stringify: stringifyNumber,
  },
  // An explicit `!!timestamp` stays its text too: go-yaml decodes timestamps into interface{} as strings.
  { tag: `${Y}timestamp`, default: false, resolve: (s: string) => s },
];

// Explicitly tagged 1.1 types (`!!binary`, `!!set`, ...) as the yaml-1.1 schema reads them, never by default.
const EXPLICIT_ONLY = new Set([`${Y}binary`, `${Y}omap`, `${Y}pairs`, `${Y}set`]);

function kubectlTags(core: Tags): Tags {
  const keep = core.filter((t) => typeof t !== 'string' && (t.collection || t.tag === `${Y}str`));
  const explicit = new Schema({ schema: 'yaml-1.1' }).tags.filter((t) => EXPLICIT_ONLY.has(t.tag));
  return [...keep, ...kubectlScalarTags, ...explicit];
}

/**
 * The schema that reads values as kubectl does: YAML 1.1 scalars per go-yaml v2, `<<` merge keys (go-yaml v2
 * merges them). Shared by every parse: built once, never mutated (no known-tag resolution, which would add to it).
 */
export const KUBECTL_SCHEMA = new Schema({
  schema: 'core',
  customTags: kubectlTags,
  merge: true,
  resolveKnownTags: false,
});
