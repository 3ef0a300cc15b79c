import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, ROLES, type OfficerInput, type Role } from '@shared/officers';
import type { FieldErrors } from '@shared/validation';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { changePassword, createOfficer, deactivateOfficer, listOfficers } from './repository';

const EMPTY: OfficerInput = { login: '', fullName: '', position: '', roles: ['registrar'], password: '', passwordRepeat: '' };

/** Accounts of the office: administrators add and deactivate them (nothing is deleted). */
export function OfficersPanel() {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const officers = useAsync(() => listOfficers(db), [db, dataVersion]);
  const [form, setForm] = useState<OfficerInput>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ctx || !can(ctx.roles, 'accounts.manage')) return null;

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!ctx || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await createOfficer(db, ctx, form, ctx.now(), ctx.newId());
      if (r.ok) {
        setForm(EMPTY);
        setErrors({});
        setMessage({ kind: 'success', text: t('officers.created', { login: r.value.login }) });
        useAppStore.getState().dataChanged();
      } else if (r.error.code === 'invalid') setErrors(r.error.errors);
      else setMessage({ kind: 'error', text: t(`officers.errors.${r.error.code}`) });
    } finally {
      setBusy(false);
    }
  }

  async function deactivate(id: string, login: string) {
    if (!ctx) return;
    const reason = window.prompt(t('officers.deactivateReason', { login }));
    if (reason === null) return;
    const r = await deactivateOfficer(db, ctx, id, reason);
    if (r.ok) useAppStore.getState().dataChanged();
    else setMessage({ kind: 'error', text: r.error.code === 'invalid' ? t('validation.required') : t(`officers.errors.${r.error.code}`) });
  }

  const toggleRole = (role: Role, on: boolean) =>
    setForm((f) => ({ ...f, roles: on ? [...new Set([...f.roles, role])] : f.roles.filter((r) => r !== role) }));

  return (
    <div className="card" aria-labelledby="officers-title">
      <h2 id="officers-title">{t('officers.title')}</h2>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <table className="grid compact" data-testid="officers-table">
        <thead>
          <tr>
            <th scope="col">{t('officers.login')}</th>
            <th scope="col">{t('officers.fullName')}</th>
            <th scope="col">{t('officers.position')}</th>
            <th scope="col">{t('officers.roles')}</th>
            <th scope="col">{t('officers.state')}</th>
            <th scope="col" aria-label={t('officers.deactivate')} />
          </tr>
        </thead>
        <tbody>
          {(officers.status === 'done' ? officers.value : []).map((o) => (
            <tr key={o.id}>
              <td className="mono">{o.login}</td>
              <td>{o.fullName}</td>
              <td>{o.position}</td>
              <td>{o.roles.map((r) => t(`officers.role.${r}`)).join(', ')}</td>
              <td>{o.active ? t('officers.active') : `${t('officers.inactive')}: ${o.deactivatedReason ?? ''}`}</td>
              <td>
                {o.active ? (
                  <button type="button" className="link danger" onClick={() => void deactivate(o.id, o.login)}>
                    {t('officers.deactivate')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="form-grid" onSubmit={add} noValidate aria-label={t('officers.add')}>
        <h3 className="span-2">{t('officers.add')}</h3>
        <Field label={t('officers.login')} error={errors.login} hint={t('officers.loginHint')} required>
          {(p) => <input {...p} name="newLogin" value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} />}
        </Field>
        <Field label={t('officers.fullName')} error={errors.fullName} required>
          {(p) => (
            <input {...p} name="newFullName" value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} />
          )}
        </Field>
        <Field label={t('officers.position')} error={errors.position}>
          {(p) => (
            <input {...p} name="newPosition" value={form.position} onChange={(e) => setForm({ ...form, position: e.target.value })} />
          )}
        </Field>
        <fieldset>
          <legend>{t('officers.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="checkbox">
              <input
                type="checkbox"
                name={`role-${r}`}
                checked={form.roles.includes(r)}
                onChange={(e) => toggleRole(r, e.target.checked)}
              />
              {t(`officers.role.${r}`)}
            </label>
          ))}
          {errors.roles ? <div className="field__error">{t(errors.roles)}</div> : null}
        </fieldset>
        <Field label={t('officers.password')} error={errors.password} hint={t('officers.passwordHint')} required>
          {(p) => (
            <input
              {...p}
              type="password"
              name="newPassword"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('officers.passwordRepeat')} error={errors.passwordRepeat} required>
          {(p) => (
            <input
              {...p}
              type="password"
              name="newPasswordRepeat"
              autoComplete="new-password"
              value={form.passwordRepeat}
              onChange={(e) => setForm({ ...form, passwordRepeat: e.target.value })}
            />
          )}
        </Field>
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('officers.working') : t('officers.add')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Every officer may change their own password. */
export function ChangePasswordPanel() {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const officer = useAppStore((s) => s.officer);
  const [form, setForm] = useState({ current: '', password: '', passwordRepeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ctx || !officer) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx || !officer || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await changePassword(db, ctx, officer.id, form);
      if (r.ok) {
        setForm({ current: '', password: '', passwordRepeat: '' });
        setErrors({});
        setMessage({ kind: 'success', text: t('officers.passwordChanged') });
      } else if (r.error.code === 'invalid') setErrors(r.error.errors);
      else setMessage({ kind: 'error', text: t(`officers.errors.${r.error.code}`) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="span-2">
        {t('officers.changePassword')}
      </h2>
      {message ? (
        <div className="span-2">
          <Notice kind={message.kind}>{message.text}</Notice>
        </div>
      ) : null}
      <Field label={t('officers.currentPassword')} error={errors.current} required>
        {(p) => (
          <input
            {...p}
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            value={form.current}
            onChange={(e) => setForm({ ...form, current: e.target.value })}
          />
        )}
      </Field>
      <span />
      <Field label={t('officers.newPassword')} error={errors.password} hint={t('officers.passwordHint')} required>
        {(p) => (
          <input
            {...p}
            type="password"
            name="changedPassword"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('officers.passwordRepeat')} error={errors.passwordRepeat} required>
        {(p) => (
          <input
            {...p}
            type="password"
            name="changedPasswordRepeat"
            autoComplete="new-password"
            value={form.passwordRepeat}
            onChange={(e) => setForm({ ...form, passwordRepeat: e.target.value })}
          />
        )}
      </Field>
      <div className="actions span-2">
        <button type="submit" disabled={busy}>
          {busy ? t('officers.working') : t('officers.changePassword')}
        </button>
      </div>
    </form>
  );
}
