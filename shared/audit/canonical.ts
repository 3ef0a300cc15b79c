/**
 * The audit trail (аудит журналы) hashes every entry, so the same entry must always serialise to the
 * same bytes: on the day it is written, when it is verified years later, and in another program that
 * re-checks an exported trail. Two steps make that so:
 *
 * 1. `toAuditValue` turns whatever a repository hands over (records with Dates, Blobs, undefined…) into
 *    a plain JSON value before it is stored. What is stored is then exactly what was hashed: IndexedDB's
 *    structured clone would otherwise keep types JSON cannot express and the digest could not be
 *    recomputed from the stored row. Attachments are never copied into the trail: a Blob or a byte
 *    array becomes `{ $omitted: 'blob' | 'bytes', size, mimeType? }`.
 * 2. `canonicalJson` writes a JSON value with object keys sorted by UTF-16 code units, no whitespace,
 *    numbers and strings as ECMAScript's JSON.stringify writes them (the scheme of RFC 8785, JCS).
 *    It refuses anything that is not JSON instead of guessing, so a tampered row holding a non-JSON
 *    value is reported rather than silently hashed as something else.
 */

export type AuditValue = null | boolean | number | string | AuditValue[] | { [key: string]: AuditValue };

/** Stands in for binary content that is deliberately not copied into the trail. */
export interface OmittedBinary {
  $omitted: 'blob' | 'bytes';
  size: number;
  mimeType?: string;
}

export function isOmittedBinary(v: unknown): v is OmittedBinary {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    ((v as Record<string, unknown>).$omitted === 'blob' || (v as Record<string, unknown>).$omitted === 'bytes') &&
    typeof (v as Record<string, unknown>).size === 'number'
  );
}

export function isAuditObject(v: AuditValue | undefined): v is { [key: string]: AuditValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sanitizeNumber(n: number): AuditValue {
  if (Number.isFinite(n)) return Object.is(n, -0) ? 0 : n;
  // NaN and the infinities are not JSON; kept as text so the change stays visible.
  return String(n);
}

function sanitize(value: unknown, ancestors: Set<object>): AuditValue | undefined {
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return sanitizeNumber(value);
    case 'bigint':
      return value.toString();
    default:
      break;
  }
  if (value === null) return null;
  const obj = value as object;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (typeof Blob !== 'undefined' && obj instanceof Blob) {
    return obj.type ? { $omitted: 'blob', size: obj.size, mimeType: obj.type } : { $omitted: 'blob', size: obj.size };
  }
  if (obj instanceof ArrayBuffer || ArrayBuffer.isView(obj)) {
    return { $omitted: 'bytes', size: obj.byteLength };
  }
  if (ancestors.has(obj)) return '[circular]';
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) return obj.map((v: unknown) => sanitize(v, ancestors) ?? null);
    if (obj instanceof Set) return [...obj].map((v: unknown) => sanitize(v, ancestors) ?? null);
    if (obj instanceof Map) {
      return [...obj].map(([k, v]: [unknown, unknown]) => [sanitize(k, ancestors) ?? null, sanitize(v, ancestors) ?? null]);
    }
    const out: { [key: string]: AuditValue } = {};
    for (const [k, v] of Object.entries(obj)) {
      const s = sanitize(v, ancestors);
      if (s !== undefined) out[k] = s;
    }
    return out;
  } finally {
    ancestors.delete(obj);
  }
}

/** A plain JSON copy of `value` for the trail; `undefined` (and functions) become `null` at the top. */
export function toAuditValue(value: unknown): AuditValue {
  return sanitize(value, new Set()) ?? null;
}

/** Thrown by `canonicalJson` for a value JSON cannot represent exactly. */
export class NotCanonicalError extends TypeError {
  constructor(readonly path: string) {
    super(`not a JSON value at ${path || '(root)'}`);
    this.name = 'NotCanonicalError';
  }
}

function write(value: unknown, path: string, parts: string[]): void {
  switch (typeof value) {
    case 'string':
      parts.push(JSON.stringify(value));
      return;
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonicalError(path);
      parts.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new NotCanonicalError(path);
  }
  if (value === null) {
    parts.push('null');
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((item: unknown, i) => {
      if (i > 0) parts.push(',');
      write(item, `${path}[${i}]`, parts);
    });
    parts.push(']');
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new NotCanonicalError(path);
  parts.push('{');
  let first = true;
  // Default sort compares UTF-16 code units, as RFC 8785 requires.
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    // An absent property and one set to undefined mean the same in the trail (JSON drops both).
    if (v === undefined) continue;
    if (!first) parts.push(',');
    first = false;
    parts.push(JSON.stringify(key), ':');
    write(v, `${path}.${key}`, parts);
  }
  parts.push('}');
}

/** The canonical JSON text of a JSON value; throws `NotCanonicalError` for anything else. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, '', parts);
  return parts.join('');
}

/** Structural equality of two JSON values (key order ignored). */
export function sameAuditValue(a: AuditValue | undefined, b: AuditValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameAuditValue(x, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameAuditValue(a[k], b[k]));
}
