/** What take media may be: the containers main probes (MP4, QuickTime, WebM) and stills. */
export const TAKE_MEDIA_ACCEPT = 'video/mp4,video/quicktime,video/webm,image/png,image/jpeg,image/webp,.mp4,.m4v,.mov,.webm,.png,.jpg,.jpeg,.webp';

const MEDIA_NAME = /\.(mp4|m4v|mov|qt|webm|png|jpe?g|webp)$/i;

/** A quick filter for drops (main decides for real from the bytes and names the file it refuses). */
export function isTakeMediaFile(file: Pick<File, 'name' | 'type'>): boolean {
  return /^(video|image)\//i.test(file.type) || MEDIA_NAME.test(file.name);
}

export function isVideoFile(file: Pick<File, 'name' | 'type'>): boolean {
  return /^video\//i.test(file.type) || /\.(mp4|m4v|mov|qt|webm)$/i.test(file.name);
}

/**
 * Opens the system file chooser (the native dialog on the desktop, the browser's on the web host)
 * and resolves with the chosen files, or none when cancelled.
 */
export function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });
}
