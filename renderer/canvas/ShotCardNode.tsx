import type Konva from 'konva';
import { memo, useEffect, useRef } from 'react';
import { Circle, Group, Image as KonvaImage, Rect, Text } from 'react-konva';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import { CANVAS_COLORS, CANVAS_FONT, STATUS_COLORS, STATUS_LABELS } from './canvasTheme.ts';

interface Props {
  readonly shot: ShotRecord;
  readonly number: string;
  readonly durationLabel: string | null;
  /** The decoded storyboard frame at display size, or null (not set, or still loading). */
  readonly thumbnail: ImageBitmap | null;
  readonly dimmed: boolean;
  /** How many takes the shot has (from the store's per-shot take lists, cached until a take changes). */
  readonly takeCount?: number;
  /** The selected ("circle") take as "T3" with its verdict colour, or null. */
  readonly takeBadge?: TakeBadge | null;
  /** Resolution of the cached bitmap (see lod.ts); a change re-caches the card. */
  readonly cacheRatio: number;
  readonly registerNode: (id: string, node: Konva.Group | null) => void;
}

export interface TakeBadge {
  readonly label: string;
  readonly color: string;
}

const PAD = 12;
const W = SHOT_CARD.width;
const TH = SHOT_CARD.thumbHeight;
const DURATION_W = 56;

function cameraLine(shot: ShotRecord): string {
  return [shot.shotSize, shot.angle, shot.lens].filter((s) => s.trim() !== '').join(' · ');
}

/**
 * One shot card: 16:9 frame area with a 56 px footer (number, title, camera line, duration,
 * status). Decoration does not listen for events; only the card body does.
 */
/** Width of the take group at the right of the footer's second line. */
function takeAreaWidth(count: number, badge: TakeBadge | null): { countWidth: number; badgeWidth: number } {
  const countWidth = count > 0 ? String(count).length * 6.5 + (count === 1 ? 27 : 32) : 0;
  const badgeWidth = badge ? badge.label.length * 7 + 22 : 0;
  return { countWidth, badgeWidth };
}

function ShotCardNodeImpl({ shot, number, durationLabel, thumbnail, dimmed, takeCount = 0, takeBadge = null, cacheRatio, registerNode }: Props) {
  const ref = useRef<Konva.Group | null>(null);
  // Static content is drawn once into a bitmap; panning then costs one drawImage per card.
  useEffect(() => {
    const node = ref.current;
    // cacheRatio 0: no bitmap cache (the benchmark's naive baseline draws every shape every frame).
    if (!node || cacheRatio <= 0) return;
    node.clearCache();
    node.cache({ pixelRatio: cacheRatio });
    node.getLayer()?.batchDraw();
  }, [shot, number, durationLabel, thumbnail, takeCount, takeBadge?.label, takeBadge?.color, cacheRatio]);
  const statusColor = STATUS_COLORS[shot.status];
  const camera = cameraLine(shot);
  // The number is bold 15 px (about 9 px per character); the title starts after it.
  const titleX = PAD + Math.max(22, number.length * 9 + 10);
  const { countWidth, badgeWidth } = takeAreaWidth(takeCount, takeBadge);
  const takeArea = countWidth + badgeWidth + (countWidth > 0 && badgeWidth > 0 ? 6 : 0) + (countWidth + badgeWidth > 0 ? 8 : 0);
  const badgeX = W - PAD - badgeWidth;
  return (
    <Group
      ref={(node) => {
        ref.current = node;
        registerNode(shot.id, node);
      }}
      x={shot.x}
      y={shot.y}
      opacity={dimmed ? 0.2 : 1}
      listening={false}
    >
      <Rect width={W} height={SHOT_CARD_HEIGHT} cornerRadius={6} fill={CANVAS_COLORS.card} shadowForStrokeEnabled={false} perfectDrawEnabled={false} />
      {thumbnail ? (
        <KonvaImage image={thumbnail} width={W} height={TH} cornerRadius={[6, 6, 0, 0]} listening={false} perfectDrawEnabled={false} />
      ) : (
        <Rect width={W} height={TH} cornerRadius={[6, 6, 0, 0]} fill={CANVAS_COLORS.thumb} listening={false} perfectDrawEnabled={false} />
      )}
      <Rect x={0} y={0} width={4} height={TH} cornerRadius={[6, 0, 0, 0]} fill={statusColor} listening={false} perfectDrawEnabled={false} />
      {thumbnail ? null : shot.description ? (
        <Text
          x={PAD + 4}
          y={PAD}
          width={W - PAD * 2 - 4}
          height={TH - PAD * 2}
          text={shot.description}
          fontFamily={CANVAS_FONT}
          fontSize={12}
          lineHeight={1.45}
          fill={CANVAS_COLORS.text2}
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      ) : (
        <>
          <Rect
            x={W / 2 - 22}
            y={TH / 2 - 22}
            width={44}
            height={26}
            cornerRadius={3}
            stroke={CANVAS_COLORS.text3}
            strokeWidth={1}
            dash={[4, 3]}
            listening={false}
            perfectDrawEnabled={false}
          />
          <Text
            x={0}
            y={TH / 2 + 12}
            width={W}
            align="center"
            text="No frame yet"
            fontFamily={CANVAS_FONT}
            fontSize={11}
            fill={CANVAS_COLORS.text3}
            listening={false}
            perfectDrawEnabled={false}
          />
        </>
      )}
      <Rect y={TH} width={W} height={1} fill={CANVAS_COLORS.cardStroke} listening={false} perfectDrawEnabled={false} />
      <Text
        x={PAD}
        y={TH + 10}
        text={number}
        fontFamily={CANVAS_FONT}
        fontSize={15}
        fontStyle="700"
        fill={CANVAS_COLORS.text1}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        x={titleX}
        y={TH + 12}
        width={W - PAD - titleX - (durationLabel ? DURATION_W : 0)}
        text={shot.title || 'Untitled shot'}
        fontFamily={CANVAS_FONT}
        fontSize={13}
        fontStyle="500"
        fill={shot.title ? CANVAS_COLORS.text1 : CANVAS_COLORS.text3}
        wrap="none"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        x={W - PAD - DURATION_W}
        y={TH + 13}
        width={DURATION_W}
        align="right"
        text={durationLabel ?? ''}
        fontFamily={CANVAS_FONT}
        fontSize={11}
        fill={CANVAS_COLORS.text2}
        wrap="none"
        listening={false}
        perfectDrawEnabled={false}
      />
      <Circle x={PAD + 4} y={TH + 40} radius={4} fill={statusColor} listening={false} perfectDrawEnabled={false} />
      <Text
        x={PAD + 13}
        y={TH + 34}
        width={W - PAD * 2 - 13 - takeArea}
        text={`${STATUS_LABELS[shot.status]}  ·  ${camera || 'No camera details'}`}
        fontFamily={CANVAS_FONT}
        fontSize={11}
        fill={CANVAS_COLORS.text2}
        wrap="none"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      {takeCount > 0 ? (
        <Text
          x={W - PAD - badgeWidth - (badgeWidth > 0 ? 6 : 0) - countWidth}
          y={TH + 34}
          width={countWidth}
          align="right"
          text={`${takeCount} ${takeCount === 1 ? 'take' : 'takes'}`}
          fontFamily={CANVAS_FONT}
          fontSize={11}
          fill={CANVAS_COLORS.text2}
          wrap="none"
          listening={false}
          perfectDrawEnabled={false}
        />
      ) : null}
      {takeBadge ? (
        <>
          <Rect
            x={badgeX}
            y={TH + 31}
            width={badgeWidth}
            height={17}
            cornerRadius={8.5}
            fill={CANVAS_COLORS.thumb}
            stroke={takeBadge.color}
            strokeWidth={1.25}
            listening={false}
            perfectDrawEnabled={false}
          />
          <Text
            x={badgeX + 7}
            y={TH + 34}
            text={takeBadge.label}
            fontFamily={CANVAS_FONT}
            fontSize={11}
            fontStyle="700"
            fill={CANVAS_COLORS.text1}
            wrap="none"
            listening={false}
            perfectDrawEnabled={false}
          />
          <Circle x={badgeX + badgeWidth - 9} y={TH + 39.5} radius={3.5} fill={takeBadge.color} listening={false} perfectDrawEnabled={false} />
        </>
      ) : null}
      <Rect
        width={W}
        height={SHOT_CARD_HEIGHT}
        cornerRadius={6}
        stroke={CANVAS_COLORS.cardStroke}
        strokeWidth={1}
        strokeScaleEnabled={false}
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
}

export const ShotCardNode = memo(ShotCardNodeImpl);
