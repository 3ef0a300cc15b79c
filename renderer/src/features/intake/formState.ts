import type { IntakeInput } from '@shared/intake';
import type { FieldErrors } from '@shared/validation';

/** What every part of the intake form gets: the whole input, the errors, and a way to change it. */
export interface FormPartProps {
  state: IntakeInput;
  errors: FieldErrors;
  change(update: (s: IntakeInput) => IntakeInput): void;
}

/** A list with `id` added or removed. */
export function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
}
