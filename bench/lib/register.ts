/**
 * Measuring the complaint register in the real app page: opening it until the first rows are in the
 * DOM, and each filter, sort and search step from the input event to the moment the total and the
 * first row show the expected result (a MutationObserver in the page, so the driver's round trips do
 * not count). Expectations come from the harness, computed from the generated data.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RegisterScenario, SortScenario, StepAction } from '../harness/api';

const catalog = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../renderer/src/features/complaints/i18n/kk.json'), 'utf8'),
) as Record<string, unknown>;
function label(key: string): string {
  const v = catalog[key];
  if (typeof v !== 'string') throw new Error(`complaints.${key} missing in the Kazakh catalog`);
  return v;
}

/** `Барлығы: 123`, as the register writes its total. */
export function totalText(count: number): string {
  return label('total').replace('{{count}}', String(count));
}

const SORT_LABELS: Record<string, string> = { number: 'number', registrationDate: 'registrationDate', nextDue: 'daysLeftColumn' };

declare global {
  interface Window {
    __benchFirstRow?: number | null;
  }
}

/**
 * Records, in every page of the context, when the first register row with data appears
 * (performance.now() counts from the navigation start of the page).
 */
export async function watchFirstRows(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__benchFirstRow = null;
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid=register-table] tbody tr[aria-rowindex] td a')) {
        window.__benchFirstRow = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export interface OpenTiming {
  /** Navigation start → first register row with data in the DOM. */
  firstRowMs: number;
  /** Navigation start → DOMContentLoaded (the app's script parsed). */
  domContentLoadedMs: number;
}

/** A fresh page load of the register (from about:blank, so nothing of the previous document survives). */
export async function openRegister(page: Page, hash = '#/complaints'): Promise<OpenTiming> {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await page.waitForFunction(() => typeof window.__benchFirstRow === 'number', null, { timeout: 300_000, polling: 50 });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { firstRowMs: window.__benchFirstRow ?? NaN, domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN };
  });
  // Let the page finish what opening started (the count of a large register) before anything else:
  // the next page load would otherwise queue behind it in the database.
  await page.waitForFunction(() => !(document.querySelector('[data-testid=register-total]')?.textContent ?? '').endsWith('+'), null, {
    timeout: 300_000,
  });
  await page.waitForTimeout(500);
  return timing;
}

export interface HeapUsage {
  usedMB: number;
  totalMB: number;
}

/** JavaScript heap of the page (V8, via the DevTools protocol), after a full garbage collection when `gc`. */
export async function heapUsage(cdp: CDPSession, gc: boolean): Promise<HeapUsage> {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return { usedMB: h.usedSize / 1048576, totalMB: h.totalSize / 1048576 };
}

/** What must be on screen when a step is done. */
type Expect =
  | { kind: 'rows'; totalText: string; first: string }
  | { kind: 'sort'; headerLabel: string; asc: { totalText: string; first: string }; desc: { totalText: string; first: string } };

interface StepArg {
  action: StepAction | { kind: 'click-header'; headerLabel: string } | { kind: 'click-button'; text: string };
  expect: Expect;
  timeoutMs: number;
}

/**
 * Runs in the page: performs the action and resolves with the time from just before the input
 * event to the DOM mutation that completed the expected state.
 */
async function stepInPage(arg: StepArg): Promise<number> {
  const header = (text: string): HTMLTableCellElement | undefined =>
    [...document.querySelectorAll<HTMLTableCellElement>('[data-testid=register-table] thead th')].find((th) =>
      (th.querySelector('button.sort')?.textContent ?? '').startsWith(text),
    );
  let before: string | null = null;
  const done = (): boolean => {
    const total = document.querySelector('[data-testid=register-total]')?.textContent ?? '';
    const first = document.querySelector('[data-testid=register-table] tbody tr[aria-rowindex="1"] td')?.textContent ?? '';
    let want: { totalText: string; first: string };
    if (arg.expect.kind === 'rows') want = arg.expect;
    else {
      const dir = header(arg.expect.headerLabel)?.getAttribute('aria-sort');
      if ((dir !== 'ascending' && dir !== 'descending') || dir === before) return false;
      want = dir === 'ascending' ? arg.expect.asc : arg.expect.desc;
    }
    return total === want.totalText && (want.first === '' || first === want.first);
  };
  const setValue = (el: HTMLInputElement | HTMLSelectElement, value: string) => {
    // React tracks the value it rendered: set it through the prototype's setter so the change is seen.
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  };
  const act = (): void => {
    const a = arg.action;
    if (a.kind === 'select') {
      const el = document.querySelector<HTMLSelectElement>(`select[name="${a.name}"]`);
      if (!el) throw new Error(`select[name=${a.name}] missing`);
      setValue(el, a.value);
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (a.kind === 'fill') {
      for (const f of a.fields) {
        const el = document.querySelector<HTMLInputElement>(`input[name="${f.name}"]`);
        if (!el) throw new Error(`input[name=${f.name}] missing`);
        setValue(el, f.value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    } else if (a.kind === 'click-header') {
      const button = header(a.headerLabel)?.querySelector<HTMLButtonElement>('button.sort');
      if (!button) throw new Error(`header ${a.headerLabel} missing`);
      button.click();
    } else {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === a.text);
      if (!button) throw new Error(`button ${a.text} missing`);
      button.click();
    }
  };
  return new Promise<number>((resolvePromise, reject) => {
    let settled = false;
    let t0 = 0;
    const finish = (at: number) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      resolvePromise(at - t0);
    };
    const observer = new MutationObserver(() => {
      if (done()) finish(performance.now());
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      const total = document.querySelector('[data-testid=register-total]')?.textContent;
      const first = document.querySelector('[data-testid=register-table] tbody tr[aria-rowindex="1"] td')?.textContent;
      reject(new Error(`step timed out; on screen: ${total} / first row ${first}; wanted ${JSON.stringify(arg.expect)}`));
    }, arg.timeoutMs);
    // React applies the update after the event (in a microtask), so the DOM still shows the old state
    // here; the observer sees the new one. A sort must also have turned its header.
    before = arg.expect.kind === 'sort' ? (header(arg.expect.headerLabel)?.getAttribute('aria-sort') ?? null) : null;
    t0 = performance.now();
    act();
  });
}

async function step(page: Page, arg: StepArg): Promise<number> {
  return page.evaluate(stepInPage, arg);
}

function rowsExpect(total: number, first: string): Expect {
  return { kind: 'rows', totalText: totalText(total), first: total === 0 ? '' : first };
}

/** Clears every filter (the register's own button) and returns the time until the full register is back. */
export async function clearFilters(page: Page, base: { total: number; first: string }, timeoutMs: number): Promise<number | null> {
  const already = await page.evaluate(
    ({ total }) =>
      document.querySelector('[data-testid=register-total]')?.textContent === total &&
      !document.querySelector<HTMLInputElement>('input[name=search]')?.value,
    { total: totalText(base.total) },
  );
  const ms = await step(page, {
    action: { kind: 'click-button', text: label('clear') },
    expect: rowsExpect(base.total, base.first),
    timeoutMs,
  });
  return already ? null : ms;
}

export async function filterStep(page: Page, s: RegisterScenario, timeoutMs: number): Promise<number> {
  return step(page, { action: s.action, expect: rowsExpect(s.expectedTotal, s.expectedFirst), timeoutMs });
}

export async function sortStep(page: Page, s: SortScenario, timeoutMs: number): Promise<number> {
  const headerLabel = label(SORT_LABELS[s.column] ?? s.column);
  return step(page, {
    action: { kind: 'click-header', headerLabel },
    expect: {
      kind: 'sort',
      headerLabel,
      asc: { totalText: totalText(s.asc.total), first: s.asc.first },
      desc: { totalText: totalText(s.desc.total), first: s.desc.first },
    },
    timeoutMs,
  });
}
