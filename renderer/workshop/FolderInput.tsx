// A folder path field. In the desktop app it has a "Choose…" button that opens the
// system's folder picker (chooseFolder, in the main process); in a browser, where there
// is none, the path is typed.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { runWorkshop } from './state';

let canChoose: Promise<boolean> | null = null;

function useCanChooseFolders(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    let live = true;
    canChoose ??= api.appInfo({}).then(
      (info) => info.canChooseFolders,
      () => false,
    );
    void canChoose.then((value) => live && setCan(value));
    return () => {
      live = false;
    };
  }, []);
  return can;
}

export function FolderInput(props: {
  id: string;
  value: string;
  onChange: (folder: string) => void;
  /** The picker window's title, e.g. "Open a pack source folder". */
  pickerTitle: string;
  placeholder?: string;
}) {
  const { id, value, onChange, pickerTitle, placeholder } = props;
  const canChooseFolders = useCanChooseFolders();
  const choose = async () => {
    const chosen = await runWorkshop(() =>
      api.chooseFolder({ title: pickerTitle, ...(value.trim() ? { defaultPath: value.trim() } : {}) }),
    );
    if (chosen?.folder) onChange(chosen.folder);
  };
  return (
    <div className="wf-folder-input">
      <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} />
      {canChooseFolders && (
        // The same visible word beside several fields: the name says which folder it picks.
        <button type="button" onClick={() => void choose()} aria-label={`Choose… (${pickerTitle})`}>
          Choose…
        </button>
      )}
    </div>
  );
}
