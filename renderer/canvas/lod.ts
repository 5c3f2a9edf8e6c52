import { SHOT_CARD } from '../../shared/model/shot.ts';

/**
 * Level of detail by on-screen card size. Near: full cards (React/Konva nodes, cached bitmaps).
 * Mid: one batched draw of simplified cards (tile, stripe, thumbnail, number). Far: one batched
 * draw of solid status-coloured tiles.
 */
export type Lod = 'near' | 'mid' | 'far';

/** Cards at least this wide on screen get the full card. */
export const NEAR_MIN_CARD_PX = 110;
/** Below this width a card is a solid tile; above it the number stays readable. */
export const FAR_MAX_CARD_PX = 28;

export function lodForZoom(zoom: number): Lod {
  const px = SHOT_CARD.width * zoom;
  if (px >= NEAR_MIN_CARD_PX) return 'near';
  if (px < FAR_MAX_CARD_PX) return 'far';
  return 'mid';
}

/**
 * The resolution full cards are cached at: the zoom rounded up to a power of two (× device
 * pixels), so panning reuses bitmaps and only a large zoom change re-caches them.
 */
export function cachePixelRatio(zoom: number, devicePixelRatio: number): number {
  const wanted = Math.max(0.5, zoom * devicePixelRatio);
  return Math.min(8, 2 ** Math.ceil(Math.log2(wanted)));
}
