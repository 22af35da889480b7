export default defineAppConfig({
  // the demo sign-in page exists only on h5: on weapp the identity is WeChat's
  pages: ['pages/index/index', 'pages/bind/index', ...(process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : [])],
  // features as subpackages: each role's pages load only when that role opens them
  subPackages: [
    { root: 'cadre', pages: ['dossier/index'] },
    { root: 'section', pages: ['staff/index'] },
    { root: 'admin', pages: ['invites/index'] },
    { root: 'enterprise', pages: ['home/index'] },
    { root: 'vote', pages: ['list/index', 'ballot/index', 'manage/index', 'create/index', 'results/index', 'receipt/index'] },
    { root: 'indicators', pages: ['checklist/index', 'apply/index', 'review/index', 'library/index', 'tree/index'] },
    {
      root: 'assess',
      pages: ['record/index', 'projects/index', 'summary/index', 'result/index', 'staff/index', 'evaluate-staff/index', 'evaluate-section/index', 'ranking/index', 'spot/index', 'period/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#EDEDED',
    navigationBarBackgroundColor: '#EDEDED',
    navigationBarTitleText: '标尺',
    navigationBarTextStyle: 'black',
  },
});
