/** What the key-project pages share: how a project's and a milestone's standing reads. */
import { Text } from '@tarojs/components';
import type { MilestoneView, ProjectItem } from '../../../shared/projects/contract';

/** 滞后12天 / 按计划 / 已投产. */
export function StatusTag({ status, stopped, id }: { status: ProjectItem['status']; stopped?: boolean; id?: string }) {
  if (stopped) {
    return (
      <Text className='tag tag-grey' id={id}>
        已终止
      </Text>
    );
  }
  if (status.lagging) {
    return (
      <Text className='tag tag-red' id={id}>
        滞后{status.lagDays}天
      </Text>
    );
  }
  if (status.next === null) {
    return (
      <Text className='tag tag-ok' id={id}>
        已投产
      </Text>
    );
  }
  return (
    <Text className='tag tag-blue' id={id}>
      按计划
    </Text>
  );
}

const STATE_TEXT: Record<MilestoneView['state'], (days: number) => string> = {
  on_time: () => '按期完成',
  late: (d) => `延期${d}天完成`,
  lagging: (d) => `滞后${d}天`,
  due: (d) => (d === 0 ? '今天到期' : `还剩${d}天`),
  reached: () => '已完成',
  unplanned: () => '未定计划',
};
const STATE_CLASS: Record<MilestoneView['state'], string> = {
  on_time: 'tag-ok',
  late: 'tag-grey',
  lagging: 'tag-red',
  due: 'tag-blue',
  reached: 'tag-grey',
  unplanned: 'tag-grey',
};

export function MilestoneTag({ m, id }: { m: Pick<MilestoneView, 'state' | 'days'>; id?: string }) {
  return (
    <Text className={`tag ${STATE_CLASS[m.state]}`} id={id}>
      {STATE_TEXT[m.state](m.days)}
    </Text>
  );
}

/** 签约至投产 420 天，较基准 540 天缩短 22%. */
export function landingText(days: number | null, baseline: number): string {
  if (days === null) return `尚未投产（基准落地周期 ${baseline} 天）`;
  const shorter = Math.round(((baseline - days) / baseline) * 100);
  return `签约至投产 ${days} 天，较基准 ${baseline} 天${shorter >= 0 ? `缩短 ${shorter}%` : `延长 ${-shorter}%`}`;
}
