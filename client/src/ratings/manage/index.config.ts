export default definePageConfig({ navigationBarTitleText: '企业评', enablePullDownRefresh: true, backgroundColor: '#EDEDED' });
