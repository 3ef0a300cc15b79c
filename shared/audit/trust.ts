/**
 * Verification of the chain against its signed checkpoints and against heads recorded elsewhere
 * (issue 19). `ChainVerifier` finds entries that were edited, removed or inserted without recomputing
 * the chain; `TrustVerifier` adds what only an anchor can show: a forged tail (entries no signed
 * checkpoint covers), a re-chained rewrite (a checkpoint's digest no longer matches), a truncated tail
 * (a checkpoint or recorded head beyond the last entry) and stripped digests (an entry without digest
 * where a checkpoint says the chain was already running).
 */
import type { AuditAnchor, SignedAuditHead } from './anchor';
import { ChainVerifier, isLegacyRow, type ChainBreak, type ChainReport } from './chain';

export type TrustBreak =
  | ChainBreak
  /** No valid signed checkpoint covers this entry: it was not written by the app (a forged entry). */
  | { kind: 'unsigned'; seq: number | string }
  /**
   * A signed checkpoint or a recorded head no longer matches: every entry from `seq` on may have been
   * rewritten (and the chain recomputed). `checkpointSeq` is where the mismatch showed.
   */
  | { kind: 'rewritten'; seq: number; checkpointSeq: number; source: string }
  /** Entries `seq`–`missingTo` were cut off the end: a checkpoint or recorded head names them. */
  | { kind: 'truncated'; seq: number; missingTo: number; source: string };

export interface TrustReport extends Omit<ChainReport, 'break'> {
  break: TrustBreak | null;
  /** The latest valid signed checkpoint (the signed head), if any. */
  signedHead: SignedAuditHead | null;
  /** Checkpoints whose signature is not the office's: ignored, and counted here. */
  invalidCheckpoints: number;
  /** Heads recorded elsewhere that were checked (backups, bundles, files). */
  anchorsChecked: number;
  /** When the first checkpoint is a baseline: the entries up to its seq were signed on trust. */
  baselineUpTo: number | null;
}

const SIGNED = 'signed checkpoint';

/** Checks rows in seq order (a page at a time) against checkpoints already verified as the office's. */
export class TrustVerifier {
  private readonly chain = new ChainVerifier();
  private readonly checkpoints: SignedAuditHead[];
  private readonly anchors: Map<number, AuditAnchor[]>;
  private readonly minCovered: number;
  private index = 0;
  /** The last seq a signed checkpoint or a recorded head confirmed. */
  private trustedUpTo = 0;
  /**
   * The last seq a head recorded outside the database confirmed: a mismatch with such a head makes
   * everything after it suspect, since checkpoints in the same database could be re-signed by whoever
   * holds the office key.
   */
  private anchoredUpTo = 0;
  private lastSeq: number | null = null;
  private broken: TrustBreak | null = null;

  constructor(
    checkpoints: readonly SignedAuditHead[],
    private readonly extraAnchors: readonly AuditAnchor[],
    private readonly invalidCheckpoints = 0,
  ) {
    this.checkpoints = [...checkpoints].sort((a, b) => a.fromSeq - b.fromSeq || a.seq - b.seq);
    this.minCovered = this.checkpoints[0]?.fromSeq ?? Number.POSITIVE_INFINITY;
    this.anchors = new Map();
    for (const a of extraAnchors) this.anchors.set(a.seq, [...(this.anchors.get(a.seq) ?? []), a]);
  }

  push(row: unknown): TrustBreak | null {
    if (this.broken) return this.broken;
    const r = (typeof row === 'object' && row !== null ? row : {}) as Readonly<Record<string, unknown>>;
    const seq = typeof r.seq === 'number' ? r.seq : String(r.seq);
    // An entry without digest where a checkpoint or a recorded head says the chain already ran: stripped.
    // Rows written before the chain have no `format` either; a chained row that lost its digest keeps it.
    if (isLegacyRow(r) && ('format' in r || (typeof seq === 'number' && (seq >= this.minCovered || this.anchorAtOrAfter(seq))))) {
      return this.fail({ kind: 'edited', seq: typeof seq === 'number' ? seq : String(seq), reason: 'digest-missing' });
    }
    const chainBreak = this.chain.push(row);
    if (chainBreak) return this.fail(chainBreak);
    if (typeof seq !== 'number') return null;
    this.lastSeq = seq;
    if (isLegacyRow(r)) {
      this.trustedUpTo = seq;
      this.anchoredUpTo = seq;
      return null;
    }
    return this.checkEntry(seq, r.prevDigest as string, r.digest as string);
  }

  private checkEntry(seq: number, prevDigest: string, digest: string): TrustBreak | null {
    while (this.checkpoints[this.index] && (this.checkpoints[this.index] as SignedAuditHead).seq < seq) this.index += 1;
    const cp = this.checkpoints[this.index];
    if (!cp || cp.fromSeq > seq) return this.fail({ kind: 'unsigned', seq });
    if (seq === cp.fromSeq && prevDigest !== cp.fromPrevDigest) {
      return this.fail({ kind: 'rewritten', seq: this.trustedUpTo + 1, checkpointSeq: cp.fromSeq, source: SIGNED });
    }
    for (const a of this.anchors.get(seq) ?? []) {
      if (a.digest !== digest) return this.fail({ kind: 'rewritten', seq: this.anchoredUpTo + 1, checkpointSeq: seq, source: a.source });
      this.anchoredUpTo = seq;
      this.trustedUpTo = seq;
    }
    if (seq === cp.seq) {
      if (digest !== cp.digest) return this.fail({ kind: 'rewritten', seq: this.trustedUpTo + 1, checkpointSeq: seq, source: SIGNED });
      this.trustedUpTo = seq;
    }
    return null;
  }

  private anchorAtOrAfter(seq: number): boolean {
    return this.extraAnchors.some((a) => a.seq >= seq);
  }

  private fail(b: TrustBreak): TrustBreak {
    this.broken = b;
    return b;
  }

  get isBroken(): boolean {
    return this.broken !== null;
  }

  /** The report after the last row: also judges what lies beyond the last entry. */
  finish(): TrustReport {
    const chain = this.chain.report();
    if (!this.broken) this.judgeEnd();
    const valid = this.checkpoints;
    const signedHead = valid.reduce<SignedAuditHead | null>((best, c) => (best === null || c.seq > best.seq ? c : best), null);
    const first = valid[0];
    return {
      ...chain,
      break: this.broken,
      signedHead,
      invalidCheckpoints: this.invalidCheckpoints,
      anchorsChecked: this.extraAnchors.length,
      baselineUpTo: first?.kind === 'baseline' ? first.seq : null,
    };
  }

  private judgeEnd(): void {
    const last = this.lastSeq ?? 0;
    const beyond = [
      ...this.checkpoints.map((c) => ({ seq: c.seq, source: SIGNED })),
      ...this.extraAnchors.map((a) => ({ seq: a.seq, source: a.source })),
    ].filter((x) => x.seq > last);
    const furthest = beyond.reduce<{ seq: number; source: string } | null>((b, x) => (b === null || x.seq > b.seq ? x : b), null);
    if (furthest) {
      this.broken = { kind: 'truncated', seq: last + 1, missingTo: furthest.seq, source: furthest.source };
    }
  }
}

/** Verifies a whole trail held in memory (tests, exported trails). */
export function verifyTrust(
  rows: Iterable<unknown>,
  checkpoints: readonly SignedAuditHead[],
  anchors: readonly AuditAnchor[] = [],
): TrustReport {
  const v = new TrustVerifier(checkpoints, anchors);
  for (const row of rows) if (v.push(row)) break;
  return v.finish();
}
