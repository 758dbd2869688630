/**
 * The build configuration's promises, checked on the config object (building takes too long for a unit
 * test; the browser tests build for real): no eval source maps under our CSP, office.js from the CDN and
 * never bundled, ExcelJS in its own lazily loaded chunk, dist/cli.js survives a rebuild.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

type Mode = 'development' | 'production';
/** The parts of the config these tests read. */
interface PaneConfig {
  mode: Mode;
  entry: Record<string, string>;
  devtool: string | false;
  output: { path: string; clean: { keep: RegExp } };
  resolve?: object;
  optimization?: object;
  plugins: { constructor: { name: string }; userOptions?: { filename: string; chunks: string[] } }[];
  devServer: { port: number; headers: Record<string, string>; server: string | { type: string } };
}
const webpackConfig = require('../../webpack.config.js') as ((env: object, argv: { mode: Mode }) => PaneConfig) & {
  contentSecurityPolicy(mode: Mode): string;
  OFFICE_JS_URL: string;
};

function configFor(mode: Mode) {
  const saved = process.env.DEPLOY_URL;
  process.env.DEPLOY_URL = 'https://riskplan.example.org/';
  try {
    return webpackConfig({}, { mode });
  } finally {
    if (saved === undefined) delete process.env.DEPLOY_URL;
    else process.env.DEPLOY_URL = saved;
  }
}

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe.each(['development', 'production'] as Mode[])('webpack config (%s)', (mode) => {
  const config = configFor(mode);

  it('builds the pane and the function file from their entries into dist/', () => {
    expect(config.mode).toBe(mode);
    expect(config.entry).toEqual({ taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts' });
    expect(config.output.path).toBe(join(ROOT, 'dist'));
    const pages = config.plugins
      .filter((plugin) => plugin.constructor.name === 'HtmlWebpackPlugin')
      .map((plugin) => [plugin.userOptions?.filename, plugin.userOptions?.chunks]);
    expect(pages).toEqual([
      ['taskpane.html', ['taskpane']],
      ['commands.html', ['commands']],
    ]);
  });

  it('never uses eval-based source maps (the CSP has no unsafe-eval)', () => {
    expect(String(config.devtool)).not.toMatch(/eval/);
  });

  it('keeps the runner bundle when it cleans dist/', () => {
    const keep = config.output.clean.keep;
    expect(keep.test('cli.js')).toBe(true);
    expect(keep.test('cli.js.map')).toBe(true);
    expect(keep.test('taskpane.js')).toBe(false);
  });

  it('bundles no ExcelJS for the browser (the file adapter reads and writes workbooks itself)', () => {
    expect(JSON.stringify(config.resolve ?? {})).not.toMatch(/exceljs/i);
    expect(JSON.stringify(config.optimization ?? {})).not.toMatch(/exceljs/i);
  });

  it('serves https on port 3000 with CORS open for Office', () => {
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.headers).toEqual({ 'Access-Control-Allow-Origin': '*' });
    const server = config.devServer.server;
    expect(server === 'https' || (typeof server === 'object' && server.type === 'https')).toBe(true);
  });

  it('has a tight CSP: our origin and the Office CDN for scripts, nothing to connect to', () => {
    const policy = directives(webpackConfig.contentSecurityPolicy(mode));
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(policy['object-src']).toEqual(["'none'"]);
    const everySource = Object.values(policy).flat();
    expect(everySource).not.toContain("'unsafe-eval'");
    expect(everySource.filter((source) => source === "'unsafe-inline'")).toHaveLength(1); // style-src only
    expect(policy['style-src']).toContain("'unsafe-inline'");
    const connect = mode === 'production' ? ["'self'"] : ["'self'", 'wss://localhost:3000'];
    expect(policy['connect-src']).toEqual(connect);
  });
});

describe('HTML shells', () => {
  it.each(['src/taskpane/taskpane.html', 'src/commands/commands.html'])('%s sets the CSP before loading office.js from the CDN', (file) => {
    const html = readFileSync(join(ROOT, file), 'utf8');
    const csp = html.indexOf('http-equiv="Content-Security-Policy" content="<%= htmlWebpackPlugin.options.contentSecurityPolicy %>"');
    const officeJs = html.indexOf('<script src="<%= htmlWebpackPlugin.options.officeJsUrl %>"></script>');
    expect(csp).toBeGreaterThan(0);
    expect(officeJs).toBeGreaterThan(csp);
    expect(html.match(/<script/g)).toHaveLength(1); // the bundle is injected by webpack
  });

  it('gives the React app its mount point', () => {
    expect(readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8')).toContain('<div id="root"></div>');
  });

  it("loads office.js from Microsoft's CDN", () => {
    expect(webpackConfig.OFFICE_JS_URL).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });
});
