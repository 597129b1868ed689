/** A console request the console cannot answer: a bad parameter (400) or a service that is not running (503). */
export class ConsoleError extends Error {
  override readonly name = 'ConsoleError';
  constructor(
    readonly code: 'CONSOLE.BAD_REQUEST' | 'CONSOLE.NOT_FOUND' | 'CONSOLE.NOT_AVAILABLE',
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
