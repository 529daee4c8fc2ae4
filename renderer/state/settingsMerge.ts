// How an optimistic settings change meets the core's answer. Changes overlap: a reader
// who presses "Larger text" twice has two saves in flight, and the first answer must not
// pull the text back to the size between.
import type { Settings } from '../../shared/api';

/** What to show once the core saved `patch` and answered `saved`, given what is shown now. */
export function afterSave(shown: Settings, saved: Settings, patch: Partial<Settings>): Settings {
  const out = { ...saved };
  for (const key of Object.keys(shown) as (keyof Settings)[]) {
    if (shown[key] !== saved[key] && !sentThis(patch, key, shown[key])) Object.assign(out, { [key]: shown[key] });
  }
  return out;
}

/** What to show once saving `patch` failed: undo it, except where a later change replaced it. */
export function afterFailedSave(shown: Settings, before: Settings, patch: Partial<Settings>): Settings {
  const out = { ...shown };
  for (const key of Object.keys(patch) as (keyof Settings)[]) {
    if (sentThis(patch, key, shown[key])) Object.assign(out, { [key]: before[key] });
  }
  return out;
}

/** Whether the value shown for `key` is the one `patch` sent (no later change since). */
function sentThis(patch: Partial<Settings>, key: keyof Settings, value: unknown): boolean {
  return key in patch && patch[key] === value;
}
