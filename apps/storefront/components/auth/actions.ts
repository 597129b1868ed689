'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { COOKIES } from '@/lib/constants';
import { messageFor } from '@/lib/messages';
import { clearTokens, storeTokens } from '@/lib/session/cookies';
import { ShopApiError } from '@/lib/shop-api/errors';
import { apiFor, getSession } from '@/lib/shop-api/server';
import { refused, safeNext, type ActionState } from '../forms/action-state';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function refusal(error: unknown): ActionState {
  if (!(error instanceof ShopApiError)) throw error;
  // Cognito's password-policy wording says what is missing; the others are mapped to our words.
  const message = error.code === 'AUTH.INVALID_PASSWORD' ? error.message : messageFor(error.code);
  return refused(error.code, message);
}

export async function signIn(_previous: ActionState, form: FormData): Promise<ActionState> {
  const email = text(form, 'email');
  const password = String(form.get('password') ?? '');
  if (!email || !password) return refused('FORM.INCOMPLETE', 'Enter your email address and password.');
  const { api, guestCartId } = await getSession();
  try {
    const tokens = await api.signIn(email, password);
    const jar = await cookies();
    storeTokens(jar, tokens, getConfig().secureCookies);
    if (guestCartId) {
      await apiFor(tokens.idToken).mergeGuestCart(guestCartId).catch((error: unknown) => console.warn('guest cart not merged', error));
      jar.delete(COOKIES.guestCart);
    }
  } catch (error) {
    if (error instanceof ShopApiError && error.code === 'AUTH.NOT_CONFIRMED') redirect(`/sign-up/confirm?email=${encodeURIComponent(email)}`);
    return refusal(error);
  }
  redirect(safeNext(form.get('next')));
}

export async function signUp(_previous: ActionState, form: FormData): Promise<ActionState> {
  const email = text(form, 'email');
  const password = String(form.get('password') ?? '');
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) return refused('FORM.INVALID', 'Enter a valid email address.', { email: 'Enter a valid email address' });
  if (password.length < 8) return refused('FORM.INVALID', 'Choose a password of at least 8 characters.', { password: 'At least 8 characters' });
  let confirmed: boolean;
  try {
    ({ confirmed } = await (await getSession()).api.signUp(email, password));
  } catch (error) {
    return refusal(error);
  }
  redirect(confirmed ? '/sign-in?registered=1' : `/sign-up/confirm?email=${encodeURIComponent(email)}`);
}

export async function confirmSignUp(_previous: ActionState, form: FormData): Promise<ActionState> {
  const email = text(form, 'email');
  const code = text(form, 'code');
  const { api } = await getSession();
  try {
    if (form.get('intent') === 'resend') {
      await api.resendCode(email);
      return { ok: true, message: `We sent a new code to ${email}.` };
    }
    if (!/^\d{6}$/.test(code)) return refused('FORM.INVALID', 'Enter the 6-digit code from the email.', { code: 'Six digits' });
    await api.confirmSignUp(email, code);
  } catch (error) {
    return refusal(error);
  }
  redirect(`/sign-in?confirmed=1&email=${encodeURIComponent(email)}`);
}

export async function signOut(): Promise<void> {
  const jar = await cookies();
  const refreshToken = jar.get(COOKIES.refreshToken)?.value;
  if (refreshToken) await (await getSession()).api.signOut(refreshToken).catch((error: unknown) => console.warn('refresh token not revoked', error));
  clearTokens(jar);
  redirect('/');
}
