import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, type CsvValue } from './csv';

/**
 * Independent RFC 4180 reader used to check the writer round-trips. Kept deliberately naive
 * (character loop, no shortcuts) so it does not share bugs with the implementation.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        inQuotes = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      inQuotes = true;
      i += 1;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += ch;
      i += 1;
    }
  }
  if (inQuotes) throw new Error('unterminated quoted field');
  record.push(field);
  records.push(record);
  return records;
}

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

/** What a cell must read as after a round trip, stated independently of the implementation. */
function expected(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  return DANGEROUS.some((d) => value.startsWith(d)) ? `'${value}` : value;
}

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('plumber')).toBe('plumber');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell(12345678901234567890n)).toBe('12345678901234567890');
  });

  it('renders empty values and non-finite numbers as an empty field', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tfoo', "'\tfoo"],
  ])('neutralises formula trigger in %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('neutralises before quoting so the apostrophe ends up inside the quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('\rfoo')).toBe(`"'\rfoo"`);
  });

  it('keeps negative numbers numeric', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(-7n)).toBe('-7');
  });

  it('only looks at the first character', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('foo-bar')).toBe('foo-bar');
  });
});

describe('toCsv', () => {
  it('writes a header record and CRLF-separated rows', () => {
    const csv = toCsv(
      ['Name', 'Jobs', 'Balance'],
      [
        ['Ada', 3, -12.5],
        ['Bob, Jr.', null, 0],
      ],
    );
    expect(csv).toBe('Name,Jobs,Balance\r\nAda,3,-12.5\r\n"Bob, Jr.",,0');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b');
  });

  it('neutralises headers too', () => {
    expect(toCsv(['=x'], [])).toBe("'=x");
  });
});

const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  // Bias towards the interesting prefixes and delimiters, which uniform strings rarely hit.
  fc
    .tuple(fc.constantFrom(...DANGEROUS, '"', ',', '\n', "'", ' '), fc.string({ unit: 'binary-ascii' }))
    .map(([head, tail]) => head + tail),
);

const cell: fc.Arbitrary<CsvValue> = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.constant(null),
  fc.constant(undefined),
);

const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    headers: fc.array(text, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
  }),
);

describe('toCsv properties', () => {
  it('round-trips every cell to its neutralised value', () => {
    fc.assert(
      fc.property(table, ({ headers, rows }) => {
        const parsed = parseCsv(toCsv(headers, rows));
        expect(parsed).toEqual([headers, ...rows].map((record) => record.map(expected)));
      }),
      { numRuns: 500 },
    );
  });

  it('never emits a text cell starting with a formula trigger', () => {
    fc.assert(
      fc.property(table, ({ headers, rows }) => {
        const inputs = [headers, ...rows];
        parseCsv(toCsv(headers, rows)).forEach((record, r) =>
          record.forEach((field, c) => {
            const input = inputs[r][c];
            const numeric = typeof input === 'number' || typeof input === 'bigint';
            if (!numeric) expect(DANGEROUS.includes(field.charAt(0))).toBe(false);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
