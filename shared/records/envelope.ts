/**
 * The record envelope every stored record carries. Bundles move records between offices that edit
 * offline, so identity and version must survive the trip:
 * - `id` is a random UUID made once and never changed, so the same record is recognised in any office;
 * - `version` is a version vector (office id → number of changes made in that office). Comparing two
 *   vectors tells whether one copy already contains every change of the other (then it is simply newer)
 *   or whether both offices changed the record since they last shared it (a conflict for a person to
 *   decide). A single revision counter cannot tell those two cases apart.
 * See docs/data-model.md.
 */
export type VersionVector = Readonly<Record<string, number>>;

export interface RecordEnvelope {
  id: string;
  /** ISO timestamps (UTC). */
  createdAt: string;
  updatedAt: string;
  /** Officer who created / last changed the record (display name until accounts arrive). */
  createdBy: string;
  updatedBy: string;
  /** Id of the office in which the record was created. */
  originOffice: string;
  /** Id of the office that made the last change. */
  updatedInOffice: string;
  version: VersionVector;
  /**
   * Set when a head voids a record made by mistake (issue 16 pt 2). A voided record stays in its register
   * and keeps its number (the register numbers are gapless: seed 000 L67, registration of every complaint),
   * but no term runs for it and no figure counts it. Never removed once set.
   */
  voided?: Voiding;
}

/** Who voided a record, when and why (жою / аннулирование). */
export interface Voiding {
  /** ISO timestamp (UTC). */
  at: string;
  /** Officer's display name, as in `updatedBy`. */
  by: string;
  reason: string;
}

/** A voided record is kept for the trail but takes no part in terms, counts or reports. */
export function isVoided(record: Pick<RecordEnvelope, 'voided'>): boolean {
  return record.voided !== undefined;
}

export type VersionOrder = 'equal' | 'newer' | 'older' | 'concurrent';

/** How `a` relates to `b`: newer when a has seen every change of b and more. */
export function compareVersions(a: VersionVector, b: VersionVector): VersionOrder {
  let aAhead = false;
  let bAhead = false;
  for (const office of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const av = a[office] ?? 0;
    const bv = b[office] ?? 0;
    if (av > bv) aAhead = true;
    if (bv > av) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'newer';
  if (bAhead) return 'older';
  return 'equal';
}

/** The vector after one more change made in `officeId`. */
export function bumpVersion(version: VersionVector, officeId: string): VersionVector {
  return { ...version, [officeId]: (version[officeId] ?? 0) + 1 };
}

/** The vector of a record that combines two copies (used when an officer resolves a conflict). */
export function mergeVersions(a: VersionVector, b: VersionVector): VersionVector {
  const out: Record<string, number> = { ...a };
  for (const [office, n] of Object.entries(b)) out[office] = Math.max(out[office] ?? 0, n);
  return out;
}

export interface Actor {
  officerName: string;
  officeId: string;
}

export type NewRecord<T extends RecordEnvelope> = Omit<T, keyof RecordEnvelope>;

/** Wraps fresh data in an envelope; `id` comes from the caller so shared/ needs no crypto API. */
export function createEnvelope(id: string, actor: Actor, now: string): RecordEnvelope {
  return {
    id,
    createdAt: now,
    updatedAt: now,
    createdBy: actor.officerName,
    updatedBy: actor.officerName,
    originOffice: actor.officeId,
    updatedInOffice: actor.officeId,
    version: { [actor.officeId]: 1 },
  };
}

/** The envelope after a local change. */
export function touchEnvelope<T extends RecordEnvelope>(record: T, actor: Actor, now: string): T {
  return {
    ...record,
    updatedAt: now,
    updatedBy: actor.officerName,
    updatedInOffice: actor.officeId,
    version: bumpVersion(record.version, actor.officeId),
  };
}
