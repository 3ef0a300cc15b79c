import { describe, expect, it } from 'vitest';
import { conductingOfficers } from '@shared/hearings/minutes';
import type { Role } from '@shared/officers';

const officer = (fullName: string, roles: Role[], active = true) => ({ fullName, roles, active });

describe('who may conduct a hearing (issue 16 point 4, S004:44)', () => {
  it('offers active registrars, reviewers and heads by name, not an administrator-only or inactive account', () => {
    const all = [
      officer('Сейтқали Ерлан', ['administrator']),
      officer('Омарова Жанар', ['administrator', 'head']),
      officer('Бекұлы Асқар', ['registrar']),
      officer('Әлиева Дина', ['reviewer'], false),
      officer('Ахметова Гүл', ['reviewer']),
    ];
    expect(conductingOfficers(all).map((o) => o.fullName)).toEqual(['Ахметова Гүл', 'Бекұлы Асқар', 'Омарова Жанар']);
  });

  it('offers no one when only administrators have accounts', () => {
    expect(conductingOfficers([officer('Сейтқали Ерлан', ['administrator'])])).toEqual([]);
  });
});
