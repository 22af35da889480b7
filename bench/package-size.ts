/** Sizes of the built weapp: the main package and each subpackage against WeChat's 2 MB limits. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { kb } from './stats';

export const PACKAGE_LIMIT = 2 * 1024 * 1024;
export const TOTAL_LIMIT = 20 * 1024 * 1024;

function du(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((s, n) => s + du(join(path, n)), 0);
}

export function weappSizes(dist: string): string[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const total = du(dist);
  const subSizes = subs.map((root) => [root, du(join(dist, root))] as const);
  const main = total - subSizes.reduce((s, [, b]) => s + b, 0);
  const pct = (b: number) => `${((b / PACKAGE_LIMIT) * 100).toFixed(1)}% of 2 MB`;
  return [
    `weapp main package                           ${kb(main).padStart(8)}  (${pct(main)})`,
    ...subSizes.map(([root, b]) => `weapp subpackage ${root.padEnd(28)} ${kb(b).padStart(8)}  (${pct(b)})`),
    `weapp total                                  ${kb(total).padStart(8)}  (${((total / TOTAL_LIMIT) * 100).toFixed(1)}% of 20 MB)`,
  ];
}
