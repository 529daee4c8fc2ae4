import { offsetLabel, systemTimeZone } from '../../shared/time';
import { ReadingControls } from '../components/ReadingControls';
import { transportKind } from '../api';
import { useClock } from '../state/clock';
import { updateSettings, useSettings } from '../state/settings';
import { IdentitySection } from '../features/identity/IdentitySection';
import '../features/identity/identity.css';

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [systemTimeZone()];
  }
}

const ZONES = supportedZones();

export function SettingsView() {
  const homeTimeZone = useSettings((s) => s.settings.homeTimeZone);
  const all = ZONES;
  const now = useClock((s) => Math.floor(s.now / 3_600_000) * 3_600_000);
  const system = systemTimeZone();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Settings</p>
        <h1 tabIndex={-1}>Reading and time</h1>
      </header>
      <section className="card-section" aria-labelledby="home-zone-heading">
        <h2 id="home-zone-heading">Home time</h2>
        <p className="muted">
          Every time is shown in the venue’s time with your home time beside it. By default home is this computer’s
          zone.
        </p>
        <label className="field">
          <span>Home time zone</span>
          <select
            value={homeTimeZone ?? ''}
            onChange={(e) => void updateSettings({ homeTimeZone: e.target.value || null })}
          >
            <option value="">
              This computer’s zone ({system}, {offsetLabel(now, system)})
            </option>
            {all.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')} ({offsetLabel(now, z)})
              </option>
            ))}
          </select>
        </label>
      </section>
      <section className="card-section" aria-labelledby="reading-heading">
        <h2 id="reading-heading">Reading</h2>
        <ReadingControls idPrefix="settings" />
      </section>
      <IdentitySection />
      <p className="muted small">
        Connected through {transportKind === 'electron' ? 'the desktop app' : 'the local browser host'}.
      </p>
    </div>
  );
}
