// An official's photo from a file picker or a drop: large pictures are scaled to at most
// 1024 px and re-encoded as JPEG in the page (canvas), so what reaches the core is small;
// the core then checks it exactly as the pack checker does.
import { useState } from 'react';
import type { Problem } from '../../shared/errors';
import { fieldId } from './fields';
import { importPhoto, setError } from './state';

const MAX_SIDE = 1024;
/** Pictures already this small and within MAX_SIDE are kept byte for byte (a PNG keeps its transparency). */
const KEEP_BYTES = 600 * 1024;

export function toBase64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let bin = '';
  for (let i = 0; i < u8.length; i += 0x8000) bin += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function prepare(file: File): Promise<{ base64: string; note: string }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    if (file.size <= KEEP_BYTES) return { base64: toBase64(await file.arrayBuffer()), note: '' };
    throw new Error(`${file.name} is not a picture this app can read. Use a JPEG or PNG.`);
  }
  const { width, height } = bitmap;
  if (width <= MAX_SIDE && height <= MAX_SIDE && file.size <= KEEP_BYTES && /^image\/(jpeg|png)$/.test(file.type)) {
    bitmap.close();
    return { base64: toBase64(await file.arrayBuffer()), note: '' };
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff'; // JPEG has no transparency
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.86));
  if (!blob) throw new Error(`${file.name} could not be converted. Export it as JPEG and try again.`);
  return {
    base64: toBase64(await blob.arrayBuffer()),
    note: `resized from ${width}×${height} to ${canvas.width}×${canvas.height}`,
  };
}

export function PhotoInput({
  officialId,
  current,
  problems,
}: {
  officialId: string;
  current: string;
  problems: Problem[];
}) {
  const [dragging, setDragging] = useState(false);
  const [working, setWorking] = useState(false);
  const take = async (file: File | undefined) => {
    if (!file) return;
    setWorking(true);
    try {
      const { base64 } = await prepare(file);
      await importPhoto(officialId, file.name, base64);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setWorking(false);
    }
  };
  const id = fieldId('photo');
  return (
    <div
      className={`wf-field wf-photo${dragging ? ' is-dragging' : ''}${problems.length ? ' has-problem' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void take(e.dataTransfer.files[0]);
      }}
    >
      <label htmlFor={id}>Photo (JPEG or PNG; drop it here or choose a file)</label>
      <p className="muted small">{current ? `Current: ${current}` : 'No photo yet'}</p>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png"
        disabled={working}
        aria-invalid={problems.length ? true : undefined}
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {working && <p className="muted small">Preparing the photo…</p>}
      {problems.length > 0 && (
        <ul className="wf-problems">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
