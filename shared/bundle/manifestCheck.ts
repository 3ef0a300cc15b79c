/**
 * Step 3 of decoding (docs/bundle-format.md §5): manifest.json's format and version, its size capped
 * before it is inflated, the signature over its exact bytes, then its schema.
 */
import { fromBase64, fromUtf8 } from './bytes';
import { verifyBytes } from './crypto';
import { MANIFEST_ENTRY, manifestHeadSchema, manifestSchema, SIGNATURE_ENTRY, signatureSchema } from './manifest';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  READABLE_FORMAT_VERSIONS,
  type BundleError,
  type BundleLimits,
  type BundleManifest,
} from './types';
import { extractZipEntry, type ZipEntry } from './zip';
import { issueLines } from '../records/schemas';
import { err, ok, type Result } from '../result';

export function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  const text = fromUtf8(bytes);
  if (text === undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export /** Step 3: the manifest's format and version, its signature over its exact bytes, then its schema. */
async function verifiedManifest(
  zip: Uint8Array,
  entries: ReadonlyMap<string, ZipEntry>,
  limits: BundleLimits,
): Promise<Result<{ manifest: BundleManifest; manifestBytes: Uint8Array; publicKey: Uint8Array }, BundleError>> {
  // 3. Manifest: format and version first, then the signature over its exact bytes, then its schema.
  const manifestEntry = entries.get(MANIFEST_ENTRY);
  if (!manifestEntry) return err({ code: 'not-a-bundle', detail: 'a ZIP without manifest.json' });
  // Sizes are capped on the declared size, before a byte is inflated (a small file may declare 1 GB).
  if (manifestEntry.uncompressedSize > limits.maxManifestBytes) {
    return err({ code: 'too-large', detail: `manifest of ${manifestEntry.uncompressedSize} bytes`, entry: MANIFEST_ENTRY });
  }
  const manifestBytes = extractZipEntry(zip, manifestEntry);
  if (!manifestBytes.ok) return manifestBytes;
  const manifestJson = parseJson(manifestBytes.value);
  if (!manifestJson.ok) return err({ code: 'invalid-manifest', detail: 'not JSON', entry: MANIFEST_ENTRY });
  const head = manifestHeadSchema.safeParse(manifestJson.value);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) {
    return err({ code: 'not-a-bundle', detail: 'manifest.json does not name the qamqor-bundle format' });
  }
  if (typeof head.data.formatVersion !== 'number' || !READABLE_FORMAT_VERSIONS.includes(head.data.formatVersion)) {
    return err({
      code: 'unknown-version',
      detail: `format version ${String(head.data.formatVersion)}; this release reads ${BUNDLE_FORMAT_VERSION}`,
    });
  }
  const office: unknown = head.data['office'];
  const publicKeyText: unknown = typeof office === 'object' && office !== null ? (office as { publicKey?: unknown }).publicKey : undefined;
  const publicKey = typeof publicKeyText === 'string' ? fromBase64(publicKeyText) : undefined;
  if (!publicKey || publicKey.length !== 32) {
    return err({ code: 'invalid-manifest', detail: 'office.publicKey is not a 32-byte base64 key', entry: MANIFEST_ENTRY });
  }

  const signatureEntry = entries.get(SIGNATURE_ENTRY);
  if (!signatureEntry) return err({ code: 'missing-entry', detail: 'the bundle is not signed', entry: SIGNATURE_ENTRY });
  if (signatureEntry.uncompressedSize > limits.maxSignatureBytes) {
    return err({ code: 'too-large', detail: `signature of ${signatureEntry.uncompressedSize} bytes`, entry: SIGNATURE_ENTRY });
  }
  const signatureBytes = extractZipEntry(zip, signatureEntry);
  if (!signatureBytes.ok) return signatureBytes;
  const signatureJson = parseJson(signatureBytes.value);
  const signatureFile = signatureJson.ok ? signatureSchema.safeParse(signatureJson.value) : undefined;
  const signature = signatureFile?.success ? fromBase64(signatureFile.data.signature) : undefined;
  if (!signature || !(await verifyBytes(publicKey, signature, manifestBytes.value))) {
    return err({ code: 'bad-signature', detail: 'the manifest does not match its signature', entry: MANIFEST_ENTRY });
  }

  const parsed = manifestSchema.safeParse(manifestJson.value);
  if (!parsed.success) {
    return err({ code: 'invalid-manifest', detail: issueLines(parsed.error).join('; '), entry: MANIFEST_ENTRY });
  }
  return ok({ manifest: parsed.data, manifestBytes: manifestBytes.value, publicKey });
}
