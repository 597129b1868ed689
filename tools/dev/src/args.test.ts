import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseCommand, UsageError } from './args';

describe('parseCommand', () => {
  it('starts everything with next dev on port 3000 when given nothing', () => {
    const command = parseCommand([]);

    expect(command).toEqual({
      command: 'start',
      options: { storefront: true, prod: false, port: DEFAULT_PORT, cloudPort: 0 },
    });
  });

  it('reads the start options', () => {
    const command = parseCommand(['start', '--prod', '--port', '3100', '--cloud-port', '4566', '--assembly', 'cdk.out']);

    expect(command).toEqual({
      command: 'start',
      options: { storefront: true, prod: true, port: 3100, cloudPort: 4566, assembly: 'cdk.out' },
    });
  });

  it('leaves the storefront out with --no-storefront', () => {
    const command = parseCommand(['start', '--no-storefront']);

    expect(command).toMatchObject({ command: 'start', options: { storefront: false } });
  });

  it('recognizes env and help', () => {
    expect(parseCommand(['env'])).toEqual({ command: 'env' });
    expect(parseCommand(['--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['help'])).toEqual({ command: 'help' });
  });

  it('refuses an unknown command, an unknown option and a port that is not one', () => {
    expect(() => parseCommand(['deploy'])).toThrow(new UsageError('Unknown command: deploy'));
    expect(() => parseCommand(['start', '--fast'])).toThrow(UsageError);
    expect(() => parseCommand(['start', '--port', 'http'])).toThrow(
      new UsageError('--port takes a port number (0-65535), not "http"'),
    );
    expect(() => parseCommand(['start', '--port', '70000'])).toThrow(UsageError);
    expect(() => parseCommand(['env', 'extra'])).toThrow(new UsageError('Unexpected argument: extra'));
  });
});
