/**
 * Officers (қызметкерлер) and what each role may do (issue 8). Accounts are local to one office and
 * never travel in bundles.
 */
import { z } from 'zod';

export const ROLES = ['registrar', 'reviewer', 'head', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Only a head records decisions on complaints and applications; only an administrator edits rule
 * sets, the calendar, the office profile and accounts (issue 8). Everything else is open to every
 * signed-in officer.
 */
export const PERMISSIONS = {
  'decision.record': ['head'],
  'reference.edit': ['administrator'],
  'office.edit': ['administrator'],
  'accounts.manage': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export interface PasswordHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of the 32-byte derived key */
  hash: string;
}

export interface Officer {
  id: string;
  /** Sign-in name: lower-case Latin letters, digits, dots. */
  login: string;
  fullName: string;
  position: string;
  /** A small office's head is often its administrator too, so an account may hold several roles. */
  roles: Role[];
  password: PasswordHash;
  /** Accounts are deactivated, never deleted (issue 8: nothing is deleted outright). */
  active: boolean;
  deactivatedReason?: string;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
}

/** OWASP's 2023 guidance for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSWORD_LENGTH = 8;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(await derive(password, salt, iterations)) };
}

/** Compares in constant time, so the time taken does not tell how much of the hash matched. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const actual = await derive(password, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}

const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/u, 'validation.login');
const password = z.string().min(MIN_PASSWORD_LENGTH, 'validation.passwordShort').max(200, 'validation.tooLong');

export const officerInput = z
  .object({
    login,
    fullName: z.string().trim().min(3, 'validation.required').max(120, 'validation.tooLong'),
    position: z.string().trim().max(120, 'validation.tooLong'),
    roles: z.array(z.enum(ROLES)).min(1, 'validation.roles'),
    password,
    passwordRepeat: z.string(),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'validation.passwordMismatch' });
export type OfficerInput = z.input<typeof officerInput>;

export const passwordChangeInput = z
  .object({ current: z.string().min(1, 'validation.required'), password, passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'validation.passwordMismatch' })
  .refine((v) => v.password !== v.current, { path: ['password'], message: 'validation.passwordSame' });
export type PasswordChangeInput = z.input<typeof passwordChangeInput>;
