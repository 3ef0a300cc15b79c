/**
 * The period report over a large register (issue 17 point 7: ≤ 1 s to figures on screen at 100,000
 * complaints, no long task over 50 ms on the page). The harness writes the complaints (seedRegister)
 * spread over the 365 days up to today; the bench opens the reports page, chooses that 365-day range
 * and times, inside the page, from the click on "show" to the moment the received-complaints figure
 * shows the expected count. The raw baseline, measured in the same run on the same page: one IndexedDB
 * getAll of the same complaints through the receiptDate index (what any report must at least read);
 * its count is also the expected figure, so the expectation does not come from the report code.
 */
import type { Page } from '@playwright/test';
import { setUpOffice } from '../../test/e2e/helpers';
import type { RegisterSeed } from '../harness/api';
import { harnessCall, newBenchContext, openHarness, serveHarness } from './harness';
import { fmtMs, summarize, type Summary } from './stats';

export interface ReportsOptions {
  complaints: number;
  persons: number;
  /** Fresh page loads, each timing one report. */
  runs: number;
  stepTimeoutMs: number;
}

export interface ReportRun {
  /** Click on "show" → received figure with the expected count in the DOM. */
  ms: number;
  /** Longest main-thread task from the click until 1 s after the figures showed (0: none reached 50 ms). */
  longestTaskMs: number;
  longTasks: number;
}

export interface ReportsResult {
  complaints: number;
  period: { from: string; to: string };
  /** Complaints received in the period (the baseline's count), the figure the page must show. */
  received: number;
  seed: Pick<RegisterSeed, 'generateMs' | 'writeMs' | 'today'>;
  runs: ReportRun[];
  ms: Summary;
  baselineMs: Summary;
  /** Baseline median / app median. */
  ratio: number;
  longestTaskMs: number;
}

/** Days added to an ISO date (UTC arithmetic: the date has no time of day). */
function shiftIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The raw read: every complaint received in the period through the receiptDate index, in one getAll. */
async function baselineRead(page: Page, from: string, to: string): Promise<{ ms: number; count: number }> {
  return page.evaluate(
    async ({ from, to }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('qamqor');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
      });
      const started = performance.now();
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction('complaints').objectStore('complaints').index('receiptDate').getAll(IDBKeyRange.bound(from, to));
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
      });
      const ms = performance.now() - started;
      db.close();
      return { ms, count: rows.length };
    },
    { from, to },
  );
}

declare global {
  interface Window {
    __benchReport?: { clickAt: number | null; shownAt: number | null; tasks: { start: number; duration: number }[] };
  }
}

/** One fresh load of the reports page and one report of the range, timed in the page. */
async function timeReport(page: Page, from: string, to: string, expected: number, timeoutMs: number): Promise<ReportRun> {
  await page.goto('about:blank');
  await page.goto('/#/reports');
  // The page first shows the running month: let that finish before the counted report.
  await page.getByTestId('report-period').waitFor({ timeout: timeoutMs });
  await page.locator('input[name=period-kind][value=range]').check();
  await page.locator('input[name=from]').fill(from);
  await page.locator('input[name=to]').fill(to);
  await page.waitForTimeout(300);
  await page.evaluate((expectedText) => {
    const state: NonNullable<Window['__benchReport']> = { clickAt: null, shownAt: null, tasks: [] };
    window.__benchReport = state;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    document.querySelector('[data-testid=report-show]')?.addEventListener('click', () => (state.clickAt = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      if (state.clickAt === null) return;
      const cell = document.querySelector('[data-testid="figure-complaints.received"]');
      if (cell?.textContent === expectedText) {
        state.shownAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, String(expected));
  await page.getByTestId('report-show').click();
  await page.waitForFunction(() => typeof window.__benchReport?.shownAt === 'number', null, { timeout: timeoutMs, polling: 50 });
  await page.waitForTimeout(1_000);
  return page.evaluate(() => {
    const s = window.__benchReport;
    if (!s || s.clickAt === null || s.shownAt === null) throw new Error('report timing missing');
    const until = s.shownAt + 1_000;
    const during = s.tasks.filter((t) => t.start + t.duration >= (s.clickAt ?? 0) && t.start <= until);
    return {
      ms: s.shownAt - s.clickAt,
      longestTaskMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: during.length,
    };
  });
}

export async function runReportsBench(
  env: { browser: import('@playwright/test').Browser; baseURL: string; harnessDir: string; log: (line: string) => void },
  o: ReportsOptions,
): Promise<ReportsResult> {
  const context = await newBenchContext(env.browser, env.baseURL);
  try {
    await serveHarness(context, env.harnessDir);
    const page = await context.newPage();
    page.on('pageerror', (e) => env.log(`[app] ${e.message}`));
    await setUpOffice(page, 'ARAL01');
    const harness = await openHarness(context);
    env.log(`reports ${o.complaints}: generating and writing ${o.complaints} complaints over 365 days`);
    const seed = await harnessCall(harness, 'seedRegister', {
      seed: 20_261_205,
      persons: o.persons,
      complaints: o.complaints,
      spreadDays: 364,
      chunk: 5_000,
    });
    await harness.close();
    env.log(`  generated in ${fmtMs(seed.generateMs)}, written in ${fmtMs(seed.writeMs)}`);
    const period = { from: shiftIso(seed.today, -364), to: seed.today };

    const runs: ReportRun[] = [];
    const baseline: number[] = [];
    let received = -1;
    for (let i = 0; i < o.runs; i++) {
      const raw = await baselineRead(page, period.from, period.to);
      baseline.push(raw.ms);
      received = raw.count;
      const run = await timeReport(page, period.from, period.to, raw.count, o.stepTimeoutMs);
      runs.push(run);
      env.log(
        `  report ${period.from}…${period.to} (${raw.count} received): ${fmtMs(run.ms)}, longest task ${fmtMs(run.longestTaskMs)}; raw read ${fmtMs(raw.ms)}`,
      );
    }
    const ms = summarize(runs.map((r) => r.ms));
    const baselineMs = summarize(baseline);
    return {
      complaints: seed.complaints,
      period,
      received,
      seed: { generateMs: seed.generateMs, writeMs: seed.writeMs, today: seed.today },
      runs,
      ms,
      baselineMs,
      ratio: baselineMs.median / ms.median,
      longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    };
  } finally {
    await context.close();
  }
}
