import { describe, expect, it } from 'vitest';
import { anInvoiceRequest } from '../../test-support/handler-env';
import { callerOf, groupsOf } from './caller';

describe('groupsOf', () => {
  it('reads the groups however the HTTP API passes the claim', () => {
    expect(groupsOf('[admin ops]')).toEqual(['admin', 'ops']);
    expect(groupsOf('admin')).toEqual(['admin']);
    expect(groupsOf(['admin', 'ops'])).toEqual(['admin', 'ops']);
    expect(groupsOf(undefined)).toEqual([]);
  });
});

describe('callerOf', () => {
  it('takes the customer from `sub` and admin from the admin group', () => {
    expect(callerOf(anInvoiceRequest('o', { sub: 'cust-1', 'cognito:groups': '[admin]' }))).toEqual({
      customerId: 'cust-1',
      isAdmin: true,
    });
  });

  it('makes a caller without claims nobody: no customer id, not an admin', () => {
    expect(callerOf(anInvoiceRequest('o'))).toEqual({ customerId: '', isAdmin: false });
  });

  it('does not take a group name that merely contains "admin"', () => {
    expect(callerOf(anInvoiceRequest('o', { sub: 'x', 'cognito:groups': '[admins]' })).isAdmin).toBe(false);
  });
});
