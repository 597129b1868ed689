import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './git';
import { isWritten, workshopModules } from './modules';
import { formatVerification, verifyModule } from './verify';

const root = repositoryRoot();
const written = workshopModules.filter((m) => isWritten(root, m.id));

// A limit, not an expectation: on a busy two-core machine a module's two check runs take minutes.
const VERIFY_TIMEOUT_MS = 15 * 60_000;

describe('every written module, in a clean copy of the committed tree', () => {
  it.each(written.map((m) => m.id))(
    '%s: its checks fail before the solution and pass with it',
    async (id) => {
      const verification = await verifyModule(root, id);

      console.log(formatVerification(verification));
      expect(verification.ok, formatVerification(verification)).toBe(true);
    },
    VERIFY_TIMEOUT_MS,
  );
});
