/**
 * The Gemini double's Batch API through the real `@google/genai` client (`ai.batches.create/get/list/cancel/delete`):
 * inlined requests, states on the double's poll clock, inlined answers that are real images, and a failure per
 * request where its prompt carries an error trigger. What it mimics is in docs/gemini-double.md#the-batch-api.
 */
import { ApiError, GoogleGenAI, JobState, type BatchJob, type InlinedRequest } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';

const model = 'gemini-3.1-flash-image';
let double: GeminiDouble;
let ai: GoogleGenAI;

beforeAll(async () => {
  double = await startGeminiDouble({ batchClock: { pendingPolls: 1, runningPolls: 2 } });
  ai = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: double.url, apiVersion: 'v1beta' } });
});
afterAll(() => double?.close());

function request(prompt: string, key: string): InlinedRequest {
  return {
    contents: [{ role: 'user', parts: [{ text: prompt }] }],
    config: { responseModalities: ['IMAGE'], imageConfig: { imageSize: '512', aspectRatio: '1:1' } },
    metadata: { key },
  };
}

async function create(prompts: string[]): Promise<BatchJob> {
  return ai.batches.create({
    model,
    src: prompts.map((prompt, i) => request(prompt, `r${i}`)),
    config: { displayName: 'campaign' },
  });
}

describe('create, get, list', () => {
  it('creates a PENDING job that runs on the next poll and succeeds after the running polls', async () => {
    const job = await create(['a red chair', 'a blue lamp']);
    expect(job.name).toMatch(/^batches\/[a-z0-9]+$/);
    expect(job.state).toBe(JobState.JOB_STATE_PENDING);
    expect(job.displayName).toBe('campaign');
    expect(job.model).toBe(`models/${model}`);
    const created = double.requests.find((r) => r.path === `/v1beta/models/${model}:batchGenerateContent`);
    expect(created?.method).toBe('POST');
    const name = job.name!;
    const states = [];
    for (let i = 0; i < 4; i++) states.push((await ai.batches.get({ name })).state);
    expect(states).toEqual([
      JobState.JOB_STATE_RUNNING,
      JobState.JOB_STATE_RUNNING,
      JobState.JOB_STATE_SUCCEEDED,
      JobState.JOB_STATE_SUCCEEDED,
    ]);
    const done = await ai.batches.get({ name });
    expect(done.endTime).toBeDefined();
    const answers = done.dest?.inlinedResponses ?? [];
    expect(answers).toHaveLength(2);
    expect(answers.map((a) => a.metadata)).toEqual([{ key: 'r0' }, { key: 'r1' }]);
    for (const answer of answers) {
      const image = answer.response?.candidates?.[0]?.content?.parts?.find((p) => p.inlineData)?.inlineData;
      expect(image?.mimeType).toBe('image/jpeg');
      const header = readImageHeader(Buffer.from(image!.data!, 'base64'));
      expect(header && [header.width, header.height]).toEqual([512, 512]);
      expect(answer.response?.usageMetadata?.candidatesTokenCount).toBeGreaterThanOrEqual(747);
    }
  });

  it('draws each inlined request as its own generateContent would', async () => {
    const job = await create(['a green vase']);
    for (let i = 0; i < 3; i++) await ai.batches.get({ name: job.name! });
    const done = await ai.batches.get({ name: job.name! });
    const single = await ai.models.generateContent({
      model,
      contents: 'a green vase',
      config: { responseModalities: ['IMAGE'], imageConfig: { imageSize: '512', aspectRatio: '1:1' } },
    });
    const imageOf = (parts: { inlineData?: { data?: string } }[] | undefined) =>
      parts?.find((p) => p.inlineData)?.inlineData?.data;
    expect(imageOf(done.dest?.inlinedResponses?.[0]?.response?.candidates?.[0]?.content?.parts)).toBe(
      imageOf(single.candidates?.[0]?.content?.parts),
    );
  });

  it('lists jobs newest first, without their outputs, in pages', async () => {
    const a = await create(['first of the list']);
    const b = await create(['second of the list']);
    const pager = await ai.batches.list({ config: { pageSize: 1 } });
    expect(pager.page.map((j) => j.name)).toEqual([b.name]);
    const names: string[] = [];
    for await (const job of pager) names.push(job.name!);
    expect(names.slice(0, 2)).toEqual([b.name, a.name]);
    expect(names.length).toBe(double.batches.size);
    expect(pager.page.every((j) => j.dest === undefined)).toBe(true);
  });

  it('answers an unknown job with 404 NOT_FOUND', async () => {
    const error = await ai.batches.get({ name: 'batches/nosuchjob' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toContain('Requested entity was not found.');
  });

  it('refuses an unknown model and an empty job', async () => {
    const unknown = await ai.batches
      .create({ model: 'no-such-model', src: [request('x', 'x')] })
      .catch((e: unknown) => e);
    expect((unknown as ApiError).status).toBe(404);
    const empty = await ai.batches.create({ model, src: [] }).catch((e: unknown) => e);
    expect((empty as ApiError).status).toBe(400);
  });
});

describe('failures per request', () => {
  it('fails only the requests whose prompt carries an error trigger, each with its status', async () => {
    const job = await create([
      'a good cup',
      'a refused cup [double:429]',
      'a broken cup [double:500]',
      'a typo [double:nope]',
    ]);
    for (let i = 0; i < 3; i++) await ai.batches.get({ name: job.name! });
    const done = await ai.batches.get({ name: job.name! });
    expect(done.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    const answers = done.dest?.inlinedResponses ?? [];
    expect(answers[0]?.response?.candidates?.[0]?.finishReason).toBe('STOP');
    expect(answers[0]?.error).toBeUndefined();
    expect(answers[1]?.error).toMatchObject({ code: 429 });
    expect(answers[1]?.response).toBeUndefined();
    expect(answers[2]?.error).toMatchObject({ code: 500 });
    expect(answers[3]?.error).toMatchObject({ code: 400 });
    expect(answers.map((a) => a.metadata)).toEqual([{ key: 'r0' }, { key: 'r1' }, { key: 'r2' }, { key: 'r3' }]);
    // batchStats is on the wire (the SDK 3.x leaves it out of BatchJob).
    const raw = await fetch(`${double.url}/v1beta/${job.name}`, { headers: { 'x-goog-api-key': 'k' } });
    const body = (await raw.json()) as { metadata: { batchStats: unknown }; done: boolean };
    expect(body.metadata.batchStats).toEqual({
      requestCount: '4',
      successfulRequestCount: '1',
      failedRequestCount: '3',
    });
    expect(body.done).toBe(true);
  });

  it('answers a refusal trigger as a response with its finish reason, not an error', async () => {
    const job = await create(['a filtered cup [double:image-safety]']);
    for (let i = 0; i < 3; i++) await ai.batches.get({ name: job.name! });
    const answer = (await ai.batches.get({ name: job.name! })).dest?.inlinedResponses?.[0];
    expect(answer?.error).toBeUndefined();
    expect(answer?.response?.candidates?.[0]?.finishReason).toBe('IMAGE_SAFETY');
  });
});

describe('jobs that end as a whole', () => {
  it('[double:batch-expired] and [double:batch-failed] end the whole job in that state, without output', async () => {
    for (const [word, state] of [
      ['batch-expired', JobState.JOB_STATE_EXPIRED],
      ['batch-failed', JobState.JOB_STATE_FAILED],
    ] as const) {
      const job = await create(['a fine mug', `a doomed mug [double:${word}]`]);
      for (let i = 0; i < 3; i++) await ai.batches.get({ name: job.name! });
      const done = await ai.batches.get({ name: job.name! });
      expect(done.state).toBe(state);
      expect(done.endTime).toBeDefined();
      expect(done.dest?.inlinedResponses).toBeUndefined();
    }
  });
});

describe('cancel and delete', () => {
  it('cancels a pending or running job, which then stays cancelled with no output', async () => {
    const job = await create(['a cancelled plate']);
    await ai.batches.get({ name: job.name! }); // RUNNING
    await ai.batches.cancel({ name: job.name! });
    const id = job.name!.slice('batches/'.length);
    expect(double.batches.get(id)?.state).toBe('BATCH_STATE_CANCELLED');
    const after = await ai.batches.get({ name: job.name! });
    expect(after.state).toBe(JobState.JOB_STATE_CANCELLED);
    expect(after.dest?.inlinedResponses).toBeUndefined();
    expect(double.requests.some((r) => r.method === 'POST' && r.path === `/v1beta/${job.name}:cancel`)).toBe(true);
  });

  it('leaves a finished job as it is when cancelled, and deletes a job', async () => {
    const job = await create(['a finished bowl']);
    for (let i = 0; i < 3; i++) await ai.batches.get({ name: job.name! });
    await ai.batches.cancel({ name: job.name! });
    expect((await ai.batches.get({ name: job.name! })).state).toBe(JobState.JOB_STATE_SUCCEEDED);
    await ai.batches.delete({ name: job.name! });
    expect(double.batches.has(job.name!.slice('batches/'.length))).toBe(false);
  });
});
