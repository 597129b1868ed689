/** One line a function wrote, or a START/END/REPORT line Lambda adds. */
export interface LogLine {
  readonly time: string;
  readonly requestId: string | undefined;
  readonly message: string;
}

/**
 * The logs of every function, kept in memory like a CloudWatch log group per function
 * (`/aws/lambda/<name>`), bounded so a chatty function cannot exhaust memory.
 *
 * @example
 * store.append('f', 'req-1', 'hello');
 * store.lines('f').map((l) => l.message); // ['hello']
 */
export class LogStore {
  private readonly byFunction = new Map<string, LogLine[]>();

  constructor(private readonly maxLinesPerFunction = 10_000) {}

  append(functionName: string, requestId: string | undefined, message: string): LogLine {
    const lines = this.byFunction.get(functionName) ?? [];
    const line = { time: new Date().toISOString(), requestId, message };
    lines.push(line);
    if (lines.length > this.maxLinesPerFunction) lines.splice(0, lines.length - this.maxLinesPerFunction);
    this.byFunction.set(functionName, lines);
    return line;
  }

  lines(functionName: string): readonly LogLine[] {
    return this.byFunction.get(functionName) ?? [];
  }

  /** The lines of one invocation, START to REPORT. */
  invocation(functionName: string, requestId: string): readonly LogLine[] {
    return this.lines(functionName).filter((line) => line.requestId === requestId);
  }
}
