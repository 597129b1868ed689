import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ProfileForm } from '@/components/account/profile-form';
import { hasCode } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import type { Profile } from '@/lib/shop-api/types';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const { api, viewer } = await getSession();
  if (!viewer) redirect('/sign-in?next=/account');
  // A customer who never saved details has no profile yet: the form starts empty.
  const profile = await api.getMe().catch((error: unknown): Profile | undefined => {
    if (hasCode(error, 'USERS.NOT_FOUND')) return undefined;
    throw error;
  });
  return (
    <div className="narrow">
      <h1>Your account</h1>
      <p>Signed in as {viewer.email}.</p>
      <ProfileForm profile={profile} />
    </div>
  );
}
