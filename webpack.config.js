/**
 * Two pages: taskpane.html (inside Excel; loads office.js from Microsoft's CDN as Office requires)
 * and index.html (the browser preview over the fake Excel host). Everything else is bundled;
 * ExcelJS and docx are split into chunks loaded with import() only when needed. The core runs in a
 * Web Worker (src/worker/worker.ts, found by webpack through `new Worker(new URL(…, import.meta.url))`).
 *
 *   npm run build        → build/ (production, works offline)
 *   npm run dev-server   → https://localhost:3000 for sideloading (Office dev certificates if present)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const SAMPLE = path.resolve(__dirname, 'examples', '示例-部门预算.xlsx');
/** ES5 loader inlined into both pages as is: it must run (and explain) where the bundle cannot. */
const LOADER = path.resolve(__dirname, 'src', 'loader', 'loader.js');

/** `--env host=https://…`: the organisation's HTTPS address written into build/manifest.xml. */
function manifestHost(env) {
  if (!env.host) return null;
  const host = String(env.host).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(host)) throw new Error(`--env host must be an https:// address without query or fragment (got ${env.host})`);
  return host;
}

/** Certificates made by `npx office-addin-dev-certs install`, else webpack-dev-server's own self-signed one. */
function devServerHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined } };
  }
  return { type: 'https' };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'build');
  const host = manifestHost(env);
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, module: 'ESNext', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      // inject: false — the loader, not a <script> tag, starts the bundle (see src/loader/loader.js).
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], inject: false, templateParameters: { loaderScript: fs.readFileSync(LOADER, 'utf8') } }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/preview.html', chunks: ['preview'], inject: false, templateParameters: { loaderScript: fs.readFileSync(LOADER, 'utf8') } }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: SAMPLE, to: 'sample.xlsx', noErrorOnMissing: true },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            // Every URL value and AppDomain (the comment naming the dev server stays as it is).
            // AppDomain takes the origin only.
            ...(host ? { transform: (content) => content.toString().replace(/<AppDomain>https:\/\/localhost:3000/g, `<AppDomain>${new URL(host).origin}`).replace(/(["'>])https:\/\/localhost:3000/g, (_, q) => q + host) } : {}),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      host: 'localhost',
      server: devServerHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
