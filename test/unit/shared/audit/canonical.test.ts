import { describe, expect, it } from 'vitest';
import { canonicalJson, NotCanonicalError, sameAuditValue, toAuditValue } from '@shared/audit/canonical';
import { sha256Hex } from '@shared/audit/chain';

describe('canonicalJson', () => {
  it('does not depend on the order in which keys were written, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: true, p: null }], x: 'z' } };
    const b = { a: { x: 'z', y: [1, { p: null, q: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"z","y":[1,{"p":null,"q":true}]},"b":1}');
  });

  it('keeps array order (order is meaning there)', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('sorts keys by UTF-16 code units (RFC 8785), Kazakh and Cyrillic included', () => {
    // 'Z' (U+005A) < 'a' (U+0061) < 'ә' (U+04D9) < '\u{1F600}' (surrogate D83D): code-unit order, not locale order.
    expect(canonicalJson({ ә: 3, a: 2, Z: 1, '\u{1F600}': 4 })).toBe('{"Z":1,"a":2,"ә":3,"\u{1F600}":4}');
  });

  it('writes numbers and strings as JSON.stringify does, with no whitespace', () => {
    expect(canonicalJson({ n: 1e21, m: 0.1, k: -0, s: 'қ "x"\n', e: 1.5e-7 })).toBe(
      '{"e":1.5e-7,"k":0,"m":0.1,"n":1e+21,"s":"қ \\"x\\"\\n"}',
    );
    // A lone surrogate is escaped, so the text is always valid UTF-8.
    expect(canonicalJson('\uD800')).toBe('"\\ud800"');
  });

  it('drops properties set to undefined, like JSON', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('refuses values JSON cannot represent exactly instead of guessing', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(NotCanonicalError);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/not a JSON value at \.a/u);
    expect(() => canonicalJson([undefined])).toThrow(NotCanonicalError);
    expect(() => canonicalJson({ a: 1n })).toThrow(NotCanonicalError);
    expect(() => canonicalJson(new Map())).toThrow(NotCanonicalError);
  });

  it('is stable: a fixed input has a fixed digest (changing the serialisation would orphan every stored chain)', () => {
    const entry = {
      seq: 1,
      at: '2026-01-05T09:00:01.000Z',
      officer: 'Жанар Омарова',
      changes: [{ path: ['phone'], before: '', after: '+77012345678' }],
    };
    expect(canonicalJson(entry)).toBe(
      '{"at":"2026-01-05T09:00:01.000Z","changes":[{"after":"+77012345678","before":"","path":["phone"]}],"officer":"Жанар Омарова","seq":1}',
    );
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(canonicalJson(entry))).toMatch(/^[0-9a-f]{64}$/u);
    expect(sha256Hex(canonicalJson(entry))).toBe(sha256Hex(canonicalJson(JSON.parse(JSON.stringify(entry)))));
  });
});

describe('toAuditValue', () => {
  it('never copies attachments: Blobs and byte arrays become their size', () => {
    const blob = new Blob([new Uint8Array(1234)], { type: 'application/pdf' });
    const v = toAuditValue({ fileName: 'a.pdf', blob, bytes: new Uint8Array(10), buf: new ArrayBuffer(7), untyped: new Blob(['x']) });
    expect(v).toEqual({
      fileName: 'a.pdf',
      blob: { $omitted: 'blob', size: 1234, mimeType: 'application/pdf' },
      bytes: { $omitted: 'bytes', size: 10 },
      buf: { $omitted: 'bytes', size: 7 },
      untyped: { $omitted: 'blob', size: 1 },
    });
    expect(JSON.stringify(v).length).toBeLessThan(300);
  });

  it('turns everything into JSON that canonicalJson accepts', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const v = toAuditValue({
      d: new Date('2026-03-02T10:00:00Z'),
      bad: new Date(Number.NaN),
      u: undefined,
      f: () => 1,
      arr: [undefined, 1, Number.POSITIVE_INFINITY, Number.NaN, -0],
      big: 12n,
      set: new Set(['a']),
      map: new Map([['k', 1]]),
      cyclic,
    });
    expect(v).toEqual({
      d: '2026-03-02T10:00:00.000Z',
      bad: 'Invalid Date',
      arr: [null, 1, 'Infinity', 'NaN', 0],
      big: '12',
      set: ['a'],
      map: [['k', 1]],
      cyclic: { name: 'x', self: '[circular]' },
    });
    expect(() => canonicalJson(v)).not.toThrow();
    expect(toAuditValue(undefined)).toBeNull();
  });

  it('a shared (not cyclic) object is copied each time it appears', () => {
    const shared = { a: 1 };
    expect(toAuditValue({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});

describe('sameAuditValue', () => {
  it('compares structure, not key order', () => {
    expect(sameAuditValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameAuditValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameAuditValue([1, 2], [2, 1])).toBe(false);
    expect(sameAuditValue(null, {})).toBe(false);
    expect(sameAuditValue('1', 1)).toBe(false);
  });
});
