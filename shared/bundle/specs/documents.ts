/**
 * Attachments (the `documents` table): scans and files kept with a case. In the database a row holds
 * the file as a Blob; in a bundle the row travels without it and the bytes travel once as the part
 * `attachments/<digest>` (docs/bundle-format.md §1), so the same scan attached twice is stored once.
 */
import { z } from 'zod';
import type { IntakeScan } from '../../intake/types';
import type { RecordEnvelope } from '../../records/envelope';
import { recordEnvelopeShape, recordIdSchema, refineEnvelope } from '../../records/schemas';
import { filled, sha256Schema, text } from './common';

/** A document row without its Blob: what a bundle carries. */
export interface BundleDocument extends RecordEnvelope {
  /** The record the file belongs to (a complaint, an intake, …). */
  ownerId: string;
  /** The case, or null for a person-level record (a complaint registered without a case). */
  caseId: string | null;
  /** Lower-case hex SHA-256 of the bytes. */
  digest: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/** A document row as stored in Dexie. */
export interface StoredDocument extends BundleDocument {
  blob: Blob;
}

export const documentRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    ownerId: recordIdSchema,
    caseId: recordIdSchema.nullable(),
    digest: sha256Schema,
    fileName: filled(255),
    mimeType: text(200),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .superRefine(refineEnvelope);

/** The row without its Blob (for the bundle, the audit log and the preview). */
export function withoutBlob<T extends object>(row: T): Omit<T, 'blob'> {
  const { blob: _blob, ...rest } = row as T & { blob?: unknown };
  return rest;
}

const _documentOut: (v: z.output<typeof documentRecordSchema>) => BundleDocument = (v) => v;
const _documentIn: (v: BundleDocument) => z.input<typeof documentRecordSchema> = (v) => v;
// The intake's card scans are document rows too (shared/intake/types.ts).
const _scanIn: (v: Omit<IntakeScan, 'blob'>) => BundleDocument = (v) => v;
