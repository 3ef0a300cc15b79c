import type { HearingFacts } from '@shared/hearings';

/** Dates typed in the step forms but not saved yet: the planner counts them too. */
export type Draft = { [K in keyof HearingFacts]?: HearingFacts[K] | undefined };
export type SetDraft = (d: Draft) => void;

/** Merges a change into the draft; a key set to undefined leaves the draft (the saved fact counts again). */
export function mergeDraft(prev: Draft, change: Draft): Draft {
  const next: Record<string, unknown> = { ...prev, ...change };
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
  return next;
}

/** The facts with the draft laid over them. */
export function withDraft(facts: HearingFacts, draft: Draft): HearingFacts {
  return { ...facts, ...(mergeDraft({}, draft) as Partial<HearingFacts>) };
}
