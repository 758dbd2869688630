/**
 * Offline checks of the add-in manifest: the things that make Office refuse to load or sideload the add-in,
 * or show it broken (no icon, blank button), found without the online validator
 * (`office-addin-manifest validate` posts the file to a Microsoft service).
 *
 * checkManifest returns a list of problems in plain sentences; an empty list means the manifest passed.
 * It never throws, so tests can run it on deliberately broken copies.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { childNamed, childrenNamed, descendants, localName, parseXml, XmlElement, XmlSyntaxError } from './xml';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

/** TaskPaneApp children in the order the schema's xs:sequence demands (Office rejects another order). */
const ROOT_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'VersionOverrides',
  'ExtendedOverrides',
];
const REQUIRED_ROOT = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];

/** Which resource list a resid must come from, by the element that references it. */
const RESOURCE_KIND_BY_ELEMENT: Record<string, ResourceKind> = {
  Image: 'Images',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
};
type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
/** Limits from the manifest reference (Resources element): ids up to 32 characters and unique; URLs 2048; short strings 125, long strings 250. */
const MAX_RESID_LENGTH = 32;
const MAX_URL_LENGTH = 2048;
const MAX_LENGTH: Partial<Record<ResourceKind, number>> = { ShortStrings: 125, LongStrings: 250 };

/** The add-in's own files live under ".../assets/" on whatever host serves them. */
function assetFileFor(url: string, assetsDir: string): string | undefined {
  const marker = '/assets/';
  const at = url.lastIndexOf(marker);
  return at < 0 ? undefined : join(assetsDir, url.slice(at + marker.length).split(/[?#]/)[0]);
}

/** Width and height from a PNG's IHDR, or a reason it is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | string {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return 'is not a PNG file';
  const type = String.fromCharCode(...bytes.slice(12, 16));
  if (type !== 'IHDR') return 'has no IHDR header';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function checkIcon(url: string, size: number, where: string, assetsDir: string, problems: string[]): void {
  const file = assetFileFor(url, assetsDir);
  if (!file) {
    problems.push(`${where}: ${url} is not one of the add-in's assets (expected a URL under /assets/).`);
    return;
  }
  if (!existsSync(file)) {
    problems.push(`${where}: icon file ${file} does not exist.`);
    return;
  }
  const dimensions = pngSize(readFileSync(file));
  if (typeof dimensions === 'string') {
    problems.push(`${where}: ${file} ${dimensions}.`);
  } else if (dimensions.width !== size || dimensions.height !== size) {
    problems.push(`${where}: ${file} is ${dimensions.width}x${dimensions.height} pixels, expected ${size}x${size}.`);
  }
}

function checkHttps(url: string | undefined, where: string, problems: string[]): void {
  if (!url) {
    problems.push(`${where} has no URL.`);
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(`${where}: "${url}" is not an absolute URL.`);
    return;
  }
  if (parsed.protocol !== 'https:') problems.push(`${where}: "${url}" must use https (Office loads add-ins only over https).`);
}

function checkRootOrder(root: XmlElement, problems: string[]): void {
  let last = -1;
  for (const child of root.children) {
    const rank = ROOT_ORDER.indexOf(localName(child));
    if (rank < 0) {
      problems.push(`<${child.name}> (line ${child.line}) is not a TaskPaneApp element.`);
      continue;
    }
    if (rank < last) problems.push(`<${child.name}> (line ${child.line}) is out of the order the schema requires.`);
    last = Math.max(last, rank);
  }
  for (const name of REQUIRED_ROOT) {
    if (!childNamed(root, name)) problems.push(`The manifest has no <${name}>.`);
  }
}

function checkResources(versionOverrides: XmlElement, assetsDir: string, problems: string[]): void {
  const resourcesElement = childNamed(versionOverrides, 'Resources');
  const resources = new Map<ResourceKind, Map<string, XmlElement>>();
  const allIds = new Set<string>(); // resource ids must be unique across the whole manifest
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as ResourceKind[]) {
    const entries = new Map<string, XmlElement>();
    const list = resourcesElement ? childNamed(resourcesElement, kind) : undefined;
    for (const entry of list?.children ?? []) {
      const id = entry.attributes.id ?? '';
      if (!id) problems.push(`A bt:${kind} entry (line ${entry.line}) has no id.`);
      if (id.length > MAX_RESID_LENGTH) problems.push(`Resource id "${id}" is longer than ${MAX_RESID_LENGTH} characters.`);
      if (allIds.has(id)) problems.push(`Resource id "${id}" is defined more than once.`);
      allIds.add(id);
      const value = entry.attributes.DefaultValue;
      if (value === undefined || value === '') problems.push(`Resource "${id}" has no DefaultValue.`);
      const max = MAX_LENGTH[kind];
      if (max !== undefined && value && value.length > max) {
        problems.push(`Resource "${id}" is ${value.length} characters; bt:${kind} allows ${max}.`);
      }
      if (kind === 'Images' || kind === 'Urls') {
        checkHttps(value, `Resource "${id}"`, problems);
        if (value && value.length > MAX_URL_LENGTH) problems.push(`Resource "${id}" is a URL longer than ${MAX_URL_LENGTH} characters.`);
      }
      entries.set(id, entry);
    }
    resources.set(kind, entries);
  }

  const references = descendants(versionOverrides).filter((element) => element.attributes.resid !== undefined);
  for (const reference of references) {
    const resid = reference.attributes.resid;
    const kind = RESOURCE_KIND_BY_ELEMENT[localName(reference)];
    const where = `<${reference.name} resid="${resid}"> (line ${reference.line})`;
    if (!kind) {
      problems.push(`${where} is not an element this check knows how to resolve.`);
      continue;
    }
    const resource = resources.get(kind)?.get(resid);
    if (!resource) {
      problems.push(`${where} does not resolve: there is no bt:${kind} resource with that id.`);
      continue;
    }
    if (kind === 'Images') {
      const size = Number(reference.attributes.size);
      if (!Number.isInteger(size) || size <= 0) problems.push(`${where} has no valid size.`);
      else checkIcon(resource.attributes.DefaultValue ?? '', size, where, assetsDir, problems);
    }
  }

  // Ribbon control ids must be unique within the manifest.
  const seen = new Set<string>();
  for (const element of descendants(versionOverrides)) {
    const name = localName(element);
    if (name !== 'Control' && name !== 'Group' && name !== 'OfficeTab' && name !== 'CustomTab') continue;
    const id = element.attributes.id;
    if (!id) problems.push(`<${element.name}> (line ${element.line}) has no id.`);
    else if (seen.has(id) && name !== 'OfficeTab') problems.push(`The id "${id}" is used by more than one ribbon element.`);
    else seen.add(id);
  }
  for (const action of descendants(versionOverrides).filter((element) => localName(element) === 'Action')) {
    if (action.attributes['xsi:type'] === 'ShowTaskpane' && !childNamed(action, 'SourceLocation')) {
      problems.push(`The ShowTaskpane action (line ${action.line}) has no SourceLocation.`);
    }
  }
}

/**
 * Checks manifest XML text against what Office needs for this add-in; icon files are looked up in assetsDir.
 * @returns plain-sentence problems; empty when the manifest is fine
 */
export function checkManifest(xmlText: string, assetsDir: string): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xmlText);
  } catch (err) {
    const reason = err instanceof XmlSyntaxError ? err.message : String(err);
    return [`The manifest is not well-formed XML (${reason}).`];
  }

  if (localName(root) !== 'OfficeApp') problems.push(`The root element is <${root.name}>, expected <OfficeApp>.`);
  if (root.attributes['xsi:type'] !== 'TaskPaneApp') problems.push('The add-in type (xsi:type) must be TaskPaneApp.');
  checkRootOrder(root, problems);

  const text = (name: string) => childNamed(root, name)?.text.trim() ?? '';
  const defaultValue = (name: string) => childNamed(root, name)?.attributes.DefaultValue;

  if (!GUID.test(text('Id'))) problems.push(`<Id> "${text('Id')}" is not a GUID.`);
  if (!VERSION.test(text('Version'))) problems.push(`<Version> "${text('Version')}" is not a version like 1.0.0.0.`);
  if (!text('ProviderName')) problems.push('<ProviderName> is empty.');
  if (!defaultValue('DisplayName')) problems.push('<DisplayName> has no DefaultValue.');
  const description = defaultValue('Description') ?? '';
  if (!description) problems.push('<Description> has no DefaultValue.');
  if (description.length > 250) problems.push(`<Description> is ${description.length} characters; at most 250 are allowed.`);

  const hosts = childNamed(root, 'Hosts');
  const hostNames = hosts ? childrenNamed(hosts, 'Host').map((host) => host.attributes.Name) : [];
  if (hostNames.length !== 1 || hostNames[0] !== 'Workbook') {
    problems.push(`The add-in must declare exactly the Excel host (Host Name="Workbook"); found ${hostNames.join(', ') || 'none'}.`);
  }
  if (text('Permissions') !== 'ReadWriteDocument') {
    problems.push(`<Permissions> is "${text('Permissions')}", expected ReadWriteDocument (the add-in writes sheets).`);
  }

  const sets = childNamed(root, 'Requirements') && childNamed(childNamed(root, 'Requirements')!, 'Sets');
  const excelApi = sets ? childrenNamed(sets, 'Set').find((set) => set.attributes.Name === 'ExcelApi') : undefined;
  if (!excelApi || !excelApi.attributes.MinVersion) problems.push('<Requirements> names no ExcelApi minimum version.');

  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    if (childNamed(root, name)) checkHttps(defaultValue(name), `<${name}>`, problems);
  }
  const iconUrl = defaultValue('IconUrl');
  if (!iconUrl) problems.push('<IconUrl> is missing.');
  else checkIcon(iconUrl, 32, '<IconUrl>', assetsDir, problems);
  const highResolution = defaultValue('HighResolutionIconUrl');
  if (!highResolution) problems.push('<HighResolutionIconUrl> is missing.');
  else checkIcon(highResolution, 64, '<HighResolutionIconUrl>', assetsDir, problems);

  const settings = childNamed(root, 'DefaultSettings');
  checkHttps(settings && childNamed(settings, 'SourceLocation')?.attributes.DefaultValue, '<DefaultSettings><SourceLocation>', problems);

  const versionOverrides = childNamed(root, 'VersionOverrides');
  if (!versionOverrides) problems.push('The manifest has no <VersionOverrides> (no ribbon button).');
  else checkResources(versionOverrides, assetsDir, problems);

  return problems;
}
