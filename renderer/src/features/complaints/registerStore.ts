/**
 * One register index (registerIndex.ts) per open database, built in the background and kept current
 * from Dexie's change notifications, and the cache of rows read for the pages on screen.
 */
import Dexie, { cmp, RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { Complaint } from '@shared/complaints';
import type { QamqorDb } from '../../db/database';
import { RegisterIndex } from './registerIndex';

/** Records read per step of the build: small enough that decoding a step stays well under a frame budget of 50 ms. */
const BUILD_CHUNK = 500;
/** More changed keys than this in one notification: read everything again rather than one by one. */
const MAX_INCREMENTAL = 2_000;

interface Holder {
  index: RegisterIndex | null;
  /** Complaints read for the pages on screen, by id, the most recent last. */
  rows: Map<string, Complaint>;
  /** The build (or rebuild) under way. */
  building: Promise<RegisterIndex> | null;
  /** Ids written while the build was reading; 'all' = read everything again. */
  pending: Set<string> | 'all';
  /** Changes waiting to be read into a built index. */
  refresh: Promise<void> | null;
  /** The stamp of the complaints table (`registerStamp`) the index is known to reflect. */
  stamp: string | null;
  /** A change notification arrived since `stamp` was taken. */
  notified: boolean;
}

const holders = new WeakMap<QamqorDb, Holder>();
const watched = new Set<WeakRef<QamqorDb>>();
let listening = false;

function changedIds(parts: ObservabilitySet, db: QamqorDb): Set<string> | 'all' | null {
  const prefix = `idb://${db.name}/complaints/`;
  let out: Set<string> | 'all' | null = null;
  for (const suffix of ['', ':dels']) {
    const tree = parts[`${prefix}${suffix}`];
    if (!tree || tree.d === 0) continue;
    out ??= new Set<string>();
    for (const node of RangeSet(tree)) {
      const from: IndexableType = node.from;
      if (typeof from !== 'string' || cmp(from, node.to) !== 0) return 'all';
      out.add(from);
      if (out.size > MAX_INCREMENTAL) return 'all';
    }
  }
  return out;
}

function onMutation(parts: ObservabilitySet): void {
  for (const ref of watched) {
    const db = ref.deref();
    if (!db) {
      watched.delete(ref);
      continue;
    }
    const holder = holders.get(db);
    if (!holder) continue;
    const changed = changedIds(parts, db);
    if (changed === null) continue;
    holder.notified = true;
    if (changed === 'all') holder.rows.clear();
    else for (const id of changed) holder.rows.delete(id);
    if (holder.building) {
      if (changed === 'all') holder.pending = 'all';
      else if (holder.pending !== 'all') for (const id of changed) holder.pending.add(id);
    } else if (changed === 'all') {
      holder.index = null;
    } else if (holder.index) {
      const index = holder.index;
      const previous = holder.refresh ?? Promise.resolve();
      holder.refresh = previous.then(() => applyChanges(db, index, changed));
    }
  }
}

async function applyChanges(db: QamqorDb, index: RegisterIndex, ids: Iterable<string>): Promise<void> {
  const list = [...ids];
  const rows = await db.complaints.bulkGet(list);
  rows.forEach((c, i) => {
    if (c) index.upsert(c);
    else index.remove(list[i] ?? '');
  });
}

async function build(db: QamqorDb, holder: Holder): Promise<RegisterIndex> {
  const index = new RegisterIndex();
  holder.pending = new Set();
  // Taken before reading: a write after it is either notified (and read in) or changes the stamp.
  holder.stamp = await registerStamp(db);
  holder.notified = false;
  let last: string | null = null;
  for (;;) {
    const chunk: Complaint[] = await (last === null ? db.complaints.orderBy(':id') : db.complaints.where(':id').above(last))
      .limit(BUILD_CHUNK)
      .toArray();
    for (const c of chunk) index.upsert(c);
    const tail = chunk[chunk.length - 1];
    if (!tail || chunk.length < BUILD_CHUNK) break;
    last = tail.id;
  }
  // The register's default order, ready for the first filter (grouping by date: a few milliseconds).
  index.prepare('registrationDate');
  return index;
}

function holderOf(db: QamqorDb): Holder {
  if (!listening) {
    Dexie.on('storagemutated', onMutation);
    listening = true;
  }
  let holder = holders.get(db);
  if (!holder) {
    holder = { index: null, rows: new Map(), building: null, pending: new Set(), refresh: null, stamp: null, notified: false };
    holders.set(db, holder);
    watched.add(new WeakRef(db));
  }
  return holder;
}

/** Complaints kept for the pages on screen: enough for a few screens of every recent step. */
const ROW_CACHE = 3_000;

/**
 * The complaints of `ids`, in that order (missing ones left out). Rows read before and not changed
 * since come from memory: going back to a result seen a moment ago reads nothing.
 */
export async function readRows(db: QamqorDb, ids: readonly string[]): Promise<Complaint[]> {
  const cache = holderOf(db).rows;
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const read = await db.complaints.bulkGet(missing);
    read.forEach((c) => {
      if (c) cache.set(c.id, c);
    });
  }
  const out: Complaint[] = [];
  for (const id of ids) {
    const c = cache.get(id);
    if (!c) continue;
    // Most recent last, so the oldest are dropped first.
    cache.delete(id);
    cache.set(id, c);
    out.push(c);
  }
  for (const id of cache.keys()) {
    if (cache.size <= ROW_CACHE) break;
    cache.delete(id);
  }
  return out;
}

/**
 * The register index of the database, once built. The first call starts the build; later calls wait
 * for it, or for the changes being read in.
 */
export async function registerIndex(db: QamqorDb): Promise<RegisterIndex> {
  await verifyRegisterIndex(db);
  const h = holderOf(db);
  for (;;) {
    if (h.index && !h.building) {
      if (h.refresh) {
        const r = h.refresh;
        await r;
        if (h.refresh === r) h.refresh = null;
        continue;
      }
      return h.index;
    }
    if (!h.building) {
      h.building = build(db, h).then(
        async (index) => {
          // What was written while the build read: read again, one by one or all of it.
          while (h.pending !== 'all' && h.pending.size > 0) {
            const ids = h.pending;
            h.pending = new Set();
            await applyChanges(db, index, ids);
          }
          h.building = null;
          if (h.pending === 'all') {
            h.pending = new Set();
            h.index = null;
          } else h.index = index;
          return index;
        },
        (e: unknown) => {
          h.building = null;
          throw e;
        },
      );
    }
    await h.building;
  }
}

/** The index if it is built and current, without waiting. */
export function readyRegisterIndex(db: QamqorDb): RegisterIndex | null {
  const h = holders.get(db);
  return h?.index && !h.building && !h.refresh ? h.index : null;
}

/**
 * A stamp that changes whenever a complaint is written with a newer `updatedAt` (every write of the
 * register): read inside a live query, it re-runs the query after such a write.
 */
export async function registerStamp(db: QamqorDb): Promise<string> {
  const newest = await db.complaints.orderBy('updatedAt').last();
  return newest ? `${newest.id}@${newest.updatedAt}` : '';
}

/**
 * Drops a built index that missed writes: the complaints table changed (a newer stamp) with no change
 * notification to explain it, as when IndexedDB is written without Dexie. One index read per call.
 */
export async function verifyRegisterIndex(db: QamqorDb): Promise<void> {
  const h = holderOf(db);
  if (!h.index || h.building) return;
  const stamp = await registerStamp(db);
  if (stamp === h.stamp) return;
  if (h.notified) {
    h.stamp = stamp;
    h.notified = false;
    return;
  }
  h.index = null;
  h.rows.clear();
}
