/**
 * The signed audit head a bundle or a backup carries (issue 19: "keeps the latest signed head … inside
 * every backup and bundle"), checked before anything is written:
 *
 * - its signature must be the sending office's key (the key that signed the bundle), else the head was
 *   forged or swapped: `bad-signature`;
 * - when the file carries the audit entries themselves (a whole-office backup), they must reach the
 *   head: the chain up to the head's `seq` intact (`ChainVerifier`) and the entry at that `seq` carrying
 *   the head's digest, else entries were cut, edited or re-chained after the head was signed:
 *   `not-reached`.
 *
 * A file without a head (made before heads were carried) passes: there is nothing to check it against.
 */
import { parseSignedHead, verifySignedHead } from './anchor';
import { ChainVerifier } from './chain';

export type CarriedHeadProblem =
  | { kind: 'bad-signature' }
  /** `seq`: the first entry that does not lead to the head (or the head's own seq when it is missing). */
  | { kind: 'not-reached'; seq: number };

export async function checkCarriedHead(
  carried: unknown,
  senderPublicKey: Uint8Array,
  entries: readonly Readonly<Record<string, unknown>>[] | null,
): Promise<CarriedHeadProblem | null> {
  if (carried === null || carried === undefined) return null;
  const head = parseSignedHead(carried);
  if (!head || !(await verifySignedHead(head, senderPublicKey))) return { kind: 'bad-signature' };
  if (entries === null) return null;
  const upToHead = entries
    .filter((e) => typeof e['seq'] === 'number' && e['seq'] <= head.seq)
    .sort((a, b) => (a['seq'] as number) - (b['seq'] as number));
  const chain = new ChainVerifier();
  for (const row of upToHead) {
    const b = chain.push(row);
    if (b) return { kind: 'not-reached', seq: typeof b.seq === 'number' ? b.seq : head.seq };
  }
  const last = upToHead[upToHead.length - 1];
  if (!last || last['seq'] !== head.seq || last['digest'] !== head.digest) return { kind: 'not-reached', seq: head.seq };
  return null;
}
