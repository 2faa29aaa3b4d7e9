/** The Gemini double on loopback and the real `@google/genai` client pointed at it, for the tests of one file. */
import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll } from 'vitest';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';

export interface DoubleWithSdk {
  double: GeminiDouble;
  ai: GoogleGenAI;
}

/** Starts both before the file's tests and stops the double after them; read the fields inside a test. */
export function useGeminiDoubleWithSdk(): DoubleWithSdk {
  const started = {} as DoubleWithSdk;
  beforeAll(async () => {
    started.double = await startGeminiDouble();
    started.ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: started.double.url } });
  });
  afterAll(() => started.double?.close());
  return started;
}
