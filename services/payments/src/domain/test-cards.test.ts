import { describe, expect, it } from 'vitest';
import { cardProblems } from './card';
import { numberBehaviour, processorBehaviour, TEST_CARDS } from './test-cards';

const NOW = new Date('2026-05-01T10:00:00Z');
const aCard = (number: string) => ({
  number,
  expMonth: 12,
  expYear: 2030,
  cvc: number.startsWith('3') ? '1234' : '123',
});

describe('numberBehaviour', () => {
  it('uses only test cards that are themselves valid card numbers', () => {
    const problems = Object.values(TEST_CARDS).flatMap((number) => cardProblems(aCard(number)));

    expect(problems).toEqual([]);
  });

  it.each([TEST_CARDS.visa, TEST_CARDS.mastercard, TEST_CARDS.amex, '4111111111111111'])('approves %s', (number) => {
    expect(numberBehaviour(number)).toEqual({ kind: 'approve' });
  });

  it.each([
    [TEST_CARDS.declined, 'generic_decline'],
    [TEST_CARDS.insufficientFunds, 'insufficient_funds'],
  ])('declines %s with %s', (number, declineCode) => {
    expect(numberBehaviour(number)).toEqual({ kind: 'decline', declineCode });
  });

  it('fails transiently on 4000 0000 0000 0119, typed with spaces', () => {
    expect(numberBehaviour('4000 0000 0000 0119')).toEqual({ kind: 'fail-transiently' });
  });

  it('times out on 4000 0000 0000 0259', () => {
    expect(numberBehaviour(TEST_CARDS.timeout)).toEqual({ kind: 'time-out' });
  });
});

describe('processorBehaviour', () => {
  it('acts out what the number does while the card is in date', () => {
    const card = { expMonth: 12, expYear: 2030, behaviour: numberBehaviour(TEST_CARDS.insufficientFunds) };

    expect(processorBehaviour(card, NOW)).toEqual({ kind: 'decline', declineCode: 'insufficient_funds' });
  });

  it('declines an expired card as expired_card, whatever test card it is', () => {
    const expired = (number: string) => ({ expMonth: 12, expYear: 2025, behaviour: numberBehaviour(number) });

    expect(processorBehaviour(expired(TEST_CARDS.visa), NOW)).toEqual({
      kind: 'decline',
      declineCode: 'expired_card',
    });
    expect(processorBehaviour(expired(TEST_CARDS.timeout), NOW)).toEqual({
      kind: 'decline',
      declineCode: 'expired_card',
    });
  });
});
