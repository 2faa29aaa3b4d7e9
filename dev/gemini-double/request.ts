/**
 * Reads a `generateContent` body into the few fields the double acts on. Google accepts both the proto JSON names
 * (camelCase, what the SDK sends) and the REST docs' snake_case (`inline_data`, `mime_type`, `generation_config`),
 * so every key is camelised first (docs/gemini-platform.md#request-body).
 */
import { invalidArgument, type GoogleErrorBody } from './errors.js';

/** One request part, reduced to what the double looks at. */
export interface RequestPart {
  text: string | null;
  inlineData: { mimeType: string; data: string } | null;
  /** A `fileData` part: counted as an input image when its type is an image, never fetched. */
  fileData: { mimeType: string } | null;
  thought: boolean;
  thoughtSignature: string | null;
}

/** One content: `role` is `user`, `model`, or empty (which Google treats as `user`). */
export interface RequestContent {
  role: string;
  parts: RequestPart[];
}

/** What the double acts on. */
export interface GenerateRequest {
  contents: RequestContent[];
  /** All prompt text the model reads (system instruction included), for the token count. */
  allText: string;
  /** Text of the last user content: where the trigger words are read from and the picture seed. */
  prompt: string;
  aspectRatio: string | null;
  imageSize: string | null;
  candidateCount: number | null;
  responseModalities: string[] | null;
  /** `generationConfig.thinkingConfig.includeThoughts`: send thought summaries and interim images. */
  includeThoughts: boolean;
}

/** Data fields of a `Part` (its proto oneof); a part with none of them is rejected. */
const DATA_FIELDS = [
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'executableCode',
  'codeExecutionResult',
];

/** Reads and checks the body; returns Google's 400 body for what Google would refuse. */
export function readGenerateRequest(raw: unknown): GenerateRequest | GoogleErrorBody {
  const body = camelise(raw);
  if (!isRecord(body)) return invalidArgument('Invalid JSON payload received. Expected an object.');
  const rawContents = body['contents'];
  if (rawContents === undefined || (Array.isArray(rawContents) && rawContents.length === 0)) {
    return invalidArgument('* GenerateContentRequest.contents: contents is not specified', 'contents');
  }
  if (!Array.isArray(rawContents)) return invalidArgument("Invalid value at 'contents'.", 'contents');
  const contents: RequestContent[] = [];
  for (const [c, rawContent] of rawContents.entries()) {
    if (!isRecord(rawContent)) return invalidArgument(`Invalid value at 'contents[${c}]'.`, `contents[${c}]`);
    const role = typeof rawContent['role'] === 'string' ? rawContent['role'] : '';
    if (role !== '' && role !== 'user' && role !== 'model')
      return invalidArgument('Please use a valid role: user, model.');
    const rawParts = rawContent['parts'];
    if (!Array.isArray(rawParts) || rawParts.length === 0) {
      return invalidArgument(
        `* GenerateContentRequest.contents[${c}].parts: contents.parts must not be empty.`,
        `contents[${c}].parts`,
      );
    }
    const parts: RequestPart[] = [];
    for (const [p, rawPart] of rawParts.entries()) {
      const part = readPart(rawPart);
      if (!part) {
        const field = `contents[${c}].parts[${p}].data`;
        return invalidArgument(
          `* GenerateContentRequest.${field}: required oneof field 'data' must have one initialized field`,
          field,
        );
      }
      parts.push(part);
    }
    contents.push({ role, parts });
  }
  const config = isRecord(body['generationConfig']) ? body['generationConfig'] : {};
  const imageConfig = isRecord(config['imageConfig']) ? config['imageConfig'] : {};
  const lastUser = [...contents].reverse().find((content) => content.role !== 'model');
  const textOf = (content: RequestContent): string =>
    content.parts
      .filter((part) => !part.thought && part.text !== null)
      .map((part) => part.text)
      .join('\n');
  const system = isRecord(body['systemInstruction']) ? body['systemInstruction'] : null;
  const systemText = Array.isArray(system?.['parts'])
    ? system['parts'].map((part) => (isRecord(part) && typeof part['text'] === 'string' ? part['text'] : '')).join('')
    : '';
  return {
    contents,
    allText: systemText + contents.map(textOf).join(''),
    prompt: lastUser ? textOf(lastUser) : '',
    aspectRatio: nonEmptyString(imageConfig['aspectRatio']),
    imageSize: nonEmptyString(imageConfig['imageSize']),
    candidateCount: typeof config['candidateCount'] === 'number' ? config['candidateCount'] : null,
    responseModalities: Array.isArray(config['responseModalities'])
      ? config['responseModalities'].filter((m): m is string => typeof m === 'string').map((m) => m.toUpperCase())
      : null,
    includeThoughts: isRecord(config['thinkingConfig']) && config['thinkingConfig']['includeThoughts'] === true,
  };
}

function readPart(raw: unknown): RequestPart | null {
  if (!isRecord(raw) || !DATA_FIELDS.some((field) => raw[field] !== undefined)) return null;
  const inline = isRecord(raw['inlineData']) ? raw['inlineData'] : null;
  const file = isRecord(raw['fileData']) ? raw['fileData'] : null;
  return {
    text: typeof raw['text'] === 'string' ? raw['text'] : null,
    inlineData: inline
      ? {
          mimeType: typeof inline['mimeType'] === 'string' ? inline['mimeType'] : '',
          data: typeof inline['data'] === 'string' ? inline['data'] : '',
        }
      : null,
    fileData: file ? { mimeType: typeof file['mimeType'] === 'string' ? file['mimeType'] : '' } : null,
    thought: raw['thought'] === true,
    thoughtSignature: nonEmptyString(raw['thoughtSignature']),
  };
}

/** A deep copy with every object key in camelCase (`inline_data` → `inlineData`). */
export function camelise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelise);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = camelise(inner);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
