/**
 * The rows of the office tables a backup carries besides the records (settings, accounts, the audit
 * trail, counters…; docs/bundle-format.md §Office tables) as bounded JSON. Stored rows may hold raw
 * bytes (the office's signing keys): they travel as `{"$bytes": "<base64>"}` and come back as
 * Uint8Array, so the restored row is the stored row. Anything else JSON cannot hold (a Blob, a Date, a
 * function) is refused at export rather than lost.
 */
import { z } from 'zod';
import { boundedRecord } from '../validation';
import { fromBase64, toBase64 } from './bytes';

/** Keys that would change an object's prototype instead of adding a field: refused everywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Bounds of a portable value (every string, array and object in an office-table row). */
export const PORTABLE_LIMITS = {
  /** Characters of one string (a settings value, a field inside an audit entry's record copy). */
  maxString: 200_000,
  /** Items of one array. */
  maxArray: 100_000,
  /** Keys of one object. */
  maxKeys: 10_000,
  /** Characters of one key. */
  maxKey: 200,
  /** Nesting of arrays and objects. */
  maxDepth: 64,
} as const;

const BYTES_TAG = '$bytes';

export type Portable = null | boolean | number | string | Portable[] | { [key: string]: Portable };

/** Why a stored value cannot travel (export) or a travelling value cannot be stored (import). */
export class PortableError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** A plain object of any realm (rows read back from IndexedDB may come from another realm than this code). */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  return Object.prototype.toString.call(value) === '[object Object]' && Object.getPrototypeOf(proto) === null;
}

/** Bytes of any realm. */
function isBytes(value: object): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** A stored value as JSON: bytes tagged, undefined fields left out (as IndexedDB keeps them). Throws PortableError. */
export function toPortable(value: unknown, path = '$', depth = 0): Portable {
  if (depth > PORTABLE_LIMITS.maxDepth) throw new PortableError(path, 'nested too deep');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PortableError(path, 'not a finite number');
    return value;
  }
  if (typeof value !== 'object') throw new PortableError(path, `cannot carry a ${typeof value}`);
  if (isBytes(value)) return { [BYTES_TAG]: toBase64(value) };
  if (Array.isArray(value)) return value.map((v: unknown, i) => (v === undefined ? null : toPortable(v, `${path}[${i}]`, depth + 1)));
  if (!isPlainObject(value)) throw new PortableError(path, 'not a plain object');
  const out: Record<string, Portable> = {};
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === BYTES_TAG) throw new PortableError(path, `an object whose only key is ${BYTES_TAG}`);
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) throw new PortableError(`${path}.${key}`, 'forbidden key');
    const v: unknown = (value as Record<string, unknown>)[key];
    if (v !== undefined)
      Object.defineProperty(out, key, { value: toPortable(v, `${path}.${key}`, depth + 1), enumerable: true, writable: true });
  }
  return out;
}

/** The stored form of a validated portable value (bytes back to Uint8Array). */
export function fromPortable(value: Portable): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromPortable);
  const keys = Object.keys(value);
  const tagged = value[BYTES_TAG];
  if (keys.length === 1 && typeof tagged === 'string') return fromBase64(tagged) ?? new Uint8Array(0);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = value[key];
    if (v !== undefined) out[key] = fromPortable(v);
  }
  return out;
}

/** A key of a portable object: bounded, never one that changes the prototype. */
export const portableKeySchema = z
  .string()
  .max(PORTABLE_LIMITS.maxKey, 'validation.tooLong')
  .refine((k) => !FORBIDDEN_KEYS.has(k), 'bundle.forbiddenKey');

/** Any bounded JSON value (strings, arrays and objects limited; depth limited by the part size and JSON.parse). */
export const portableSchema: z.ZodType<Portable> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number().finite(),
    z.string().max(PORTABLE_LIMITS.maxString, 'validation.tooLong'),
    z.array(portableSchema).max(PORTABLE_LIMITS.maxArray, 'validation.tooLong'),
    boundedObjectSchema,
  ]),
);

const boundedObjectSchema: z.ZodType<{ [key: string]: Portable }> = z.lazy(() =>
  boundedRecord(portableKeySchema, portableSchema, PORTABLE_LIMITS.maxKeys),
);

/**
 * A bounded JSON object with safe keys (the shape of every office-table row). The forbidden keys are
 * looked for in the input, once, before the schema copies it (a copy would silently drop `__proto__`).
 */
export const portableObjectSchema: z.ZodType<{ [key: string]: Portable }, unknown> = z
  .unknown()
  .refine((v) => findForbiddenKey(v) === undefined, 'bundle.forbiddenKey')
  .pipe(boundedObjectSchema);

/**
 * Finds a forbidden key anywhere in a parsed JSON value (JSON.parse keeps `__proto__` as an own key,
 * and a schema that copies the object would silently drop it). Returns its path, or undefined.
 */
export function findForbiddenKey(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findForbiddenKey(v, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here);
    if (found !== undefined) return found;
  }
  return undefined;
}
