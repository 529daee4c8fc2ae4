// Re-attaching an orphan: choose the item (in any installed pack), then either attach
// an item note there at once or open the item to select the text for a highlight.
import { useEffect, useId, useState } from 'react';
import type { PackSummary } from '../../../shared/api';
import type { AnnotationView } from '../../../shared/annotationsApi';
import { ITEM_KINDS, KIND_LABELS, type ItemKind } from '../../../shared/model';
import { href } from '../../lib/routes';
import { usePackContents } from '../../state/hooks';
import { ensurePack, useLibrary } from '../../state/library';
import { navigate } from '../../state/navigation';
import { reattachTo, startReattach } from './store';

const NO_PACKS: PackSummary[] = [];

export function ReattachChooser({ annotation: a, onDone }: { annotation: AnnotationView; onDone: () => void }) {
  const id = useId();
  const packs = useLibrary((s) => (s.packs?.status === 'ready' ? s.packs.value : NO_PACKS));
  const packInstalled = packs.some((p) => p.id === a.packId);
  const [packId, setPackId] = useState(packInstalled ? a.packId : (packs[0]?.id ?? ''));
  const contents = usePackContents(packId);
  const [target, setTarget] = useState(a.itemAvailable ? `${a.kind}/${a.itemId}` : '');

  useEffect(() => {
    if (packId) void ensurePack(packId);
  }, [packId]);

  const items = contents?.status === 'ready' ? contents.value.items : [];
  const [kind, itemId] = target.split('/') as [ItemKind | undefined, string | undefined];
  const chosen = kind && itemId && items.some((i) => i.kind === kind && i.id === itemId) ? { kind, itemId } : null;

  if (packs.length === 0) {
    return <p className="muted small">No briefing book is installed to attach it to. Install one, or delete it.</p>;
  }

  return (
    <div className="reattach-chooser">
      <label htmlFor={`${id}-pack`}>Briefing book</label>
      <select
        id={`${id}-pack`}
        value={packId}
        onChange={(e) => {
          setPackId(e.target.value);
          setTarget('');
        }}
      >
        {packs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-item`}>Item</label>
      <select id={`${id}-item`} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Choose…</option>
        {ITEM_KINDS.map((k) => (
          <optgroup key={k} label={KIND_LABELS[k].many}>
            {items
              .filter((i) => i.kind === k)
              .map((i) => (
                <option key={i.id} value={`${i.kind}/${i.id}`}>
                  {i.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {a.anchor ? (
        <button
          type="button"
          disabled={!chosen}
          onClick={() => {
            if (!chosen) return;
            startReattach(a);
            onDone();
            navigate(href.item(packId, chosen.kind, chosen.itemId));
          }}
        >
          Open it and select the text
        </button>
      ) : (
        <button
          type="button"
          disabled={!chosen}
          onClick={() => {
            if (chosen) void reattachTo(a, { packId, ...chosen }).then((ok) => ok && onDone());
          }}
        >
          Attach to this item
        </button>
      )}
    </div>
  );
}
