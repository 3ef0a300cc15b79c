import { useState, type FormEvent } from 'react';
import { ok } from '@shared/result';
import { useTranslation } from 'react-i18next';
import { can, ROLES, type OfficerInput, type Role, type SignInFailures } from '@shared/officers';
import type { FieldErrors } from '@shared/validation';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import { changePassword, createOfficer, deactivateOfficer, listOfficers, listSignInFailures } from './repository';

const EMPTY: OfficerInput = { login: '', fullName: '', position: '', roles: ['registrar'], password: '', passwordRepeat: '' };

/** Accounts of the office: administrators add and deactivate them (nothing is deleted). */
export function OfficersPanel() {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const officers = useLiveData(() => listOfficers(db), [db]);
  const failures = useLiveData(() => listSignInFailures(db), [db]);
  const [form, setForm] = useState<OfficerInput>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const create = useSubmit(
    (input: OfficerInput) => (ctx ? createOfficer(db, ctx, input, ctx.now(), ctx.newId()) : Promise.resolve(ok(null))),
    {
      onOk: (o) => {
        if (!o) return;
        setForm(EMPTY);
        setErrors({});
        setMessage({ kind: 'success', text: t('officers.created', { login: o.login }) });
      },
      onRefused: (e) => (e.code === 'invalid' ? setErrors(e.errors) : setMessage({ kind: 'error', text: t(`officers.errors.${e.code}`) })),
    },
  );
  const deactivation = useSubmit(
    (id: string, reason: string) => (ctx ? deactivateOfficer(db, ctx, id, reason) : Promise.resolve(ok(null))),
    {
      onRefused: (e) =>
        setMessage({ kind: 'error', text: e.code === 'invalid' ? t('validation.required') : t(`officers.errors.${e.code}`) }),
    },
  );
  if (!ctx || !can(ctx.roles, 'accounts.manage')) return null;

  function add(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    create.run(form);
  }

  function deactivate(id: string, login: string) {
    const reason = window.prompt(t('officers.deactivateReason', { login }));
    if (reason !== null) deactivation.run(id, reason);
  }

  const toggleRole = (role: Role, on: boolean) =>
    setForm((f) => ({ ...f, roles: on ? [...new Set([...f.roles, role])] : f.roles.filter((r) => r !== role) }));

  return (
    <div className="card" aria-labelledby="officers-title">
      <h2 id="officers-title">{t('officers.title')}</h2>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {(create.failure ?? deactivation.failure) ? (
        <Notice kind="error">{t('common.unexpected', { detail: create.failure ?? deactivation.failure })}</Notice>
      ) : null}
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
                  <button type="button" className="link danger" onClick={() => deactivate(o.id, o.login)}>
                    {t('officers.deactivate')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignInFailuresTable failures={failures.status === 'done' ? failures.value : []} />
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
          <button type="submit" className="primary" disabled={create.busy}>
            {create.busy ? t('officers.working') : t('officers.add')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Failed sign-ins per account (issue 19), for the administrator: in a row, in all, the last, and any wait. */
function SignInFailuresTable({ failures }: { failures: readonly SignInFailures[] }) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <>
      <h3>{t('officers.failures.title')}</h3>
      <table className="grid compact" data-testid="sign-in-failures">
        <thead>
          <tr>
            <th scope="col">{t('officers.login')}</th>
            <th scope="col">{t('officers.failures.inRow')}</th>
            <th scope="col">{t('officers.failures.total')}</th>
            <th scope="col">{t('officers.failures.last')}</th>
            <th scope="col">{t('officers.failures.lockedUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((f) => (
            <tr key={f.login} data-login={f.login}>
              <td className="mono">{f.login}</td>
              <td>{f.count}</td>
              <td>{f.total}</td>
              <td>{new Date(f.lastFailureAt).toLocaleString('ru-RU')}</td>
              <td>{f.lockedUntil && f.count > 0 ? new Date(f.lockedUntil).toLocaleString('ru-RU') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
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
  const change = useSubmit(
    (input: typeof form) => (ctx && officer ? changePassword(db, ctx, officer.id, input) : Promise.resolve(ok(true as const))),
    {
      onOk: () => {
        setForm({ current: '', password: '', passwordRepeat: '' });
        setErrors({});
        setMessage({ kind: 'success', text: t('officers.passwordChanged') });
      },
      onRefused: (e) => (e.code === 'invalid' ? setErrors(e.errors) : setMessage({ kind: 'error', text: t(`officers.errors.${e.code}`) })),
    },
  );
  if (!ctx || !officer) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    change.run(form);
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
      {change.failure ? (
        <div className="span-2">
          <Notice kind="error">{t('common.unexpected', { detail: change.failure })}</Notice>
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
        <button type="submit" disabled={change.busy}>
          {change.busy ? t('officers.working') : t('officers.changePassword')}
        </button>
      </div>
    </form>
  );
}
