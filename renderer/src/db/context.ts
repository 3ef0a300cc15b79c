import type { Role } from '@shared/officers';
import type { Actor } from '@shared/records/envelope';
import { todayIso } from '../ui/format';

/** What every write needs besides its data: who (and with which roles), where, when, and fresh ids. Injected so tests control it. */
export interface WriteContext {
  actor: Actor;
  roles: readonly Role[];
  now(): string;
  newId(): string;
}

/** The officer's calendar day (local time) of the write: the "today" of date-plausibility rules. */
export function localDateOf(ctx: WriteContext): string {
  return todayIso(new Date(ctx.now()));
}

export function systemContext(actor: Actor, roles: readonly Role[]): WriteContext {
  return {
    actor,
    roles,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
  };
}
