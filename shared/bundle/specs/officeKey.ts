/**
 * The office key file: how an office hands its public signing key to the offices it exchanges
 * bundles with (saved from the known-offices page, opened or pasted there by the receiver). It holds
 * nothing secret; the receiver still compares the fingerprint with the sender by phone (docs/bundle-format.md §4).
 */
import { z } from 'zod';
import { fromBase64 } from '../bytes';
import { UUID_PATTERN } from '../../records/schemas';
import { err, ok, type Result } from '../../result';

export const OFFICE_KEY_FORMAT = 'qamqor-office-key';
export const OFFICE_KEY_VERSION = 1;

export const officeKeyFileSchema = z.strictObject({
  format: z.literal(OFFICE_KEY_FORMAT),
  formatVersion: z.literal(OFFICE_KEY_VERSION),
  officeId: z.string().regex(UUID_PATTERN),
  officeCode: z.string().regex(/^[A-Z0-9]{2,10}$/u),
  officeName: z.string().trim().min(1).max(200),
  /** Raw 32-byte Ed25519 public key, base64 (as in the bundle manifest). */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/u),
});
export type OfficeKeyFile = z.output<typeof officeKeyFileSchema>;

export type OfficeKeyFileError = 'not-json' | 'not-a-key-file' | 'invalid';

export function officeKeyFileText(file: Omit<OfficeKeyFile, 'format' | 'formatVersion'>): string {
  const full: OfficeKeyFile = { format: OFFICE_KEY_FORMAT, formatVersion: OFFICE_KEY_VERSION, ...file };
  return `${JSON.stringify(full, null, 2)}\n`;
}

export function parseOfficeKeyFile(text: string): Result<OfficeKeyFile & { publicKeyBytes: Uint8Array }, OfficeKeyFileError> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    return err('not-json');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== OFFICE_KEY_FORMAT)
    return err('not-a-key-file');
  const parsed = officeKeyFileSchema.safeParse(json);
  if (!parsed.success) return err('invalid');
  const bytes = fromBase64(parsed.data.publicKey);
  if (!bytes || bytes.length !== 32) return err('invalid');
  return ok({ ...parsed.data, publicKeyBytes: bytes });
}
