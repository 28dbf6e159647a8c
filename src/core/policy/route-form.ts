import type { Rec } from '../model/read';
import {
  flag,
  group,
  list,
  nested,
  number,
  optional,
  record,
  text,
  texts,
  writeGroup,
  type Codec,
} from './codec';
import { httpMatch, type MatchForm } from './http-match';
import { stringMatch, type StringMatchForm } from './string-match';

export type { MatchForm } from './http-match';

export interface DestinationForm {
  host?: string;
  subset?: string;
  /** `port.number`. */
  port?: number;
}

export interface HeaderOpsForm {
  set?: Record<string, string>;
  add?: Record<string, string>;
  remove?: string[];
}

export interface RouteForm {
  name?: string;
  match?: MatchForm[];
  rewrite?: { uri?: string; authority?: string };
  redirect?: {
    uri?: string;
    authority?: string;
    port?: number;
    scheme?: string;
    redirectCode?: number;
  };
  timeout?: string;
  retries?: {
    attempts?: number;
    perTryTimeout?: string;
    retryOn?: string;
    retryRemoteLocalities?: boolean;
  };
  fault?: {
    delay?: { fixedDelay?: string; percentage?: number };
    abort?: { httpStatus?: number; percentage?: number };
  };
  mirror?: DestinationForm;
  /** `mirrorPercentage.value`, 0..100. */
  mirrorPercentage?: number;
  corsPolicy?: {
    allowOrigins?: StringMatchForm[];
    allowMethods?: string[];
    allowHeaders?: string[];
    exposeHeaders?: string[];
    maxAge?: string;
    allowCredentials?: boolean;
  };
  headers?: { request?: HeaderOpsForm; response?: HeaderOpsForm };
  delegate?: { name?: string; namespace?: string };
}

const percentage = nested('value', number);

const headerOps = optional(group<HeaderOpsForm>({ set: record(text), add: record(text), remove: texts }));

// allowOrigins is a list of StringMatch; an item the form cannot read is kept as an empty match.
const origins: Codec<StringMatchForm[] | undefined> = {
  read: (raw) =>
    Array.isArray(raw) ? raw.map((r) => stringMatch.read(r) ?? { kind: 'any', value: '' }) : undefined,
  write: (value, prev) => {
    const p = Array.isArray(prev) ? prev : [];
    return value?.map((v, i) => stringMatch.write(v, p[i]));
  },
};

const route: Codec<RouteForm> = group<RouteForm>({
  name: text,
  match: list(httpMatch),
  rewrite: optional(group({ uri: text, authority: text })),
  redirect: optional(group({ uri: text, authority: text, port: number, scheme: text, redirectCode: number })),
  timeout: text,
  retries: optional(
    group({ attempts: number, perTryTimeout: text, retryOn: text, retryRemoteLocalities: flag }),
  ),
  fault: optional(
    group({
      delay: optional(group({ fixedDelay: text, percentage })),
      abort: optional(group({ httpStatus: number, percentage })),
    }),
  ),
  mirror: optional(group<DestinationForm>({ host: text, subset: text, port: nested('number', number) })),
  mirrorPercentage: percentage,
  corsPolicy: optional(
    group({
      allowOrigins: origins,
      allowMethods: texts,
      allowHeaders: texts,
      exposeHeaders: texts,
      maxAge: text,
      allowCredentials: flag,
    }),
  ),
  headers: optional(group({ request: headerOps, response: headerOps })),
  delegate: optional(group({ name: text, namespace: text })),
});

/** The inspector's view of one VirtualService route (an item of `http`, `tcp` or `tls`); never throws. */
export function readRouteForm(raw: unknown): RouteForm {
  return route.read(raw);
}

/**
 * Writes the form over the previous route: destinations (`route`) and every field the form does not know
 * are kept; unchanged values keep their exact YAML; only what the form clears is dropped.
 * The result shares unchanged parts with `previous`: treat both as read-only.
 */
export function writeRouteForm(form: RouteForm, previous: unknown): Rec {
  return writeGroup(route, form, previous) ?? {};
}
