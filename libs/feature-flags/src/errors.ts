/** AppConfig Data could not be read (unreachable, refused, or an answer that is not JSON). */
export class FlagsReadError extends Error {
  override readonly name = 'FlagsReadError';
  readonly code = 'FLAGS.READ_FAILED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
