/**
 * Browser build of the Risk Plan add-in: the task pane (taskpane.html) and the ribbon's function file
 * (commands.html), plus the icons and the manifest, into dist/.
 *
 *   webpack --mode development   dist/ for the browser tests and the dev server (no eval: see devtool)
 *   webpack --mode production    deployable dist/; set DEPLOY_URL=https://host/path/ to rewrite the manifest
 *   webpack serve                https://localhost:3000 (npm start wraps this)
 *
 * office.js is NOT bundled: Office requires add-ins to load it from Microsoft's CDN, so the HTML shells load
 * it with a script tag. ExcelJS is only needed in file mode (outside Excel); the pane imports the .xlsx
 * adapter with a dynamic import(), and ExcelJS lands in its own async chunk that Excel never downloads.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Where the dev server runs; manifest.xml in the repo always points here. */
const DEV_SERVER_ORIGIN = 'https://localhost:3000';
const DEV_SERVER_BASE_URL = `${DEV_SERVER_ORIGIN}/`;
const DEV_SERVER_PORT = 3000;
const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Files `office-addin-dev-certs install` writes; trusted by the OS when the user installed the CA. */
const DEV_CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const DEV_CERT_FILES = {
  key: path.join(DEV_CERT_DIR, 'localhost.key'),
  cert: path.join(DEV_CERT_DIR, 'localhost.crt'),
  ca: path.join(DEV_CERT_DIR, 'ca.crt'),
};

/**
 * The Content-Security-Policy of both HTML pages, one source per reason. It is the single place the
 * policy is defined; the templates print it into a <meta> tag.
 * @param {'development' | 'production'} mode
 * @returns {string}
 */
function contentSecurityPolicy(mode) {
  const directives = {
    // Anything not listed below: only our own origin.
    'default-src': ["'self'"],
    // Our bundles, and office.js plus the host-specific scripts it loads from Microsoft's CDN.
    'script-src': ["'self'", 'https://appsforoffice.microsoft.com'],
    // Fluent UI v9 (Griffel) injects <style> elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Icons; data: for Fluent's inline SVG images; blob: for previews of generated files.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The pane talks to nobody: no telemetry, no APIs. The dev server's live-reload socket in development only
    // (spelled out because older WebKit does not let 'self' cover wss:).
    'connect-src': mode === 'development' ? ["'self'", `wss://localhost:${DEV_SERVER_PORT}`] : ["'self'"],
    // Office on the web may host its helper frames from officeapps.live.com; nothing else may be framed.
    // This also blocks office.js's own telemetry frame (telemetryservice.firstpartyapps.oaspapps.com), on
    // purpose: office.js has no supported switch for it outside Office, so the browser logs one CSP error for
    // it and nothing leaves the machine (README, "Data and privacy").
    'frame-src': ['https://*.officeapps.live.com'],
    // File mode reads and writes the workbook in a Web Worker built from our own bundle (never a blob: URL).
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    // No form is ever submitted anywhere (the file input is read locally).
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Points a manifest at the deployed site: every dev-server URL (https://localhost:3000/...) becomes the same
 * path under deployUrl. Refuses anything but an absolute https URL, because Office loads add-ins over https only.
 * @param {string} manifestXml
 * @param {string} deployUrl  e.g. https://riskplan.example.org/addin/
 * @returns {string}
 */
function rewriteManifestUrls(manifestXml, deployUrl) {
  let url;
  try {
    url = new URL(deployUrl);
  } catch {
    throw new Error(`DEPLOY_URL "${deployUrl}" is not an absolute URL (expected https://host/path/).`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`DEPLOY_URL "${deployUrl}" must use https: Office loads add-ins only over https.`);
  }
  if (url.search || url.hash) {
    throw new Error(`DEPLOY_URL "${deployUrl}" must not have a query or fragment.`);
  }
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return manifestXml.split(DEV_SERVER_BASE_URL).join(base);
}

/** https options for the dev server: the Office dev certificates when present, else its own self-signed one. */
function devServerHttps() {
  const haveDevCerts = Object.values(DEV_CERT_FILES).every((file) => fs.existsSync(file));
  if (!haveDevCerts) return 'https';
  return {
    type: 'https',
    options: {
      key: fs.readFileSync(DEV_CERT_FILES.key),
      cert: fs.readFileSync(DEV_CERT_FILES.cert),
      ca: fs.readFileSync(DEV_CERT_FILES.ca),
    },
  };
}

/** Terser without the separate *.LICENSE.txt files it writes by default. */
function minimizers() {
  const webpackDir = path.dirname(require.resolve('webpack/package.json'));
  const TerserPlugin = require(require.resolve('terser-webpack-plugin', { paths: [webpackDir] }));
  return [new TerserPlugin({ extractComments: false })];
}

/**
 * @param {Record<string, unknown>} _env
 * @param {{ mode?: 'development' | 'production' }} argv
 * @returns {import('webpack').Configuration}
 */
function createConfig(_env = {}, argv = {}) {
  const mode = argv.mode === 'production' ? 'production' : 'development';
  const production = mode === 'production';
  const deployUrl = process.env.DEPLOY_URL;
  if (production && !deployUrl) {
    console.warn('[risk-plan] DEPLOY_URL is not set: dist/manifest.xml still points at https://localhost:3000/.');
  }
  const csp = contentSecurityPolicy(mode);

  return {
    mode,
    context: __dirname,
    // Never eval-based source maps: the CSP has no 'unsafe-eval'. Production maps are written but not linked.
    devtool: production ? 'hidden-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      // dist/ also holds the Node bundles: keep them. The CLI is built first; the bench rebuilds the pane in
      // its browser section and then starts its runner figures as child processes of dist/bench.js.
      clean: { keep: /^(cli|bench|equivalence)\.js(\.map)?$/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      // Core modules some packages mention for Node only; the browser build never needs them.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`'s job; tsconfig says noEmit for tsc, the loader must emit.
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: { minimizer: minimizers() },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        contentSecurityPolicy: csp,
        officeJsUrl: OFFICE_JS_URL,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        contentSecurityPolicy: csp,
        officeJsUrl: OFFICE_JS_URL,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production && deployUrl ? rewriteManifestUrls(content.toString('utf8'), deployUrl) : content),
          },
        ],
      }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      // The pane's initial load (React + Fluent) and the lazily loaded ExcelJS chunk (~950 KB).
      maxEntrypointSize: 1_000_000,
      maxAssetSize: 1_100_000,
      assetFilter: (file) => file.endsWith('.js'),
    },
    devServer: {
      port: DEV_SERVER_PORT,
      server: devServerHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
}

module.exports = createConfig;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.DEV_SERVER_BASE_URL = DEV_SERVER_BASE_URL;
module.exports.OFFICE_JS_URL = OFFICE_JS_URL;
