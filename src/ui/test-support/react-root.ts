import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * For component tests under happy-dom: a fresh React root in a `tag` element per test, unmounted and removed
 * after it. Read `root()` and `host()` inside tests (they change per test).
 */
export function reactRootPerTest(tag = 'div'): { root(): Root; host(): HTMLElement } {
  let root: Root | undefined;
  let host: HTMLElement | undefined;
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    host = document.createElement(tag);
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
  });
  return {
    root: () => {
      if (!root) throw new Error('reactRootPerTest: read root() inside a test');
      return root;
    },
    host: () => {
      if (!host) throw new Error('reactRootPerTest: read host() inside a test');
      return host;
    },
  };
}
