import { describe, expect, it } from 'vitest';
import { liveStageLine, parseStreamEvent, readSseEvents } from '../../core/generate-stream.js';

/** All events of `text` fed to the parser in pieces of `size` characters. */
function eventsIn(text: string, size: number): { event: string; data: string }[] {
  const parser = readSseEvents();
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  return [...out, ...parser.end()];
}

describe('readSseEvents', () => {
  const stream =
    'event: stage\ndata: {"stage":"thinking"}\n\n' +
    ': a comment\r\n' +
    'event: draft\r\ndata: {"index":1,\r\ndata: "x":2}\r\n\r\n' +
    'data: no name\r\r' +
    'event: empty\n\n' +
    'event:tight\ndata:no space\n\n';
  const expected = [
    { event: 'stage', data: '{"stage":"thinking"}' },
    { event: 'draft', data: '{"index":1,\n"x":2}' },
    { event: 'message', data: 'no name' },
    { event: 'tight', data: 'no space' },
  ];

  it.each([1, 2, 3, 7, 1000])(
    'reads LF, CR LF and CR line ends, comments and multi-line data, in pieces of %i',
    (n) => {
      expect(eventsIn(stream, n)).toEqual(expected);
    },
  );

  it('keeps an event that has not ended yet until its blank line arrives', () => {
    const parser = readSseEvents();
    expect(parser.push('event: result\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'result', data: '{"a":1}' }]);
  });

  it('reads a long line that arrives in many pieces once (a 4K image)', () => {
    const data = 'A'.repeat(2_000_000);
    expect(eventsIn(`event: draft\ndata: ${data}\n\n`, 65_536)).toEqual([{ event: 'draft', data }]);
  });
});

describe('parseStreamEvent', () => {
  it.each([
    ['stage', '{"stage":"draft"}', true],
    ['stage', '{"stage":"rendering"}', false],
    ['draft', '{"index":1,"image":{"mimeType":"image/jpeg","data":"/9j/"}}', true],
    ['draft', '{"index":0,"image":{"mimeType":"image/jpeg","data":"/9j/"}}', false],
    ['error', '{"status":422,"error":{"code":"safety_blocked","message":"Blocked."}}', true],
    ['error', '{"status":200,"error":{"code":"safety_blocked","message":"Blocked."}}', false],
    ['error', '{"status":500,"error":{"code":"no_such_code","message":"?"}}', false],
    ['result', '{"image":{}}', false],
    ['ping', '{}', false],
    ['stage', 'not json', false],
  ])('%s %s → %s', (event, data, valid) => {
    expect(parseStreamEvent(event, data) !== null).toBe(valid);
  });
});

describe('liveStageLine', () => {
  it.each([
    ['thinking', null, 'Thinking…'],
    ['draft', 1, 'Draft 1 of ~2 · thinking…'],
    ['draft', 2, 'Draft 2 of ~2 · thinking…'],
    ['draft', 3, 'Draft 3 of ~3 · thinking…'],
    ['thinking', 2, 'Draft 2 of ~2 · thinking…'],
    ['final', 2, 'Final image arriving…'],
    ['final', null, 'Final image arriving…'],
  ] as const)('%s, draft %s → %s', (stage, draft, line) => {
    expect(liveStageLine(stage, draft)).toBe(line);
  });
});
