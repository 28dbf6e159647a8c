import { useState } from 'react';
import { shareFragment } from '../../core/export/share';
import type { StudioState } from '../../state/store';
import { addressWithoutLink } from '../initial-text';
import { useStudio } from '../store-context';
import './links.css';

/** Above this, some chat tools, mail clients and browsers cut or refuse the link. */
export const LONG_LINK = 32 * 1024;

const selectText = (s: StudioState) => s.text;

/** The app's address (without a link it was opened by) with the text in its `#share=` fragment. */
export function shareUrl(href: string, text: string): string {
  const url = new URL(addressWithoutLink(href) ?? href);
  url.hash = shareFragment(text).slice(1);
  return url.toString();
}

function kb(n: number): string {
  return `${n < 10_240 ? (n / 1024).toFixed(1) : Math.round(n / 1024)} KB`;
}

interface Made {
  url: string;
  copied: boolean;
}

/**
 * "Copy share link": the editor's whole text, compressed into the link's fragment (browsers never send a
 * fragment to a server: nothing leaves the browser), copied to the clipboard and shown, with its size.
 * Test ids: `share-link` (the button), `share-link-status`, `share-link-url` (the link, read-only).
 */
export function ShareLink() {
  const text = useStudio(selectText);
  const [made, setMade] = useState<Made | undefined>();
  const make = async () => {
    const url = shareUrl(window.location.href, text);
    let copied = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      copied = false;
    }
    setMade({ url, copied });
  };
  const stale = made !== undefined && made.url !== shareUrl(window.location.href, text);
  const long = made !== undefined && made.url.length > LONG_LINK;
  return (
    <div className="share-link" role="group" aria-label="Link">
      <div className="share-link-row">
        <button type="button" data-testid="share-link" onClick={() => void make()}>
          Copy share link
        </button>
        {made && (
          <input
            readOnly
            data-testid="share-link-url"
            aria-label="Share link"
            value={made.url}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </div>
      <p className={`share-link-size${long ? ' warn' : ''}`} data-testid="share-link-status" role="status">
        {!made
          ? 'The whole text goes into the link itself: nothing is uploaded.'
          : `${made.copied ? 'Link copied' : 'Copy the link below (the clipboard was not available)'} — ${kb(made.url.length)}${
              long
                ? ': over 32 KB, some chat tools and browsers cut links this long; send mesh.yaml instead'
                : ''
            }${stale ? '. The text changed since: copy again for the new one' : '.'}`}
      </p>
    </div>
  );
}
