// A panel that appears after an action (a write waiting, a write without an answer) is scrolled into view once, when it
// appears: at 1024×768 it would otherwise sit below the fold under the form, and the technician would see nothing.
import { useCallback } from 'react';

/** A ref for the panel's root: scrolls it into view (the least needed) when it mounts, never again while it stays. */
export function useScrolledIntoView(): (el: HTMLElement | null) => void {
  return useCallback((el: HTMLElement | null) => {
    // jsdom (the renderer tests) has no layout and no scrollIntoView.
    if (el !== null && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, []);
}
