import { describe, expect, it } from 'vitest';
import { routeDrop } from '../../../renderer/app/dropMedia.ts';

const file = (name: string, type: string) => new File([new Uint8Array(4)], name, { type });
const clip = file('ferry.mp4', 'video/mp4');
const mov = file('ferry.mov', '');
const board = file('board.png', 'image/png');
const notes = file('notes.txt', 'text/plain');
const names = (files: readonly File[]) => files.map((f) => f.name);

describe('routeDrop', () => {
  it('on a card: clips become takes, stills its frame, other files are reported by the image path', () => {
    const route = routeDrop([clip, mov, board, notes], 'shot-1', false);
    expect(names(route.takes)).toEqual(['ferry.mp4', 'ferry.mov']);
    expect(names(route.images)).toEqual(['board.png', 'notes.txt']);
    expect(route.clipShots).toEqual([]);
  });

  it('on a card with Alt/Option: stills become takes too', () => {
    const route = routeDrop([clip, board, notes], 'shot-1', true);
    expect(names(route.takes)).toEqual(['ferry.mp4', 'board.png']);
    expect(names(route.images)).toEqual(['notes.txt']);
  });

  it('on the empty canvas: stills make shots with frames, clips make shots with a first take', () => {
    const route = routeDrop([clip, board], null, false);
    expect(names(route.clipShots)).toEqual(['ferry.mp4']);
    expect(names(route.images)).toEqual(['board.png']);
    expect(route.takes).toEqual([]);
  });
});
