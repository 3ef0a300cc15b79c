/**
 * A walker over zod 4 schemas that names every string, array or map a schema accepts without an upper
 * bound (issue 14 C9). It reads the schema definitions through zod's introspection surface for library
 * authors (`schema._zod.def`, the same object classic schemas expose as `.def`, and each check's
 * `_zod.def`; https://zod.dev/library-authors), so it sees exactly what the parser enforces.
 *
 * What counts as bounded:
 * - a string with a `max_length` or `length_equals` check, or a regex/format whose pattern is anchored
 *   and has no open-ended quantifier (`*`, `+`, `{n,}`), or an enum/literal;
 * - an array with a `max_length` or `length_equals` check (a tuple without a rest element);
 * - a map (`z.record`) whose keys are bounded strings and whose entries are counted: a finite key
 *   set (an enum or a literal) or `.meta({ maxEntries })` set by `boundedRecord` in shared/validation.ts;
 * - a pipe whose input side is bounded, or whose input is `unknown` and whose output side is bounded;
 * - anything else opaque (`unknown`, `any`, `custom`) only when listed in `opaque` with its reason.
 */
import type { z } from 'zod';

type Schema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;

export interface WalkOptions {
  /** Paths (as reported) of opaque schemas that are bounded by other means, each with the reason. */
  opaque?: Readonly<Record<string, string>>;
}

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

function checkDefs(def: Def): { check: string; format?: string; pattern?: RegExp }[] {
  const checks = def.checks ?? [];
  return checks.map((c) => c._zod.def as unknown as { check: string; format?: string; pattern?: RegExp });
}

/** An anchored pattern with no open-ended quantifier matches only strings of bounded length. */
export function boundedPattern(pattern: RegExp): boolean {
  const source = pattern.source;
  if (!source.startsWith('^') || !source.endsWith('$')) return false;
  const plain = source.replace(/\\./gu, 'x').replace(/\[[^\]]*\]/gu, 'x');
  return !/[*+]|\{\d+,\}/u.test(plain);
}

function lengthBounded(def: Def): boolean {
  return checkDefs(def).some((c) => c.check === 'max_length' || c.check === 'length_equals');
}

function stringBounded(def: Def): boolean {
  if (lengthBounded(def)) return true;
  const own = def.pattern instanceof RegExp ? [def.pattern] : [];
  const patterns = [...own, ...checkDefs(def).flatMap((c) => (c.pattern instanceof RegExp ? [c.pattern] : []))];
  return patterns.some(boundedPattern);
}

function metaEntries(schema: Schema): number | undefined {
  const meta: unknown = (schema as { meta?: () => unknown }).meta?.();
  if (meta === null || typeof meta !== 'object') return undefined;
  const value: unknown = (meta as Record<string, unknown>).maxEntries;
  return typeof value === 'number' ? value : undefined;
}

function finiteKeys(key: Schema): boolean {
  const type = defOf(key).type;
  return type === 'enum' || type === 'literal';
}

/** Every path under `schema` that accepts an unbounded string, array or map. */
export function unboundedPaths(schema: Schema, root: string, options: WalkOptions = {}): string[] {
  const out: string[] = [];
  /** Lazy schemas being walked: a recursive schema is walked once. */
  const open = new Set<Schema>();
  const walk = (s: Schema, path: string): void => {
    const def = defOf(s);
    const child = (key: string): Schema => def[key] as Schema;
    switch (def.type) {
      case 'string':
        if (!stringBounded(def)) out.push(`${path}: string without max`);
        return;
      case 'array':
        if (!lengthBounded(def)) out.push(`${path}: array without max`);
        walk(child('element'), `${path}[]`);
        return;
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, Schema>)) walk(value, `${path}.${key}`);
        if (def.catchall !== undefined && defOf(child('catchall')).type !== 'never') walk(child('catchall'), `${path}.*`);
        return;
      case 'record':
        walk(child('keyType'), `${path}{key}`);
        if (!finiteKeys(child('keyType')) && metaEntries(s) === undefined) out.push(`${path}: map without maxEntries`);
        walk(child('valueType'), `${path}{}`);
        return;
      case 'union':
        for (const [i, option] of (def.options as Schema[]).entries()) walk(option, `${path}|${i}`);
        return;
      case 'intersection':
        walk(child('left'), path);
        walk(child('right'), path);
        return;
      case 'tuple':
        for (const [i, item] of (def.items as Schema[]).entries()) walk(item, `${path}[${i}]`);
        if (def.rest !== null && def.rest !== undefined) out.push(`${path}: tuple with a rest element`);
        return;
      case 'pipe': {
        const input = child('in');
        const inputType = defOf(input).type;
        walk(inputType === 'unknown' || inputType === 'any' || inputType === 'transform' ? child('out') : input, path);
        return;
      }
      case 'lazy':
        if (open.has(s)) return;
        open.add(s);
        walk((def.getter as () => Schema)(), path);
        open.delete(s);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        walk(child('innerType'), path);
        return;
      case 'unknown':
      case 'any':
      case 'custom':
        if (options.opaque?.[path] === undefined) out.push(`${path}: ${def.type} (opaque, not listed)`);
        return;
      default:
        // number, boolean, null, enum, literal, date, bigint, never, undefined, nan: bounded by their kind
        return;
    }
  };
  walk(schema, root);
  return out;
}
