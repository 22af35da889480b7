export default defineAppConfig({
  // the demo sign-in page exists only on h5: on weapp the identity is WeChat's
  pages: ['pages/index/index', 'pages/bind/index', ...(process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : [])],
  // one subpackage per domain area (named as in shared/ and cloudfunctions/): a role's pages load only when opened
  subPackages: [
    { root: 'members', pages: ['invites/index', 'enterprise/index', 'people/index'] },
    { root: 'park', pages: ['calendar/index', 'directory/index', 'sections/index', 'enterprises/index', 'settings/index'] },
    { root: 'imports', pages: ['index'] },
    { root: 'projects', pages: ['list/index', 'detail/index'] },
    { root: 'dossier', pages: ['mine/index', 'staff/index', 'record/index', 'summary/index', 'visit-code/index', 'confirm/index', 'settings/index'] },
    { root: 'indicators', pages: ['checklist/index', 'library/index', 'tree/index'] },
    { root: 'applications', pages: ['apply/index', 'review/index'] },
    {
      root: 'assessment',
      pages: ['result/index', 'staff/index', 'evaluate-staff/index', 'evaluate-section/index', 'ranking/index', 'spot/index', 'period/index'],
    },
    { root: 'votes', pages: ['list/index', 'ballot/index', 'manage/index', 'create/index', 'results/index', 'receipt/index'] },
    { root: 'appeals', pages: ['file/index', 'list/index', 'detail/index', 'dashboard/index'] },
    { root: 'ratings', pages: ['rate/index', 'manage/index', 'print/index', 'results/index'] },
    { root: 'annual', pages: ['ranking/index', 'result/index', 'manage/index'] },
    { root: 'audit', pages: ['log/index'] },
    { root: 'cards', pages: ['manage/index', 'mine/index'] },
    { root: 'pay', pages: ['simulate/index', 'mine/index'] },
    { root: 'feedback', pages: ['write/index', 'mine/index', 'bulletins/index'] },
    { root: 'reminders', pages: ['settings/index', 'outbox/index', 'runs/index'] },
  ],
  // no page in WeChat's search: an internal tool reached by invite, a campaign's code or a reminder
  ...(process.env.TARO_ENV === 'weapp' ? { sitemapLocation: 'sitemap.json' } : {}),
  // inject only the components a page uses (WeChat's code-quality check asks for it; faster start)
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#EDEDED',
    navigationBarBackgroundColor: '#EDEDED',
    navigationBarTitleText: '标尺',
    navigationBarTextStyle: 'black',
  },
});
