/**
 * A small file to play with: on the current page, a "Poster" frame (540 × 675: a generated sunset as an IMAGE
 * fill, a dark scrim rectangle, a headline, body text, and a CTA button with its label) and a "Product shot" frame
 * (600 × 600 with an image fill) to its right. It is built as a file that already exists when the plugin starts:
 * the undo history starts after it and the plugin still has to load fonts before editing its text.
 */
import { doubleOf } from './create-figma-double.js';
import type { FigmaDoubleApi } from './figma-double-api.js';
import { unwrap } from './nodes/node-double.js';
import type { TextDouble, TextProps } from './nodes/text-double.js';
import { productPngBytes, sunsetPngBytes } from './sample-images.js';

/** The nodes of the sample file. */
export interface SampleDocument {
  poster: FrameNode;
  scrim: RectangleNode;
  headline: TextNode;
  body: TextNode;
  ctaButton: RectangleNode;
  cta: TextNode;
  productShot: FrameNode;
  posterImage: Image;
  productImage: Image;
}

const WHITE = { r: 1, g: 1, b: 1 };

/** Builds the sample file on the current page. */
export function createSampleDocument(figma: FigmaDoubleApi): SampleDocument {
  const posterImage = figma.createImage(sunsetPngBytes(540, 675));
  const productImage = figma.createImage(productPngBytes(600, 600));

  const poster = figma.createFrame();
  poster.name = 'Poster';
  poster.resize(540, 675);
  poster.fills = [{ type: 'IMAGE', imageHash: posterImage.hash, scaleMode: 'FILL' }];

  const scrim = figma.createRectangle();
  scrim.name = 'Scrim';
  scrim.resize(540, 260);
  scrim.y = 415;
  scrim.fills = [{ type: 'SOLID', color: { r: 0.08, g: 0.05, b: 0.12 }, opacity: 0.45 }];
  poster.appendChild(scrim);

  const headline = text(
    figma,
    poster,
    'Headline',
    { characters: 'Summer Sale', fontSize: 56, fontName: { family: 'Inter', style: 'Bold' } },
    40,
    440,
  );
  const body = text(
    figma,
    poster,
    'Body',
    {
      characters: 'Fresh styles for long sunny days.\nUp to 40% off this week only.',
      fontSize: 20,
      textAutoResize: 'HEIGHT',
      width: 460,
    },
    40,
    520,
  );

  const ctaButton = figma.createRectangle();
  ctaButton.name = 'CTA button';
  ctaButton.resize(180, 52);
  ctaButton.x = 40;
  ctaButton.y = 595;
  ctaButton.cornerRadius = 26;
  ctaButton.fills = [{ type: 'SOLID', color: { r: 1, g: 0.55, b: 0.1 } }];
  poster.appendChild(ctaButton);
  const cta = text(
    figma,
    poster,
    'CTA',
    {
      characters: 'Shop now',
      fontSize: 22,
      fontName: { family: 'Inter', style: 'Semi Bold' },
      textAutoResize: 'NONE',
      textAlignHorizontal: 'CENTER',
      textAlignVertical: 'CENTER',
      width: 180,
      height: 52,
    },
    40,
    595,
  );

  const productShot = figma.createFrame();
  productShot.name = 'Product shot';
  productShot.resize(600, 600);
  productShot.x = 640;
  productShot.fills = [{ type: 'IMAGE', imageHash: productImage.hash, scaleMode: 'FILL' }];

  doubleOf(figma).resetUndoHistory();
  return { poster, scrim, headline, body, ctaButton, cta, productShot, posterImage, productImage };
}

function text(
  figma: FigmaDoubleApi,
  parent: FrameNode,
  name: string,
  props: Partial<TextProps>,
  x: number,
  y: number,
): TextNode {
  const node = figma.createText();
  (unwrap(node, 'createSampleDocument') as TextDouble).$assign({
    fills: [{ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: WHITE }],
    ...props,
  });
  node.name = name;
  node.x = x;
  node.y = y;
  parent.appendChild(node);
  return node;
}
