/**
 * The register's in-memory index: the few fields every filter, sort and search of the register reads,
 * for every complaint, in compact columns. IndexedDB needs 10-70 µs per entry to hand over a key or a
 * record, so any step that touches a large part of 100,000 complaints costs seconds through it; in
 * memory the same step is a scan of a few milliseconds. The index is read once per window in the
 * background (the first rows come straight from the database meanwhile), kept current from Dexie's
 * change notifications (every write through Dexie, in this window or another), and only the page of
 * rows on screen is read from the database (by id). See docs/performance.md.
 */
import Dexie, { cmp, RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import { COMPLAINT_ADDRESSEES, COMPLAINT_STATUSES, type Complaint, type ComplaintStatus } from '@shared/complaints';
import type { QamqorDb } from '../../db/database';

/** Sortable columns (repository.ts SORTABLE). */
export type IndexSortColumn = 'number' | 'registrationDate' | 'receiptDate' | 'nextDue' | 'status' | 'complainantName' | 'reviewer';

/** The filter as the index evaluates it (repository.ts RegisterFilter without the full-text option). */
export interface IndexFilter {
  statuses: readonly ComplaintStatus[];
  flag: 'overdue' | 'due-soon' | null;
  addressee: string | null;
  reviewer: string;
  from: string;
  to: string;
  search: string;
  caseId: string | null;
}

/** Records read per step of the build: small enough that decoding a step stays well under a frame budget of 50 ms. */
const BUILD_CHUNK = 500;
/** More changed keys than this in one notification: read everything again rather than one by one. */
const MAX_INCREMENTAL = 2_000;
const NO_DUE = '\uffff';
/** Surname, first name, patronymic and one more before the overflow list is needed. */
const WORDS_PER_SLOT = 4;

/**
 * Lower case as the register compares (Kazakh rules). When that equals the plain lower case, the
 * plain one is kept: V8 returns it in its compact one-byte form for Latin text and digits, and
 * comparing a one-byte with a two-byte string goes through a slow path (ten times slower at 100,000
 * number prefixes).
 */
function lower(s: string): string {
  const kk = s.toLocaleLowerCase('kk');
  const plain = s.toLowerCase();
  return kk === plain ? plain : kk;
}

/** Identical strings (dates, names of reviewers) stored once. */
class Interner {
  private readonly map = new Map<string, string>();
  get(s: string): string {
    const known = this.map.get(s);
    if (known !== undefined) return known;
    this.map.set(s, s);
    return s;
  }
}

interface SearchAids {
  /** Live slots sorted by lower-cased number, and by IIN. */
  byNumber: Int32Array;
  byIin: Int32Array;
  /** Slots per dictionary word. */
  postings: Int32Array[];
}

export class RegisterIndex {
  private ids: string[] = [];
  private readonly slot = new Map<string, number>();
  private alive = new Uint8Array(1024);
  private status = new Uint8Array(1024);
  private addressee = new Uint8Array(1024);
  private numberLower: string[] = [];
  private number: string[] = [];
  private iin: string[] = [];
  private registrationDate: string[] = [];
  private receiptDate: string[] = [];
  private nextDue: string[] = [];
  private reviewer: string[] = [];
  private name: string[] = [];
  /**
   * The complainant's name words (`searchWords`) as numbers into a dictionary of every word seen:
   * WORDS_PER_SLOT per complaint, -1 when unused, any further ones in `moreWords`. A search word is
   * matched against the dictionary once, then each complaint costs a few array reads.
   */
  private wordSlots = new Int32Array(1024 * WORDS_PER_SLOT).fill(-1);
  private readonly moreWords = new Map<number, number[]>();
  private readonly dictionary = new Map<string, number>();
  private readonly dictionaryWords: string[] = [];
  private caseId: (string | null)[] = [];
  private live = 0;
  /** True while every slot was added in ascending id order (the build reads in id order). */
  private slotsInIdOrder = true;
  private readonly interner = new Interner();
  /** Slots in ascending order of each sort column (ties by id), computed when first needed. */
  private readonly orderings = new Map<IndexSortColumn, Int32Array>();
  private readonly ranks = new WeakMap<Int32Array, Int32Array>();
  private searchAids: SearchAids | null = null;

  get size(): number {
    return this.live;
  }

  private grow(min: number): void {
    if (min <= this.alive.length) return;
    const length = Math.max(min, this.alive.length * 2);
    for (const k of ['alive', 'status', 'addressee'] as const) {
      const next = new Uint8Array(length);
      next.set(this[k]);
      this[k] = next;
    }
    const words = new Int32Array(length * WORDS_PER_SLOT).fill(-1);
    words.set(this.wordSlots);
    this.wordSlots = words;
  }

  private sameWords(slot: number, words: readonly string[] | undefined): boolean {
    const list = Array.isArray(words) ? words : [];
    const more = this.moreWords.get(slot) ?? [];
    for (let i = 0; i < Math.max(WORDS_PER_SLOT + more.length, list.length); i++) {
      const id = i < WORDS_PER_SLOT ? (this.wordSlots[slot * WORDS_PER_SLOT + i] ?? -1) : (more[i - WORDS_PER_SLOT] ?? -1);
      const word = list[i];
      if (word === undefined ? id !== -1 : this.dictionary.get(word) !== id) return false;
    }
    return true;
  }

  private wordId(word: string): number {
    let id = this.dictionary.get(word);
    if (id === undefined) {
      id = this.dictionaryWords.length;
      this.dictionary.set(word, id);
      this.dictionaryWords.push(word);
    }
    return id;
  }

  private sortKey(column: IndexSortColumn, slot: number): string {
    switch (column) {
      case 'number':
        return this.number[slot] ?? '';
      case 'registrationDate':
        return this.registrationDate[slot] ?? '';
      case 'receiptDate':
        return this.receiptDate[slot] ?? '';
      case 'nextDue':
        return this.nextDue[slot] ?? NO_DUE;
      case 'status':
        return COMPLAINT_STATUSES[this.status[slot] ?? 0] ?? '';
      case 'complainantName':
        return this.name[slot] ?? '';
      case 'reviewer':
        return this.reviewer[slot] ?? '';
    }
  }

  /** Adds or replaces a complaint. */
  upsert(c: Complaint): void {
    let slot = this.slot.get(c.id);
    const fresh = slot === undefined;
    if (slot === undefined) {
      slot = this.ids.length;
      const previous = this.ids[slot - 1];
      if (previous !== undefined && previous > c.id) this.slotsInIdOrder = false;
      this.grow(slot + 1);
      this.ids.push(c.id);
      this.slot.set(c.id, slot);
    }
    const sorted = this.orderings.size > 0 ? [...this.orderings.keys()] : [];
    const keysBefore = fresh ? null : sorted.map((col) => this.sortKey(col, slot));
    if (
      fresh ||
      !this.alive[slot] ||
      this.numberLower[slot] !== lower(c.number) ||
      this.iin[slot] !== c.complainantIin ||
      !this.sameWords(slot, c.searchWords)
    ) {
      this.searchAids = null;
    }
    if (!this.alive[slot]) this.live += 1;
    this.alive[slot] = 1;
    this.status[slot] = Math.max(0, COMPLAINT_STATUSES.indexOf(c.status));
    this.addressee[slot] = Math.max(0, COMPLAINT_ADDRESSEES.indexOf(c.addressee));
    this.number[slot] = c.number;
    this.numberLower[slot] = lower(c.number);
    this.iin[slot] = c.complainantIin;
    this.registrationDate[slot] = this.interner.get(c.registrationDate);
    this.receiptDate[slot] = this.interner.get(c.receiptDate);
    this.nextDue[slot] = c.nextDue === undefined ? NO_DUE : this.interner.get(c.nextDue);
    this.reviewer[slot] = this.interner.get(c.reviewer);
    this.name[slot] = c.complainantName;
    const ids = Array.isArray(c.searchWords) ? c.searchWords.map((w) => this.wordId(w)) : [];
    for (let i = 0; i < WORDS_PER_SLOT; i++) this.wordSlots[slot * WORDS_PER_SLOT + i] = ids[i] ?? -1;
    if (ids.length > WORDS_PER_SLOT) this.moreWords.set(slot, ids.slice(WORDS_PER_SLOT));
    else this.moreWords.delete(slot);
    this.caseId[slot] = c.caseId;
    // An ordering stays valid only if this complaint kept its place in it.
    sorted.forEach((col, i) => {
      if (fresh || keysBefore?.[i] !== this.sortKey(col, slot)) this.orderings.delete(col);
    });
  }

  remove(id: string): void {
    const slot = this.slot.get(id);
    if (slot === undefined || !this.alive[slot]) return;
    this.alive[slot] = 0;
    this.live -= 1;
  }

  /** Works out the order of a column ahead of its first use. */
  prepare(column: IndexSortColumn): void {
    this.ordering(column);
  }

  /** Slots of live complaints in ascending order of the column, ties by id (as the database pages them). */
  private ordering(column: IndexSortColumn): Int32Array {
    let order = this.orderings.get(column);
    if (order) return order;
    const key = (s: number) => this.sortKey(column, s);
    if (column === 'number') {
      // Numbers are given in registration order (per office and year): from that order the sort has
      // almost nothing left to do (TimSort runs in near-linear time on nearly sorted input).
      const slots = Array.from(this.ordering('registrationDate'));
      slots.sort((a, b) => {
        const ka = this.number[a] ?? '';
        const kb = this.number[b] ?? '';
        if (ka !== kb) return ka < kb ? -1 : 1;
        const ia = this.ids[a] ?? '';
        const ib = this.ids[b] ?? '';
        return ia < ib ? -1 : ia > ib ? 1 : 0;
      });
      order = Int32Array.from(slots);
      this.orderings.set(column, order);
      return order;
    }
    const slots: number[] = [];
    for (let s = 0; s < this.ids.length; s++) if (this.alive[s]) slots.push(s);
    if (this.slotsInIdOrder) {
      // Slots are already in id order, so ties need no comparing: group by key when keys repeat a lot
      // (dates, statuses, reviewers: linear time), else a stable sort by key alone.
      const groups = new Map<string, number[]>();
      for (const s of slots) {
        const k = key(s);
        const group = groups.get(k);
        if (group) group.push(s);
        else if (groups.size > slots.length / 4) break;
        else groups.set(k, [s]);
      }
      if (groups.size <= slots.length / 4) {
        order = new Int32Array(slots.length);
        let i = 0;
        for (const k of [...groups.keys()].sort()) for (const s of groups.get(k) ?? []) order[i++] = s;
      } else {
        const keys = slots.map(key);
        const positions = slots.map((_, i) => i);
        positions.sort((a, b) => {
          const ka = keys[a] ?? '';
          const kb = keys[b] ?? '';
          return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
        order = Int32Array.from(positions, (p) => slots[p] ?? 0);
      }
    } else {
      const keys = slots.map(key);
      const positions = slots.map((_, i) => i);
      positions.sort((a, b) => {
        const ka = keys[a] ?? '';
        const kb = keys[b] ?? '';
        if (ka !== kb) return ka < kb ? -1 : 1;
        const ia = this.ids[slots[a] ?? 0] ?? '';
        const ib = this.ids[slots[b] ?? 0] ?? '';
        return ia < ib ? -1 : ia > ib ? 1 : 0;
      });
      order = Int32Array.from(positions, (p) => slots[p] ?? 0);
    }
    this.orderings.set(column, order);
    return order;
  }

  /** The search structures, built at the first search and kept until a number, IIN or name changes. */
  private aids(): SearchAids {
    if (this.searchAids) return this.searchAids;
    const live: number[] = [];
    for (let s = 0; s < this.ids.length; s++) if (this.alive[s]) live.push(s);
    const sortedBy = (start: readonly number[], key: (s: number) => string) =>
      Int32Array.from(
        [...start].sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          return ka < kb ? -1 : ka > kb ? 1 : a - b;
        }),
      );
    // Numbers follow registration order: from that order the sort has little left to do.
    const byNumber = sortedBy(Array.from(this.ordering('registrationDate')), (s) => this.numberLower[s] ?? '');
    const byIin = sortedBy(live, (s) => this.iin[s] ?? '');
    const counts = new Int32Array(this.dictionaryWords.length);
    const wordsOf = (s: number): number[] => {
      const out: number[] = [];
      for (let i = 0; i < WORDS_PER_SLOT; i++) {
        const id = this.wordSlots[s * WORDS_PER_SLOT + i] ?? -1;
        if (id >= 0) out.push(id);
      }
      return out.concat(this.moreWords.get(s) ?? []);
    };
    for (const s of live) for (const id of wordsOf(s)) counts[id] = (counts[id] ?? 0) + 1;
    const postings = Array.from(counts, (n) => new Int32Array(n));
    const filled = new Int32Array(counts.length);
    for (const s of live) {
      for (const id of wordsOf(s)) {
        const list = postings[id];
        const at = filled[id] ?? 0;
        if (list) list[at] = s;
        filled[id] = at + 1;
      }
    }
    this.searchAids = { byNumber, byIin, postings };
    return this.searchAids;
  }

  /**
   * Slots whose number or IIN starts with `q`, or whose name has, for every word of `q`, a word it
   * starts with (repository.ts `matches`): binary search in the sorted numbers and IINs, and the
   * lists of complaints per name word, so a search costs what it finds rather than the register's size.
   */
  private searchHits(q: string): number[] {
    const aids = this.aids();
    const hit = new Uint8Array(this.ids.length);
    const prefix = (sorted: Int32Array, key: (s: number) => string) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (key(sorted[mid] ?? 0) < q) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length; i++) {
        const s = sorted[i] ?? 0;
        if (!key(s).startsWith(q)) break;
        hit[s] = 1;
      }
    };
    prefix(aids.byNumber, (s) => this.numberLower[s] ?? '');
    prefix(aids.byIin, (s) => this.iin[s] ?? '');
    let named: Uint8Array | null = null;
    for (const w of q.split(/\s+/u)) {
      const has = new Uint8Array(this.ids.length);
      this.dictionaryWords.forEach((word, id) => {
        if (word.startsWith(w)) for (const s of aids.postings[id] ?? []) has[s] = 1;
      });
      if (named) for (let s = 0; s < has.length; s++) named[s] = (named[s] ?? 0) & (has[s] ?? 0);
      else named = has;
    }
    const out: number[] = [];
    for (let s = 0; s < hit.length; s++) if (hit[s] || named?.[s]) out.push(s);
    return out;
  }

  /** Position of every slot in the ordering of a column. */
  private rank(column: IndexSortColumn): Int32Array {
    const order = this.ordering(column);
    let rank = this.ranks.get(order);
    if (!rank) {
      rank = new Int32Array(this.ids.length).fill(-1);
      order.forEach((s, i) => {
        if (rank) rank[s] = i;
      });
      this.ranks.set(order, rank);
    }
    return rank;
  }

  /**
   * Ids of the complaints that pass the filter, in register order. The rules are those of the register
   * (repository.ts `matches`): a search hit is a number prefix, an IIN prefix, or every word of the
   * search a prefix of a word of the complainant's name.
   */
  query(f: IndexFilter, column: IndexSortColumn, desc: boolean, today: string, soon: string): string[] {
    const statusMask = f.statuses.reduce((m, s) => m | (1 << COMPLAINT_STATUSES.indexOf(s)), 0);
    const addressee = f.addressee === null ? -1 : COMPLAINT_ADDRESSEES.indexOf(f.addressee as (typeof COMPLAINT_ADDRESSEES)[number]);
    const reviewer = lower(f.reviewer);
    const reviewerHit = new Map<string, boolean>();
    const dueFrom = f.flag === 'overdue' ? '' : f.flag === 'due-soon' ? today : null;
    const dueTo = f.flag === 'overdue' ? null : f.flag === 'due-soon' ? soon : null;
    const passes = (s: number): boolean => {
      if (!this.alive[s]) return false;
      if (statusMask !== 0 && (statusMask & (1 << (this.status[s] ?? 0))) === 0) return false;
      if (f.flag !== null) {
        const due = this.nextDue[s] ?? NO_DUE;
        if (due === NO_DUE) return false;
        if (f.flag === 'overdue' && !(due < today)) return false;
        if (dueFrom !== null && dueTo !== null && !(due >= dueFrom && due <= dueTo)) return false;
      }
      if (addressee >= 0 && this.addressee[s] !== addressee) return false;
      if (f.from && (this.registrationDate[s] ?? '') < f.from) return false;
      if (f.to && (this.registrationDate[s] ?? '') > f.to) return false;
      if (f.caseId && this.caseId[s] !== f.caseId) return false;
      if (reviewer) {
        const r = this.reviewer[s] ?? '';
        let hit = reviewerHit.get(r);
        if (hit === undefined) {
          hit = lower(r).includes(reviewer);
          reviewerHit.set(r, hit);
        }
        if (!hit) return false;
      }
      return true;
    };

    const q = lower(f.search.trim());
    if (q) {
      const rank = this.rank(column);
      const found = this.searchHits(q).filter(passes);
      found.sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
      if (desc) found.reverse();
      return found.map((s) => this.ids[s] ?? '');
    }
    const order = this.ordering(column);
    const out: string[] = [];
    const n = order.length;
    for (let i = 0; i < n; i++) {
      const s = order[desc ? n - 1 - i : i] ?? 0;
      if (passes(s)) out.push(this.ids[s] ?? '');
    }
    return out;
  }

  /** Every live id in register order (the unfiltered register). */
  all(column: IndexSortColumn, desc: boolean): string[] {
    const order = this.ordering(column);
    const out: string[] = new Array<string>(order.length);
    const n = order.length;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const s = order[desc ? n - 1 - i : i] ?? 0;
      if (this.alive[s]) out[k++] = this.ids[s] ?? '';
    }
    out.length = k;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------
// One index per open database, built in the background and kept current.

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
    holder = { index: null, rows: new Map(), building: null, pending: new Set(), refresh: null };
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
