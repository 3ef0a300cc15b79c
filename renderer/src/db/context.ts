import type { Role } from '@shared/officers';
import type { Actor } from '@shared/records/envelope';

/** What every write needs besides its data: who (and with which roles), where, when, and fresh ids. Injected so tests control it. */
export interface WriteContext {
  actor: Actor;
  roles: readonly Role[];
  now(): string;
  newId(): string;
}

export function systemContext(actor: Actor, roles: readonly Role[]): WriteContext {
  return {
    actor,
    roles,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
  };
}
