import { ChevronRight, Clapperboard, CornerLeftUp, Folder } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { FolderListing } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { callMain } from '../../platform/mainBridge.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';

interface Props {
  readonly open: boolean;
  readonly title: string;
  readonly onCancel: () => void;
  /** Called with a project folder the user chose. */
  readonly onPick: (path: string) => void;
}

/**
 * The web host's stand-in for the native "Open…" dialog: browses folders under the workspace
 * (the server refuses anything outside it) and opens a project folder.
 */
export function FolderPickerDialog({ open, title, onCancel, onPick }: Props) {
  return (
    <ModalDialog open={open} onOpenChange={(o) => !o && onCancel()} title={title} width={560}>
      <FolderPicker onCancel={onCancel} onPick={onPick} />
    </ModalDialog>
  );
}

function FolderPicker({ onCancel, onPick }: Pick<Props, 'onCancel' | 'onPick'>) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const show = (result: Result<FolderListing>) => {
    if (result.ok) {
      setListing(result.value);
      setError(null);
      setSelected(null);
    } else setError(result.error.message);
  };
  const browse = (path: string) => void callMain('browseFolder', { path }).then(show);

  // Start at the workspace folder when the picker opens.
  useEffect(() => {
    void callMain('browseFolder', {}).then(show);
  }, []);

  const chosen = listing?.folders.find((f) => f.path === selected);
  return (
    <>
      <div className="picker">
        <div className="picker-path mono" title={listing?.path}>
          <button
            type="button"
            className="icon-btn"
            aria-label="Up one folder"
            disabled={!listing?.parent}
            onClick={() => listing?.parent && browse(listing.parent)}
          >
            <CornerLeftUp size={16} />
          </button>
          <span className="picker-path-text">{listing?.path ?? '…'}</span>
        </div>
        <ul className="picker-list" role="listbox" aria-label="Folders">
          {listing?.folders.length === 0 ? <li className="picker-empty">No folders here.</li> : null}
          {listing?.folders.map((folder) => (
            <li
              key={folder.path}
              role="option"
              aria-selected={selected === folder.path}
              className="picker-item"
              tabIndex={0}
              onClick={() => setSelected(folder.path)}
              onDoubleClick={() => (folder.isProject ? onPick(folder.path) : browse(folder.path))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  if (folder.isProject) onPick(folder.path);
                  else browse(folder.path);
                }
              }}
            >
              {folder.isProject ? <Clapperboard size={16} className="picker-icon project" /> : <Folder size={16} className="picker-icon" />}
              <span className="picker-name">{folder.name}</span>
              {folder.isProject ? <span className="picker-tag">project</span> : <ChevronRight size={14} className="picker-chevron" />}
            </li>
          ))}
        </ul>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={!chosen?.isProject} onClick={() => chosen && onPick(chosen.path)}>
          Open project
        </button>
      </div>
    </>
  );
}
