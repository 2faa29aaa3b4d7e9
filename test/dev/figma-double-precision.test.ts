/** What precise edits need of the Figma double: polygons, stars, and export settings. */
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../core/png.js';
import { createFigmaDouble, loadDocument } from '../../dev/figma-double/index.js';

const newDouble = () => createFigmaDouble({ pluginId: 'test-plugin' });
const alphaAt = (png: ReturnType<typeof decodePng>, x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];

describe('polygons and stars', () => {
  it('createPolygon and createStar make 100 × 100 grey shapes on the current page', () => {
    const { figma } = newDouble();
    const polygon = figma.createPolygon();
    const star = figma.createStar();
    expect([polygon.type, polygon.name, polygon.pointCount]).toEqual(['POLYGON', 'Polygon', 3]);
    expect([star.type, star.name, star.pointCount, star.innerRadius]).toEqual(['STAR', 'Star', 5, 0.382]);
    expect([star.width, star.height]).toEqual([100, 100]);
    expect(figma.currentPage.children.slice(-2)).toEqual([polygon, star]);
  });

  it('draws a triangle point-up across its box, and a star with empty notches', async () => {
    const { figma } = newDouble();
    const triangle = figma.createPolygon();
    const triangleAt = decodePng(await triangle.exportAsync({ format: 'PNG' }));
    expect(alphaAt(triangleAt, 50, 5)).toBe(255); // the apex, top centre
    expect(alphaAt(triangleAt, 5, 5)).toBe(0); // the top corners are outside
    expect(alphaAt(triangleAt, 3, 97)).toBe(255); // the base runs along the bottom edge
    const star = figma.createStar();
    const starAt = decodePng(await star.exportAsync({ format: 'PNG' }));
    expect(alphaAt(starAt, 50, 50)).toBe(255);
    expect(alphaAt(starAt, 50, 5)).toBe(255); // the top point
    expect(alphaAt(starAt, 50, 95)).toBe(0); // the notch between the two lower points
  });

  it('validates pointCount and innerRadius, and keeps them through clone, save and load', () => {
    const double = newDouble();
    const star = double.figma.createStar();
    expect(() => (star.pointCount = 2)).toThrow(/integer >= 3/);
    expect(() => (star.innerRadius = 1.5)).toThrow(/0 to 1/);
    star.pointCount = 7;
    star.innerRadius = 0.5;
    expect([star.clone().pointCount, star.clone().innerRadius]).toEqual([7, 0.5]);
    const copy = loadDocument(double.serialize());
    const loaded = copy.figma.currentPage.findOne((n) => n.id === star.id) as StarNode;
    expect([loaded.type, loaded.pointCount, loaded.innerRadius]).toEqual(['STAR', 7, 0.5]);
  });
});

describe('exportSettings', () => {
  it('is empty by default, keeps what is set (frozen), and refuses unknown formats and bad constraints', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    expect(frame.exportSettings).toEqual([]);
    frame.exportSettings = [{ format: 'PNG', constraint: { type: 'SCALE', value: 2 } }, { format: 'SVG' }];
    expect(frame.exportSettings).toEqual([
      { format: 'PNG', constraint: { type: 'SCALE', value: 2 } },
      { format: 'SVG' },
    ]);
    expect(Object.isFrozen(frame.exportSettings[0])).toBe(true);
    expect(() => (frame.exportSettings = [{ format: 'WEBP' } as unknown as ExportSettings])).toThrow(/format/);
    expect(() => (frame.exportSettings = [{ format: 'PNG', constraint: { type: 'SCALE', value: 0 } }])).toThrow(
      /constraint/,
    );
  });
});
