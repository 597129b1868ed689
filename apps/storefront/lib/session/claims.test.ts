import { describe, expect, it } from 'vitest';
import { isAdmin, needsRefresh, readClaims } from './claims';

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('readClaims', () => {
  it('reads who is signed in and their groups from the ID token', () => {
    const claims = readClaims(jwt({ sub: 'u1', email: 'ana@example.com', exp: 2000, 'cognito:groups': ['admin'] }));

    expect(claims).toEqual({ viewer: { sub: 'u1', email: 'ana@example.com', groups: ['admin'] }, expiresAt: 2000 });
    expect(isAdmin(claims?.viewer)).toBe(true);
  });

  it('reads groups written as one space-separated string', () => {
    expect(readClaims(jwt({ sub: 'u1', exp: 1, 'cognito:groups': 'admin ops' }))?.viewer.groups).toEqual(['admin', 'ops']);
  });

  it('answers nothing for a token that is not a JWT', () => {
    expect(readClaims('garbage')).toBeUndefined();
    expect(readClaims(undefined)).toBeUndefined();
    expect(isAdmin(undefined)).toBe(false);
  });
});

describe('needsRefresh', () => {
  it('refreshes a token that expired or expires within the minute', () => {
    const claims = readClaims(jwt({ sub: 'u1', exp: 1000 }));

    expect(needsRefresh(claims, 900)).toBe(false);
    expect(needsRefresh(claims, 950)).toBe(true);
    expect(needsRefresh(undefined, 0)).toBe(true);
  });
});
