import { describe, expect, it } from 'vitest';
import { bundlePassphraseProblem, MIN_BUNDLE_PASSPHRASE } from '@shared/bundle/specs';
import { MIN_BACKUP_PASSPHRASE } from '@shared/backup/settings';

describe('the bundle passphrase rule (the backups\u2019 rule, shared/backup/settings.ts)', () => {
  it('asks as many characters as a backup passphrase', () => {
    expect(MIN_BUNDLE_PASSPHRASE).toBe(MIN_BACKUP_PASSPHRASE);
  });

  it('no passphrase is no encryption, not a problem', () => {
    expect(bundlePassphraseProblem('')).toBeNull();
  });

  it('refuses what the issue saw accepted: three characters, and anything under twelve', () => {
    expect(bundlePassphraseProblem('abc')).toBe('tooShort');
    expect(bundlePassphraseProblem('Арал-2026-к')).toBe('tooShort');
    // Counted in characters, not UTF-16 units or bytes: twelve Kazakh letters are enough.
    expect(bundlePassphraseProblem('қамқорлықбөл')).toBeNull();
  });

  it('refuses twelve characters that are one key or a counting run', () => {
    expect(bundlePassphraseProblem('111111111111')).toBe('weak');
    expect(bundlePassphraseProblem('123456789012')).toBe('weak');
    expect(bundlePassphraseProblem('abcdefghijklm')).toBe('weak');
  });

  it('accepts a few words', () => {
    expect(bundlePassphraseProblem('көктем жаңбыр терезе')).toBeNull();
    expect(bundlePassphraseProblem('Aral teñizi 2026')).toBeNull();
  });
});
