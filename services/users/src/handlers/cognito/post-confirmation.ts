import middy from '@middy/core';
import { newCorrelationId, withCorrelation } from '@shop/events';
import { logger, observability } from '@shop/lambda-kit';
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import type { Caller } from '../../use-cases/ensure-profile';
import { announce, ensureProfile } from '../dependencies';

/** The identity Cognito confirmed, from the user's attributes (`sub`, `email`, and `name` when given). */
export function callerOfTrigger(event: PostConfirmationTriggerEvent): Caller {
  const { sub, email, name } = event.request.userAttributes;
  return { id: sub ?? event.userName, ...(email && { email }), ...(name && { name }) };
}

/**
 * Cognito waits for this trigger, so it does one write and one publish. Only a profile that could not be
 * written fails it (Cognito then reports the error to the user, who confirms again): once the profile exists,
 * a failed publish is logged and left for the next request that reads the profile (`announce`).
 */
async function confirmUser(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  const profile = await ensureProfile(callerOfTrigger(event));
  try {
    await announce(profile);
  } catch (error) {
    logger.warn('User.UserCreated not published yet; the next read of the profile publishes it', {
      userId: profile.id,
      error,
    });
  }
  logger.info('Profile ready', { userId: profile.id, trigger: event.triggerSource });
  return event;
}

const chain = middy<PostConfirmationTriggerEvent, PostConfirmationTriggerEvent>()
  .use(observability())
  .handler(confirmUser);

/** Cognito post-confirmation trigger: creates the profile and publishes User.UserCreated. */
export const handler = (event: PostConfirmationTriggerEvent, context: Context) =>
  // Nothing upstream carries a correlation id: the sign-up starts one, caused by this invocation.
  withCorrelation({ correlationId: newCorrelationId(), causationId: context.awsRequestId }, () =>
    chain(event, context),
  );
