/**
 * Signed checkpoints of the audit chain (issue 19). A plain hash chain cannot show a rewrite of
 * everything after some entry by someone who recomputes the digests, nor a forged entry appended at
 * the end, nor entries cut off the end. So every run of entries the app appends in one transaction is
 * signed by the office's Ed25519 key right after it commits: the checkpoint names the first and last
 * `seq` of the run, the `prevDigest` of its first entry and the `digest` of its last. An entry that no
 * valid checkpoint covers was not written by the app (a forged tail); a checkpoint whose digests no
 * longer match the entries shows a rewrite (re-chained or not); a checkpoint beyond the last entry
 * shows a truncation. The latest checkpoint is the "signed head" that also travels outside IndexedDB
 * (backups, bundles, the export of the trail, a file beside the backups in the desktop app).
 *
 * Signing goes through WebCrypto (asynchronous), so it cannot run inside the IndexedDB transaction
 * that writes the entries; see README.md for what this leaves open.
 */
import { fromBase64, toBase64, utf8 } from '../bundle/bytes';
import { signBytes, verifyBytes } from '../bundle/crypto';
import type { StoredAuditHead } from '../ipc';

export const SIGNED_HEAD_FORMAT = 'qamqor-audit-head';
export const SIGNED_HEAD_VERSION = 1;

/** What a checkpoint vouches for, before signing. */
export interface AuditCheckpointBody {
  /** First seq of the signed run. */
  fromSeq: number;
  /** prevDigest of the entry at `fromSeq`: links the run to the chain before it. */
  fromPrevDigest: string;
  /** Last seq of the run (the head when it was signed). */
  seq: number;
  /** digest of the entry at `seq`. */
  digest: string;
  /** ISO timestamp of the signing. */
  signedAt: string;
  /**
   * `baseline`: the first checkpoint of a trail written before checkpoints existed; it vouches, on
   * trust, for the entries that were already there. `run`: entries this installation appended.
   */
  kind: 'run' | 'baseline';
}

/** A checkpoint as stored (settings `auditCheckpoint/<seq>`) and as exported (the signed head). */
export interface SignedAuditHead extends AuditCheckpointBody {
  format: typeof SIGNED_HEAD_FORMAT;
  version: typeof SIGNED_HEAD_VERSION;
  /** Raw Ed25519 public key of the office, base64. */
  publicKey: string;
  /** Ed25519 signature over `checkpointMessage(body)`, base64. */
  signature: string;
}

/** The IPC schema of the stored head (shared/ipc.ts) and this type stay the same shape. */
const _headIn: (v: SignedAuditHead) => StoredAuditHead = (v) => v;
const _headOut: (v: StoredAuditHead) => SignedAuditHead = (v) => v;
void _headIn;
void _headOut;

const HEX64 = /^[0-9a-f]{64}$/u;

/** The exact bytes signed: a fixed, line-based text, so nothing depends on JSON key order. */
export function checkpointMessage(body: AuditCheckpointBody): Uint8Array<ArrayBuffer> {
  return utf8(
    [
      `${SIGNED_HEAD_FORMAT}/${SIGNED_HEAD_VERSION}`,
      body.kind,
      String(body.fromSeq),
      body.fromPrevDigest,
      String(body.seq),
      body.digest,
      body.signedAt,
    ].join('\n'),
  );
}

export async function signCheckpoint(key: CryptoKey, publicKeyRaw: Uint8Array, body: AuditCheckpointBody): Promise<SignedAuditHead> {
  const signature = await signBytes(key, checkpointMessage(body));
  return {
    format: SIGNED_HEAD_FORMAT,
    version: SIGNED_HEAD_VERSION,
    ...body,
    publicKey: toBase64(publicKeyRaw),
    signature: toBase64(signature),
  };
}

/** The shape check of a stored or imported head (never trusts its fields before this). */
export function parseSignedHead(value: unknown): SignedAuditHead | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok =
    v.format === SIGNED_HEAD_FORMAT &&
    v.version === SIGNED_HEAD_VERSION &&
    (v.kind === 'run' || v.kind === 'baseline') &&
    Number.isSafeInteger(v.fromSeq) &&
    Number.isSafeInteger(v.seq) &&
    (v.fromSeq as number) >= 1 &&
    (v.seq as number) >= (v.fromSeq as number) &&
    typeof v.fromPrevDigest === 'string' &&
    typeof v.digest === 'string' &&
    HEX64.test(v.digest) &&
    typeof v.signedAt === 'string' &&
    typeof v.publicKey === 'string' &&
    typeof v.signature === 'string';
  if (!ok) return null;
  return {
    format: SIGNED_HEAD_FORMAT,
    version: SIGNED_HEAD_VERSION,
    kind: v.kind as SignedAuditHead['kind'],
    fromSeq: v.fromSeq as number,
    fromPrevDigest: v.fromPrevDigest as string,
    seq: v.seq as number,
    digest: v.digest as string,
    signedAt: v.signedAt as string,
    publicKey: v.publicKey as string,
    signature: v.signature as string,
  };
}

/**
 * True when the head is signed by `officePublicKey` (raw, 32 bytes). A head signed by any other key
 * (or not at all) vouches for nothing.
 */
export async function verifySignedHead(head: SignedAuditHead, officePublicKey: Uint8Array): Promise<boolean> {
  const key = fromBase64(head.publicKey);
  const signature = fromBase64(head.signature);
  if (!key || !signature || key.length !== officePublicKey.length || !key.every((b, i) => b === officePublicKey[i])) return false;
  return verifyBytes(officePublicKey, signature, checkpointMessage(head));
}

/**
 * A head recorded somewhere else (a backup's settings row, a bundle, an exported trail, the desktop
 * file): the chain must still hold `digest` at `seq`.
 */
export interface AuditAnchor {
  seq: number;
  digest: string;
  /** Where the head was found, for the report (`backup 2026-11-30`, `file qamqor-audit-head.json`). */
  source: string;
}

/** The file name of an exported signed head. */
export const SIGNED_HEAD_FILE = 'qamqor-audit-head.json';

/** A run of entries the app appended in one transaction: what one checkpoint vouches for. */
export interface AppendedRun {
  fromSeq: number;
  fromPrevDigest: string;
  seq: number;
  digest: string;
}

/** Adjacent runs (the next starts right after the last and links to it) become one checkpoint. */
export function mergeRuns(runs: readonly AppendedRun[]): AppendedRun[] {
  const sorted = [...runs].sort((a, b) => a.fromSeq - b.fromSeq);
  const out: AppendedRun[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.fromSeq === last.seq + 1 && r.fromPrevDigest === last.digest)
      out[out.length - 1] = { ...last, seq: r.seq, digest: r.digest };
    else out.push(r);
  }
  return out;
}

/**
 * How the chain stands against a head kept outside IndexedDB (the desktop head file, the browser's
 * copy; README "The head file"): `holds` when the entry at the head's `seq` is still there with the
 * head's digest; `cut` when the chain ends before that `seq` (entries were removed off the end, or the
 * database was replaced by an older one); `not-contained` when the entry at that `seq` is missing or
 * carries another digest (the chain was rewritten). Source: issue 19 point 1 ("keeps the latest signed
 * head outside IndexedDB as well").
 */
export type StoredHeadVerdict = { kind: 'holds' } | { kind: 'cut'; lastSeq: number | null } | { kind: 'not-contained' };

export function judgeStoredHead(
  head: { readonly seq: number; readonly digest: string },
  lastSeq: number | null,
  digestAtHead: string | null | undefined,
): StoredHeadVerdict {
  if (lastSeq === null || lastSeq < head.seq) return { kind: 'cut', lastSeq };
  return digestAtHead === head.digest ? { kind: 'holds' } : { kind: 'not-contained' };
}
