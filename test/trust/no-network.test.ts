/**
 * No network: the pane's Content-Security-Policy only lets it talk to its own origin and load
 * scripts from itself and Microsoft's office.js CDN, and no source file opens a connection.
 * (The browser test in test/browser records the requests actually made.)
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

/** html-webpack-plugin's own template engine (lodash, a dependency of the plugin; no typings installed). */
type Template = (source: string) => (data: object) => string;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const template = require(
  require.resolve('lodash/template', { paths: [path.dirname(require.resolve('html-webpack-plugin/package.json'))] }),
) as Template;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

interface HtmlPluginLike {
  constructor: { name: string };
  userOptions?: { filename?: string; template?: string; contentSecurityPolicy?: string; officeJsUrl?: string };
}

/** Renders each HTML page exactly as html-webpack-plugin does (lodash template + the plugin options). */
function builtPages(mode: 'development' | 'production'): Map<string, string> {
  const previous = process.env.DEPLOY_URL;
  process.env.DEPLOY_URL = 'https://riskplan.example.org/addin/';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const createConfig = require(path.join(root, 'webpack.config.js')) as (env: object, argv: object) => { plugins: HtmlPluginLike[] };
    const pages = new Map<string, string>();
    for (const plugin of createConfig({}, { mode }).plugins) {
      const options = plugin.userOptions;
      if (plugin.constructor.name !== 'HtmlWebpackPlugin' || !options?.template || !options.filename) continue;
      const source = readFileSync(path.join(root, options.template), 'utf8');
      pages.set(options.filename, template(source)({ htmlWebpackPlugin: { options } }));
    }
    return pages;
  } finally {
    if (previous === undefined) delete process.env.DEPLOY_URL;
    else process.env.DEPLOY_URL = previous;
  }
}

/** The policy of the page's <meta http-equiv="Content-Security-Policy">, as directive -> sources. */
function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  expect(metas).toHaveLength(1);
  const policy = new Map<string, string[]>();
  for (const part of metas[0][1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

describe('Content-Security-Policy of the built pages', () => {
  it.each(['production', 'development'] as const)('%s: connect-src is our own origin, scripts only ours and office.js', (mode) => {
    const pages = builtPages(mode);
    expect([...pages.keys()].sort()).toEqual(['commands.html', 'taskpane.html']);
    for (const [, html] of pages) {
      const csp = cspOf(html);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'", OFFICE_CDN]);
      const connect = csp.get('connect-src') ?? [];
      if (mode === 'production') expect(connect).toEqual(["'self'"]);
      else {
        // Development only adds the dev server's own live-reload socket on localhost.
        expect(connect[0]).toBe("'self'");
        for (const extra of connect.slice(1)) expect(extra).toMatch(/^wss:\/\/localhost:\d+$/);
      }
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('form-action')).toEqual(["'none'"]);
      for (const sources of csp.values()) {
        expect(sources).not.toContain("'unsafe-eval'");
        expect(sources).not.toContain('*');
        expect(sources).not.toContain('https:');
        expect(sources).not.toContain('http:');
      }
      // The policy must be in force before the first script runs.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      // Every script the page loads is office.js from the CDN (webpack injects our own bundles).
      const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
      for (const src of scripts) expect(src.startsWith(`${OFFICE_CDN}/`)).toBe(true);
    }
  });
});

/** Ways a page or module could send data out of the machine. */
const NETWORK_APIS = /\bfetch\s*\(|\bXMLHttpRequest\b|\bsendBeacon\b|\bWebSocket\b|\bEventSource\b/;

/** Files allowed to mention one of the APIs above, with the reason. None today. */
const ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs|html)$/.test(name) ? [full] : [];
  });
}

describe('no network calls in the source', () => {
  it('the pattern catches each API (self-check)', () => {
    for (const line of [
      'await fetch(url)',
      'new XMLHttpRequest()',
      'navigator.sendBeacon(u, d)',
      'new WebSocket("wss://x")',
      'window.fetch (x)',
    ]) {
      expect(line).toMatch(NETWORK_APIS);
    }
    expect('const prefetched = refetchRows(x)').not.toMatch(NETWORK_APIS);
  });

  it('no file under src/ references fetch(, XMLHttpRequest, navigator.sendBeacon or WebSocket', () => {
    const files = sourceFiles(path.join(root, 'src'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
      .filter((rel) => !(rel in ALLOWED))
      .flatMap((rel) =>
        readFileSync(path.join(root, rel), 'utf8')
          .split('\n')
          .map((line, i) => ({ rel, line, at: i + 1 }))
          .filter(({ line }) => NETWORK_APIS.test(line))
          .map(({ rel, line, at }) => `${rel}:${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
