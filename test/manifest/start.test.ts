/** `npm start`'s instructions name every way to load the add-in (checked without starting a server). */
import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

describe('scripts/start.mjs --print-only', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--print-only'], { encoding: 'utf8' });

  it('prints the instructions and exits without building or serving', () => {
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/webpack|compiled/i);
  });

  it("names the pane URL, file mode and each platform's way to sideload", () => {
    const text = result.stdout;
    expect(text).toContain('https://localhost:3000/taskpane.html');
    expect(text).toMatch(/File mode/);
    expect(text).toContain('npx office-addin-debugging start manifest.xml');
    expect(text).toMatch(/Trusted Add-in\s+Catalogs/);
    expect(text).toContain('~/Library/Containers/com.microsoft.Excel/Data/Documents/wef');
    expect(text).toContain('Home > Add-ins > More Settings > Upload My Add-in');
    expect(text).toContain(join(ROOT, 'manifest.xml'));
  });
});
