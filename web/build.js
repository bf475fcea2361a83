// Bundles the explorer (web/src/main.ts and its npm dependencies, Cytoscape.js included) into
// dist/web/, which src/http/explorer.ts serves at `/`. Nothing is loaded from elsewhere at run
// time: the page works offline. Run by `npm run build` and by the jest global setup.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist', 'web');

async function main() {
  fs.mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'src', 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    outfile: path.join(out, 'app.js'),
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'styles.css']) {
    fs.copyFileSync(path.join(__dirname, file), path.join(out, file));
  }
}

main().catch((err) => {
  console.error(`web build failed: ${err.message}`);
  process.exit(1);
});
