import { THEMES, type Settings } from '../../shared/api';
import { changeTextSize, TEXT_SIZES, updateSettings, useSettings } from '../state/settings';

const THEME_LABELS: Record<Settings['theme'], string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

/** Theme switch and text size, always at hand in the sidebar. */
export function ReadingControls({ idPrefix = 'sidebar' }: { idPrefix?: string }) {
  const theme = useSettings((s) => s.settings.theme);
  const size = useSettings((s) => s.settings.textSize);
  return (
    <div className="reading-controls">
      <fieldset className="segmented">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t} className={theme === t ? 'is-selected' : undefined}>
            <input
              type="radio"
              name={`${idPrefix}-theme`}
              value={t}
              checked={theme === t}
              onChange={() => void updateSettings({ theme: t })}
            />
            {THEME_LABELS[t]}
          </label>
        ))}
      </fieldset>
      <div className="text-size" role="group" aria-label="Text size">
        <span className="text-size-label" aria-hidden="true">
          Text
        </span>
        <button
          type="button"
          onClick={() => changeTextSize(-TEXT_SIZES.step)}
          disabled={size <= TEXT_SIZES.min}
          aria-label="Smaller text"
        >
          A−
        </button>
        <output aria-live="polite" aria-label="Text size in pixels">
          {size}
        </output>
        <button
          type="button"
          onClick={() => changeTextSize(TEXT_SIZES.step)}
          disabled={size >= TEXT_SIZES.max}
          aria-label="Larger text"
        >
          A+
        </button>
      </div>
    </div>
  );
}
