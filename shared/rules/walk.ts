import type { Citation } from './types';

/**
 * Generic traversal of a rule set. Administrators' edits and bundles arrive as plain data, so the
 * invariants "every citation names its seed and lines" and "every term is cited" are checked on the
 * shape of the data, wherever it sits, rather than on a list of known fields that can fall behind.
 */

export interface Found<T> {
  readonly path: string;
  readonly value: T;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const isCitation = (v: unknown): v is Citation =>
  isRecord(v) && typeof v['act'] === 'string' && typeof v['seed'] === 'string' && typeof v['lines'] === 'string';

const visit = (value: unknown, path: string, out: Array<Found<Record<string, unknown>>>): void => {
  if (Array.isArray(value)) {
    value.forEach((v, i) => visit(v, `${path}[${i}]`, out));
    return;
  }
  if (!isRecord(value)) return;
  out.push({ path, value });
  for (const [k, v] of Object.entries(value)) visit(v, path === '' ? k : `${path}.${k}`, out);
};

/** Every object node of the value, depth first, with its path. */
export const objectNodes = (value: unknown): ReadonlyArray<Found<Record<string, unknown>>> => {
  const out: Array<Found<Record<string, unknown>>> = [];
  visit(value, '', out);
  return out;
};

/** Objects that carry `workingDays` — the terms of the rule set. */
export const collectTerms = (value: unknown): ReadonlyArray<Found<Record<string, unknown>>> =>
  objectNodes(value).filter((n) => typeof n.value['workingDays'] === 'number');

export const collectCitations = (value: unknown): ReadonlyArray<Found<Citation>> =>
  objectNodes(value).flatMap((n) => (isCitation(n.value) ? [{ path: n.path, value: n.value }] : []));
