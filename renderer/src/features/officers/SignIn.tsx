import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer } from '@shared/officers';
import { err } from '@shared/result';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { LanguageSwitch } from '../settings';
import { signIn, type SignInError } from './repository';
import { lastLockReason, writeSession, type LockReason } from './session';

/** Seconds left until `until` (epoch ms), ticking once a second while above zero. */
function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

function waitText(t: (key: string, o?: Record<string, unknown>) => string, seconds: number): string {
  return seconds >= 120
    ? t('officers.errors.lockedMinutes', { minutes: Math.ceil(seconds / 60) })
    : t('officers.errors.lockedSeconds', { seconds });
}

/**
 * What the lock screen says (issue 16 point 7): "locked by you" after the lock button, "after inactivity" only
 * after the idle timeout, and then whether unsaved text was kept as a draft (offered back in its form after
 * signing in) or lost.
 */
function lockedText(t: (key: string) => string, reason: LockReason | null): string {
  if (reason?.by !== 'idle') return t('officers.lockedByHand');
  const unsaved = reason.unsaved === 'drafted' ? t('officers.lockedDrafts') : reason.unsaved === 'lost' ? t('officers.lockedLost') : '';
  return unsaved ? `${t('officers.lockedText')} ${unsaved}` : t('officers.lockedText');
}

/** Sign-in at start and after the lock. */
export function SignIn() {
  const { t } = useTranslation();
  const { db } = useServices();
  const office = useAppStore((s) => s.office);
  const lockedLogin = useAppStore((s) => s.lockedLogin);
  const [lockReason] = useState(lastLockReason);
  const [login, setLogin] = useState(lockedLogin ?? '');
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<SignInError | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(waitUntil);

  const submit = useSubmit(
    (l: string, p: string) => (office ? signIn(db, office, l, p) : Promise.resolve(err<SignInError>({ code: 'unknown-or-wrong' }))),
    {
      onOk: (officer: Officer) => {
        writeSession({ officerId: officer.id, lastActivity: Date.now() });
        useAppStore.getState().signedIn(officer);
      },
      onRefused: (e) => {
        setRefusal(e);
        setPassword('');
        setWaitUntil(e.code === 'locked' ? Date.now() + e.waitMs : null);
      },
    },
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    submit.run(login, password);
  }

  const message =
    refusal === null
      ? null
      : refusal.code === 'locked'
        ? secondsLeft > 0
          ? waitText(t, secondsLeft)
          : t('officers.errors.lockedOver')
        : t(`officers.errors.${refusal.code}`);
  return (
    <main className="setup">
      <div className="setup__lang">
        <LanguageSwitch />
      </div>
      <form className="card setup__card" onSubmit={onSubmit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">{lockedLogin ? t('officers.lockedTitle') : t('officers.signInTitle')}</h1>
        <p className="muted">
          {office?.officeName} ({office?.officeCode})
        </p>
        {lockedLogin ? (
          <Notice kind="info">
            <span data-testid="lock-reason">{lockedText(t, lockReason)}</span>
          </Notice>
        ) : null}
        {message ? (
          <Notice kind="error">
            <span data-testid="sign-in-error">{message}</span>
          </Notice>
        ) : null}
        {submit.failure ? <Notice kind="error">{t('common.unexpected', { detail: submit.failure })}</Notice> : null}
        <Field label={t('officers.login')} required>
          {(p) => (
            <input
              {...p}
              name="login"
              autoComplete="username"
              autoFocus={!lockedLogin}
              value={login}
              onChange={(e) => setLogin(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('officers.password')} required>
          {(p) => (
            <input
              {...p}
              type="password"
              name="password"
              autoComplete="current-password"
              autoFocus={Boolean(lockedLogin)}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={submit.busy || !login || !password}>
          {submit.busy ? t('officers.working') : t('officers.signIn')}
        </button>
      </form>
    </main>
  );
}
