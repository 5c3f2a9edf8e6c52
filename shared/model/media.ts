import { z } from 'zod';

export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number];

/**
 * A media file inside the project folder: content-addressed (sha256) but stored under its
 * original name (`media/<hash prefix>/<name>`) so editors and NLEs see real clip names.
 */
export interface FrameRef {
  readonly hash: string;
  /** Relative to the project folder, always with forward slashes. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly mime: ImageMimeType;
}

export const MEDIA_PATH_PATTERN = /^media\/[0-9a-f]{16}\/[^/\\\0]{1,255}$/;

export const frameRefSchema = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  path: z
    .string()
    .max(300)
    .regex(MEDIA_PATH_PATTERN, 'must be media/<16 hex>/<file name>')
    .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'must not contain . or .. segments'),
  width: z.number().int().min(1).max(65_535),
  height: z.number().int().min(1).max(65_535),
  mime: z.enum(IMAGE_MIME_TYPES),
});
