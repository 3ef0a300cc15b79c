/**
 * Main-thread responsiveness of the harness page: every long task the browser reports (Long Tasks API,
 * tasks of 50 ms and more) and the largest gap between ticks of a 10 ms timer, during one measured call.
 */
import type { LongTasks } from './api';

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

export interface Measured<T> {
  value: T;
  ms: number;
  longTasks: LongTasks;
  /** Largest gap between two ticks of a 10 ms timer during the call: how long the window froze at most. */
  maxTimerGapMs: number;
}

export async function measured<T>(run: () => Promise<T>): Promise<Measured<T>> {
  // Let a task that started before us finish and be reported first.
  await new Promise((r) => setTimeout(r, 50));
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  const from = performance.now();
  const value = await run();
  const ms = performance.now() - from;
  maxGap = Math.max(maxGap, performance.now() - last);
  clearInterval(timer);
  // Long-task entries arrive after the task; give the observer a moment.
  await new Promise((r) => setTimeout(r, 100));
  const during = longTasks.filter((t) => t.start + t.duration >= from && t.start <= from + ms);
  return {
    value,
    ms,
    maxTimerGapMs: maxGap,
    longTasks: {
      count: during.length,
      longestMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
      totalMs: during.reduce((s, t) => s + t.duration, 0),
    },
  };
}
