import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeNext } from '@/components/forms/action-state';
import { one } from '../listing-params';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(one(params.next));
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {one(params.confirmed) && <p role="status" className="notice success">Your email address is confirmed. Sign in to continue.</p>}
      {one(params.registered) && <p role="status" className="notice success">Your account is ready. Sign in to continue.</p>}
      <SignInForm next={next} email={one(params.email)} />
      <p>
        New here? <Link href="/sign-up">Create an account</Link>
      </p>
    </div>
  );
}
