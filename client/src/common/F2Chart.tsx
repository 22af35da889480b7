import { Canvas as F2Canvas } from '@antv/f2';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** What F2 draws: an element of its own JSX (`jsx(Chart, …)` from @antv/f2), built by the caller. */
export interface F2Element {
  type: unknown;
  props: unknown;
}

interface Target {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  /** The mini-program's canvas node: images and animation frames come from it, not from a window. */
  node?: { createImage?: () => unknown; requestAnimationFrame?: (f: () => void) => number; cancelAnimationFrame?: (n: number) => void };
}

/** Where the chart draws: the 2d canvas node from the page's selector query (weapp) or the DOM canvas (h5). */
function findTarget(id: string, dom: HTMLCanvasElement | null): Promise<Target | null> {
  if (process.env.TARO_ENV === 'h5') {
    if (!dom) return Promise.resolve(null);
    const { width, height } = dom.getBoundingClientRect();
    const pixelRatio = window.devicePixelRatio || 1;
    dom.width = Math.round(width * pixelRatio);
    dom.height = Math.round(height * pixelRatio);
    const context = dom.getContext('2d');
    return Promise.resolve(context ? { context, width, height, pixelRatio } : null);
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: HTMLCanvasElement & Target['node']; width?: number; height?: number }[]) => {
        const hit = res[0];
        const node = hit?.node;
        if (!node || !hit.width || !hit.height) return resolve(null);
        const pixelRatio = Taro.getWindowInfo().pixelRatio || 2;
        node.width = Math.round(hit.width * pixelRatio);
        node.height = Math.round(hit.height * pixelRatio);
        const context = node.getContext('2d');
        resolve(context ? { context, width: hit.width, height: hit.height, pixelRatio, node } : null);
      });
  });
}

/**
 * A chart drawn by F2 (@antv/f2) on a 2d canvas, the same on weapp and h5; redrawn when `dataKey` changes. The page
 * shows the same figures as text beside it, so a phone that cannot draw (or a reader) loses nothing.
 */
export function F2Chart({ id, height, dataKey, chart }: { id: string; height: number; dataKey: string; chart: () => F2Element }) {
  const dom = useRef<HTMLCanvasElement | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(chart);
  useLayoutEffect(() => {
    latest.current = chart;
  });
  useEffect(() => {
    let drawn: F2Canvas | null = null;
    let gone = false;
    const draw = async () => {
      const t = await findTarget(id, dom.current);
      if (!t || gone) return;
      const { node } = t;
      // on weapp there is no window: images and animation frames come from the canvas node (as F2's own wx
      // component does); F2 reads these props though its typings leave the frame ones out
      const fromNode = node
        ? {
            createImage: node.createImage?.bind(node),
            requestAnimationFrame: node.requestAnimationFrame?.bind(node),
            cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
            offscreenCanvas: node,
          }
        : {};
      drawn = new F2Canvas({
        context: t.context,
        width: t.width,
        height: t.height,
        pixelRatio: t.pixelRatio,
        animate: false,
        // F2's theme is in design pixels halved by default (its 20px labels come out at 10px): a little larger reads
        // better on a phone
        px2hd: (px: number) => px * 0.6,
        children: latest.current(),
        ...(fromNode as object),
      });
      await drawn.render();
    };
    // after this render is in the page: the selector query finds only what the view layer has
    Taro.nextTick(() => void draw().catch(() => !gone && setFailed(true)));
    return () => {
      gone = true;
      drawn?.destroy();
    };
  }, [id, dataKey]);
  const style = { width: '100%', height: `${height}px` };
  if (failed)
    return (
      <View className='small' id={`${id}-failed`}>
        此设备无法绘制图表，数据见下方
      </View>
    );
  if (process.env.TARO_ENV === 'h5') return <canvas id={id} ref={dom} style={style} data-key={dataKey} />;
  return <Canvas type='2d' id={id} style={style} />;
}
