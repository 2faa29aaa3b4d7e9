import { describe, expect, it } from 'vitest';
import { pickRegionHost, type RegionHostCandidate } from '../../core/pick-region-host.js';

const at = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const host = (id: string, x: number, y: number, width: number, height: number): RegionHostCandidate => ({
  id,
  box: at(x, y, width, height),
});

const page = host('frame', 0, 0, 1000, 1000);
const photo = host('photo', 100, 100, 400, 300);
const badge = host('badge', 120, 120, 40, 40);
const farAway = host('far', 5000, 5000, 100, 100);

describe('pickRegionHost', () => {
  it.each<[string, ReturnType<typeof at>, RegionHostCandidate[], string | null]>([
    // name, shape's box, candidates below it (bottom first), → host
    ['nothing below', at(150, 150, 50, 50), [], null],
    ['a shape inside a photo', at(150, 150, 50, 50), [photo], 'photo'],
    ['the topmost wins: the photo over the frame', at(150, 150, 50, 50), [page, photo], 'photo'],
    ['a layer that covers too little is passed over', at(110, 110, 100, 100), [page, photo, badge], 'photo'],
    ['a shape half over the photo edge, more than half inside', at(450, 150, 80, 40), [photo], 'photo'],
    ['exactly half is not most', at(460, 150, 80, 40), [photo], null],
    ['under half on the photo: the frame under both', at(480, 150, 80, 40), [page, photo], 'frame'],
    ['a shape far from everything', at(3000, 3000, 10, 10), [page, photo, farAway], null],
    ['a shape with no area marks nothing', at(150, 150, 0, 50), [photo], null],
    ['a shape larger than the photo, mostly on it', at(90, 90, 420, 320), [photo], 'photo'],
  ])('%s', (_name, shape, below, expected) => {
    expect(pickRegionHost(shape, below)?.id ?? null).toBe(expected);
  });
});
