import { randomInt } from 'node:crypto';
import type { Logger } from '../../core/contracts';
import { CognitoApiError } from '../errors';

export type MessageKind = 'SIGN_UP_CODE' | 'FORGOT_PASSWORD_CODE' | 'TEMPORARY_PASSWORD';

/** A message Cognito would have emailed or texted; locally it is logged and kept for tests and the console. */
export interface DeliveredMessage {
  readonly userPoolId: string;
  readonly username: string;
  readonly kind: MessageKind;
  readonly deliveryMedium: 'EMAIL' | 'SMS';
  readonly destination: string;
  readonly code?: string;
  readonly temporaryPassword?: string;
  readonly sentAt: string;
}

type CodePurpose = 'SIGN_UP' | 'FORGOT_PASSWORD';

/** Sign-up codes last a day, password-reset codes an hour. */
const CODE_VALIDITY_MS: Readonly<Record<CodePurpose, number>> = { SIGN_UP: 86_400_000, FORGOT_PASSWORD: 3_600_000 };

/**
 * What would have reached users' inboxes: verification codes and temporary passwords. Each message is logged
 * (`cognito message` with the code) and listed by `/_local/cognito/messages`, so a person or a test can
 * confirm a sign-up without a mailbox.
 *
 * @example
 * const code = outbox.issueCode({ userPoolId, username, purpose: 'SIGN_UP', deliveryMedium: 'EMAIL', destination: 'ana@example.com' });
 * outbox.checkCode(userPoolId, username, 'SIGN_UP', code); // passes
 */
export class Outbox {
  private readonly messages: DeliveredMessage[] = [];
  private readonly codes = new Map<string, { code: string; expiresAt: number }>();

  constructor(private readonly logger: Logger) {}

  issueCode(input: { userPoolId: string; username: string; purpose: CodePurpose; deliveryMedium: 'EMAIL' | 'SMS'; destination: string }): string {
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    this.codes.set(codeKey(input.userPoolId, input.username, input.purpose), { code, expiresAt: Date.now() + CODE_VALIDITY_MS[input.purpose] });
    const kind = input.purpose === 'SIGN_UP' ? 'SIGN_UP_CODE' : 'FORGOT_PASSWORD_CODE';
    this.deliver({ userPoolId: input.userPoolId, username: input.username, kind, deliveryMedium: input.deliveryMedium, destination: input.destination, code });
    return code;
  }

  /** Passes for the pending code (and consumes it), else CodeMismatchException or ExpiredCodeException. */
  checkCode(userPoolId: string, username: string, purpose: CodePurpose, code: string): void {
    const key = codeKey(userPoolId, username, purpose);
    const pending = this.codes.get(key);
    if (!pending || pending.code !== code) throw new CognitoApiError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    if (pending.expiresAt < Date.now()) throw new CognitoApiError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
    this.codes.delete(key);
  }

  deliver(message: Omit<DeliveredMessage, 'sentAt'>): void {
    const delivered = { ...message, sentAt: new Date().toISOString() };
    this.messages.push(delivered);
    this.logger.info('cognito message', { ...delivered });
  }

  /** Delivered messages, oldest first, optionally of one pool and of one user (by username or address). */
  list(filter: { userPoolId?: string; username?: string } = {}): DeliveredMessage[] {
    const { userPoolId, username } = filter;
    return this.messages.filter((m) => (!userPoolId || m.userPoolId === userPoolId) && (!username || m.username === username || m.destination === username));
  }
}

function codeKey(userPoolId: string, username: string, purpose: CodePurpose): string {
  return `${userPoolId}\n${username}\n${purpose}`;
}
