/**
 * Tests that need a program beyond Node (Chromium for the pane, LibreOffice for the Word export).
 * Where the program is installed they run as usual. Where it is not, their tests are registered but
 * not run, with a title that names the program; `npm test` then lists them as "not run" in its last
 * line with the install hint, instead of failing a lone clone or pretending they passed.
 * `.ci/run` installs both and sets BUDGET_CHECK_ALL_TESTS=1, which turns any "not run" into a failure.
 */
import fs from 'fs';

export interface Tool {
  name: 'Chromium' | 'LibreOffice';
  /** The executable, or undefined when none is installed. */
  path: string | undefined;
  /** What a Debian/Ubuntu user types to install it. */
  hint: string;
}

const firstExisting = (paths: (string | undefined)[]): string | undefined => paths.find((p): p is string => !!p && fs.existsSync(p));

/** BUDGET_CHECK_WITHOUT=Chromium,LibreOffice runs the suite as a machine without them would. */
const pretendMissing = (name: string): boolean => (process.env.BUDGET_CHECK_WITHOUT ?? '').split(',').includes(name);

export const chromiumTool: Tool = {
  name: 'Chromium',
  path: pretendMissing('Chromium') ? undefined : firstExisting([process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']),
  hint: 'apt-get install -y chromium fonts-noto-cjk',
};

export const libreOfficeTool: Tool = {
  name: 'LibreOffice',
  path: pretendMissing('LibreOffice') ? undefined : firstExisting(['/usr/bin/soffice', '/usr/bin/libreoffice']),
  hint: 'apt-get install -y libreoffice-writer-nogui',
};

/** Marker in the title of a test that was not run; scripts/run-tests.mjs reads it. */
export const notRunMarker = (tool: Tool): string => `[未运行：需要 ${tool.name}（${tool.hint}）]`;

/** describe() when the tool is installed; otherwise the same block with its tests registered as not run. */
export function describeWith(tool: Tool, name: string, body: () => void): void {
  if (tool.path) describe(name, body);
  else describe.skip(`${name} ${notRunMarker(tool)}`, body);
}
