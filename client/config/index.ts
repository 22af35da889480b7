import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Taro build config (https://docs.taro.zone/docs/config). One source, two targets:
 *   weapp → client/dist/weapp (open the repo root in WeChat DevTools: project.config.json points there)
 *   h5    → client/dist/h5    (static files; hash router; served by the local cloud's gateway at `/`)
 * The shared contract (../shared, TypeScript outside src/) is compiled by the same babel rule.
 */
const sharedDir = path.resolve(__dirname, '..', '..', 'shared');
// zod 4 ships modern syntax; run it through babel too so that the mini-program does not depend on the
// devtools' ES6 conversion (project.config.json has es6: false).
const zodDir = path.dirname(require.resolve('zod/package.json'));

export default defineConfig<'webpack5'>(async (merge) => {
  const env = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'yardstick',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${env}`,
    plugins: [],
    defineConstants: {},
    alias: { '@shared': sharedDir },
    // WeChat's search index sees no page of this internal tool (sitemap.json, weapp only)
    copy: { patterns: env === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir, zodDir] },
      // modules used only by a subpackage go into that subpackage, keeping the main package small
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir, zodDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, base, (await import('./dev')).default);
  return merge({}, base, (await import('./prod')).default);
});
