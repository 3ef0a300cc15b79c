import type { IntakeData, IntakeFinding, IntakeInput } from '@shared/intake';
import type { MedicalCardForm, MedicalContraindication } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';

export type Card = IntakeInput['card'];

export interface CardFieldsProps {
  form: MedicalCardForm;
  card: Card;
  situation: IntakeInput['situation'];
  person: IntakeData['person'];
  registrationDate: string;
  contraindications: readonly MedicalContraindication[];
  /** Card-line findings of the live check, to mark the rows that make the package incomplete. */
  findings: readonly IntakeFinding[];
  errors: FieldErrors;
  onCard(card: Card): void;
  onSituation(situation: IntakeInput['situation']): void;
}

/** Reading and writing one line of the card, shared by the parts below. */
export function cardLines(props: CardFieldsProps) {
  const { card } = props;
  const entry = (id: string) => card.entries[id] ?? { date: '', text: '' };
  return {
    entry,
    setEntry: (id: string, patch: Partial<{ date: string; text: string }>) =>
      props.onCard({ ...card, entries: { ...card.entries, [id]: { ...entry(id), ...patch } } }),
    err: (id: string, part: 'date' | 'text') => props.errors[`card.entries.${id}.${part}`],
    missing: new Set(props.findings.filter((f) => f.severity === 'refuse').map((f) => f.itemId)),
  };
}
