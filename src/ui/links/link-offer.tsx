import { useEffect, useState } from 'react';
import type { AppStudio } from '../studio';
import { replaceText } from '../load-text';
import { addressWithoutLink, decideOpening, type Opening } from '../initial-text';
import './links.css';

const EDITOR_POLL_MS = 100;

/** True once the lazily loaded Monaco pane has attached its editor (a replace before that has no undo). */
function useEditorReady(studio: AppStudio): boolean {
  const [ready, setReady] = useState(() => studio.editor.get() !== undefined);
  useEffect(() => {
    if (ready) return;
    const t = setInterval(() => {
      if (studio.editor.get()) setReady(true);
    }, EDITOR_POLL_MS);
    return () => clearInterval(t);
  }, [ready, studio]);
  return ready;
}

/**
 * A share link pasted into the address bar of the open app changes only the fragment (no reload): it is
 * decided like one the app was opened by, against the text on screen. Opening it at once (nothing anyone
 * wrote would be replaced) is an undoable replace too.
 */
function useLinkArrivals(studio: AppStudio, show: (o: Opening) => void): void {
  useEffect(() => {
    const onHash = () => {
      const address = addressWithoutLink(window.location.href);
      if (!address) return;
      const { text, positions } = studio.store.getState();
      const o = decideOpening({ search: '', hash: window.location.hash }, text, positions);
      window.history.replaceState(window.history.state, '', address);
      if (o.offer || o.problem) show(o);
      else if (o.text !== text) {
        replaceText(studio.store, o.text);
        studio.store
          .getState()
          .notify('Opened the shared design. Undo (Ctrl+Z) brings the text before it back.');
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [studio, show]);
}

/**
 * What the app says about the link it was opened by (`?example=…`, `#share=…`), or a share link pasted into
 * it later, when it did not simply open it: the question, when opening it would replace saved work ("Open …"
 * replaces the text as one undo step; "Keep my text" leaves it), or why the link could not be read. Stays
 * until answered or dismissed.
 * Test ids: `link-offer` (`data-source`: example or share), `link-open`, `link-keep`; `link-problem`.
 */
export function LinkOffer({ studio, opening: first }: { studio: AppStudio; opening: Opening }) {
  const [opening, setOpening] = useState<Opening | undefined>(first);
  const ready = useEditorReady(studio);
  useLinkArrivals(studio, setOpening);
  const close = () => setOpening(undefined);
  const offer = opening?.offer;
  const problem = opening?.problem;
  if (!offer && !problem) return null;
  if (!offer) {
    return (
      <div className="link-offer error" role="alert" data-testid="link-problem">
        <span>{problem} Your text is as you left it.</span>
        <button type="button" onClick={close}>
          OK
        </button>
      </div>
    );
  }
  const openIt = () => {
    replaceText(studio.store, offer.text);
    studio.store.getState().notify(`Opened ${offer.label}. Undo (Ctrl+Z) brings your text back.`);
    close();
  };
  return (
    <div className="link-offer" role="alert" data-testid="link-offer" data-source={offer.source}>
      <span>
        This link opens {offer.label}. Opening it replaces your saved text (
        {lines(studio.store.getState().text)} lines; undo brings it back).
      </span>
      <button
        type="button"
        className="primary"
        data-testid="link-open"
        disabled={!ready}
        title={ready ? 'Replaces the text as one step: undo brings yours back' : 'Waiting for the editor…'}
        onClick={openIt}
      >
        Open {offer.source === 'example' ? 'the example' : 'the shared design'}
      </button>
      <button type="button" data-testid="link-keep" onClick={close}>
        Keep my text
      </button>
    </div>
  );
}

function lines(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
