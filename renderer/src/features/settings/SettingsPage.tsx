import { useTranslation } from 'react-i18next';
import { REGIONS } from '@shared/office';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { formatDate } from '../../ui/format';
import { useAsync } from '../../ui/useAsync';
import { useLocalized } from '../../ui/useLocalized';
import { BackupPanel } from '../backup';
import { ChangePasswordPanel, OfficersPanel } from '../officers';
import { CalendarEditor } from './CalendarEditor';
import { LanguageSwitch } from './LanguageSwitch';

export function SettingsPage() {
  const { t } = useTranslation();
  const { platform } = useServices();
  const loc = useLocalized();
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const info = useAsync(() => platform.appInfo(), [platform]);
  const region = REGIONS.find((r) => r.id === office?.region);

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="card">
        <h2>{t('settings.language')}</h2>
        <LanguageSwitch />
      </div>
      {office ? (
        <div className="card">
          <h2>{t('settings.office')}</h2>
          <dl className="facts">
            <dt>{t('setup.region')}</dt>
            <dd>{region ? loc(region.kk, region.ru) : office.region}</dd>
            <dt>{t('setup.district')}</dt>
            <dd>{office.district}</dd>
            <dt>{t('setup.officeCode')}</dt>
            <dd className="mono">{office.officeCode}</dd>
            <dt>{t('setup.officeName')}</dt>
            <dd>{office.officeName}</dd>
            <dt>{t('setup.officerName')}</dt>
            <dd>{office.officerName}</dd>
            <dt>{t('settings.officeId')}</dt>
            <dd className="mono muted">{office.officeId}</dd>
          </dl>
        </div>
      ) : null}
      <ChangePasswordPanel />
      <OfficersPanel />
      <BackupPanel />
      <CalendarEditor />
      <div className="card">
        <h2>{t('settings.ruleSets')}</h2>
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('cases.ruleSet')}</th>
              <th scope="col">{t('settings.validFrom')}</th>
              <th scope="col">{t('settings.validTo')}</th>
            </tr>
          </thead>
          <tbody>
            {ruleSets.map((r) => (
              <tr key={r.id}>
                <td>
                  {loc(r.titleKk, r.titleRu)}
                  {r.provisional ? <span className="badge warning"> {t('settings.provisional')}</span> : null}
                </td>
                <td>{formatDate(r.validFrom)}</td>
                <td>{r.validTo ? formatDate(r.validTo) : t('settings.open-ended')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>{t('settings.appInfo')}</h2>
        <p data-testid="app-version">
          {info.status === 'done' && info.value.ok
            ? t('settings.version', { version: info.value.value.version, platform: info.value.value.platform })
            : '…'}
        </p>
      </div>
    </section>
  );
}
