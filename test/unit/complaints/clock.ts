import type { WriteContext } from '../../../renderer/src/db/context';
import { testContext as baseContext } from '../db/testContext';

/** A test context whose clock starts at `start` (ISO instant) and moves on a second per call. */
export function clockAt(start: string, ...args: Parameters<typeof baseContext>): WriteContext {
  let t = Date.parse(start);
  return { ...baseContext(...args), now: () => new Date((t += 1000)).toISOString() };
}

/**
 * The shared test context with its clock on 4 Dec 2026, so the complaints of February 2026 these tests
 * register are in the past (a future date is refused, issue 16 point 2).
 */
export function testContext(...args: Parameters<typeof baseContext>): WriteContext {
  return clockAt('2026-12-04T09:00:00.000Z', ...args);
}
