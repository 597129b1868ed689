import type { Ports } from './contracts';

/** A port was called but no registered service provides it. */
export class PortNotProvidedError extends Error {
  override readonly name = 'PortNotProvidedError';
  readonly code = 'CORE.PORT_NOT_PROVIDED';
  constructor(port: keyof Ports) {
    super(`No running service provides the '${port}' port: register the plug-in that emulates it`);
  }
}

/**
 * Ports bound late: every service gets the same `ports` object before the others have started, and each
 * call goes to whichever service has since provided that port. Services thus start in any order.
 *
 * @example
 * const { ports, provide } = makeLatePorts();
 * provide({ lambda: lambdaService });
 * await ports.lambda.invoke(arn, {});
 */
export function makeLatePorts(): { ports: Ports; provide(partial: Partial<Ports>): void } {
  const bound: Partial<Ports> = {};
  const need = <K extends keyof Ports>(key: K): Ports[K] => {
    const port = bound[key];
    if (!port) throw new PortNotProvidedError(key);
    return port;
  };
  const ports: Ports = {
    lambda: {
      invoke: (arn, payload) => need('lambda').invoke(arn, payload),
      invokeAsync: (arn, payload) => need('lambda').invokeAsync(arn, payload),
    },
    sqs: { sendMessage: (arn, body, options) => need('sqs').sendMessage(arn, body, options) },
    stepFunctions: { startExecution: (arn, input, name) => need('stepFunctions').startExecution(arn, input, name) },
    events: { putEvents: (arn, entries) => need('events').putEvents(arn, entries) },
    secretsManager: { getSecretString: async (secretId, version) => need('secretsManager').getSecretString(secretId, version) },
    ssm: { getParameter: async (name, version) => need('ssm').getParameter(name, version) },
  };
  return {
    ports,
    provide(partial) {
      for (const key of Object.keys(partial) as (keyof Ports)[]) {
        if (bound[key]) throw new Error(`Two services provide the '${key}' port`);
      }
      Object.assign(bound, partial);
    },
  };
}
