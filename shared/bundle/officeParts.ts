/**
 * The office tables of a whole-office backup as bundle parts (format version 2, docs/bundle-format.md
 * §Office tables): `office/<table>.json`, a JSON array of the table's rows in their portable form.
 * Unlike records, whose invalid ones are shown and skipped, one damaged row refuses the whole file: a
 * backup restored without part of its audit trail or accounts would not be the office.
 */
import { canonicalJson, fromUtf8, utf8 } from './bytes';
import { officeTablePath, TABLE_NAME } from './manifest';
import { findForbiddenKey, fromPortable, portableObjectSchema, PortableError, toPortable } from './portable';
import type { BundleEncodeError, BundleError, OfficeTableSpec, TablePart } from './types';
import { issueLines } from '../records/schemas';
import { err, ok, type Result } from '../result';

export interface OfficeTableFile {
  table: string;
  path: string;
  count: number;
  data: Uint8Array;
}

/** Every office table as canonical JSON, in name order. A value JSON cannot hold refuses the export. */
export function encodeOfficeTables(tables: Readonly<Record<string, readonly unknown[]>>): Result<OfficeTableFile[], BundleEncodeError> {
  const files: OfficeTableFile[] = [];
  for (const table of Object.keys(tables).sort()) {
    if (!TABLE_NAME.test(table)) return err({ code: 'invalid-input', detail: `table name '${table}'` });
    const rows = tables[table] ?? [];
    try {
      const json = canonicalJson(rows.map((row, i) => toPortable(row, `${table}[${i}]`)));
      files.push({ table, path: officeTablePath(table), count: rows.length, data: utf8(json) });
    } catch (e) {
      return err({ code: 'invalid-input', detail: e instanceof PortableError ? e.message : `${table}: not JSON` });
    }
  }
  return ok(files);
}

function keyOk(value: unknown, spec: OfficeTableSpec): boolean {
  return spec.keyType === 'string' ? typeof value === 'string' && value.length > 0 : Number.isSafeInteger(value);
}

/** One office table's part, checked row by row and given back in its stored form. */
export function decodeOfficeTable(
  part: TablePart,
  data: Uint8Array,
  spec: OfficeTableSpec | undefined,
): Result<Record<string, unknown>[], BundleError> {
  const damaged = (detail: string): Result<never, BundleError> => err({ code: 'corrupt', detail, entry: part.path });
  if (!spec) return err({ code: 'unknown-version', detail: `office table '${part.table}' is unknown to this release`, entry: part.path });
  const text = fromUtf8(data);
  let items: unknown;
  try {
    items = text === undefined ? undefined : JSON.parse(text);
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items)) return damaged('office table file is not a JSON array');
  if (items.length !== part.count) return damaged(`${items.length} rows, the manifest says ${part.count}`);
  const rows: Record<string, unknown>[] = [];
  const keys = new Set<unknown>();
  for (const [index, item] of (items as unknown[]).entries()) {
    const forbidden = findForbiddenKey(item);
    if (forbidden !== undefined) return damaged(`${part.table}[${index}].${forbidden}: forbidden key`);
    const parsed = portableObjectSchema.safeParse(item);
    if (!parsed.success) return damaged(`${part.table}[${index}]: ${issueLines(parsed.error).slice(0, 5).join('; ')}`);
    const key = parsed.data[spec.key];
    if (!keyOk(key, spec)) return damaged(`${part.table}[${index}].${spec.key}: not a valid key`);
    if (keys.has(key)) return damaged(`${part.table}[${index}].${spec.key}: the same key twice`);
    keys.add(key);
    rows.push(fromPortable(parsed.data) as Record<string, unknown>);
  }
  return ok(rows);
}
