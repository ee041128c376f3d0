/**
 * Compares two folders of screenshots from shots.mjs pixel by pixel (a channel difference over
 * 30 counts), prints each file as "same" or how many pixels differ and where, and writes a diff
 * image (differences red over a faded original) for each that differs.
 */
import { PNG } from 'pngjs';
import fs from 'node:fs';
const [a, b, outDir] = process.argv.slice(2);
if (outDir) fs.mkdirSync(outDir, { recursive: true });
for (const f of fs.readdirSync(a).filter((f) => f.endsWith('.png'))) {
  if (!fs.existsSync(`${b}/${f}`)) {
    console.log(f, 'missing');
    continue;
  }
  const A = PNG.sync.read(fs.readFileSync(`${a}/${f}`)),
    B = PNG.sync.read(fs.readFileSync(`${b}/${f}`));
  if (A.width !== B.width || A.height !== B.height) {
    console.log(f.padEnd(24), `SIZE ${A.width}x${A.height} vs ${B.width}x${B.height}`);
    continue;
  }
  let n = 0;
  let minY = 1e9,
    maxY = -1;
  const D = new PNG({ width: A.width, height: A.height });
  for (let i = 0; i < A.data.length; i += 4) {
    const d =
      Math.abs(A.data[i] - B.data[i]) +
      Math.abs(A.data[i + 1] - B.data[i + 1]) +
      Math.abs(A.data[i + 2] - B.data[i + 2]);
    if (d > 30) {
      n++;
      const y = Math.floor(i / 4 / A.width);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      D.data[i] = 255;
      D.data[i + 3] = 255;
    } else {
      D.data[i] = D.data[i + 1] = D.data[i + 2] = 255 - (255 - A.data[i]) / 4;
      D.data[i + 3] = 255;
    }
  }
  console.log(f.padEnd(24), n ? `${n} px differ (y ${minY}–${maxY})` : 'same');
  if (n && outDir) fs.writeFileSync(`${outDir}/${f}`, PNG.sync.write(D));
}
