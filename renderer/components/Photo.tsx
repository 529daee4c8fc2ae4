import { usePhoto } from '../state/hooks';

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** An official's portrait (a data: URL from the core), or their initials while it loads or when there is none. */
export function Photo({
  packId,
  path,
  name,
  size = 'md',
}: {
  packId: string;
  path: string | undefined;
  name: string;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const photo = usePhoto(packId, path);
  if (photo?.status === 'ready') {
    return <img className={`photo photo-${size}`} src={photo.value.dataUrl} alt={`Portrait of ${name}`} />;
  }
  return (
    <span className={`photo photo-${size} photo-placeholder`} role="img" aria-label={`${name} (no photo)`}>
      {initials(name)}
    </span>
  );
}
