// @vitest-environment jsdom
/** Issue 16 point 6: DateField and TimeField keep ISO / HH:MM for the form and show DD.MM.YYYY / 24-hour text. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/src/i18n';
import { DateField } from '../../../renderer/src/ui/DateField';
import { TimeField } from '../../../renderer/src/ui/TimeField';

let i18n: Awaited<ReturnType<typeof initI18n>>;
beforeAll(async () => {
  i18n = await initI18n('kk');
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('kk');
});

/** A form holding the field's value, shown beside it as the form would submit it. */
function DateForm({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="d">Күні</label>
      <DateField id="d" name="d" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('')}>
        reset
      </button>
    </>
  );
}

function TimeForm() {
  const [value, setValue] = useState('');
  return (
    <>
      <label htmlFor="t">Уақыты</label>
      <TimeField id="t" name="t" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </>
  );
}

const input = () => screen.getByLabelText<HTMLInputElement>(/Күні|Уақыты/u);
const value = () => screen.getByTestId('value').textContent;

describe('DateField', () => {
  it('shows an ISO value as DD.MM.YYYY with the kk placeholder, and gives the form ISO for typed DD.MM.YYYY', () => {
    render(<DateForm initial="2026-11-20" />);
    expect(input().value).toBe('20.11.2026');
    expect(input().placeholder).toBe('ДД.ММ.ЖЖЖЖ');
    fireEvent.change(input(), { target: { value: '5.3.2026' } });
    expect(value()).toBe('2026-03-05');
    fireEvent.change(input(), { target: { value: '2026-04-01' } });
    expect(value()).toBe('2026-04-01');
    expect(input().value).toBe('2026-04-01');
    fireEvent.click(screen.getByRole('button', { name: 'reset' }));
    expect(input().value).toBe('');
  });

  it('an impossible date: the form holds nothing, the field is invalid with a message saying why', () => {
    render(<DateForm initial="" />);
    fireEvent.change(input(), { target: { value: '31.02.2026' } });
    expect(value()).toBe('');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Мұндай күн жоқ');
    expect(input().getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    fireEvent.change(input(), { target: { value: '28.02.2026' } });
    expect(value()).toBe('2026-02-28');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an unfinished date is said only after leaving the field', () => {
    render(<DateForm initial="" />);
    fireEvent.change(input(), { target: { value: '20.11' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(input());
    expect(screen.getByRole('alert').textContent).toContain('Күн толық емес');
  });

  it('the calendar opens on the value with kk month names, picks a day, closes and gives focus back', () => {
    render(<DateForm initial="2026-11-20" />);
    const open = screen.getByRole('button', { name: 'Күнтізбені ашу' });
    fireEvent.click(open);
    expect(screen.getByRole('dialog', { name: 'Күнді таңдау' })).toBeTruthy();
    expect(screen.getByTestId('date-calendar-title').textContent).toBe('Қараша 2026');
    const grid = screen.getByRole('grid');
    expect(grid.querySelectorAll('th')[0]?.textContent).toBe('дс');
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-11-20');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-11-21');
    fireEvent.keyDown(document.activeElement as Element, { key: 'PageDown' });
    expect(screen.getByTestId('date-calendar-title').textContent).toBe('Желтоқсан 2026');
    fireEvent.click(document.activeElement as Element);
    expect(value()).toBe('2026-12-21');
    expect(input().value).toBe('21.12.2026');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('Russian: placeholder and month names in Russian', async () => {
    await act(async () => {
      await i18n.changeLanguage('ru');
    });
    render(<DateForm initial="2026-01-10" />);
    expect(input().placeholder).toBe('ДД.ММ.ГГГГ');
    fireEvent.click(screen.getByRole('button', { name: 'Открыть календарь' }));
    expect(screen.getByTestId('date-calendar-title').textContent).toBe('Январь 2026');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('TimeField', () => {
  it('gives the form 24-hour HH:MM and marks an impossible time', () => {
    render(<TimeForm />);
    fireEvent.change(input(), { target: { value: '9:05' } });
    expect(value()).toBe('09:05');
    fireEvent.change(input(), { target: { value: '25:00' } });
    expect(value()).toBe('');
    expect(screen.getByRole('alert').textContent).toContain('Уақыт дұрыс емес');
  });
});
