import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../renderer/src/i18n';
import {
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  DECISION_OUTCOMES,
  HEARING_STATUSES,
  HISTORY_ACTIONS,
  NOTICE_CHANNELS,
  NOTIFICATION_METHODS,
  OBJECTION_KINDS,
  SERVICE_TERM_HEARING_METHODS,
  type DecisionBlocker,
  type DecisionBoundBasis,
  type PlannedDateKind,
} from '@shared/hearings';
import { collectCitations, shippedRuleSets } from '@shared/rules';
import { RULES_458 } from '@shared/rules/cite';

type Catalog = { [key: string]: string | Catalog };

function lookup(c: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = c;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

// Keys the feature builds at run time (`hearings.statuses.${status}`…), which the literal-key check cannot see.
const blockers: DecisionBlocker[] = [
  'no-preliminary',
  'decision-date-missing',
  'notice-not-sent',
  'hearing-not-scheduled',
  'familiarisation-pending',
];
const bases: DecisionBoundBasis[] = [
  'notice-period',
  'hearing-date',
  'hearing-window',
  'objection-window',
  'remarks-window',
  'remarks-received',
];
const dateKinds: PlannedDateKind[] = ['notice', 'hearing', 'decision', 'planned-decision'];
const errorCodes = [
  'not-found',
  'case-not-found',
  'rule-set-missing',
  'decided',
  'no-preliminary',
  'notice-sent',
  'no-notice',
  'no-decision',
  'already-recorded',
  'minutes-exist',
  'signed-off',
  'not-signed-off',
  'already-read',
  'not-read',
];

const anchors = new Set(shippedRuleSets.flatMap((rs) => rs.services.flatMap((s) => s.steps.map((st) => st.term.anchor))));
const acts = new Set(shippedRuleSets.flatMap((rs) => collectCitations(rs).map((c) => c.value.act)));

const dynamicKeys = [
  ...APPLICATION_CHANNELS.map((v) => `hearings.channels.${v}`),
  ...APPLICATION_STATUSES.map((v) => `hearings.statuses.${v}`),
  ...DECISION_OUTCOMES.map((v) => `hearings.outcomes.${v}`),
  ...HEARING_STATUSES.map((v) => `hearings.hearingStatuses.${v}`),
  ...HISTORY_ACTIONS.map((v) => `hearings.history.actions.${v}`),
  ...NOTICE_CHANNELS.map((v) => `hearings.noticeChannels.${v}`),
  ...NOTIFICATION_METHODS.map((v) => `hearings.notificationMethods.${v}`),
  ...OBJECTION_KINDS.map((v) => `hearings.objectionKinds.${v}`),
  ...SERVICE_TERM_HEARING_METHODS.map((v) => `hearings.methods.${v}`),
  ...blockers.map((v) => `hearings.blockers.${v}`),
  ...bases.map((v) => `hearings.bases.${v}`),
  ...dateKinds.map((v) => `hearings.dateKinds.${v}`),
  ...errorCodes.map((v) => `hearings.errors.${v}`),
  ...[...anchors].map((v) => `hearings.anchors.${v}`),
  ...[...acts].map((v) => `hearings.acts.${v}`),
  ...Object.keys(RULES_458).map((v) => `hearings.rules.${v}`),
  ...['upcoming', 'notices', 'remarks'].map((v) => `hearings.list.${v}`),
];

describe('hearings catalogs', () => {
  it('every key the feature builds at run time exists in Kazakh and Russian', () => {
    expect(dynamicKeys.length).toBeGreaterThan(80);
    expect(dynamicKeys.filter((k) => lookup(CATALOGS.kk, k) === undefined)).toEqual([]);
    expect(dynamicKeys.filter((k) => lookup(CATALOGS.ru, k) === undefined)).toEqual([]);
  });
});
