import { isAuditObject, isOmittedBinary, sameAuditValue, type AuditValue } from './canonical';

/**
 * What an update changed, field by field. The trail keeps this diff instead of two full copies of the
 * record: a person saved twenty times would otherwise store forty copies of the same address, and
 * append-only histories (a hearing's `history`, a complaint's workflow) would be copied again on every
 * step. A create keeps one snapshot of the new record; an update keeps only the fields that differ.
 *
 * - Nested objects are followed down to the field that changed: `['legalRepresentative', 'iin']`.
 * - Arrays of the same length are compared item by item; an array that only grew at its end (or only
 *   lost items at its end) records just the added (removed) items by index; any other array change
 *   records the whole array before and after, which reads better than a cascade of shifted indexes.
 * - A side that is absent (a field added or removed) is left out of the change, never set to null, so
 *   "was empty" (null) and "did not exist" stay distinct.
 */
export type PathSegment = string | number;

export interface FieldChange {
  path: PathSegment[];
  before?: AuditValue;
  after?: AuditValue;
}

function diffInto(a: AuditValue, b: AuditValue, path: PathSegment[], out: FieldChange[]): void {
  if (sameAuditValue(a, b)) return;
  if (isAuditObject(a) && isAuditObject(b) && !isOmittedBinary(a) && !isOmittedBinary(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const av = a[k];
      const bv = b[k];
      if (av === undefined && bv === undefined) continue;
      if (av === undefined) out.push({ path: [...path, k], after: bv });
      else if (bv === undefined) out.push({ path: [...path, k], before: av });
      else diffInto(av, bv, [...path, k], out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    const prefixSame = a.slice(0, common).every((x, i) => sameAuditValue(x, b[i]));
    if (a.length === b.length) {
      a.forEach((x, i) => diffInto(x, b[i] as AuditValue, [...path, i], out));
      return;
    }
    if (prefixSame) {
      for (let i = common; i < b.length; i++) out.push({ path: [...path, i], after: b[i] });
      for (let i = common; i < a.length; i++) out.push({ path: [...path, i], before: a[i] });
      return;
    }
  }
  out.push({ path, before: a, after: b });
}

/** The field-level changes that turn `before` into `after` (empty when they are equal). */
export function diffValues(before: AuditValue, after: AuditValue): FieldChange[] {
  const out: FieldChange[] = [];
  diffInto(before, after, [], out);
  return out;
}

function clone(v: AuditValue): AuditValue {
  return JSON.parse(JSON.stringify(v)) as AuditValue;
}

/**
 * `before` with `changes` applied: rebuilds the state after an update from the state before it (used
 * to check the diff in tests and to show a record as it was at an entry).
 */
export function applyChanges(before: AuditValue, changes: readonly FieldChange[]): AuditValue {
  let root = clone(before);
  // In reverse, so that removals at the end of an array take the highest index first.
  for (const change of [...changes].reverse()) {
    if (change.path.length === 0) {
      root = change.after === undefined ? null : clone(change.after);
      continue;
    }
    let parent: AuditValue = root;
    for (const seg of change.path.slice(0, -1)) {
      const next: AuditValue | undefined = Array.isArray(parent)
        ? parent[Number(seg)]
        : isAuditObject(parent)
          ? parent[String(seg)]
          : undefined;
      if (next === undefined || next === null || typeof next !== 'object') throw new Error(`no container at ${change.path.join('.')}`);
      parent = next;
    }
    const last = change.path[change.path.length - 1] as PathSegment;
    if (Array.isArray(parent)) {
      const i = Number(last);
      if (change.after === undefined) parent.splice(i, 1);
      else parent[i] = clone(change.after);
    } else if (isAuditObject(parent)) {
      if (change.after === undefined) delete parent[String(last)];
      else parent[String(last)] = clone(change.after);
    } else throw new Error(`no container at ${change.path.join('.')}`);
  }
  return root;
}

/** A snapshot (created or removed record) as one change per top-level field, for display. */
export function snapshotChanges(value: AuditValue, side: 'before' | 'after'): FieldChange[] {
  if (isAuditObject(value) && !isOmittedBinary(value)) {
    return Object.keys(value)
      .sort()
      .map((k) => ({ path: [k], [side]: value[k] as AuditValue }));
  }
  return [{ path: [], [side]: value }];
}

/**
 * Envelope bookkeeping (who and when are already in the entry; ids and version vectors are for
 * bundles) and derived search keys: recorded, but hidden by default in the history view.
 */
export const TECHNICAL_FIELDS: readonly string[] = [
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'originOffice',
  'updatedInOffice',
  'version',
  'searchWords',
];

export function isTechnicalChange(change: FieldChange): boolean {
  const head = change.path[0];
  return typeof head === 'string' && TECHNICAL_FIELDS.includes(head);
}
