import { describe, expect, it } from 'vitest';
import { anAuthorizedHttpEvent } from '../../test-support/handler-env';
import { assertAdmin, groupsOf } from './admin-auth';

describe('groupsOf', () => {
  it.each([
    ['[admin]', ['admin']],
    ['[admin customers]', ['admin', 'customers']],
    ['admin', ['admin']],
    ['["admin","ops"]', ['admin', 'ops']],
    [
      ['admin', 'ops'],
      ['admin', 'ops'],
    ],
    [undefined, []],
    ['[]', []],
  ])('reads %j as %j', (claim, groups) => {
    expect(groupsOf(claim)).toEqual(groups);
  });

  it('does not take a group that merely contains "admin"', () => {
    expect(groupsOf('[administrators]')).not.toContain('admin');
  });
});

describe('assertAdmin', () => {
  it('refuses a caller without claims as unauthenticated', () => {
    expect(() => assertAdmin(anAuthorizedHttpEvent({}))).toThrow(
      expect.objectContaining({ code: 'PRODUCTS.UNAUTHENTICATED' }),
    );
  });

  it('refuses a caller outside the admin group as forbidden', () => {
    const event = anAuthorizedHttpEvent({}, { sub: 'u1', 'cognito:groups': '[customers]' });

    expect(() => assertAdmin(event)).toThrow(expect.objectContaining({ code: 'PRODUCTS.FORBIDDEN' }));
  });

  it('lets an admin through', () => {
    expect(() => assertAdmin(anAuthorizedHttpEvent({}, { sub: 'u1', 'cognito:groups': 'admin' }))).not.toThrow();
  });
});
