/**
 * Officers (қызметкерлер) and what each role may do (issue 8). Accounts are local to one office and
 * never travel in bundles.
 */
import { z } from 'zod';

export const ROLES = ['registrar', 'reviewer', 'head', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The screens of the app (issue 19): the sidebar sections and the pages routed beside them. Every
 * route belongs to exactly one screen; a role that may not see a screen gets neither its menu entry
 * nor its page.
 */
export const SCREENS = [
  'dashboard',
  'persons',
  'complaints',
  'hearings',
  'intake',
  'wheelchairs',
  'bundles',
  'audit',
  'reports',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

const ALL: readonly Role[] = ROLES;
const HEAD_ADMIN: readonly Role[] = ['head', 'administrator'];

/**
 * THE permission table (issue 19): role → screens and actions, used by routing, menus, buttons and the
 * repositories alike. Only a head records decisions on complaints and applications; only an
 * administrator edits rule sets, the calendar, the office profile, backups' settings and accounts
 * (issue 8). The audit trail (personal data before and after every change) and bundles (every record,
 * signed by the office) are for the head and the administrator only. Everything else is open to
 * every signed-in officer.
 *
 * Role checks in a local app protect against mistakes and casual misuse, not against someone who
 * controls the machine (who can read IndexedDB directly).
 */
export const PERMISSIONS = {
  'screen.dashboard': ALL,
  'screen.persons': ALL,
  'screen.complaints': ALL,
  'screen.hearings': ALL,
  'screen.intake': ALL,
  'screen.wheelchairs': ALL,
  'screen.bundles': HEAD_ADMIN,
  'screen.audit': HEAD_ADMIN,
  // Period reports and the monitoring export (issue 17); every export from them is recorded as a disclosure.
  'screen.reports': ALL,
  'screen.settings': ALL,
  'records.edit': ALL,
  'records.print': ALL,
  'records.export': ALL,
  'decision.record': ['head'],
  // Issue 16 point 2: only a head voids a record made by mistake (it takes the record out of every term
  // and figure, a decision like those above); an administrator does so only when also a head.
  'record.void': ['head'],
  // Issue 16 point 4: who may be named the reviewer of a complaint (any signed-in officer starts the review).
  'complaint.review': ['reviewer', 'head'],
  'reference.edit': ['administrator'],
  'office.edit': ['administrator'],
  'accounts.manage': ['administrator'],
  'audit.view': HEAD_ADMIN,
  'audit.export': HEAD_ADMIN,
  'bundles.export': HEAD_ADMIN,
  'bundles.import': HEAD_ADMIN,
  'backup.make': ALL,
  'backup.restore': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export function screenPermission(screen: Screen): Permission {
  return `screen.${screen}`;
}

export function canSee(roles: readonly Role[], screen: Screen): boolean {
  return can(roles, screenPermission(screen));
}

/** Failed sign-ins before the first delay (issue 19). */
export const SIGN_IN_FREE_FAILURES = 5;
export const SIGN_IN_FIRST_DELAY_MS = 30_000;
export const SIGN_IN_MAX_DELAY_MS = 30 * 60_000;

/**
 * The wait after `failures` failed sign-ins in a row for one account: none for the first
 * SIGN_IN_FREE_FAILURES - 1, then 30 s at the fifth, doubling with each further failure, capped at 30 min.
 */
export function signInDelayMs(failures: number): number {
  if (failures < SIGN_IN_FREE_FAILURES) return 0;
  const doublings = failures - SIGN_IN_FREE_FAILURES;
  return Math.min(SIGN_IN_MAX_DELAY_MS, SIGN_IN_FIRST_DELAY_MS * 2 ** Math.min(doublings, 20));
}

/** The stored state of one account's failed sign-ins (settings row `signInFailures/<login>`). */
export interface SignInFailures {
  login: string;
  /** Failures in a row since the last successful sign-in. */
  count: number;
  /** Every failure ever (the administrator's view). */
  total: number;
  lastFailureAt: string;
  /** ISO instant before which no sign-in is tried for this account (absent: no wait). */
  lockedUntil?: string;
}

/** The state after one more failure at `now`; `locked` when this failure starts (or extends) a wait. */
export function afterFailure(previous: SignInFailures | null, login: string, now: Date): { state: SignInFailures; delayMs: number } {
  const count = (previous?.count ?? 0) + 1;
  const delayMs = signInDelayMs(count);
  const state: SignInFailures = {
    login,
    count,
    total: (previous?.total ?? 0) + 1,
    lastFailureAt: now.toISOString(),
    ...(delayMs > 0 ? { lockedUntil: new Date(now.getTime() + delayMs).toISOString() } : {}),
  };
  return { state, delayMs };
}

/** Milliseconds still to wait at `now` (0 when free to try). */
export function remainingWaitMs(state: SignInFailures | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Date.parse(state.lockedUntil) - now.getTime());
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
    roles: z.array(z.enum(ROLES)).min(1, 'validation.roles').max(ROLES.length, 'validation.roles'),
    password,
    passwordRepeat: z.string().max(200, 'validation.tooLong'),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'validation.passwordMismatch' });
export type OfficerInput = z.input<typeof officerInput>;

export const passwordChangeInput = z
  .object({
    current: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
    password,
    passwordRepeat: z.string().max(200, 'validation.tooLong'),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'validation.passwordMismatch' })
  .refine((v) => v.password !== v.current, { path: ['password'], message: 'validation.passwordSame' });
export type PasswordChangeInput = z.input<typeof passwordChangeInput>;
