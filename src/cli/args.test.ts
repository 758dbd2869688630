import { parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('reads analyze with its options in any order and --flag=value', () => {
    expect(parseArgs(['analyze', '--json', 'reg.xlsx', '--as-of=2026-11-22', '--matrix', '3x3'])).toEqual({
      command: 'analyze',
      input: 'reg.xlsx',
      asOf: '2026-11-22',
      matrix: '3x3',
      json: true,
    });
  });

  it('generates both sheets unless one is named', () => {
    const both = parseArgs(['generate', 'a.xlsx', '-o', 'b.xlsx']);
    expect(both).toMatchObject({ plan: true, progress: true, highlights: true, inPlace: false, keepPrevious: false, output: 'b.xlsx' });
    expect(parseArgs(['generate', 'a.xlsx', '-o', 'b.xlsx', '--plan'])).toMatchObject({ plan: true, progress: false });
    expect(parseArgs(['generate', 'a.xlsx', '-o', 'b.xlsx', '--progress'])).toMatchObject({ plan: false, progress: true });
    expect(
      parseArgs([
        'generate',
        'a.xlsx',
        '--output',
        'b.xlsx',
        '--plan',
        '--progress',
        '--no-highlights',
        '--practice',
        'Acme Dental',
        '--keep-previous',
      ]),
    ).toMatchObject({
      plan: true,
      progress: true,
      highlights: false,
      practice: 'Acme Dental',
      keepPrevious: true,
    });
  });

  it('accepts --in-place without -o', () => {
    expect(parseArgs(['generate', 'a.xlsx', '--in-place'])).toMatchObject({ inPlace: true, output: null });
  });

  it.each([
    [['frobnicate', 'a.xlsx'], 'Unknown command'],
    [['analyze'], 'Name the workbook'],
    [['analyze', 'a.xlsx', 'b.xlsx'], 'one workbook'],
    [['analyze', 'a.xlsx', '--as-of', '22/11/2026'], 'YYYY-MM-DD'],
    [['analyze', 'a.xlsx', '--as-of', '2026-02-30'], 'YYYY-MM-DD'],
    [['analyze', 'a.xlsx', '--as-of'], 'needs a value'],
    [['analyze', 'a.xlsx', '--matrix', '4x4'], 'nist, 3x3, product'],
    [['analyze', 'a.xlsx', '-o', 'b.xlsx'], 'Unknown option "-o"'],
    [['generate', 'a.xlsx'], '-o OUT.xlsx'],
    [['generate', 'a.xlsx', '-o', 'b.xlsx', '--plan=yes'], 'takes no value'],
  ])('refuses %j', (argv, words) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(words);
  });

  it('answers help and version', () => {
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['generate', '--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
  });
});
