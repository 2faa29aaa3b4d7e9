import { describe, expect, it } from 'vitest';
import { brandContextOf, type BrandContext } from '../../core/brand-context.js';
import { EMPTY_BRAND } from '../../core/brand-snapshot.js';
import { turnEstimateInputOf } from '../../core/turn-estimate.js';
import { planTurn, type TurnPlan, type TurnPlanInput } from '../../core/turn-plan.js';
import { recordBrandOf, turnRequest, type SentImage } from '../../core/turn-request.js';
import { bottle, chain, inputFor, logo, patch, poster, result } from './turn-plan-cases.js';

const brand: BrandContext = brandContextOf({
  ...EMPTY_BRAND,
  colours: [{ source: 'style', name: 'Primary', hex: '#E63B2E', modes: [], hidden: false }],
  frame: { nodeId: '9:1', name: 'Brand', logo: { nodeId: '9:2', name: 'Acme logo' }, onCurrentPage: true },
})!;
const GUIDANCE =
  'Brand colours: Primary #E63B2E. Keep to these colours and typefaces. Where a logo appears, draw the brand logo ' +
  'shown in the product image exactly.';

const withBrand = (input: TurnPlanInput, context: BrandContext | null = brand): TurnPlanInput => ({
  ...input,
  brand: context,
});
const exportsOf = (plan: TurnPlan): SentImage[] =>
  plan.images.map((image, i) => ({ nodeId: image.nodeId, role: image.role, bytes: new Uint8Array(20 + i).fill(i) }));
const sent = (plan: TurnPlan) => turnRequest(plan, exportsOf(plan));

describe('a turn with the Brand toggle on', () => {
  it('builds the guidance the test expects', () => {
    expect(brand.guidance).toBe(GUIDANCE);
  });

  it('text-to-image: the guidance follows the words; no image goes (the logo needs an edit)', () => {
    const plan = planTurn(withBrand(inputFor([])));
    const { request } = sent(plan);
    expect(request.prompt).toBe(`a red armchair\n\n${GUIDANCE}`);
    expect(request.images).toBeUndefined();
    expect(recordBrandOf(plan, [])).toEqual({ guidance: GUIDANCE });
  });

  it('an edit: the logo goes as a product reference before the base, named by its place, and is priced', () => {
    const plan = planTurn(withBrand(inputFor([poster])));
    expect(plan.images.map((i) => [i.nodeId, i.role])).toEqual([
      ['9:2', 'product'],
      [poster.id, 'base'],
    ]);
    const { request, images } = sent(plan);
    expect(request.prompt).toMatch(
      /^The first image shows the product: .* Edit the second image; the others are references\./,
    );
    expect(request.prompt.endsWith(GUIDANCE)).toBe(true);
    expect(request.images?.map((i) => i.role)).toEqual(['product', 'base']);
    expect(turnEstimateInputOf(plan).inputImages).toBe(2);
    expect(recordBrandOf(plan, images)).toEqual({ guidance: GUIDANCE, logoNodeId: '9:2' });
  });

  it('the logo already selected as a reference goes once', () => {
    const selectedLogo = { ...logo, id: '9:2' };
    const plan = planTurn(withBrand(inputFor([poster, selectedLogo])));
    expect(plan.images.filter((i) => i.nodeId === '9:2')).toHaveLength(1);
  });

  it('editing the brand frame’s own logo layer sends it once, as the base', () => {
    const plan = planTurn(withBrand(inputFor([{ ...poster, id: '9:2' }])));
    expect(plan.images.map((i) => i.role)).toEqual(['base']);
    expect(plan.brand).toEqual({ guidance: GUIDANCE, logoNodeId: null });
  });

  it('a stateless continuation carries the logo beside the carried reference', () => {
    const plan = planTurn(withBrand(inputFor([result, bottle], { chain, live: false })));
    expect(plan.images.map((i) => i.role)).toContain('product');
    expect(plan.images.at(-1)?.role).toBe('base');
    expect(sent(plan).request.prompt.endsWith(GUIDANCE)).toBe(true);
  });

  it('a regional edit sends the logo among its references and the guidance after the region sentence', () => {
    const plan = planTurn(withBrand(inputFor([poster, patch])));
    expect(plan.images.map((i) => i.source)).toEqual(['reference', 'scene', 'crop']);
    expect(plan.images[0]).toMatchObject({ nodeId: '9:2', role: 'product' });
    expect(sent(plan).request.prompt.endsWith(GUIDANCE)).toBe(true);
  });

  it('with the toggle off the request is exactly as without a brand', () => {
    const off = planTurn(withBrand(inputFor([poster]), null));
    const none = planTurn(inputFor([poster]));
    expect(sent(off).request).toEqual(sent(none).request);
    expect(off.brand).toBeNull();
    expect(recordBrandOf(off, exportsOf(off))).toBeUndefined();
  });
});
