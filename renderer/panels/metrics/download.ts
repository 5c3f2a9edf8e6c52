/**
 * Saves text as a file through the browser's download (Blob + a.download): the web host's browser
 * puts it in Downloads; Electron asks where to save it. There is no main-process API that writes
 * into the project's exports/ folder yet (only bundles go there), so this is the hand-off.
 * A UTF-8 byte-order mark lets Excel read accented scene titles correctly.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: the download has read the Blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
