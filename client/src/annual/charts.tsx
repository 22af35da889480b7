/**
 * The annual pages' two charts in F2's own JSX (`jsx`, not React's): the quarter trend of a cadre or a section
 * against the mean of all, and a cadre's five-dimension profile (德能勤绩廉) against everyone evaluated.
 */
import { Area, Axis, Chart, Legend, Line, Point, jsx as f2jsx } from '@antv/f2';
import type { TrendPoint } from '../../../shared/annual/trend';
import { quarterLabel } from '../../../shared/common/time';
import { View } from '@tarojs/components';
import { F2Chart, type F2Element } from '../common/F2Chart';

// F2's typings of jsx accept its components only with their generic props spelled out; the props here are F2's own
const jsx = f2jsx as unknown as (type: unknown, props: Record<string, unknown>, ...children: F2Element[]) => F2Element;

const OWN = '#07C160';
const MEAN = '#B2B2B2';

/** A floor for the value axis a little under the lowest figure, in tens, so that differences show. */
function floorOf(values: number[]): number {
  return Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
}

export function trendChart(points: TrendPoint[], own: string, all: string): F2Element {
  const data = points.flatMap((p) => {
    const quarter = quarterLabel(p.periodId).replace(/^\d+年第/, '');
    return [
      { quarter, score: p.score, series: own },
      { quarter, score: p.mean, series: all },
    ];
  });
  const color = { field: 'series', range: [OWN, MEAN] };
  return jsx(
    Chart,
    { data, scale: { score: { min: floorOf(data.map((d) => d.score)), max: 100, tickCount: 5, nice: false }, quarter: { range: [0.1, 0.9] } } },
    jsx(Axis, { field: 'quarter' }),
    jsx(Axis, { field: 'score' }),
    jsx(Line, { x: 'quarter', y: 'score', color }),
    jsx(Point, { x: 'quarter', y: 'score', color }),
    jsx(Legend, { position: 'top' }),
  );
}

export function profileChart(axes: { label: string; value: number; mean: number }[], own: string, all: string): F2Element {
  const data = axes.flatMap((a) => [
    { dimension: a.label, value: a.value, series: own },
    { dimension: a.label, value: a.mean, series: all },
  ]);
  const color = { field: 'series', range: [OWN, MEAN] };
  return jsx(
    Chart,
    { data, coord: 'polar', scale: { value: { min: floorOf(data.map((d) => d.value)), max: 100, tickCount: 4, nice: false } } },
    jsx(Axis, { field: 'dimension' }),
    jsx(Axis, { field: 'value', grid: 'line' }),
    jsx(Area, { x: 'dimension', y: 'value', color, style: { fillOpacity: 0.15 } }),
    jsx(Line, { x: 'dimension', y: 'value', color }),
    jsx(Legend, { position: 'top' }),
  );
}

/** The trend chart with its figures as text: each quarter's score, rank and the mean of all. */
export function TrendCard({ id, points, own, all }: { id: string; points: TrendPoint[]; own: string; all: string }) {
  if (points.length === 0) return null;
  return (
    <View id={id}>
      <View className='cells-title'>季度走势</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <F2Chart id={`${id}-chart`} height={200} dataKey={JSON.stringify(points)} chart={() => trendChart(points, own, all)} />
          {points.map((p) => (
            <View className='cell-sub' key={p.periodId} id={`${id}-${p.periodId}`}>
              {quarterLabel(p.periodId)}：{p.score} 分 · 第 {p.rank}/{p.of} 名 · {all} {p.mean}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

/** The five-dimension profile from the democratic evaluation, with the figures as text. */
export function ProfileCard({ id, axes }: { id: string; axes: { key: string; label: string; value: number; mean: number }[] }) {
  if (axes.length < 3) return null;
  return (
    <View id={id}>
      <View className='cells-title'>民主测评画像（德能勤绩廉）</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <F2Chart id={`${id}-chart`} height={260} dataKey={JSON.stringify(axes)} chart={() => profileChart(axes, '本人', '全体平均')} />
          <View className='cell-sub' id={`${id}-figures`}>
            {axes.map((a) => `${a.label} ${a.value}（平均 ${a.mean}）`).join(' · ')}
          </View>
        </View>
      </View>
    </View>
  );
}
