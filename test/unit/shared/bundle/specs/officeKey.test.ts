import { describe, expect, it } from 'vitest';
import { toBase64 } from '@shared/bundle/bytes';
import { officeKeyFileText, parseOfficeKeyFile } from '@shared/bundle/specs/officeKey';
import { passphraseBits, passphraseStrength } from '@shared/bundle/specs/passphrase';

describe('office key file', () => {
  const key = new Uint8Array(32).map((_, i) => i);
  const file = officeKeyFileText({
    officeId: '6f1c2a4e-0000-4000-8000-000000000001',
    officeCode: 'ARAL01',
    officeName: 'Арал ауданы',
    publicKey: toBase64(key),
  });

  it('round-trips and gives the key bytes', () => {
    const parsed = parseOfficeKeyFile(file);
    expect(parsed.ok && parsed.value).toMatchObject({
      format: 'qamqor-office-key',
      formatVersion: 1,
      officeCode: 'ARAL01',
      officeName: 'Арал ауданы',
    });
    expect(parsed.ok && parsed.value.publicKeyBytes).toEqual(key);
    expect(parseOfficeKeyFile(`\uFEFF${file}`).ok).toBe(true);
  });

  it('tells text that is not JSON, other JSON and a damaged key file apart', () => {
    expect(parseOfficeKeyFile('hello')).toEqual({ ok: false, error: 'not-json' });
    expect(parseOfficeKeyFile('{"format":"qamqor-bundle"}')).toEqual({ ok: false, error: 'not-a-key-file' });
    expect(parseOfficeKeyFile(file.replace('ARAL01', 'aral'))).toEqual({ ok: false, error: 'invalid' });
    expect(parseOfficeKeyFile(file.replace(toBase64(key), toBase64(new Uint8Array(31))))).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('passphrase strength hint', () => {
  it('grows with length and variety, and does not reward repeats or runs', () => {
    expect(passphraseStrength('')).toBe('empty');
    expect(passphraseStrength('123456')).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('abcdefghijklmnop')).toBe('weak');
    expect(passphraseStrength('kazaly2026')).toBe('fair');
    expect(passphraseStrength('Арал теңізі 2026')).toBe('good');
    expect(passphraseStrength('Арал теңізі қайта толады 2026')).toBe('strong');
    expect(passphraseBits('й')).toBe(passphraseBits('й'.normalize('NFD')));
  });
});
