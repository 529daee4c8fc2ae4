import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/api';
import { afterFailedSave, afterSave } from '../../../renderer/state/settingsMerge';

const at = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('settings changes that overlap', () => {
  it('keeps the second "Larger text" when the first save answers after it', () => {
    // 16 → 18 (first save in flight) → 20 (second save in flight); the first answers.
    const shown = afterSave(at({ textSize: 20 }), at({ textSize: 18 }), { textSize: 18 });
    expect(shown.textSize).toBe(20);
    // Then the second answers.
    expect(afterSave(shown, at({ textSize: 20 }), { textSize: 20 }).textSize).toBe(20);
  });

  it('keeps a change to another setting that is still being saved', () => {
    const shown = afterSave(at({ textSize: 18, theme: 'dark' }), at({ textSize: 18 }), { textSize: 18 });
    expect(shown).toMatchObject({ textSize: 18, theme: 'dark' });
  });

  it('takes the value the core stored when it differs from what was sent', () => {
    expect(afterSave(at({ textSize: 40 }), at({ textSize: 28 }), { textSize: 40 }).textSize).toBe(28);
  });

  it('undoes a failed save, but not a later change to the same setting', () => {
    const before = at({ textSize: 16 });
    expect(afterFailedSave(at({ textSize: 18 }), before, { textSize: 18 }).textSize).toBe(16);
    expect(afterFailedSave(at({ textSize: 20 }), before, { textSize: 18 }).textSize).toBe(20);
    expect(afterFailedSave(at({ textSize: 18, theme: 'dark' }), before, { theme: 'dark' })).toMatchObject({
      textSize: 18,
      theme: DEFAULT_SETTINGS.theme,
    });
  });
});
