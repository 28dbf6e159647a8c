import { decodeShare, SHARE_KEY, shareValueOf } from '../core/export/share';
import type { Point } from '../core/graph/types';
import { DEFAULT_EXAMPLE, exampleBySlug, examples } from '../examples/index';
import { loadText } from '../state/persist';

/** A text a link brought (`?example=<slug>` or `#share=…`) that differs from the saved work: asked about. */
export interface LinkOffer {
  source: 'example' | 'share';
  /** What the link opens, in words: `the example "Blue/green switch"`, `the shared design`. */
  label: string;
  text: string;
}

/** What the app opens with, and what it asks or says about the link it was opened by. */
export interface Opening {
  text: string;
  positions: Record<string, Point>;
  /** The link's text, offered because opening it would replace saved work; never applied unasked. */
  offer?: LinkOffer;
  /** Why the link could not be opened (the saved text is open, untouched). */
  problem?: string;
}

/** The parts of the address that can carry a link. */
export interface LinkLocation {
  search: string;
  hash: string;
}

type Link = { ok: true; offer: LinkOffer } | { ok: false; problem: string } | undefined;

function linkOf(loc: LinkLocation): Link {
  const share = shareValueOf(loc.hash);
  if (share !== undefined) {
    const r = decodeShare(share);
    if (!r.ok) return { ok: false, problem: `This share link cannot be opened: ${r.reason}.` };
    return { ok: true, offer: { source: 'share', label: 'the shared design', text: r.text } };
  }
  const slug = new URLSearchParams(loc.search).get('example');
  if (slug === null) return undefined;
  const ex = exampleBySlug(slug);
  if (!ex) return { ok: false, problem: `There is no example "${slug}"; see Examples for the list.` };
  return { ok: true, offer: { source: 'example', label: `the example "${ex.title}"`, text: ex.text } };
}

/** Saved text that nobody wrote: nothing, blanks, or a built-in example as it ships. */
function nothingToLose(saved: string | undefined): boolean {
  return saved === undefined || saved.trim() === '' || examples.some((e) => e.text === saved);
}

/**
 * What the editor opens with, given the address and what was saved. A link (`?example=<slug>`, `#share=…`)
 * never loses work: it opens at once only when the saved text is nothing a person wrote (none, blank, or a
 * built-in example unchanged); otherwise the saved text opens and the link's text is offered (`offer`). A
 * link that cannot be read opens the saved text and says why (`problem`). Without a link: the saved text,
 * then the default example.
 */
export function decideOpening(
  loc: LinkLocation,
  saved: string | undefined,
  savedPositions: Record<string, Point>,
): Opening {
  const fallback: Opening =
    saved !== undefined
      ? { text: saved, positions: savedPositions }
      : { text: exampleBySlug(DEFAULT_EXAMPLE)?.text ?? '', positions: {} };
  const link = linkOf(loc);
  if (!link) return fallback;
  if (!link.ok) return { ...fallback, problem: link.problem };
  if (saved === link.offer.text) return fallback;
  // Positions start fresh: the saved ones belong to another graph.
  if (nothingToLose(saved)) return { text: link.offer.text, positions: {} };
  return { ...fallback, offer: link.offer };
}

/** `decideOpening` for this page: its address and the autosaved text. */
export function initialText(loc: LinkLocation, savedPositions: Record<string, Point>): Opening {
  return decideOpening(loc, loadText(), savedPositions);
}

/**
 * The address without the link that opened the app (`example` parameter, `share` fragment), or undefined
 * when it has none: once read, a reload must not apply the link again over later edits.
 */
export function addressWithoutLink(href: string): string | undefined {
  const url = new URL(href);
  const hadExample = url.searchParams.has('example');
  const hadShare = shareValueOf(url.hash) !== undefined;
  if (!hadExample && !hadShare) return undefined;
  url.searchParams.delete('example');
  if (hadShare) {
    const rest = url.hash
      .slice(1)
      .split('&')
      .filter((p) => !p.startsWith(`${SHARE_KEY}=`));
    url.hash = rest.join('&');
  }
  return url.toString();
}
