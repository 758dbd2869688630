/**
 * The add-in manifest, checked offline: the real file passes, and broken copies are caught.
 * Also the production rewrite of its URLs (webpack.config.js) and a cross-check with office-addin-manifest's
 * own reader (run in a child process: the package is kept out of jest by a stub).
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkManifest } from './checkManifest';
import { childNamed, parseXml } from './xml';

const ROOT = join(__dirname, '..', '..');
const MANIFEST_PATH = join(ROOT, 'manifest.xml');
const ASSETS = join(ROOT, 'assets');
const manifest = readFileSync(MANIFEST_PATH, 'utf8');

// webpack.config.js is CommonJS; its helpers are exported next to the config function.
const webpackConfig = require('../../webpack.config.js') as {
  rewriteManifestUrls(xml: string, deployUrl: string): string;
  DEV_SERVER_BASE_URL: string;
};

function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    expect(checkManifest(manifest, ASSETS)).toEqual([]);
  });

  it('is well-formed according to xmllint (skipped when xmllint is missing)', () => {
    if (!xmllintAvailable()) {
      console.warn('xmllint not found: well-formedness checked by the test parser only');
      return;
    }
    const result = spawnSync('xmllint', ['--noout', MANIFEST_PATH], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('declares a fixed GUID, Excel only, ReadWriteDocument and https locations', () => {
    const root = parseXml(manifest);
    expect(childNamed(root, 'Id')!.text).toBe('ed95c3c4-53fe-4f2f-9acf-c62eac0dec9d');
    expect(childNamed(childNamed(root, 'Hosts')!, 'Host')!.attributes.Name).toBe('Workbook');
    expect(childNamed(root, 'Permissions')!.text).toBe('ReadWriteDocument');
    expect(childNamed(childNamed(root, 'DefaultSettings')!, 'SourceLocation')!.attributes.DefaultValue).toBe(
      'https://localhost:3000/taskpane.html',
    );
    expect(childNamed(root, 'DisplayName')!.attributes.DefaultValue).toBe('Risk Plan');
    expect(childNamed(root, 'ProviderName')!.text).toBe('Risk Plan');
    expect(childNamed(root, 'AppDomains')).toBeUndefined();
  });

  it('asks for ExcelApi 1.4 and documents why newer sets are checked at run time', () => {
    const root = parseXml(manifest);
    const sets = childNamed(childNamed(root, 'Requirements')!, 'Sets')!;
    expect(sets.attributes.DefaultMinVersion).toBe('1.1');
    expect(sets.children.map((set) => [set.attributes.Name, set.attributes.MinVersion])).toEqual([['ExcelApi', '1.4']]);
    expect(manifest).toMatch(/isSetSupported/);
  });

  it('puts a Risk Plan button on the Home tab that shows the task pane', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(
      /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/,
    );
    expect(manifest).toMatch(/<FunctionFile resid="Commands.Url"\/>/);
    expect(manifest).toMatch(/<bt:Url id="Commands.Url" DefaultValue="https:\/\/localhost:3000\/commands.html"\/>/);
  });

  it('is read the same way by office-addin-manifest', () => {
    const script = `
      const { OfficeAddinManifest } = require('office-addin-manifest');
      OfficeAddinManifest.readManifestFile(process.argv[1]).then(
        (info) => process.stdout.write(JSON.stringify(info)),
        (err) => { console.error(err); process.exit(1); });`;
    const result = spawnSync(process.execPath, ['-e', script, MANIFEST_PATH], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info).toMatchObject({
      id: 'ed95c3c4-53fe-4f2f-9acf-c62eac0dec9d',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      officeAppType: 'TaskPaneApp',
      displayName: 'Risk Plan',
      defaultSettings: { sourceLocation: 'https://localhost:3000/taskpane.html' },
    });
  });
});

describe('checkManifest on broken copies', () => {
  let assetsCopy: string;

  beforeEach(() => {
    assetsCopy = mkdtempSync(join(tmpdir(), 'riskplan-assets-'));
    for (const file of readdirSync(ASSETS)) copyFileSync(join(ASSETS, file), join(assetsCopy, file));
  });
  afterEach(() => rmSync(assetsCopy, { recursive: true, force: true }));

  it('reports a missing icon file', () => {
    rmSync(join(assetsCopy, 'icon-16.png'));
    const problems = checkManifest(manifest, assetsCopy);
    expect(problems).toHaveLength(2); // the group and the button both use it
    expect(problems[0]).toMatch(/icon-16\.png does not exist/);
  });

  it('reports an icon with the wrong pixel size', () => {
    copyFileSync(join(ASSETS, 'icon-32.png'), join(assetsCopy, 'icon-80.png'));
    const problems = checkManifest(manifest, assetsCopy);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => /icon-80\.png is 32x32 pixels, expected 80x80/.test(problem))).toBe(true);
  });

  it('reports a file that is not a PNG', () => {
    copyFileSync(MANIFEST_PATH, join(assetsCopy, 'icon-64.png'));
    expect(checkManifest(manifest, assetsCopy)).toEqual([expect.stringMatching(/HighResolutionIconUrl.*is not a PNG file/)]);
  });

  it('reports the wrong host', () => {
    const broken = manifest.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>');
    expect(checkManifest(broken, assetsCopy)).toEqual([expect.stringMatching(/exactly the Excel host.*found Document/)]);
  });

  it('reports an http URL', () => {
    const broken = manifest.replace(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>',
    );
    expect(checkManifest(broken, assetsCopy)).toEqual([expect.stringMatching(/SourceLocation.*must use https/)]);
  });

  it('reports an http resource URL', () => {
    const broken = manifest.replace(
      'DefaultValue="https://localhost:3000/commands.html"',
      'DefaultValue="http://localhost:3000/commands.html"',
    );
    expect(checkManifest(broken, assetsCopy)).toEqual([expect.stringMatching(/Resource "Commands.Url".*must use https/)]);
  });

  it('reports a resid that resolves to nothing', () => {
    const broken = manifest.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Missing"/>');
    expect(checkManifest(broken, assetsCopy)).toEqual([expect.stringMatching(/resid="Taskpane.Missing".*does not resolve/)]);
  });

  it('reports a resid that points at the wrong kind of resource', () => {
    const broken = manifest.replace('<Label resid="RiskPlan.Button.Label"/>', '<Label resid="RiskPlan.Button.Tooltip"/>');
    expect(checkManifest(broken, assetsCopy)).toEqual([expect.stringMatching(/no bt:ShortStrings resource/)]);
  });

  it('reports an Id that is not a GUID, a wrong permission and a missing ExcelApi requirement', () => {
    const broken = manifest
      .replace('<Id>ed95c3c4-53fe-4f2f-9acf-c62eac0dec9d</Id>', '<Id>risk-plan</Id>')
      .replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>')
      .replace('<Set Name="ExcelApi" MinVersion="1.4"/>', '');
    const problems = checkManifest(broken, assetsCopy);
    expect(problems).toEqual([
      expect.stringMatching(/<Id> "risk-plan" is not a GUID/),
      expect.stringMatching(/<Permissions> is "ReadDocument"/),
      expect.stringMatching(/names no ExcelApi minimum version/),
    ]);
  });

  it('reports root elements out of schema order', () => {
    const broken = manifest
      .replace(/(<Permissions>ReadWriteDocument<\/Permissions>)/, '')
      .replace('<Hosts>', '<Permissions>ReadWriteDocument</Permissions>\n  <Hosts>');
    const problems = checkManifest(broken, assetsCopy);
    expect(problems[0]).toMatch(/<Hosts> \(line \d+\) is out of the order/);
    expect(problems.every((problem) => /out of the order the schema requires/.test(problem))).toBe(true);
  });

  it('reports text that is not well-formed instead of throwing', () => {
    expect(checkManifest(manifest.replace('</Permissions>', '</Permission>'), assetsCopy)).toEqual([
      expect.stringMatching(/not well-formed XML.*<\/Permission> closes <Permissions>/),
    ]);
    expect(checkManifest(manifest.replace('Risk Plan is ready', 'Risk & Plan'), assetsCopy)).toEqual([
      expect.stringMatching(/not well-formed XML.*&amp;/),
    ]);
    expect(checkManifest('', assetsCopy)).toEqual([expect.stringMatching(/no root element/)]);
  });

  it('reports a resource id used twice, even across kinds', () => {
    const broken = manifest.replace('<bt:String id="GetStarted.Title"', '<bt:String id="Taskpane.Url"');
    const problems = checkManifest(broken, assetsCopy);
    expect(problems).toContain('Resource id "Taskpane.Url" is defined more than once.');
  });

  it('reports a string longer than its resource kind allows', () => {
    const broken = manifest.replace('DefaultValue="Risk Plan is ready"', `DefaultValue="${'x'.repeat(126)}"`);
    expect(checkManifest(broken, assetsCopy)).toEqual([expect.stringMatching(/126 characters; bt:ShortStrings allows 125/)]);
  });
});

describe('production manifest rewrite (webpack.config.js rewriteManifestUrls)', () => {
  it('points every dev-server URL at DEPLOY_URL and still passes the checks', () => {
    const deployed = webpackConfig.rewriteManifestUrls(manifest, 'https://riskplan.example.org/addin');
    expect(deployed).not.toContain('localhost');
    expect(deployed).toContain('<SourceLocation DefaultValue="https://riskplan.example.org/addin/taskpane.html"/>');
    expect(deployed).toContain('DefaultValue="https://riskplan.example.org/addin/assets/icon-16.png"');
    expect(deployed).toContain('DefaultValue="https://riskplan.example.org/addin/commands.html"');
    expect(checkManifest(deployed, ASSETS)).toEqual([]);
    // Only URLs change: the same number of lines, the same Id.
    expect(deployed.split('\n')).toHaveLength(manifest.split('\n').length);
    expect(deployed).toContain('<Id>ed95c3c4-53fe-4f2f-9acf-c62eac0dec9d</Id>');
  });

  it('treats a DEPLOY_URL with or without a trailing slash the same', () => {
    expect(webpackConfig.rewriteManifestUrls(manifest, 'https://cdn.example.org/')).toBe(
      webpackConfig.rewriteManifestUrls(manifest, 'https://cdn.example.org'),
    );
  });

  it('refuses a DEPLOY_URL that is not https or not a URL', () => {
    expect(() => webpackConfig.rewriteManifestUrls(manifest, 'http://riskplan.example.org/')).toThrow(/must use https/);
    expect(() => webpackConfig.rewriteManifestUrls(manifest, 'riskplan.example.org')).toThrow(/not an absolute URL/);
    expect(() => webpackConfig.rewriteManifestUrls(manifest, 'https://riskplan.example.org/?v=2')).toThrow(/query or fragment/);
  });

  it('rewrites exactly the dev server base the manifest uses', () => {
    const devUrls = manifest.split(webpackConfig.DEV_SERVER_BASE_URL).length - 1;
    expect(devUrls).toBeGreaterThanOrEqual(10);
    const deployed = webpackConfig.rewriteManifestUrls(manifest, 'https://a.example/');
    expect(deployed.split('https://a.example/').length - 1).toBe(devUrls);
  });
});
