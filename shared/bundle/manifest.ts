/** Schemas of manifest.json and signature.json (docs/bundle-format.md §Manifest). */
import { z } from 'zod';
import { parseSignedHead, SIGNED_HEAD_FORMAT, SIGNED_HEAD_VERSION, type SignedAuditHead } from '../audit/anchor';
import { isIsoTimestamp, UUID_PATTERN } from '../records/schemas';
import { BOUNDS, boundedRecord } from '../validation';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleManifest, type CarriedSignedHead } from './types';

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'signature.json';

/** Table names are Dexie table names: camelCase ASCII. */
export const TABLE_NAME = /^[a-z][A-Za-z0-9]{0,63}$/u;
const SHA256_HEX = /^[0-9a-f]{64}$/u;

export const recordsPath = (table: string): string => `records/${table}.json`;
export const attachmentPath = (sha256: string): string => `attachments/${sha256}`;
export const officeTablePath = (table: string): string => `office/${table}.json`;

const uuid = z.string().regex(UUID_PATTERN);
/** Upper bound of the parts list (the ZIP's entry limit is lower still). */
export const MAX_PARTS = 100_000;
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const sha256 = z.string().regex(SHA256_HEX);
/** Records or rows per table, one entry per carried table (issue 14 C9: BOUNDS.tables). */
const tableCounts = boundedRecord(z.string().regex(TABLE_NAME), size, BOUNDS.tables);

/**
 * The sender's signed audit head (shared/audit/anchor.ts `SignedAuditHead`): every string bounded
 * before `parseSignedHead` looks at it (issue 14 C9). Digests are 64 hex, keys 44 and signatures 88
 * base64 characters, all within BOUNDS.code.
 */
const signedHeadSchema = z
  .strictObject({
    format: z.literal(SIGNED_HEAD_FORMAT),
    version: z.literal(SIGNED_HEAD_VERSION),
    kind: z.enum(['run', 'baseline']),
    fromSeq: z.number(),
    fromPrevDigest: z.string().max(BOUNDS.code),
    seq: z.number(),
    digest: z.string().max(BOUNDS.code),
    signedAt: z.string().max(BOUNDS.timestamp),
    publicKey: z.string().max(BOUNDS.code),
    signature: z.string().max(BOUNDS.code),
  })
  .refine((v) => parseSignedHead(v) !== null);

const recordsPart = z.strictObject({
  kind: z.literal('records'),
  path: z.string().max(300),
  table: z.string().regex(TABLE_NAME),
  count: size,
  size,
  sha256,
});
const tablePart = z.strictObject({
  kind: z.literal('table'),
  path: z.string().max(300),
  table: z.string().regex(TABLE_NAME),
  count: size,
  size,
  sha256,
});
const attachmentPart = z.strictObject({
  kind: z.literal('attachment'),
  path: z.string().max(300),
  size,
  sha256,
});

export const manifestSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(BUNDLE_FORMAT_VERSION)]),
    bundleId: uuid,
    createdAt: z.string().max(BOUNDS.timestamp).refine(isIsoTimestamp),
    appVersion: z.string().min(1).max(64),
    office: z.strictObject({
      id: uuid,
      code: z.string().regex(/^[A-Z0-9]{2,10}$/u),
      name: z.string().min(1).max(200),
      publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/u),
    }),
    officer: z.string().min(1).max(200),
    counts: z.strictObject({
      records: tableCounts,
      attachments: size,
      tables: tableCounts.optional(),
    }),
    parts: z.array(z.discriminatedUnion('kind', [recordsPart, attachmentPart, tablePart])).max(MAX_PARTS),
    /** The sender's latest signed audit head (issue 19; docs/bundle-format.md §Manifest). */
    signedHead: signedHeadSchema.optional(),
  })
  .superRefine((m, ctx) => {
    const paths = new Set<string>();
    const tables = new Set<string>();
    const officeTables = new Set<string>();
    let attachments = 0;
    if (m.formatVersion === 1 && m.counts.tables !== undefined)
      ctx.addIssue({ code: 'custom', path: ['counts', 'tables'], message: 'version 2' });
    m.parts.forEach((part, i) => {
      const expected =
        part.kind === 'records'
          ? recordsPath(part.table)
          : part.kind === 'table'
            ? officeTablePath(part.table)
            : attachmentPath(part.sha256);
      if (part.path !== expected) ctx.addIssue({ code: 'custom', path: ['parts', i, 'path'], message: `must be ${expected}` });
      if (paths.has(part.path)) ctx.addIssue({ code: 'custom', path: ['parts', i, 'path'], message: 'listed twice' });
      paths.add(part.path);
      if (part.kind === 'records') {
        tables.add(part.table);
        if (m.counts.records[part.table] !== part.count) {
          ctx.addIssue({ code: 'custom', path: ['counts', 'records', part.table], message: 'does not match the part' });
        }
      } else if (part.kind === 'table') {
        officeTables.add(part.table);
        if (m.counts.tables?.[part.table] !== part.count) {
          ctx.addIssue({ code: 'custom', path: ['counts', 'tables', part.table], message: 'does not match the part' });
        }
      } else attachments += 1;
    });
    for (const table of Object.keys(m.counts.tables ?? {})) {
      if (!officeTables.has(table)) ctx.addIssue({ code: 'custom', path: ['counts', 'tables', table], message: 'no such part' });
    }
    for (const table of Object.keys(m.counts.records)) {
      if (!tables.has(table)) ctx.addIssue({ code: 'custom', path: ['counts', 'records', table], message: 'no such part' });
    }
    if (attachments !== m.counts.attachments) {
      ctx.addIssue({ code: 'custom', path: ['counts', 'attachments'], message: 'does not match the parts' });
    }
  });

const _manifestOut: (v: z.output<typeof manifestSchema>) => BundleManifest = (v) => v;
void _manifestOut;
/** CarriedSignedHead (types.ts) and SignedAuditHead (shared/audit/anchor.ts) stay the same shape. */
const _headIn: (v: SignedAuditHead) => CarriedSignedHead = (v) => v;
const _headOut: (v: CarriedSignedHead) => SignedAuditHead = (v) => v;
void _headIn;
void _headOut;

export const signatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** base64 of the 64-byte signature over the exact bytes of manifest.json. */
  signature: z.string().max(200),
});

/** Only what is needed to tell "other format" and "other version" apart before the full check. */
export const manifestHeadSchema = z.looseObject({ format: z.unknown(), formatVersion: z.unknown() });
