import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../renderer/src/app/pageKey';
import { parseRoute } from '../../../renderer/src/core/router';

describe('pageKey', () => {
  it('ignores the query, so typing a filter does not move focus', () => {
    expect(pageKey(parseRoute('#/persons?q=a'))).toBe(pageKey(parseRoute('#/persons?q=ab')));
    expect(pageKey(parseRoute('#/audit?officer=x'))).toBe(pageKey(parseRoute('#/audit')));
  });
  it('tells pages apart by section, path and record', () => {
    expect(pageKey(parseRoute('#/complaints'))).not.toBe(pageKey(parseRoute('#/complaints/new')));
    expect(pageKey(parseRoute('#/persons/a'))).not.toBe(pageKey(parseRoute('#/persons/b')));
    expect(pageKey(parseRoute('#/settings'))).not.toBe(pageKey(parseRoute('#/')));
  });
});
