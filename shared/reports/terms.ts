/**
 * Which legal term each report figure is measured against, with its clause. The counts themselves are
 * computed with the domain's own term functions (shared/complaints, shared/intake, shared/wheelchair)
 * on the office calendar; this table names the clauses on screen, in print and in the XLSX.
 */
import type { Citation } from '../rules';
import { c458, cMsi } from '../rules/cite';

export const FIGURE_IDS = [
  'complaints.received',
  'complaints.forwardedInTerm',
  'complaints.forwardedLate',
  'complaints.forwardWaived',
  'complaints.decidedInTerm',
  'complaints.decidedLate',
  'complaints.overdue',
  'complaints.open',
  'complaints.withdrawn',
  'hearings.held',
  'hearings.absent',
  'hearings.scheduled',
  'hearings.granted',
  'hearings.refused',
  'hearings.pending',
  'intakes.received',
  'intakes.accepted',
  'intakes.refused',
  'intakes.placedInTerm',
  'intakes.placedLate',
  'intakes.overdue',
  'intakes.unfavourable',
  'wheelchairs.checks',
  'wheelchairs.indicated',
  'wheelchairs.contraindicated',
  'wheelchairs.notIndicated',
  'wheelchairs.orders',
  'wheelchairs.answeredInTerm',
  'wheelchairs.answeredLate',
  'wheelchairs.answerOverdue',
  'wheelchairs.handedOver',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export const FIGURE_GROUPS = ['complaints', 'hearings', 'intakes', 'wheelchairs'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** The Dexie table whose records a figure lists. */
export const FIGURE_TABLE: Readonly<Record<FigureGroup, string>> = {
  complaints: 'complaints',
  hearings: 'hearings',
  intakes: 'intakes',
  wheelchairs: 'wheelchairChecks',
};

export const groupOf = (id: FigureId): FigureGroup => id.slice(0, id.indexOf('.')) as FigureGroup;

/** Wheelchair figures about orders list wheelchairOrders, the others wheelchairChecks. */
export function figureTable(id: FigureId): string {
  if (
    id.startsWith('wheelchairs.') &&
    !['wheelchairs.checks', 'wheelchairs.indicated', 'wheelchairs.contraindicated', 'wheelchairs.notIndicated'].includes(id)
  ) {
    return 'wheelchairOrders';
  }
  return FIGURE_TABLE[groupOf(id)];
}

const A = 'Rules on personal-assistant and sign-language specialist services (Order 26)';
const forward = c458('L75-77', { rules: A, paragraph: '11', quoteKk: 'үш жұмыс күні ішінде' });
const review = [c458('L79', { rules: A, paragraph: '11' }), c458('L81', { rules: A, paragraph: '11' })];
const intakeTotal = cMsi('L19', { paragraph: '5' });
const supplier = c458('L673', {
  rules: 'Rules on special means of movement (Order 26)',
  paragraph: '28',
  quoteKk: 'бес жұмыс күні ішінде',
});

/** The clauses of each figure's term (empty: a count with no legal term). */
export const FIGURE_CITATIONS: Readonly<Partial<Record<FigureId, readonly Citation[]>>> = {
  'complaints.received': [c458('L67', { rules: A, paragraph: '11' })],
  'complaints.forwardedInTerm': [forward],
  'complaints.forwardedLate': [forward],
  'complaints.forwardWaived': [c458('L77', { rules: A, paragraph: '11' })],
  'complaints.decidedInTerm': review,
  'complaints.decidedLate': review,
  'complaints.overdue': review,
  'hearings.held': [c458('L47-49', { rules: A, paragraph: '9' })],
  'hearings.absent': [c458('L47-49', { rules: A, paragraph: '9' })],
  'intakes.accepted': [intakeTotal],
  'intakes.refused': [cMsi('L28', { paragraph: '8' })],
  'intakes.placedInTerm': [intakeTotal, cMsi('L42', { paragraph: '14' })],
  'intakes.placedLate': [intakeTotal, cMsi('L42', { paragraph: '14' })],
  'intakes.overdue': [intakeTotal],
  'intakes.unfavourable': [cMsi('L49-50', { paragraph: '17' })],
  'wheelchairs.checks': [c458('L1584-1685', { appendix: '9' })],
  'wheelchairs.answeredInTerm': [supplier],
  'wheelchairs.answeredLate': [supplier],
  'wheelchairs.answerOverdue': [supplier],
  'wheelchairs.handedOver': [c458('L673', { rules: 'Rules on special means of movement (Order 26)', paragraph: '28' })],
};
