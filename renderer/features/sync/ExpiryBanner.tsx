import { ExpiryNotice } from './ExpiryNotice';
import { useSync } from './syncState';
import './sync.css';

/** Above every screen of a book that is expiring or locked. */
export function ExpiryBanner({ packId }: { packId: string | null }) {
  const expiry = useSync((s) => (packId ? s.status?.expiries.find((x) => x.packId === packId) : undefined));
  if (!packId || !expiry) return null;
  return (
    <div className="expiry-banner">
      <ExpiryNotice packId={packId} expiry={expiry} />
    </div>
  );
}
