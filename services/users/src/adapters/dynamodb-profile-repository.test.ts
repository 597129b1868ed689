import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProfileConflictError } from '../domain/errors';
import { changeProfile } from '../domain/profile';
import { LATER, aProfile, anAddress } from '../domain/test-data';
import { createUsersTable, startLocalDynamoDB, type LocalDynamoDB } from '../test-support/local-dynamodb';
import { DynamoProfileRepository } from './dynamodb-profile-repository';

let dynamodb: LocalDynamoDB;
let profiles: DynamoProfileRepository;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
});

afterAll(() => dynamodb.stop());

beforeEach(async () => {
  profiles = new DynamoProfileRepository({ doc: dynamodb.doc, tableName: await createUsersTable(dynamodb.client) });
});

describe('DynamoProfileRepository', () => {
  it('creates a profile and reads it back as it was', async () => {
    const profile = aProfile({ shippingAddress: anAddress() });

    const created = await profiles.create(profile);

    expect(created).toBe(true);
    expect(await profiles.get(profile.id)).toEqual(profile);
  });

  it('leaves an existing profile alone when created again', async () => {
    await profiles.create(aProfile({ name: 'First' }));

    const created = await profiles.create(aProfile({ name: 'Second' }));

    expect(created).toBe(false);
    expect((await profiles.get(aProfile().id))?.name).toBe('First');
  });

  it('saves a change over the revision it was made from, removing a dropped address', async () => {
    const profile = aProfile({ billingAddress: anAddress() });
    await profiles.create(profile);
    const changed = changeProfile(profile, { name: 'Ada King', marketingConsent: true }, LATER);

    await profiles.save(changed, profile.revision);

    expect(await profiles.get(profile.id)).toEqual(changed);
  });

  it('refuses a change made from an older revision', async () => {
    const profile = aProfile({ revision: 3 });
    await profiles.create(profile);
    const stale = changeProfile(aProfile({ revision: 2 }), { name: 'Stale', marketingConsent: false }, LATER);

    await expect(profiles.save(stale, 2)).rejects.toThrow(ProfileConflictError);
    expect((await profiles.get(profile.id))?.revision).toBe(3);
  });

  it('keeps the announced revision when saving a change', async () => {
    const profile = aProfile({ revision: 1, announcedRevision: 0 });
    await profiles.create(profile);
    await profiles.markAnnounced(profile.id, 1);

    await profiles.save(changeProfile(profile, { name: 'Ada', marketingConsent: false }, LATER), 1);

    expect((await profiles.get(profile.id))?.announcedRevision).toBe(1);
  });

  it('never moves the announced revision back, and ignores a deleted profile', async () => {
    const profile = aProfile({ revision: 3, announcedRevision: 3 });
    await profiles.create(profile);

    await profiles.markAnnounced(profile.id, 2);
    await profiles.markAnnounced('someone-deleted', 1);

    expect((await profiles.get(profile.id))?.announcedRevision).toBe(3);
    expect(await profiles.get('someone-deleted')).toBeUndefined();
  });

  it('deletes a profile, and a missing one without complaint', async () => {
    await profiles.create(aProfile());

    await profiles.delete(aProfile().id);
    await profiles.delete(aProfile().id);

    expect(await profiles.get(aProfile().id)).toBeUndefined();
  });
});
