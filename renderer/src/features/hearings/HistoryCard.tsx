import { useTranslation } from 'react-i18next';
import { DECISION_OUTCOMES, NOTICE_CHANNELS, NOTIFICATION_METHODS, OBJECTION_KINDS, type ServiceApplication } from '@shared/hearings';
import type { ServiceRule } from '@shared/rules';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';

/** Notes of some actions start with a code ("oral: …", "sms"); the officer reads its label. */
function useHistoryNote(service: ServiceRule | undefined): (action: string, note: string | null) => string {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (action, note) => {
    if (note === null) return '';
    const [code = '', ...rest] = note.split(': ');
    const text = rest.join(': ');
    const label = (key: string) => (text ? `${t(key)}: ${text}` : t(key));
    switch (action) {
      case 'notice-sent':
        return (NOTICE_CHANNELS as readonly string[]).includes(code) ? label(`hearings.noticeChannels.${code}`) : note;
      case 'objection':
        return (OBJECTION_KINDS as readonly string[]).includes(code) ? label(`hearings.objectionKinds.${code}`) : note;
      case 'decision':
        return (DECISION_OUTCOMES as readonly string[]).includes(code) ? label(`hearings.outcomes.${code}`) : note;
      case 'decision-notified':
        return (NOTIFICATION_METHODS as readonly string[]).includes(code) ? label(`hearings.notificationMethods.${code}`) : note;
      case 'step-done': {
        const step = service?.steps.find((s) => s.id === note);
        return step ? loc(step.labelKk, step.labelRu) : note;
      }
      case 'registered':
        return t('hearings.history.fromIntake', { id: note });
      default:
        return note;
    }
  };
}

export function HistoryCard({ app, service }: { app: ServiceApplication; service: ServiceRule | undefined }) {
  const { t } = useTranslation();
  const noteText = useHistoryNote(service);
  return (
    <div className="card">
      <h2>{t('hearings.history.title')}</h2>
      <table className="grid compact" data-testid="history">
        <thead>
          <tr>
            <th scope="col">{t('hearings.history.at')}</th>
            <th scope="col">{t('hearings.history.by')}</th>
            <th scope="col">{t('hearings.history.action')}</th>
            <th scope="col">{t('hearings.history.date')}</th>
            <th scope="col">{t('hearings.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {app.history.map((h, i) => (
            <tr key={i} data-action={h.action}>
              <td className="nowrap">{new Date(h.at).toLocaleString('ru-RU')}</td>
              <td>{h.by}</td>
              <td>{t(`hearings.history.actions.${h.action}`)}</td>
              <td>{h.date ? formatDate(h.date) : ''}</td>
              <td className="prewrap">{noteText(h.action, h.note)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
