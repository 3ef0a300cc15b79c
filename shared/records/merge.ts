/**
 * Entry-by-entry merging of list-like fields when two offices changed the same record (a conflict).
 *
 * Why: a bundle "merges by record identity and version without losing either office's edits" (domain
 * guide §8, /work/shared/domain/README.md). A status history, a complaint's attachments, the minutes'
 * remarks and addenda, an application's done steps and a wheelchair order's return events only ever grow: each entry is a fact recorded in
 * one office (a status change with its date and officer, a remark the recipient handed in within three
 * working days that the decision must consider, S004:46-47). Taking such a list whole from one side
 * would silently drop the other office's facts, so these fields are merged entry by entry: every entry
 * of either copy is kept once, identified by its id (or, for entries without one, by the fact itself:
 * when, who and what), and ordered by when it was recorded.
 *
 * An entry present in both copies with the same identity but different content is a clash: the local
 * entry is kept and the clash reported, so the officer can still take the whole list from one side.
 */

type Entry = Readonly<Record<string, unknown>>;

/** How the entries of one list-like field are identified and ordered. */
interface ListFieldSpec {
  /** `list`: an array of entries; `ids`: an array of record ids; `dated`: an object `key -> date`. */
  kind: 'list' | 'ids' | 'dated';
  /** For `list`: the entry fields that together identify it. */
  key?: readonly string[];
  /** For `list`: the entry field that orders entries (an ISO timestamp or date). */
  order?: string;
}

/**
 * The list-like fields of the carried tables (schemas: shared/bundle/specs/complaints.ts,
 * shared/hearings/schemas.ts). Status histories carry no id: a change is identified by its time,
 * officer and target status (complaints) or action (applications).
 */
const LIST_FIELDS: Readonly<Record<string, Readonly<Record<string, ListFieldSpec>>>> = {
  complaints: {
    history: { kind: 'list', key: ['at', 'by', 'from', 'to'], order: 'at' },
    attachmentIds: { kind: 'ids' },
  },
  applications: {
    history: { kind: 'list', key: ['at', 'by', 'action', 'date'], order: 'at' },
    stepsDone: { kind: 'dated' },
  },
  hearingMinutes: {
    remarks: { kind: 'list', key: ['id'], order: 'at' },
    addenda: { kind: 'list', key: ['id'], order: 'at' },
  },
  wheelchairOrders: {
    events: { kind: 'list', key: ['recordedAt', 'recordedBy', 'kind', 'date'], order: 'recordedAt' },
  },
};

export interface ListMerge {
  /** Every entry of both copies, once. */
  value: unknown;
  /** Entries only the local copy has, only the incoming copy has, and both have. */
  onlyLocal: number;
  onlyIncoming: number;
  shared: number;
  /** Identities of entries both copies have with different content (the local entry is kept). */
  clashes: string[];
}

/** Key-order independent text of a value, for comparing entries. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Entry)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const isEntry = (v: unknown): v is Entry => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Merges two arrays entry by entry. `keyOf` identifies an entry; `orderOf` (optional) sorts the result,
 * ties keeping local entries first; without it local order is kept and incoming-only entries follow.
 */
export function mergeEntries<T>(
  local: readonly T[],
  incoming: readonly T[],
  keyOf: (entry: T) => string,
  orderOf?: (entry: T) => string,
): Omit<ListMerge, 'value'> & { value: T[] } {
  const seen = new Map<string, T>();
  const merged: T[] = [];
  let shared = 0;
  const clashes: string[] = [];
  for (const entry of local) {
    const key = keyOf(entry);
    if (seen.has(key)) continue;
    seen.set(key, entry);
    merged.push(entry);
  }
  const localCount = merged.length;
  for (const entry of incoming) {
    const key = keyOf(entry);
    const mine = seen.get(key);
    if (mine === undefined) {
      seen.set(key, entry);
      merged.push(entry);
    } else if (merged.indexOf(mine) < localCount) {
      shared += 1;
      if (canonical(mine) !== canonical(entry)) clashes.push(key);
    }
  }
  const value = orderOf
    ? merged
        .map((entry, index) => ({ entry, index, at: orderOf(entry) }))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index))
        .map((x) => x.entry)
    : merged;
  return { value, onlyLocal: localCount - shared, onlyIncoming: merged.length - localCount, shared, clashes };
}

/** Merges two `key -> date` objects (an application's done steps): every key of both, local wins a clash. */
export function mergeDated(local: Entry, incoming: Entry): ListMerge {
  const value: Record<string, unknown> = { ...incoming, ...local };
  const localKeys = Object.keys(local);
  const incomingKeys = Object.keys(incoming);
  const both = localKeys.filter((k) => Object.prototype.hasOwnProperty.call(incoming, k));
  return {
    value,
    onlyLocal: localKeys.length - both.length,
    onlyIncoming: incomingKeys.length - both.length,
    shared: both.length,
    clashes: both.filter((k) => canonical(local[k]) !== canonical(incoming[k])),
  };
}

/** Whether a field of a table is merged entry by entry. */
export function isListField(table: string, field: string): boolean {
  return LIST_FIELDS[table]?.[field] !== undefined;
}

/**
 * Both copies of a list-like field merged entry by entry, or `undefined` when the field is not
 * list-like or a copy does not hold the expected shape (the officer then picks a side).
 */
export function mergeListField(table: string, field: string, local: unknown, incoming: unknown): ListMerge | undefined {
  const spec = LIST_FIELDS[table]?.[field];
  if (!spec) return undefined;
  if (spec.kind === 'dated') return isEntry(local) && isEntry(incoming) ? mergeDated(local, incoming) : undefined;
  if (!Array.isArray(local) || !Array.isArray(incoming)) return undefined;
  if (spec.kind === 'ids') {
    const ids = (list: readonly unknown[]) => list.filter((v): v is string => typeof v === 'string');
    return mergeEntries(ids(local), ids(incoming), (id) => id);
  }
  const entries = (list: readonly unknown[]) => list.filter(isEntry);
  if (entries(local).length !== local.length || entries(incoming).length !== incoming.length) return undefined;
  const keyFields = spec.key ?? [];
  const order = spec.order;
  return mergeEntries(
    entries(local),
    entries(incoming),
    (e) => canonical(keyFields.map((k) => e[k] ?? null)),
    order === undefined
      ? undefined
      : (e) => {
          const at = e[order];
          return typeof at === 'string' ? at : '';
        },
  );
}
