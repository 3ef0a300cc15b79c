/** Issue 19: the sender's latest signed audit head travels in the signed manifest (docs/bundle-format.md). */
import { describe, expect, it } from 'vitest';
import { signCheckpoint, verifySignedHead } from '@shared/audit/anchor';
import { utf8 } from '@shared/bundle/bytes';
import { bundleCodec } from '@shared/bundle/codec';
import { generateOfficeKeys, importSigningKey } from '@shared/bundle/crypto';
import { scenario, testTables } from '../../../support/bundle/fixtures';
import { entryText, pack, replaceEntry, unpack } from '../../../support/bundle/hostile';

const { encodeBundle, decodeBundle } = bundleCodec({ minPbkdf2Iterations: 1_000 });

async function headAndBundle(): Promise<{ bytes: Uint8Array; publicKey: Uint8Array; digest: string }> {
  const keys = await generateOfficeKeys();
  const head = await signCheckpoint(await importSigningKey(keys.privateKeyPkcs8), keys.publicKey, {
    kind: 'run',
    fromSeq: 1,
    fromPrevDigest: '',
    seq: 7,
    digest: 'ab'.repeat(32),
    signedAt: '2026-01-05T10:00:00.000Z',
  });
  const r = await encodeBundle({ ...(await scenario()).input, signedHead: head }, { signingKey: keys, tables: testTables });
  if (!r.ok) throw new Error(r.error.code);
  return { bytes: r.value, publicKey: keys.publicKey, digest: head.digest };
}

describe('signed audit head in a bundle', () => {
  it('decodes as decoded.signedHead, still verifiable under the office key', async () => {
    const { bytes, publicKey, digest } = await headAndBundle();
    const r = await decodeBundle(bytes, { tables: testTables });
    if (!r.ok) throw new Error(r.error.code);
    const head = r.value.signedHead;
    if (head === null) throw new Error('no signed head decoded');
    expect(head.digest).toBe(digest);
    expect(head.seq).toBe(7);
    expect(await verifySignedHead(head, publicKey)).toBe(true);
  });

  it('a bundle without a head decodes with signedHead null', async () => {
    const keys = await generateOfficeKeys();
    const r0 = await encodeBundle((await scenario()).input, { signingKey: keys, tables: testTables });
    if (!r0.ok) throw new Error(r0.error.code);
    const r = await decodeBundle(r0.value, { tables: testTables });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.signedHead).toBeNull();
    expect('signedHead' in r.value.manifest).toBe(false);
  });

  it('a head altered after signing breaks the manifest signature', async () => {
    const { bytes } = await headAndBundle();
    const entries = unpack(bytes);
    const manifest = JSON.parse(entryText(entries, 'manifest.json')) as { signedHead: { seq: number } };
    manifest.signedHead.seq = 9;
    const tampered = pack(replaceEntry(entries, 'manifest.json', utf8(JSON.stringify(manifest))));
    const r = await decodeBundle(tampered, { tables: testTables });
    expect(r.ok ? 'accepted' : r.error.code).toBe('bad-signature');
  });
});
