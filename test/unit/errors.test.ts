import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/src/i18n';
import { describeError } from '../../renderer/src/ui/errors';

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: { lang: 'kk' } };
  await initI18n('kk');
});

describe('describeError', () => {
  it('turns a full disk or quota error into a clear message that says nothing saved was lost', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeError(quota)).toContain('Бұған дейін сақталған деректердің бәрі орнында');
    const wrapped = new Dexie.AbortError('Transaction aborted', quota);
    expect(describeError(wrapped)).toContain('сақтау квотасы толды');
  });

  it('keeps the technical text of other errors for the administrator', () => {
    expect(describeError(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    expect(describeError('plain')).toBe('plain');
  });
});
