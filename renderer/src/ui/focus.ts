/**
 * Where keyboard focus goes after the app changes the screen (issue 16 point 5): a screen-reader
 * user hears the new page's heading after a route change, and the first field to correct after a
 * refused submit, instead of starting again at the top of the document.
 */

/** How long a lazily loaded page may take to show its heading before we give up moving focus. */
const HEADING_WAIT_MS = 3_000;

function focusable(el: HTMLElement): HTMLElement {
  if (!el.hasAttribute('tabindex') && !el.matches('a[href], button, input, select, textarea')) el.setAttribute('tabindex', '-1');
  return el;
}

/** Focuses the first `h1` in `scope` (made focusable by script only); false when there is none. */
export function focusHeading(scope: ParentNode): boolean {
  const heading = scope.querySelector<HTMLElement>('h1');
  if (!heading) return false;
  focusable(heading).focus({ preventScroll: false });
  return true;
}

/**
 * Focuses the page heading in `scope` as soon as it is rendered (a lazily loaded page shows it a
 * moment later). Gives up when the officer has meanwhile focused something inside `scope` or after a
 * few seconds. Returns a function that stops waiting.
 */
export function focusHeadingWhenShown(scope: HTMLElement): () => void {
  if (focusHeading(scope)) return () => undefined;
  const observer = new MutationObserver(() => {
    if (scope.contains(document.activeElement) && document.activeElement !== scope) return stop();
    if (focusHeading(scope)) stop();
  });
  const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(scope, { childList: true, subtree: true });
  return stop;
}

const INVALID = '[aria-invalid="true"]:not([disabled]), .field--invalid :is(input, select, textarea):not([disabled])';

/** The first control marked invalid in `scope`, else its first alert (a refusal without a field). */
export function firstInvalid(scope: ParentNode): HTMLElement | null {
  return scope.querySelector<HTMLElement>(INVALID) ?? scope.querySelector<HTMLElement>('[role="alert"]');
}

/**
 * After a refused submit: once the form has rendered its messages (next frame), focus the first
 * invalid field of `scope` (a form, or the page when null), or the message when no field is marked.
 * Call it from `useSubmit`'s `onRefused`.
 */
export function focusFirstInvalid(scope: ParentNode | null): void {
  const run = () => {
    const root = scope ?? document.querySelector('main') ?? document;
    const target = firstInvalid(root);
    if (target) focusable(target).focus();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/** Keys that move between tabs of a tab list (WAI-ARIA tabs pattern). */
export function nextTabIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (current + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
