import { useEffect, type RefObject } from 'react';

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The element that should get focus next when Tab (or Shift+Tab) is pressed inside `dialog`, or null to leave it be. */
export function wrapTarget(dialog: HTMLElement, active: Element | null, back: boolean): HTMLElement | null {
  const items = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !el.closest('[hidden]'));
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return dialog;
  if (!active || !dialog.contains(active)) return back ? last : first;
  if (back && active === first) return last;
  if (!back && active === last) return first;
  return null;
}

/**
 * A modal dialog holds keyboard focus (issue 16 point 5): Tab and Shift+Tab cycle inside it, and when
 * it closes focus returns to the control that opened it.
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (e: KeyboardEvent) => {
      const dialog = ref.current;
      if (e.key !== 'Tab' || !dialog) return;
      const target = wrapTarget(dialog, document.activeElement, e.shiftKey);
      if (target) {
        e.preventDefault();
        target.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
}
