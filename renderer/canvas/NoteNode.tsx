import type Konva from 'konva';
import { memo, useEffect, useRef } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { NoteRecord } from '../../shared/model/note.ts';
import { CANVAS_FONT } from './canvasTheme.ts';

interface Props {
  readonly note: NoteRecord;
  readonly dimmed: boolean;
  readonly cacheRatio: number;
  readonly registerNode: (id: string, node: Konva.Group | null) => void;
}

/** A sticky note at near zoom: coloured paper, dark text, cached like a shot card. */
function NoteNodeImpl({ note, dimmed, cacheRatio, registerNode }: Props) {
  const ref = useRef<Konva.Group | null>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    node.clearCache();
    node.cache({ pixelRatio: cacheRatio });
    node.getLayer()?.batchDraw();
  }, [note, cacheRatio]);
  return (
    <Group
      ref={(node) => {
        ref.current = node;
        registerNode(note.id, node);
      }}
      x={note.x}
      y={note.y}
      opacity={dimmed ? 0.2 : 1}
      listening={false}
    >
      <Rect
        width={note.width}
        height={note.height}
        fill={note.color}
        cornerRadius={3}
        shadowColor="#000"
        shadowOpacity={0.35}
        shadowBlur={8}
        shadowOffsetY={2}
        perfectDrawEnabled={false}
      />
      <Text
        x={12}
        y={12}
        width={note.width - 24}
        height={note.height - 24}
        text={note.text || 'Empty note'}
        fontFamily={CANVAS_FONT}
        fontSize={13}
        lineHeight={1.4}
        fill={note.text ? '#1b1c1f' : 'rgba(27,28,31,0.45)'}
        ellipsis
        perfectDrawEnabled={false}
      />
    </Group>
  );
}

export const NoteNode = memo(NoteNodeImpl);
