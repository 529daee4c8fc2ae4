import { Loaded } from '../components/Status';
import { packIndex, type PackIndex } from '../lib/packIndex';
import { type Route } from '../lib/routes';
import { usePackContents } from '../state/hooks';
import { DirectoryView } from './DirectoryView';
import { NotesView } from './NotesView';
import { ScheduleView } from './ScheduleView';
import { TalkingPointsView } from './TalkingPointsView';

export function ListView({ route }: { route: Extract<Route, { name: 'list' }> }) {
  const contents = usePackContents(route.packId);
  return (
    <Loaded load={contents} what="this briefing book">
      {(value) => {
        const index = packIndex(value);
        const props = { packId: route.packId, index, query: route.query };
        switch (route.list) {
          case 'schedule':
            return <ScheduleView {...props} day={route.day} />;
          case 'officials':
            return <DirectoryView {...props} />;
          case 'talking-points':
            return <TalkingPointsView {...props} />;
          case 'notes':
            return <NotesView {...props} />;
        }
      }}
    </Loaded>
  );
}

export interface ListProps {
  packId: string;
  index: PackIndex;
  query: Record<string, string>;
}
