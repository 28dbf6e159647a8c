import { flag, group, number, record, text, texts, type Codec } from './codec';
import { stringMatch, type StringMatchForm } from './string-match';

/**
 * One `match` entry of an HTTP route (Istio's HTTPMatchRequest; tcp/tls rules use the subset of it they have).
 * The one model of a match: the route-feature form (`route-form.ts`) and the inspector's match form
 * (`core/edit/match-form.ts`, which edits uri, method, headers and query parameters) both read and write it.
 */
export interface MatchForm {
  name?: string;
  uri?: StringMatchForm;
  scheme?: StringMatchForm;
  method?: StringMatchForm;
  authority?: StringMatchForm;
  headers?: Record<string, StringMatchForm>;
  queryParams?: Record<string, StringMatchForm>;
  withoutHeaders?: Record<string, StringMatchForm>;
  ignoreUriCase?: boolean;
  sourceLabels?: Record<string, string>;
  port?: number;
  gateways?: string[];
}

const matches = record(stringMatch);

/** Reads and writes one match entry; fields it does not know (sourceNamespace...) are kept in place. */
export const httpMatch: Codec<MatchForm> = group<MatchForm>({
  name: text,
  uri: stringMatch,
  scheme: stringMatch,
  method: stringMatch,
  authority: stringMatch,
  headers: matches,
  queryParams: matches,
  withoutHeaders: matches,
  ignoreUriCase: flag,
  sourceLabels: record(text),
  port: number,
  gateways: texts,
});
