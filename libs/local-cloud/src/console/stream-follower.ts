import type { Json, Logger } from '../core/contracts';

export type FeedStatus = { readonly state: 'connecting' | 'connected' } | { readonly state: 'unavailable'; readonly reason: string };

/**
 * Follows one server-sent event stream of the local cloud (`GET /_local/eventbridge`, `/_local/lambda-activity`,
 * `/_local/apigateway-activity`) over HTTP, as any client would, and hands each message's JSON `data` on.
 * Reconnects while running, so it copes with a plug-in that starts after it, and keeps a status a page can show.
 *
 * @example
 * const follower = new StreamFollower(`${url}/_local/lambda-activity`, 'Lambda activity', logger, (message) => entries.push(message));
 * follower.start();
 * follower.status; // { state: 'connected' }
 */
export class StreamFollower {
  private readonly abort = new AbortController();
  status: FeedStatus = { state: 'connecting' };

  constructor(
    private readonly url: string,
    private readonly label: string,
    private readonly logger: Logger,
    private readonly onMessage: (message: Record<string, Json>) => void,
    private readonly retryMs = 1_000,
  ) {}

  start(): void {
    void this.follow();
  }

  stop(): void {
    this.abort.abort();
  }

  private async follow(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.readStream();
      } catch (err) {
        if (this.abort.signal.aborted) return;
        this.status = { state: 'unavailable', reason: `${this.label}: ${(err as Error).message}` };
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  private async readStream(): Promise<void> {
    const response = await fetch(this.url, { signal: this.abort.signal, headers: { accept: 'text/event-stream' } });
    if (!response.ok || !response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      const path = new URL(this.url).pathname;
      throw new Error(`GET ${path} answered ${response.status}: is the service that serves it running?`);
    }
    this.status = { state: 'connected' };
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      messages.forEach((message) => this.receive(message));
    }
    throw new Error('the stream ended');
  }

  private receive(message: string): void {
    const data = message
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (!data) return;
    try {
      this.onMessage(JSON.parse(data) as Record<string, Json>);
    } catch (err) {
      this.logger.warn('console: unreadable activity message', { stream: this.label, err });
    }
  }
}
