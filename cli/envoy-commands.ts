import { derive } from '../src/core/derive';
import { clustersForJson, routesForJson, traceForJson } from '../src/core/envoy/json-api';
import type { Env } from '../src/core/envoy/types';
import { clustersTable, routesTable } from '../src/core/envoy/proxy-config-table';
import { rec, str } from '../src/core/model/read';
import { flagString, parseArgs, UsageError, type FlagSpec, type ParsedArgs } from './args';
import { combine } from './combine';
import { readInputs } from './inputs';
import { count, readingProgress } from './progress';
import type { Io } from './io';

const FLAGS: FlagSpec[] = [
  { name: 'proxy', value: true },
  { name: 'request', value: true },
  { name: 'domain-suffix', value: true },
  { name: 'mesh-config', value: true },
  { name: 'namespace', short: 'n', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'help', short: 'h' },
];

export const ENVOY_HELP = `Usage: its proxy-config routes|clusters <paths…> --proxy '<json>' [-o json|table]
       its trace <paths…> --proxy '<json>' --request '<json>' [-o json]

The config istiod would give one proxy, built from the manifests alone (src/core/envoy). --proxy and --request
take the objects of Istio's simulation cases (corpus/istio-simulation), e.g.
  --proxy '{"kind":"sidecar","namespace":"default","labels":{"app":"productpage"}}'
  --request '{"host":"reviews","port":9080,"path":"/","protocol":"http"}'

Flags:
      --domain-suffix S    suffix of short config hosts (default svc.cluster.local)
      --mesh-config JSON   mesh config fields: outboundTrafficPolicy.mode, rootNamespace
  -n, --namespace NS       namespace for resources that name none
  -o, --output json|table  (trace: json)`;

function json(args: ParsedArgs, name: string): unknown {
  const raw = flagString(args, name, '');
  if (raw === '') throw new UsageError(`--${name} '<json>' is required`);
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`--${name} is no JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function envFrom(args: ParsedArgs): Partial<Env> {
  const env: Partial<Env> = {};
  const suffix = args.flags.get('domain-suffix');
  if (typeof suffix === 'string') env.domainSuffix = suffix;
  const mesh = flagString(args, 'mesh-config', '');
  if (mesh !== '') {
    let m: Record<string, unknown>;
    try {
      m = rec(JSON.parse(mesh));
    } catch {
      throw new UsageError('--mesh-config is no JSON');
    }
    const mode = str(rec(m.outboundTrafficPolicy).mode);
    if (mode === 'REGISTRY_ONLY' || mode === 'ALLOW_ANY' || mode === 'ALLOW_ANY_DYNAMIC_DNS')
      env.outboundTrafficPolicy = mode;
    const root = str(m.rootNamespace);
    if (root) env.rootNamespace = root;
  }
  return env;
}

function modelOf(args: ParsedArgs, io: Io) {
  if (args.positionals.length === 0) throw new UsageError('needs files, folders or - (stdin)');
  const ns = flagString(args, 'namespace', '');
  const files = readInputs(args.positionals, io.readStdin);
  const progress = readingProgress(io, files);
  const { model } = derive(combine(files).text, ns ? { defaultNamespace: ns } : {});
  progress.done(`${count(model.resources.length)} resources`);
  return model;
}

/** `its proxy-config routes|clusters` and `its trace`: the Envoy view as JSON (or a table). Returns the exit code. */
export function runEnvoy(command: 'trace' | 'proxy-config', argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, FLAGS);
  if (args.flags.get('help') === true) {
    io.out(ENVOY_HELP);
    return 0;
  }
  const output = flagString(args, 'output', 'json');
  if (command === 'trace') {
    if (output !== 'json') throw new UsageError(`-o ${output}: its trace prints json`);
    const result = traceForJson(modelOf(args, io), json(args, 'proxy'), json(args, 'request'), envFrom(args));
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  const [what, ...paths] = args.positionals;
  if (what !== 'routes' && what !== 'clusters')
    throw new UsageError('its proxy-config needs routes or clusters');
  if (output !== 'json' && output !== 'table') throw new UsageError(`-o ${output}: expected json or table`);
  const sub = { ...args, positionals: paths };
  const model = modelOf(sub, io);
  const proxy = json(args, 'proxy');
  if (what === 'routes') {
    const routes = routesForJson(model, proxy, envFrom(args));
    io.out(output === 'json' ? JSON.stringify(routes, null, 2) : routesTable(routes));
    return 0;
  }
  const clusters = clustersForJson(model, proxy, envFrom(args));
  io.out(output === 'json' ? JSON.stringify(clusters, null, 2) : clustersTable(clusters));
  return 0;
}
