import { describe, expect, it } from 'vitest';
import { scanBody } from './scan.js';

describe('scanBody', () => {
  it('cuts a body into text and placeholders with their offsets', () => {
    expect(scanBody('Yth. {nama_wp}, NPWPD {npwpd}.')).toEqual({
      tokens: [
        { kind: 'text', text: 'Yth. ', start: 0, end: 5 },
        { kind: 'placeholder', name: 'nama_wp', start: 5, end: 14 },
        { kind: 'text', text: ', NPWPD ', start: 14, end: 22 },
        { kind: 'placeholder', name: 'npwpd', start: 22, end: 29 },
        { kind: 'text', text: '.', start: 29, end: 30 },
      ],
      problems: [],
    });
  });

  it('reads placeholders with nothing between them', () => {
    expect(scanBody('{nama_wp}{total}').tokens).toEqual([
      { kind: 'placeholder', name: 'nama_wp', start: 0, end: 9 },
      { kind: 'placeholder', name: 'total', start: 9, end: 16 },
    ]);
  });

  it('reports an unknown name where it was typed and keeps it as text', () => {
    const scanned = scanBody('Halo {nama}!');
    expect(scanned.problems).toEqual([{ kind: 'unknown_placeholder', name: 'nama', suggestion: null, start: 5, end: 11 }]);
    expect(scanned.tokens).toEqual([{ kind: 'text', text: 'Halo {nama}!', start: 0, end: 12 }]);
  });

  it('treats names as case-sensitive and suggests the lower-case one', () => {
    expect(scanBody('Yth. {Nama_WP}').problems).toEqual([{ kind: 'unknown_placeholder', name: 'Nama_WP', suggestion: 'nama_wp', start: 5, end: 14 }]);
    expect(scanBody('{ jatuh tempo }').problems[0]).toMatchObject({ kind: 'unknown_placeholder', suggestion: 'jatuh_tempo' });
  });

  it('underlines an unclosed brace with the name typed after it', () => {
    expect(scanBody('Halo {nama_wp sampai').problems).toEqual([{ kind: 'malformed_placeholder', reason: 'unclosed', text: '{nama_wp', start: 5, end: 13 }]);
  });

  it('underlines a closing brace without an opening one with the name typed before it', () => {
    expect(scanBody('Halo nama_wp} ya').problems).toEqual([{ kind: 'malformed_placeholder', reason: 'unopened', text: 'nama_wp}', start: 5, end: 13 }]);
    expect(scanBody('{total}}').problems).toEqual([{ kind: 'malformed_placeholder', reason: 'unopened', text: '}', start: 7, end: 8 }]);
  });

  it('does not let a placeholder run across a line break', () => {
    expect(scanBody('Halo {nama_wp\n}').problems).toEqual([
      { kind: 'malformed_placeholder', reason: 'unclosed', text: '{nama_wp', start: 5, end: 13 },
      { kind: 'malformed_placeholder', reason: 'unopened', text: '}', start: 14, end: 15 },
    ]);
  });

  it('reports empty braces', () => {
    expect(scanBody('Nomor {} ini').problems).toEqual([{ kind: 'malformed_placeholder', reason: 'empty', text: '{}', start: 6, end: 8 }]);
  });

  it("reports Meta's numbered form typed by hand", () => {
    expect(scanBody('Bayar {{1}} ya').problems).toEqual([{ kind: 'malformed_placeholder', reason: 'double_braces', text: '{{1}}', start: 6, end: 11 }]);
    expect(scanBody('{{nama_wp}}').problems).toEqual([{ kind: 'malformed_placeholder', reason: 'double_braces', text: '{{nama_wp}}', start: 0, end: 11 }]);
  });

  it('counts offsets in UTF-16 units, as a textarea does', () => {
    expect(scanBody('😀 {nama}').problems[0]).toMatchObject({ start: 3, end: 9 });
  });

  it('covers the whole body with its tokens', () => {
    const body = 'Yth. {nama_wp} {x} {nop\n{{1}} {} total}: {total}';
    const rebuilt = scanBody(body)
      .tokens.map((t) => (t.kind === 'text' ? t.text : `{${t.name}}`))
      .join('');
    expect(rebuilt).toBe(body);
  });
});
