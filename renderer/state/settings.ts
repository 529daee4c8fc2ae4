// The settings slice: theme, text size, home time zone and where the reader was. Shown
// at once from local defaults, then replaced by what the core stored; every change is
// applied optimistically and persisted through updateSettings.
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/api';
import { systemTimeZone } from '../../shared/time';
import { api } from '../api';
import { afterFailedSave, afterSave } from './settingsMerge';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  /** The OS preference, for theme "system". */
  osDark: boolean;
}

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

export const useSettings = create<SettingsState>(() => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  osDark: darkQuery.matches,
}));

export const TEXT_SIZES = { min: 12, max: 28, step: 2 } as const;

export async function loadSettings(): Promise<Settings> {
  try {
    const settings = await api.getSettings({});
    useSettings.setState({ settings, loaded: true });
    return settings;
  } catch {
    useSettings.setState({ loaded: true });
    return useSettings.getState().settings;
  }
}

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const before = useSettings.getState().settings;
  useSettings.setState({ settings: { ...before, ...patch } });
  try {
    const saved = await api.updateSettings(patch);
    useSettings.setState((s) => ({ settings: afterSave(s.settings, saved, patch) }));
  } catch {
    useSettings.setState((s) => ({ settings: afterFailedSave(s.settings, before, patch) }));
  }
}

export function changeTextSize(delta: number): void {
  const size = useSettings.getState().settings.textSize;
  const next = Math.min(TEXT_SIZES.max, Math.max(TEXT_SIZES.min, size + delta));
  if (next !== size) void updateSettings({ textSize: next });
}

export const resolvedTheme = (s: SettingsState): 'light' | 'dark' =>
  s.settings.theme === 'system' ? (s.osDark ? 'dark' : 'light') : s.settings.theme;

export const homeZone = (s: SettingsState): string => s.settings.homeTimeZone ?? systemTimeZone();

/** Keep <html> in step with the theme and text size (CSSOM only; the CSP forbids inline styles). */
export function initSettingsEffects(): void {
  const apply = (s: SettingsState) => {
    const root = document.documentElement;
    root.dataset.theme = resolvedTheme(s);
    root.style.fontSize = `${s.settings.textSize}px`;
  };
  apply(useSettings.getState());
  useSettings.subscribe(apply);
  darkQuery.addEventListener('change', (e) => useSettings.setState({ osDark: e.matches }));
}
