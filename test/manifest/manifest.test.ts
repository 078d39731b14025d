/**
 * @jest-environment jsdom
 *
 * Structure of manifest.xml (the online validator cannot run here): ids, version, host, resids,
 * https URLs, icons of the declared pixel sizes, string lengths, and the pages the build produces.
 */
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

const all = (name: string): Element[] => Array.from(doc.getElementsByTagName(name));
const one = (name: string): Element => {
  const els = all(name);
  if (!els.length) throw new Error(`<${name}> missing`);
  return els[0];
};
const childNames = (el: Element): string[] => Array.from(el.children).map((c) => c.localName);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * Ids and resids longer than 32 characters are rejected ("An id must be unique within the manifest and
 * can have a maximum of 32 characters", https://learn.microsoft.com/javascript/api/manifest/resources);
 * every id-like attribute is checked, so a new long one fails here.
 */
function longIds(source: string): string[] {
  const d = new DOMParser().parseFromString(source, 'application/xml');
  const out: string[] = [];
  for (const el of Array.from(d.getElementsByTagName('*'))) {
    for (const attr of ['id', 'resid']) {
      const v = el.getAttribute(attr);
      if (v !== null && v.length > 32) out.push(`${el.localName} ${attr}="${v}" (${v.length})`);
    }
    if (['TaskpaneId', 'FunctionName'].includes(el.localName) && (el.textContent ?? '').length > 32) out.push(`${el.localName} ${el.textContent}`);
  }
  return out;
}

describe('manifest.xml', () => {
  test('no id or resid is longer than 32 characters (and the check catches one that is)', () => {
    expect(longIds(xml)).toEqual([]);
    const tooLong = xml.replace('BudgetCheck.Taskpane.Url', 'BudgetCheck.Taskpane.Url.Extra.Long');
    expect(longIds(tooLong)).toEqual(expect.arrayContaining([expect.stringContaining('BudgetCheck.Taskpane.Url.Extra.Long')]));
    const resid33 = 'B'.repeat(33);
    expect(longIds(xml.replace('resid="BudgetCheck.Group.Label"', `resid="${resid33}"`))).toHaveLength(1);
  });

  test('requirement set: ExcelApi 1.9, the highest set the code calls (and the pane checks the same)', () => {
    expect(one('Set').getAttribute('MinVersion')).toBe('1.9');
    expect(fs.readFileSync(path.join(ROOT, 'src/taskpane/index.tsx'), 'utf8')).toContain("isSetSupported('ExcelApi', '1.9')");
  });

  test('is well-formed XML of a task pane add-in', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
  });

  test('top-level elements come in the schema order', () => {
    const order = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const names = childNames(doc.documentElement);
    for (const n of names) expect(order).toContain(n);
    const idx = names.map((n) => order.indexOf(n));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions']) expect(names).toContain(required);
  });

  test('identity: GUID id, four-part version, names, locale, permission, Excel workbook host', () => {
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one('Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one('DisplayName').getAttribute('DefaultValue')).toBe('预算公开表校验');
    expect(one('DefaultLocale').textContent).toBe('zh-CN');
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
    const hosts = Array.from(doc.documentElement.getElementsByTagName('Hosts')[0].children).map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
    const overrideHosts = all('Host').filter((h) => h.getAttributeNS(XSI, 'type'));
    expect(overrideHosts.map((h) => h.getAttributeNS(XSI, 'type'))).toEqual(['Workbook']);
    expect(one('Set').getAttribute('Name')).toBe('ExcelApi');
  });

  test('every resid resolves to a resource of the right kind, and every resource is used', () => {
    const resources = new Map<string, string>();
    for (const kind of ['Image', 'Url', 'String']) {
      for (const el of Array.from(doc.getElementsByTagNameNS(BT, kind)).filter((e) => e.hasAttribute('id'))) {
        expect(resources.has(el.getAttribute('id')!)).toBe(false);
        resources.set(el.getAttribute('id')!, el.parentElement!.localName);
      }
    }
    const refs = Array.from(doc.querySelectorAll('[resid]'));
    expect(refs.length).toBeGreaterThan(5);
    const expectedKind: Record<string, string[]> = {
      Image: ['Images'],
      SourceLocation: ['Urls'],
      LearnMoreUrl: ['Urls'],
      Label: ['ShortStrings'],
      Title: ['ShortStrings'],
      Description: ['LongStrings'],
    };
    for (const r of refs) {
      const id = r.getAttribute('resid')!;
      expect({ id, found: resources.has(id) }).toEqual({ id, found: true });
      expect(expectedKind[r.localName]).toContain(resources.get(id));
    }
    const used = new Set(refs.map((r) => r.getAttribute('resid')));
    for (const id of resources.keys()) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
  });

  test('every URL is https', () => {
    const urls = Array.from(doc.querySelectorAll('[DefaultValue]'))
      .filter((e) => /Url$|^Image$|^SourceLocation$/.test(e.localName))
      .map((e) => e.getAttribute('DefaultValue')!);
    expect(urls.length).toBeGreaterThan(6);
    for (const u of urls) expect(u).toMatch(/^https:\/\/[^\s]+$/);
    for (const u of urls) expect(u.length).toBeLessThanOrEqual(2048);
    for (const d of all('AppDomain')) expect(d.textContent).toMatch(/^https:\/\//);
  });

  test('icons exist in assets/ with the pixel size they claim', () => {
    const icons = Array.from(doc.querySelectorAll('[DefaultValue$=".png"]')).map((e) => e.getAttribute('DefaultValue')!);
    const files = new Set(icons.map((u) => new URL(u).pathname.replace(/^\//, '')));
    for (const size of [16, 32, 64, 80]) files.add(`assets/icon-${size}.png`);
    for (const rel of files) {
      const size = Number(/icon-(\d+)\.png$/.exec(rel)![1]);
      expect(pngSize(path.join(ROOT, rel))).toEqual({ width: size, height: size });
    }
    for (const img of Array.from(doc.getElementsByTagNameNS(BT, 'Image')).filter((e) => e.hasAttribute('size'))) {
      const id = img.getAttribute('resid')!;
      const res = Array.from(doc.getElementsByTagNameNS(BT, 'Image')).find((e) => e.getAttribute('id') === id)!;
      expect(res.getAttribute('DefaultValue')).toContain(`icon-${img.getAttribute('size')}.png`);
    }
  });

  test('strings fit: short strings and the display name ≤ 125 characters, long strings ≤ 250', () => {
    const short = Array.from(doc.getElementsByTagNameNS(BT, 'ShortStrings')[0].children).map((e) => e.getAttribute('DefaultValue')!);
    const long = Array.from(doc.getElementsByTagNameNS(BT, 'LongStrings')[0].children).map((e) => e.getAttribute('DefaultValue')!);
    expect(short.length).toBeGreaterThan(0);
    for (const s of [...short, one('DisplayName').getAttribute('DefaultValue')!]) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of [...long, one('Description').getAttribute('DefaultValue')!]) expect(s.length).toBeLessThanOrEqual(250);
    for (const s of [...short, ...long]) expect(s.trim().length).toBeGreaterThan(0);
  });

  test('a production build for the organisation\'s host replaces every dev-server address and nothing else', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, 'webpack.config.js'))({ host: 'https://budget.example.gov.cn/addin/' }, { mode: 'production' });
    const copy = config.plugins.find((p: { patterns?: unknown[] }) => Array.isArray(p.patterns));
    const pattern = copy.patterns.find((p: { to?: string }) => p.to === 'manifest.xml');
    const out: string = pattern.transform(Buffer.from(xml));
    const built = new DOMParser().parseFromString(out, 'application/xml');
    const values = Array.from(built.getElementsByTagName('*')).flatMap((e) => [...Array.from(e.attributes).map((a) => a.value), e.children.length ? '' : e.textContent ?? '']);
    expect(values.filter((v) => v.includes('localhost'))).toEqual([]);
    expect(values.filter((v) => v.startsWith('https://budget.example.gov.cn/addin/')).length).toBeGreaterThan(6);
    expect(Array.from(built.getElementsByTagName('AppDomain')).map((d) => d.textContent)).toEqual(['https://budget.example.gov.cn']);
    expect(out.replace(/https:\/\/budget\.example\.gov\.cn(\/addin)?/g, 'https://localhost:3000')).toBe(xml);
    expect(() => require(path.join(ROOT, 'webpack.config.js'))({ host: 'http://budget.example.gov.cn' }, { mode: 'production' })).toThrow(/https/);
  });

  test('the pages it points at are ones the build produces', () => {
    const pages = new Set(Array.from(doc.querySelectorAll('[DefaultValue$=".html"]')).map((e) => new URL(e.getAttribute('DefaultValue')!).pathname));
    const config = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
    for (const p of pages) expect(config).toContain(`filename: '${p.slice(1)}'`);
    expect(fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8')).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });
});
