// Renders every plane of every process model as Cockpit shows it: a bpmn-js NavigatedViewer in Cockpit's
// 1102x426 diagram canvas (1440x900 screen, definition sidebar open), fitted with zoom('fit-viewport', 'auto') (Cockpit 7.24 bundles bpmn-js 16.5), which
// never goes above 100 %. One PNG per plane, drill-down planes included, and the fit scale of each.
// Cockpit draws its controls over the canvas; so does this, with the corners they reserve shaded (LayoutTest keeps
// every shape, label and flow out of the top-right and bottom-right ones): the "Activity Instance Statistics"
// toggle at the top right, the zoom buttons at the bottom right, two small buttons at the bottom left (measured in
// Cockpit 7.24 at 1440x900).
// A development tool: `npm install` here once, then
//   node bpmn/tools/render/render.mjs <out-dir> [process ...]
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const processes = join(here, '../../src/main/resources/processes');
const dist = join(here, 'node_modules/bpmn-js/dist');
const out = process.argv[2] || '/tmp/diagrams';
const only = process.argv.slice(3);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1102, height: 426 } });
await page.setContent(`<html><head><style>
  html, body { margin: 0; padding: 0; } #canvas { width: 1102px; height: 426px; background: white; }
  ${readFileSync(join(dist, 'assets/diagram-js.css'), 'utf8')}
  ${readFileSync(join(dist, 'assets/bpmn-js.css'), 'utf8')}
  ${readFileSync(join(dist, 'assets/bpmn-font/css/bpmn.css'), 'utf8').replace(/url\([^)]*\)/g, 'none')}
  .bjs-breadcrumbs { font-size: 14px; left: 25px; top: 15px; padding-left: 0; } /* Cockpit's */
  #canvas { position: relative; }
  .reserved { position: absolute; z-index: 100; background: rgba(255, 0, 0, 0.08); outline: 1px dashed rgba(255, 0, 0, 0.5); }
  .toggle { position: absolute; z-index: 101; right: 17px; top: 20px; color: #1e62b7; font: 14px Arial, sans-serif; }
  .zoom { position: absolute; z-index: 101; right: 16px; width: 29px; height: 29px; border: 1px solid #ccc;
    background: #fff; font: bold 20px Arial, sans-serif; text-align: center; line-height: 28px; color: #555; }
  .corner { position: absolute; z-index: 101; bottom: 4px; width: 16px; height: 13px; color: #1e62b7;
    font: 12px Arial, sans-serif; }
</style></head><body><div id="canvas">
  <div class="reserved" style="right: 0; top: 0; width: 235px; height: 42px"></div>
  <div class="toggle">Activity Instance Statistics: on &#9673;</div>
  <div class="reserved" style="right: 0; bottom: 0; width: 50px; height: 125px"></div>
  <div class="zoom" style="bottom: 89px">&#8982;</div><div class="zoom" style="bottom: 45px">+</div>
  <div class="zoom" style="bottom: 16px">&minus;</div>
  <div class="reserved" style="left: 20px; bottom: 0; width: 60px; height: 25px"></div>
  <div class="corner" style="left: 29px">&#8963;</div><div class="corner" style="left: 52px">&#10530;</div>
</div></body></html>`);
await page.addScriptTag({ content: readFileSync(join(dist, 'bpmn-navigated-viewer.production.min.js'), 'utf8') });

const scales = {};
for (const file of readdirSync(processes).filter(f => f.endsWith('.bpmn')).sort()) {
  const name = file.replace('.bpmn', '');
  if (only.length && !only.includes(name)) continue;
  const planes = await page.evaluate(async xml => {
    if (window.viewer) window.viewer.destroy();
    window.viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await window.viewer.importXML(xml);
    if (warnings.length) console.log(warnings.map(w => w.message).join('\n'));
    return window.viewer.get('canvas').getRootElements().map(r => r.businessObject.id.replace(/_plane$/, ''));
  }, readFileSync(join(processes, file), 'utf8'));
  for (const plane of planes) {
    const scale = await page.evaluate(plane => {
      const canvas = window.viewer.get('canvas');
      const root = canvas.getRootElements().find(r => r.businessObject.id.replace(/_plane$/, '') === plane);
      canvas.setRootElement(root);
      canvas.zoom('fit-viewport', 'auto');
      return canvas.zoom();
    }, plane);
    scales[`${name}-${plane}`] = Math.round(scale * 1000) / 1000;
    await page.screenshot({ path: join(out, `${name}-${plane}.png`) });
    console.log(`${name} ${plane}: fit at ${scale.toFixed(3)}`);
  }
}
writeFileSync(join(out, 'scales.json'), JSON.stringify(scales, null, 1));
await browser.close();
