import type { ItemDetail } from '../../shared/api';
import { KIND_LABELS, type ItemKind } from '../../shared/model';
import { Loaded } from '../components/Status';
import { packIndex, type PackIndex } from '../lib/packIndex';
import { useItem, usePackContents } from '../state/hooks';
import { MeetingView } from './MeetingView';
import { NoteView } from './NoteView';
import { OfficialView } from './OfficialView';
import { TalkingPointView } from './TalkingPointView';

function Body({ item, index }: { item: ItemDetail; index: PackIndex }) {
  switch (item.kind) {
    case 'official':
      return <OfficialView item={item} index={index} />;
    case 'meeting':
      return <MeetingView item={item} index={index} />;
    case 'talking-point':
      return <TalkingPointView item={item} index={index} />;
    case 'note':
      return <NoteView item={item} />;
  }
}

export function ItemView({ packId, kind, itemId }: { packId: string; kind: ItemKind; itemId: string }) {
  const contents = usePackContents(packId);
  const item = useItem(packId, kind, itemId);
  return (
    <Loaded load={contents} what="this briefing book">
      {(value) => (
        <Loaded load={item} what={`this ${KIND_LABELS[kind].one.toLowerCase()}`}>
          {(detail) => <Body item={detail} index={packIndex(value)} />}
        </Loaded>
      )}
    </Loaded>
  );
}
