import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { LocalCloudProcess } from './local-cloud-process';

/** @internal A password the pool's policy accepts: 12+ characters, upper, lower, digit and symbol. */
export const PASSWORD = 'Correct-Horse-9-Battery';

/** @internal Signs up, confirms with the emailed code (the local outbox) and signs in: the storefront's path. */
export async function signUpAndSignIn(
  cloud: LocalCloudProcess,
  cognito: CognitoIdentityProviderClient,
  user: { email: string; name: string; clientId: string },
): Promise<string> {
  const { email, name, clientId: ClientId } = user;
  const UserAttributes = [
    { Name: 'email', Value: email },
    { Name: 'name', Value: name },
  ];
  await cognito.send(new SignUpCommand({ ClientId, Username: email, Password: PASSWORD, UserAttributes }));
  const outbox = await fetch(`${cloud.url}/_local/cognito/messages?username=${encodeURIComponent(email)}`);
  const { messages } = (await outbox.json()) as { messages: { code?: string }[] };
  await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: messages.at(-1)?.code }));
  return signIn(cognito, ClientId, email);
}

/** @internal A user an administrator created (as the demo users are): no sign-up, so no post-confirmation. */
export async function adminCreatedUser(cognito: CognitoIdentityProviderClient, userPoolId: string, email: string) {
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: PASSWORD, Permanent: true }),
  );
}

/** @internal The ID token of a password sign-in (what the storefront sends). */
export async function signIn(cognito: CognitoIdentityProviderClient, clientId: string, email: string) {
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  );
  return AuthenticationResult?.IdToken ?? '';
}

/** @internal A claim of a JWT, read without verifying it (the API verifies it). */
export function claimOf(jwt: string, claim: 'sub' | 'exp'): string {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  return String(payload[claim]);
}

export type ObservedEvent = { 'detail-type': string; detail: { data: Record<string, unknown> } };

/** @internal Reads the events a rule copied to a queue, keeping every one it has seen. */
export class ObservedEvents {
  private readonly seen: ObservedEvent[] = [];

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  /**
   * Every event seen so far that matches, after polling (1 s long polls, `maxPolls` of them at most) until at
   * least `count` have arrived. Ask for one more than expected to check that no other one comes.
   */
  async matching(predicate: (event: ObservedEvent) => boolean, count = 1, maxPolls = 20): Promise<ObservedEvent[]> {
    for (let polls = 0; polls < maxPolls && this.seen.filter(predicate).length < count; polls++) await this.poll();
    return this.seen.filter(predicate);
  }

  private async poll(): Promise<void> {
    const { Messages = [] } = await this.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    for (const message of Messages) {
      this.seen.push(JSON.parse(message.Body ?? '{}') as ObservedEvent);
      await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

/** @internal Events about one user, of one type. */
export const about = (detailType: string, userId: string) => (event: ObservedEvent) =>
  event['detail-type'] === detailType && JSON.stringify(event.detail.data).includes(userId);
