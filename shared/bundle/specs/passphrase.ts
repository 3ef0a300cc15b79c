/**
 * A rough strength hint for a bundle passphrase. The bundle's key comes from PBKDF2 with 600,000
 * iterations (docs/bundle-format.md §2), which slows each guess but cannot save a short or common
 * passphrase; the hint nudges officers towards several words. It estimates bits from the length and
 * the kinds of characters used (at most 4 bits a character), and knows that repeating or counting
 * characters adds little.
 */
import { MIN_BACKUP_PASSPHRASE } from '../../backup/settings';

export type PassphraseStrength = 'empty' | 'weak' | 'fair' | 'good' | 'strong';

export function passphraseBits(passphrase: string): number {
  const chars = [...passphrase.normalize('NFC')];
  if (chars.length === 0) return 0;
  let pool = 0;
  if (chars.some((c) => /\p{Ll}/u.test(c))) pool += 26;
  if (chars.some((c) => /\p{Lu}/u.test(c))) pool += 26;
  if (chars.some((c) => /\p{N}/u.test(c))) pool += 10;
  // Cyrillic and Kazakh letters widen the alphabet an attacker must try.
  if (chars.some((c) => /[\u0400-\u04FF]/u.test(c))) pool += 42;
  if (chars.some((c) => /[^\p{L}\p{N}]/u.test(c))) pool += 20;
  // Repeats and runs (aaaa, 1234, abcd) count once.
  let effective = 1;
  for (let i = 1; i < chars.length; i += 1) {
    const prev = chars[i - 1]?.codePointAt(0) ?? 0;
    const cur = chars[i]?.codePointAt(0) ?? 0;
    if (Math.abs(cur - prev) > 1) effective += 1;
  }
  // At most 4 bits a character: officers type words, not random strings, so the alphabet size alone
  // would flatter "Арал2026" as much as a random string of the same length.
  return Math.round(effective * Math.min(Math.log2(Math.max(pool, 2)), 4));
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length === 0) return 'empty';
  const bits = passphraseBits(passphrase);
  if (bits < 40) return 'weak';
  if (bits < 60) return 'fair';
  if (bits < 80) return 'good';
  return 'strong';
}

/**
 * A bundle's passphrase is held to the backups' rule (shared/backup/settings.ts): at least 12
 * characters. A bundle on a USB stick or in an e-mail leaves the office just as a backup does, and a
 * 3-character passphrase under PBKDF2 falls to a laptop in minutes while the file says "encrypted".
 */
export const MIN_BUNDLE_PASSPHRASE = MIN_BACKUP_PASSPHRASE;

/** Why a chosen passphrase cannot protect a bundle, or null when it can ('' means no encryption). */
export type BundlePassphraseProblem = 'tooShort' | 'weak';

export function bundlePassphraseProblem(passphrase: string): BundlePassphraseProblem | null {
  if (passphrase === '') return null;
  if ([...passphrase.normalize('NFC')].length < MIN_BUNDLE_PASSPHRASE) return 'tooShort';
  // Twelve characters of one key or a counting run ("111111111111", "123456789012") are still a guess away.
  if (passphraseStrength(passphrase) === 'weak') return 'weak';
  return null;
}
