import { describe, expect, it } from 'vitest';
import { bumpVersion, compareVersions, createEnvelope, mergeVersions, touchEnvelope } from '@shared/records/envelope';

const A = 'office-a';
const B = 'office-b';

describe('version vectors', () => {
  it('orders copies where one has seen all changes of the other', () => {
    expect(compareVersions({ [A]: 2 }, { [A]: 1 })).toBe('newer');
    expect(compareVersions({ [A]: 1 }, { [A]: 2 })).toBe('older');
    expect(compareVersions({ [A]: 2, [B]: 1 }, { [A]: 2, [B]: 1 })).toBe('equal');
    expect(compareVersions({ [A]: 2, [B]: 1 }, { [A]: 2 })).toBe('newer');
  });

  it('detects edits made in two offices since they diverged', () => {
    const shared = { [A]: 3 };
    const editedInA = bumpVersion(shared, A);
    const editedInB = bumpVersion(shared, B);
    expect(compareVersions(editedInA, editedInB)).toBe('concurrent');
    expect(compareVersions(editedInB, editedInA)).toBe('concurrent');
  });

  it('a merged version dominates both sides', () => {
    const a = { [A]: 4, [B]: 1 };
    const b = { [A]: 3, [B]: 2 };
    const merged = bumpVersion(mergeVersions(a, b), A);
    expect(merged).toEqual({ [A]: 5, [B]: 2 });
    expect(compareVersions(merged, a)).toBe('newer');
    expect(compareVersions(merged, b)).toBe('newer');
  });
});

describe('envelope', () => {
  it('creates version 1 in the creating office and bumps on change', () => {
    const e = createEnvelope('id-1', { officerName: 'Ә. Сейтқали', officeId: A }, '2026-01-05T10:00:00.000Z');
    expect(e.version).toEqual({ [A]: 1 });
    expect(e.originOffice).toBe(A);
    const changed = touchEnvelope(e, { officerName: 'Б. Ким', officeId: B }, '2026-01-06T10:00:00.000Z');
    expect(changed.id).toBe('id-1');
    expect(changed.createdBy).toBe('Ә. Сейтқали');
    expect(changed.updatedBy).toBe('Б. Ким');
    expect(changed.updatedInOffice).toBe(B);
    expect(changed.version).toEqual({ [A]: 1, [B]: 1 });
    expect(e.version).toEqual({ [A]: 1 });
  });
});
