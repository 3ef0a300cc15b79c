import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../core/router';
import { sectionHref } from '../../core/router';
import { Notice } from '../../ui/Notice';
import { CasePage } from './CasePage';
import { CheckFormPage } from './CheckFormPage';
import { CheckPage } from './CheckPage';
import { WheelchairsHome } from './WheelchairsHome';
import './wheelchairs.css';

/**
 * Wheelchair checks and provisioning (issue 6):
 * `#/wheelchairs` recent checks and starting one; `#/wheelchairs/case/<caseId>` the case's programmes,
 * checks and orders; `#/wheelchairs/case/<caseId>/check/new` the profile form; `#/wheelchairs/check/<id>`
 * one recorded check with its print.
 */
export function WheelchairsSection({ path, query }: SectionProps) {
  const { t } = useTranslation();
  const [head, id, sub, subId] = path;
  let page;
  if (head === undefined) page = <WheelchairsHome />;
  else if (head === 'case' && id && sub === undefined) page = <CasePage key={id} caseId={id} />;
  else if (head === 'case' && id && sub === 'check' && subId === 'new') page = <CheckFormPage key={id} caseId={id} />;
  else if (head === 'check' && id) page = <CheckPage key={id} checkId={id} justSaved={query.saved === '1'} />;
  else
    page = (
      <Notice kind="warning">
        {t('wheelchairs.notFound')} <a href={sectionHref('wheelchairs')}>{t('wheelchairs.title')}</a>
      </Notice>
    );
  return <div className="wheelchairs">{page}</div>;
}
