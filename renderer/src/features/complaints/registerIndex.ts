/**
 * The register's in-memory index: the few fields every filter, sort and search of the register reads,
 * for every complaint, in compact columns. IndexedDB needs 10-70 µs per entry to hand over a key or a
 * record, so any step that touches a large part of 100,000 complaints costs seconds through it; in
 * memory the same step is a scan of a few milliseconds. The index is read once per window in the
 * background (the first rows come straight from the database meanwhile), kept current from Dexie's
 * change notifications (every write through Dexie, in this window or another), and only the page of
 * rows on screen is read from the database (by id). See docs/performance.md.
 */
import { COMPLAINT_ADDRESSEES, COMPLAINT_STATUSES, forwardMissedAfter, type Complaint, type ComplaintStatus } from '@shared/complaints';

/** Sortable columns (repository.ts SORTABLE). */
export type IndexSortColumn = 'number' | 'registrationDate' | 'receiptDate' | 'nextDue' | 'status' | 'complainantName' | 'reviewer';

/** The filter as the index evaluates it (repository.ts RegisterFilter without the full-text option). */
export interface IndexFilter {
  statuses: readonly ComplaintStatus[];
  flag: 'overdue' | 'due-soon' | 'forward-missed' | null;
  addressee: string | null;
  reviewer: string;
  from: string;
  to: string;
  search: string;
  caseId: string | null;
  /** Voided complaints: shown, hidden or alone (registerQuery.ts VOIDED_FILTERS). */
  voided: 'all' | 'hide' | 'only';
}

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
  /** 1 when the complaint is voided (issue 16 point 2). */
  private voided = new Uint8Array(1024);
  private numberLower: string[] = [];
  private number: string[] = [];
  private iin: string[] = [];
  private registrationDate: string[] = [];
  private receiptDate: string[] = [];
  private nextDue: string[] = [];
  /** `forwardMissedAfter` (shared/complaints): missed when today is later; NO_DUE when it cannot be. */
  private missedAfter: string[] = [];
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
    for (const k of ['alive', 'status', 'addressee', 'voided'] as const) {
      const next = new Uint8Array(length);
      next.set(this[k]);
      this[k] = next;
    }
    const words = new Int32Array(length * WORDS_PER_SLOT).fill(-1);
    words.set(this.wordSlots);
    this.wordSlots = words;
  }

  private sameWords(slot: number, words: readonly string[] | undefined): boolean {
    // Stored records are not trusted to hold an array here (records older than the register).
    const list: readonly unknown[] = Array.isArray(words) ? words : [];
    const more = this.moreWords.get(slot) ?? [];
    for (let i = 0; i < Math.max(WORDS_PER_SLOT + more.length, list.length); i++) {
      const id = i < WORDS_PER_SLOT ? (this.wordSlots[slot * WORDS_PER_SLOT + i] ?? -1) : (more[i - WORDS_PER_SLOT] ?? -1);
      const word = list[i];
      if (word === undefined ? id !== -1 : (typeof word === 'string' ? this.dictionary.get(word) : undefined) !== id) return false;
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
    this.voided[slot] = c.voided ? 1 : 0;
    this.number[slot] = c.number;
    this.numberLower[slot] = lower(c.number);
    this.iin[slot] = c.complainantIin;
    this.registrationDate[slot] = this.interner.get(c.registrationDate);
    this.receiptDate[slot] = this.interner.get(c.receiptDate);
    this.nextDue[slot] = c.nextDue === undefined ? NO_DUE : this.interner.get(c.nextDue);
    const missed = forwardMissedAfter(c);
    this.missedAfter[slot] = missed === null ? NO_DUE : this.interner.get(missed);
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
      if (f.voided !== 'all' && (this.voided[s] === 1) !== (f.voided === 'only')) return false;
      if (f.flag === 'forward-missed') {
        if (!this.missed(s, today)) return false;
      } else if (f.flag !== null) {
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

  private missed(slot: number, today: string): boolean {
    const after = this.missedAfter[slot] ?? NO_DUE;
    return after !== NO_DUE && today > after;
  }

  /** Complaints whose forwarding term is missed as of `today` (000 L75; issue 18 point 11). */
  countForwardMissed(today: string): number {
    let n = 0;
    for (let s = 0; s < this.ids.length; s++) if (this.alive[s] && this.missed(s, today)) n += 1;
    return n;
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
