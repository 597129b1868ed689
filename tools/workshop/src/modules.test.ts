import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModule, isWritten, moduleDir, UnknownModuleError, workshopModules } from './modules';

describe('workshopModules', () => {
  it('lists the six modules in order, each with its doc in docs/workshop and a time of 30 to 60 minutes', () => {
    expect(workshopModules.map((m) => m.id)).toEqual([
      '01-mindset',
      '02-event-state',
      '03-service-full',
      '04-functions',
      '05-configuration',
      '06-production',
    ]);
    for (const m of workshopModules) {
      expect(m.doc).toBe(`docs/workshop/${m.id}.md`);
      expect(m.minutes).toBeGreaterThanOrEqual(30);
      expect(m.minutes).toBeLessThanOrEqual(60);
    }
  });
});

describe('findModule', () => {
  it('finds a module by its id or by its number alone', () => {
    expect(findModule('02-event-state').id).toBe('02-event-state');
    expect(findModule('2').id).toBe('02-event-state');
    expect(findModule('06').id).toBe('06-production');
  });

  it('names the modules there are when asked for one that is not', () => {
    expect(() => findModule('07')).toThrow(UnknownModuleError);
    expect(() => findModule('loyalty')).toThrow(/01-mindset, 02-event-state/);
  });
});

describe('isWritten', () => {
  it('counts a module as written once its folder exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'workshop-modules-'));
    mkdirSync(join(root, moduleDir('01-mindset')), { recursive: true });

    expect(isWritten(root, '01-mindset')).toBe(true);
    expect(isWritten(root, '02-event-state')).toBe(false);
  });
});
