import { created, json, logger, ok, type HttpResponse } from '@shop/lambda-kit';
import { amountsOf, type Authorization } from '../domain/authorization';
import type { CardToken } from '../domain/card-token';
import type { AuthorizePaymentResult } from '../use-cases/authorize-payment';

/** An authorization as the API shows it. */
export function authorizationBody(authorization: Authorization) {
  const { id, status, amount, reference, card, createdAt, updatedAt } = authorization;
  return {
    id,
    status,
    amount,
    ...amountsOf(authorization),
    cardBrand: card.brand,
    last4: card.last4,
    reference,
    createdAt,
    updatedAt,
  };
}

/** 201 with the authorization, or 402 with the decline code. Logs the outcome with brand and last4 only. */
export function authorizeResponse(result: AuthorizePaymentResult): HttpResponse {
  if (result.outcome === 'DECLINED') {
    logger.info('Payment declined', {
      declineCode: result.declineCode,
      cardBrand: result.card.brand,
      last4: result.card.last4,
    });
    const body = { code: 'PAYMENT.CARD_DECLINED', message: 'The card was declined', declineCode: result.declineCode };
    return json(402, body);
  }
  const { authorization } = result;
  logger.info('Payment authorized', {
    authorizationId: authorization.id,
    reference: authorization.reference,
    amount: authorization.amount,
    cardBrand: authorization.card.brand,
    last4: authorization.card.last4,
  });
  return created(authorizationBody(authorization), { location: `/v1/authorizations/${authorization.id}` });
}

/** 200 with the authorization after a change, logged by what changed. */
export function changedResponse(
  action: 'captured' | 'voided' | 'refunded',
  authorization: Authorization,
): HttpResponse {
  const { id, status, capturedAmount, refundedAmount } = authorization;
  logger.info(`Payment ${action}`, { authorizationId: id, status, capturedAmount, refundedAmount });
  return ok(authorizationBody(authorization));
}

/** A token as `POST /v1/tokens` shows it: what the card looks like, never what it does or its number. */
export function tokenBody(token: CardToken) {
  const { id, card, createdAt } = token;
  return { id, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, createdAt };
}

/** 201 with the new token (+ `location`), logged with brand and last four digits only. */
export function tokenizedResponse(token: CardToken): HttpResponse {
  logger.info('Card tokenized', { tokenId: token.id, cardBrand: token.card.brand, last4: token.card.last4 });
  return created(tokenBody(token), { location: `/v1/tokens/${token.id}` });
}

/** A token as `GET /v1/tokens/{id}` shows it: also whether an authorization has used it. */
export function tokenStatusBody(token: CardToken) {
  return { ...tokenBody(token), used: token.usedAt !== undefined };
}
