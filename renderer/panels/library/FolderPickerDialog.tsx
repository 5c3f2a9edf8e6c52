import { ChevronRight, Clapperboard, CornerLeftUp, Folder, Package } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FolderEntry, FolderListing } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { callMain } from '../../platform/mainBridge.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';

interface Props {
  readonly open: boolean;
  readonly title: string;
  readonly onCancel: () => void;
  /** Called with the project folder (or, with fileExtensions, the file) the user chose. */
  readonly onPick: (path: string) => void;
  /** Pick a file with one of these extensions instead of a project folder. */
  readonly fileExtensions?: readonly string[];
  /** The confirm button's label (default: "Import" for files, "Open project" for folders). */
  readonly actionLabel?: string;
}

/**
 * The web host's stand-in for the native "Open…" dialog: browses folders under the workspace
 * (the server refuses anything outside it) and opens a project folder.
 */
export function FolderPickerDialog({ open, title, onCancel, onPick, fileExtensions, actionLabel }: Props) {
  return (
    <ModalDialog open={open} onOpenChange={(o) => !o && onCancel()} title={title} width={560}>
      <FolderPicker onCancel={onCancel} onPick={onPick} fileExtensions={fileExtensions ?? []} actionLabel={actionLabel} />
    </ModalDialog>
  );
}

function FolderPicker({
  onCancel,
  onPick,
  fileExtensions: extensionsProp,
  actionLabel,
}: Pick<Props, 'onCancel' | 'onPick' | 'actionLabel'> & { fileExtensions: readonly string[] }) {
  // A stable list (callers pass a new array each render) so the initial listing runs once.
  const extensionsKey = extensionsProp.join(',');
  const fileExtensions = useMemo(() => (extensionsKey ? extensionsKey.split(',') : []), [extensionsKey]);
  const pickFiles = fileExtensions.length > 0;
  const pickable = (entry: FolderEntry) => (pickFiles ? entry.isFile : entry.isProject);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const show = useCallback((result: Result<FolderListing>) => {
    if (result.ok) {
      setListing(result.value);
      setError(null);
      setSelected(null);
    } else setError(result.error.message);
  }, []);
  const browse = (path: string) => void callMain('browseFolder', { path, fileExtensions }).then(show);

  // Start at the workspace folder when the picker opens.
  useEffect(() => {
    void callMain('browseFolder', { fileExtensions }).then(show);
  }, [fileExtensions, show]);

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
          {listing?.folders.length === 0 ? <li className="picker-empty">{pickFiles ? 'No folders or bundles here.' : 'No folders here.'}</li> : null}
          {listing?.folders.map((folder) => (
            <li
              key={folder.path}
              role="option"
              aria-selected={selected === folder.path}
              className="picker-item"
              tabIndex={0}
              onClick={() => setSelected(folder.path)}
              onDoubleClick={() => (pickable(folder) ? onPick(folder.path) : !folder.isFile && browse(folder.path))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  if (pickable(folder)) onPick(folder.path);
                  else if (!folder.isFile) browse(folder.path);
                }
              }}
            >
              {folder.isFile ? (
                <Package size={16} className="picker-icon project" />
              ) : folder.isProject ? (
                <Clapperboard size={16} className="picker-icon project" />
              ) : (
                <Folder size={16} className="picker-icon" />
              )}
              <span className="picker-name">{folder.name}</span>
              {folder.isProject ? (
                <span className="picker-tag">project</span>
              ) : folder.isFile ? (
                <span className="picker-tag">bundle</span>
              ) : (
                <ChevronRight size={14} className="picker-chevron" />
              )}
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
        <button type="button" className="btn btn-primary" disabled={!chosen || !pickable(chosen)} onClick={() => chosen && onPick(chosen.path)}>
          {actionLabel ?? (pickFiles ? 'Import' : 'Open project')}
        </button>
      </div>
    </>
  );
}
