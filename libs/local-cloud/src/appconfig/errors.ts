import type { Json } from '../core/contracts';

/**
 * An AppConfig Data API call answered with an AWS error: `type` is the exception the SDKs raise,
 * `fields` the members it carries (`ResourceType`, `Reason`, `Details`) beside `Message`.
 *
 * @example
 * throw new AppConfigApiError('ResourceNotFoundException', 404, 'Application shop not found', { ResourceType: 'Application' });
 */
export class AppConfigApiError extends Error {
  override readonly name = 'AppConfigApiError';
  readonly code = 'APPCONFIG.API_ERROR';

  constructor(
    readonly type: string,
    readonly statusCode: number,
    message: string,
    readonly fields: Readonly<Record<string, Json>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** BadRequestException about one parameter, as AppConfig Data details it. */
export function badParameter(parameter: string, problem: 'Corrupted' | 'Expired' | 'PollIntervalNotSatisfied', message: string): AppConfigApiError {
  return new AppConfigApiError('BadRequestException', 400, message, { Reason: 'InvalidParameters', Details: { InvalidParameters: { [parameter]: { Problem: problem } } } });
}

/** A flag change the flag's definition refuses (an unknown flag, an attribute breaking its constraints). */
export class FlagChangeError extends Error {
  override readonly name = 'FlagChangeError';
  constructor(
    readonly code: 'APPCONFIG.FLAG_NOT_FOUND' | 'APPCONFIG.INVALID_FLAG_VALUE' | 'APPCONFIG.NOT_FEATURE_FLAGS',
    message: string,
  ) {
    super(message);
  }
}

/** A hosted feature-flags document that does not follow AppConfig's schema (version 1). */
export class InvalidFlagsDocumentError extends Error {
  override readonly name = 'InvalidFlagsDocumentError';
  readonly code = 'APPCONFIG.INVALID_FLAGS_DOCUMENT';
}

/** A resolved AWS::AppConfig::* resource that refers to something the template does not define. */
export class InvalidAppConfigResourceError extends Error {
  override readonly name = 'InvalidAppConfigResourceError';
  readonly code = 'APPCONFIG.INVALID_RESOURCE';
}
