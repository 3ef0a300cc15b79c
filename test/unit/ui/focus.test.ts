// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { firstInvalid, focusFirstInvalid, focusHeading, focusHeadingWhenShown, nextTabIndex } from '../../../renderer/src/ui/focus';
import { wrapTarget } from '../../../renderer/src/ui/useDialogFocus';

afterEach(() => {
  document.body.innerHTML = '';
});

const frame = () => new Promise((r) => setTimeout(r, 30));

describe('focus after navigation', () => {
  it('focuses the page heading, made focusable by script only', () => {
    document.body.innerHTML = '<main><h1>Шағымдар</h1></main>';
    const main = document.querySelector('main')!;
    expect(focusHeading(main)).toBe(true);
    const h1 = document.querySelector('h1')!;
    expect(document.activeElement).toBe(h1);
    expect(h1.getAttribute('tabindex')).toBe('-1');
  });

  it('waits for a heading a lazily loaded page renders later', async () => {
    document.body.innerHTML = '<main><p>Жүктелуде…</p></main>';
    const main = document.querySelector('main')!;
    focusHeadingWhenShown(main);
    main.innerHTML = '<h1>Баптаулар</h1>';
    await frame();
    expect(document.activeElement?.textContent).toBe('Баптаулар');
  });

  it('does not take focus from a field the officer focused meanwhile', async () => {
    document.body.innerHTML = '<main><input id="q"></main>';
    const main = document.querySelector('main')!;
    focusHeadingWhenShown(main);
    document.querySelector<HTMLInputElement>('#q')!.focus();
    main.insertAdjacentHTML('beforeend', '<h1>Late</h1>');
    await frame();
    expect(document.activeElement?.id).toBe('q');
  });
});

describe('focus after a refused submit', () => {
  it('finds the first invalid field, else the alert', () => {
    document.body.innerHTML = '<form><input id="a"><input id="b" aria-invalid="true"><input id="c" aria-invalid="true"></form>';
    expect(firstInvalid(document)?.id).toBe('b');
    document.body.innerHTML = '<form><input id="a"><div role="alert" id="m">x</div></form>';
    expect(firstInvalid(document)?.id).toBe('m');
  });

  it('moves focus there once the messages are rendered', async () => {
    document.body.innerHTML = '<main><form><input id="a"><button id="s">Save</button></form></main>';
    document.querySelector<HTMLButtonElement>('#s')!.focus();
    focusFirstInvalid(document.querySelector('form'));
    document.querySelector('#a')!.setAttribute('aria-invalid', 'true');
    await frame();
    expect(document.activeElement?.id).toBe('a');
  });
});

describe('keyboard patterns', () => {
  it('moves between tabs with arrows, Home and End, wrapping around', () => {
    expect(nextTabIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTabIndex('Home', 2, 3)).toBe(0);
    expect(nextTabIndex('End', 0, 3)).toBe(2);
    expect(nextTabIndex('a', 0, 3)).toBeNull();
  });

  it('keeps Tab inside a dialog', () => {
    document.body.innerHTML = '<button id="out"></button><div id="d"><button id="one"></button><button id="two"></button></div>';
    const d = document.querySelector<HTMLElement>('#d')!;
    const one = document.querySelector('#one');
    const two = document.querySelector('#two');
    expect(wrapTarget(d, two, false)).toBe(one);
    expect(wrapTarget(d, one, true)).toBe(two);
    expect(wrapTarget(d, one, false)).toBeNull();
    expect(wrapTarget(d, document.querySelector('#out'), false)).toBe(one);
  });
});
