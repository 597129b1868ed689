import { describe, expect, it } from 'vitest';
import { TemplateResolutionError } from './errors';
import { lateReferencesIn, lateValueToken, refuseLateValue, settleLateValues, unresolvedValue } from './late-values';

const ref = lateValueToken('Orders', 'Seed');
const greeting = lateValueToken('Orders', 'Seed', 'Greeting');

describe('late values', () => {
  it('finds the custom resource values a fragment waits for, inside joined strings too', () => {
    const fragment = { Name: `${ref}-table`, Tags: [{ Value: greeting }], Count: 3 };

    const refs = lateReferencesIn(fragment);

    expect(refs).toEqual([
      { token: ref, stackName: 'Orders', logicalId: 'Seed' },
      { token: greeting, stackName: 'Orders', logicalId: 'Seed', attribute: 'Greeting' },
    ]);
  });

  it('reads an attribute name with dots, as a Data key may have', () => {
    const [found] = lateReferencesIn(lateValueToken('Orders', 'Seed', 'Endpoint.Address'));

    expect(found).toMatchObject({ logicalId: 'Seed', attribute: 'Endpoint.Address' });
  });

  it('settles each placeholder with its value, leaving the rest of the fragment as it is', () => {
    const values = new Map([
      [ref, 'seed-1'],
      [greeting, 'hello'],
    ]);

    const settled = settleLateValues(
      { Name: `${ref}-table`, Say: [greeting], Count: 3 },
      (r) => values.get(r.token) ?? unresolvedValue(r),
    );

    expect(settled).toEqual({ Name: 'seed-1-table', Say: ['hello'], Count: 3 });
  });

  it('stands in for a value nothing settled as any value that cannot be known locally', () => {
    const settled = settleLateValues(greeting, unresolvedValue);

    expect(settled).toBe('unresolved:Seed.Greeting');
  });

  it('refuses to take a placeholder apart', () => {
    const split = () => refuseLateValue(`a/${greeting}`, 'Fn::Split');

    expect(split).toThrow(TemplateResolutionError);
    expect(split).toThrow(
      "Fn::Split of Fn::GetAtt Seed.Greeting in Orders: a custom resource's values are known only once it has run",
    );
  });
});
