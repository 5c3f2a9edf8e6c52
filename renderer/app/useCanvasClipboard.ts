import { useEffect } from 'react';
import { toast } from 'sonner';
import type { Point } from '../editor/camera.ts';
import { copyRecords, parseClipboard, pasteRecords } from '../editor/clipboard.ts';
import type { DocumentStore } from '../editor/documentStore.ts';
import { deleteRecords } from '../editor/recordCommands.ts';
import type { Selection } from '../editor/selection.ts';
import { isTextEditingTarget } from './workspaceShortcuts.ts';

/**
 * Copy, cut and paste of canvas records through the system clipboard (plain JSON text), so a
 * selection pastes into another project or another window. Text fields keep their own clipboard.
 */
export function useCanvasClipboard(store: DocumentStore, selection: Selection, pasteAt: () => Point): void {
  useEffect(() => {
    const busy = (e: Event) =>
      isTextEditingTarget(e.target) || isTextEditingTarget(document.activeElement) || document.querySelector('[role="dialog"]') !== null;
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (busy(e) || selection.current.size === 0) return;
      const payload = copyRecords(store, selection.current);
      if (!payload) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', JSON.stringify(payload));
      if (cut && !store.readOnly) {
        deleteRecords(store, selection.current);
        selection.clear();
      }
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const paste = (e: ClipboardEvent) => {
      if (busy(e) || store.readOnly) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const payload = parseClipboard(text);
      if (!payload) {
        if (text.includes('shotcanvas/clipboard'))
          toast.error('The clipboard holds Shotcanvas cards that could not be read (damaged or from a newer version); nothing was pasted.');
        return;
      }
      e.preventDefault();
      const ids = pasteRecords(store, payload, { at: pasteAt() });
      selection.set(ids);
    };
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, [store, selection, pasteAt]);
}
