import type { Metadata } from 'next';
import { ConfirmForm } from '@/components/auth/confirm-form';
import { one } from '../../listing-params';

export const metadata: Metadata = { title: 'Confirm your email address' };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const email = one((await searchParams).email) ?? '';
  return (
    <div className="narrow">
      <h1>Confirm your email address</h1>
      <p>Enter the 6-digit code we sent{email ? ` to ${email}` : ''}.</p>
      <ConfirmForm email={email} />
    </div>
  );
}
