import type { Actor } from '../../../shared/records/envelope';

/** What every write needs besides its data: who, where, when, and fresh ids. Injected so tests control it. */
export interface WriteContext {
  actor: Actor;
  now(): string;
  newId(): string;
}

export function systemContext(actor: Actor): WriteContext {
  return {
    actor,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
  };
}
