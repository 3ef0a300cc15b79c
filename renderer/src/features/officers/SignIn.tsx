import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services';
import { useAppStore, writeContextFor } from '../../core/store';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { authenticate, recordSignIn } from './repository';
import { writeSession } from './session';
import { describeError } from '../../ui/errors';

/** Sign-in at start and after the inactivity lock. */
export function SignIn() {
  const { t } = useTranslation();
  const { db } = useServices();
  const office = useAppStore((s) => s.office);
  const lockedLogin = useAppStore((s) => s.lockedLogin);
  const [login, setLogin] = useState(lockedLogin ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !office) return;
    setBusy(true);
    setError(null);
    try {
      const result = await authenticate(db, login, password);
      if (!result.ok) {
        setError(t(`officers.errors.${result.error.code}`));
        setPassword('');
        return;
      }
      await recordSignIn(db, writeContextFor(office, result.value), result.value);
      writeSession({ officerId: result.value.id, lastActivity: Date.now() });
      useAppStore.getState().signedIn(result.value);
    } catch (e2: unknown) {
      setError(t('common.unexpected', { detail: describeError(e2) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="setup">
      <div className="setup__lang">
        <LanguageSwitch />
      </div>
      <form className="card setup__card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">{lockedLogin ? t('officers.lockedTitle') : t('officers.signInTitle')}</h1>
        <p className="muted">
          {office?.officeName} ({office?.officeCode})
        </p>
        {lockedLogin ? <Notice kind="info">{t('officers.lockedText')}</Notice> : null}
        {error ? <Notice kind="error">{error}</Notice> : null}
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
        <button type="submit" className="primary" disabled={busy || !login || !password}>
          {busy ? t('officers.working') : t('officers.signIn')}
        </button>
      </form>
    </main>
  );
}
