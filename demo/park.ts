/**
 * The demo park, modelled on the July 2025 Jiangxi Daily report on Jizhou Industrial Park (吉州工业园区):
 * 12 sections, about 80 cadres, the 47 indicators, about 200 enterprises (60 above scale), 10 key projects,
 * this quarter's dossiers with reports, a liaison cadre for every enterprise and some 320 appeals (demo/appeals.ts). People and companies named in the report keep
 * their names and roles; the rest are generated from a fixed seed, so every start builds the same park. Its past:
 * every quarter since last January closed with its results, and last year's democratic evaluations counted.
 *
 * Pure: `now` is passed in (the dossiers are for the quarter `now` falls in) and randomness is a seeded PRNG.
 */
export type { DemoPerson } from '../shared/members/contract';
import type { PeriodDoc } from '../shared/assessment/period';
import { seededRandom } from '../shared/common/random';
import { countConfirmed, demoAppeals } from './appeals';
import { demoHistory } from './history';
import { countMilestones, demoProjects } from './projects';
import { demoRatingCampaigns, servedAt, visitorsFrom } from './ratings';
import { demoVotes } from './votes';
import { dayOf, dayjs, daysBetween, parkInstant, quarterOf, quarterRange } from '../shared/common/time';
import { DEFAULT_QUARTER_TARGETS } from '../shared/dossier/config';
import { DOSSIER_INDICATORS, applyReport, newDossier, type DossierDoc, type ReportDoc } from '../shared/dossier/dossier';
import { buildChecklist, checklistId, evenWeights, type ChecklistDoc } from '../shared/indicators/checklist';
import type { IndicatorClass, IndicatorKind } from '../shared/indicators/contract';
import type { IndicatorDoc, TreeNodeDoc } from '../shared/indicators/indicator';
import type { Role } from '../shared/members/contract';
import type { BindingDoc, MemberDoc } from '../shared/members/member';
import { DEFAULT_PARK_SETTINGS, PARK_DOC_ID, type EnterpriseDoc, type ParkDoc, type SectionDoc } from '../shared/park/park';
import { CREDIT_ALPHABET, creditCodeOf } from '../shared/park/credit-code';

const SECTIONS: [string, string][] = [
  ['S01', '党政办公室'],
  ['S02', '组织人事部'],
  ['S03', '规划工程部'],
  ['S04', '经济发展部'],
  ['S05', '招商服务部'],
  ['S06', '企业服务中心'],
  ['S07', '项目推进部'],
  ['S08', '财政金融部'],
  ['S09', '安全生产监管部'],
  ['S10', '生态环境部'],
  ['S11', '社会事务部'],
  ['S12', '营商环境办'],
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文';
const GIVEN = [
  '建华',
  '志强',
  '丽娟',
  '海燕',
  '伟',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '晓东',
  '文博',
  '子涵',
  '思远',
  '雨晴',
  '浩然',
  '欣怡',
  '宇轩',
  '梓萱',
  '俊杰',
  '佳怡',
  '晨曦',
  '一鸣',
  '嘉怡',
  '志远',
  '若曦',
  '天宇',
  '书瑶',
  '昊天',
  '雅琪',
  '振华',
  '国庆',
  '春梅',
  '秋菊',
  '冬生',
  '新民',
];
const POSTS = ['一级主办', '二级主办', '三级主办', '四级主办', '一级科员', '二级科员'];

const NAMED_ENTERPRISES: [string, string, boolean][] = [
  ['伊戈尔电气股份有限公司吉安分公司', '电气机械', true],
  ['江西固电电子有限公司', '电子信息', true],
  ['大族激光科技（吉安）有限公司', '智能装备', true],
  ['江西德基新材料有限公司', '新材料', true],
];
const ENT_PREFIX = ['吉安', '吉州', '庐陵', '井冈', '赣中', '白鹭', '青原', '天玉', '兴桥', '樟山', '长塘', '曲濑'];
const ENT_CORE = [
  '华电',
  '鑫源',
  '恒达',
  '瑞丰',
  '泰和',
  '宏图',
  '金盛',
  '博远',
  '优创',
  '合力',
  '正泰',
  '嘉诚',
  '海纳',
  '启明',
  '天成',
  '众联',
  '卓越',
  '汇通',
  '明阳',
  '立信',
  '东方',
  '宇航',
  '凯旋',
  '同创',
];
const INDUSTRIES: [string, string][] = [
  ['电子科技有限公司', '电子信息'],
  ['精密制造有限公司', '智能装备'],
  ['新材料有限公司', '新材料'],
  ['电气有限公司', '电气机械'],
  ['生物科技有限公司', '生物医药'],
  ['包装材料有限公司', '轻工'],
  ['食品有限公司', '食品加工'],
  ['线路板有限公司', '电子信息'],
];

interface IndicatorSeed {
  name: string;
  group: string;
  cls: IndicatorClass;
  kind: IndicatorKind;
  unit?: string;
  metric?: keyof typeof DEFAULT_QUARTER_TARGETS;
  id?: string;
  sections?: string[];
}

/** The 47 indicators: 8 enterprise-service, 7 project, 32 differentiated per section. */
const INDICATORS: IndicatorSeed[] = [
  // 入企听诉服务成效、监管成效、营商环境满意度评价：三大类8个指标
  {
    id: DOSSIER_INDICATORS.enterprise_visit,
    name: '走访服务企业数',
    group: '入企听诉服务成效',
    cls: 'key',
    kind: 'quantitative',
    unit: '家',
    metric: 'enterprise_visit',
  },
  {
    id: DOSSIER_INDICATORS.appeal_resolved,
    name: '企业诉求协调解决数',
    group: '入企听诉服务成效',
    cls: 'key',
    kind: 'quantitative',
    unit: '条',
    metric: 'appeal_resolved',
  },
  { name: '诉求次日响应率', group: '入企听诉服务成效', cls: 'key', kind: 'quantitative', unit: '%' },
  { name: '涉企检查规范率', group: '监管成效', cls: 'key', kind: 'quantitative', unit: '%' },
  { name: '安全生产隐患整改闭环率', group: '监管成效', cls: 'key', kind: 'quantitative', unit: '%' },
  { name: '包容审慎监管执行情况', group: '监管成效', cls: 'personal', kind: 'qualitative' },
  { name: '企业营商环境满意度', group: '营商环境满意度评价', cls: 'key', kind: 'quantitative', unit: '%' },
  { name: '服务事项流程评议', group: '营商环境满意度评价', cls: 'personal', kind: 'qualitative' },
  // 项目推进、项目管理、项目表彰：三方面7个指标
  {
    id: DOSSIER_INDICATORS.project_milestone,
    name: '重点项目按期推进数',
    group: '项目推进',
    cls: 'key',
    kind: 'quantitative',
    unit: '个',
    metric: 'project_milestone',
  },
  { name: '项目落地周期压缩率', group: '项目推进', cls: 'key', kind: 'quantitative', unit: '%' },
  { name: '项目开工投产率', group: '项目推进', cls: 'key', kind: 'quantitative', unit: '%' },
  { name: '项目建设质量与安全', group: '项目管理', cls: 'personal', kind: 'qualitative' },
  { name: '项目全流程帮办服务', group: '项目管理', cls: 'personal', kind: 'qualitative' },
  { name: '项目获省市表彰', group: '项目表彰', cls: 'incentive', kind: 'quantitative', unit: '项' },
  { name: '认领企业项目跟踪服务', group: '项目表彰', cls: 'incentive', kind: 'quantitative', unit: '个' },
];
const SECTION_INDICATORS: Record<string, [string, IndicatorClass, IndicatorKind, string?][]> = {
  S01: [
    ['公文办理时效', 'key', 'quantitative', '%'],
    ['信息宣传报道', 'personal', 'quantitative', '篇'],
    ['督查督办落实', 'key', 'qualitative'],
  ],
  S02: [
    ['干部教育培训完成率', 'key', 'quantitative', '%'],
    ['绩效管理组织实施', 'key', 'qualitative'],
    ['党建工作创新', 'incentive', 'qualitative'],
  ],
  S03: [
    ['规划审批办结时效', 'key', 'quantitative', '天'],
    ['基础设施项目建设进度', 'key', 'quantitative', '%'],
    ['工程质量监督', 'personal', 'qualitative'],
  ],
  S04: [
    ['工业增加值增速', 'key', 'quantitative', '%'],
    ['规上企业培育数', 'key', 'quantitative', '家'],
    ['经济运行分析', 'personal', 'qualitative'],
  ],
  S05: [
    ['新签约项目数', 'key', 'quantitative', '个'],
    ['到位资金', 'key', 'quantitative', '亿元'],
    ['招商信息储备', 'personal', 'quantitative', '条'],
  ],
  S06: [
    ['惠企政策兑现率', 'key', 'quantitative', '%'],
    ['企业用工对接', 'personal', 'quantitative', '人'],
  ],
  S07: [
    ['项目调度会议落实', 'key', 'qualitative'],
    ['项目要素保障', 'personal', 'qualitative'],
  ],
  S08: [
    ['工业税收贡献', 'key', 'quantitative', '万元'],
    ['融资对接成效', 'personal', 'quantitative', '万元'],
    ['资金使用绩效', 'key', 'qualitative'],
  ],
  S09: [
    ['安全生产事故起数', 'key', 'quantitative', '起'],
    ['安全培训覆盖率', 'personal', 'quantitative', '%'],
  ],
  S10: [
    ['环境质量达标率', 'key', 'quantitative', '%'],
    ['环保督察问题整改', 'key', 'qualitative'],
    ['节能降碳', 'incentive', 'quantitative', '%'],
  ],
  S11: [
    ['信访事项化解率', 'key', 'quantitative', '%'],
    ['征迁安置工作', 'personal', 'qualitative'],
  ],
  S12: [
    ['政务服务好评率', 'key', 'quantitative', '%'],
    ['营商环境创新举措', 'incentive', 'qualitative'],
    ['全省开发区综合考核支撑', 'key', 'qualitative'],
  ],
};

export type DemoPark = Record<string, { _id: string }[]>;

export function demoPark(now: number, seed = 20250702): DemoPark {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const periodId = quarterOf(now);
  const today = dayOf(now);
  const { first } = quarterRange(periodId);

  // each section's overseeing leader (分管领导): the four deputy directors, three sections each
  const sections: SectionDoc[] = SECTIONS.map(([id, name], i) => ({
    _id: id,
    name,
    order: i + 1,
    code: id,
    leaderId: `M00${4 + Math.floor(i / 3)}`,
    active: true,
  }));

  // Enterprises: the four named in the report, then generated names, unique.
  // credit codes from a stream of their own: what they draw moves nothing generated below
  const credit = creditCodes(seededRandom(seed + 5));
  const enterprises: EnterpriseDoc[] = NAMED_ENTERPRISES.map(([name, industry, aboveScale], i) => ({
    _id: `E${String(i + 1).padStart(3, '0')}`,
    name,
    industry,
    aboveScale,
    creditCode: credit(),
    code: `E${String(i + 1).padStart(3, '0')}`,
    active: true,
  }));
  const usedNames = new Set(enterprises.map((e) => e.name));
  while (enterprises.length < 200) {
    const [suffix, industry] = pick(INDUSTRIES);
    const name = `${pick(ENT_PREFIX)}${pick(ENT_CORE)}${suffix}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const id = `E${String(enterprises.length + 1).padStart(3, '0')}`;
    enterprises.push({ _id: id, name, industry, aboveScale: false, creditCode: credit(), code: id, active: true });
  }
  // 60 above-scale industrial enterprises (规上工业企业): the four named ones and 56 more.
  for (let i = 4; i < 60; i += 1) (enterprises[i * 3] as EnterpriseDoc).aboveScale = true;

  const indicators: IndicatorDoc[] = INDICATORS.map((s, i) => {
    const id = s.id ?? (i < 8 ? `IND-ES-${String(i + 1).padStart(2, '0')}` : `IND-PJ-${String(i - 7).padStart(2, '0')}`);
    return indicator(id, s.name, s.cls, s.kind, s.group, s.unit ?? null, s.metric ?? null, i < 8 ? 'S06' : 'S07');
  });
  for (const [sid, list] of Object.entries(SECTION_INDICATORS)) {
    list.forEach(([name, cls, kind, unit], j) =>
      indicators.push(indicator(`IND-${sid}-${j + 1}`, name, cls, kind, '股室职能', unit ?? null, null, sid)),
    );
  }

  // People. Named ones from the report first.
  const members: MemberDoc[] = [];
  const usedPeople = new Set<string>();
  const person = (id: string, name: string, roles: Role[], sectionId: string | null, post: string | null, enterpriseId: string | null = null) => {
    usedPeople.add(name);
    // staff carry their 工号 (the roster's key); enterprise contacts are no part of the roster
    const staffNo = enterpriseId ? {} : { staffNo: id, joinedOn: null };
    members.push({ _id: id, name, roles, sectionId, post, enterpriseId, active: true, bound: true, ...staffNo });
  };
  const genName = () => {
    for (;;) {
      const n = `${pick([...SURNAMES])}${pick(GIVEN)}`;
      if (!usedPeople.has(n)) return n;
    }
  };
  person('M001', '刘欣', ['leader'], null, '管委会主任');
  person('M002', '李玥', ['leader', 'admin'], 'S02', '党工委委员、组织员');
  for (let i = 3; i <= 7; i += 1) person(`M00${i}`, genName(), ['leader'], null, i === 3 ? '党工委书记' : '管委会副主任');
  let n = 8;
  const nextId = () => `M${String(n++).padStart(3, '0')}`;
  for (const s of sections) {
    person(nextId(), s._id === 'S03' ? genName() : genName(), ['cadre', 'sectionHead'], s._id, '股室负责人');
    const staff = s._id === 'S06' || s._id === 'S07' ? 6 : 5;
    for (let k = 0; k < staff; k += 1) {
      if (s._id === 'S03' && k === 0) person(nextId(), '胡广初', ['cadre'], 'S03', '一级主办');
      else if (s._id === 'S07' && k === 0) person(nextId(), '宋博华', ['cadre'], 'S07', '二级主办');
      else person(nextId(), genName(), ['cadre'], s._id, pick(POSTS));
    }
  }
  // A few new staff not yet bound to WeChat: the admin issues them invite codes.
  const unbound = members.filter((m) => m.roles.length === 1 && m.roles[0] === 'cadre').slice(-4);
  for (const m of unbound) m.bound = false;
  // Enterprise contacts named in the report.
  person('C001', '肖霆', ['enterprise'], null, '项目负责人', 'E001');
  person('C002', '陈海斌', ['enterprise'], null, '企业负责人', 'E002');

  const bindings: BindingDoc[] = members.filter((m) => m.bound).map((m) => ({ _id: demoOpenid(m._id), memberId: m._id, boundAt: now }));

  // This quarter's dossiers, filled by reports dated between the quarter's start and today.
  const daysSoFar = Math.max(0, daysBetween(first, today));
  const cadres = members.filter((m) => m.roles.includes('cadre'));
  const dossiers: DossierDoc[] = [];
  const reports: ReportDoc[] = [];
  cadres.forEach((m, idx) => {
    let d: DossierDoc = newDossier(periodId, m);
    // Diligence varies from person to person; pace with the share of the quarter gone by.
    const share = (daysSoFar + 1) / 92;
    const visits = m.bound ? Math.floor(DEFAULT_QUARTER_TARGETS.enterprise_visit * share * (0.4 + rnd() * 0.9)) : 0;
    for (let v = 0; v < visits; v += 1) {
      const e = enterprises[Math.floor(rnd() * 60 + (idx % 3) * 40)] as EnterpriseDoc;
      const date = dayjs(first)
        .add(Math.floor(rnd() * (daysSoFar + 1)), 'day')
        .format('YYYY-MM-DD');
      reports.push({
        _id: `R${m._id}-${String(v + 1).padStart(3, '0')}`,
        memberId: m._id,
        sectionId: m.sectionId ?? '',
        periodId,
        kind: 'enterprise_visit',
        date,
        enterpriseId: e._id,
        enterpriseName: e.name,
        projectId: null,
        projectName: null,
        note: pick(VISIT_NOTES),
        photoFileIds: [],
        // Recorded at 10:00 park time that day, and never after the moment the park is built.
        createdAt: Math.min(parkInstant(date, '10:00'), now - 60_000),
      });
      d = { ...d, ...applyReport(d, 'enterprise_visit', e._id) };
    }
    dossiers.push(d);
  });

  // Appeals with liaisons; those confirmed this quarter are in their cadres' dossiers, as the function puts them.
  const { appeals, liaisons } = demoAppeals(now, enterprises, members, rnd);
  for (const e of enterprises) e.liaisonId = liaisons.get(e._id) ?? null;
  countConfirmed(appeals, periodId, dossiers, reports, members, now);
  // Key projects and their owners; milestones reached on time this quarter are in the owners' dossiers.
  const keyProjects = demoProjects(now, today, enterprises, members, rnd);
  const { projects, claims } = keyProjects;
  countMilestones(keyProjects, periodId, dossiers, reports, members, now);

  const tree = demoTree(sections, indicators, members);
  const indicatorById = new Map(indicators.map((i) => [i._id, i]));
  const personal = (memberId: string) => tree.filter((n) => n.level === 'personal' && n.memberId === memberId);
  const checklists: ChecklistDoc[] = cadres.map((m) => ({
    _id: checklistId(periodId, m._id),
    periodId,
    memberId: m._id,
    sectionId: m.sectionId ?? '',
    items: buildChecklist(personal(m._id), indicatorById),
  }));
  // Every quarter since last January is closed, with evaluations, spot checks and results (demo/history.ts), and
  // last year's democratic evaluations are counted (demo/votes.ts), so that rankings, trends and the annual results
  // have something to show. Each from a stream of its own: what they draw moves nothing generated above. The
  // cadres the report names for their work do well throughout.
  const REPORT_CADRES = ['胡广初', '宋博华'];
  const itemsOf = new Map(checklists.map((c) => [c.memberId, c.items]));
  const history = demoHistory(
    {
      now,
      members,
      sections,
      enterprises,
      itemsOf: (id) => itemsOf.get(id) ?? [],
      exemplary: members.filter((m) => REPORT_CADRES.includes(m.name)).map((m) => m._id),
    },
    seededRandom(seed + 2),
  );
  const votes = demoVotes(now, members, history.standing, seededRandom(seed + 3));
  // this year's satisfaction campaign (its stream as before) and last year's, whose visitors are in its dossiers
  const rated = demoRatingCampaigns(
    now,
    enterprises,
    projects,
    members,
    { current: (e, year, at) => servedAt(e, year, at, appeals, reports, members), past: visitorsFrom(history.dossiers, members) },
    seededRandom(seed + 1),
    seededRandom(seed + 4),
  );
  const periods: PeriodDoc[] = [...history.periods, { _id: periodId, status: 'open' }];

  // the park's own record, as set-up writes it (park.setup: the first 组织员 is 李玥, M002)
  const park: ParkDoc[] = [{ _id: PARK_DOC_ID, name: '吉州工业园区', setupAt: now, setupBy: 'M002', settings: DEFAULT_PARK_SETTINGS }];

  return {
    park,
    sections,
    enterprises,
    projects,
    claims,
    indicators,
    treeNodes: tree,
    members,
    bindings,
    dossiers: [...dossiers, ...history.dossiers],
    reports,
    periods,
    checklists: [...history.checklists, ...checklists],
    staffEvaluations: history.staffEvaluations,
    sectionEvaluations: history.sectionEvaluations,
    spotChecks: history.spotChecks,
    quarterResults: history.quarterResults,
    voteCampaigns: votes.voteCampaigns,
    voteRolls: votes.voteRolls,
    voteBallots: votes.voteBallots,
    voteResults: votes.voteResults,
    appeals,
    ratingCampaigns: rated.ratingCampaigns,
    ratingCodes: rated.ratingCodes,
    ratings: rated.ratings,
  };
}

const VISIT_NOTES = [
  '了解企业生产经营情况，宣讲惠企政策',
  '对接企业用工需求，联系职业院校开展访企拓岗',
  '协调解决企业用电扩容问题',
  '跟踪项目建设进度，督促施工安全',
  '收集企业融资需求，推荐银企对接',
  '走访了解企业数字化转型需求',
  '现场查看安全生产情况，提醒隐患整改',
];

/**
 * Valid 统一社会信用代码 (GB 32100-2015) for the demo's enterprises: 91 (an enterprise registered with market
 * regulation), 360802 (吉州区), a nine-character organisation code, the check character.
 */
function creditCodes(rnd: () => number): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      // nine draws, one a character of the organisation code, most significant first
      let org = 0;
      for (let i = 0; i < 9; i += 1) org = org * CREDIT_ALPHABET.length + Math.floor(rnd() * CREDIT_ALPHABET.length);
      const code = creditCodeOf(org);
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}

/** The stand-in OPENID of a demo person (in WeChat the platform gives each user one). */
export function demoOpenid(memberId: string): string {
  return `demo_${memberId}`;
}

/** Default target and scoring rule of a demo indicator, from its unit (every one of them a setting). */
function indicator(
  id: string,
  name: string,
  cls: IndicatorClass,
  kind: IndicatorKind,
  group: string,
  unit: string | null,
  metric: keyof typeof DEFAULT_QUARTER_TARGETS | null,
  owner: string,
): IndicatorDoc {
  const base = { _id: id, version: 1, name, class: cls, kind, group, sectionIds: [], unit, metric, owner, active: true };
  const source = cls === 'key' ? '全省开发区综合考核' : cls === 'incentive' ? '园区创优激励' : '园区绩效考核方案';
  if (kind === 'qualitative') return { ...base, source, direction: 'higher', target: null, rule: null };
  if (metric) return { ...base, source, direction: 'higher', target: DEFAULT_QUARTER_TARGETS[metric], rule: { type: 'proportional', cap: 100 } };
  switch (unit) {
    case '%':
      return {
        ...base,
        source,
        direction: 'higher',
        target: 95,
        rule: {
          type: 'tiers',
          tiers: [
            { atLeast: 95, points: 100 },
            { atLeast: 90, points: 90 },
            { atLeast: 80, points: 75 },
            { atLeast: 60, points: 60 },
          ],
        },
      };
    case '天':
      return { ...base, source, direction: 'lower', target: 10, rule: { type: 'proportional', cap: 100 } };
    case '起':
      return { ...base, source, direction: 'lower', target: 0, rule: { type: 'deduction', perUnit: 30, floor: 0 } };
    case '项':
      return { ...base, source, direction: 'higher', target: 1, rule: { type: 'bonus', perUnit: 5, cap: 10 } };
    default:
      return { ...base, source, direction: 'higher', target: 10, rule: { type: 'proportional', cap: 100 } };
  }
}

/** Park goals (the top of the decomposition), each tied to the province's development-zone assessment. */
const GOALS: [string, number][] = [
  ['全省开发区综合考核保持第一等次', 40],
  ['企业满意、营商环境最优', 25],
  ['重点项目快建快投', 20],
  ['干部作风与创新突破', 15],
];

/**
 * The indicator tree: 4 park goals (weights 100) → each section's indicators (the three dossier indicators
 * 20/15/15 and its own indicators sharing 50) → the same per post → each cadre's checklist.
 */
function demoTree(sections: SectionDoc[], indicators: IndicatorDoc[], members: MemberDoc[]): TreeNodeDoc[] {
  const nodes: TreeNodeDoc[] = [];
  const node = (n: Omit<TreeNodeDoc, 'order'>) => {
    nodes.push({ ...n, order: nodes.length });
    return n._id;
  };
  const goals = GOALS.map(([label, weight], i) =>
    node({
      _id: `G${i + 1}`,
      level: 'goal',
      parentId: null,
      label,
      indicatorId: null,
      sectionId: null,
      post: null,
      memberId: null,
      weight,
      target: null,
    }),
  );
  const goalOf = (ind: IndicatorDoc): string =>
    (ind._id.startsWith('IND-ES') ? goals[1] : ind._id.startsWith('IND-PJ') ? goals[2] : ind.class === 'incentive' ? goals[3] : goals[0]) ?? 'G1';
  const fixed: [string, number][] = [
    [DOSSIER_INDICATORS.enterprise_visit, 20],
    [DOSSIER_INDICATORS.appeal_resolved, 15],
    [DOSSIER_INDICATORS.project_milestone, 15],
  ];
  const dossierIds = new Set(fixed.map(([id]) => id));
  for (const s of sections) {
    const own = indicators.filter((i) => !dossierIds.has(i._id) && i.owner === s._id);
    const ownWeights = evenWeights(50, own.length);
    const set: [IndicatorDoc, number][] = [
      ...fixed.map(([id, w]) => [indicators.find((i) => i._id === id) as IndicatorDoc, w] as [IndicatorDoc, number]),
      ...own.map((i, k) => [i, ownWeights[k] ?? 0] as [IndicatorDoc, number]),
    ];
    const sectionNodes = set.map(([ind, weight]) =>
      node({
        _id: `N-${s._id}-${ind._id}`,
        level: 'section',
        parentId: goalOf(ind),
        label: ind.name,
        indicatorId: ind._id,
        sectionId: s._id,
        post: null,
        memberId: null,
        weight,
        target: null,
      }),
    );
    const staff = members.filter((m) => m.sectionId === s._id && m.roles.includes('cadre'));
    const posts = [...new Set(staff.map((m) => m.post ?? ''))];
    posts.forEach((post, p) => {
      // ids are what the contracts' Id accepts (ASCII): the post's name goes in `post`, its number in the id
      const postNodes = set.map(([ind, weight], k) =>
        node({
          _id: `N-${s._id}-P${p + 1}-${ind._id}`,
          level: 'post',
          parentId: sectionNodes[k] ?? null,
          label: ind.name,
          indicatorId: ind._id,
          sectionId: s._id,
          post,
          memberId: null,
          weight,
          target: null,
        }),
      );
      for (const m of staff.filter((x) => (x.post ?? '') === post)) {
        set.forEach(([ind, weight], k) =>
          node({
            _id: `N-${m._id}-${ind._id}`,
            level: 'personal',
            parentId: postNodes[k] ?? null,
            label: ind.name,
            indicatorId: ind._id,
            sectionId: s._id,
            post,
            memberId: m._id,
            weight,
            target: null,
          }),
        );
      }
    });
  }
  return nodes;
}
