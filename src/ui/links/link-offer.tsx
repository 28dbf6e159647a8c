import { useEffect, useState } from 'react';
import type { AppStudio } from '../studio';
import { replaceText } from '../load-text';
import type { Opening } from '../initial-text';
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
 * What the app says about the link it was opened by (`?example=…`, `#share=…`) when it did not simply open
 * it: the question, when opening it would replace saved work ("Open …" replaces the text as one undo step;
 * "Keep my text" leaves it), or why the link could not be read. Stays until answered or dismissed.
 * Test ids: `link-offer` (`data-source`: example or share), `link-open`, `link-keep`; `link-problem`.
 */
export function LinkOffer({ studio, opening }: { studio: AppStudio; opening: Opening }) {
  const [open, setOpen] = useState(true);
  const ready = useEditorReady(studio);
  const { offer, problem } = opening;
  if (!open || (!offer && !problem)) return null;
  if (!offer) {
    return (
      <div className="link-offer error" role="alert" data-testid="link-problem">
        <span>{problem} Your text is as you left it.</span>
        <button type="button" onClick={() => setOpen(false)}>
          OK
        </button>
      </div>
    );
  }
  const openIt = () => {
    replaceText(studio.store, offer.text);
    studio.store.getState().notify(`Opened ${offer.label}. Undo (Ctrl+Z) brings your text back.`);
    setOpen(false);
  };
  return (
    <div className="link-offer" role="alert" data-testid="link-offer" data-source={offer.source}>
      <span>
        This link opens {offer.label}, which would replace your saved text ({lines(offer.text)} lines instead
        of {lines(studio.store.getState().text)}).
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
      <button type="button" data-testid="link-keep" onClick={() => setOpen(false)}>
        Keep my text
      </button>
    </div>
  );
}

function lines(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
