import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { canCall } from '../../../shared/access';
import type { ActionName, FnName } from '../../../shared/contracts';
import type { Role } from '../../../shared/members/contract';
import { PAGES } from './pages';

/**
 * One link of a home: key (for the element id), label, page, and the cloud action that page is for. It shows only
 * when the access table (shared/access.ts) lets the person's roles call that action.
 */
export interface Entry {
  key: string;
  label: string;
  url: string;
  fn: FnName;
  action: string;
  allows: (roles: readonly Role[]) => boolean;
}

function entry<F extends FnName>(key: string, label: string, url: string, fn: F, action: ActionName<F>): Entry {
  return { key, label, url, fn, action, allows: (roles) => canCall(roles, fn, action) };
}

/**
 * The links each home offers (their pages live in the indicators / dossier / applications / assessment / appeals /
 * ratings subpackages). A person lands on one home (their primary role's, common/roles.ts), which shows one of these lists:
 * a link in several lists never shows twice.
 */
export const ENTRIES = {
  cadre: [
    entry('checklist', '我的考核清单', PAGES.indicators.checklist(), 'indicators', 'checklist'),
    entry('record', '记录工作实绩', PAGES.dossier.record(), 'dossier', 'record'),
    entry('summary', '季度小结', PAGES.dossier.summary, 'dossier', 'summary'),
    entry('result', '季度考核结果', PAGES.assessment.result(), 'assessment', 'result'),
    entry('annual', '年度考核结果', PAGES.annual.result(), 'annual', 'acknowledge'),
    entry('cards', '我的红黄牌', PAGES.cards.mine(), 'cards', 'cards'),
    entry('payMine', '我的绩效奖金', PAGES.pay.mine, 'pay', 'mine'),
    entry('feedbackMine', '反馈报告', PAGES.feedback.mine, 'feedback', 'acknowledge'),
    entry('bulletins', '考核通报', PAGES.feedback.bulletins, 'feedback', 'bulletins'),
    entry('appeals', '企业诉求', PAGES.appeals.list('inbox'), 'appeals', 'inbox'),
    entry('projects', '重点项目', PAGES.projects.list(), 'projects', 'list'),
    entry('reminders', '消息提醒', PAGES.reminders.settings, 'reminders', 'mine'),
  ],
  sectionHead: [
    entry('evaluate', '考人评分', PAGES.assessment.staff, 'assessment', 'evaluateStaff'),
    entry('review', '申报审核', PAGES.applications.review, 'applications', 'review'),
    entry('appeals', '企业诉求', PAGES.appeals.list('inbox'), 'appeals', 'inbox'),
    entry('projects', '重点项目', PAGES.projects.list(), 'projects', 'list'),
    entry('annual', '年度考核结果', PAGES.annual.result(), 'annual', 'acknowledge'),
    entry('cards', '我的红黄牌', PAGES.cards.mine(), 'cards', 'cards'),
    entry('payMine', '我的绩效奖金', PAGES.pay.mine, 'pay', 'mine'),
    entry('feedbackMine', '反馈报告', PAGES.feedback.mine, 'feedback', 'acknowledge'),
    entry('bulletins', '考核通报', PAGES.feedback.bulletins, 'feedback', 'bulletins'),
    entry('reminders', '消息提醒', PAGES.reminders.settings, 'reminders', 'mine'),
  ],
  leader: [
    entry('evaluate', '考人评分', PAGES.assessment.staff, 'assessment', 'evaluateStaff'),
    entry('section', '考事评分', PAGES.assessment.evaluateSection, 'assessment', 'evaluateSection'),
    entry('ranking', '季度排名', PAGES.assessment.ranking(), 'assessment', 'ranking'),
    entry('annualRanking', '年度排名', PAGES.annual.ranking(), 'annual', 'ranking'),
    entry('cardsManage', '红黄牌', PAGES.cards.manage, 'cards', 'issue'),
    entry('pay', '绩效奖金', PAGES.pay.simulate, 'pay', 'simulate'),
    entry('bulletins', '考核通报', PAGES.feedback.bulletins, 'feedback', 'bulletins'),
    entry('spot', '不定期抽查', PAGES.assessment.spot, 'assessment', 'spotCheck'),
    entry('appeals', '企业诉求', PAGES.appeals.list('inbox'), 'appeals', 'inbox'),
    entry('dashboard', '园区看板', PAGES.appeals.dashboard, 'appeals', 'dashboard'),
    entry('projects', '重点项目', PAGES.projects.list(), 'projects', 'list'),
    entry('ratings', '企业评结果', PAGES.ratings.manage, 'ratings', 'list'),
    entry('reminders', '消息提醒', PAGES.reminders.settings, 'reminders', 'mine'),
  ],
  admin: [
    entry('library', '指标库', PAGES.indicators.library, 'indicators', 'save'),
    entry('tree', '指标分解', PAGES.indicators.tree, 'indicators', 'tree'),
    entry('period', '季度考核', PAGES.assessment.period, 'assessment', 'status'),
    entry('annual', '年度考核', PAGES.annual.manage, 'annual', 'compute'),
    entry('review', '申报审核', PAGES.applications.review, 'applications', 'review'),
    entry('appeals', '企业诉求', PAGES.appeals.list('inbox'), 'appeals', 'inbox'),
    entry('dashboard', '园区看板', PAGES.appeals.dashboard, 'appeals', 'dashboard'),
    entry('ratings', '企业评', PAGES.ratings.manage, 'ratings', 'create'),
    entry('projects', '重点项目', PAGES.projects.list(), 'projects', 'plan'),
    entry('calendar', '节假日设置', PAGES.park.calendar, 'park', 'saveCalendar'),
    entry('dossierSettings', '档案设置', PAGES.dossier.settings, 'dossier', 'saveSettings'),
    entry('pay', '绩效奖金', PAGES.pay.simulate, 'pay', 'simulate'),
    entry('bulletins', '考核通报', PAGES.feedback.bulletins, 'feedback', 'bulletins'),
    entry('audit', '审计记录', PAGES.audit.log, 'audit', 'verify'),
    entry('reminderRuns', '提醒发送', PAGES.reminders.runs, 'reminders', 'run'),
    entry('reminders', '消息提醒', PAGES.reminders.settings, 'reminders', 'mine'),
  ],
} satisfies Record<string, Entry[]>;

/** The year-end democratic evaluation (年度测评), at the foot of cadres', section heads', leaders' and the admin's homes. */
export const VOTE_ENTRY = entry('vote', '年度测评', PAGES.votes.list, 'votes', 'list');

/**
 * A home page's foot: the 绩效考核 links the person may use, then 年度测评. `roles` from members.me: nothing shows
 * until it has answered, and a heading with no link left is not shown.
 */
export function HomeEntries({ links, roles }: { links: readonly Entry[]; roles: readonly Role[] | null | undefined }) {
  const shown = roles ? links.filter((e) => e.allows(roles)) : [];
  return (
    <>
      {shown.length > 0 && (
        <>
          <View className='cells-title'>绩效考核</View>
          <View className='cells' id='assess-entries'>
            {shown.map(({ key, label, url }) => (
              <View
                key={key}
                className='cell cell-access'
                hoverClass='cell-hover'
                id={`assess-entry-${key}`}
                onClick={() => void Taro.navigateTo({ url })}
              >
                <View className='cell-bd'>{label}</View>
              </View>
            ))}
          </View>
        </>
      )}
      {roles && VOTE_ENTRY.allows(roles) && (
        <View className='cells' style={{ marginTop: '16px' }}>
          <View className='cell cell-access' hoverClass='cell-hover' id='vote-entry' onClick={() => void Taro.navigateTo({ url: VOTE_ENTRY.url })}>
            <View className='cell-bd'>{VOTE_ENTRY.label}</View>
          </View>
        </View>
      )}
    </>
  );
}
