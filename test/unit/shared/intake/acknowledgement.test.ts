/**
 * Issue 18 point 4: each channel's acknowledgement. Para 6 (001 L20-23): accepted at the State
 * Corporation → a receipt (L21); at the provider → a talon (L22); on the portal → a status in the
 * personal account (L23). Para 8 (L28-29): refused on the spot → the App. 4 receipt at the provider or the
 * State Corporation (L28); through the portal → a notice to the personal account naming what is missing (L29).
 */
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@shared/validation';
import { acknowledgementFor, acknowledgementInput, isRefusalAcknowledgement } from '@shared/intake/acknowledgement';
import { INTAKE_CHANNELS, type IntakeResult } from '@shared/intake/types';

const row = (channel: (typeof INTAKE_CHANNELS)[number], result: IntakeResult) => {
  const r = acknowledgementFor(channel, result);
  return r ? [r.kind, r.citation.paragraph, r.citation.lines] : null;
};

describe('acknowledgementFor', () => {
  it('a complete package: receipt at the State Corporation (L21), talon at the desk (L22), status on the portal (L23)', () => {
    expect(row('state-corporation', 'complete')).toEqual(['state-corporation-receipt', '6', 'L21']);
    expect(row('provider', 'complete')).toEqual(['provider-talon', '6', 'L22']);
    expect(row('portal', 'complete')).toEqual(['portal-status', '6', 'L23']);
  });

  it('warnings do not refuse: complete with warnings gets the same acknowledgement as complete', () => {
    for (const channel of INTAKE_CHANNELS) expect(row(channel, 'complete-with-warnings')).toEqual(row(channel, 'complete'));
  });

  it('refused on the spot: the App. 4 receipt at the desk and at the State Corporation (L28), a portal notice (L29)', () => {
    expect(row('provider', 'refuse')).toEqual(['refusal-receipt', '8', 'L28']);
    expect(row('state-corporation', 'refuse')).toEqual(['refusal-receipt', '8', 'L28']);
    expect(row('portal', 'refuse')).toEqual(['portal-refusal-notice', '8', 'L29']);
    expect(acknowledgementFor('portal', 'refuse')?.citation.quoteKk).toContain('қандай талаптарға сәйкес келмейтінін');
  });

  it('the App. 4 receipt and the portal notice are the refusal sheets', () => {
    expect(isRefusalAcknowledgement('refusal-receipt')).toBe(true);
    expect(isRefusalAcknowledgement('portal-refusal-notice')).toBe(true);
    expect(isRefusalAcknowledgement('provider-talon')).toBe(false);
  });
});

describe('acknowledgementInput', () => {
  const schema = acknowledgementInput('2026-03-10', '2026-03-12');
  const errorsOf = (v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? {} : fieldErrors(r.error);
  };

  it('accepts the day of registration up to today, with or without a number', () => {
    expect(schema.safeParse({ givenOn: '2026-03-10', reference: '' }).success).toBe(true);
    expect(schema.safeParse({ givenOn: '2026-03-12', reference: ' KZ-123 ' })).toMatchObject({
      success: true,
      data: { reference: 'KZ-123' },
    });
  });

  it('refuses a day before registration, a day in the future and an impossible date', () => {
    expect(errorsOf({ givenOn: '2026-03-09', reference: '' })).toEqual({ givenOn: 'intake.validation.beforeRegistration' });
    expect(errorsOf({ givenOn: '2026-03-13', reference: '' })).toEqual({ givenOn: 'intake.validation.future' });
    expect(errorsOf({ givenOn: '2026-02-30', reference: '' })).toEqual({ givenOn: 'validation.date' });
  });
});
