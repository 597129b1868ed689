import { ParseError } from '@aws-lambda-powertools/parser';
import { z } from 'zod';
import { formatPath, type FieldError } from './errors';

/** A Standard Schema issue: zod 4 and Powertools' `parse()` without an envelope report these. */
type Issue = {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
};

/** @internal */
function toFieldError(issue: Issue): FieldError {
  const path = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
  return { path: formatPath(path), message: issue.message };
}

/** @internal */
function isIssueList(value: unknown): value is Issue[] {
  return Array.isArray(value) && value.every((item) => typeof item?.message === 'string');
}

/**
 * The invalid fields behind a validation failure, or `undefined` when `error` is not one.
 * Understands zod errors and Powertools `ParseError`s (with or without an envelope).
 *
 * @example
 * fieldErrorsOf(error); // [{ path: 'body.quantity', message: 'Too small: expected number to be >=1' }]
 */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (error instanceof z.ZodError) return error.issues.map(toFieldError);
  if (!(error instanceof ParseError)) return undefined;
  if (error.cause instanceof z.ZodError) return error.cause.issues.map(toFieldError);
  if (isIssueList(error.cause)) return error.cause.map(toFieldError);
  // A ParseError without issues (e.g. an async schema) still means the input was refused.
  return [{ path: '', message: error.message }];
}
