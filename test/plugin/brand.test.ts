import { describe, expect, it } from 'vitest';
import { brandContextOf } from '../../core/brand-context.js';
import { BRAND_FRAME_KEY, type BrandSnapshot } from '../../core/brand-snapshot.js';
import { createSampleBrandAsync, loadDocument, SAMPLE_BRAND_GUIDANCE } from '../../dev/figma-double/index.js';
import { startPlugin, valueOf } from './harness.js';

describe('the brand, read from the file', () => {
  it('reads colour styles, colour variables per mode (an alias followed) and text styles', async () => {
    const h = startPlugin();
    const brand = await createSampleBrandAsync(h.figma);
    const snapshot = valueOf(await h.requestAsync({ type: 'READ_BRAND' })) as BrandSnapshot;
    expect(snapshot.colours).toEqual([
      { source: 'style', name: 'Brand/Primary', hex: '#E63B2E', modes: [], hidden: false },
      { source: 'style', name: 'Brand/Ink', hex: '#1A1A2E', modes: [], hidden: false },
      { source: 'variable', name: 'Sun yellow', hex: '#FFB000', modes: [], hidden: true },
      {
        source: 'variable',
        name: 'color/Surface',
        hex: '#FFFFFF',
        modes: [{ mode: 'Dark', hex: '#1E1E24' }],
        hidden: false,
      },
      // An alias of a variable in another collection, in both modes: the value it names, not the alias.
      {
        source: 'variable',
        name: 'color/Highlight',
        hex: '#FFB000',
        modes: [{ mode: 'Dark', hex: '#FFB000' }],
        hidden: false,
      },
    ]);
    expect(snapshot.fonts).toEqual([
      { name: 'Heading/H1', family: 'Inter', style: 'Bold' },
      { name: 'Body', family: 'Inter', style: 'Regular' },
    ]);
    expect(snapshot.frame).toBeNull();
    expect(brandContextOf(snapshot)?.guidance).toBe(SAMPLE_BRAND_GUIDANCE);
    // Reading changes nothing in the file.
    expect(brand.surface.valuesByMode[brand.theme.defaultModeId]).toEqual({ r: 1, g: 1, b: 1, a: 1 });
  });

  it('leaves out gradients and follows a change of a variable at once', async () => {
    const h = startPlugin();
    const brand = await createSampleBrandAsync(h.figma);
    const gradient = h.figma.createPaintStyle();
    gradient.name = 'Sunset gradient';
    gradient.paints = [
      {
        type: 'GRADIENT_LINEAR',
        gradientTransform: [
          [1, 0, 0],
          [0, 1, 0],
        ],
        gradientStops: [
          { position: 0, color: { r: 1, g: 0, b: 0, a: 1 } },
          { position: 1, color: { r: 0, g: 0, b: 1, a: 1 } },
        ],
      },
    ];
    brand.sunYellow.setValueForMode(brand.primitives.defaultModeId, { r: 0, g: 0.5, b: 1, a: 1 });
    const snapshot = valueOf(await h.requestAsync({ type: 'READ_BRAND' })) as BrandSnapshot;
    expect(snapshot.colours.map((c) => c.name)).not.toContain('Sunset gradient');
    expect(snapshot.colours.find((c) => c.name === 'color/Highlight')?.hex).toBe('#0080FF');
  });

  it('marks a frame as the brand frame in document plugin data, finds its logo and swatches, and clears it', async () => {
    const h = startPlugin();
    const frame = h.figma.createFrame();
    frame.name = 'Brand';
    const logo = h.figma.createEllipse();
    logo.name = 'Acme logo';
    frame.appendChild(logo);
    const swatch = h.figma.createRectangle();
    swatch.name = 'Signal red';
    swatch.fills = [{ type: 'SOLID', color: { r: 230 / 255, g: 59 / 255, b: 46 / 255 } }];
    frame.appendChild(swatch);

    const marked = valueOf(await h.requestAsync({ type: 'SET_BRAND_FRAME', nodeId: frame.id })) as BrandSnapshot;
    expect(marked.frame).toEqual({
      nodeId: frame.id,
      name: 'Brand',
      logo: { nodeId: logo.id, name: 'Acme logo' },
      onCurrentPage: true,
    });
    expect(marked.colours).toEqual([{ source: 'frame', name: 'Signal red', hex: '#E63B2E', modes: [], hidden: false }]);
    expect(h.figma.root.getPluginData(BRAND_FRAME_KEY)).toBe(frame.id);

    // A teammate opening the saved file reads the same brand frame.
    const teammate = loadDocument(h.double.serialize());
    expect(teammate.figma.root.getPluginData(BRAND_FRAME_KEY)).toBe(frame.id);

    const cleared = valueOf(await h.requestAsync({ type: 'SET_BRAND_FRAME', nodeId: null })) as BrandSnapshot;
    expect(cleared.frame).toBeNull();
    expect(h.figma.root.getPluginData(BRAND_FRAME_KEY)).toBe('');
  });

  it('reads a brand frame on another page, marked as not on the current one', async () => {
    const h = startPlugin();
    await h.requestAsync({ type: 'SET_BRAND_FRAME', nodeId: h.sample.productShot.id });
    const other = h.figma.createPage();
    await h.figma.setCurrentPageAsync(other);
    const snapshot = valueOf(await h.requestAsync({ type: 'READ_BRAND' })) as BrandSnapshot;
    expect(snapshot.frame).toMatchObject({ nodeId: h.sample.productShot.id, onCurrentPage: false });
    expect(brandContextOf(snapshot)).toBeNull();
  });

  it('says the brand frame has gone when its layer was deleted', async () => {
    const h = startPlugin();
    await h.requestAsync({ type: 'SET_BRAND_FRAME', nodeId: h.sample.productShot.id });
    h.sample.productShot.remove();
    const snapshot = valueOf(await h.requestAsync({ type: 'READ_BRAND' })) as BrandSnapshot;
    expect(snapshot).toMatchObject({ frame: null, frameMissing: true });
  });

  it('refuses a text layer as the brand frame, by name, and keeps no mark', async () => {
    const h = startPlugin();
    const reply = await h.requestAsync({ type: 'SET_BRAND_FRAME', nodeId: h.sample.headline.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(reply.ok ? '' : reply.error.message).toContain('"Headline" is a text layer');
    expect(h.figma.root.getPluginData(BRAND_FRAME_KEY)).toBe('');
  });
});
